"""The table of contents: read → parse → analyse → render → write, each step timed."""

from __future__ import annotations

import logging
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .analyze import analyze
from .config import CONFIG_NAME, Config, load_config
from .errors import GeneratorError
from .lock import lock_site
from .model import FileResult, Note, Problem, Wall
from .parse import Parser
from .render import find_theme, make_env, render_site, theme_assets
from .sources import read_notes
from .write import check_output, write_site

log = logging.getLogger(__name__)


@dataclass
class Build:
    """What one run found and made, with how long each step took."""

    notes_dir: Path
    config: Config
    files: list[FileResult] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    wall: Wall | None = None
    timings: dict[str, float] = field(default_factory=dict)
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


def read_and_parse(notes_dir: Path, config: Config) -> Build:
    """Read every note and find its days and wins."""
    if not notes_dir.is_dir():
        raise GeneratorError(f"{notes_dir}: no such notes folder")
    run = Build(notes_dir, config)
    with run.step("read"):
        texts, run.problems = read_notes(notes_dir, config.exclude)
    with run.step("parse"):
        parser = Parser(config)
        run.files = [parser.parse(text) for text in texts]
    for result in run.files:
        run.problems.extend(result.problems)
        if result.skipped and not result.skipped.startswith("marked"):
            run.problems.append(Problem(result.source, f"skipped: {result.skipped}"))
    return run


def collect(notes_dir: Path, config: Config, today: date) -> Build:
    """Read, parse and analyse: everything but the pages."""
    run = read_and_parse(notes_dir, config)
    with run.step("analyse"):
        run.wall = analyze(run.notes, config, today)
    return run


def default_output(notes_dir: Path, config_dir: Path, config: Config) -> Path:
    """The site goes where wall.yaml says, else into `site` beside the notes folder."""
    if config.output:
        return config_dir / config.output
    return notes_dir.resolve().parent / "site"


def build_site(notes_dir: Path, out: Path, config: Config, today: date, theme: str,
               config_dir: Path, passphrase: str | None = None) -> Build:
    """Build the whole site into out; the old site stays until the new one is complete."""
    check_output(out, notes_dir)
    theme_dir = find_theme(theme, config_dir)
    run = collect(notes_dir, config, today)
    with run.step("render"):
        env = make_env(theme_dir)
        files = render_site(run.wall, env)
        files.update(theme_assets(theme_dir))
    run.out = out
    run.watched = (config_dir / (config.source or CONFIG_NAME), theme_dir)
    if passphrase:
        with run.step("encrypt"):
            shell = env.get_template("locked.html")
            files = lock_site(files, passphrase, lambda **seal: shell.render(root="", **seal))
    with run.step("write"):
        write_site(files, out)
    return run


def build_notes(notes: Path, output: Path | None = None, theme: str | None = None,
                config_path: Path | None = None, today: date | None = None,
                passphrase: str | None = None) -> Build:
    """Build from the command line's view: settings from wall.yaml, site where it says."""
    config = load_config(config_path, notes)
    config_dir = config_path.parent if config_path else notes
    out = output or default_output(notes, config_dir, config)
    return build_site(notes, out, config, today or date.today(), theme or config.theme, config_dir,
                      passphrase)
