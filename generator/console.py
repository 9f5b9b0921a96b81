"""The command line's terminal side: shared options, logging, messages, prompts and exit on error."""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import click

from .errors import GeneratorError

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class Day(click.ParamType):
    """A day as YYYY-MM-DD, `today`, `yesterday` or a weekday name (the latest one, today included)."""

    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx) -> date:
        if isinstance(value, date):
            return value
        try:
            return day_from_words(value.strip().lower(), date.today())
        except ValueError:
            self.fail(f"{value!r} is not a day: give YYYY-MM-DD (such as 2026-03-04), "
                      "today, yesterday or a weekday such as monday", param, ctx)


def day_from_words(words: str, today: date) -> date:
    """The day words name, seen from today; ValueError when they name none."""
    if words in ("today", "yesterday"):
        return today - timedelta(days=words == "yesterday")
    for number, name in enumerate(WEEKDAYS):
        if len(words) >= 3 and name.startswith(words):
            return today - timedelta(days=(today.weekday() - number) % 7)
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", words):
        raise ValueError(words)
    return date.fromisoformat(words)


def examples(*lines: str) -> str:
    """A command's help epilog: its examples, each on a line of its own."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


NOTES = click.argument("notes", type=click.Path(file_okay=False, path_type=Path), required=False)
CONFIG = click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
                      help="Settings file (default: wall.yaml in the notes folder).")
TODAY = click.option("--today", type=Day(),
                     help="Pretend today is YYYY-MM-DD (for reproducible builds and tests).")
OUTPUT = click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path),
                      help="Where to write the site (default: `site` beside the notes folder).")
THEME = click.option("--theme", help="Theme name or folder (default: the config's, else `default`).")
JSON = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")


def quiet_verbose(command):
    command = click.option("-q", "--quiet", is_flag=True, help="Print only errors.")(command)
    return click.option("-v", "--verbose", is_flag=True, help="Print each step and its time.")(command)


def setup_logging(quiet: bool, verbose: bool) -> None:
    """Warnings (only errors with -q) from everything; with -v, every step of our own code too.

    Only the `generator` loggers go down to DEBUG: a library's own debug lines (markdown-it-py logs
    each block rule it enters) would flood the terminal and slow a build down.
    """
    logging.basicConfig(level=logging.ERROR if quiet else logging.WARNING, format="%(message)s",
                        stream=sys.stderr, force=True)
    logging.getLogger("generator").setLevel(logging.DEBUG if verbose and not quiet else logging.NOTSET)


def load(notes: Path, config_path: Path | None):
    from .config import load_config

    return load_config(config_path, notes)


def run_or_exit(action):
    """Run action; an input problem becomes a clear message and exit code 1, Ctrl-C exit code 130."""
    try:
        return action()
    except GeneratorError as error:
        click.echo(f"Error: {error}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        exit_interrupted()


def exit_interrupted() -> None:
    """End the process with exit code 130 after Ctrl-C, once every `finally` has tidied up.

    It ends at once (os._exit): waiting for stopped worker processes' threads can hang.
    """
    click.echo("Stopped (Ctrl-C); your notes and the last site are as they were.", err=True)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(130)


def notes_folder(given: Path | None) -> Path:
    """The notes folder for a command (see notes_folder.py); none found is exit code 1 with what to do."""
    from .notes_folder import find_notes_folder

    return run_or_exit(lambda: find_notes_folder(given))


def echo_lines(lines: list[str], err: bool = False) -> None:
    for line in lines:
        click.echo(line, err=err)


def show_warnings(problems, quiet: bool) -> None:
    """Print every warning, grouped at the end, with a count."""
    from .report import warning_lines

    if not quiet:
        echo_lines(warning_lines(problems), err=True)


def progress_bar(paths: list[str]):
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


def confirm_or_exit(question: str) -> None:
    """Ask a yes/no question on a terminal; no, or no terminal to ask on, is exit code 1."""
    if not sys.stdin.isatty():
        click.echo(f"Error: {question.split('. ')[0]}; pass --yes to go ahead anyway.", err=True)
        sys.exit(1)
    if not click.confirm(question, default=False, err=True):
        sys.exit(1)


def today_or(value: date | None) -> date:
    return value or date.today()


def show_build(run, started: float, quiet: bool) -> None:
    """Print a build's warnings, then the one line it ends with."""
    from .report import build_line

    show_warnings(list(run.summary.problems), quiet)
    if not quiet:
        click.echo(build_line(run, time.perf_counter() - started))


def reading(command):
    """The options of a command that only reads the notes: folder, settings, --today, --json."""
    for option in (JSON, TODAY, CONFIG, NOTES):
        command = option(command)
    return quiet_verbose(command)


def gather(notes: Path, config_path: Path | None, today, quiet: bool, verbose: bool):
    """Read, parse and analyse the notes for a reading command."""
    setup_logging(quiet, verbose)
    from .build import collect

    notes = notes_folder(notes)
    return run_or_exit(lambda: collect(notes, load(notes, config_path), today_or(today)))


def show(data, as_json: bool) -> None:
    """Print data as indented JSON, or its lines as they are."""
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        echo_lines(data)
