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
    Day,
    ask_passphrase,
    confirm_or_exit,
    echo_lines,
    examples,
    exit_interrupted,
    gather,
    load,
    notes_folder,
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


class Wins(click.Group):
    """The command group: Ctrl-C anywhere in a command is exit code 130 (click would make it 1)."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            exit_interrupted()


@click.group(cls=Wins, context_settings={"help_option_names": ["-h", "--help"]},
             epilog=examples("wins init ~/notes", 'wins add "called mom back" --tag family', "wins serve"))
@click.version_option(__version__, "-V", "--version", prog_name="wins")
def main() -> None:
    """Evidence Wall: turn your daily notes into a private website of every small win.

    Without NOTES, a command uses the folder holding wall.yaml (looked for here and in the folders
    above), else WINS_NOTES, else this folder if it holds daily notes.
    """


@main.command(epilog=examples("wins build", "wins build ~/notes -o ~/wall",
                              "wins build --encrypt --today 2026-03-04"))
@NOTES
@OUTPUT
@THEME
@click.option("--encrypt", is_flag=True,
              help="Lock every page behind a passphrase (from WINS_PASSPHRASE, else asked for).")
@click.option("--no-cache", is_flag=True,
              help="Ignore what the last build knew (kept in $XDG_CACHE_HOME/evidence-wall, else "
                   "~/.cache/evidence-wall); redo everything.")
@click.option("--force", is_flag=True,
              help="Replace the site even when another notes folder made it, or no notes were found.")
@click.option("--jobs", type=click.IntRange(0), default=0,
              help="Processes to parse and draw pages with (default 0: one per core; 1: no extra processes).")
@CONFIG
@TODAY
@quiet_verbose
def build(notes, output, theme, encrypt, no_cache, force, jobs, config_path, today, quiet, verbose):
    """Build the site from the notes in NOTES."""
    setup_logging(quiet, verbose)
    from .build import build_from_options

    notes = notes_folder(notes)
    passphrase = ask_passphrase() if encrypt else None
    started = time.perf_counter()
    run = run_or_exit(lambda: build_from_options(
        notes, output, theme, config_path, today, passphrase, not no_cache,
        None if quiet else progress_bar, jobs=jobs, force=force))
    show_build(run, started, quiet)


@main.command(epilog=examples("wins serve", "wins serve ~/notes --port 8080 --no-open"))
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

    notes = notes_folder(notes)

    def build(last):
        started = time.perf_counter()
        run = build_from_options(notes, output, theme, config_path, kept=last and last.cache,
                                 stop_early=False)
        show_build(run, started, quiet)
        return run

    def ready(url: str) -> None:
        click.echo(f"Serving your wall on {url} (Ctrl-C to stop)")

    last = run_or_exit(lambda: serve_notes(build, port, open_browser, ready))
    click.echo(f"Stopped. Your wall is still in {last.out}")


@main.command(epilog=examples('wins add "called mom back" --tag family',
                              'wins add "rough morning" --hard --date yesterday',
                              'wins add "walked 20 minutes" --date 2026-03-04 --notes ~/notes'))
@click.argument("text")
@click.option("--tag", "tags", multiple=True, help="A tag for the win (repeat for more).")
@click.option("--date", "day", type=Day(),
              help="The day: YYYY-MM-DD, today, yesterday or a weekday (the latest one, today included). "
                   "Default: today.")
@click.option("--hard", is_flag=True, help="Record TEXT as the day's struggle (`hard: TEXT`), not as a win.")
@click.option("--notes", type=click.Path(file_okay=False, path_type=Path),
              help="The notes folder (default: found as for every command; see `wins --help`).")
@CONFIG
@quiet_verbose
def add(text, tags, day, hard, notes, config_path, quiet, verbose):
    """Add TEXT as a win to the day's daily note (made if missing); no line already there is changed.

    Then say which win it is, its place in its week (weeks start on Monday), and the milestone and
    the reward you promised yourself (wall.yaml's `rewards:`) when it reaches one; -q says nothing.
    """
    setup_logging(quiet, verbose)
    from .acknowledge import STRUGGLE
    from .append import acknowledge_win, add_win

    if not text.strip():
        raise click.UsageError("the win is empty")
    notes = notes_folder(notes)

    def action() -> tuple[Path, int]:
        if not notes.is_dir():
            raise GeneratorError(f"{notes}: no such notes folder (make one with `wins init`)")
        config = load(notes, config_path)  # a broken wall.yaml stops here, before any note is touched
        path, line = add_win(notes, text, today_or(day), tags, hard)
        if quiet:
            return path, []
        return path, [STRUGGLE] if hard else acknowledge_win(notes, config, path, line)

    path, said = run_or_exit(action)
    if not quiet:
        echo_lines([f"Added to {path}", *said])


@main.command(epilog=examples("wins init ~/notes", "wins init",
                              "wins init ~/Documents/my-logseq-graph --yes"))
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default=".")
@click.option("-y", "--yes", is_flag=True, help="Do not ask before making a notes folder of a folder "
              "that holds other files but no notes (for scripts).")
@quiet_verbose
def init(folder, yes, quiet, verbose):
    """Start a notes folder: wall.yaml, today's note with one win, and a short how-to.

    In a Logseq graph or an Obsidian vault, today's note goes where the app puts daily notes.
    """
    setup_logging(quiet, verbose)
    from .starter import init_notes, needs_asking

    if not yes and needs_asking(folder):
        confirm_or_exit(f"{folder.absolute()} holds other files but no daily notes. Make it a notes folder?")
    made = run_or_exit(lambda: init_notes(folder, date.today()))
    if not quiet:
        for path, created in made:
            click.echo(f"{'created' if created else 'kept   '} {path}")
        click.echo(f"Next: write a line in {made[-1][0]}, then `wins serve {folder}`.")


@main.command("list", epilog=examples("wins list", "wins list ~/notes --json"))
@reading
def list_wins(notes, config_path, today, as_json, quiet, verbose):
    """List every win, oldest first."""
    from .report import win_lines, win_rows

    run = gather(notes, config_path, today, quiet, verbose)
    show_warnings(run.problems, quiet)
    show(win_rows(run.wall) if as_json else win_lines(run.wall), as_json)


@main.command(epilog=examples("wins stats", "wins stats ~/notes --json --today 2026-03-04"))
@reading
def stats(notes, config_path, today, as_json, quiet, verbose):
    """Count wins, days, hard days and runs of days."""
    from .report import stat_lines, stat_numbers

    run = gather(notes, config_path, today, quiet, verbose)
    show_warnings(run.problems, quiet)
    show(stat_numbers(run.wall) if as_json else stat_lines(run.wall), as_json)


@main.command(epilog=examples("wins check", "wins check ~/notes --json"))
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


@main.command("import", epilog=examples(
    "wins import keep ~/Downloads/takeout.zip --into ~/notes",
    "wins import dayone ~/Downloads/Export.zip --into ~/notes",
    "wins import text old-journal.txt --into ~/notes --date-order dmy"))
@click.argument("source", type=click.Choice(["keep", "simplenote", "dayone", "text"]))
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--into", "notes", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="The notes folder to add daily notes to (made if missing).")
@click.option("--date-order", type=click.Choice(["mdy", "dmy"]),
              help="How to read 3/4 in names and `text` lines (default: wall.yaml's, else mdy).")
@quiet_verbose
def import_notes(source, path, notes, date_order, quiet, verbose):
    """Add the notes of an app's export at PATH to the daily notes in NOTES; no line there is changed.

    SOURCE: keep (Google Takeout's .zip, or its Keep folder), simplenote (notes.zip or notes.json),
    dayone (the exported .zip, or its Journal.json) or text (dated lines such as `2024-03-04: did x`).
    Running it again adds nothing twice. A shopping or reference list (titled Shopping, Groceries,
    Links, Reading list…) is left out: its items are not wins.
    """
    setup_logging(quiet, verbose)
    from .importers import import_export, summarize

    def action():
        imported = import_export(source, path, notes, date_order or load(notes, None).date_order)
        if imported.hint:
            show_warnings(imported.problems, quiet)
            raise GeneratorError(imported.hint)
        if not quiet:
            echo_lines([*map(str, imported.written), summarize(imported.written)])
        show_warnings(imported.problems, quiet)

    run_or_exit(action)
