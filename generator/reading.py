"""Read the note files and parse them, reusing what the last build made of files that did not change."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .cache import Entry, digest
from .model import NoteFile, Problem
from .parallel import parse_all
from .parse import Parser
from .sources import find_notes, read_note

Progress = Callable[[list[Path]], Iterable[Path]]
"""Wraps the list of note files to show progress while they are read (the CLI's bar)."""


@dataclass(frozen=True)
class Pending:
    """A note read and waiting to be parsed."""

    rel: str
    note: NoteFile
    problem: Problem | None
    size: int
    mtime_ns: int
    version: str


@dataclass
class Reading:
    """The note files as read: each one's cached entry (None: not ready), those left to parse, and why
    others could not be read."""

    entries: dict[str, Entry | None] = field(default_factory=dict)
    pending: list[Pending] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_files(notes_dir: Path, exclude: tuple[str, ...], known: dict[str, Entry],
               progress: Progress | None = None) -> Reading:
    """Read every note file, but one whose size and time are as the last build saw them."""
    reading = Reading()
    paths = list(find_notes(notes_dir, exclude))
    for path in progress(paths) if progress else paths:
        rel = path.relative_to(notes_dir).as_posix()
        old = known.get(rel)
        reading.entries[rel] = reuse(old, path) or read_entry(reading, notes_dir, path, old)
    return reading


def reuse(old: Entry | None, path: Path) -> Entry | None:
    """The cached entry when the file's size and modification time are as they were."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return old if old and (old.size, old.mtime_ns) == (stat.st_size, stat.st_mtime_ns) else None


def read_entry(reading: Reading, notes_dir: Path, path: Path, old: Entry | None) -> Entry | None:
    """Read one file: the cached entry when its text is what was parsed before, else queue it."""
    note, problem = read_note(notes_dir, path)
    if note is None:
        reading.problems.append(problem)
        return None
    stat = path.stat()
    version = digest(note.text, note.modified)
    if old and old.digest == version:
        return Entry(stat.st_size, stat.st_mtime_ns, version, old.result)
    rel = path.relative_to(notes_dir).as_posix()
    reading.pending.append(Pending(rel, note, problem, stat.st_size, stat.st_mtime_ns, version))
    return None


def parse_files(reading: Reading, parser: Parser, jobs: int = 0) -> dict[str, Entry]:
    """Parse the files left to parse; return every readable file's entry, in the order read."""
    entries = dict(reading.entries)
    results = parse_all(parser, [waiting.note for waiting in reading.pending], jobs)
    for waiting, result in zip(reading.pending, results, strict=True):
        if waiting.problem:
            result = replace(result, problems=(waiting.problem, *result.problems))
        entries[waiting.rel] = Entry(waiting.size, waiting.mtime_ns, waiting.version, result)
    return {rel: entry for rel, entry in entries.items() if entry}
