"""The only writer: build into a temporary sibling folder, then swap it into place."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import GeneratorError

MARKER = ".evidence-wall"
MARKER_TEXT = b"Made by Evidence Wall (`wins build`). Rebuilt from your notes on every build.\n"
NOTES_LINE = b"notes: "  # then a digest of the notes folder's resolved path: which folder made the site


def marker_text(notes: Path) -> bytes:
    """The marker file's bytes: what made the site, and a digest (never the path) of the notes folder."""
    folder = hashlib.sha256(str(notes.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return MARKER_TEXT + NOTES_LINE + folder.encode() + b"\n"


def made_from_elsewhere(out: Path, notes: Path) -> bool:
    """True when the site in out records another notes folder (an old marker without one records none)."""
    try:
        lines = (out / MARKER).read_bytes().splitlines(keepends=True)
    except OSError:
        return False
    recorded = [line for line in lines if line.startswith(NOTES_LINE)]
    return bool(recorded) and recorded[0] != marker_text(notes).splitlines(keepends=True)[-1]


def check_output(out: Path, notes: Path, force: bool = False) -> None:
    """Refuse an output folder that could touch the notes or someone else's files, or that holds
    the site of another notes folder (unless force)."""
    with naming_the_path(out):
        out, notes = out.resolve(), notes.resolve()
        if out == notes or notes in out.parents:
            raise GeneratorError(f"the site cannot go inside your notes folder ({out}); "
                                 "choose another folder with -o")
        if out in notes.parents:
            raise GeneratorError(f"the output folder {out} holds your notes folder; choose another with -o")
        if out.exists() and not out.is_dir():
            raise GeneratorError(f"{out} is a file, not a folder; choose another output with -o")
        if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
            raise GeneratorError(f"{out} already holds files that Evidence Wall did not make; "
                                 "choose an empty or new folder with -o")
        if not force and made_from_elsewhere(out, notes):
            raise GeneratorError(f"the site in {out} was built from another notes folder, not {notes}; "
                                 "left as it was. Choose another output with -o, "
                                 "or pass --force to replace it")


@contextmanager
def naming_the_path(out: Path) -> Iterator[None]:
    """Turn a failure to write (disk full, no permission, a file where a folder should be) into a
    message that names the path."""
    try:
        yield
    except OSError as error:
        where = error.filename or out
        raise GeneratorError(f"cannot write the site to {out}: {where}: {error.strerror or error}") from error


def write_site(files: dict[str, bytes], out: Path, marker: bytes = MARKER_TEXT) -> int:
    """Write every file into a fresh folder and put it in place of the old site only when done.

    Returns how many files were written: all of them.
    """
    with naming_the_path(out):
        out = out.resolve()
        out.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(out)
        fresh = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
        try:
            (fresh / MARKER).write_bytes(marker)
            for rel, data in sorted(files.items()):
                target = fresh / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
            fresh.chmod(0o755)
            swap_into_place(fresh, out)
        except BaseException:
            shutil.rmtree(fresh, ignore_errors=True)
            raise
    return len(files)


def remove_leftovers(out: Path) -> None:
    """Remove half-written or old sites a killed build left beside out (only ones we made)."""
    for stray in out.parent.glob(f".{out.name}.*-*"):
        if stray.is_dir() and (stray / MARKER).is_file():
            shutil.rmtree(stray, ignore_errors=True)


def swap_into_place(fresh: Path, out: Path) -> None:
    """Replace out with fresh; the old site is removed only after the new one is in place."""
    if not out.exists():
        fresh.rename(out)
        return
    old = out.with_name(f".{out.name}.old-{os.getpid()}")
    out.rename(old)
    try:
        fresh.rename(out)
    except BaseException:
        old.rename(out)
        raise
    shutil.rmtree(old, ignore_errors=True)


def update_site(files: dict[str, bytes], keep: set[str], out: Path, marker: bytes = MARKER_TEXT) -> int:
    """Bring a site we made up to date in place: write files whose bytes differ, drop stale ones.

    Every file is replaced atomically (an old marker is upgraded too); returns how many were written.
    """
    with naming_the_path(out):
        replace_file(out / MARKER, marker)
        written = sum(replace_file(out / rel, data) for rel, data in sorted(files.items()))
        for path in sorted(out.rglob("*"), reverse=True):
            rel = path.relative_to(out).as_posix()
            if path.is_file() and rel != MARKER and rel not in keep and rel not in files:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return written


def replace_file(target: Path, data: bytes) -> bool:
    """Atomically give target these bytes unless it has them already; True when it was written."""
    if target.is_file() and target.stat().st_size == len(data) and target.read_bytes() == data:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.new")
    try:
        temp.write_bytes(data)
        temp.replace(target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return True
