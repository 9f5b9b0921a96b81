"""`wins import`: turn an export from a phone notes app into daily notes (one module per app)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from ..errors import GeneratorError
from ..model import Problem
from .daily import Written, summarize, write_entries

SOURCES = ("keep", "simplenote", "dayone", "text")

__all__ = ["SOURCES", "Imported", "import_export", "summarize"]


@dataclass(frozen=True)
class Imported:
    """What an import did: one report per daily note written to, and every input problem."""

    written: list[Written]
    problems: list[Problem]


def import_export(source: str, path: Path, notes: Path, date_order: str = "mdy") -> Imported:
    """Read the export of app `source` at path and add each of its notes to its day's note in notes."""
    export = import_module(f".{source}", __name__).read_export(path, date_order)
    try:
        return Imported(write_entries(notes, source, export.entries), export.problems)
    except OSError as error:
        raise GeneratorError(f"{error.filename}: could not write ({error.strerror})") from None
