"""Which notes folder a command uses, and that nothing outside it (and its site) is ever changed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.errors import GeneratorError
from generator.notes_folder import daily_day, find_notes_folder

TODAY = date.today()


def invoke(*args, cwd: Path, env: dict | None = None):
    """Run `wins` as if in the folder cwd."""
    import os

    here = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, [str(a) for a in args], env={"WINS_NOTES": None, **(env or {})})
    finally:
        os.chdir(here)


@pytest.mark.parametrize("rel, day", [
    ("2026-11-27.md", date(2026, 11, 27)),
    ("journals/2026_11_27.md", date(2026, 11, 27)),
    ("2026/11/27.md", date(2026, 11, 27)),
    ("20261127.txt", date(2026, 11, 27)),
    ("Downloads/bank-statement-2026-11-27.txt", None),
    ("2026-11-27 meeting.md", None),
    ("2026-02-30.md", None),
    ("2026-11-27.py", None),
])
def test_a_daily_note_is_named_by_its_date_alone(rel, day):
    assert daily_day(rel) == day


def test_the_order_argument_wall_yaml_above_then_wins_notes_then_dated_notes_here(tmp_path):
    notes = tmp_path / "notes"
    (notes / "2026" / "deep").mkdir(parents=True)
    (notes / "wall.yaml").write_text("")
    other = tmp_path / "other"
    other.mkdir()
    env = {"WINS_NOTES": str(other)}
    assert find_notes_folder(Path("given"), notes / "2026", env) == Path("given")
    assert find_notes_folder(None, notes / "2026" / "deep", env) == notes
    assert find_notes_folder(None, other, env) == other
    (other / "journals").mkdir()
    (other / "journals" / "2026_11_27.md").write_text("- tea\n")
    with pytest.raises(GeneratorError):  # one dated file is as likely a download as a note
        find_notes_folder(None, other, {})
    (other / "journals" / "2026_11_28.md").write_text("- tea\n")
    assert find_notes_folder(None, other, {}) == other
    with pytest.raises(GeneratorError, match="wins init"):
        find_notes_folder(None, tmp_path, {})


def test_add_refuses_without_a_notes_folder_and_makes_no_note(tmp_path):
    result = invoke("add", "called mom back", cwd=tmp_path)
    assert result.exit_code == 1, result.output
    assert "wins init" in result.stderr and "--notes" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_add_never_writes_to_a_file_that_only_carries_a_date(tmp_path):
    (tmp_path / "wall.yaml").write_text("")
    statement = tmp_path / "Downloads" / f"bank-statement-{TODAY.isoformat()}.txt"
    statement.parent.mkdir()
    statement.write_text("balance: 3\n")
    result = invoke("add", "called mom back", "--tag", "family", cwd=statement.parent)
    assert result.exit_code == 0, result.output
    assert statement.read_text() == "balance: 3\n"
    assert (tmp_path / f"{TODAY.isoformat()}.md").read_text() == "- [x] called mom back #family\n"


def test_build_without_notes_refuses(tmp_path):
    result = invoke("build", cwd=tmp_path)
    assert result.exit_code == 1 and "wins init" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_add_follows_logseq_settings_not_a_stray_root_note(tmp_path):
    (tmp_path / "logseq").mkdir()
    (tmp_path / "logseq" / "config.edn").write_text('{:journal/file-name-format "yyyy_MM_dd"}')
    (tmp_path / "wall.yaml").write_text("")
    stray = tmp_path / f"{TODAY.isoformat()}.md"
    stray.write_text("- stray\n")
    result = invoke("add", "tea", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "journals" / f"{TODAY:%Y_%m_%d}.md").read_text() == "- DONE tea\n"
    assert stray.read_text() == "- stray\n"


def snapshot(home: Path, *allowed: str) -> dict[str, tuple[bytes, int]]:
    """Every file under home but those in the allowed folders: its bytes and modification time."""
    return {p.relative_to(home).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(home.rglob("*")) if p.is_file()
            and not any(p.relative_to(home).as_posix().startswith(a) for a in allowed)}


def make_home(home: Path) -> None:
    """A tree like a home folder: dated downloads, a virtualenv, a git repository, a notes folder."""
    day = TODAY.isoformat()
    files = {
        f"Downloads/bank-statement-{day}.txt": "balance: 3\n",
        f"Downloads/{day}.txt": "a saved page\n",
        "Downloads/takeout.zip": None,
        "venv/pyvenv.cfg": "home = /usr/bin\n",
        "venv/lib/python3.11/site-packages/thing/__init__.py": "x = 1\n",
        "venv/lib/python3.11/site-packages/thing/notes.txt": "- [x] not a win\n",
        "code/.git/HEAD": "ref: refs/heads/main\n",
        f"code/docs/meetings/{day}.md": "- [x] shipped it\n",
        "code/CHANGELOG.md": "## 2026-11-20\n- fixed\n",
        "notes/wall.yaml": "",
        "notes/2026-11-20.md": "- [x] tea\n",
    }
    for rel, text in files.items():
        path = home / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if text is None:
            import zipfile

            with zipfile.ZipFile(path, "w") as archive:
                archive.writestr("Takeout/Keep/a.json", '{"textContent": "- [x] swam", '
                                 '"userEditedTimestampUsec": 1709564400000000}')
        else:
            path.write_text(text)


@pytest.mark.parametrize("cwd, args, code", [
    ("", ["add", "called mom back", "--tag", "family"], 1),
    ("Downloads", ["add", "called mom back"], 1),
    ("venv/lib", ["build"], 1),
    ("code", ["build"], 1),
    ("code", ["add", "x", "--hard"], 1),
    ("", ["init"], 1),
    ("Downloads", ["init"], 1),
    ("", ["import", "keep", "Downloads/takeout.zip", "--into", "notes"], 0),
    ("Downloads", ["import", "dayone", "takeout.zip", "--into", "../notes"], 1),
    ("notes", ["add", "called mom back"], 0),
    ("notes", ["build"], 0),
    ("notes", ["init"], 0),
    ("notes", ["check"], 0),
])
def test_in_a_home_folder_nothing_outside_the_notes_and_its_site_changes(tmp_path, cwd, args, code):
    home = tmp_path / "home"
    make_home(home)
    before = snapshot(home, "notes/", "site/")
    result = invoke(*args, cwd=home / cwd)
    assert result.exit_code == code, result.output
    assert snapshot(home, "notes/", "site/") == before
    assert sorted(p.name for p in home.iterdir()) == sorted(
        ["Downloads", "venv", "code", "notes", *(["site"] if args == ["build"] and code == 0 else [])])


def test_in_a_home_folder_wins_notes_names_the_notes_folder(tmp_path):
    home = tmp_path / "home"
    make_home(home)
    before = snapshot(home, "notes/")
    result = invoke("add", "called mom back", cwd=home / "Downloads", env={"WINS_NOTES": str(home / "notes")})
    assert result.exit_code == 0, result.output
    assert snapshot(home, "notes/") == before
    assert (home / "notes" / f"{TODAY.isoformat()}.md").read_text() == "- [x] called mom back\n"
