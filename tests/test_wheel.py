"""The wheel carries templates/ and themes/: an installed `wins` builds a full site from anywhere.

Both the wheel and the sdist carry the MIT licence pyproject.toml promises.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from conftest import EXAMPLE, EXAMPLE_TODAY, REPO

# What `pip wheel` and `python -m build` call (PEP 517), minus their start-up time.
BUILD = ("import sys; from hatchling.build import build_sdist, build_wheel; "
         "build_wheel(sys.argv[1]); build_sdist(sys.argv[1])")


@pytest.fixture(scope="module")
def dists(tmp_path_factory) -> Path:
    """The wheel and the sdist, built once into one folder."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-c", BUILD, str(out)], cwd=REPO, check=True, capture_output=True)
    return out


@pytest.fixture(scope="module")
def wheel(dists) -> Path:
    return next(dists.glob("evidence_wall-*.whl"))


def test_wheel_ships_templates_and_themes(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "generator/templates/index.html" in names
    assert "generator/themes/default/style.css" in names
    assert any(n.endswith("entry_points.txt") for n in names)


def test_wheel_and_sdist_carry_the_licence(wheel, dists):
    licence = (REPO / "LICENSE").read_bytes()
    assert licence.startswith(b"MIT License") and b"The Evidence Wall authors" in licence
    with zipfile.ZipFile(wheel) as built:
        licences = [n for n in built.namelist() if n.endswith(".dist-info/licenses/LICENSE")]
        assert [built.read(n) for n in licences] == [licence]
    with tarfile.open(next(dists.glob("evidence_wall-*.tar.gz"))) as built:
        top = built.getnames()[0].split("/")[0]
        assert built.extractfile(f"{top}/LICENSE").read() == licence


def test_installed_wheel_builds_the_full_site(wheel, tmp_path):
    installed = tmp_path / "installed"
    zipfile.ZipFile(wheel).extractall(installed)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "site"
    env = {"PYTHONPATH": str(installed), "PATH": ""}

    def python(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, *args], cwd=elsewhere, env=env,
                              capture_output=True, text=True)

    where = python("-c", "import generator; print(generator.__file__)")
    assert where.stdout.startswith(str(installed)), where.stdout + where.stderr
    result = python("-m", "generator", "build", str(EXAMPLE), "-o", str(out),
                    "--today", EXAMPLE_TODAY, "-q")
    assert result.returncode == 0, result.stderr
    assert (out / "index.html").is_file()
    assert (out / "style.css").is_file() and (out / "wall.js").is_file()
    assert len(list((out / "months").glob("*.html"))) == 4
