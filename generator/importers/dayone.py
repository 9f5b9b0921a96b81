"""Day One: a JSON export, `{"metadata": …, "entries": [{uuid, creationDate, timeZone, text, …}]}`."""

from __future__ import annotations

import re
from datetime import tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .daily import Entry, make_block
from .export import Export, parse_iso, read_json_notes

# Day One writes `\.` and `\-` for a plain `.` and `-`: any backslash before ASCII punctuation.
ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def read_export(path: Path, date_order: str) -> Export:
    """Read a Day One JSON export (or the folder holding Journal.json) into entries."""
    return read_json_notes(path, lambda data: data["entries"], read_note, "a Day One entry")


def read_note(entry: dict[str, Any]) -> Entry | None:
    """Turn one entry into its text and #tags (#starred when starred), on its own time zone's day."""
    text = ESCAPED.sub(r"\1", entry.get("text") or "").strip()
    if not text:
        return None
    moment = parse_iso(entry["creationDate"]).astimezone(find_zone(entry.get("timeZone")))
    tags = [*(entry.get("tags") or []), *(["starred"] if entry.get("starred") else [])]
    return Entry(moment, str(entry["uuid"]), make_block(text.splitlines(), tags))


def find_zone(name: str | None) -> tzinfo | None:
    """Return the entry's own time zone, or None (this machine's) when it names none or an unknown one."""
    try:
        return ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError):
        return None
