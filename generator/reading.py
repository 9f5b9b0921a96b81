"""Read the note files and parse them, reusing what the last build made of files that did not change."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .cache import Entry, digest
from .model import NoteFile, Problem
from .parallel import parse_all
from .parse import Parser
from .sources import read_note

Progress = Callable[[list[str]], Iterable[str]]
"""Wraps the list of note files to show progress while they are read (the CLI's bar)."""


@dataclass(frozen=True)
class Pending:
    """A note read and waiting to be parsed."""

    rel: str
    note: NoteFile
    problem: Problem | None
    state: tuple[int, int]
    version: str


@dataclass
class Reading:
    """The note files as read: each one's cached entry (None: not ready), those left to parse, and why
    others could not be read."""

    entries: dict[str, Entry | None] = field(default_factory=dict)
    pending: list[Pending] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_files(notes_dir: Path, states: dict[str, tuple[int, int] | None], known: dict[str, Entry],
               progress: Progress | None = None) -> Reading:
    """Read every note file (states: each one's size and time, sources.note_states), but one whose size
    and time are as the last build saw them."""
    reading = Reading()
    rels = list(states)
    for rel in progress(rels) if progress else rels:
        old, state = known.get(rel), states[rel]
        reused = old if old and state == (old.size, old.mtime_ns) else None
        reading.entries[rel] = reused or read_entry(reading, notes_dir, rel, state, old)
    return reading


def read_entry(reading: Reading, notes_dir: Path, rel: str, state: tuple[int, int] | None,
               old: Entry | None) -> Entry | None:
    """Read one file: the cached entry when its text is what was parsed before, else queue it.

    It is known by its size and time from before it was read: a file changed while it is read is read
    again by the next build (as is one that could not be looked at then, but read now)."""
    note, problem = read_note(notes_dir, notes_dir / rel)
    if note is None:
        reading.problems.append(problem)
        return None
    state = state or (-1, -1)
    version = digest(note.text, note.modified)
    if old and old.digest == version:
        return Entry(*state, version, old.result)
    reading.pending.append(Pending(rel, note, problem, state, version))
    return None


def parse_files(reading: Reading, parser: Parser, jobs: int = 0) -> dict[str, Entry]:
    """Parse the files left to parse; return every readable file's entry, in the order read."""
    entries = dict(reading.entries)
    results = parse_all(parser, [waiting.note for waiting in reading.pending], jobs)
    for waiting, result in zip(reading.pending, results, strict=True):
        if waiting.problem:
            result = replace(result, problems=(waiting.problem, *result.problems))
        entries[waiting.rel] = Entry(*waiting.state, waiting.version, result)
    return {rel: entry for rel, entry in entries.items() if entry}
