"""A notes folder's daily notes: find the day's note, make it when missing, add lines to it.

`wins add` and `wins import` both write through here; a line already in a note is never changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from .apps import app_pattern
from .notes_folder import daily_day
from .sources import find_notes

FORMATS = ("%Y-%m-%d", "%Y_%m_%d", "%Y/%m/%d", "%Y-%m/%d", "%Y%m%d")
FRONT_MATTER = "---\ndate: {day}\n---\n\n"
Where = Callable[[list[str]], int]  # given a note's lines, the index the new lines go before


@dataclass(frozen=True)
class Layout:
    """How a folder's daily notes are named and begun."""

    pattern: str = "%Y-%m-%d.md"
    front_matter: bool = False

    @property
    def logseq(self) -> bool:
        """True for a Logseq graph's journals/YYYY_MM_DD pages (they mark a done task DONE)."""
        return "journals/" in self.pattern and "%Y_%m_%d" in self.pattern

    def path_for(self, day: date) -> str:
        """Return the relative path a new note for day gets."""
        return day.strftime(self.pattern)

    def day_of(self, rel: str) -> date | None:
        """The day a relative path names when it is a daily note of this layout."""
        try:
            return datetime.strptime(rel, self.pattern).date()
        except ValueError:
            return None


def daily_notes(notes: Path, day_of: Callable[[str], date | None]) -> list[tuple[date, str]]:
    """Every daily note (a file named by its date alone), as (date, relative path), oldest first."""
    found = []
    for path in find_notes(notes):
        rel = path.relative_to(notes).as_posix()
        day = day_of(rel)
        if day:
            found.append((day, rel))
    return sorted(found)


def detect_layout(notes: Path, dated: list[tuple[date, str]]) -> Layout:
    """Follow the newest daily note's name and front matter; a new folder gets YYYY-MM-DD.md."""
    for day, rel in reversed(dated):
        for fmt in FORMATS:
            written = day.strftime(fmt)
            if written in rel:
                starts = (notes / rel).read_text("utf-8", errors="replace")[:4]
                return Layout(rel.replace(written, fmt, 1), starts.startswith("---"))
    return Layout()


@dataclass(frozen=True)
class DailyNotes:
    """A notes folder's daily notes: the ones already there, by day, and the layout new ones follow."""

    root: Path
    layout: Layout
    existing: dict[date, str]

    @classmethod
    def scan(cls, root: Path) -> DailyNotes:
        """Find the daily notes under root (a missing folder has none) and the layout new ones follow:
        the notes app's own (Logseq, Obsidian), else the newest daily note's."""
        pattern = app_pattern(root) if root.is_dir() else None
        dated = daily_notes(root, Layout(pattern).day_of if pattern else daily_day) if root.is_dir() else []
        existing: dict[date, str] = {}
        for day, rel in dated:
            existing.setdefault(day, rel)
        layout = detect_layout(root, dated)
        return cls(root, Layout(pattern, layout.front_matter) if pattern else layout, existing)

    def path_for(self, day: date) -> Path:
        """Return the day's note: the one already there, else a new one named like the newest."""
        return self.root / self.existing.get(day, self.layout.path_for(day))

    def add(self, day: date, lines: list[str], where: Where | None = None, apart: bool = False) -> bool:
        """Add lines to the day's note, made when missing (see add_lines); True when it was made."""
        path = self.path_for(day)
        if path.exists():
            add_lines(path, lines, where, apart)
            return False
        create_note(path, FRONT_MATTER.format(day=day.isoformat()) if self.layout.front_matter else "", lines)
        return True


def create_note(path: Path, head: str, lines: list[str]) -> None:
    """Make a note of head and lines, with its folders; a file made meanwhile is never overwritten."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("xb") as file:
        file.write(encode(head + "".join(f"{line}\n" for line in lines)))


def add_lines(path: Path, lines: list[str], where: Where | None = None, apart: bool = False) -> None:
    """Add lines to a note in its own line endings: at its end, or where `where` says.

    The last line gets a line end if it had none; with apart, a blank line comes between the note's
    last line and the new ones (none in an empty note). Every other byte stays as it was.
    """
    text = path.read_bytes().decode("utf-8", errors="surrogateescape")
    newline = "\r\n" if "\r\n" in text else "\n"
    old = text.splitlines(keepends=True)
    at = len(old) if where is None else where([line.rstrip("\r\n") for line in old])
    added = "".join(f"{line}{newline}" for line in ([""] if apart and old else []) + lines)
    ending = _line_end(text, newline)
    if at >= len(old):
        with path.open("ab") as file:  # appending leaves what is there alone, even if it just changed
            file.write(encode(ending + added))
    else:
        path.write_bytes(encode("".join(old[:at]) + added + "".join(old[at:]) + ending))


def _line_end(text: str, newline: str) -> str:
    """Return what ends a text's unfinished last line: nothing, or a line end (`\\n` after a lone `\\r`)."""
    if not text or text.endswith("\n"):
        return ""
    return "\n" if text.endswith("\r") else newline


def encode(text: str) -> bytes:
    """Encode as UTF-8, writing back as they were any bytes that were not UTF-8 when read."""
    return text.encode("utf-8", errors="surrogateescape")
