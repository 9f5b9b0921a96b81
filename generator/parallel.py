"""Parse many notes on every core: worth it only for large folders, so small ones stay in one process.

Ctrl-C reaches the main process only (workers ignore it), which ends the workers at once, so an
interrupted build stops within a second however many workers run.
"""

from __future__ import annotations

import os
import signal
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_all_start_methods, get_context

from .model import FileResult, NoteFile
from .parse import Parser

PARALLEL_FROM = 400  # fewer files than this are parsed faster than worker processes start

_parser: Parser | None = None


def _start(parser: Parser) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
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
    pool = ProcessPoolExecutor(count, mp_context=context, initializer=_start, initargs=(parser,))
    try:
        results = list(pool.map(_parse, notes, chunksize=max(8, len(notes) // (count * 8))))
    except BaseException:
        end_workers(pool)
        raise
    pool.shutdown()
    return results


def end_workers(pool: ProcessPoolExecutor) -> None:
    """End the workers now. The pool is not shut down: its own teardown can deadlock once they are
    gone, so the command line ends the process without waiting for it (console.exit_interrupted)."""
    for process in list((pool._processes or {}).values()):  # no public way to reach them
        process.terminate()
