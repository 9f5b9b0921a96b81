from __future__ import annotations

import os
import tempfile
import textwrap
from pathlib import Path

import pytest

# Builds keep a cache in the user's cache folder: never the real one during tests.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="wins-test-cache-")

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "example-notes"
EXAMPLE_TODAY = "2026-11-25"


@pytest.fixture
def notes(tmp_path: Path):
    """Write small notes: notes({"2025-03-04.md": "- [x] did it"}) → the notes folder."""
    folder = tmp_path / "notes"
    folder.mkdir()

    def write(files: dict[str, str]) -> Path:
        for name, text in files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return folder

    return write


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    """Each test starts with an empty build cache of its own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
