"""One build at a time into an output folder: a lock file beside it, held while the build runs.

The operating system's file lock (flock, or msvcrt on Windows) goes when the process does, so a killed
build never leaves a lock behind; the lock file itself is removed when the build ends.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from .errors import GeneratorError
from .write import naming_the_path

WAIT = 3.0  # seconds a second build waits for the first before it gives up
POLL = 0.05

try:
    import fcntl

    def try_lock(fd: int) -> bool:
        """Take the lock on an open file unless another process holds it; True when taken."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True
except ImportError:  # Windows
    import msvcrt

    def try_lock(fd: int) -> bool:
        """Take the lock on an open file unless another process holds it; True when taken."""
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True


def lock_path(out: Path) -> Path:
    return out.parent / f".{out.name}.lock"


@contextmanager
def output_locked(out: Path, wait: float = WAIT) -> Iterator[None]:
    """Hold the output folder's lock while the block runs; refuse when another build keeps it too long."""
    path = lock_path(out.resolve())
    with naming_the_path(out):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = take_lock(path, time.monotonic() + wait)
    if fd is None:
        raise GeneratorError(f"another build is writing the site {out} right now; "
                             "try again when it has finished")
    try:
        yield
    finally:
        with suppress(OSError):
            path.unlink()
        os.close(fd)


def take_lock(path: Path, deadline: float) -> int | None:
    """Open and lock the lock file, waiting until deadline; the open file's descriptor, None if it is kept."""
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        if try_lock(fd) and same_file(fd, path):
            return fd
        os.close(fd)
        if time.monotonic() > deadline:
            return None
        time.sleep(POLL)


def same_file(fd: int, path: Path) -> bool:
    """True when the locked file is still the one at path (not one a finished build just removed)."""
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except OSError:
        return False
