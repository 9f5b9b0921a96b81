"""Plain text pasted from any notes app: dated lines (`2021-03-04: …`, `3/4 - …`, `[2021-03-04 10:00] …`).

Days are found with the notes reader's own rules (generator.split), so a file imports exactly as
`wins build` would read it as a running log.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path, PurePosixPath

from ..model import Problem
from ..openers import line_opener
from ..split import split_days
from ..win_rules import BULLET
from .daily import Entry
from .export import Export, ExportFile, find_files, read_text

SUFFIXES = (".txt", ".md", ".markdown", ".text")
LEADING_BULLET = re.compile(rf"^{BULLET}\s+")


def read_export(path: Path, date_order: str) -> Export:
    """Read a text file (or every text file in a folder) into one entry per day it names."""
    export = Export()
    for file in find_files(path, SUFFIXES):
        export.entries += read_days(file, read_text(file, export.problems), date_order, export.problems)
    return export


def read_days(file: ExportFile, text: str, order: str, problems: list[Problem]) -> list[Entry]:
    """Cut one file into days at each dated line or heading; each day's lines become one entry."""
    found = split_days(text.splitlines(), order, file.modified, file.name, problems)
    if not found:
        problems.append(Problem(file.name, "has no dated lines (start a day with `2024-03-04:`); skipped"))
    days: dict[date, list[str]] = {}
    for day_text in found:
        lines = [day_text.title, *day_text.lines] if day_text.title else day_text.lines
        days.setdefault(day_text.date, []).extend(item for raw in lines if (item := make_item(raw, order)))
    return [
        Entry(datetime(day.year, day.month, day.day), f"{PurePosixPath(file.name).stem} {day}",
              "\n".join(items))
        for day, items in days.items() if items
    ]


def make_item(raw: str, order: str) -> str | None:
    """Return a line as a `- ` list item without its date or its own bullet; None for a blank line."""
    opener = line_opener(raw, order)
    text = LEADING_BULLET.sub("", (opener.rest if opener else raw).strip())
    return f"- {text}" if text else None
