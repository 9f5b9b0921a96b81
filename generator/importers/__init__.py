"""`wins import`: turn an export from a phone notes app into daily notes (one module per app)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from ..errors import GeneratorError
from ..model import Problem
from .daily import Written, summarize, write_entries
from .export import APPS

SOURCES = ("keep", "simplenote", "dayone", "text")
FOUND = {"keep": "Google Keep notes", "simplenote": "Simplenote notes", "dayone": "Day One entries",
         "text": "dated lines"}

__all__ = ["SOURCES", "Imported", "import_export", "summarize"]


@dataclass(frozen=True)
class Imported:
    """What an import did: one report per daily note written to, every input problem, and when nothing
    could be imported, a hint saying what to try."""

    written: list[Written]
    problems: list[Problem]
    hint: str = ""


def import_export(source: str, path: Path, notes: Path, date_order: str = "mdy") -> Imported:
    """Read the export of app `source` at path and add each of its notes to its day's note in notes."""
    export = import_module(f".{source}", __name__).read_export(path, date_order)
    if not export.entries:
        return Imported([], export.problems, nothing_imported(source, path, export.looks_like))
    try:
        return Imported(write_entries(notes, source, export.entries), export.problems)
    except OSError as error:
        raise GeneratorError(f"{error.filename}: could not write ({error.strerror})") from None


def nothing_imported(source: str, path: Path, looks_like: set[str]) -> str:
    """What to say when an export gave no notes: the app it looks like instead, else what was expected."""
    other = sorted(looks_like - {source, ""})
    if other:
        return (f"nothing was imported from {path}: this looks like {APPS[other[0]]} export; "
                f"try `wins import {other[0]} {path} --into …`")
    return (f"nothing was imported from {path}: found no {FOUND[source]} there (see the warnings above, "
            "and `wins import --help` for the file each app exports)")
