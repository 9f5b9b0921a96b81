"""What templates call on a value: dates and day links as the site writes them, counted words, runs."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from markupsafe import Markup, escape

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


def week_span(start: date) -> str:
    """The seven days from a Monday, as few words as are clear: "23–29 November 2026",
    "30 November – 6 December 2026", "28 December 2026 – 3 January 2027"."""
    end = start + timedelta(days=6)
    if start.month == end.month:
        return f"{start.day}–{end.day} {end:%B %Y}"
    first = f"{start.day} {start:%B}" if start.year == end.year else f"{start.day} {start:%B %Y}"
    return f"{first} – {end.day} {end:%B %Y}"


def month_name(day: date) -> str:
    """"November 2026"."""
    return f"{day:%B %Y}"


@lru_cache(maxsize=1 << 16)
def day_href(day: date) -> str:
    """The one link form for a day: months/YYYY-MM.html#YYYY-MM-DD (relative to the site root)."""
    iso = day.isoformat()
    return f"months/{iso[:7]}.html#{iso}"


EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A run of digits, spaces and phone punctuation that starts and ends with a digit (or a leading +).
PHONE = re.compile(r"(?<![\w+])\+?\d[\d ()./-]*\d(?!\w)")
PHONE_DIGITS = 5  # fewer digits than this is a number, not a phone number ("3 times", "2026")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def contact_links(line: str) -> Markup:
    """A support line with its e-mail addresses as mailto: links and its phone numbers as tel: links."""
    phones = [m for m in PHONE.finditer(line) if phone_like(m[0])]
    found = sorted([(m.start(), -m.end(), f"mailto:{m[0]}") for m in EMAIL.finditer(line)]
                   + [(m.start(), -m.end(), "tel:" + re.sub(r"[^\d+]", "", m[0])) for m in phones])
    parts, at = [], 0
    for start, stop, href in found:
        end = -stop
        if start >= at:  # the longer of two runs from one place (an address) wins; what it holds stays in it
            link = Markup('<a class="contact" href="{}">{}</a>').format(href, line[start:end])
            parts += [escape(line[at:start]), link]
            at = end
    return Markup("").join([*parts, escape(line[at:])])


def phone_like(text: str) -> bool:
    """True for a run of digits long enough to dial and not a date."""
    return sum(c.isdigit() for c in text) >= PHONE_DIGITS and not ISO_DATE.fullmatch(text)


LINK_TAG = re.compile(r"</?a\b[^>]*>")


def unlinked(html: Markup) -> Markup:
    """Inline HTML with its links' tags taken out (their words stay): for inside a card that is one link."""
    return Markup(LINK_TAG.sub("", str(html)))


def plural_decimal(number: float, one: str, many: str | None = None) -> str:
    """To one decimal, with its noun: 1.0 → "1 thing", 1.46 → "1.5 things"."""
    text = f"{number:.1f}".removesuffix(".0")
    return f"{text} {noun(1 if text == '1' else 2, one, many)}"


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
