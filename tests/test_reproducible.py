"""Same notes, same --today: the same bytes, wherever the notes and the site live."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from conftest import EXAMPLE, EXAMPLE_TODAY
from generator.cli import main


def build(notes: Path, out: Path, today: str = EXAMPLE_TODAY) -> dict[str, bytes]:
    result = CliRunner().invoke(main, ["build", str(notes), "-o", str(out), "--today", today])
    assert result.exit_code == 0, result.output
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path):
    moved = tmp_path / "elsewhere" / "my notes"
    shutil.copytree(EXAMPLE, moved)  # copy2 keeps modification times
    first = build(EXAMPLE, tmp_path / "one")
    second = build(moved, tmp_path / "deeper" / "two")
    assert first.keys() == second.keys()
    changed = [name for name in first if first[name] != second[name]]
    assert not changed, changed


def test_another_day_changes_what_is_shown_again(tmp_path):
    first = build(EXAMPLE, tmp_path / "one")
    later = build(EXAMPLE, tmp_path / "two", today="2026-11-26")
    assert first["index.html"] != later["index.html"]
    assert first["months/2026-09.html"] == later["months/2026-09.html"]
