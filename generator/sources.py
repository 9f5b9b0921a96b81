"""Find the note files under a folder and read them: the only module that reads notes."""

from __future__ import annotations

import fnmatch
import logging
import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from .model import NoteFile, Problem

log = logging.getLogger(__name__)

NOTE_SUFFIXES = (".md", ".markdown", ".txt", ".journal")
IGNORED_FOLDERS = ("logseq/bak", "logseq/.recycle")


def find_notes(root: Path, exclude: tuple[str, ...] = ()) -> Iterator[Path]:
    """Yield note files under root in sorted order, skipping hidden folders and link loops."""
    seen: set[str] = set()
    for folder, subfolders, files in os.walk(root, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            subfolders[:] = []
            continue
        seen.add(real)
        rel = Path(folder).relative_to(root).as_posix()
        subfolders[:] = sorted(
            name for name in subfolders
            if not name.startswith(".") and _join(rel, name) not in IGNORED_FOLDERS
        )
        for name in sorted(files):
            relpath = _join(rel, name)
            if _is_note(name) and not any(fnmatch.fnmatch(relpath, p) for p in exclude):
                yield Path(folder) / name


def _join(folder: str, name: str) -> str:
    return name if folder == "." else f"{folder}/{name}"


def _is_note(name: str) -> bool:
    return not name.startswith(".") and name.lower().endswith(NOTE_SUFFIXES)


def read_note(root: Path, path: Path) -> tuple[NoteFile | None, Problem | None]:
    """Read one note as text; bytes that are not UTF-8 are replaced and reported."""
    source = path.relative_to(root).as_posix()
    try:
        data = path.read_bytes()
        mtime = path.stat().st_mtime
    except OSError as error:
        return None, Problem(source, f"could not be read ({error.strerror}); skipped")
    problem = None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        text = data.decode("utf-8-sig", errors="replace")
        line = data[: error.start].count(b"\n") + 1
        problem = Problem(source, "is not valid UTF-8; unreadable bytes shown as \ufffd", line)
    return NoteFile(source, text, datetime.fromtimestamp(mtime).year), problem


def read_notes(root: Path, exclude: tuple[str, ...] = ()) -> tuple[list[NoteFile], list[Problem]]:
    """Read every note under root, in path order."""
    notes, problems = [], []
    for path in find_notes(root, exclude):
        note, problem = read_note(root, path)
        if note:
            notes.append(note)
        if problem:
            problems.append(problem)
    log.debug("read %d note files", len(notes))
    return notes, problems
