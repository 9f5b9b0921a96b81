"""What the commands print: a run's wins, numbers and files as rows for JSON, and as lines of text."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import TYPE_CHECKING

from .model import Problem, Wall
from .words import plural

if TYPE_CHECKING:
    from .build import Run


def win_rows(wall: Wall) -> list[dict]:
    """`wins list --json`: every win, oldest first."""
    return [{"date": w.date.isoformat(), "text": w.text, "category": w.category, "tags": list(w.tags),
             "source": w.source, "line": w.line} for w in wall.wins]


def win_lines(wall: Wall) -> list[str]:
    """`wins list`: one line per win, oldest first."""
    return [f"{w.date}  {w.text}  [{w.category}]" for w in wall.wins]


def stat_numbers(wall: Wall) -> dict:
    """`wins stats --json`: every count of the wall (dates as text), and wins per category."""
    numbers = {key: value.isoformat() if isinstance(value, date) else value
               for key, value in vars(wall.stats).items()}
    numbers["categories"] = dict(wall.categories)
    return numbers


def stat_lines(wall: Wall) -> list[str]:
    """`wins stats`: one aligned line per count."""
    return [f"{key.replace('_', ' '):>24}: {value}"
            for key, value in stat_numbers(wall).items() if key != "categories"]


def file_rows(run: Run) -> list[dict]:
    """`wins check --json`: for each file, the days it gave, its wins, and why it was skipped."""
    wins_per_file = Counter(w.source for w in run.wall.wins)
    return [{"source": f.source, "dates": sorted({n.date.isoformat() for n in f.notes}),
             "wins": wins_per_file[f.source], "skipped": f.skipped} for f in run.files]


def file_lines(run: Run) -> list[str]:
    """`wins check`: a line per file, then the totals."""
    rows = file_rows(run)
    lines = [describe_file(row, sum(1 for n in result.notes if n.inferred))
             for row, result in zip(rows, run.files, strict=True)]
    days = {d for row in rows for d in row["dates"]}
    wins = sum(row["wins"] for row in rows)
    return [*lines, f"{plural(len(rows), 'file')}, {plural(len(days), 'day')}, {plural(wins, 'win')}"]


def describe_file(row: dict, inferred: int) -> str:
    """One line of `wins check`: what a file gave, or why it was skipped."""
    if row["skipped"]:
        return f"{row['source']}: skipped, {row['skipped']}"
    dates = row["dates"]
    span = dates[0] if len(dates) == 1 else f"{dates[0]} … {dates[-1]}"
    extra = f", {inferred} with inferred dates" if inferred else ""
    return f"{row['source']}: {plural(len(dates), 'day')} {span}, {plural(row['wins'], 'win')}{extra}"


def warning_lines(problems: list[Problem]) -> list[str]:
    """Every warning, then how many there were (nothing when there were none)."""
    if not problems:
        return []
    return [*(f"warning: {problem}" for problem in problems), plural(len(problems), "warning")]


def build_line(run: Run, seconds: float) -> str:
    """The one line a build ends with."""
    stats = run.wall.stats
    return (f"Built {plural(stats.days, 'day')}, {plural(stats.wins, 'win')} in {seconds:.2f} s "
            f"→ {run.out} ({plural(run.written, 'file')} written)")

