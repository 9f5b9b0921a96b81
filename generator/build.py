"""The table of contents: read → parse → analyse → render → write, each step timed."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from .analyze import analyze
from .cache import Cache, Entry, digest, load_cache, reading_key, save_cache
from .config import CONFIG_NAME, Config, load_config
from .errors import GeneratorError
from .lock import lock_site
from .model import FileResult, Note, NoteFile, Problem, Wall
from .parallel import parse_all
from .parse import Parser
from .render import Unchanged, render_site
from .sources import find_notes, read_note
from .theme import find_theme, make_env, templates_key, theme_assets
from .write import MARKER, check_output, update_site, write_site

log = logging.getLogger(__name__)

Progress = Callable[[list[Path]], Iterable[Path]]
"""Wraps the list of note files to show progress while they are read (the CLI's bar)."""


@dataclass
class Build:
    """What one run found and made, with how long each step took."""

    notes_dir: Path
    config: Config
    files: list[FileResult] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    wall: Wall | None = None
    timings: dict[str, float] = field(default_factory=dict)
    versions: dict[str, str] = field(default_factory=dict)
    """A digest of each note file's text, by its source path."""
    written: int = 0
    cache: Cache | None = None
    """What this build knew, for the next one in the same process (wins serve)."""
    out: Path | None = None
    watched: tuple[Path, ...] = ()
    """Besides the notes, what a rebuild depends on: the settings file and the theme folder."""

    @contextmanager
    def step(self, name: str):
        started = time.perf_counter()
        yield
        self.timings[name] = time.perf_counter() - started
        log.debug("%-8s %.3f s", name, self.timings[name])

    @property
    def notes(self) -> list[Note]:
        return [note for result in self.files for note in result.notes]


def read_and_parse(notes_dir: Path, config: Config, cache: Cache | None = None,
                   progress: Progress | None = None, jobs: int = 0) -> Build:
    """Read every note and find its days and wins; with a cache, only files that changed."""
    if not notes_dir.is_dir():
        raise GeneratorError(f"{notes_dir}: no such notes folder")
    run = Build(notes_dir, config, timings={"read": 0.0, "parse": 0.0})
    known = cache.files if cache else {}
    entries: dict[str, Entry | None] = {}
    pending: list[Pending] = []
    paths = list(find_notes(notes_dir, config.exclude))
    started = time.perf_counter()
    for path in progress(paths) if progress else paths:
        rel = path.relative_to(notes_dir).as_posix()
        old = known.get(rel)
        entries[rel] = reuse(old, path) or read_entry(run, notes_dir, path, old, pending)
    run.timings["read"] = time.perf_counter() - started
    started = time.perf_counter()
    results = parse_all(Parser(config), [p.note for p in pending], jobs)
    for waiting, result in zip(pending, results, strict=True):
        if waiting.problem:
            result = replace(result, problems=(waiting.problem, *result.problems))
        entries[waiting.rel] = Entry(waiting.size, waiting.mtime_ns, waiting.version, result)
    run.timings["parse"] = time.perf_counter() - started
    fresh = {rel: entry for rel, entry in entries.items() if entry}
    run.files = [entry.result for entry in fresh.values()]
    run.versions = {entry.result.source: entry.digest for entry in fresh.values()}
    if cache:
        cache.files = fresh
    for step in ("read", "parse"):
        log.debug("%-8s %.3f s", step, run.timings[step])
    for result in run.files:
        run.problems.extend(result.problems)
        if result.skipped and not result.skipped.startswith("marked"):
            run.problems.append(Problem(result.source, f"skipped: {result.skipped}"))
    return run


@dataclass(frozen=True)
class Pending:
    """A note read and waiting to be parsed."""

    rel: str
    note: NoteFile
    problem: Problem | None
    size: int
    mtime_ns: int
    version: str


def reuse(old: Entry | None, path: Path) -> Entry | None:
    """The cached entry when the file's size and modification time are as they were."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return old if old and (old.size, old.mtime_ns) == (stat.st_size, stat.st_mtime_ns) else None


def read_entry(run: Build, notes_dir: Path, path: Path, old: Entry | None,
               pending: list[Pending]) -> Entry | None:
    """Read one file: the cached entry when its text is what was parsed before, else queue it."""
    note, problem = read_note(notes_dir, path)
    if note is None:
        run.problems.append(problem)
        return None
    stat = path.stat()
    version = digest(note.text, note.mtime_year)
    if old and old.digest == version:
        return Entry(stat.st_size, stat.st_mtime_ns, version, old.result)
    rel = path.relative_to(notes_dir).as_posix()
    pending.append(Pending(rel, note, problem, stat.st_size, stat.st_mtime_ns, version))
    return None


def collect(notes_dir: Path, config: Config, today: date, cache: Cache | None = None,
            progress: Progress | None = None, jobs: int = 0) -> Build:
    """Read, parse and analyse: everything but the pages."""
    run = read_and_parse(notes_dir, config, cache, progress, jobs)
    with run.step("analyse"):
        run.wall = analyze(run.notes, config, today)
    return run


def default_output(notes_dir: Path, config_dir: Path, config: Config) -> Path:
    """The site goes where wall.yaml says, else into `site` beside the notes folder."""
    if config.output:
        return config_dir / config.output
    return notes_dir.resolve().parent / "site"


def build_site(notes_dir: Path, out: Path, config: Config, today: date, theme: str,
               config_dir: Path, passphrase: str | None = None, use_cache: bool = True,
               progress: Progress | None = None, kept: Cache | None = None, jobs: int = 0) -> Build:
    """Build the site into out, redoing only what changed since the last build.

    A first build (or --no-cache, or --encrypt) writes a whole new site beside out and swaps it in;
    later builds rewrite, in place and one file at a time, only the pages whose bytes changed.
    """
    check_output(out, notes_dir)
    theme_dir = find_theme(theme, config_dir)
    key = reading_key(config)
    cache = (kept if kept and kept.key == key else load_cache(notes_dir, key)) if use_cache else None
    run = collect(notes_dir, config, today, cache, progress, jobs)
    run.out = out
    run.watched = (config_dir / (config.source or CONFIG_NAME), theme_dir)
    in_place = bool(cache) and not passphrase and cache.site == str(out.resolve()) and (
        out / MARKER).is_file()
    with run.step("render"):
        env = make_env(theme_dir)
        pages = cache.pages.items() if in_place else ()
        known = {p: d for p, (d, *state) in pages if on_disk(out / p) == state}
        unchanged = Unchanged(run.versions, known, digest(templates_key(theme_dir), repr(config)))
        files = render_site(run.wall, env, unchanged)
        files.update(theme_assets(theme_dir))
    if passphrase:
        with run.step("encrypt"):
            shell = env.get_template("locked.html")
            files = lock_site(files, passphrase, lambda **seal: shell.render(root="", page="locked", **seal))
    with run.step("write"):
        if in_place:
            run.written = update_site(files, set(unchanged.digests), out)
        else:
            write_site(files, out)
            run.written = len(files)
    if cache is not None:
        cache.pages = {} if passphrase else {p: (d, *on_disk(out / p)) for p, d in unchanged.digests.items()}
        cache.site = str(out.resolve())
        save_cache(notes_dir, cache)
    run.cache = cache
    return run


def on_disk(path: Path) -> list[int]:
    """A page file's size and modification time: a page changed by hand is rendered again."""
    try:
        stat = path.stat()
    except OSError:
        return []
    return [stat.st_size, stat.st_mtime_ns]


def build_notes(notes: Path, output: Path | None = None, theme: str | None = None,
                config_path: Path | None = None, today: date | None = None,
                passphrase: str | None = None, use_cache: bool = True,
                progress: Progress | None = None, kept: Cache | None = None, jobs: int = 0) -> Build:
    """Build from the command line's view: settings from wall.yaml, site where it says."""
    config = load_config(config_path, notes)
    config_dir = config_path.parent if config_path else notes
    out = output or default_output(notes, config_dir, config)
    return build_site(notes, out, config, today or date.today(), theme or config.theme, config_dir,
                      passphrase, use_cache, progress, kept, jobs)
