"""Which lines open a day: a dated heading, a jrnl stamp, a dated or labelled line (PRODUCT.md §1)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import (
    FULL_WEEKDAYS,
    LABEL_WORDS,
    SEP,
    SEPARATOR,
    WEEKDAY_AFTER,
    Found,
    find_full_dates,
    match_labelled,
    match_opener,
)
from .win_rules import heading

JRNL = re.compile(r"^\[(?P<stamp>[^\]\n]{6,40})\]\s*(?P<rest>.*)")
CLOCK = re.compile(r"^\s*(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?)?\s*$")
# A quick look at a line's start: only a line that passes may open a day (a heading aside).
MAYBE_DATED = re.compile(
    r"^\s*(?:\*\*|==|--|\[|\d|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
    rf"{LABEL_WORDS})",
    re.I,
)
# Marks around a dated line in plain text: `=== 2025-03-04 ===`, `-- March 4 --`, `**3/4**`.
FRAME = re.compile(r"^(?:\*+|={2,}|-{2,})\s*|\s*(?:\*+|={2,}|-{2,})$")
LABEL_TAIL = re.compile(rf"^\s*[)\]]?\s*\**\s*(?:{SEP})?\s*")  # `)` or `**` and a separator after a date
# After a weekday written in full, a full stop ends a sentence (`Monday. Back from Mum's.`); after a
# shortened one it is the shortening's (`Wed. Did the big shop.`).
SENTENCE = re.compile(r"\.\s+\S")
# What is left of the words around a date in a heading once the date is taken out.
LEFT_OVER = " \t*:-–—|,.()[]"


@dataclass(frozen=True)
class Opener:
    """The date a line opens a day with, the words after it, and whether the line is a heading."""

    found: Found
    rest: str
    is_heading: bool
    label: str = ""
    """The words before the date (`Day 1` in `### Day 1: January 23, 2025`): part of the day's title."""


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
        return _heading_opener(head[1], order)
    if not MAYBE_DATED.match(raw):
        return None
    text = raw.strip()
    return _starts_dated(FRAME.sub("", text), order, False) or _labelled(text, order, False)


def _heading_opener(title: str, order: str) -> Opener | None:
    """Return the date a heading opens a day with: a date first, a labelled date, or its one full date.

    A bare weekday opens a day only when the heading holds no full date.
    """
    text = title.replace("[[", "").replace("]]", "").strip("* ")
    start = _starts_dated(text, order, True)
    if start and start.found.weekday is None:
        return start
    return _labelled(text, order, True) or _one_full_date(text, order) or start


def _starts_dated(text: str, order: str, is_heading: bool) -> Opener | None:
    """Return the date text opens with, when the words after it are set apart by a separator.

    A heading that opens with a date, or a line that opens with a firm one (`2025-03-04 went in`), may go
    on in any words (`## March 4 was sunny`); `Sat on the bench` and `May 5 I went` open no day.
    """
    found = match_opener(text, order)
    if not found:
        return None
    rest = text[found.end:].lstrip("*")
    if found.weekday is not None:
        apart = not rest.strip() or bool(SEPARATOR.match(rest)) and not _ends_sentence(text[:found.end], rest)
    else:
        rest = rest if is_heading else WEEKDAY_AFTER.sub("", rest, count=1)
        apart = is_heading or found.firm or not rest.strip() or bool(SEPARATOR.match(rest))
    return Opener(found, SEPARATOR.sub("", rest, count=1).strip(), is_heading) if apart else None


def _ends_sentence(weekday: str, rest: str) -> bool:
    """True when the full stop after a weekday ends a sentence (`Monday. Back from Mum's.`)."""
    return weekday.lower() in FULL_WEEKDAYS and bool(SENTENCE.match(rest))


def _labelled(text: str, order: str, is_heading: bool) -> Opener | None:
    """Return the date after a short label (`Entry - 3/4/25`, `**Day 12** (2025-01-24)`)."""
    labelled = match_labelled(text, order)
    if not labelled:
        return None
    label, found = labelled
    return Opener(found, LABEL_TAIL.sub("", text[found.end:], count=1).strip(), is_heading, label)


def _one_full_date(text: str, order: str) -> Opener | None:
    """Return the date of a heading that holds exactly one full date, the words around it its title."""
    found = find_full_dates(text, order)
    if len({day for _, _, day in found}) != 1:
        return None
    start, end, day = found[0]
    found_date = Found(day.month, day.day, day.year, end=end)
    return Opener(found_date, text[end:].strip(LEFT_OVER), True, text[:start].strip(LEFT_OVER))


def _unstarred(text: str) -> str:
    """Return the text of a jrnl entry's first line without its star (` *` at the end)."""
    return text[:-1].strip() if text.endswith("*") and text[-2:-1].isspace() else text.strip()
