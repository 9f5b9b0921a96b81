"""`wins add`: append one win to a day's note, in the folder's own daily-note layout."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .config import Config
from .daily_notes import FRONT_MATTER, DailyNotes, Layout
from .sections import names_wins
from .win_rules import heading


def win_line(text: str, tags: tuple[str, ...], layout: Layout, hard: bool = False) -> str:
    """The line to add: a checked task (Logseq: DONE), or with hard the day's struggle; with its tags."""
    tagged = " ".join([text.strip(), *(f"#{t.lstrip('#')}" for t in tags)])
    if hard:
        return f"- hard: {tagged}" if layout.logseq else f"hard: {tagged}"
    return f"- DONE {tagged}" if layout.logseq else f"- [x] {tagged}"


def insert_at(lines: list[str]) -> int:
    """Where a new win goes: after the last line of a Wins section, else at the end."""
    section, end = None, len(lines)
    for index, raw in enumerate(lines):
        head = heading(raw)
        if head and section is not None and head[0] <= section[0]:
            return section[1]
        if head and names_wins(head[1]) and section is None:
            section = (head[0], index + 1)
        elif section is not None and raw.strip():
            section = (section[0], index + 1)
    return section[1] if section else end


def add_win(notes: Path, text: str, day: date, tags: tuple[str, ...], hard: bool) -> tuple[Path, int]:
    """Add the win (with hard: the day's struggle, at the end) to the day's daily note, made if missing;
    never changing a line already there. Return the note and the line (from 1) the win went on."""
    daily = DailyNotes.scan(notes)
    placed = []

    def where(lines: list[str]) -> int:
        placed.append(len(lines) if hard else insert_at(lines))
        return placed[0]

    made = daily.add(day, [win_line(text, tags, daily.layout, hard)], where=where)
    head = FRONT_MATTER.count("\n") if made and daily.layout.front_matter else 0
    return daily.path_for(day), (head if made else placed[0]) + 1


def acknowledge_win(notes: Path, config: Config, path: Path, line: int) -> list[str]:
    """What `wins add` says of the win it put on that line: the notes read and analysed as a build does
    (with the last build's cache, only the changed note is parsed again; the cache keeps it for the
    next add or build), then acknowledge.py's words."""
    from .acknowledge import acknowledge
    from .build import collect
    from .cache import open_cache, save_cache

    today = date.today()
    run = collect(notes, config, today, open_cache(notes, config))
    run.cache.files = run.entries
    save_cache(notes, run.cache)
    return acknowledge(run.wall, config, path.relative_to(notes).as_posix(), line, today)
