"""`wins serve`: edits appear, scratch files do not, broken input keeps the last good wall up."""

from __future__ import annotations

import logging
import socket
import threading
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from generator.build import build_from_options
from generator.cli import main
from generator.errors import GeneratorError
from generator.serve import Rebuilds, Site, serve_notes, start_server, with_reload
from generator.watch import is_scratch

TODAY = "2025-03-04"


class Served:
    """serve_notes in a thread, on a free loopback port, with its rebuilds and failures counted."""

    def __init__(self, notes: Path, out: Path, build=None):
        self.notes, self.out = notes, out
        self.rebuilds = 0
        self.failures = 0
        self.make = build or (lambda last: build_from_options(notes, out, kept=last and last.cache,
                                                              stop_early=False))
        self.stop = threading.Event()
        ready = threading.Event()

        def on_ready(url: str) -> None:
            self.url = url
            ready.set()

        self.thread = threading.Thread(
            target=serve_notes, args=(self.build, 0, False, on_ready, self.stop), daemon=True)
        self.thread.start()
        assert ready.wait(10)
        time.sleep(0.3)  # let the watcher settle

    def build(self, last):
        try:
            run = self.make(last)
        except Exception:
            self.failures += 1
            raise
        self.rebuilds += last is not None
        return run

    def wait_for_failures(self, count: int, timeout: float = 10) -> None:
        deadline = time.monotonic() + timeout
        while self.failures < count and time.monotonic() < deadline:
            time.sleep(0.05)
        assert self.failures == count

    def get(self, path: str) -> str:
        with urllib.request.urlopen(self.url + path, timeout=5) as response:
            return response.read().decode("utf-8")

    def wait_for(self, path: str, text: str, present: bool = True, timeout: float = 10) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            page = self.get(path)
            if (text in page) == present:
                return page
            time.sleep(0.05)
        raise AssertionError(f"{path}: {text!r} {'never appeared' if present else 'never went'}")

    def close(self) -> None:
        self.stop.set()
        self.thread.join(10)
        assert not self.thread.is_alive()


@pytest.fixture
def served(tmp_path):
    folder = tmp_path / ".hidden place" / "notes"  # notes may live anywhere, even under a dot folder
    folder.mkdir(parents=True)
    (folder / "2025-03-01.md").write_text("- [x] planted basil\n")
    (folder / "wall.yaml").write_text("title: First title\n")
    running = Served(folder, tmp_path / "site")
    yield running
    running.close()


def test_an_edit_appears_on_the_served_wall(served):
    assert "planted basil" in served.get("index.html")
    with (served.notes / "2025-03-01.md").open("a") as note:
        note.write("- [x] repotted the chilli\n")
    served.wait_for("index.html", "repotted the chilli")


def test_a_new_note_and_a_deleted_note(served):
    (served.notes / "2025-03-02.md").write_text("- [x] walked to the river\n")
    served.wait_for("months/2025-03.html", "walked to the river")
    (served.notes / "2025-03-02.md").unlink()
    served.wait_for("months/2025-03.html", "walked to the river", present=False)


def test_settings_change_rebuilds(served):
    (served.notes / "wall.yaml").write_text("title: Second title\n")
    served.wait_for("index.html", "Second title")


def test_a_broken_settings_file_keeps_the_last_good_wall_up(served):
    (served.notes / "wall.yaml").write_text("titel: typo\n")
    served.wait_for_failures(1)
    assert "First title" in served.get("index.html")
    (served.notes / "wall.yaml").write_text("title: Fixed\n")
    served.wait_for("index.html", "Fixed")


def test_a_broken_note_is_a_warning_not_an_outage(served):
    (served.notes / "2025-03-03.md").write_bytes(b"---\nmood: [\n---\n- [x] still counts \xff\n")
    served.wait_for("months/2025-03.html", "still counts")


def test_editor_scratch_files_cause_no_rebuild(served):
    before = served.rebuilds
    for name in (".2025-03-01.md.swp", "2025-03-01.md~", "4913", ".#2025-03-01.md", "x.tmp"):
        (served.notes / name).write_text("- [x] scratch\n")
    time.sleep(0.8)
    assert served.rebuilds == before


@pytest.mark.parametrize("path, scratch", [
    ("notes/.x.md.swp", True), ("notes/x.md~", True), ("notes/4913", True), ("notes/.#x.md", True),
    ("notes/x.md.tmp", True), ("notes/.obsidian/workspace.md", True), ("notes/2025-03-01.md", False),
])
def test_is_scratch(path, scratch):
    assert is_scratch(path) is scratch


def test_served_pages_get_the_reload_script_and_built_ones_never(served):
    assert "/__wins/reload.js" in served.get("index.html")
    assert "connect-src 'self'" in served.get("index.html")
    for path in served.out.rglob("*"):
        if path.is_file():
            assert b"__wins" not in path.read_bytes(), path


def test_reload_events_follow_a_rebuild(served):
    with urllib.request.urlopen(served.url + "__wins/events", timeout=10) as events:
        (served.notes / "2025-03-05.md").write_text("- [x] called the GP\n")
        assert events.readline() == b"data: reload\n"


def test_binds_to_loopback_only(tmp_path):
    server = start_server(Site(tmp_path), 0)
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.shutdown()
        server.server_close()


def test_with_reload_only_touches_the_page_end():
    page = b"<html><head><meta content=\"default-src 'none'; form-action 'none'\"></head>"
    page += b"<body>x</body></html>"
    out = with_reload(page)
    assert out.count(b"<script") == 1 and out.endswith(b"</body></html>")


def fake_build(notes: Path, out: Path):
    """A build that writes a one-page site naming how many notes there are, and fails on boom.md."""

    def build(last):
        if (notes / "boom.md").exists():
            raise RuntimeError("a bug in the build")
        out.mkdir(exist_ok=True)
        count = len(list(notes.glob("*.md")))
        (out / "index.html").write_text(f"<html><body>{count} notes</body></html>")
        return SimpleNamespace(notes_dir=notes, out=out, watched=(), cache=None)

    return build


def test_a_rebuild_that_raises_anything_keeps_the_last_good_wall_up(tmp_path, caplog):
    notes, out = tmp_path / "notes", tmp_path / "site"
    notes.mkdir()
    (notes / "2025-03-01.md").write_text("- [x] one\n")
    served = Served(notes, out, fake_build(notes, out))
    try:
        assert "1 notes" in served.get("index.html")
        (notes / "boom.md").write_text("- [x] two\n")
        deadline = time.monotonic() + 10
        while not served.failures and time.monotonic() < deadline:
            time.sleep(0.05)
        assert served.failures >= 1 and served.thread.is_alive()
        assert "1 notes" in served.get("index.html")
        assert "Not rebuilt, the last good wall stays up: RuntimeError: a bug in the build" in caplog.text
        (notes / "boom.md").rename(notes / "2025-03-02.md")
        served.wait_for("index.html", "2 notes")
    finally:
        served.close()


def test_a_failed_rebuild_is_one_line_with_its_traceback_only_when_verbose(caplog):
    first, second = SimpleNamespace(name="first"), SimpleNamespace(name="second")
    bug = RuntimeError("a bug")
    outcomes = [bug, GeneratorError("wall.yaml: unknown key"), bug, second]

    def build(last):
        assert last is first
        outcome = outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    rebuilds = Rebuilds(build, first)
    caplog.set_level(logging.WARNING, "generator.serve")
    assert rebuilds() is False and rebuilds() is False and rebuilds.last is first
    assert [(r.getMessage(), bool(r.exc_info)) for r in caplog.records] == [
        ("Not rebuilt, the last good wall stays up: RuntimeError: a bug", False),
        ("Not rebuilt, the last good wall stays up: wall.yaml: unknown key", False),
    ]
    caplog.clear()
    caplog.set_level(logging.DEBUG, "generator.serve")
    assert rebuilds() is False
    assert caplog.records[0].exc_info[0] is RuntimeError
    assert rebuilds() is True and rebuilds.last is second


def test_serve_on_a_busy_port_exits_1_with_a_clear_message(notes, tmp_path):
    import signal

    folder = notes({"2025-03-01.md": "- [x] one\n"})
    handlers = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", str(folder), "-o", str(tmp_path / "site"),
                                           "--port", str(port), "--no-open"])
    assert result.exit_code == 1, result.output
    assert f"Error: cannot serve on port {port}: Address already in use; try --port 0" in result.stderr
    assert "Traceback" not in result.output
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == handlers
