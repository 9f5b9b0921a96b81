"""Stop a build early when nothing it depends on changed since the last one.

Each unlocked build leaves a small stamp beside its cache: a key of its settings, look, day and output
folder, the size and time of every note file it read, every file of the site it left, and what it
counted. A build that finds all of them as the stamp has them would write the same bytes: it says what
the last one said, without reading, parsing, analysing or rendering anything, or loading the cache.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from .cache import cache_folder, mark_used, read_pickle, write_pickle
from .model import Problem

log = logging.getLogger(__name__)
STAMP = "stamp.pickle"


@dataclass(frozen=True)
class Summary:
    """What a build ends by saying: how many days and wins it found, and its warnings."""

    days: int
    wins: int
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class Stamp:
    """What one build depended on, as it found it, and what it said."""

    notes: dict[str, tuple[int, int] | None]
    """Each note file's size and modification time, as the build found them before reading."""
    site: dict[str, tuple[int, int, int]]
    """Each file of the site the build left: its size, modification time and inode."""
    summary: Summary


def site_states(out: Path) -> dict[str, tuple[int, int, int]]:
    """Every file under out, by its path there: size, modification time and inode (a file replaced
    within the same tick of a coarse clock is still a new file)."""
    states = {}
    for folder, _, names in os.walk(out):
        rel = os.path.relpath(folder, out).replace(os.sep, "/")
        for name in names:
            try:
                info = os.stat(os.path.join(folder, name))
            except OSError:  # gone since it was listed: this is not the site the stamp describes
                return {}
            states[name if rel == "." else f"{rel}/{name}"] = (info.st_size, info.st_mtime_ns, info.st_ino)
    return states


def unchanged(notes: Path, key: str, states: dict[str, tuple[int, int] | None], out: Path) -> Summary | None:
    """What the last build said, when it had this key, saw these notes and left the site as it is now.

    An empty wall always goes on, so that a build without --force refuses it as it did the first time.
    """
    stamp = read_pickle(cache_folder(notes) / STAMP, key)
    if (stamp is None or not stamp.summary.days or stamp.notes != states
            or not stamp.site or stamp.site != site_states(out)):
        return None
    log.debug("nothing changed since the last build")
    try:
        mark_used(notes)
    except OSError as error:
        log.debug("cache not pruned: %s", error)
    return stamp.summary


def save_stamp(notes: Path, key: str, stamp: Stamp | None) -> None:
    """Leave the stamp for the next build; None (a locked site, never left as it was) removes the last."""
    path = cache_folder(notes) / STAMP
    try:
        if stamp is None:
            path.unlink(missing_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_pickle(path, key, stamp)
    except OSError as error:
        log.debug("stamp not saved: %s", error)
