"""Cut a note's lines into days: at each dated heading, jrnl stamp or dated line (PRODUCT.md §1)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from .dates import Found, make_date, match_opener, next_weekday
from .model import Problem
from .win_rules import FENCE, MAX_LINE, heading

JRNL = re.compile(r"^\[(?P<stamp>[^\]\n]{6,40})\]\s*(?P<rest>.*)")
CLOCK = re.compile(r"^\s*(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?)?\s*$")
NEW_YEAR_REACH = timedelta(days=62)  # how far across New Year a year-less date may be moved
SEPARATOR = re.compile(r"^\s*(?:[:\-–—|]|,(?=\s))\s*")
# A quick look at a line's start: only a line that passes may open a day (a heading aside).
MAYBE_DATED = re.compile(
    r"^\s*\**(?:\[|\d|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.I,
)


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
class Opener:
    """The date a line opens a day with, the words after it, and whether the line is a heading."""

    found: Found
    rest: str
    is_heading: bool


def split_days(
    lines: list[str], order: str, fallback_year: int, source: str, problems: list[Problem], start: int = 0
) -> list[DayText]:
    """Cut a running log into days at each dated heading or dated line, from lines[start] on.

    A date without a year takes the last full date's year (else fallback_year); a date that cannot be
    one becomes a problem and an ordinary line. Lines before the first date belong to no day.
    """
    days: list[DayText] = []
    last_full: date | None = None
    last_known: date | None = None
    in_fence = False
    for index in range(start, len(lines)):
        raw = lines[index]
        in_fence = in_fence != bool(FENCE.match(raw))
        opener = None if in_fence else line_opener(raw[:MAX_LINE], order)
        day = opener and resolve(opener.found, last_full or fallback_year, last_known)
        if opener and not day:
            problems.append(Problem(source, _unresolved(opener.found), index + 1))
        if not day:
            if days:
                days[-1].lines.append(raw)
            continue
        inferred = opener.found.year is None
        last_full = last_full if inferred else day
        last_known = day
        if opener.is_heading:
            days.append(DayText(day, index + 2, inferred, opener.rest or None))
        else:
            days.append(DayText(day, index + 1, inferred, lines=[raw]))
    return days


def line_opener(raw: str, order: str) -> Opener | None:
    """Return the date a line opens a day with: a dated heading, jrnl stamp or dated prefix."""
    jrnl = JRNL.match(raw)
    if jrnl:
        found = match_opener(jrnl["stamp"], order)
        if found and found.year and CLOCK.match(jrnl["stamp"][found.end:]):
            return Opener(found, _unstarred(jrnl["rest"]), False)
        return None
    head = heading(raw)
    if head:
        text = head[1].replace("[[", "").replace("]]", "").strip("* ")
        found = match_opener(text, order)
        rest = found and text[found.end:]
        if found and (found.weekday is None or not rest or SEPARATOR.match(rest)):
            return Opener(found, SEPARATOR.sub("", rest).strip(), True)
        return None
    text = raw.strip().strip("*")
    found = match_opener(text, order)
    if found:
        rest = text[found.end:].lstrip("*")
        if not rest.strip() or SEPARATOR.match(rest):
            return Opener(found, SEPARATOR.sub("", rest, count=1).strip(), False)
    return None


def resolve(found: Found, year_from: date | int, last_known: date | None) -> date | None:
    """Turn what an opener says into a date, inferring a missing year or a bare weekday."""
    if found.weekday is not None:
        return last_known and next_weekday(last_known, found.weekday)
    if found.year:
        return make_date(found)
    if isinstance(year_from, int):
        return make_date(replace(found, year=year_from))
    day = make_date(replace(found, year=year_from.year))
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


def _unstarred(text: str) -> str:
    """Return the text of a jrnl entry's first line without its star (` *` at the end)."""
    return text[:-1].strip() if text.endswith("*") and text[-2:-1].isspace() else text.strip()


def _unresolved(found: Found) -> str:
    """Say why an opener gave no date, and that its line is read as an ordinary one."""
    if found.weekday is not None:
        return "a weekday with no earlier date in the file to count from; read as an ordinary line"
    written = f"{found.month:02d}-{found.day:02d}"
    if found.year:
        written = f"{found.year}-{written}"
    return f"{written} (month-day) is not a real date; read as an ordinary line"
