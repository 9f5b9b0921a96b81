"""The `wins` command: parse options, call one function, turn errors into messages and exit codes."""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from collections import Counter
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


def report(problems, quiet: bool) -> None:
    """Print every warning, grouped at the end, with a count."""
    if quiet or not problems:
        return
    for problem in problems:
        click.echo(f"warning: {problem}", err=True)
    click.echo(f"{len(problems)} warning{'s' if len(problems) != 1 else ''}", err=True)


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
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path),
              help="Where to write the site (default: `site` beside the notes folder).")
@click.option("--theme", help="Theme name or folder (default: the config's, else `default`).")
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
    from .build import build_notes

    passphrase = ask_passphrase() if encrypt else None
    started = time.perf_counter()
    run = run_or_exit(lambda: build_notes(notes, output, theme, config_path, today and today.date(),
                                          passphrase, not no_cache, None if quiet else progress_bar,
                                          jobs=jobs))
    report(run.problems, quiet)
    summarize(run, started, quiet)


def summarize(run, started: float, quiet: bool) -> None:
    """The one line a build ends with."""
    if not quiet:
        stats = run.wall.stats
        click.echo(f"Built {stats.days} days, {stats.wins} wins in "
                   f"{time.perf_counter() - started:.2f} s → {run.out} ({run.written} files written)")


@main.command()
@NOTES
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path),
              help="Where to write the site (default: `site` beside the notes folder).")
@click.option("--theme", help="Theme name or folder (default: the config's, else `default`).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port on 127.0.0.1 (0: any free port).")
@click.option("--open/--no-open", "open_browser", default=True, help="Open the wall in a browser.")
@CONFIG
@quiet_verbose
def serve(notes, output, theme, port, open_browser, config_path, quiet, verbose):
    """Build, serve on 127.0.0.1 only, and rebuild whenever a note changes."""
    setup_logging(quiet, verbose)
    import signal
    import threading
    import webbrowser

    from .build import build_notes
    from .serve import serve as serve_site

    started = time.perf_counter()
    run = run_or_exit(lambda: build_notes(notes, output, theme, config_path))
    report(run.problems, quiet)
    summarize(run, started, quiet)

    last = [run]

    def rebuild() -> bool:
        started = time.perf_counter()
        try:
            again = build_notes(notes, output, theme, config_path, kept=last[0].cache)
        except GeneratorError as error:
            click.echo(f"Not rebuilt, the last good wall stays up: {error}", err=True)
            return False
        last[0] = again
        report(again.problems, quiet)
        summarize(again, started, quiet)
        return True

    def ready(url: str) -> None:
        click.echo(f"Serving your wall on {url} (Ctrl-C to stop)")
        if open_browser:
            webbrowser.open(url)

    stop = threading.Event()
    for stop_signal in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop_signal, lambda *_: stop.set())
    try:
        serve_site(notes, run.out, rebuild, run.watched, port, stop, ready)
    except OSError as error:
        click.echo(f"Error: cannot serve on port {port}: {error.strerror}; try --port 0", err=True)
        sys.exit(1)
    click.echo(f"Stopped. Your wall is still in {run.out}")


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
    run = gather(notes, config_path, today, quiet, verbose)
    report(run.problems, quiet)
    wins = run.wall.wins
    if as_json:
        click.echo(json.dumps([
            {"date": w.date.isoformat(), "text": w.text, "category": w.category,
             "tags": list(w.tags), "source": w.source, "line": w.line} for w in wins
        ], ensure_ascii=False, indent=1))
        return
    for w in wins:
        click.echo(f"{w.date}  {w.text}  [{w.category}]")


@main.command()
@reading
def stats(notes, config_path, today, as_json, quiet, verbose):
    """Count wins, days, hard days and runs of days."""
    run = gather(notes, config_path, today, quiet, verbose)
    report(run.problems, quiet)
    numbers = {
        key: value.isoformat() if isinstance(value, date) else value
        for key, value in vars(run.wall.stats).items()
    }
    numbers["categories"] = dict(run.wall.categories)
    if as_json:
        click.echo(json.dumps(numbers, ensure_ascii=False, indent=1))
        return
    for key, value in numbers.items():
        if key != "categories":
            click.echo(f"{key.replace('_', ' '):>24}: {value}")


@main.command()
@reading
def check(notes, config_path, today, as_json, quiet, verbose):
    """Show what was found in each file: dates, wins, and every file skipped and why."""
    run = gather(notes, config_path, today, quiet, verbose)
    wins_per_file = Counter(w.source for w in run.wall.wins)
    rows = [
        {"source": f.source, "dates": sorted({n.date.isoformat() for n in f.notes}),
         "wins": wins_per_file[f.source], "skipped": f.skipped}
        for f in run.files
    ]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    for row, result in zip(rows, run.files, strict=True):
        click.echo(describe_file(row, sum(1 for n in result.notes if n.inferred)))
    days = {d for row in rows for d in row["dates"]}
    click.echo(f"{len(rows)} files, {len(days)} days, {sum(r['wins'] for r in rows)} wins")
    report(run.problems, quiet)


def describe_file(row: dict, inferred: int) -> str:
    """One line of `wins check`: what a file gave, or why it was skipped."""
    if row["skipped"]:
        return f"{row['source']}: skipped, {row['skipped']}"
    dates = row["dates"]
    span = dates[0] if len(dates) == 1 else f"{dates[0]} … {dates[-1]}"
    extra = f", {inferred} with inferred dates" if inferred else ""
    return f"{row['source']}: {len(dates)} day(s) {span}, {row['wins']} wins{extra}"


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
        run = import_export(source, path, notes, date_order or load(notes, None).date_order)
        if not quiet:
            for written in run.written:
                click.echo(str(written))
            click.echo(summarize(run.written))
        report(run.problems, quiet)

    run_or_exit(action)
