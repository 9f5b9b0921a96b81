"""The writing side every importer shares: a note becomes a block, appended once to its day's note."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..daily_notes import DailyNotes
from ..win_rules import LIST_ITEM, read_tags
from ..words import plural, slugify

# A CommonMark link reference definition: it renders to nothing, and the notes reader sees only a
# trailing tag on it, so it is a blank line there (never a win, even under a "Wins" heading).
# A blank line follows it, or a next line such as `(aside)` would be read as its title and vanish;
# one comes before it too, as it cannot interrupt a paragraph.
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


def format_tags(names: Iterable[str]) -> list[str]:
    """Return labels as #tags the notes reader reads back whole (`Self care` → `#self-care`), once each."""
    tags = (slugify(str(name), keep_slash=True) for name in names)
    return list(dict.fromkeys(f"#{tag}" for tag in tags if read_tags(f"#{tag}") == (tag,)))


def make_block(lines: list[str], tag_names: Iterable[str]) -> str:
    """Join a note's lines, its tags added to each list item (so its wins carry them) or on a last line."""
    tags = " ".join(format_tags(tag_names))
    if tags and any(LIST_ITEM.match(line) for line in lines):
        lines = [f"{line} {tags}" if LIST_ITEM.match(line) else line for line in lines]
    elif tags:
        lines = [*lines, tags]
    return "\n".join(lines).strip("\n")


def make_marker(source: str, origin: str) -> str:
    """Return the invisible line that says which note of which app a block came from."""
    return MARKER.format(source=source, origin=slugify(origin, keep_slash=True))


def write_day(daily: DailyNotes, day: date, block: str, marker: str) -> str:
    """Add marker and block at the end of the day's note (made if missing); never touch what is there."""
    path = daily.path_for(day)
    if path.exists():
        there = path.read_bytes().decode("utf-8", "replace").splitlines()
        if marker in (line.strip() for line in there):
            return ALREADY
    created = daily.add(day, [marker, "", *block.splitlines()], apart=True)
    return CREATED if created else APPENDED


def write_entries(notes: Path, source: str, entries: list[Entry]) -> list[Written]:
    """Add every entry to its day's note, oldest first; return one report per daily note, by path."""
    daily = DailyNotes.scan(notes)
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
    return (f"Imported {plural(sum(w.added for w in written), 'note')} "
            f"({plural(created, 'daily note')} created, {appended} appended to); "
            f"{plural(sum(w.already for w in written), 'note')} {ALREADY}")
