"""Plain text pasted from any notes app: dated lines (`2021-03-04: …`, `3/4 - …`, `[2021-03-04 10:00] …`).

Days are found with the notes reader's own rules (generator.parse), so a file imports exactly as
`wins build` would read it as a running log.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from .. import lines as L
from ..config import Config
from ..model import Problem
from ..parse import Parser
from .daily import Entry
from .export import Export, find_files, read_text

SUFFIXES = (".txt", ".md", ".markdown", ".text")
BULLET = re.compile(rf"^{L.BULLET}\s+")


def read_export(path: Path, date_order: str) -> Export:
    """Read a text file (or every text file in a folder) into one entry per day it names."""
    export = Export()
    parser = Parser(Config(date_order=date_order))
    for file in find_files(path, SUFFIXES):
        text = read_text(file, export.problems)
        if text is not None:
            export.entries += read_days(parser, file, text, export.problems)
    return export


def read_days(parser: Parser, file: Path, text: str, problems: list[Problem]) -> list[Entry]:
    """Cut one file into days at each dated line or heading; each day's lines become one entry."""
    year = datetime.fromtimestamp(file.stat().st_mtime).year
    chunks = parser.split_log(text.splitlines(), 0, year, str(file), problems)
    if not chunks:
        problems.append(Problem(str(file), "has no dated lines (start a day with `2024-03-04:`); skipped"))
    days: dict[date, list[str]] = {}
    for chunk in chunks:
        lines = [chunk.title, *chunk.lines] if chunk.title else chunk.lines
        days.setdefault(chunk.date, []).extend(item for raw in lines if (item := make_item(parser, raw)))
    return [
        Entry(datetime(day.year, day.month, day.day), f"{file.stem} {day}", "\n".join(items))
        for day, items in days.items() if items
    ]


def make_item(parser: Parser, raw: str) -> str | None:
    """Return a line as a `- ` list item without its date or its own bullet; None for a blank line."""
    opener = parser.find_opener(raw)
    text = BULLET.sub("", (opener.rest if opener else raw).strip())
    return f"- {text}" if text else None
