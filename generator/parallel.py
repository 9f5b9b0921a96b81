"""Do one job over many items on every core (parse note files, draw pages): worth it only for large
folders and walls, so small ones stay in one process.

Ctrl-C reaches the main process only (workers ignore it), which ends the workers at once, so an
interrupted build stops within a second however many workers run.
"""

from __future__ import annotations

import gc
import os
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_all_start_methods, get_context
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from .model import FileResult, NoteFile
    from .parse import Parser

PARALLEL_FROM = 400  # fewer files (or days on the wall) than this are done faster than workers start
FORK = "fork" in get_all_start_methods()
"""Workers are forked where the system can: they start at once and see everything this process has."""

Item = TypeVar("Item")
Result = TypeVar("Result")
_work: Callable | None = None


def _start(work: Callable) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    global _work
    _work = work


def _do(items: Sequence) -> list:
    return [_work(item) for item in items]


def workers(jobs: int) -> int:
    """How many processes to use: the number asked for, else one per core."""
    return jobs if jobs > 0 else os.cpu_count() or 1


def parse_all(parser: Parser, notes: list[NoteFile], jobs: int) -> list[FileResult]:
    """Parse every note, in order; across worker processes when there are many."""
    count = workers(jobs) if len(notes) >= PARALLEL_FROM else 1
    return run_all(parser.parse, notes, count, chunksize=max(8, len(notes) // (count * 8)), share=True)


def run_all(work: Callable[[Item], Result], items: Sequence[Item], count: int, chunksize: int = 1,
            share: bool = False) -> list[Result]:
    """Do work on every item and return the results in order, in `count` worker processes (with
    one, in this process).

    The workers take the items in chunks, from the start. With `share`, this process is one of the
    count and takes chunks from the end, each one that no worker has begun, so that fewer results
    cross between processes: for few long chunks (with many short ones the workers would wait for
    it to hand them the next). Forked workers take work as it is (any function); spawned ones,
    where the system cannot fork, receive it pickled (a module-level function, or a method of an
    object that pickles).
    """
    chunks = [items[i:i + chunksize] for i in range(0, len(items), chunksize)]
    if count == 1 or share and len(chunks) == 1:
        return [work(item) for item in items]
    context = get_context("fork" if FORK else "spawn")
    gc.freeze()  # forked workers then never scan this process's objects, so they stay shared, not copied
    pool = ProcessPoolExecutor(count - share, mp_context=context, initializer=_start, initargs=(work,))
    try:
        futures = [pool.submit(_do, chunk) for chunk in chunks]
        here = take_share(work, chunks, futures) if share else {}
        results = [r for i, future in enumerate(futures) for r in (here[i] if i in here else future.result())]
    except BaseException:
        end_workers(pool)
        raise
    finally:
        gc.unfreeze()
    pool.shutdown()
    return results


def take_share(work: Callable, chunks: list[Sequence], futures: list[Future]) -> dict[int, list]:
    """Do chunks here from the last, until one a worker has begun (the ones before it are theirs)."""
    here = {}
    for index in reversed(range(len(chunks))):
        if not futures[index].cancel():
            break
        here[index] = [work(item) for item in chunks[index]]
    return here


def end_workers(pool: ProcessPoolExecutor) -> None:
    """End the workers now. The pool is not shut down: its own teardown can deadlock once they are
    gone, so the command line ends the process without waiting for it (console.exit_interrupted)."""
    for process in list((pool._processes or {}).values()):  # no public way to reach them
        process.terminate()
