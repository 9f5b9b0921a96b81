"""The `wins` command: parse options, call one function, turn errors into messages and exit codes."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import click

from . import __version__
from .console import (
    CONFIG,
    NOTES,
    OUTPUT,
    THEME,
    TODAY,
    ask_passphrase,
    echo_lines,
    gather,
    load,
    progress_bar,
    quiet_verbose,
    reading,
    run_or_exit,
    setup_logging,
    show,
    show_build,
    show_warnings,
    today_or,
)
from .errors import GeneratorError


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
