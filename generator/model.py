"""The data that flows through the pipeline: frozen, typed, free of I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta


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
    """One note file as read from disk: its path relative to the notes folder, its text, its day."""

    source: str
    text: str
    modified: date | None
    """The local calendar day the file was last modified; None when its time is not a real one."""


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
class Dropped:
    """A line with words that no rule of its note could count as a win, and why."""

    line: int
    """The line (from 1) of its file."""
    text: str
    why: str
    """A few words: "open task", "plan or wish", "under 'To do'", "prose, but no deed", …"""


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
    hard_reason: str | None = None
    """Why the note makes its day hard, as written: "#hard on line 4", "rough: on line 4"."""
    inferred: bool = False
    prose: tuple[Win, ...] = ()
    """What rule 5, prose mode, would count (each sentence that reports a deed) when the note has no
    marked win and no log-mode candidate."""
    rescued: tuple[Win, ...] = ()
    """The deeds in the rest of struggle lines (`rough. Still fed the cat.`), judged as prose; they
    count with log or prose mode when the day has no marked win."""
    dropped: tuple[Dropped, ...] = ()
    """Every line with words that no rule of the note could count, with the reason."""

    @property
    def hard(self) -> bool:
        """True when something in the note makes its day hard."""
        return self.hard_reason is not None


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
    hard_reason: str | None
    """Why the day is hard: "mood 2", or the first note's reason ("#hard on line 4"); None when it is not."""
    inferred: bool
    mode: str = "marked"
    """Which rule gave the day's wins: "marked" (rules 1–3), "log" (rule 4) or "prose" (rule 5)."""

    @property
    def hard(self) -> bool:
        """True for a hard day: a low mood or a struggle (PRODUCT.md §2)."""
        return self.hard_reason is not None

    def win_lines(self, note: Note) -> frozenset[int]:
        """Return the body lines of one of this day's notes that hold wins (0 = first body line)."""
        return frozenset(w.line - note.line for w in tier_wins(note, self.mode))


def tier_wins(note: Note, mode: str) -> tuple[Win, ...]:
    """The wins one note gives under a day's mode (rules 1–3, 4 or 5 of PRODUCT.md §2)."""
    if mode == "marked":
        return note.wins
    return (note.candidates if mode == "log" else note.prose) + note.rescued


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
    """The `number`th win, the reward promised for it in wall.yaml, and whether its words may be shown
    again (not when the win is tagged #cw or on a quiet date: then only its number and day are)."""

    number: int
    win: Win
    reward: str | None = None
    shown: bool = True


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
class Week:
    """One week of the week page, Monday to Sunday, up to the build's day."""

    start: date
    """Its Monday."""
    days: tuple[Day, ...]
    """Its days with a note, up to the build's day, in order."""
    firsts: tuple[Win, ...]
    """Wins in a category for the first time ever, that fell in this week."""
    comebacks: tuple[Comeback, ...]
    """Wins after a quiet stretch of three or more days, that fell in this week (oldest first)."""
    fullest: Day | None
    """The day with the most wins (the earliest of equals), when the week had two days with wins and it
    had more than one; None otherwise (a single day is not "the fullest")."""

    @property
    def end(self) -> date:
        """Its Sunday."""
        return self.start + timedelta(days=6)

    @property
    def wins(self) -> tuple[Win, ...]:
        return tuple(w for d in self.days for w in d.wins)

    @property
    def win_days(self) -> tuple[Day, ...]:
        return tuple(d for d in self.days if d.wins)

    @property
    def hard_days(self) -> tuple[Day, ...]:
        return tuple(d for d in self.days if d.hard)


@dataclass(frozen=True)
class Story:
    """A harsh thing a low mind says, answered by the wins of its categories."""

    words: str
    """What the mind says: "I never see anyone"."""
    categories: tuple[str, ...]
    one: str
    many: str
    """What the count counts, for one and for many: "time you reached someone"."""
    count: int
    days: int
    latest: date | None
    """The day of the latest of its wins, when that day may be shown again."""
    examples: tuple[Win, ...]
    """Up to three of its wins that may be shown again, newest first."""


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
    weeks: tuple[Week, ...] = field(default=())
    """This week (the one holding `today`) and the week before it: the week page."""
    milestones: tuple[Milestone, ...] = ()
    """Every milestone reached, smallest first (milestones.py)."""
    stories: tuple[Story, ...] = ()
    """The harsh stories that have evidence against them (stories.py)."""
