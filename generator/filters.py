"""What templates call on a value: dates and day links as the site writes them, counted words, runs."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from .model import Month, Win
from .words import plural


@lru_cache(maxsize=1 << 16)
def long_date(day: date) -> str:
    """"Tuesday 3 November 2026"; themes/default/dates.js writes the same form in the browser."""
    return f"{day:%A} {day.day} {day:%B %Y}"


@lru_cache(maxsize=1 << 16)
def short_date(day: date) -> str:
    """"3 Nov 2026"."""
    return f"{day.day} {day:%b %Y}"


def month_name(day: date) -> str:
    """"November 2026"."""
    return f"{day:%B %Y}"


@lru_cache(maxsize=1 << 16)
def day_href(day: date) -> str:
    """The one link form for a day: months/YYYY-MM.html#YYYY-MM-DD (relative to the site root)."""
    iso = day.isoformat()
    return f"months/{iso[:7]}.html#{iso}"


def noun(count: int, one: str, many: str | None = None) -> str:
    """The words `plural` puts after the count, for a count drawn apart: `3 | noun("win")` → "wins"."""
    return plural(count, one, many).split(" ", 1)[1]


def ordinal(number: int) -> str:
    """1 → "1st", 2 → "2nd", 11 → "11th", 250 → "250th"."""
    ends = {1: "st", 2: "nd", 3: "rd"}
    return f"{number}{'th' if number % 100 in (11, 12, 13) else ends.get(number % 10, 'th')}"


def groupby_month(wins) -> list[tuple[str, list[Win]]]:
    """Split wins (already in order) into runs of the same month: [("2025-03", [...]), ...]."""
    runs: list[tuple[str, list[Win]]] = []
    for win in wins:
        key = win.date.isoformat()[:7]
        if not runs or runs[-1][0] != key:
            runs.append((key, []))
        runs[-1][1].append(win)
    return runs


def groupby_year(months) -> list[tuple[int, list[Month]]]:
    """Split months (in order) by year: [(2025, [...]), ...]."""
    runs: list[tuple[int, list[Month]]] = []
    for month in months:
        if not runs or runs[-1][0] != month.start.year:
            runs.append((month.start.year, []))
        runs[-1][1].append(month)
    return runs
