"""`make bench`: build times and memory on synthetic notes, beside Hugo when it is installed.

Not part of `make test`. Usage: `make bench [NOTES="1000 4000"]`, or python tests/bench/bench.py [N ...]
(default 1000 4000 10000 30000).
For each N, the median of 3 whole processes of each:
- a cold build (--no-cache, empty output) with each markdown path: the accelerator (markdown-it-pyrs,
  when installed) and pure markdown-it-py; Hugo's cold build of the same notes, alternating with ours
  so all of them see the same machine;
- a rebuild with nothing changed, and one after editing one note (default markdown path);
then, for the largest N up to 10,000, an edit seen on a served wall, and `wins --help`.
Growth: time and memory per 1,000 notes at each N, so "no faster than linear" can be read off.
"""

from __future__ import annotations

import importlib.util
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import make_notes  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
WORK = REPO / ".bench"
WINS = [sys.executable, "-m", "generator"]
TODAY = "2026-11-01"
STAGE = re.compile(r"^(check|load|read|parse|analyse|render|write)\s+([\d.]+) s$", re.M)
RUNS = 3
HUGO_CONFIG = 'baseURL = "/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n'
HUGO_LAYOUT = "<!doctype html><title>{{ .Title }}</title>{{ .Content }}\n"
SERVED_UP_TO = 10_000


def engines() -> list[str]:
    """The markdown paths to time: the accelerator first when it is installed, then the pure one."""
    return (["pyrs"] if importlib.util.find_spec("markdown_it_pyrs") else []) + ["py"]


def run(args: list[str], engine: str = "") -> tuple[float, float, str]:
    """Run a command to the end; return (seconds, peak RSS in MB, stderr)."""
    env = {**os.environ, "WINS_MARKDOWN": engine} if engine else None
    with tempfile.TemporaryFile("w+") as log:
        started = time.perf_counter()
        child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=log, text=True, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        log.seek(0)
        stderr = log.read()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(args)}\n{stderr}")
    return seconds, usage.ru_maxrss / 1024, stderr


def median_of(runs: list[tuple[float, float, str]]) -> dict:
    middle = sorted(runs)[len(runs) // 2]
    return {
        "s": round(statistics.median(r[0] for r in runs), 3),
        "peak_mb": round(max(r[1] for r in runs), 1),
        "stages": {name: float(value) for name, value in STAGE.findall(middle[2])},
    }


def wins_build(notes: Path, out: Path, *extra: str, engine: str = "") -> tuple[float, float, str]:
    return run([*WINS, "build", str(notes), "-o", str(out), "--today", TODAY, "-v", *extra], engine)


def edit(notes: Path, n: int) -> None:
    """Change one note, as a person would: one more win at its end."""
    note = sorted(notes.glob("*.md"))[len(list(notes.glob("*.md"))) // 2]
    with note.open("a", encoding="utf-8") as stream:
        stream.write(f"- [x] benchmark edit {n}\n")


def hugo_site(notes: Path, folder: Path) -> Path:
    """The same notes as a Hugo site with a trivial layout (front matter added where missing)."""
    if (folder / "content").is_dir():
        return folder
    (folder / "layouts" / "_default").mkdir(parents=True)
    for name in ("single.html", "list.html"):
        (folder / "layouts" / "_default" / name).write_text(HUGO_LAYOUT)
    (folder / "hugo.toml").write_text(HUGO_CONFIG)
    content = folder / "content"
    content.mkdir()
    for note in notes.glob("*.md"):
        text = note.read_text("utf-8")
        if not text.startswith("---"):
            text = f"---\ntitle: {note.stem}\n---\n" + text
        (content / note.name).write_text(text, "utf-8")
    return folder


def measure(count: int, hugo: str | None) -> dict:
    notes = make_notes(WORK / f"notes-{count}", count)
    out = WORK / f"site-{count}"
    paths = engines()
    cold: dict[str, list] = {engine: [] for engine in paths}
    hugo_runs = []
    site = hugo_site(notes, WORK / f"hugo-{count}") if hugo else None
    for _ in range(RUNS):  # every cold build alternates with the others, so all see the same machine
        for engine in paths:
            shutil.rmtree(out, ignore_errors=True)
            cold[engine].append(wins_build(notes, out, "--no-cache", engine=engine))
        if site:
            shutil.rmtree(site / "public", ignore_errors=True)
            hugo_runs.append(run([hugo, "--quiet", "-s", str(site), "-d", str(site / "public")]))
    wins_build(notes, out)  # fill the cache
    warm = [wins_build(notes, out) for _ in range(RUNS)]
    edited = []
    for n in range(RUNS):
        edit(notes, n)
        edited.append(wins_build(notes, out))
    result = {"notes": count, "cold": {engine: median_of(cold[engine]) for engine in paths},
              "warm": median_of(warm), "edit": median_of(edited)}
    if hugo_runs:
        result["hugo"] = {"s": round(statistics.median(r[0] for r in hugo_runs), 3),
                          "peak_mb": round(max(r[1] for r in hugo_runs), 1)}
    return result


def served_edit(count: int) -> float:
    """Seconds from saving one note to the served wall showing it (median of 3)."""
    notes = make_notes(WORK / f"notes-{count}", count)
    out = WORK / f"served-{count}"
    server = subprocess.Popen([*WINS, "serve", str(notes), "-o", str(out), "--port", "8799", "--no-open",
                               "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = "http://127.0.0.1:8799/index.html"
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(url, timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        time.sleep(1)
        times = []
        for n in range(RUNS):
            word = f"heron{n}x{time.monotonic_ns()}"
            started = time.perf_counter()
            (notes / f"2026-11-0{n + 2}.md").write_text(f"- [x] saw a {word}\n", "utf-8")
            while word not in urllib.request.urlopen(url, timeout=5).read().decode("utf-8"):
                time.sleep(0.01)
            times.append(time.perf_counter() - started)
        for n in range(RUNS):
            (notes / f"2026-11-0{n + 2}.md").unlink()
        return round(statistics.median(times), 3)
    finally:
        server.terminate()
        server.wait(10)


def print_table(results: list[dict]) -> None:
    paths = list(results[0]["cold"])
    head = " ".join(f"{'cold ' + e:>10}" for e in paths)
    print(f"{'notes':>7} {head} {'hugo':>6} {'ratio':>6} {'warm':>6} {'edit':>6} {'peak MB':>8} "
          f"{'s/1k':>6} {'MB/1k':>6}  cold stages ({paths[0]}, s)")
    for r in results:
        first = r["cold"][paths[0]]
        hugo = r.get("hugo", {}).get("s", float("nan"))
        cells = " ".join(f"{r['cold'][e]['s']:>10.2f}" for e in paths)
        stages = " ".join(f"{k}={v:.2f}" for k, v in first["stages"].items())
        per_k = r["notes"] / 1000
        print(f"{r['notes']:>7} {cells} {hugo:>6.2f} {first['s'] / hugo:>6.2f} {r['warm']['s']:>6.2f} "
              f"{r['edit']['s']:>6.2f} {first['peak_mb']:>8.1f} {first['s'] / per_k:>6.3f} "
              f"{first['peak_mb'] / per_k:>6.1f}  {stages}")


def main(counts: list[int]) -> None:
    hugo = shutil.which("hugo")
    if not hugo:
        print("(hugo not on PATH: `apt-get install hugo` to compare)", file=sys.stderr)
    help_s = statistics.median(run([*WINS, "--help"])[0] for _ in range(5))
    results = [measure(count, hugo) for count in counts]
    served_count = max((c for c in counts if c <= SERVED_UP_TO), default=None)
    served = {served_count: served_edit(served_count)} if served_count else {}
    print(f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores, "
          f"{platform.machine()}, {time.strftime('%Y-%m-%d')}")
    print_table(results)
    for count, seconds in served.items():
        print(f"served wall, {count} notes: an edited note visible after {seconds:.2f} s")
    print(f"wins --help: {help_s:.3f} s")
    print(json.dumps({"cores": os.cpu_count(), "help_s": round(help_s, 3), "results": results,
                      "served_edit_s": served}, indent=1))


if __name__ == "__main__":
    main([int(n) for n in sys.argv[1:]] or [1000, 4000, 10000, 30000])
