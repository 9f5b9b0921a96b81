"""Which notes folder a command works on: the same answer for every command (PRODUCT.md §4).

The folder given, else the one holding `wall.yaml` found by walking up from here, else `WINS_NOTES`,
else this folder, but only when it is a Logseq graph or an Obsidian vault, or holds markdown daily notes
(files named by a date and nothing else) at its top, in its journals/ or daily/ folder, or in year and
month folders (2026/11/27.md).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path

from .apps import app_pattern
from .config import CONFIG_NAME
from .errors import GeneratorError

# A daily note's path names its day and nothing else: 2026-11-27.md, journals/2026_11_27.md,
# 2026/11/27.md, 20261127.md. `bank-statement-2026-11-27.txt` is not one.
DAILY_NAME = re.compile(r"(?:^|/)(\d{4})([-_/]?)(\d{2})\2(\d{2})\.(?:md|markdown|txt)$", re.IGNORECASE)
LOOK_DEPTH = 3  # how far below this folder daily notes are looked for (journals/, daily/2026/11/…)
MIN_DAILY = 2
LOOK_AT_MOST = 2000  # entries looked at before giving up: a home folder is not read whole
# The only folders looked into: an app's daily-notes folder, or a year's or a month's (all digits).
# A folder that merely holds a notes folder (a home folder, ~/Documents) is never taken for one.
DAILY_FOLDERS = ("journals", "journal", "daily", "daily notes", "dailies", "diary")
NO_NOTES_HELP = ("no notes folder here. Start one with `wins init`, name it (`wins build NOTES`, "
                 "`wins add TEXT --notes NOTES`), or set WINS_NOTES")


def daily_day(rel: str) -> date | None:
    """The day a daily note's relative path names, or None when it is not a daily note's name."""
    match = DAILY_NAME.search(rel)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[3]), int(match[4]))
    except ValueError:
        return None


def find_notes_folder(given: Path | None, here: Path | None = None,
                      env: Mapping[str, str] = os.environ) -> Path:
    """The notes folder to use, in PRODUCT.md's order; an error saying how to name one when none is found."""
    if given is not None:
        return given
    here = (here or Path.cwd()).absolute()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    if env.get("WINS_NOTES"):
        return Path(env["WINS_NOTES"])
    if holds_daily_notes(here):
        return here
    raise GeneratorError(NO_NOTES_HELP)


def holds_daily_notes(folder: Path) -> bool:
    """True for a Logseq graph or Obsidian vault, or when markdown daily notes (two at least: one dated
    file is as likely a download) are in folder, its daily-notes folder, or year and month folders."""
    if app_pattern(folder):
        return True
    found = 0
    for count, rel in enumerate(walk_names(folder, LOOK_DEPTH)):
        found += bool(rel.lower().endswith((".md", ".markdown")) and daily_day(rel))
        if found >= MIN_DAILY or count >= LOOK_AT_MOST:
            break
    return found >= MIN_DAILY


def walk_names(folder: Path, depth: int, rel: str = "") -> Iterator[str]:
    """Yield the relative paths of files in folder and its daily-note folders, at most depth levels down."""
    try:
        with os.scandir(folder) as entries:
            found = sorted((entry.name, entry.is_dir(follow_symlinks=False)) for entry in entries)
    except OSError:
        return
    yield from (rel + name for name, is_dir in found if not is_dir)
    if depth > 1:
        for name, is_dir in found:
            if is_dir and (name.isdigit() or name.lower() in DAILY_FOLDERS):
                yield from walk_names(folder / name, depth - 1, f"{rel}{name}/")
