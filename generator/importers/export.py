"""The reading side every importer shares: find an export's files, read JSON, read timestamps."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import GeneratorError
from ..model import Problem
from .daily import Entry

NoteReader = Callable[[Any], "Entry | None"]


@dataclass
class Export:
    """What one export gave: its notes as entries, and every file or note that could not be used."""

    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def find_files(path: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """Return path itself when it is a file, else every file under it with one of suffixes, sorted."""
    if not path.exists():
        raise GeneratorError(f"{path}: no such file or folder; give the path of the exported file or folder")
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*") if p.suffix.lower() in suffixes and p.is_file())


def read_text(file: Path, problems: list[Problem]) -> str | None:
    """Return a file's text; bytes that are not UTF-8 are replaced and reported, an unreadable file too."""
    try:
        data = file.read_bytes()
    except OSError as error:
        problems.append(Problem(str(file), f"could not be read ({error.strerror}); skipped"))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        problems.append(Problem(str(file), "is not valid UTF-8; unreadable bytes shown as \ufffd"))
        return data.decode("utf-8-sig", errors="replace")


def load_json(file: Path, problems: list[Problem]) -> Any:
    """Return a file's JSON data, or None (and a problem naming the file) when it is not JSON."""
    text = read_text(file, problems)
    try:
        return None if text is None else json.loads(text)
    except json.JSONDecodeError as error:
        problems.append(Problem(str(file), f"is not valid JSON ({error.msg}); skipped", error.lineno))
        return None


def read_json_notes(path: Path, notes_in: Callable[[Any], list], read_note: NoteReader, what: str) -> Export:
    """Read every .json file at path; each note in it becomes an entry, each bad file or note a problem."""
    export = Export()
    for file in find_files(path, (".json",)):
        data = load_json(file, export.problems)
        if data is None:
            continue
        try:
            notes = list(notes_in(data))
        except (KeyError, TypeError, AttributeError) as error:
            export.problems.append(Problem(str(file), f"is not {what} ({explain(error)}); skipped"))
            continue
        for number, note in enumerate(notes, 1):
            try:
                entry = read_note(note)
            except (KeyError, TypeError, ValueError, AttributeError) as error:
                where = str(file) if len(notes) == 1 else f"{file}, note {number}"
                export.problems.append(Problem(where, f"is not {what} ({explain(error)}); skipped"))
                continue
            if entry:
                export.entries.append(entry)
    return export


def explain(error: Exception) -> str:
    """Say what was wrong with a note in words: a missing field, or the error's own message."""
    return f"no {error.args[0]!r} field" if isinstance(error, KeyError) else str(error)


def parse_iso(stamp: str) -> datetime:
    """Read an ISO-8601 time such as 2021-03-04T10:11:12.000Z (Python 3.10 wants +00:00, not Z)."""
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))
