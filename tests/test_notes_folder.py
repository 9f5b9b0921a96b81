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
