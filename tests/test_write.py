"""Writing the site: never inside the notes, never over someone else's files, never half-done."""

from __future__ import annotations

import os

import pytest

from generator.errors import GeneratorError
from generator.write import MARKER, check_output, update_site, write_site


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


def test_leftovers_of_a_killed_build_are_cleared_but_nothing_else(tmp_path):
    out = tmp_path / "site"
    ours = tmp_path / ".site.new-abc123"
    ours.mkdir()
    (ours / MARKER).write_bytes(b"")
    theirs = tmp_path / ".site.new-keepme"
    theirs.mkdir()
    write_site({"index.html": b"x"}, out)
    assert not ours.exists()
    assert theirs.exists()


def test_a_build_that_fails_before_writing_keeps_the_last_good_site(notes, tmp_path, monkeypatch):
    from click.testing import CliRunner

    import generator.render
    from generator.cli import main

    folder = notes({"2025-03-04.md": "- [x] tea\n"})
    out = tmp_path / "site"
    args = ["build", str(folder), "-o", str(out), "--today", "2025-03-04"]
    assert CliRunner().invoke(main, args).exit_code == 0
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def broken(*_):
        raise RuntimeError("the disk is on fire")

    monkeypatch.setattr(generator.render, "render_site", broken)
    (folder / "2025-03-05.md").write_text("- [x] more tea\n")
    assert CliRunner().invoke(main, args).exit_code != 0
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_build_never_writes_inside_the_notes_folder(notes, tmp_path):
    from click.testing import CliRunner

    from generator.cli import main

    folder = notes({"2025-03-04.md": "- [x] tea\n", "wall.yaml": "title: Mine\n"})
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.rglob("*")}
    result = CliRunner().invoke(main, ["build", str(folder), "--today", "2025-03-04"])
    assert result.exit_code == 0, result.output
    assert {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.rglob("*")} == before


def build_args(folder, out, *extra: str) -> list[str]:
    return ["build", str(folder), "-o", str(out), "--today", "2025-03-04", *extra]


def site_files(out) -> dict:
    return {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def test_an_output_under_a_file_is_one_message_naming_the_path(notes, tmp_path):
    from click.testing import CliRunner

    from generator.cli import main

    folder = notes({"2025-03-04.md": "- [x] tea\n"})
    (tmp_path / "some-file").write_text("not a folder")
    result = CliRunner().invoke(main, build_args(folder, tmp_path / "some-file" / "site"))
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("Error: cannot write the site to ")
    assert str(tmp_path / "some-file") in result.stderr
    assert "Traceback" not in result.output and len(result.stderr.splitlines()) == 1
    assert (tmp_path / "some-file").read_text() == "not a folder"


@pytest.mark.parametrize("extra, failing", [
    (("--no-cache",), "swap_into_place"),  # a whole new site, swapped in at the end
    ((), "replace_file"),  # the site updated in place, one file at a time
])
def test_a_failed_write_is_one_message_and_keeps_the_old_site(notes, tmp_path, monkeypatch, extra, failing):
    import errno

    from click.testing import CliRunner

    import generator.write
    from generator.cli import main

    folder = notes({"2025-03-04.md": "- [x] tea\n"})
    out = tmp_path / "site"
    assert CliRunner().invoke(main, build_args(folder, out)).exit_code == 0
    before = site_files(out)

    def full(target, *_):
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(generator.write, failing, full)
    (folder / "2025-03-05.md").write_text("- [x] more tea\n")
    result = CliRunner().invoke(main, build_args(folder, out, *extra))
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"Error: cannot write the site to {out}: ")
    assert "No space left on device" in result.stderr and "Traceback" not in result.output
    assert site_files(out) == before
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    monkeypatch.undo()
    assert CliRunner().invoke(main, build_args(folder, out)).exit_code == 0
    assert b"more tea" in (out / "months" / "2025-03.html").read_bytes()


@pytest.mark.skipif(os.geteuid() == 0, reason="permissions do not stop root")
def test_a_read_only_output_folder_is_one_message_and_keeps_the_old_site(notes, tmp_path):
    from click.testing import CliRunner

    from generator.cli import main

    folder = notes({"2025-03-04.md": "- [x] tea\n"})
    parent = tmp_path / "public"
    out = parent / "site"
    assert CliRunner().invoke(main, build_args(folder, out)).exit_code == 0
    before = site_files(out)
    parent.chmod(0o555)
    try:
        result = CliRunner().invoke(main, build_args(folder, out, "--no-cache"))
    finally:
        parent.chmod(0o755)
    assert result.exit_code == 1, result.output
    assert "Permission denied" in result.stderr and str(parent) in result.stderr
    assert site_files(out) == before


def test_a_failed_update_in_place_leaves_no_half_written_file(tmp_path, monkeypatch):
    import errno
    from pathlib import Path

    out = tmp_path / "site"
    write_site({"index.html": b"old"}, out)

    def full(self, target):
        raise OSError(errno.ENOSPC, "No space left on device", str(self))

    monkeypatch.setattr(Path, "replace", full)
    with pytest.raises(GeneratorError, match=r"\.index\.html\.new: No space left on device"):
        update_site({"index.html": b"new"}, {"index.html"}, out)
    monkeypatch.undo()
    assert sorted(p.name for p in out.iterdir()) == [MARKER, "index.html"]
    assert (out / "index.html").read_bytes() == b"old"


def test_the_site_of_another_notes_folder_is_refused_and_left_as_it_was_unless_force(notes, tmp_path):
    from click.testing import CliRunner

    from generator.cli import main

    mine = notes({"2025-03-04.md": "- [x] tea\n"})
    other = tmp_path / "other"
    other.mkdir()
    (other / "2025-03-05.md").write_text("- [x] swim\n")
    out = tmp_path / "site"
    assert CliRunner().invoke(main, build_args(mine, out)).exit_code == 0
    marker = (out / MARKER).read_bytes()
    assert str(mine.resolve()).encode() not in marker and b"notes: " in marker
    before = site_files(out)
    result = CliRunner().invoke(main, build_args(other, out))
    assert result.exit_code == 1, result.output
    assert "another notes folder" in result.stderr and "--force" in result.stderr
    assert site_files(out) == before
    forced = CliRunner().invoke(main, build_args(other, out, "--force"))
    assert forced.exit_code == 0, forced.output
    assert CliRunner().invoke(main, build_args(other, out)).exit_code == 0


def test_a_build_that_finds_no_notes_leaves_the_wall_alone(notes, tmp_path):
    from click.testing import CliRunner

    from generator.cli import main

    folder = notes({"2025-03-04.md": "- [x] tea\n"})
    out = tmp_path / "site"
    assert CliRunner().invoke(main, build_args(folder, out)).exit_code == 0
    before = site_files(out)
    (folder / "2025-03-04.md").unlink()
    result = CliRunner().invoke(main, build_args(folder, out))
    assert result.exit_code == 1 and "no dated notes" in result.stderr and "--force" in result.stderr
    assert site_files(out) == before
    assert CliRunner().invoke(main, build_args(folder, out, "--force")).exit_code == 0


def test_an_old_marker_without_a_notes_folder_is_accepted_and_upgraded(notes, tmp_path):
    from click.testing import CliRunner

    from generator.cli import main
    from generator.write import MARKER_TEXT

    out = tmp_path / "site"
    write_site({"index.html": b"old"}, out)
    assert (out / MARKER).read_bytes() == MARKER_TEXT
    folder = notes({"2025-03-04.md": "- [x] tea\n"})
    assert CliRunner().invoke(main, build_args(folder, out)).exit_code == 0
    assert b"notes: " in (out / MARKER).read_bytes()


def test_a_second_build_into_the_same_output_waits_then_refuses(tmp_path):
    from generator.outlock import output_locked

    out = tmp_path / "site"
    with output_locked(out), pytest.raises(GeneratorError, match="another build is writing"), \
            output_locked(out, wait=0.2):
        pass
    with output_locked(out):  # free again once the first is done, and no lock file is left
        pass
    assert list(tmp_path.iterdir()) == []


def test_the_lock_holds_across_processes(tmp_path):
    import subprocess
    import sys

    out = tmp_path / "site"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from generator.outlock import output_locked\n"
        f"with output_locked(Path({str(out)!r})):\n    print('held', flush=True); time.sleep(3)")],
        stdout=subprocess.PIPE, text=True, cwd=os.getcwd())
    try:
        assert holder.stdout.readline().strip() == "held"
        from generator.outlock import output_locked

        with pytest.raises(GeneratorError, match="another build"), output_locked(out, wait=0.3):
            pass
    finally:
        holder.kill()
        holder.wait()
    with output_locked(out, wait=0.5):  # a killed holder leaves no lock behind
        pass
