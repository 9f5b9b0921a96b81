"""What `wins add` says after adding: the win's number, its place in its week, a milestone and its
reward — or, truthfully, why the line did not count. Never a guilt line.

Pure: the wall analysed after adding, where the line went and today give the words.
"""

from __future__ import annotations

from datetime import date

from .config import Config
from .filters import ordinal
from .milestones import is_milestone
from .model import Note, Wall
from .tiers import UNMARKED
from .week import monday
from .words import plural

STRUGGLE = "Noted. Writing it down counts."


def acknowledge(wall: Wall, config: Config, source: str, line: int, today: date) -> list[str]:
    """The lines `wins add` prints about the win it added on that line of that note."""
    found = next((i for i, w in enumerate(wall.wins) if w.source == source and w.line == line), None)
    if found is None:
        return [not_counted(wall, source, line)]
    win = wall.wins[found]
    number = found + 1
    start = monday(win.date)
    in_week = sum(1 for w in wall.wins[:number] if start <= w.date)
    week = "this week" if start == monday(today) else "that week"
    place = f"your first {week}" if in_week == 1 else f"the {ordinal(in_week)} {week}"
    lines = [f"Noted: win {number}, {place}."]
    if is_milestone(number, config):
        reward = dict(config.rewards).get(number)
        promised = f" You promised yourself: {reward}." if reward else ""
        lines.append(f"That's your {ordinal(number)} win.{promised}")
    lines += no_longer_counted(wall, win.date, source, line)
    return lines


def not_counted(wall: Wall, source: str, line: int) -> str:
    """Why the added line is not a win, as `wins check` would say it."""
    why = next((d.why for n in notes_of(wall, source) for d in n.dropped if d.line == line), None)
    because = f": {why}" if why else " (a private line, a private note or a file that wall.yaml's " \
        "exclude leaves out never does)"
    return f"Added to {source}, but that line does not count as a win there{because}."


def notes_of(wall: Wall, source: str) -> list[Note]:
    """The notes of one file."""
    return [n for d in wall.days for n in d.notes if n.source == source]


def no_longer_counted(wall: Wall, day: date, source: str, line: int) -> list[str]:
    """When the added win is the first marked one of its day, the day's unmarked lines stop counting (a
    day with a marked win counts only marked lines): say so, and how to keep them."""
    notes = next((d.notes for d in wall.days if d.date == day), ())
    if [(w.source, w.line) for n in notes for w in n.wins] != [(source, line)]:
        return []
    others = sum(d.why == UNMARKED for n in notes for d in n.dropped)
    if not others:
        return []
    return [f"Now that {day.day} {day:%B} has a marked win, only marked lines count that day: "
            f"mark the other {plural(others, 'line')} with [x] to keep them as wins."]
