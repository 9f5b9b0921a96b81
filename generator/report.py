"""What the commands print: a run's wins, numbers and files as rows for JSON, and as lines of text."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import TYPE_CHECKING

from .model import Day, FileResult, Note, Problem, Wall
from .words import plural

SHOWN_DROPPED = 5  # the dropped lines `wins check` shows under a file with no win, without --verbose
QUOTED = 70  # characters of a dropped line `wins check` quotes

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
    """`wins stats --json`: every count of the wall (dates as text), wins per category, and every
    milestone reached with its win and reward (smallest first)."""
    numbers = {key: value.isoformat() if isinstance(value, date) else value
               for key, value in vars(wall.stats).items()}
    numbers["hard_dates"] = sorted(day.date.isoformat() for day in wall.hard_days)
    numbers["categories"] = dict(wall.categories)
    numbers["milestones"] = [{"n": m.number, "date": m.win.date.isoformat(), "text": m.win.text,
                              "reward": m.reward} for m in wall.milestones]
    return numbers


def stat_lines(wall: Wall) -> list[str]:
    """`wins stats`: one aligned line per count."""
    lists = ("hard_dates", "categories", "milestones")
    return [f"{key.replace('_', ' '):>24}: {value}"
            for key, value in stat_numbers(wall).items() if key not in lists]


def file_rows(run: Run) -> list[dict]:
    """`wins check --json`: for each file, its days and wins, why it gave none, and the lines it dropped."""
    days = {day.date: day for day in run.wall.days}
    wins = Counter((w.source, w.date) for w in run.wall.wins)
    return [file_row(result, days, wins) for result in run.files]


def file_row(result: FileResult, days: dict[date, Day], wins: Counter) -> dict:
    """One file in `wins check --json`; "why" is set exactly when it gave no win."""
    dates = sorted({note.date for note in result.notes})
    count = sum(wins[result.source, day] for day in dates)
    return {
        "source": result.source, "dates": [day.isoformat() for day in dates], "wins": count,
        "skipped": result.skipped,
        "days": [day_row(result, days[day], wins[result.source, day]) for day in dates],
        "why": None if count else why_no_wins(result, days),
        "dropped": [{"line": d.line, "text": d.text, "why": d.why} for n in result.notes for d in n.dropped],
    }


def day_row(result: FileResult, day: Day, wins: int) -> dict:
    """One day of one file: its wins there, why the day is hard, whether its date was inferred."""
    own = [note for note in result.notes if note.date == day.date]
    return {"date": day.date.isoformat(), "wins": wins, "hard": hard_reason(day, own),
            "inferred": all(note.inferred for note in own)}


def hard_reason(day: Day, own: list[Note]) -> str | None:
    """Why a day is hard, seen from one file: its own struggle line first, else the day's reason."""
    if not day.hard:
        return None
    mine = next((note.hard_reason for note in own if note.hard_reason), None)
    return mine or day.hard_reason


def why_no_wins(result: FileResult, days: dict[date, Day]) -> str:
    """Say why a file gave no win, in words that point at what to change."""
    if result.skipped:
        return result.skipped
    marked = sorted((w.source, w.date) for n in result.notes if n.candidates for w in days[n.date].wins)
    if marked:
        source, day = marked[0]
        return f"unmarked lines count only on a day with no marked win, and {source} marks wins on {day}"
    whys = Counter(d.why for note in result.notes for d in note.dropped)
    if whys:
        return count_reasons(whys)
    if not any(note.body.strip() for note in result.notes):
        return "nothing is written under its date"
    return "no line is a checked task, a marked win, a list item or a dated line"


def count_reasons(whys: Counter) -> str:
    """"every line: an open task", or each reason with how many lines it dropped, the most first."""
    if len(whys) == 1:
        return f"every line: {next(iter(whys))}"
    return "; ".join(f"{plural(n, 'line')}: {why}" for why, n in whys.most_common())


def file_lines(run: Run, verbose: bool = False) -> list[str]:
    """`wins check`: a line per file, why a file gave no win and what it dropped, then the totals."""
    rows = file_rows(run)
    lines = [line for row in rows for line in (describe_file(row), *explain_file(row, verbose))]
    days = {d for row in rows for d in row["dates"]}
    wins = sum(row["wins"] for row in rows)
    return [*lines, f"{plural(len(rows), 'file')}, {plural(len(days), 'day')}, {plural(wins, 'win')}"]


def describe_file(row: dict) -> str:
    """One line of `wins check`: what a file gave, or why it was skipped."""
    if row["skipped"]:
        return f"{row['source']}: skipped, {row['skipped']}"
    dates = row["dates"]
    span = dates[0] if len(dates) == 1 else f"{dates[0]} … {dates[-1]}"
    inferred = sum(day["inferred"] for day in row["days"])
    extra = f", {inferred} with inferred dates" if inferred else ""
    return f"{row['source']}: {plural(len(dates), 'day')} {span}, {plural(row['wins'], 'win')}{extra}"


def explain_file(row: dict, verbose: bool) -> list[str]:
    """The indented lines under a file: why it gave no win and the lines it dropped (all of them, and
    its hard days, when verbose)."""
    lines = [f"  why: {row['why']}"] if row["why"] and not row["skipped"] else []
    if not (verbose or lines):
        return lines
    dropped = row["dropped"] if verbose else row["dropped"][:SHOWN_DROPPED]
    lines += [f'  line {d["line"]}: "{shorten(d["text"])}" — {d["why"]}' for d in dropped]
    if len(dropped) < len(row["dropped"]):
        lines.append(f"  … {plural(len(row['dropped']) - len(dropped), 'more line')} (--verbose shows all)")
    if verbose:
        lines += [f"  {day['date']} is a hard day: {day['hard']}" for day in row["days"] if day["hard"]]
    return lines


def shorten(text: str) -> str:
    """A dropped line as `wins check` quotes it: one line, at most QUOTED characters."""
    text = " ".join(text.split())
    return text if len(text) <= QUOTED else text[:QUOTED - 1].rstrip() + "…"


def warning_lines(problems: list[Problem]) -> list[str]:
    """Every warning, then how many there were (nothing when there were none)."""
    if not problems:
        return []
    return [*(f"warning: {problem}" for problem in problems), plural(len(problems), "warning")]


def build_line(run: Run, seconds: float) -> str:
    """The one line a build ends with."""
    said = run.summary
    return (f"Built {plural(said.days, 'day')}, {plural(said.wins, 'win')} in {seconds:.2f} s "
            f"→ {run.out} ({plural(run.written, 'file')} written)")

