"""`wins add`: append one win to a day's note, in the folder's own daily-note layout."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from . import lines as L
from .dates import date_from_path
from .sources import find_notes

FORMATS = ("%Y-%m-%d", "%Y_%m_%d", "%Y/%m/%d", "%Y-%m/%d", "%Y%m%d")


@dataclass(frozen=True)
class Layout:
    """How a folder's daily notes are named and begun."""

    pattern: str = "%Y-%m-%d.md"
    front_matter: bool = False

    @property
    def logseq(self) -> bool:
        return "journals/" in self.pattern and "%Y_%m_%d" in self.pattern

    def path_for(self, day: date) -> str:
        return day.strftime(self.pattern)


def daily_notes(notes: Path, order: str) -> list[tuple[date, str]]:
    """Every note whose path names a date, as (date, relative path), oldest first."""
    found = []
    for path in find_notes(notes):
        rel = path.relative_to(notes).as_posix()
        day = date_from_path(rel, order)
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


def win_line(text: str, tags: tuple[str, ...], layout: Layout) -> str:
    """The line to add: a checked task (Logseq: DONE), with its tags."""
    tagged = " ".join([text.strip(), *(f"#{t.lstrip('#')}" for t in tags)])
    return f"- DONE {tagged}" if layout.logseq else f"- [x] {tagged}"


def insert_at(lines: list[str]) -> int:
    """Where a new win goes: after the last line of a Wins section, else at the end."""
    section, end = None, len(lines)
    for index, raw in enumerate(lines):
        head = L.heading(raw)
        if head and section is not None and head[0] <= section[0]:
            return section[1]
        if head and L.names_wins(head[1]) and section is None:
            section = (head[0], index + 1)
        elif section is not None and raw.strip():
            section = (section[0], index + 1)
    return section[1] if section else end


def add_win(notes: Path, text: str, day: date, tags: tuple[str, ...], hard: bool, order: str) -> Path:
    """Add the win to the day's note (made if missing), never changing a line already there."""
    dated = daily_notes(notes, order)
    layout = detect_layout(notes, dated)
    existing = [rel for d, rel in dated if d == day]
    new = [win_line(text, tags, layout)] + (["hard: today was a hard day"] if hard else [])
    path = notes / (existing[0] if existing else layout.path_for(day))
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        head = f"---\ndate: {day.isoformat()}\n---\n\n" if layout.front_matter else ""
        path.write_text(head + "\n".join(new) + "\n", encoding="utf-8")
        return path
    data = path.read_bytes().decode("utf-8", errors="surrogateescape")
    newline = "\r\n" if "\r\n" in data else "\n"
    old = data.splitlines(keepends=True)
    if old and not old[-1].endswith(("\n", "\r")):
        old[-1] += newline  # the last line gets its line end; its words stay as they were
    at = insert_at([line.rstrip("\r\n") for line in old])
    merged = old[:at] + [line + newline for line in new] + old[at:]
    path.write_bytes("".join(merged).encode("utf-8", errors="surrogateescape"))
    return path
