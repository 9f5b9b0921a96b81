"""The `wins` command: parse options, call one function, turn errors into messages and exit codes."""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from datetime import date
from pathlib import Path

import click

from . import __version__
from .errors import GeneratorError

NOTES = click.argument("notes", type=click.Path(file_okay=False, path_type=Path), default=".")
CONFIG = click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
                      help="Settings file (default: wall.yaml in the notes folder).")
TODAY = click.option("--today", type=click.DateTime(["%Y-%m-%d"]),
                     help="Pretend today is YYYY-MM-DD (for reproducible builds and tests).")
OUTPUT = click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path),
                      help="Where to write the site (default: `site` beside the notes folder).")
THEME = click.option("--theme", help="Theme name or folder (default: the config's, else `default`).")
JSON = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")


def quiet_verbose(command):
    command = click.option("-q", "--quiet", is_flag=True, help="Print only errors.")(command)
    return click.option("-v", "--verbose", is_flag=True, help="Print each step and its time.")(command)


def setup_logging(quiet: bool, verbose: bool) -> None:
    level = logging.ERROR if quiet else logging.DEBUG if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(message)s", stream=sys.stderr, force=True)
    for chatty in ("watchdog",):
        logging.getLogger(chatty).setLevel(logging.WARNING)


def load(notes: Path, config_path: Path | None):
    from .config import load_config

    return load_config(config_path, notes)


def run_or_exit(action):
    """Run action; an input problem becomes a clear message and exit code 1."""
    try:
        return action()
    except GeneratorError as error:
        click.echo(f"Error: {error}", err=True)
        sys.exit(1)


def echo_lines(lines: list[str], err: bool = False) -> None:
    for line in lines:
        click.echo(line, err=err)


def show_warnings(problems, quiet: bool) -> None:
    """Print every warning, grouped at the end, with a count."""
    from .report import warning_lines

    if not quiet:
        echo_lines(warning_lines(problems), err=True)


def progress_bar(paths: list[Path]):
    """A progress bar over many note files, on a terminal only; nothing extra anywhere else."""
    if len(paths) < 2000 or not sys.stderr.isatty():
        yield from paths
        return
    with click.progressbar(paths, label="Reading notes", file=sys.stderr) as bar:
        yield from bar


def ask_passphrase() -> str:
    """The passphrase from WINS_PASSPHRASE, else asked for twice without echo."""
    passphrase = os.environ.get("WINS_PASSPHRASE") or click.prompt(
        "Passphrase", hide_input=True, confirmation_prompt=True, err=True)
    if not passphrase.strip():
        raise click.UsageError("the passphrase is empty")
    return passphrase


def today_or(value) -> date:
    return value.date() if value else date.today()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="wins")
def main() -> None:
    """Evidence Wall: turn your daily notes into a private website of every small win."""


@main.command()
@NOTES
@OUTPUT
@THEME
@click.option("--encrypt", is_flag=True,
              help="Lock every page behind a passphrase (from WINS_PASSPHRASE, else asked for).")
@click.option("--no-cache", is_flag=True, help="Ignore what the last build knew; redo everything.")
@click.option("--jobs", type=click.IntRange(0), default=0,
              help="Processes to parse with (default 0: one per core; 1: no extra processes).")
@CONFIG
@TODAY
@quiet_verbose
def build(notes, output, theme, encrypt, no_cache, jobs, config_path, today, quiet, verbose):
    """Build the site from the notes in NOTES (default: this folder)."""
    setup_logging(quiet, verbose)
    from .build import build_from_options

    passphrase = ask_passphrase() if encrypt else None
    started = time.perf_counter()
    run = run_or_exit(lambda: build_from_options(
        notes, output, theme, config_path, today and today.date(), passphrase, not no_cache,
        None if quiet else progress_bar, jobs=jobs))
    show_build(run, started, quiet)


def show_build(run, started: float, quiet: bool) -> None:
    """Print a build's warnings, then the one line it ends with."""
    from .report import build_line

    show_warnings(run.problems, quiet)
    if not quiet:
        click.echo(build_line(run, time.perf_counter() - started))


@main.command()
@NOTES
@OUTPUT
@THEME
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port on 127.0.0.1 (0: any free port).")
@click.option("--open/--no-open", "open_browser", default=True, help="Open the wall in a browser.")
@CONFIG
@quiet_verbose
def serve(notes, output, theme, port, open_browser, config_path, quiet, verbose):
    """Build, serve on 127.0.0.1 only, and rebuild whenever a note changes."""
    setup_logging(quiet, verbose)
    from .build import build_from_options
    from .serve import serve_notes

    def build(last):
        started = time.perf_counter()
        run = build_from_options(notes, output, theme, config_path, kept=last and last.cache)
        show_build(run, started, quiet)
        return run

    def ready(url: str) -> None:
        click.echo(f"Serving your wall on {url} (Ctrl-C to stop)")

    last = run_or_exit(lambda: serve_notes(build, port, open_browser, ready))
    click.echo(f"Stopped. Your wall is still in {last.out}")


@main.command()
@click.argument("text")
@click.option("--tag", "tags", multiple=True, help="A tag for the win (repeat for more).")
@click.option("--date", "day", type=click.DateTime(["%Y-%m-%d"]), help="The day (default: today).")
@click.option("--hard", is_flag=True, help="Also mark the day as a hard one.")
@click.option("--notes", type=click.Path(file_okay=False, path_type=Path), default=".",
              help="The notes folder (default: this folder).")
@CONFIG
@quiet_verbose
def add(text, tags, day, hard, notes, config_path, quiet, verbose):
    """Add TEXT as a win to a day's note (made if missing); no line already there is changed."""
    setup_logging(quiet, verbose)
    from .append import add_win

    if not text.strip():
        raise click.UsageError("the win is empty")

    def action() -> Path:
        if not notes.is_dir():
            raise GeneratorError(f"{notes}: no such notes folder (make one with `wins init`)")
        config = load(notes, config_path)
        return add_win(notes, text, today_or(day), tags, hard, config.date_order)

    path = run_or_exit(action)
    if not quiet:
        click.echo(f"Added to {path}")


@main.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default=".")
@quiet_verbose
def init(folder, quiet, verbose):
    """Start a notes folder: wall.yaml, today's note with one win, and a short how-to."""
    setup_logging(quiet, verbose)
    from .starter import init_notes

    for path, created in init_notes(folder, date.today()):
        if not quiet:
            click.echo(f"{'created' if created else 'kept   '} {path}")
    if not quiet:
        click.echo(f"Next: write a line in {folder / (date.today().isoformat() + '.md')}, "
                   f"then `wins serve {folder}`.")


def reading(command):
    """The options of a command that only reads the notes: folder, settings, --today, --json."""
    for option in (JSON, TODAY, CONFIG, NOTES):
        command = option(command)
    return quiet_verbose(command)


def gather(notes: Path, config_path: Path | None, today, quiet: bool, verbose: bool):
    """Read, parse and analyse the notes for a reading command."""
    setup_logging(quiet, verbose)
    from .build import collect

    return run_or_exit(lambda: collect(notes, load(notes, config_path), today_or(today)))


@main.command("list")
@reading
def list_wins(notes, config_path, today, as_json, quiet, verbose):
    """List every win, oldest first."""
    from .report import win_lines, win_rows

    run = gather(notes, config_path, today, quiet, verbose)
    show_warnings(run.problems, quiet)
    show(win_rows(run.wall) if as_json else win_lines(run.wall), as_json)


@main.command()
@reading
def stats(notes, config_path, today, as_json, quiet, verbose):
    """Count wins, days, hard days and runs of days."""
    from .report import stat_lines, stat_numbers

    run = gather(notes, config_path, today, quiet, verbose)
    show_warnings(run.problems, quiet)
    show(stat_numbers(run.wall) if as_json else stat_lines(run.wall), as_json)


@main.command()
@reading
def check(notes, config_path, today, as_json, quiet, verbose):
    """Show what was found in each file: dates, wins, and why a file was skipped or gave no win.

    Under a file with no win: why, and the lines it dropped. With -v, every file's dropped lines and
    hard days.
    """
    from .report import file_lines, file_rows

    run = gather(notes, config_path, today, quiet, verbose)
    show(file_rows(run) if as_json else file_lines(run, verbose), as_json)
    if not as_json:
        show_warnings(run.problems, quiet)


def show(data, as_json: bool) -> None:
    """Print data as indented JSON, or its lines as they are."""
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        echo_lines(data)


@main.command("import")
@click.argument("source", type=click.Choice(["keep", "simplenote", "dayone", "text"]))
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--into", "notes", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="The notes folder to add daily notes to (made if missing).")
@click.option("--date-order", type=click.Choice(["mdy", "dmy"]),
              help="How to read 3/4 in names and `text` lines (default: wall.yaml's, else mdy).")
@quiet_verbose
def import_notes(source, path, notes, date_order, quiet, verbose):
    """Add the notes of an app's export at PATH to the daily notes in NOTES; no line there is changed.

    SOURCE: keep (a Google Takeout Keep folder), simplenote (notes.json), dayone (a JSON export)
    or text (dated lines such as `2024-03-04: did x`). Running it again adds nothing twice.
    """
    setup_logging(quiet, verbose)
    from .importers import import_export, summarize

    def action():
        imported = import_export(source, path, notes, date_order or load(notes, None).date_order)
        if not quiet:
            echo_lines([*map(str, imported.written), summarize(imported.written)])
        show_warnings(imported.problems, quiet)

    run_or_exit(action)
