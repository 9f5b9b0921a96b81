"""`make bench`: time cold builds of synthetic notes; print a table and JSON.

Not part of `make test`. Usage: python tests/bench/bench.py [N ...]
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import make_notes  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
WORK = REPO / ".bench"
WINS = [sys.executable, "-m", "generator"]
STAGE = re.compile(r"^(read|parse|analyse|render|write)\s+([\d.]+) s$", re.M)


def timed(args: list[str]) -> tuple[float, float, str]:
    """Run a command; return (seconds, peak RSS in MB, stderr)."""
    with tempfile.TemporaryFile("w+") as log:
        started = time.perf_counter()
        child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=log, text=True)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        log.seek(0)
        stderr = log.read()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build failed: {' '.join(args)}\n{stderr}")
    return seconds, usage.ru_maxrss / 1024, stderr


def cold_build(notes: Path, out: Path) -> dict:
    runs = []
    for _ in range(3):
        shutil.rmtree(out, ignore_errors=True)
        runs.append(timed([*WINS, "build", str(notes), "-o", str(out), "--today", "2026-11-01", "-v"]))
    seconds, rss, stderr = sorted(runs)[1]
    return {
        "cold_s": round(statistics.median(r[0] for r in runs), 3),
        "peak_rss_mb": round(max(r[1] for r in runs), 1),
        "stages_s": {name: float(value) for name, value in STAGE.findall(stderr)},
    }


def main(counts: list[int]) -> None:
    results = []
    for count in counts:
        notes = make_notes(WORK / f"notes-{count}", count)
        results.append({"notes": count, **cold_build(notes, WORK / f"site-{count}")})
    print(f"{'notes':>7} {'cold s':>8} {'peak MB':>8}  stages (s)")
    for r in results:
        stages = " ".join(f"{k}={v:.2f}" for k, v in r["stages_s"].items())
        print(f"{r['notes']:>7} {r['cold_s']:>8.2f} {r['peak_rss_mb']:>8.1f}  {stages}")
    print(json.dumps({"cores": os.cpu_count(), "results": results}, indent=1))


if __name__ == "__main__":
    main([int(n) for n in sys.argv[1:]] or [1000, 4000, 10000])
