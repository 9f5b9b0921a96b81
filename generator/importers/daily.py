"""The writing side every importer shares: a note becomes a block, appended once to its day's note."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from .. import lines as L
from ..append import Layout, daily_notes, detect_layout

NOT_WORD = re.compile(r"[^\w/]+")
# A CommonMark link reference definition: it renders to nothing, and the notes reader sees only a
# trailing tag on it, so it is a blank line there (never a win, even under a "Wins" heading).
# A blank line follows it, or a next line such as `(aside)` would be read as its title and vanish.
MARKER = "[//]: #imported/{source}/{origin}"
CREATED, APPENDED, ALREADY = "created", "appended", "already there"


@dataclass(frozen=True)
class Entry:
    """One note of an export: when it was written (local wall-clock time), its id there, its markdown."""

    moment: datetime
    origin: str
    text: str


@dataclass(frozen=True)
class Written:
    """What an import did to one daily note: made it, or how many blocks it added and found there."""

    path: str
    created: bool
    added: int
    already: int

    def __str__(self) -> str:
        if not self.added:
            return f"{self.path}: {ALREADY}"
        verb = CREATED if self.created else APPENDED
        return f"{self.path}: {verb}" + (f" ({self.added} notes)" if self.added > 1 else "")


def slug(text: str) -> str:
    """Return text lower-cased, with every run of spaces and symbols turned into one `-`."""
    return NOT_WORD.sub("-", text.lower()).strip("-/")


def format_tags(names: Iterable[str]) -> list[str]:
    """Return labels as #tags the notes reader reads back whole (`Self care` → `#self-care`), once each."""
    tags = (slug(str(name)) for name in names)
    return list(dict.fromkeys(f"#{tag}" for tag in tags if L.read_tags(f"#{tag}") == (tag,)))


def make_block(lines: list[str], tag_names: Iterable[str]) -> str:
    """Join a note's lines, its tags added to each list item (so its wins carry them) or on a last line."""
    tags = " ".join(format_tags(tag_names))
    if tags and any(L.LIST_ITEM.match(line) for line in lines):
        lines = [f"{line} {tags}" if L.LIST_ITEM.match(line) else line for line in lines]
    elif tags:
        lines = [*lines, tags]
    return "\n".join(lines).strip("\n")


def make_marker(source: str, origin: str) -> str:
    """Return the invisible line that says which note of which app a block came from."""
    return MARKER.format(source=source, origin=slug(origin))


@dataclass(frozen=True)
class DailyNotes:
    """A notes folder's daily notes: the ones already there, by day, and the layout new ones follow."""

    root: Path
    layout: Layout
    existing: dict[date, str]

    @classmethod
    def scan(cls, root: Path, order: str) -> DailyNotes:
        """Find the daily notes under root (a missing folder has none) and the layout they share."""
        dated = daily_notes(root, order) if root.is_dir() else []
        existing: dict[date, str] = {}
        for day, rel in dated:
            existing.setdefault(day, rel)
        return cls(root, detect_layout(root, dated), existing)

    def path_for(self, day: date) -> Path:
        """Return the day's note: the one already there, else a new one named like the newest."""
        return self.root / self.existing.get(day, self.layout.path_for(day))


def write_day(daily: DailyNotes, day: date, block: str, marker: str) -> str:
    """Add marker and block at the end of the day's note (made if missing); never touch what is there."""
    path = daily.path_for(day)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        head = f"---\ndate: {day.isoformat()}\n---\n\n" if daily.layout.front_matter else ""
        with path.open("x", encoding="utf-8", newline="") as file:
            file.write(f"{head}{marker}\n\n{block}\n")
        return CREATED
    old = path.read_bytes()
    if marker in (line.strip() for line in old.decode("utf-8", "replace").splitlines()):
        return ALREADY
    end = "\r\n" if b"\r\n" in old else "\n"
    lead = "" if not old else end if old.endswith(b"\n") else end * 2
    with path.open("a", encoding="utf-8", newline="") as file:
        file.write(lead + end.join([marker, "", *block.splitlines()]) + end)
    return APPENDED


def write_entries(notes: Path, source: str, entries: list[Entry], order: str) -> list[Written]:
    """Add every entry to its day's note, oldest first; return one report per daily note, by path."""
    daily = DailyNotes.scan(notes, order)
    done: dict[Path, list[str]] = {}
    for entry in sorted(entries, key=lambda e: e.moment):
        day = entry.moment.date()
        status = write_day(daily, day, entry.text, make_marker(source, entry.origin))
        done.setdefault(daily.path_for(day), []).append(status)
    return [
        Written(path.relative_to(notes).as_posix(), CREATED in statuses,
                sum(s != ALREADY for s in statuses), statuses.count(ALREADY))
        for path, statuses in sorted(done.items())
    ]


def summarize(written: list[Written]) -> str:
    """Return the closing line of an import: notes added, daily notes made and grown, notes already there."""
    created = sum(w.created for w in written)
    appended = sum(bool(w.added) and not w.created for w in written)
    return (f"Imported {count(sum(w.added for w in written), 'note')} "
            f"({count(created, 'daily note')} created, {appended} appended to); "
            f"{count(sum(w.already for w in written), 'note')} {ALREADY}")


def count(number: int, noun: str) -> str:
    """Return `1 note` or `3 notes`."""
    return f"{number} {noun}{'' if number == 1 else 's'}"
