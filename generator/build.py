"""The table of contents: read → parse → analyse → render → encrypt → write, each step timed.

A build that finds its notes, settings, look, day and site as the last build left them stops at once
(stamp.py): the stages' modules (the parsers, Jinja2, the markdown engine) are imported only by a build
that goes on, so that one stays quick.
"""

from __future__ import annotations

import gc
import logging
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import PARTS, Cache, Entry, cache_folder, digest, find_site, open_cache, reading_key, save_build
from .config import CONFIG_NAME, Config, load_config
from .errors import GeneratorError
from .markdown import engine_line
from .markdown_engines import require as require_engine
from .model import FileResult, Note, Problem, Wall
from .outlock import output_locked
from .sources import note_states
from .stamp import Stamp, Summary, save_stamp, site_states, unchanged
from .theme import find_theme, make_env, templates_key, theme_assets
from .write import check_output, marker_text, update_site, write_site

if TYPE_CHECKING:
    from jinja2 import Environment

    from .reading import Progress

log = logging.getLogger(__name__)
YOUNG_OBJECTS = 10_000  # new objects between two collections during a build (Python's default: 700)


@dataclass
class Run:
    """One pass of the pipeline over a notes folder: what it found and made, and each step's time."""

    notes_dir: Path
    config: Config
    entries: dict[str, Entry] = field(default_factory=dict)
    """Each readable note file by its path in the notes folder: a digest of its text and what it gave."""
    unreadable: list[Problem] = field(default_factory=list)
    wall: Wall | None = None
    timings: dict[str, float] = field(default_factory=dict)
    written: int = 0
    cache: Cache | None = None
    """What this build knew, for the next one in the same process (wins serve)."""
    out: Path | None = None
    watched: tuple[Path, ...] = ()
    """Besides the notes, what a rebuild depends on: the settings file and the theme folder."""
    stopped: Summary | None = None
    """What the last build said, when this one found nothing changed and stopped early (no wall)."""

    @contextmanager
    def step(self, name: str):
        started = time.perf_counter()
        yield
        self.timings[name] = time.perf_counter() - started
        log.debug("%-8s %.3f s", name, self.timings[name])

    @property
    def files(self) -> list[FileResult]:
        return [entry.result for entry in self.entries.values()]

    @property
    def versions(self) -> dict[str, str]:
        """A digest of each note file's text, by its source path."""
        return {entry.result.source: entry.digest for entry in self.entries.values()}

    @property
    def problems(self) -> list[Problem]:
        """Every warning: files that could not be read, then each file's problems and why it was skipped."""
        problems = list(self.unreadable)
        for result in self.files:
            problems.extend(result.problems)
            if result.skipped and not result.skipped.startswith("marked"):
                problems.append(Problem(result.source, f"skipped: {result.skipped}"))
        return problems

    @property
    def notes(self) -> list[Note]:
        return [note for result in self.files for note in result.notes]

    @cached_property
    def summary(self) -> Summary:
        """What the build ends by saying: how many days and wins, and its warnings (asked once it ended)."""
        if self.stopped:
            return self.stopped
        return Summary(self.wall.stats.days, self.wall.stats.wins, tuple(self.problems))


def collect(notes_dir: Path, config: Config, today: date, cache: Cache | None = None,
            progress: Progress | None = None, jobs: int = 0) -> Run:
    """Read, parse and analyse: everything but the pages; with a cache, only files that changed."""
    must_exist(notes_dir)
    return analyse_notes(Run(notes_dir, config, cache=cache), note_states(notes_dir, config.exclude),
                         today, progress, jobs)


def must_exist(notes_dir: Path) -> None:
    if not notes_dir.is_dir():
        raise GeneratorError(f"{notes_dir}: no such notes folder")


def analyse_notes(run: Run, states: dict[str, tuple[int, int] | None], today: date,
                  progress: Progress | None = None, jobs: int = 0) -> Run:
    """Read the notes listed in states (sources.note_states), parse and analyse them into run."""
    from .analyze import analyze
    from .parse import Parser
    from .reading import parse_files, read_files

    cache = run.cache
    with run.step("read"):
        reading = read_files(run.notes_dir, states, cache.files if cache else {}, progress)
    with run.step("parse"):
        run.entries, run.unreadable = parse_files(reading, Parser(run.config), jobs), reading.problems
    with run.step("analyse"):
        run.wall = analyze(run.notes, run.config, today, cache.days if cache else None)
    return run


def build_site(notes_dir: Path, out: Path, config: Config, today: date, theme: str,
               config_dir: Path, passphrase: str | None = None, use_cache: bool = True,
               progress: Progress | None = None, kept: Cache | None = None, jobs: int = 0,
               force: bool = False, stop_early: bool = True) -> Run:
    """Build the site into out, redoing only what changed since the last build.

    With nothing changed since the last build (and stop_early), stop at once. Else read, parse and
    analyse (collect), then render, encrypt and write. A first build (or --no-cache, or --encrypt)
    writes a whole new site beside out and swaps it in; later builds rewrite, in place and one file at
    a time, only the pages whose bytes changed. One build at a time writes into out; the site of
    another notes folder, or a build that finds no notes, is refused unless force.
    """
    require_engine()
    with output_locked(out), rare_collections():
        must_exist(notes_dir)
        check_output(out, notes_dir, force)
        theme_dir = find_theme(theme, config_dir)
        run = Run(notes_dir, config, cache=kept, out=out,
                  watched=(config_dir / (config.source or CONFIG_NAME), theme_dir))
        look = digest(reading_key(config), templates_key(theme_dir), repr(config))
        key = digest(look, today, out.resolve())
        with run.step("check"):
            states = note_states(notes_dir, config.exclude)
            quick = use_cache and stop_early and not passphrase
            run.stopped = unchanged(notes_dir, key, states, out) if quick else None
        if run.stopped:
            return run
        from .render import render_site  # only now: a build that stopped early never loads Jinja2

        with run.step("load"):
            run.cache = open_cache(notes_dir, config, kept) if use_cache else None
        analyse_notes(run, states, today, progress, jobs)
        if not run.wall.days and not force:
            raise GeneratorError(f"no dated notes found in {notes_dir}; the site was not built or changed. "
                                 "Check the folder (`wins check`), or pass --force to build an empty wall")
        parts = cache_folder(notes_dir) / PARTS if run.cache else None
        site = find_site(run.cache, out, bool(passphrase), look, run.versions, parts)
        env = make_env(theme_dir)
        with run.step("render"):
            files = render_site(run.wall, env, site.changed, jobs, site.draw) | dict(theme_assets(theme_dir))
        log.debug("markdown %s", engine_line())
        if passphrase:
            with run.step("encrypt"):
                files = encrypt(files, passphrase, env)
        with run.step("write"):
            marker = marker_text(notes_dir)
            run.written = (update_site(files, set(site.digests), out, marker) if site.in_place
                           else write_site(files, out, marker))
        if run.cache is not None:
            save_build(notes_dir, run.cache, run.entries, run.wall.days, site, out, bool(passphrase))
            save_stamp(notes_dir, key, None if passphrase else Stamp(states, site_states(out), run.summary))
    return run


@contextmanager
def rare_collections():
    """Run Python's cycle collector rarely while building: a build makes millions of objects and
    keeps most of them to the end, which the collector would scan over and over (a fifth of a cold
    build's time), while it makes almost no cycles to free."""
    thresholds = gc.get_threshold()
    gc.set_threshold(YOUNG_OBJECTS, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def encrypt(files: dict[str, bytes], passphrase: str, env: Environment) -> dict[str, bytes]:
    """Lock every page behind the passphrase, each shown as the theme's locked page until opened,
    and add what installs the locked wall on a phone as an app that opens offline."""
    from .app import app_files
    from .lock import lock_site

    shell = env.get_template("locked.html")
    locked = lock_site(files, passphrase, lambda **seal: shell.render(root="", page="locked", **seal))
    return locked | app_files(locked, env)


def default_output(notes_dir: Path, config_dir: Path, config: Config) -> Path:
    """The site goes where wall.yaml says, else into `site` beside the notes folder."""
    if config.output:
        return config_dir / config.output
    return notes_dir.resolve().parent / "site"


def build_from_options(notes: Path, output: Path | None = None, theme: str | None = None,
                       config_path: Path | None = None, today: date | None = None,
                       passphrase: str | None = None, use_cache: bool = True,
                       progress: Progress | None = None, kept: Cache | None = None,
                       jobs: int = 0, force: bool = False, stop_early: bool = True) -> Run:
    """Build as the command line asks: options left out come from wall.yaml, else the defaults."""
    config = load_config(config_path, notes)
    config_dir = config_path.parent if config_path else notes
    out = output or default_output(notes, config_dir, config)
    return build_site(notes, out, config, today or date.today(), theme or config.theme, config_dir,
                      passphrase, use_cache, progress, kept, jobs, force, stop_early)
