"""A build with nothing changed stops early and says what the last one said; any change builds again."""

from __future__ import annotations

import os
import shutil
from datetime import date

import pytest

import generator.reading
import generator.render
from conftest import site_files, wins
from generator import cache
from generator.build import build_from_options
from generator.cache import cache_folder
from generator.config import Config
from generator.stamp import STAMP
from generator.write import MARKER, MARKER_TEXT

TODAY = date(2025, 5, 20)
NOTES = {
    "2025-03-04.md": "- [x] swam #movement\n",
    "2025-04-02.md": "---\nmood: 1\n---\n- [x] called Jo\n",
    "log.txt": "## 2025-05-01\n- [x] planted beans\n",
    "broken.md": "no date here, nothing to count\n",
    "wall.yaml": "title: Before\n",
}


@pytest.fixture
def built(notes, tmp_path):
    folder = notes(NOTES)
    out = tmp_path / "site"
    assert build(folder, out).stopped is None
    return folder, out


def build(folder, out, **options):
    return build_from_options(folder, out, today=options.pop("today", TODAY), **options)


def stops_early(folder, out, **options) -> bool:
    return build(folder, out, **options).stopped is not None


def same_as_from_scratch(folder, out, tmp_path, *extra: str) -> None:
    scratch = tmp_path / "scratch"
    shutil.rmtree(scratch, ignore_errors=True)
    wins("build", folder, "-o", scratch, "--today", TODAY.isoformat(), "--no-cache", "-q", *extra)
    assert site_files(out) == site_files(scratch)


def test_nothing_changed_stops_before_reading_or_rendering(built, monkeypatch):
    folder, out = built
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in out.rglob("*") if p.is_file()}

    def never(*_args, **_options):
        raise AssertionError("a build with nothing changed went on")

    monkeypatch.setattr(generator.reading, "read_files", never)
    monkeypatch.setattr(generator.render, "render_site", never)
    result = wins("build", folder, "-o", out, "--today", TODAY.isoformat())
    assert "Built 3 days, 3 wins in" in result.stdout and "(0 files written)" in result.stdout
    assert "warning: broken.md" in result.stderr and "1 warning" in result.stderr  # said again
    assert {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in out.rglob("*") if p.is_file()} == before


def test_the_stamp_is_small_and_beside_the_cache(built):
    folder, _ = built
    stamp = cache_folder(folder) / STAMP
    assert stamp.is_file() and stamp.stat().st_size < 4096


@pytest.mark.parametrize("change", [
    "edit a note", "touch a note", "add a note", "delete a note", "rename a note", "settings",
])
def test_a_changed_note_or_setting_builds_again(built, tmp_path, change):
    folder, out = built
    note = folder / "2025-03-04.md"
    if change == "edit a note":
        note.write_text("- [x] swam far #movement\n")
    elif change == "touch a note":
        os.utime(note, ns=(note.stat().st_atime_ns, note.stat().st_mtime_ns + 10**9))
    elif change == "add a note":
        (folder / "2025-05-02.md").write_text("- [x] weeded\n")
    elif change == "delete a note":
        note.unlink()
    elif change == "rename a note":
        note.rename(folder / "2025-03-05.md")
    else:
        (folder / "wall.yaml").write_text("title: After\n")
    assert not stops_early(folder, out)
    same_as_from_scratch(folder, out, tmp_path)
    assert stops_early(folder, out)  # and the build after that has nothing left to do


@pytest.mark.parametrize("change", ["edit a page", "delete a page", "add a file", "an older marker"])
def test_a_site_changed_by_hand_is_built_again(built, tmp_path, change):
    folder, out = built
    if change == "edit a page":
        (out / "months" / "2025-03.html").write_text("scribbled on")
    elif change == "delete a page":
        (out / "style.css").unlink()
    elif change == "add a file":
        (out / "months" / "stray.html").write_text("not ours")
    else:
        (out / MARKER).write_bytes(MARKER_TEXT)  # as earlier versions wrote it: upgraded by the next build
    assert not stops_early(folder, out)
    same_as_from_scratch(folder, out, tmp_path)


def test_a_new_day_builds_again(built, tmp_path):
    folder, out = built
    assert not stops_early(folder, out, today=date(2025, 5, 21))
    assert stops_early(folder, out, today=date(2025, 5, 21))
    assert not stops_early(folder, out)


def test_another_theme_builds_again(built, tmp_path):
    folder, out = built
    assert not stops_early(folder, out, theme="dark")
    same_as_from_scratch(folder, out, tmp_path, "--theme", "dark")
    assert stops_early(folder, out, theme="dark")


def test_a_changed_theme_file_builds_again(notes, tmp_path):
    folder = notes({**NOTES, "wall.yaml": "title: Mine\ntheme: mine\n", "mine/theme.css": "p { color: red }"})
    out = tmp_path / "site"
    build(folder, out)
    assert stops_early(folder, out)
    (folder / "mine" / "theme.css").write_text("body { color: blue }\n")
    assert not stops_early(folder, out)
    assert "blue" in (out / "theme.css").read_text()


def test_another_output_folder_builds_again(built, tmp_path):
    folder, _ = built
    assert not stops_early(folder, tmp_path / "elsewhere")


def test_a_locked_build_never_stops_early_and_leaves_no_stamp(built, monkeypatch):
    folder, out = built
    assert not stops_early(folder, out, passphrase="correct horse")
    assert not (cache_folder(folder) / STAMP).exists()
    assert not stops_early(folder, out, passphrase="correct horse")
    assert not stops_early(folder, out)  # unlocked again: the locked pages are replaced
    assert "Before" in (out / "index.html").read_text()
    assert stops_early(folder, out)


def test_no_cache_never_stops_early(built):
    folder, out = built
    assert not stops_early(folder, out, use_cache=False)


def test_a_missing_notes_folder_is_an_error_even_when_the_stamp_fits(notes, tmp_path):
    from generator.errors import GeneratorError

    folder = notes({"2025-03-04.md": "- [x] tea\n"})
    out = tmp_path / "site"
    build(folder, out)
    shutil.rmtree(folder)
    with pytest.raises(GeneratorError, match="no such notes folder"):
        build(folder, out)


def test_an_empty_wall_is_refused_again_without_force(notes, tmp_path):
    from generator.errors import GeneratorError

    folder = notes({"readme.md": "no dates here\n"})
    out = tmp_path / "site"
    assert build(folder, out, force=True).stopped is None
    with pytest.raises(GeneratorError, match="no dated notes found"):
        build(folder, out)
    assert build(folder, out, force=True).stopped is None


def test_a_changed_module_is_a_new_build(monkeypatch):
    """A line of the program changed in a checkout (no version bump) must not reuse what the old code made."""
    assert "parse.py" in [name for name, *_ in cache.code_state()]
    before = cache.reading_key(Config())
    monkeypatch.setattr(cache, "code_state", lambda: [("parse.py", 1, 2)])
    assert cache.reading_key(Config()) != before
