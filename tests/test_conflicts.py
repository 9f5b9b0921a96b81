"""generator.conflicts: a sync-conflict copy is dated as its original and adds only the lines it lacks."""

from __future__ import annotations

from dataclasses import fields
from datetime import date

import pytest

from generator.analyze import merge_days
from generator.config import Config
from generator.conflicts import WIN_FIELDS, drop_conflict_repeats, original_source
from generator.model import Note, NoteFile
from generator.parse import Parser


@pytest.mark.parametrize(
    ("source", "original"),
    [
        # PRODUCT.md §1.
        ("2024-04-11.sync-conflict-20240411-123456-ABCDEFG.md", "2024-04-11.md"),  # Syncthing
        ("2024-04-12 (conflicted copy 2024-04-12).md", "2024-04-12.md"),  # Dropbox
        # Dropbox names the device's owner; Nextcloud adds a time; others say "Conflicted copy".
        ("journal/2024-04-14 (Ben's conflicted copy 2024-04-16).md", "journal/2024-04-14.md"),
        ("2024-04-14 (Jane Doe's conflicted copy 2024-04-16 (1)).md", "2024-04-14.md"),
        ("log (conflicted copy 2024-04-11 094810).txt", "log.txt"),
        ("Daily/2024-04-14 (Conflicted copy Pixel 7 202404161230).md", "Daily/2024-04-14.md"),
        ("2024-04-14_conflict-20240416-123456.md", "2024-04-14.md"),  # ownCloud
        ("2024-04-14 (SFConflict jane@example.org 2024-04-16-12-34-56).md", "2024-04-14.md"),  # Seafile
        ("notes.sync-conflict-20240411-123456.txt", "notes.txt"),  # an older Syncthing: no device
        # Not copies.
        ("2024-04-11.md", None),
        ("conflicted copy.md", None),
        ("notes (1).md", None),  # a second file of the same name, not a conflict: both are counted
        ("sync-conflict-20240411-123456.md", None),
    ],
)
def test_original_source_finds_the_note_a_copy_was_copied_from(source, original):
    assert original_source(source) == original


def parse(source: str, text: str) -> tuple[Note, ...]:
    return Parser(Config()).parse(NoteFile(source, text, date(2026, 11, 20))).notes


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # PRODUCT.md §1: the note's date is the original's, the first date in the name.
        ("2024-04-14 (Ben's conflicted copy 2024-04-16).md", date(2024, 4, 14)),
        ("2024-04-13.sync-conflict-20240415-081500-QWERTY1.md", date(2024, 4, 13)),
        ("Friday 9th February 2024 (conflicted copy 2024-04-12).md", date(2024, 2, 9)),
    ],
)
def test_a_copy_is_dated_as_its_original(source, expected):
    assert [n.date for n in parse(source, "- went to the allotment\n")] == [expected]


def test_a_copy_of_a_running_log_is_dated_by_its_lines_not_by_the_conflict():
    notes = parse("log (conflicted copy 2024-04-11).md", "## 2024-03-01\n- a\n")
    assert [n.date for n in notes] == [date(2024, 3, 1)]


SYNCTHING = "2024-04-11.sync-conflict-20240411-123456-ABCDEFG.md"


def day_texts(*files: tuple[str, str]) -> dict[str, list[str]]:
    """The wins each day shows once conflict repeats are dropped, as analyze does."""
    notes = [note for source, text in files for note in parse(source, text)]
    return {d.date.isoformat(): [w.text for w in d.wins] for d in merge_days(drop_conflict_repeats(notes))}


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        # A copy adds only the lines its original lacks: log mode (rule 4) …
        ((("2024-04-11.md", "- post office\n- bank\n- lasagne\n"),
          (SYNCTHING, "- post office\n- bank\n- basil\n- lasagne\n")),
         {"2024-04-11": ["post office", "bank", "lasagne", "basil"]}),
        # … marked wins (rule 1–3) …
        ((("2024-04-13.md", "rough.\n- [x] walked Bramble\n"),
          ("2024-04-13.sync-conflict-20240415-081500-QWERTY1.md",
           "rough.\n- [x] walked Bramble\n- [x] texted Ellie\n")),
         {"2024-04-13": ["walked Bramble", "texted Ellie"]}),
        # … a wins section; lines are compared without their indentation.
        ((("2024-04-12.md", "## Wins\n- tax return\n- Nan's letter\n"),
          ("2024-04-12 (conflicted copy 2024-04-12).md", "## Wins\n  - tax return\n- hoovered\n")),
         {"2024-04-12": ["hoovered", "tax return", "Nan's letter"]}),  # sorted by file, then line
        # A copy whose original is gone keeps every win.
        ((("2024-04-14 (Ben's conflicted copy 2024-04-16).md", "- allotment\n- radishes\n"),),
         {"2024-04-14": ["allotment", "radishes"]}),
        # A running log's copy is compared day by day: the same line on another day is another win.
        ((("log.md", "## 2024-03-01\n- walked\n"),
          ("log (conflicted copy 2024-03-03).md", "## 2024-03-01\n- walked\n## 2024-03-02\n- walked\n")),
         {"2024-03-01": ["walked"], "2024-03-02": ["walked"]}),
        # Two notes that are not copies of each other both count, repeats and all.
        ((("2024-04-11.md", "- walked\n"), ("2024-04-11 evening.md", "- walked\n")),
         {"2024-04-11": ["walked", "walked"]}),
    ],
)
def test_a_copy_adds_only_the_lines_its_original_lacks(files, expected):
    assert day_texts(*files) == expected


def test_every_field_of_a_note_that_holds_wins_is_filtered():
    """When Note gains a field of wins, WIN_FIELDS must name it, or a copy's repeats come back."""
    assert set(WIN_FIELDS) == {f.name for f in fields(Note) if f.type == "tuple[Win, ...]"}
