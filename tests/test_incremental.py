"""Repeated builds redo only what changed, and give exactly what a build from scratch gives."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from generator.cache import cache_dir, cache_folder, load_cache, reading_key
from generator.cli import main
from generator.config import load_config

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
    path = cache_folder(folder)
    assert path.is_dir() and folder not in path.parents
    for file in path.rglob("*"):
        if file.is_file():
            file.write_bytes(b"not a pickle")
    before = {name: data for name, (_, data) in snapshot(out).items()}
    build(folder, out)
    cache = load_cache(folder, reading_key(load_config(None, folder)))
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


def caches() -> set[str]:
    """The notes folders' caches (not the compiled templates)."""
    return {p.name for p in cache_dir().iterdir() if p.is_dir() and p.name != "templates"}


def test_the_cache_keeps_only_the_few_notes_folders_built_last_that_still_exist(tmp_path):
    import shutil

    from conftest import wins
    from generator.cache import KEEP

    folders = []
    for number in range(KEEP + 2):
        folder = tmp_path / f"notes{number}"
        folder.mkdir()
        (folder / "2025-03-04.md").write_text("- [x] tea\n")
        wins("build", folder, "-o", tmp_path / f"site{number}", "--today", "2025-03-04", "-q")
        folders.append(folder)
    assert caches() == {cache_folder(f).name for f in folders[-KEEP:]}
    shutil.rmtree(folders[-1])
    wins("build", folders[-2], "-o", tmp_path / "site5", "--today", "2025-03-04", "-q")
    assert caches() == {cache_folder(f).name for f in folders[-KEEP:-1]}
    assert str(tmp_path) in (cache_dir() / "index.json").read_text()  # paths stay in the cache folder


MANY = {
    "2024-12-30.md": "- [x] wrapped gifts #family\n- [x] ran 5k #movement\n",
    "2025-03-04.md": "- [x] swam #movement\n- [x] read a chapter\n",
    "2025-03-05.md": "Tired today.\n- [x] cooked dinner\n",
    "2025-04-02.md": "---\nmood: 2\n---\n- [x] called Jo\n",
    "log.txt": "## 2025-05-01\n- [x] planted beans\n## 2025-05-02\n- [x] watered beans\n",
    "prose.md": "# 2025-05-03\nI fixed the gate and then I painted it.\n",
    "wall.yaml": "title: Many\n",
}
EDITS = [
    ("append a win", lambda f: (f / "2025-03-04.md").open("a").write("- [x] stretched\n")),
    ("make a day hard", lambda f: (f / "2025-03-05.md").write_text("rough: no sleep\n- [x] cooked dinner\n")),
    ("a win on a hard day", lambda f: (f / "2025-04-02.md").open("a").write("- [x] tidied the desk\n")),
    ("add a conflict copy", lambda f: (f / "2025-03-04.sync-conflict-20250305-101010-ABCDEFG.md").write_text(
        "- [x] swam #movement\n- [x] phoned the bank\n")),
    ("edit the copied note", lambda f: (f / "2025-03-04.md").write_text("- [x] phoned the bank\n")),
    ("a day of a log file", lambda f: (f / "log.txt").write_text("## 2025-05-01\n- [x] planted peas\n")),
    ("a new year", lambda f: (f / "2023-07-01.md").write_text("- [x] started the wall\n")),
    ("delete a month", lambda f: (f / "2025-04-02.md").unlink()),
    ("settings", lambda f: (f / "wall.yaml").write_text("title: Many\nquiet_dates: [2025-03-04]\n")),
]


def forget_memos() -> dict:
    """Start as a new process would, with nothing kept in memory (memo.py); return what was kept."""
    from generator.timeline import YEARS

    kept = {memo: memo.kept for memo in (YEARS,)}
    for memo in kept:
        memo.kept = {}
    return kept


@pytest.mark.parametrize("how", ["one command each", "wins serve"])
def test_every_edit_gives_what_a_build_from_scratch_gives(notes, tmp_path, how):
    """After each edit, the site updated in place (by new commands, or one process keeping what it knew)
    is the site a build from scratch makes, file for file."""
    from datetime import date

    from conftest import site_files
    from generator.build import build_from_options

    folder, out, scratch = notes(MANY), tmp_path / "site", tmp_path / "scratch"
    run = None
    for day, (_, edit) in zip([20, 20, 20, 20, 21, 21, 22, 22, 22], EDITS, strict=True):
        if how == "one command each":
            forget_memos()
            build(folder, out, "--today", f"2025-05-{day}")
        else:
            run = build_from_options(folder, out, today=date(2025, 5, day), kept=run and run.cache,
                                     stop_early=False)
        kept = forget_memos()  # the build from scratch must not reuse them either
        build(folder, scratch, "--today", f"2025-05-{day}", "--no-cache")
        for memo, parts in kept.items():
            memo.kept = parts
        assert site_files(out) == site_files(scratch)
        edit(folder)
    drawn = [p.name.rpartition(".")[0] for p in (cache_folder(folder) / "parts").iterdir()]
    assert sorted(drawn) == sorted(set(drawn)) and "timeline-2025" in drawn  # the latest of each part


def test_an_edit_rewrites_one_shard_of_the_cache(built):
    from generator.cache import SHARDS

    folder, out = built
    shards = {p.name: p.stat().st_mtime_ns for p in cache_folder(folder).glob("files-*.pickle")}
    assert len(shards) <= SHARDS
    with (folder / "2025-04-02.md").open("a") as note:
        note.write("- [x] fixed the bike\n")
    build(folder, out)
    after = {p.name: p.stat().st_mtime_ns for p in cache_folder(folder).glob("files-*.pickle")}
    assert len([name for name in after if after[name] != shards.get(name)]) == 1
