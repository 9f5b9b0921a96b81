"""The data that flows through the pipeline: frozen, typed, free of I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Problem:
    """Something in the user's notes that we could not use as written."""

    source: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class NoteFile:
    """One note file as read from disk: its path relative to the notes folder and its text."""

    source: str
    text: str
    mtime_year: int


@dataclass(frozen=True)
class Win:
    """One thing the person did, with the place they wrote it down."""

    date: date
    text: str
    category: str
    tags: tuple[str, ...]
    source: str
    line: int
    feeling: str | None = None
    inferred: bool = False


@dataclass(frozen=True)
class Note:
    """The part of one file that belongs to one day."""

    date: date
    source: str
    line: int
    """The line (from 1) of its file where the day's body begins."""
    body: str
    wins: tuple[Win, ...]
    """The lines marked as wins (rules 1–3 of PRODUCT.md §2)."""
    candidates: tuple[Win, ...] = ()
    """What rule 4, log mode, would count (list items and dated lines) when the day has no marked win."""
    title: str | None = None
    mood: int | None = None
    energy: int | None = None
    hard: bool = False
    inferred: bool = False


@dataclass(frozen=True)
class FileResult:
    """What parsing one file gave: its notes, or the reason it was skipped, and any problems."""

    source: str
    notes: tuple[Note, ...] = ()
    skipped: str | None = None
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Day:
    """Every note written for one calendar day, merged."""

    date: date
    notes: tuple[Note, ...]
    wins: tuple[Win, ...]
    mood: int | None
    hard: bool
    inferred: bool
    log_mode: bool = False
    """True when no line of the day was marked, so every list item and dated line counts (rule 4)."""

    def win_lines(self, note: Note) -> frozenset[int]:
        """Return the body lines of one of this day's notes that hold wins (0 = first body line)."""
        wins = note.candidates if self.log_mode else note.wins
        return frozenset(w.line - note.line for w in wins)


@dataclass(frozen=True)
class Month:
    """One calendar month that has at least one note: the unit of a month page."""

    key: str
    start: date
    days: tuple[Day, ...]

    @property
    def wins(self) -> int:
        return sum(len(day.wins) for day in self.days)


@dataclass(frozen=True)
class Stats:
    """The headline numbers; never reset, never shaming."""

    wins: int
    days: int
    days_with_wins: int
    hard_days: int
    hard_day_wins: int
    current_streak: int
    longest_streak: int
    days_with_wins_last_7: int
    days_with_wins_last_30: int
    first_date: date | None
    last_date: date | None


@dataclass(frozen=True)
class Milestone:
    number: int
    win: Win


@dataclass(frozen=True)
class Comeback:
    """A win after a quiet stretch of `gap` days with no win."""

    gap: int
    win: Win


@dataclass(frozen=True)
class Repeated:
    text: str
    count: int
    last: Win


@dataclass(frozen=True)
class Highlights:
    milestones: tuple[Milestone, ...]
    firsts: tuple[Win, ...]
    comebacks: tuple[Comeback, ...]
    repeated: tuple[Repeated, ...]
    busiest: tuple[Day, ...]
    month_ago: tuple[Win, ...]
    year_ago: tuple[Win, ...]
    remember: tuple[Win, ...]
    remember_pick: Win | None
    last_win: Win | None = None
    """The latest win that may be shown back: the welcome-back card's, after a quiet stretch."""


@dataclass(frozen=True)
class Wall:
    """Everything the pages show, computed once."""

    title: str
    today: date
    days: tuple[Day, ...]
    wins: tuple[Win, ...]
    months: tuple[Month, ...]
    stats: Stats
    highlights: Highlights
    hard_days: tuple[Day, ...]
    today_wins: tuple[Win, ...]
    latest: tuple[Win, ...]
    categories: tuple[tuple[str, int], ...]
    support: tuple[str, ...] = field(default=())
    low_mood_average: float | None = None
    """Wins on an average day rated 1–2, to one decimal; None without such days or when it rounds to 0."""
