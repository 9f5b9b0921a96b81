from __future__ import annotations

import atexit
import getpass
import importlib.util
import os
import posixpath
import re
import shutil
import tempfile
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import settings

from generator.cli import main

# Builds keep a cache in the user's cache folder: never the real one during tests.
SCRATCH = tempfile.mkdtemp(prefix="wins-test-cache-")
atexit.register(shutil.rmtree, SCRATCH, ignore_errors=True)
os.environ["XDG_CACHE_HOME"] = SCRATCH

# Hypothesis keeps no example database, and its caches (they save seconds a run) stay out of the repository.
settings.register_profile("wins", database=None)
settings.load_profile("wins")
os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY",
                      os.path.join(tempfile.gettempdir(), f"wins-hypothesis-{getpass.getuser()}"))

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "example-notes"
EXAMPLE_TODAY = "2026-11-25"
GOLDEN = REPO / "tests" / "golden"
CORPORA = REPO.parent / "shared" / "corpora"


def wins(*args: str | Path, **options) -> Result:
    """Run the `wins` command line in this process; fail the test with its output unless it succeeds."""
    result = CliRunner().invoke(main, [str(a) for a in args], **options)
    assert result.exit_code == 0, result.output
    return result


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site but its marker (it names the notes folder): path in the site → bytes."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and p.name != ".evidence-wall"}


def site_links(site: Path) -> list[tuple[str, str, str, str]]:
    """Every link within a built site: (page, href as written, the file it points to, its #anchor)."""
    found = []
    for page in sorted(site.rglob("*.html")):
        name = page.relative_to(site).as_posix()
        for href in re.findall(r'href="([^"]+)"', page.read_text("utf-8")):
            if href.startswith(("http:", "https:", "mailto:", "tel:", "data:")):
                continue
            path, _, anchor = href.partition("#")
            path = path.partition("?")[0]
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), path)) if path else name
            found.append((name, href, target, anchor))
    return found


def broken_links(site: Path) -> list[str]:
    """The links of a built site whose file is missing: "page → href" each."""
    return [f"{page} → {href}" for page, href, target, _ in site_links(site) if not (site / target).is_file()]


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    """example-notes/ built once with --today EXAMPLE_TODAY and shared: read it, never change it."""
    out = tmp_path_factory.mktemp("example") / "site"
    wins("build", EXAMPLE, "-o", out, "--today", EXAMPLE_TODAY, "--no-cache", "-q")
    return out


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


# ------------------------------------------------------------------ the browser tests' shared fixtures
# tests/test_browser.py and tests/test_phone.py drive one Debian chromium through Playwright. Without
# chromium or playwright they skip; with WINS_REQUIRE_BROWSER=1 (CI) they fail.

CHROMIUM = os.environ.get("WINS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _why_no_browser() -> str | None:
    for module, package in (("playwright", "playwright"), ("axe_playwright_python", "axe-playwright-python")):
        if importlib.util.find_spec(module) is None:
            return f"{package} is not installed (pip install -e '.[test]')"
    if not os.access(CHROMIUM, os.X_OK):
        return f"no browser at {CHROMIUM} (apt-get install chromium)"
    return None


@pytest.fixture(scope="session")
def browser():
    reason = _why_no_browser()
    if reason:
        if os.environ.get("WINS_REQUIRE_BROWSER") == "1":
            pytest.fail(f"WINS_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def sites(tmp_path_factory, example_site):
    """Each theme's build of example-notes/, made once: theme → site folder (or the failed build's output)."""
    root = tmp_path_factory.mktemp("browser")
    built: dict[str, Path | str] = {"default": example_site}

    def get(theme: str) -> Path:
        if theme not in built:
            out = root / f"site-{theme}"
            args = ["build", str(EXAMPLE), "-o", str(out), "--today", EXAMPLE_TODAY, "--theme", theme]
            result = CliRunner().invoke(main, args)
            built[theme] = out if result.exit_code == 0 else f"exit {result.exit_code}: {result.output}"
        site = built[theme]
        assert isinstance(site, Path), f"`wins build --theme {theme}` failed: {site}"
        return site

    return get


@pytest.fixture
def context(browser):
    """A fresh browser context per test; new_context(**options) for other settings."""
    made = []

    def new_context(**options):
        made.append(browser.new_context(**options))
        return made[-1]

    yield new_context
    for ctx in made:
        ctx.close()


def pytest_terminal_summary(terminalreporter) -> None:
    """Say so when the tests on the public corpora did not run: a skip is easy to miss among dots."""
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if "test_corpora.py" in r.nodeid]
    if skipped:
        why = "not found" if not CORPORA.is_dir() else "some corpus files not found"
        terminalreporter.write_line(f"corpora tests skipped ({len(skipped)}): ../shared/corpora {why} "
                                    f"(looked in {CORPORA})")
