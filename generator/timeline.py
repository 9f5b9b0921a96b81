"""Years → months → weeks → days for the timeline, and one heatmap (inline SVG data) per year."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .filters import day_href, long_date
from .memo import Memo
from .model import Day, Month, Wall
from .words import plural

LEVELS = (0, 1, 3, 6)  # wins needed for colour levels 1..4
WEEKDAY_LABELS = ((0, "Mon"), (6, "Sun"))  # (row, label): Monday is the top row
# The heatmap's legend: (the CSS classes of a square, what it means).
LEGEND = (("l1", "wins (darker: more)"), ("l0", "a note, no win marked"), ("l1 hard", "a hard day"),
          ("empty", "no note"), ("before", "before your first note"), ("future", "still to come"))
# The legend of the same squares coloured by mood (a year with a mood in its notes offers that view):
# the scale in words, since colour alone must not carry it; each square also shows its mood's number
# (a dash on a day whose note gives none).
MOOD_WORDS = {1: "very low", 2: "low", 3: "in between", 4: "good", 5: "very good"}
MOOD_LEGEND = (*((f"mood{n}", f"{n} {words}") for n, words in MOOD_WORDS.items()),
               ("unrated", "a note, no mood given"))


@dataclass(frozen=True)
class Geometry:
    """Every number of a heatmap's drawing, in SVG units: the template holds none."""

    cell: int = 13  # from one day's square to the next, gap included
    square: int = 11  # the side of a day's square
    corner: int = 2  # the radius of its rounded corners
    left: int = 24  # room for the weekday labels, left of the squares
    top: int = 16  # room for the month labels, above the squares
    right: int = 4
    bottom: int = 2
    month_baseline: int = -5  # where month labels sit, above the first row
    weekday_baseline: int = 10  # where a weekday label sits, below the top of its row
    month_label_room: int = 24  # a month's name is drawn on the first column only up to this day
    target_px: int = 45  # a day's tap area (one cell) on the screen when not scaled to fit: ≥ 44 CSS px

    @property
    def middle(self) -> float:
        """From a square's corner to its centre, each way: where a day's mood number sits."""
        return self.square / 2

    def pixels(self, units: int) -> str:
        """SVG units as CSS pixels at the size where a cell is target_px wide."""
        return f"{units * self.target_px / self.cell:g}"


GEOMETRY = Geometry()


@dataclass(frozen=True)
class Cell:
    """One day's square; href is empty for a day without a note."""

    x: int
    y: int
    kind: str
    """Its CSS classes: "before" the first note, "future", "empty" (no note), or "l0".."l4" plus " hard";
    in a year with moods, a day with a note also "mood1".."mood5" or "unrated" (no mood given)."""
    href: str
    label: str
    """What the square says to a screen reader and on hover: "12 March 2025: 4 wins, mood 3"."""
    mood: int | None = None


@dataclass(frozen=True)
class Label:
    """A month or weekday name beside the squares."""

    x: int
    y: int
    text: str


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
    month_labels: tuple[Label, ...]
    weekday_labels: tuple[Label, ...]
    view_box: str
    width: str
    height: str
    """The heatmap's size in CSS px where each day is a full tap target (a phone scrolls it sideways)."""
    geometry: Geometry = GEOMETRY

    @property
    def moods(self) -> bool:
        """True when a note of the year gives a mood: its heatmap can then be coloured by mood."""
        return any(c.mood for c in self.cells)


def level(wins: int) -> int:
    """Colour level 0–4 for a day's number of wins."""
    return sum(1 for threshold in LEVELS if wins > threshold)


def cell_kind(day: Day | None, when: date, first: date, today: date) -> str:
    """How a day's square looks: before the first note, in the future, without a note, or by its wins."""
    if when < first:
        return "before"
    if when > today:
        return "future"
    if not day:
        return "empty"
    return f"l{level(len(day.wins))}" + (" hard" if day.hard else "")


def mood_kind(day: Day) -> str:
    """The classes a day with a note adds in a year with moods: its mood, or that it gave none."""
    return f" mood{day.mood}" if day.mood else " unrated"


def heatmap(year: int, span: tuple[date, date], by_date: dict[date, Day], today: date,
            g: Geometry) -> tuple[tuple[Cell, ...], tuple[Label, ...]]:
    """Lay out the year's days from the first note's week to the latest, in week columns (Monday on top)."""
    start, end = span
    moods = any(day.mood for day in by_date.values())
    first = max(start - timedelta(days=start.weekday()), date(year, 1, 1))
    last = min(end + timedelta(days=6 - end.weekday()), date(year, 12, 31))
    origin = first - timedelta(days=first.weekday())
    cells, labels = [], []
    cursor = first
    while cursor <= last:
        x = (cursor - origin).days // 7 * g.cell
        day = by_date.get(cursor)
        wins = len(day.wins) if day else 0
        label = f"{long_date(cursor)}: {plural(wins, 'win')}" + (", a hard day" if day and day.hard else "")
        kind = cell_kind(day, cursor, start, today)
        if day and day.mood:
            label += f", mood {day.mood}"
        if day and moods:
            kind += mood_kind(day)
        cells.append(Cell(x, cursor.weekday() * g.cell, kind, day_href(cursor) if day else "", label,
                          day.mood if day else None))
        if cursor.day == 1 or (cursor == first and cursor.day <= g.month_label_room):
            labels.append(Label(x, g.month_baseline, cursor.strftime("%b")))
        cursor += timedelta(days=1)
    return tuple(cells), tuple(labels)


def view_box(cells: tuple[Cell, ...], g: Geometry) -> tuple[str, str, str]:
    """The SVG viewBox (every week column, all seven rows, room for the labels), its width and height."""
    width = (cells[-1].x + g.cell) if cells else 0
    wide, high = width + g.left + g.right, 7 * g.cell + g.top + g.bottom
    return f"{-g.left} {-g.top} {wide} {high}", g.pixels(wide), g.pixels(high)


def weeks_of(days: tuple[Day, ...]) -> tuple[Week, ...]:
    """Group a month's days by the Monday that starts their week."""
    groups: dict[date, list[Day]] = {}
    for day in days:
        groups.setdefault(day.date - timedelta(days=day.date.weekday()), []).append(day)
    return tuple(Week(start, tuple(group)) for start, group in groups.items())


def timeline_span(wall: Wall) -> tuple[date, date]:
    """The first note's day, and the later of the last note's and today: what the heatmaps span."""
    return (wall.days[0].date, max(wall.days[-1].date, wall.today)) if wall.days else (wall.today, wall.today)


def build_timeline(wall: Wall, g: Geometry = GEOMETRY) -> tuple[Year, ...]:
    """Return the years of the wall, newest first, each with its months and heatmap."""
    span = timeline_span(wall)
    by_year: dict[int, list[Month]] = {}
    for month in reversed(wall.months):
        by_year.setdefault(month.start.year, []).append(month)
    return tuple(YEARS(number, (number, tuple(months), span, wall.today, g))
                 for number, months in by_year.items())


def draw_year(of: tuple[int, tuple[Month, ...], tuple[date, date], date, Geometry]) -> Year:
    """One year of the timeline from its months (newest first), the wall's span and today."""
    number, months, span, today, g = of
    views = tuple(MonthView(m.key, m.start, weeks_of(m.days), m.wins, len(m.days),
                            sum(1 for d in m.days if d.hard)) for m in months)
    cells, labels = heatmap(number, span, {d.date: d for m in months for d in m.days}, today, g)
    weekdays = tuple(Label(-g.left, row * g.cell + g.weekday_baseline, name) for row, name in WEEKDAY_LABELS)
    return Year(number, sum(m.wins for m in views), sum(m.days for m in views), views, cells, labels,
                weekdays, *view_box(cells, g), g)


YEARS = Memo(draw_year)
"""A year is drawn again only when its months, the wall's span or today changed (memo.py)."""
