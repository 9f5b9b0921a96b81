"""Simplenote: one notes.json holding `activeNotes` and `trashedNotes` (the trash is left out)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .daily import Entry, make_block
from .export import Export, parse_iso, read_json_notes


def read_export(path: Path, date_order: str) -> Export:
    """Read a Simplenote notes.json (or the export folder holding it) into entries."""
    return read_json_notes(path, lambda data: data["activeNotes"], read_note, "a Simplenote note")


def read_note(note: dict[str, Any]) -> Entry | None:
    """Turn one note into its text and #tags, on the local day it was created; None when empty."""
    text = (note.get("content") or "").strip()
    if not text:
        return None
    moment = parse_iso(note["creationDate"]).astimezone()
    return Entry(moment, str(note["id"]), make_block(text.splitlines(), note.get("tags") or []))
