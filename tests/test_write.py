"""Writing the site: never inside the notes, never over someone else's files, never half-done."""

from __future__ import annotations

import pytest

from generator.errors import GeneratorError
from generator.write import MARKER, check_output, write_site


def test_writes_files_and_marker(tmp_path):
    out = tmp_path / "site"
    write_site({"index.html": b"hi", "months/2025-03.html": b"m"}, out)
    assert (out / "index.html").read_bytes() == b"hi"
    assert (out / "months" / "2025-03.html").read_bytes() == b"m"
    assert (out / MARKER).is_file()


def test_rebuild_replaces_old_site_and_leaves_no_stray_folders(tmp_path):
    out = tmp_path / "site"
    write_site({"old.html": b"x"}, out)
    write_site({"new.html": b"y"}, out)
    assert not (out / "old.html").exists() and (out / "new.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_failed_write_keeps_last_good_site(tmp_path):
    out = tmp_path / "site"
    write_site({"index.html": b"good"}, out)
    with pytest.raises(TypeError):
        write_site({"index.html": "not bytes"}, out)  # type: ignore[dict-item]
    assert (out / "index.html").read_bytes() == b"good"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.mark.parametrize("out_of", [
    lambda notes: notes,
    lambda notes: notes / "site",
    lambda notes: notes.parent,
])
def test_refuses_output_that_is_holds_or_sits_in_notes(tmp_path, out_of):
    notes = tmp_path / "home" / "notes"
    notes.mkdir(parents=True)
    with pytest.raises(GeneratorError):
        check_output(out_of(notes), notes)


def test_refuses_non_empty_folder_without_marker(tmp_path):
    notes, out = tmp_path / "notes", tmp_path / "photos"
    notes.mkdir()
    out.mkdir()
    (out / "holiday.jpg").write_bytes(b"\xff")
    with pytest.raises(GeneratorError, match="did not make"):
        check_output(out, notes)
    assert (out / "holiday.jpg").exists()


def test_accepts_empty_or_own_folder(tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (tmp_path / "empty").mkdir()
    check_output(tmp_path / "empty", notes)
    write_site({"a.html": b""}, tmp_path / "mine")
    check_output(tmp_path / "mine", notes)
