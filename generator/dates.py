"""Every way a date is written in a file name or at the start of a line (PRODUCT.md §1)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}


def _names(table: dict[str, int]) -> str:
    return "|".join(sorted(table, key=len, reverse=True))


MON = rf"(?P<mon>{_names(MONTHS)})\.?"
WD = rf"(?:{_names(WEEKDAYS)})\.?,?"
DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"


@dataclass(frozen=True)
class Found:
    """A date read from text: `year` None when the text gave none; `weekday` for a bare weekday."""

    month: int = 0
    day: int = 0
    year: int | None = None
    weekday: int | None = None
    end: int = 0


Reader = Callable[[re.Match, str], Found]


def _ymd(m: re.Match, order: str) -> Found:
    return Found(int(m["m"]), int(m["d"]), int(m["y"]), end=m.end())


def _numeric(m: re.Match, order: str) -> Found:
    first, second = int(m["a"]), int(m["b"])
    month, day = (first, second) if order == "mdy" else (second, first)
    year = int(m["y"]) if m.groupdict().get("y") else None
    return Found(month, day, year, end=m.end())


def _named(m: re.Match, order: str) -> Found:
    year = int(m["y"]) if m.groupdict().get("y") else None
    return Found(MONTHS[m["mon"].lower()], int(m["d"]), year, end=m.end())


def _weekday(m: re.Match, order: str) -> Found:
    return Found(weekday=WEEKDAYS[m["wd"].lower()], end=m.end())


# Full dates, in the order they are tried. Used for file names, front matter and line openers.
FULL_DATES: tuple[tuple[re.Pattern, Reader], ...] = (
    (re.compile(r"(?<!\d)(?P<y>\d{4})[-_.](?P<m>\d{1,2})[-_.](?P<d>\d{1,2})(?!\d)"), _ymd),
    (re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)"), _ymd),
    (re.compile(r"(?<!\d)(?P<a>\d{1,2})[-./](?P<b>\d{1,2})[-./](?P<y>\d{4})(?!\d)"), _numeric),
    (re.compile(rf"(?<![a-z]){MON}\s+{DAY},?\s+(?P<y>\d{{4}})(?!\d)", re.I), _named),
    (re.compile(rf"(?<!\d){DAY}\s+{MON},?\s+(?P<y>\d{{4}})(?!\d)", re.I), _named),
)

# Dates inside folder names: 2025/03/04.md and 2025-03/04.md.
FOLDER_DATES = re.compile(r"(?:^|/)(?P<y>\d{4})[/-](?P<m>\d{1,2})/(?P<d>\d{1,2})\.[^/.]+$")

# What may open a day at the start of a line or heading, tried in order; `^` is the line's start.
OPENERS: tuple[tuple[re.Pattern, Reader], ...] = (
    *((re.compile(rf"(?:{WD}\s+)?(?:{p.pattern})", re.I), r) for p, r in FULL_DATES),
    (re.compile(rf"(?:{WD}\s+)?{MON}\s+{DAY}(?!\d)", re.I), _named),
    (re.compile(rf"(?:{WD}\s+)?{DAY}\s+{MON}(?![a-z])", re.I), _named),
    (re.compile(r"(?:" + WD + r"\s+)?(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d/])", re.I), _numeric),
    (re.compile(rf"(?P<wd>{_names(WEEKDAYS)})\.?(?![a-z])", re.I), _weekday),
)


def make_date(found: Found) -> date | None:
    """Return the calendar date, or None when it does not exist (February 30)."""
    try:
        return date(found.year or 0, found.month, found.day)
    except ValueError:
        return None


def search_full_date(text: str, order: str) -> date | None:
    """Return the first real full date written anywhere in text."""
    for pattern, read in FULL_DATES:
        for match in pattern.finditer(text):
            day = make_date(read(match, order))
            if day:
                return day
    return None


def find_unreal_date(text: str, order: str) -> str | None:
    """Return the first full date written in text that is not on the calendar ("2025-02-30")."""
    for pattern, read in FULL_DATES:
        for match in pattern.finditer(text):
            if make_date(read(match, order)) is None:
                return match[0]
    return None


def date_from_path(path: str, order: str) -> date | None:
    """Return the date a note's relative path names, if any (PRODUCT.md §1 shapes)."""
    m = FOLDER_DATES.search(path)
    if m:
        day = make_date(_ymd(m, order))
        if day:
            return day
    name = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return search_full_date(name, order)


def match_opener(text: str, order: str) -> Found | None:
    """Return the date that text starts with (after an optional weekday), if any."""
    for pattern, read in OPENERS:
        m = pattern.match(text)
        if m:
            return read(m, order)
    return None


def next_weekday(after: date, weekday: int) -> date:
    """Return the first day on or after `after` that falls on weekday (0 = Monday)."""
    return after + timedelta(days=(weekday - after.weekday()) % 7)
