"""Google Keep (Takeout): one .json file per note, with text or a checklist, labels and flags."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .daily import Entry, make_block
from .export import Export, read_json_notes


def read_export(path: Path, date_order: str) -> Export:
    """Read a Keep folder from Google Takeout (or one note file) into entries."""
    return read_json_notes(path, lambda data: [data], read_note, "a Google Keep note")


def read_note(note: dict[str, Any]) -> Entry | None:
    """Turn one note into `## Title`, its text, `- [x]` items and #labels; None when trashed or empty."""
    if note.get("isTrashed"):
        return None
    title = " ".join((note.get("title") or "").split())
    lines = [f"## {title}"] if title else []
    lines += (note.get("textContent") or "").splitlines()
    lines += [make_item(item) for item in note.get("listContent") or [] if (item.get("text") or "").strip()]
    if not any(line.strip() for line in lines):
        return None
    stamp = note.get("createdTimestampUsec") or note["userEditedTimestampUsec"]
    moment = datetime.fromtimestamp(int(stamp) / 1_000_000, timezone.utc).astimezone()
    labels = [label["name"] for label in note.get("labels") or []]
    return Entry(moment, str(stamp), make_block(lines, labels))


def make_item(item: dict[str, Any]) -> str:
    """Return one checklist item as a markdown task, ticked when it was ticked in Keep."""
    box = "x" if item.get("isChecked") else " "
    return f"- [{box}] {' '.join(item['text'].split())}"
