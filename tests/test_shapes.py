"""Notes as real people write them (tests/shapes/): every hand-labelled win and hard day, exactly."""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from generator.build import collect
from generator.config import load_config

SHAPES = Path(__file__).parent / "shapes"
CASES = sorted(p.name for p in SHAPES.iterdir() if (p / "expected.json").is_file())
TODAY = date(2026, 11, 27)
DEFAULT_MTIME = "2026-11-20"


def norm(text: str) -> str:
    """Compare texts without case, runs of spaces or trailing punctuation."""
    return re.sub(r"\s+", " ", text.strip().lower()).rstrip(".,;:!?…-–—)\"' \t").strip()


def copy_with_mtime(case: Path, into: Path, day: str) -> Path:
    """Copy a case's notes, every file and folder last changed at local noon of day."""
    notes = shutil.copytree(case / "notes", into / "notes")
    moment = time.mktime(date.fromisoformat(day).timetuple()) + 12 * 3600
    for folder, dirs, files in os.walk(notes):
        for name in files + dirs:
            os.utime(Path(folder) / name, (moment, moment))
    return notes


@pytest.mark.parametrize("name", CASES)
def test_every_labelled_win_and_hard_day_is_found(name, tmp_path):
    expected = json.loads((SHAPES / name / "expected.json").read_text("utf-8"))
    notes = copy_with_mtime(SHAPES / name, tmp_path, expected["mtime"] or DEFAULT_MTIME)
    wall = collect(notes, load_config(None, notes), TODAY).wall
    found = Counter((w.date.isoformat(), norm(w.text)) for w in wall.wins)
    want = Counter((w["date"], norm(w["text"])) for w in expected["wins"])
    assert sorted((found - want).elements()) == [], "found, not labelled"
    assert sorted((want - found).elements()) == [], "labelled, not found"
    assert sorted(d.date.isoformat() for d in wall.hard_days) == sorted(expected["hard_dates"])
