"""`wins check` explains: why a file gave no win, the lines it dropped, why a day is hard."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.model import Day, Dropped, FileResult, Note, Win
from generator.report import explain_file, file_row, hard_reason, shorten, why_no_wins

D = date(2025, 3, 4)


def win(source: str, line: int = 1) -> Win:
    return Win(D, "did a thing", "other", (), source, line)


def note(source: str = "a.md", body: str = "some words", dropped=(), candidates=(), hard_reason=None,
         inferred: bool = False) -> Note:
    return Note(D, source, 1, body, (), candidates=candidates, dropped=tuple(Dropped(*d) for d in dropped),
                hard_reason=hard_reason, inferred=inferred)


def day(*notes: Note, wins=(), reason: str | None = None) -> Day:
    reason = reason or next((n.hard_reason for n in notes if n.hard_reason), None)
    return Day(D, notes, tuple(wins), None, reason, False)


OPEN = "an open task"


@pytest.mark.parametrize(
    ("result", "the_day", "why"),
    [
        (FileResult("x.md", skipped="no date in it"), None, "no date in it"),
        (FileResult("a.md", (note(dropped=[(1, "[ ] a", OPEN), (2, "[ ] b", OPEN)]),)), None,
         "every line: an open task"),
        (FileResult("a.md", (note(dropped=[(1, "a", OPEN), (2, "b?", "a question"), (3, "c", OPEN)]),)),
         None, "2 lines: an open task; 1 line: a question"),  # the commonest reason first
        (FileResult("a.md", (note(body="\n  \n"),)), None, "nothing is written under its date"),
        # before the parser says why a line dropped, the rules it looked for are named
        (FileResult("a.md", (note(),)), None,
         "no line is a checked task, a marked win, a list item or a dated line"),
        # rule 4 is decided per day: another file's marked win means these list items do not count
        (FileResult("b.md", (note("b.md", candidates=(win("b.md"),)),)),
         day(note("b.md"), note("a.md"), wins=[win("a.md")]),
         "unmarked lines count only on a day with no marked win, and a.md marks wins on 2025-03-04"),
    ],
)
def test_why_a_file_gave_no_win(result, the_day, why):
    days = {D: the_day or day(*result.notes)}
    assert why_no_wins(result, days) == why


@pytest.mark.parametrize(
    ("own", "the_day", "hard"),
    [
        ([note()], day(note()), None),
        ([note(hard_reason="rough: on line 4")], day(note(hard_reason="rough: on line 4"), reason="mood 2"),
         "rough: on line 4"),  # this file's own struggle line first
        ([note()], day(note(), reason="mood 2"), "mood 2"),  # else the day's reason
        ([note()], day(note(), note("b.md", hard_reason="hard: on line 2"), reason="hard: on line 2"),
         "hard: on line 2"),
    ],
)
def test_why_a_day_is_hard(own, the_day, hard):
    assert hard_reason(the_day, own) == hard


def test_a_row_has_the_contract_keys_and_every_day():
    notes = (note(inferred=True, dropped=[(3, "Felt flat.", "a feeling, not a deed")]),)
    row = file_row(FileResult("a.md", notes), {D: day(*notes, reason="mood 1")}, Counter())
    assert row == {
        "source": "a.md", "dates": ["2025-03-04"], "wins": 0, "skipped": None,
        "days": [{"date": "2025-03-04", "wins": 0, "hard": "mood 1", "inferred": True}],
        "why": "every line: a feeling, not a deed",
        "dropped": [{"line": 3, "text": "Felt flat.", "why": "a feeling, not a deed"}],
    }


def row(wins: int = 0, dropped: int = 0, why: str | None = "every line: an open task", skipped=None) -> dict:
    return {"source": "a.md", "dates": ["2025-03-04"], "wins": wins, "skipped": skipped, "why": why,
            "days": [{"date": "2025-03-04", "wins": wins, "hard": "mood 2", "inferred": False}],
            "dropped": [{"line": n + 1, "text": f"[ ] task {n + 1}", "why": OPEN} for n in range(dropped)]}


@pytest.mark.parametrize(
    ("the_row", "verbose", "lines"),
    [
        (row(wins=3, dropped=1, why=None), False, []),  # a file with wins: its line says enough
        (row(wins=3, dropped=1, why=None), True,
         ['  line 1: "[ ] task 1" — an open task', "  2025-03-04 is a hard day: mood 2"]),
        (row(dropped=2), False, ["  why: every line: an open task", '  line 1: "[ ] task 1" — an open task',
                                 '  line 2: "[ ] task 2" — an open task']),
        (row(dropped=7), False, ["  why: every line: an open task",
                                 *(f'  line {n}: "[ ] task {n}" — an open task' for n in range(1, 6)),
                                 "  … 2 more lines (--verbose shows all)"]),
        (row(why="no date in it", skipped="no date in it"), False, []),  # the skip line says why
    ],
)
def test_what_check_prints_under_a_file(the_row, verbose, lines):
    assert explain_file(the_row, verbose) == lines


def test_a_long_line_is_quoted_short_on_one_line():
    assert shorten("a  b\tc") == "a b c"
    quoted = shorten("word " * 40)
    assert len(quoted) == 70 and quoted.endswith("…")


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_check_explains_a_folder_that_gave_no_win(notes):
    folder = notes({
        "2025-03-04.md": "The bus was late and it rained all day. Felt flat.\n",
        "2025-03-05.md": "- [ ] laundry\n- [ ] call the GP\n",
        "ideas.md": "some thoughts with no date\n",
    })
    result = run("check", str(folder), "--today", "2025-03-10")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    for source in ("2025-03-04.md", "2025-03-05.md"):
        at = next(i for i, line in enumerate(lines) if line.startswith(f"{source}: 1 day"))
        assert lines[at + 1].startswith("  why: "), lines
    assert "ideas.md: skipped, no date" in result.stdout
    rows = json.loads(run("check", str(folder), "--json", "--today", "2025-03-10").stdout)
    assert all(row["why"] for row in rows)
    assert all(set(row) == {"source", "dates", "wins", "skipped", "days", "why", "dropped"} for row in rows)


def test_check_says_when_another_file_marks_the_days_wins(notes):
    folder = notes({"a.md": "## 2025-03-04\n## Wins\n- swam\n", "b.md": "## 2025-03-04\n- walked\n"})
    rows = {r["source"]: r for r in json.loads(run("check", str(folder), "--json").stdout)}
    assert rows["a.md"]["wins"] == 1 and rows["a.md"]["why"] is None
    assert rows["b.md"]["why"] == ("unmarked lines count only on a day with no marked win, "
                                   "and a.md marks wins on 2025-03-04")


def test_check_verbose_names_each_hard_day(notes):
    folder = notes({"2025-03-02.md": "---\nmood: 1\n---\n- [x] got up\n", "2025-03-03.md": "- [x] swam\n"})
    result = run("check", str(folder), "-v", "--today", "2025-03-05")
    assert result.exit_code == 0, result.output
    assert "  2025-03-02 is a hard day: " in result.stdout
    assert "2025-03-03 is a hard day" not in result.stdout
