"""Caching and parallel work (parsing and drawing on two cores) never change a byte of the site."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from conftest import EXAMPLE, EXAMPLE_TODAY, site_files, wins
from generator import render
from generator.build import collect
from generator.config import load_config
from generator.parallel import FORK, PARALLEL_FROM
from generator.theme import find_theme, make_env

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


def drawn_with(monkeypatch) -> list[int]:
    """Record how many processes each call of render_site draws the pages with."""
    counts, real = [], render.run_all

    def run_all(work, items, count):
        counts.append(count)
        return real(work, items, count)

    monkeypatch.setattr(render, "run_all", run_all)
    return counts


@pytest.mark.skipif(not FORK, reason="pages are drawn in parallel only where workers can be forked")
def test_a_large_wall_is_drawn_by_two_processes_into_the_same_bytes(tmp_path, monkeypatch):
    notes = make_notes(tmp_path / "notes", PARALLEL_FROM)
    wall = collect(notes, load_config(None, notes), date(2026, 11, 1), jobs=1).wall
    env = make_env(find_theme("default"))
    counts = drawn_with(monkeypatch)
    two, one = render.render_site(wall, env, jobs=2), render.render_site(wall, env, jobs=1)
    assert counts == [2, 1]
    assert list(two) == list(one)  # the same pages, in the same order
    assert two == one


@pytest.mark.skipif(not FORK, reason="pages are drawn in parallel only where workers can be forked")
def test_the_few_pages_an_edit_redraws_are_drawn_in_one_process(tmp_path, monkeypatch):
    notes = make_notes(tmp_path / "notes", PARALLEL_FROM)
    wall = collect(notes, load_config(None, notes), date(2026, 11, 1), jobs=1).wall
    counts = drawn_with(monkeypatch)
    few = render.render_site(wall, make_env(find_theme("default")), lambda p: p[:render.PARALLEL_PAGES - 1],
                             2)
    assert counts == [1] and len(few) == render.PARALLEL_PAGES - 1


def test_a_small_wall_is_drawn_in_one_process(monkeypatch):
    wall = collect(EXAMPLE, load_config(None, EXAMPLE), date.fromisoformat(EXAMPLE_TODAY)).wall
    counts = drawn_with(monkeypatch)
    render.render_site(wall, make_env(find_theme("default")), jobs=2)
    assert counts == [1]
