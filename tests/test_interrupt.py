"""Ctrl-C stops a parallel build within a second: exit code 130, the old site intact, nothing left over."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO, site_files

sys.path.insert(0, str(REPO / "tests" / "bench"))
from synthetic import make_notes  # noqa: E402

MOMENTS = (0.3, 0.4, 0.5, 0.6, 0.75, 0.9, 1.3)  # seconds into a build of about 1 s: read, parse, draw, write


def build(notes, out, env, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "build", str(notes), "-o", str(out), "-q", "--jobs", "4", *extra],
        cwd=REPO, env=env, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="Ctrl-C is sent to a process group on POSIX")
def test_ctrl_c_stops_a_parallel_build_at_any_moment(tmp_path):
    notes, out = tmp_path / "notes", tmp_path / "site"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    notes.mkdir()
    (notes / "2020-01-01.md").write_text("- [x] started\n")
    assert build(notes, out, env).wait(30) == 0
    make_notes(notes, 1500)
    assert build(notes, tmp_path / "whole", env, "--no-cache").wait(60) == 0
    new = site_files(tmp_path / "whole")
    shutil.rmtree(tmp_path / "whole")
    stopped = 0
    for moment in MOMENTS:
        old = site_files(out)
        running = build(notes, out, env, "--no-cache")
        time.sleep(moment)
        os.killpg(running.pid, signal.SIGINT)  # as Ctrl-C does: to the build and all its workers
        sent = time.monotonic()
        try:
            code = running.wait(2)
        finally:
            running.kill()
        assert time.monotonic() - sent < 1.5, moment
        _, err = running.communicate()
        if code == 0:  # finished before the interrupt came: a fair outcome, but not the one tested
            continue
        assert code in (130, -signal.SIGINT), (moment, code, err.decode()[-2000:])
        assert b"Traceback" not in err, err.decode()[-2000:]
        # the old site, or (Ctrl-C after the swap) the whole new one: never a mix, never empty
        assert site_files(out) in (old, new), moment
        assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "notes", "site"], moment
        time.sleep(0.2)
        assert living_in_group(running.pid) == [], moment  # no worker is left running
        stopped += 1
    assert stopped >= 3, "the builds finished before Ctrl-C came: interrupt earlier"


def living_in_group(group: int) -> list[str]:
    """The processes of a process group that still run (not zombies), on Linux; elsewhere none known."""
    living = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            living.append(stat.parent.name)
    return living
