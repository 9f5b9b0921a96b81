"""A note's text → the days it holds, each with its wins (PRODUCT.md §1–2)."""

from __future__ import annotations

from .categories import Categorizer
from .config import Config
from .conflicts import original_source
from .dates import date_from_path, find_unreal_date, period_from_path
from .frontmatter import Meta, key_lines, read_meta, split_front_matter
from .model import Dropped, FileResult, Note, NoteFile, Problem, Win
from .split import DayText, has_weekday_lines, split_days
from .tiers import Counted, sort_lines
from .win_rules import (
    MAX_LINE,
    STRUGGLE_TAGS,
    split_feeling,
    struggle_in,
)

LOOSE_LISTS = (".txt", ".journal")  # files where `-did laundry` (no space) is a list item


class Parser:
    """Turn note files into notes, with the settings that shape reading (date order, categories)."""

    def __init__(self, config: Config):
        self.order = config.date_order
        self.categorize = Categorizer(config.category_table())

    def parse(self, note: NoteFile) -> FileResult:
        """Return the dated notes one file holds, or why it was skipped."""
        src = note.source
        text_lines = note.text.splitlines()
        raw, start, problems = split_front_matter(text_lines, src)
        lines = key_lines(text_lines, start - 1)
        meta, more = read_meta(raw, src, self.order, lines)
        written = raw.get("date") if meta.date is None else None  # a front-matter date we cannot read
        problems += more
        if meta.private:
            return FileResult(src, skipped="marked `private: true`", problems=tuple(problems))
        days = self.find_days(note, text_lines, start, meta, problems)
        if not days:  # one warning: the skip says why, a bad front-matter date included
            why = _undated(src, self.order, written, lines.get("date"))
            why = why or _unanchored(text_lines, self.order, start)
            return FileResult(src, skipped=why, problems=tuple(problems))
        if written is not None:
            problems.insert(0, Problem(src, f"{_not_a_date(written)}; ignored", lines.get("date")))
        problems += _long_line(text_lines, start, src)
        notes = tuple(self.read_day(day_text, meta, src) for day_text in days)
        return FileResult(src, notes=notes, problems=tuple(problems))

    def find_days(
        self, note: NoteFile, text_lines: list[str], start: int, meta: Meta, problems: list[Problem]
    ) -> list[DayText]:
        """Cut a file into days: one when its front matter or name dates it, else one per dated line.

        A sync-conflict copy is dated by its original's name; a name that gives a week or a month
        (`2025-W10.md`, `2025-03.md`) is where the counting of its weekdays and year-less dates begins.
        """
        name = original_source(note.source) or note.source
        day = meta.date or date_from_path(name, self.order)
        if day:
            return [DayText(day, start + 1, title=meta.title, lines=text_lines[start:])]
        period = period_from_path(name)
        return split_days(text_lines, self.order, note.modified, note.source, problems, start, period)

    def read_day(self, day: DayText, meta: Meta, src: str) -> Note:
        """Find the wins of one day's lines (rules 1–5 of PRODUCT.md §2), what makes it hard, and why
        every other line with words counts for nothing."""
        tiers = sort_lines(day.lines, self.order, src.lower().endswith(LOOSE_LISTS), day.inferred)

        def wins(counted: list[Counted]) -> tuple[Win, ...]:
            return tuple(self.make_win(day, meta, src, c.index, c.text, c.line.tags) for c in counted)

        return Note(
            date=day.date, source=src, line=day.line, body="\n".join(tiers.body),
            wins=wins(tiers.marked), candidates=wins(tiers.candidates), prose=wins(tiers.prose),
            rescued=wins(tiers.rescued), title=day.title or meta.title, mood=meta.mood,
            energy=meta.energy, hard_reason=_hard_reason(meta, day.title, tiers.hard, day.line),
            inferred=day.inferred,
            dropped=tuple(Dropped(day.line + i, text, why) for i, text, why in sorted(tiers.dropped)),
        )

    def make_win(
        self, day: DayText, meta: Meta, src: str, index: int, text: str, tags: tuple[str, ...]
    ) -> Win:
        """Make the win that words of one line of the day stand for."""
        text, feeling = split_feeling(text)
        return Win(
            date=day.date, text=text, category=self.categorize(tags, text, meta.tags),
            tags=tuple(dict.fromkeys(tags + meta.tags)), source=src, line=day.line + index,
            feeling=feeling, inferred=day.inferred,
        )


def _hard_reason(meta: Meta, title: str | None, struggle: tuple[int, str] | None, first: int) -> str | None:
    """Why a note makes its day hard, as written: a struggle tag in its front matter, a struggle in its
    title (`## 2025-04-01 — rough day`), else its first struggle line ("rough: on line 4")."""
    tag = next((t for t in meta.tags if t in STRUGGLE_TAGS), None)
    if tag:
        return f"#{tag} in front matter"
    said = title and struggle_in(title)
    if said:
        return f"{said} in the title"
    return f"{struggle[1]} on line {first + struggle[0]}" if struggle else None


def _long_line(text_lines: list[str], start: int, src: str) -> list[Problem]:
    """Report the first body line too long to judge whole (a pasted blob, a minified file)."""
    for index in range(start, len(text_lines)):
        if len(text_lines[index]) > MAX_LINE:
            why = f"line is {len(text_lines[index]):,} characters long; only its first {MAX_LINE:,} are read"
            return [Problem(src, why, index + 1)]
    return []


def _not_a_date(written: object) -> str:
    return f"front matter `date` {written!r} is not a date like 2025-03-04"


def _undated(src: str, order: str, written: object, line: int | None) -> str | None:
    """Say why a file gave no day when it wrote a date that is not one (in its front matter or name)."""
    if written is not None:
        where = f" (line {line})" if line else ""
        return f"{_not_a_date(written)}{where}, and it has no other date"
    unreal = find_unreal_date(src.rsplit("/", 1)[-1], order)
    if unreal:
        return f"{unreal} in its name is not a real date (name it like 2025-03-04.md)"
    return None


def _unanchored(text_lines: list[str], order: str, start: int) -> str:
    """Say why a file with no written date gave no day: weekday lines nothing dates, or no date at all."""
    if has_weekday_lines(text_lines, order, start):
        return ("weekday lines with no date to anchor them (the file's time is not a real day; "
                "start one line with a date like 2025-03-04)")
    return "no date in its name, front matter or lines (name it like 2025-03-04.md)"
