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
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "weds": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}
FULL_WEEKDAYS = frozenset(name for name in WEEKDAYS if len(name) > 5)
CENTURY = 2000  # a two-digit year (`2.3.20`) is in this century


def _names(table: dict[str, int]) -> str:
    return "|".join(sorted(table, key=len, reverse=True))


MON = rf"(?P<mon>{_names(MONTHS)})\.?"
MON_FIRST = rf"(?=[{''.join(sorted({name[0] for name in MONTHS}))}])"  # a quick look before the names
WD = rf"(?:{_names(WEEKDAYS)})\.?,?"
DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
GAP = r",?[\s_-]+"  # between the words of a named date: `March 4, 2025`, `4-March-2025`
DAY_MON = rf"{DAY}{GAP}(?:of\s+)?{MON}"  # `4 March`, `8th of February`
MON_DAY = rf"{MON}{GAP}(?:the\s+)?{DAY}"  # `March 4`, `March the 3rd`
CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
ZONE = r"(?:Z|[+-]\d{2}:?\d{2}|(?-i:[A-Z]{2,5})(?:[+-]\d{1,2}(?::?\d{2})?)?)(?![a-z])"  # CEST, GMT+1
# A time after a full date: `2025-03-04 08:12`, `2018-07-16T10:10:31+02:00`, `4 March 2025 at 8:12 PM`.
TIME = rf"(?:[T\s]\s*(?:at\s+)?{CLOCK}(?:\s*{ZONE})?)?"
# Where a date ends and the words after it begin: `3/4 - …`, `Tuesday: …`, `Wed. …`, `Mon… …`.
SEP = r"(?:[:\-–—|]|,(?=\s)|\.\.\.|…|\.(?=\s|$))"
SEPARATOR = re.compile(rf"^\s*{SEP}\s*")


@dataclass(frozen=True)
class Found:
    """A date read from text: `year` None when the text gave none; `weekday` for a bare weekday."""

    month: int = 0
    day: int = 0
    year: int | None = None
    weekday: int | None = None
    end: int = 0
    firm: bool = False
    """True when written so plainly a date that words may follow it with no separator: a four-digit year,
    or a two-digit one after a two-digit day and month (`2025-03-04 went in`, `05.02.20 bad day.`)."""


Reader = Callable[[re.Match, str], Found]


def _ymd(m: re.Match, order: str) -> Found:
    return Found(int(m["m"]), int(m["d"]), int(m["y"]), end=m.end(), firm=True)


def _numeric(m: re.Match, order: str) -> Found:
    first, second = int(m["a"]), int(m["b"])
    month, day = (first, second) if order == "mdy" else (second, first)
    year = _written_year(m)
    firm = len(year) == 4 or (len(year) == 2 and len(m["a"] + m["b"]) == 4)
    return Found(month, day, _year(year), end=m.end(), firm=firm)


def _named(m: re.Match, order: str) -> Found:
    year = _written_year(m)
    return Found(MONTHS[m["mon"].lower()], int(m["d"]), _year(year), end=m.end(), firm=bool(year))


def _weekday(m: re.Match, order: str) -> Found:
    return Found(weekday=WEEKDAYS[m["wd"].lower()], end=m.end())


def _written_year(m: re.Match) -> str:
    """Return the year as the match wrote it ("" when it wrote none)."""
    return m.groupdict().get("y") or ""


def _year(written: str) -> int | None:
    """Return a written year as a number, `20` read as 2020; None when none was written."""
    if not written:
        return None
    return int(written) + CENTURY if len(written) == 2 else int(written)


# Full dates, in the order they are tried. Used for file names, front matter, headings and line openers.
FULL_PATTERNS: tuple[tuple[str, Reader], ...] = (
    (r"(?<!\d)(?P<y>\d{4})(?P<s>[-_./])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?!\d)", _ymd),
    (r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)", _ymd),
    (r"(?<!\d)(?P<a>\d{1,2})[-./](?P<b>\d{1,2})[-./](?P<y>\d{4})(?!\d)", _numeric),
    # The time between is written by the `date` command: `Mon Jul 16 10:10:31 CEST 2018`.
    (rf"{MON_FIRST}(?<![a-z]){MON_DAY}(?:\s+{CLOCK}(?:\s+{ZONE})?)?{GAP}(?P<y>\d{{4}})(?!\d)", _named),
    (rf"(?<!\d){DAY_MON}(?:\s+{CLOCK}(?:\s+{ZONE})?)?{GAP}(?P<y>\d{{4}})(?!\d)", _named),
)
YEAR_HINT = re.compile(r"\d{4}")  # every full date holds four digits in a row: a quick test before them
# Each with the time of day that may follow it.
FULL_DATES = tuple((re.compile(pattern + TIME, re.I), read) for pattern, read in FULL_PATTERNS)
# A two-digit year, read only where a line or heading starts (`2.3.20`, `3/4/25 -`): in a file name or
# mid-sentence `1.2.20` is as likely a version, and `25-03-04` a year first.
SHORT_YEAR = (
    re.compile(r"(?P<a>\d{1,2})(?P<s>[-./])(?P<b>\d{1,2})(?P=s)(?P<y>\d{2})(?!\d|[-./]\d)"), _numeric)
# Dates with no year, read only where a line or heading starts.
NO_YEAR: tuple[tuple[re.Pattern, Reader], ...] = (
    (re.compile(rf"{MON_DAY}(?!\d)", re.I), _named),
    (re.compile(rf"{DAY_MON}(?![a-z])", re.I), _named),
    (re.compile(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d/])"), _numeric),
)
LINE_DATES = (*FULL_DATES, SHORT_YEAR, *NO_YEAR)

# Dates inside folder names: 2025/03/04.md and 2025-03/04.md.
FOLDER_DATES = re.compile(r"(?:^|/)(?P<y>\d{4})[/-](?P<m>\d{1,2})/(?P<d>\d{1,2})\.[^/.]+$")
# A week or a month named by a note's name: `2025-W10.md` (Obsidian's weekly notes), `2025-03.md`,
# `March 2025.md`.
WEEK = re.compile(r"(?<![\d-])(?P<y>\d{4})-?W(?P<w>\d{1,2})(?!\d)", re.I)
MONTH = re.compile(
    rf"(?<![\d-])(?P<y>\d{{4}})[-_](?P<m>\d{{2}})(?![-_.]?\d)|(?<![a-z]){MON}{GAP}(?P<year>\d{{4}})(?!\d)",
    re.I,
)

# Where a date may begin: a digit or a month's name.
DATE_START = re.compile(rf"(?<!\w)(?:\d|(?:{_names(MONTHS)})(?![a-z]))", re.I)
# A weekday before a date: `Tuesday, March 4`, `Mon 3/3`, `Tuesday - March 4`.
WEEKDAY_BEFORE = re.compile(rf"{WD}(?:\s*{SEP})?\s+", re.I)
# A bare weekday, perhaps with its day of the month (`Mon 3rd`), which is not needed to count it.
WEEKDAY = re.compile(
    rf"(?P<wd>{_names(WEEKDAYS)})(?![a-z])(?:\.?,?\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?(?!\w|:\d))?", re.I)
# A weekday written after a date it names (`2025-03-04 (Tue)`, `March 4, Tuesday`): part of the date.
WEEKDAY_AFTER = re.compile(rf"^\s*(?:[,(\-–—|]\s*)?{WD}\s*\)?(?=\s*(?:$|{SEP}))", re.I)

# A short label before a date: `Day 1: January 23, 2025`, `**Day 12** (2025-01-24)`, `Entry - 3/4/25`.
LABEL_WORDS = "day|entry|date|log|journal|diary|note|notes|update|session|week"
LABEL_START = re.compile(rf"\*\*|(?:{LABEL_WORDS})\b", re.I)
# Label words, each perhaps numbered: `Day 12`, `Day 12 of 100`, `Journal entry #5`, `Week 3 day 2`.
LABEL = re.compile(
    rf"(?P<label>\*\*[^*\n]{{1,40}}\*\*|(?:{LABEL_WORDS})\b(?:[\s#.]*\d{{1,4}}\b|\s+(?:of|{LABEL_WORDS})\b)*)"
    rf"\s*(?:{SEP}\s*)?[(\[]?\s*(?:{WEEKDAY_BEFORE.pattern})?",
    re.I,
)
LABEL_REACH = 48  # how far into a line a labelled date may begin
# After a labelled date: a closing bracket, then the end of the line or a separator.
LABEL_END = re.compile(rf"\s*[)\]]?\s*\**\s*(?:$|{SEP})")


def make_date(found: Found) -> date | None:
    """Return the calendar date, or None when it does not exist (February 30)."""
    try:
        return date(found.year or 0, found.month, found.day)
    except ValueError:
        return None


def find_full_dates(text: str, order: str) -> list[tuple[int, int, date]]:
    """Return (start, end, date) of every real full date written in text, first written first."""
    found: list[tuple[int, int, date]] = []
    if not YEAR_HINT.search(text):
        return found
    for pattern, read in FULL_DATES:
        for match in pattern.finditer(text):
            day = make_date(read(match, order))
            if day:
                found.append((match.start(), match.end(), day))
    return sorted(found, key=lambda where: (where[0], -where[1]))


def search_full_date(text: str, order: str) -> date | None:
    """Return the first real full date written anywhere in text."""
    found = find_full_dates(text, order)
    return found[0][2] if found else None


def find_unreal_date(text: str, order: str) -> str | None:
    """Return the first full date written in text that is not on the calendar ("2025-02-30")."""
    for pattern, read in FULL_DATES if YEAR_HINT.search(text) else ():
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


def period_from_path(path: str) -> date | None:
    """Return the first day of the week or month a note's name names, if any."""
    name = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    week = WEEK.search(name)
    if week:
        try:
            return date.fromisocalendar(int(week["y"]), int(week["w"]), 1)
        except ValueError:
            return None
    month = MONTH.search(name)
    if not month:
        return None
    number = MONTHS[month["mon"].lower()] if month["mon"] else int(month["m"])
    return make_date(Found(number, 1, int(month["y"] or month["year"])))


def match_opener(text: str, order: str) -> Found | None:
    """Return the date that text starts with (after an optional weekday), or the weekday it starts with."""
    before = WEEKDAY_BEFORE.match(text)
    found = match_date(text, before.end() if before else 0, order)
    if found:
        return found
    weekday = WEEKDAY.match(text)
    return _weekday(weekday, order) if weekday else None


def match_date(text: str, start: int, order: str) -> Found | None:
    """Return the date written at text[start:], if any (a year-less one too)."""
    if not DATE_START.match(text, start):
        return None
    for pattern, read in LINE_DATES:
        m = pattern.match(text, start)
        if m:
            return read(m, order)
    return None


def match_labelled(text: str, order: str) -> tuple[str, Found] | None:
    """Return (label, date) when text is a short label, then a date that ends it or a separator."""
    if not LABEL_START.match(text) or len(text) > LABEL_REACH * 2:
        return None
    for start in DATE_START.finditer(text, 1, LABEL_REACH):
        label = LABEL.fullmatch(text, 0, start.start())
        found = label and match_date(text, start.start(), order)
        if found and LABEL_END.match(text, found.end):
            return label["label"].strip("* "), found
    return None


def next_weekday(after: date, weekday: int) -> date:
    """Return the first day on or after `after` that falls on weekday (0 = Monday)."""
    return after + timedelta(days=(weekday - after.weekday()) % 7)


def last_weekday(before: date, weekday: int) -> date:
    """Return the last day on or before `before` that falls on weekday (0 = Monday)."""
    return before - timedelta(days=(before.weekday() - weekday) % 7)
