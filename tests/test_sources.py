"""Finding and reading note files: hidden folders, other files and link loops are left alone."""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path

import pytest

from generator.model import NoteFile, Problem
from generator.sources import find_notes, modified_day, read_note


def read_notes(root: Path, exclude: tuple[str, ...] = ()) -> tuple[list[NoteFile], list[Problem]]:
    """Read every note under root as a build does: find_notes, then read_note for each."""
    read = [read_note(root, path) for path in find_notes(root, exclude)]
    return [note for note, _ in read if note], [problem for _, problem in read if problem]


def test_only_note_files_outside_hidden_folders_are_read(notes):
    folder = notes({
        "2025-03-01.md": "a", "b.markdown": "b", "c.txt": "c", "d.journal": "d",
        "photo.jpg": "x", "wall.yaml": "title: x", ".hidden.md": "x",
        ".obsidian/workspace.md": "x", ".git/notes.md": "x", ".trash/old.md": "x",
        "logseq/bak/journals/2025_03_01.md": "x", "journals/2025_03_02.md": "kept",
    })
    texts, problems = read_notes(folder)
    assert [t.source for t in texts] == [
        "2025-03-01.md", "b.markdown", "c.txt", "d.journal", "journals/2025_03_02.md"]
    assert problems == []


def test_exclude_patterns(notes):
    folder = notes({"2025-03-01.md": "a", "drafts/2025-03-02.md": "b"})
    texts, _ = read_notes(folder, ("drafts/*",))
    assert [t.source for t in texts] == ["2025-03-01.md"]


def test_link_loop_is_read_once_and_ends(notes):
    folder = notes({"sub/2025-03-01.md": "a"})
    os.symlink(folder, folder / "sub" / "loop")
    texts, _ = read_notes(folder)
    assert [t.source for t in texts] == ["sub/2025-03-01.md"]


def test_bom_and_crlf_are_read_as_plain_text(notes):
    folder = notes({})
    (folder / "2025-03-01.md").write_bytes(b"\xef\xbb\xbf- [x] one\r\n- [x] two\r\n")
    texts, problems = read_notes(folder)
    assert texts[0].text.splitlines() == ["- [x] one", "- [x] two"]
    assert problems == []


def test_invalid_utf8_is_replaced_and_reported_with_line(notes):
    folder = notes({})
    (folder / "2025-03-01.md").write_bytes(b"- [x] one\n- [x] caf\xe9\n")
    texts, problems = read_notes(folder)
    assert "\ufffd" in texts[0].text
    assert (problems[0].source, problems[0].line) == ("2025-03-01.md", 2)


def local(*when: int) -> float:
    """A local wall-clock time as a file time."""
    return time.mktime((*when, 0, 0, -1))


@pytest.mark.parametrize(
    ("mtime", "expected"),
    [
        # The local calendar day, never converted through UTC (PRODUCT.md §3).
        (local(2025, 3, 4, 12, 0, 0), date(2025, 3, 4)),
        (local(2025, 3, 4, 0, 0, 30), date(2025, 3, 4)),
        (local(2025, 3, 4, 23, 59, 30), date(2025, 3, 4)),
        # A time no note was written at: a zip's or a reproducible build's zero, or out of range.
        (0, None),
        (1, None),
        (local(1980, 1, 1, 0, 0, 0), None),
        (1e20, None),
        (-1e20, None),
        (float("nan"), None),
    ],
)
def test_modified_day_is_the_local_calendar_day_of_a_file_time(mtime, expected):
    assert modified_day(mtime) == expected


def test_a_note_knows_the_day_it_was_last_modified(notes):
    folder = notes({"log.txt": "Tuesday: did laundry"})
    os.utime(folder / "log.txt", (local(2025, 3, 6, 9, 0, 0),) * 2)
    texts, _ = read_notes(folder)
    assert texts[0].modified == date(2025, 3, 6)
