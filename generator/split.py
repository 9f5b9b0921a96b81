"""Cut a note's lines into days at the lines that open one, and give each day its date (PRODUCT.md §1)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from .dates import Found, last_weekday, make_date, next_weekday
from .model import Problem
from .openers import Opener, line_opener
from .win_rules import FENCE, MAX_LINE

NEW_YEAR_REACH = timedelta(days=62)  # how far across New Year a year-less date may be moved
ONE_DAY = timedelta(days=1)


@dataclass
class DayText:
    """The lines of one file that belong to one day, before wins are found; filled as the file is read."""

    date: date
    line: int
    """The line number (from 1) of the day's first line."""
    inferred: bool = False
    """True when the year (or the whole date, for a bare weekday) was not written but worked out."""
    title: str | None = None
    lines: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Dated:
    """A line that opens a day, and the day it opens."""

    index: int
    opener: Opener
    date: date
    inferred: bool


@dataclass
class Calendar:
    """What a file has said about dates so far, read from the top."""

    fallback_year: int | None
    """The year of a year-less date before any full date: the file's modification year (None: unknown)."""
    last_full: date | None = None
    last_known: date | None = None

    def place(self, found: Found) -> date | None:
        """Return the date an opener names, counted from the dates above it, and remember it."""
        if found.weekday is not None and self.last_known:
            day: date | None = next_weekday(self.last_known, found.weekday)
        else:
            day = resolve(found, self.last_full, self.last_known, self.fallback_year)
        if day:
            self.last_known = day
            self.last_full = self.last_full if found.year is None else day
        return day


def split_days(
    lines: list[str], order: str, modified: date | None, source: str, problems: list[Problem], start: int = 0,
    known: date | None = None,
) -> list[DayText]:
    """Cut a running log into days at each dated heading or dated line, from lines[start] on.

    A date without a year takes the last full date's year (else the year the file was modified); a bare
    weekday is counted from the dates around it (else from the day the file was modified); a date that
    cannot be one becomes a problem and an ordinary line. Lines before the first day belong to no day.
    `known` is a date known before the first line: the first day of the week or month the file names.
    """
    dated = date_openers(find_openers(lines, order, start), modified, source, problems, known)
    ends = [d.index for d in dated[1:]] + [len(lines)]  # one more than days when there are none
    return [_day_text(d, lines[d.index:end]) for d, end in zip(dated, ends, strict=False)]


def find_openers(lines: list[str], order: str, start: int = 0) -> list[tuple[int, Opener]]:
    """Return (index, opener) for each line from lines[start] on that opens a day (none in code blocks)."""
    found = []
    in_fence = False
    for index in range(start, len(lines)):
        raw = lines[index]
        in_fence = in_fence != bool(FENCE.match(raw))
        opener = None if in_fence else line_opener(raw[:MAX_LINE], order)
        if opener:
            found.append((index, opener))
    return found


def has_weekday_lines(lines: list[str], order: str, start: int = 0) -> bool:
    """True when some line from lines[start] on opens with a bare weekday."""
    return any(opener.found.weekday is not None for _, opener in find_openers(lines, order, start))


def date_openers(
    openers: list[tuple[int, Opener]], modified: date | None, source: str, problems: list[Problem],
    known: date | None = None,
) -> list[Dated]:
    """Give each opener its date; weekdays before the first date are counted back from the date below."""
    calendar = Calendar(modified and modified.year, known, known)
    dated: list[Dated] = []
    waiting: list[tuple[int, Opener]] = []  # bare weekdays above the first date
    for index, opener in openers:
        if opener.found.weekday is not None and calendar.last_known is None:
            waiting.append((index, opener))
            continue
        day = calendar.place(opener.found)
        if not day:
            problems.append(Problem(source, _unresolved(opener.found), index + 1))
            continue
        if waiting:
            dated += count_back(waiting, day - ONE_DAY)
            waiting = []
        dated.append(Dated(index, opener, day, opener.found.year is None))
    if waiting and modified:
        dated += count_back(waiting, modified)
    return dated


def count_back(weekdays: list[tuple[int, Opener]], latest: date) -> list[Dated]:
    """Date bare weekday lines reading upwards: the last on or before `latest`, each above before it."""
    dated = []
    for index, opener in reversed(weekdays):
        day = last_weekday(latest, opener.found.weekday or 0)
        dated.append(Dated(index, opener, day, True))
        latest = day - ONE_DAY
    return dated[::-1]


def _day_text(dated: Dated, lines: list[str]) -> DayText:
    """Make a day from its opening line and the lines up to the next day: a heading is not a body line."""
    opener = dated.opener
    if opener.is_heading:
        title = " — ".join(words for words in (opener.label, opener.rest) if words)
        return DayText(dated.date, dated.index + 2, dated.inferred, title or None, lines[1:])
    return DayText(dated.date, dated.index + 1, dated.inferred, opener.label or None, lines)


def resolve(found: Found, last_full: date | None, last_known: date | None, year: int | None) -> date | None:
    """Turn a written date into a calendar date, inferring a missing year.

    The year is the last full date's (moved across New Year when that puts it beside the last known
    date), else `year`; with neither, a year-less date gives None.
    """
    if found.year:
        return make_date(found)
    if last_full is None:
        return make_date(replace(found, year=year)) if year else None
    day = make_date(replace(found, year=last_full.year))
    if day and last_known:
        return _across_new_year(day, last_known) or day
    return day


def _across_new_year(day: date, last_known: date) -> date | None:
    """Move a year-less date a year on or back when that puts it beside the last known date.

    `## 2024-12-30` … `## Jan 2` means 2025-01-02, not a day a year before the log began.
    """
    for year in (day.year + 1, day.year - 1):
        moved = make_date(Found(day.month, day.day, year))
        if moved and abs(moved - last_known) <= NEW_YEAR_REACH < abs(day - last_known):
            return moved
    return None


def _unresolved(found: Found) -> str:
    """Say why an opener gave no date, and that its line is read as an ordinary line."""
    written = f"{found.month:02d}-{found.day:02d}"
    if found.year:
        return f"{found.year}-{written} (month-day) is not a real date; read as an ordinary line"
    if make_date(replace(found, year=2000)):  # a real day in a leap year: only the year is missing
        return (f"{written} (month-day) has no year, and neither an earlier date nor the file's time "
                "gives one; read as an ordinary line")
    return f"{written} (month-day) is not a real date; read as an ordinary line"
