"""Repeated builds redo only what changed, and give exactly what a build from scratch gives."""

from __future__ import annotations

import pickle

import pytest
from click.testing import CliRunner

from generator.cache import Cache, cache_file
from generator.cli import main

TODAY = "2025-05-20"
NOTES = {
    "2025-03-04.md": "- [x] swam #movement\n",
    "2025-04-02.md": "- [x] called Jo\n",
    "log.txt": "## 2025-05-01\n- [x] planted beans\n",
    "wall.yaml": "title: Before\n",
}


def build(notes, out, *extra: str):
    result = CliRunner().invoke(main, ["build", str(notes), "-o", str(out), "--today", TODAY, *extra])
    assert result.exit_code == 0, result.output
    return result


def snapshot(out) -> dict[str, tuple[int, bytes]]:
    return {p.relative_to(out).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
            for p in out.rglob("*") if p.is_file()}


def same_as_from_scratch(notes, out, tmp_path) -> None:
    scratch = tmp_path / "scratch"
    build(notes, scratch, "--no-cache")
    assert {k: v[1] for k, v in snapshot(out).items()} == {k: v[1] for k, v in snapshot(scratch).items()}


@pytest.fixture
def built(notes, tmp_path):
    folder = notes(NOTES)
    out = tmp_path / "site"
    build(folder, out)
    return folder, out


def test_nothing_changed_nothing_written(built):
    folder, out = built
    before = snapshot(out)
    assert "(0 files written)" in build(folder, out).stdout
    assert snapshot(out) == before


def test_one_edited_note_rewrites_only_what_shows_it(built, tmp_path):
    folder, out = built
    before = snapshot(out)
    with (folder / "2025-04-02.md").open("a") as note:
        note.write("- [x] fixed the bike\n")
    build(folder, out)
    after = snapshot(out)
    changed = {name for name in after if after[name] != before.get(name)}
    assert "months/2025-04.html" in changed and "index.html" in changed
    assert "months/2025-03.html" not in changed and "months/2025-05.html" not in changed
    assert "tags/movement.html" not in changed
    same_as_from_scratch(folder, out, tmp_path)


def test_a_deleted_note_takes_its_pages_with_it(built, tmp_path):
    folder, out = built
    (folder / "2025-03-04.md").unlink()
    build(folder, out)
    assert not (out / "months" / "2025-03.html").exists()
    assert not (out / "tags" / "movement.html").exists()
    same_as_from_scratch(folder, out, tmp_path)


def test_a_settings_change_reaches_every_page(built, tmp_path):
    folder, out = built
    (folder / "wall.yaml").write_text("title: After\n")
    build(folder, out)
    for page in ("index.html", "months/2025-03.html", "tags/movement.html"):
        assert "After" in (out / page).read_text("utf-8")
    same_as_from_scratch(folder, out, tmp_path)


def test_touching_a_note_without_changing_it_rewrites_nothing(built):
    folder, out = built
    before = snapshot(out)
    (folder / "2025-03-04.md").write_text(NOTES["2025-03-04.md"])
    build(folder, out)
    assert snapshot(out) == before


def test_a_site_changed_by_hand_is_repaired(built):
    folder, out = built
    (out / "months" / "2025-03.html").unlink()
    (out / "index.html").write_text("scribbled on")
    build(folder, out)
    assert (out / "months" / "2025-03.html").is_file()
    assert "Before" in (out / "index.html").read_text("utf-8")


def test_the_cache_lives_outside_the_notes_and_a_broken_one_is_ignored(built, tmp_path):
    folder, out = built
    path = cache_file(folder)
    assert path.is_file() and folder not in path.parents
    path.write_bytes(b"not a pickle")
    before = {name: data for name, (_, data) in snapshot(out).items()}
    build(folder, out)
    cache = pickle.loads(path.read_bytes())
    assert isinstance(cache, Cache)
    assert sorted(cache.files) == sorted(name for name in NOTES if name != "wall.yaml")
    assert cache.site == str(out.resolve()) and "index.html" in cache.pages
    assert {name: data for name, (_, data) in snapshot(out).items()} == before


def test_a_new_date_order_reads_every_file_again(notes, tmp_path):
    folder = notes({"log.txt": "2025-01-01: start\n3/4 - a win\n"})
    out = tmp_path / "site"
    build(folder, out)
    assert (out / "months" / "2025-03.html").is_file()
    (folder / "wall.yaml").write_text("date_order: dmy\n")
    build(folder, out)
    assert (out / "months" / "2025-04.html").is_file()
    assert not (out / "months" / "2025-03.html").exists()


def test_an_unwritable_cache_folder_only_makes_builds_slower(notes, tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    from generator.theme import make_env

    make_env.cache_clear()
    folder = notes({"2025-03-04.md": "- [x] tea\n"})
    build(folder, tmp_path / "site")
    assert (tmp_path / "site" / "index.html").is_file()
    make_env.cache_clear()


def test_every_file_of_the_site_is_a_listed_page_or_a_theme_file(built):
    from datetime import date

    from conftest import REPO
    from generator.build import collect
    from generator.config import load_config
    from generator.render import list_pages
    from generator.write import MARKER

    folder, out = built
    wall = collect(folder, load_config(None, folder), date.fromisoformat(TODAY)).wall
    pages = [page.path for page in list_pages(wall)]
    assert len(pages) == len(set(pages))
    assert {"search-index.js", "print.html", "print/2025.html"} <= set(pages)
    theme = REPO / "themes" / "default"
    assets = {p.relative_to(theme).as_posix() for p in theme.rglob("*") if p.is_file()}
    assert {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()} == {*pages, *assets, MARKER}


def test_the_cache_keeps_only_the_few_notes_folders_built_last_that_still_exist(tmp_path):
    import shutil

    from conftest import wins
    from generator.cache import KEEP, cache_dir

    folders = []
    for number in range(KEEP + 2):
        folder = tmp_path / f"notes{number}"
        folder.mkdir()
        (folder / "2025-03-04.md").write_text("- [x] tea\n")
        wins("build", folder, "-o", tmp_path / f"site{number}", "--today", "2025-03-04", "-q")
        folders.append(folder)
    kept = {p.name for p in cache_dir().glob("*.pickle")}
    assert kept == {cache_file(f).name for f in folders[-KEEP:]}
    shutil.rmtree(folders[-1])
    wins("build", folders[-2], "-o", tmp_path / "site5", "--today", "2025-03-04", "-q")
    assert {p.name for p in cache_dir().glob("*.pickle")} == {cache_file(f).name for f in folders[-KEEP:-1]}
    assert str(tmp_path) in (cache_dir() / "index.json").read_text()  # paths stay in the cache folder
