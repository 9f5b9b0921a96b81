"""Parse many notes on every core: worth it only for large folders, so small ones stay in one process."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_all_start_methods, get_context

from .model import FileResult, NoteFile
from .parse import Parser

PARALLEL_FROM = 400  # fewer files than this are parsed faster than worker processes start

_parser: Parser | None = None


def _start(parser: Parser) -> None:
    global _parser
    _parser = parser


def _parse(note: NoteFile) -> FileResult:
    return _parser.parse(note)


def workers(jobs: int) -> int:
    """How many processes to use: the number asked for, else one per core."""
    return jobs if jobs > 0 else os.cpu_count() or 1


def parse_all(parser: Parser, notes: list[NoteFile], jobs: int) -> list[FileResult]:
    """Parse every note, in order; across worker processes when there are many."""
    count = workers(jobs)
    if count == 1 or len(notes) < PARALLEL_FROM:
        return [parser.parse(note) for note in notes]
    context = get_context("fork" if "fork" in get_all_start_methods() else "spawn")
    with ProcessPoolExecutor(count, mp_context=context, initializer=_start, initargs=(parser,)) as pool:
        return list(pool.map(_parse, notes, chunksize=max(8, len(notes) // (count * 8))))
