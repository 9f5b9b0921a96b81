"""Years → months → weeks → days for the timeline, and one heatmap (inline SVG data) per year."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .model import Day, Wall

CELL = 13  # pixels per heatmap square, gap included
LEVELS = (0, 1, 3, 6)  # wins needed for colour levels 1..4


@dataclass(frozen=True)
class Cell:
    """One day's square; href is empty for a day without a note."""

    x: int
    y: int
    level: int
    hard: bool
    href: str
    label: str
    """What the square says to a screen reader and on hover: "12 March 2025: 4 wins"."""


@dataclass(frozen=True)
class Week:
    start: date
    days: tuple[Day, ...]

    @property
    def wins(self) -> int:
        return sum(len(d.wins) for d in self.days)


@dataclass(frozen=True)
class MonthView:
    key: str
    start: date
    weeks: tuple[Week, ...]
    wins: int
    days: int
    hard_days: int


@dataclass(frozen=True)
class Year:
    year: int
    wins: int
    days: int
    months: tuple[MonthView, ...]
    cells: tuple[Cell, ...]
    width: int
    height: int
    month_labels: tuple[tuple[int, str], ...]


def level(wins: int) -> int:
    """Colour level 0–4 for a day's number of wins."""
    return sum(1 for threshold in LEVELS if wins > threshold)


def heatmap(year: int, by_date: dict[date, Day], href, long_date) -> tuple[tuple[Cell, ...], int, tuple]:
    """Lay out every day of a year in week columns (Monday at the top)."""
    first = date(year, 1, 1)
    origin = first - timedelta(days=first.weekday())
    cells, labels = [], []
    cursor = first
    while cursor.year == year:
        column = (cursor - origin).days // 7
        day = by_date.get(cursor)
        wins = len(day.wins) if day else 0
        label = f"{long_date(cursor)}: {wins} win{'' if wins == 1 else 's'}" + (
            ", a hard day" if day and day.hard else "")
        cells.append(Cell(column * CELL, cursor.weekday() * CELL, level(wins), bool(day and day.hard),
                          href(cursor) if day else "", label))
        if cursor.day == 1:
            labels.append((column * CELL, cursor.strftime("%b")))
        cursor += timedelta(days=1)
    width = (cells[-1].x + CELL) if cells else 0
    return tuple(cells), width, tuple(labels)


def weeks_of(days: tuple[Day, ...]) -> tuple[Week, ...]:
    """Group a month's days by the Monday that starts their week."""
    groups: dict[date, list[Day]] = {}
    for day in days:
        groups.setdefault(day.date - timedelta(days=day.date.weekday()), []).append(day)
    return tuple(Week(start, tuple(group)) for start, group in groups.items())


def build_timeline(wall: Wall, href, long_date) -> tuple[Year, ...]:
    """Return the years of the wall, newest first, each with its months and heatmap.

    href(day) and long_date(day) are the site's link and date forms.
    """
    by_date = {d.date: d for d in wall.days}
    years = []
    for number in sorted({d.date.year for d in wall.days}, reverse=True):
        months = tuple(
            MonthView(m.key, m.start, weeks_of(m.days), m.wins, len(m.days),
                      sum(1 for d in m.days if d.hard))
            for m in reversed(wall.months) if m.start.year == number
        )
        cells, width, labels = heatmap(number, by_date, href, long_date)
        years.append(Year(number, sum(m.wins for m in months), sum(m.days for m in months),
                          months, cells, width, 7 * CELL, labels))
    return tuple(years)
