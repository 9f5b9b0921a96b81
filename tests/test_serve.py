"""`wins serve`: edits appear, scratch files do not, broken input keeps the last good wall up."""

from __future__ import annotations

import threading
import time
import urllib.request
from pathlib import Path

import pytest

from generator.build import build_notes
from generator.errors import GeneratorError
from generator.serve import Site, is_scratch, serve, start_server, with_reload

TODAY = "2025-03-04"


class Served:
    """A serve loop in a thread, on a free loopback port, with its rebuilds counted."""

    def __init__(self, notes: Path, out: Path):
        self.notes, self.out = notes, out
        self.rebuilds = 0
        self.failures = 0
        run = build_notes(notes, out)
        self.stop = threading.Event()
        ready = threading.Event()

        def on_ready(url: str) -> None:
            self.url = url
            ready.set()

        self.thread = threading.Thread(
            target=serve, args=(notes, out, self.rebuild, run.watched, 0, self.stop, on_ready), daemon=True)
        self.thread.start()
        assert ready.wait(10)
        time.sleep(0.3)  # let the watcher settle

    def rebuild(self) -> bool:
        try:
            build_notes(self.notes, self.out)
        except GeneratorError:
            self.failures += 1
            return False
        self.rebuilds += 1
        return True

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
    deadline = time.monotonic() + 10
    while not served.failures and time.monotonic() < deadline:
        time.sleep(0.05)
    assert served.failures == 1
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
