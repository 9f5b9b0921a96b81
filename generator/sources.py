"""Find the note files under a folder and read them: the only module that reads notes."""

from __future__ import annotations

import codecs
import fnmatch
import os
import re
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from .model import NoteFile, Problem

NOTE_SUFFIXES = (".md", ".markdown", ".txt", ".journal")
IGNORED_FOLDERS = ("logseq/bak", "logseq/.recycle")
MAX_BYTES = 20 * 2**20  # a bigger file is not a note (a database, a video, a log of logs)
SNIFF = 8000  # a NUL in the first bytes means binary, as git judges it
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
EARLIEST = date(1980, 1, 1)  # a file time on or before this is a placeholder, not a day
UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def find_notes(root: Path, exclude: tuple[str, ...] = ()) -> Iterator[Path]:
    """Yield note files under root in sorted order, skipping hidden folders and link loops."""
    return (root / rel for rel in note_paths(root, exclude))


def note_paths(root: Path, exclude: tuple[str, ...] = ()) -> Iterator[str]:
    """Yield the path in root (with `/`) of each note file, as find_notes orders them."""
    seen: set[tuple[int, int]] = set()
    stack = [(root, ".")]  # a stack, not recursion: folders may nest deeper than Python's stack
    while stack:
        folder, rel = stack.pop()
        subfolders, files = _list(folder, seen)
        for name in files:
            relpath = _join(rel, name)
            if _is_note(name) and not any(fnmatch.fnmatch(relpath, p) for p in exclude):
                yield relpath
        stack.extend(
            (folder / name, _join(rel, name)) for name in reversed(subfolders)
            if not name.startswith(".") and _join(rel, name) not in IGNORED_FOLDERS
        )


def note_states(root: Path, exclude: tuple[str, ...] = ()) -> dict[str, tuple[int, int] | None]:
    """Each note file's size and modification time by its path in root (None: it cannot be looked at).

    Two builds that see the same states see the same notes: what a build read is known by them.
    """
    states: dict[str, tuple[int, int] | None] = {}
    base = os.fspath(root)
    for rel in note_paths(root, exclude):
        try:
            info = os.stat(os.path.join(base, rel))
            states[rel] = (info.st_size, info.st_mtime_ns)
        except OSError:
            states[rel] = None
    return states


def _list(folder: Path, seen: set[tuple[int, int]]) -> tuple[list[str], list[str]]:
    """Return the sorted names of a folder's subfolders and files; none for a folder seen before."""
    try:
        info = folder.stat()
        if (info.st_dev, info.st_ino) in seen:
            return [], []
        seen.add((info.st_dev, info.st_ino))
        with os.scandir(folder) as entries:
            kinds = [(entry.name, _is_folder(entry)) for entry in entries]
    except OSError:  # unreadable, or nested past the longest path the system allows
        return [], []
    return sorted(n for n, is_dir in kinds if is_dir), sorted(n for n, is_dir in kinds if not is_dir)


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a link to itself: read as a file, which then says why it cannot be read
        return False


def _join(folder: str, name: str) -> str:
    return name if folder == "." else f"{folder}/{name}"


def _is_note(name: str) -> bool:
    return not name.startswith(".") and name.lower().endswith(NOTE_SUFFIXES)


def read_note(root: Path, path: Path) -> tuple[NoteFile | None, Problem | None]:
    """Read one note as text; bytes that are not text are replaced and reported, binary files skipped."""
    source = printable(path.relative_to(root).as_posix())
    try:
        info = path.stat()
        refused = _refuse(info)
        if refused:
            return None, Problem(source, refused)
        data = path.read_bytes()
    except OSError as error:
        return None, Problem(source, _unreadable(path, error))
    if b"\0" in data[:SNIFF] and not data.startswith(UTF16_BOMS):
        return None, Problem(source, "looks like a binary file, not text; skipped")
    text, problem = decode(data, source)
    return NoteFile(source, text, modified_day(info.st_mtime)), problem


def modified_day(mtime: float) -> date | None:
    """Return the local calendar day of a file time; None for a time no note was written at.

    A zip's or a reproducible build's "no time" (1970, 1980) is not when the note was written.
    """
    try:
        day = date.fromtimestamp(mtime)
    except (OverflowError, OSError, ValueError):
        return None
    return day if day > EARLIEST else None


def decode(data: bytes, source: str) -> tuple[str, Problem | None]:
    """Decode UTF-8 (a BOM is dropped) or UTF-16 with its BOM; bytes that are not text become \ufffd."""
    codec = "utf-16" if data.startswith(UTF16_BOMS) else "utf-8-sig"
    try:
        return data.decode(codec), None
    except UnicodeDecodeError as error:
        before = data[: error.start].decode(codec, errors="replace")
        line = len((before + ".").splitlines())  # counted as the parser counts lines
        name = "UTF-16" if codec == "utf-16" else "UTF-8"
        why = f"is not valid {name}; unreadable bytes shown as \ufffd"
        return data.decode(codec, errors="replace"), Problem(source, why, line)


def _refuse(info: os.stat_result) -> str | None:
    """Say why a file is not read at all: it is not a regular file, or too big for a note."""
    if not stat.S_ISREG(info.st_mode):  # a pipe or a device would block or never end
        return "is not a regular file; skipped"
    if info.st_size > MAX_BYTES:
        return f"is {info.st_size / 2**20:,.1f} MB, more than the {MAX_BYTES >> 20} MB a note may be; skipped"
    return None


def _unreadable(path: Path, error: OSError) -> str:
    if isinstance(error, FileNotFoundError) and path.is_symlink():
        return "is a link to a file that is not there; skipped"
    return f"could not be read ({error.strerror}); skipped"


def printable(name: str) -> str:
    """Return a file name as one printable line: control characters and undecodable bytes escaped."""
    return UNPRINTABLE.sub(_escape, name)


def _escape(found: re.Match) -> str:
    char = found[0]
    if "\udc80" <= char <= "\udcff":  # a byte of the name that is not UTF-8 (Python's surrogateescape)
        return f"\\x{ord(char) - 0xDC00:02x}"
    return char.encode("unicode_escape").decode("ascii")
