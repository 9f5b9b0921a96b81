"""Caching and parallel work never change a byte of the site."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import site_files, wins
from generator.parallel import PARALLEL_FROM

sys.path.insert(0, str(Path(__file__).parent / "bench"))
from synthetic import make_notes  # noqa: E402


def build(notes: Path, out: Path, *extra: str) -> dict[str, bytes]:
    wins("build", notes, "-o", out, "--today", "2026-11-01", *extra)
    return site_files(out)


def test_one_or_two_workers_cached_or_not_give_the_same_site(tmp_path):
    notes = make_notes(tmp_path / "notes", PARALLEL_FROM + 50)
    one = build(notes, tmp_path / "one", "--jobs", "1", "--no-cache")
    two = build(notes, tmp_path / "two", "--jobs", "2", "--no-cache")
    assert one == two
    with (notes / "2026-06-01.md").open("a") as note:
        note.write("- [x] one more thing\n")
    cached = build(notes, tmp_path / "two", "--jobs", "2")
    fresh = build(notes, tmp_path / "fresh", "--jobs", "1", "--no-cache")
    assert cached == fresh
    assert cached != one
