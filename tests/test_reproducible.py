"""Same notes, same --today: the same bytes, wherever the notes and the site live."""

from __future__ import annotations

import shutil

from conftest import EXAMPLE, EXAMPLE_TODAY, site_files, wins


def test_two_builds_are_byte_identical(example_site, tmp_path):
    moved = tmp_path / "elsewhere" / "my notes"
    shutil.copytree(EXAMPLE, moved)  # copy2 keeps modification times
    out = tmp_path / "deeper" / "two"
    wins("build", moved, "-o", out, "--today", EXAMPLE_TODAY)
    first, second = site_files(example_site), site_files(out)
    assert first.keys() == second.keys()
    changed = [name for name in first if first[name] != second[name]]
    assert not changed, changed


def test_another_day_changes_what_is_shown_again(example_site, tmp_path):
    wins("build", EXAMPLE, "-o", tmp_path / "later", "--today", "2026-11-26")
    first, later = site_files(example_site), site_files(tmp_path / "later")
    assert first["index.html"] != later["index.html"]
    assert first["months/2026-09.html"] == later["months/2026-09.html"]
