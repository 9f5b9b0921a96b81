"""The reading side every importer shares: find an export's files (in a folder or a .zip, as the apps
give them), read JSON, read timestamps, tell one app's export from another's, leave lists out."""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..errors import GeneratorError
from ..model import Problem
from ..prose import is_past
from ..sources import modified_day
from .daily import Entry

NoteReader = Callable[[Any], "Entry | None"]
MAX_UNPACKED = 512 * 2**20  # bytes read from one .zip at most: a zip bomb stops here
APPS = {"keep": "a Google Keep (Takeout)", "simplenote": "a Simplenote", "dayone": "a Day One"}
# A note titled (or begun) with one of these, whose items are short and name things rather than deeds
# (`eggs`, `milk`; not `bought fruit`), is a list of things: not imported.
LIST_TITLE = re.compile(
    r"^[#*_\s]*(shopping( list)?|groceries|grocery( list)?|to ?buy|buy|links|reading( list)?|to ?read|"
    r"books to read|watch ?list|to ?watch|packing( list)?|wish ?list|recipes?|bookmarks)[\s:*_]*$", re.I)
ITEM = re.compile(r"^\s*(?:[-*+]\s+)?(?:\[[ xX]\]\s+|DONE\s+|TODO\s+)?")


@dataclass(frozen=True)
class ExportFile:
    """One file of an export: its name as shown in messages, its bytes, the day it was last changed."""

    name: str
    data: bytes
    modified: date | None


@dataclass
class Export:
    """What one export gave: its notes as entries, every file or note that could not be used, and which
    other apps' exports it looked like."""

    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    looks_like: set[str] = field(default_factory=set)


def find_files(path: Path, suffixes: tuple[str, ...]) -> list[ExportFile]:
    """The export's files: path itself, the files in a folder with one of suffixes, those in a .zip."""
    if not path.exists():
        raise GeneratorError(f"{path}: no such file or folder; give the path of the exported file or folder")
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file() and (
        p.suffix.lower() in suffixes or p.suffix.lower() == ".zip"))
    found: list[ExportFile] = []
    for file in files:
        try:
            found += zip_files(file, suffixes) if zipfile.is_zipfile(file) else [
                ExportFile(str(file), file.read_bytes(), modified_day(file.stat().st_mtime))]
        except (OSError, zipfile.BadZipFile) as error:
            why = getattr(error, "strerror", None) or error
            raise GeneratorError(f"{file}: could not be read ({why})") from None
    return found


def zip_files(path: Path, suffixes: tuple[str, ...]) -> list[ExportFile]:
    """The files in a .zip with one of suffixes, read without unpacking to disk, MAX_UNPACKED at most."""
    found, budget = [], MAX_UNPACKED
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.is_dir() or Path(info.filename).suffix.lower() not in suffixes:
                continue
            with archive.open(info) as member:
                data = member.read(budget + 1)
            budget -= len(data)
            if budget < 0:
                raise GeneratorError(f"{path}: unpacks to more than {MAX_UNPACKED // 2**20} MB; "
                                     "unpack it yourself and import the folder")
            changed = modified_day(datetime(*info.date_time).timestamp())
            found.append(ExportFile(f"{path}/{info.filename}", data, changed))
    return found


def read_text(file: ExportFile, problems: list[Problem]) -> str:
    """Return a file's text; bytes that are not UTF-8 are replaced and reported."""
    try:
        return file.data.decode("utf-8-sig")
    except UnicodeDecodeError:
        problems.append(Problem(file.name, "is not valid UTF-8; unreadable bytes shown as \ufffd"))
        return file.data.decode("utf-8-sig", errors="replace")


def load_json(file: ExportFile, problems: list[Problem]) -> Any:
    """Return a file's JSON data, or None (and a problem naming the file) when it is not JSON."""
    try:
        return json.loads(read_text(file, problems))
    except json.JSONDecodeError as error:
        problems.append(Problem(file.name, f"is not valid JSON ({error.msg}); skipped", error.lineno))
        return None


def which_app(data: Any) -> str | None:
    """The app whose export a file's JSON data looks like, if any."""
    if isinstance(data, dict) and "activeNotes" in data:
        return "simplenote"
    if isinstance(data, dict) and isinstance(data.get("entries"), list):
        return "dayone"
    if isinstance(data, dict) and {"textContent", "listContent", "userEditedTimestampUsec"} & data.keys():
        return "keep"
    return None


def read_json_notes(path: Path, notes_in: Callable[[Any], list], read_note: NoteReader, what: str) -> Export:
    """Read every .json file at path; each note in it becomes an entry, each bad file or note a problem."""
    export = Export()
    for file in find_files(path, (".json",)):
        data = load_json(file, export.problems)
        if data is None:
            continue
        export.looks_like.add(which_app(data) or "")
        try:
            notes = list(notes_in(data))
        except (KeyError, TypeError, AttributeError) as error:
            export.problems.append(Problem(file.name, f"is not {what} ({explain(error)}); skipped"))
            continue
        for number, note in enumerate(notes, 1):
            where = file.name if len(notes) == 1 else f"{file.name}, note {number}"
            try:
                entry = read_note(note)
            except (KeyError, TypeError, ValueError, AttributeError) as error:
                export.problems.append(Problem(where, f"is not {what} ({explain(error)}); skipped"))
                continue
            if entry and is_a_list(entry.text):
                export.problems.append(Problem(where, "is a shopping or reference list, not a day's deeds; "
                                                      "not imported"))
            elif entry:
                export.entries.append(entry)
    return export


def is_a_list(text: str) -> bool:
    """True for a note titled as a shopping or reference list whose items are things, not deeds."""
    first, *items = [line for line in text.splitlines() if line.strip()] or [""]
    if not LIST_TITLE.match(first):
        return False
    words = [ITEM.sub("", item).split() for item in items]
    return not any(is_past(item[0].lower()) for item in words if item) and \
        sum(len(item) <= 3 for item in words) >= 0.6 * len(words)


def explain(error: Exception) -> str:
    """Say what was wrong with a note in words: a missing field, or the error's own message."""
    return f"no {error.args[0]!r} field" if isinstance(error, KeyError) else str(error)


def parse_iso(stamp: str) -> datetime:
    """Read an ISO-8601 time such as 2021-03-04T10:11:12.000Z (Python 3.10 wants +00:00, not Z)."""
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))
