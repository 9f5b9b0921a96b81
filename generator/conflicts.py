"""Sync-conflict copies: find each copy's original, and count only what the copy adds (PRODUCT.md §1).

A sync tool that cannot merge two edits of a note keeps both: the original, and a copy named after it
(`2024-04-11.sync-conflict-20240411-123456-ABCDEFG.md`, `2024-04-11 (Jane's conflicted copy 2024-04-12).md`).
The copy's date is the original's, and a line it shares with its original is the same win, not another.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from functools import lru_cache

from .model import Note, Win

# The part a sync tool adds to a copy's name, just before the suffix.
CONFLICT_PARTS = (
    re.compile(r"\.sync-conflict-\d{8}-\d{6}(?:-[A-Z0-9]{7})?(?=\.[^.]+$)"),  # Syncthing
    # Dropbox, Nextcloud, Obsidian and others: ` (conflicted copy 2024-04-11)`, ` (Jane's conflicted copy …)`
    re.compile(r" ?\([^()]*\bconflicted copy\b[^()]*(?:\(\d+\))?\)(?=\.[^.]+$)", re.I),
    re.compile(r"_conflict-\d{8}-\d{6}(?=\.[^.]+$)"),  # ownCloud
    re.compile(r" ?\(SFConflict [^()]+\)(?=\.[^.]+$)"),  # Seafile
)
WIN_FIELDS = ("wins", "candidates", "prose", "rescued")
"""Every field of a Note that holds wins: a copy's repeats are dropped from each."""


@lru_cache(maxsize=1 << 16)
def original_source(source: str) -> str | None:
    """Return the path of the note a sync-conflict copy was copied from; None when it is not a copy."""
    folder, slash, name = source.rpartition("/")
    for pattern in CONFLICT_PARTS:
        original = pattern.sub("", name, count=1)
        if original != name:
            return folder + slash + original
    return None


def drop_conflict_repeats(notes: Iterable[Note]) -> list[Note]:
    """Drop from each conflict copy's notes the wins written on a line its original has on that day."""
    notes = list(notes)
    originals = {source: original_source(source) for source in {note.source for note in notes}}
    wanted = set(originals.values()) - {None}
    lines: dict[tuple[str | None, date], set[str]] = defaultdict(set)
    for note in notes:
        if note.source in wanted:
            lines[note.source, note.date].update(line.strip() for line in note.body.splitlines())
    if not lines:
        return notes
    return [_without_repeats(note, lines.get((originals[note.source], note.date), set())) for note in notes]


def _without_repeats(note: Note, original: set[str]) -> Note:
    """Return the note without the wins whose line is one of the original's lines."""
    if not original:
        return note
    body = note.body.splitlines()

    def repeated(win: Win) -> bool:
        index = win.line - note.line
        return 0 <= index < len(body) and body[index].strip() in original

    kept = {name: tuple(win for win in getattr(note, name) if not repeated(win)) for name in WIN_FIELDS}
    return replace(note, **kept)
