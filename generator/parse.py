"""A note's text → the days it holds, each with its wins (PRODUCT.md §1–2)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from . import lines as L
from .categories import Categorizer
from .config import Config
from .dates import Found, date_from_path, find_unreal_date, make_date, match_opener, next_weekday
from .frontmatter import Meta, key_lines, read_meta, split_front_matter
from .model import FileResult, Note, NoteFile, Problem, Win

JRNL = re.compile(r"^\[(?P<stamp>[^\]\n]{6,40})\]\s*(?P<rest>.*)")
CLOCK = re.compile(r"^\s*(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?)?\s*$")
NEW_YEAR_REACH = timedelta(days=62)  # how far across New Year a year-less date may be moved
SEPARATOR = re.compile(r"^\s*(?:[:\-–—|]|,(?=\s))\s*")
MAX_LINE = 4000  # characters of a line that are judged; the rest of a giant line is only shown


@dataclass
class Chunk:
    """The lines of one file that belong to one day, before wins are found."""

    date: date
    line: int
    inferred: bool = False
    title: str | None = None
    lines: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Opener:
    found: Found
    rest: str
    is_heading: bool


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
        day = meta.date or date_from_path(src, self.order)
        if day:
            chunks = [Chunk(day, start + 1, title=meta.title, lines=text_lines[start:])]
        else:
            chunks = self.split_log(text_lines, start, note.mtime_year, src, problems)
        if not chunks:  # one warning: the skip says why, a bad front-matter date included
            why = _undated(src, self.order, written, lines.get("date"))
            return FileResult(src, skipped=why, problems=tuple(problems))
        if written is not None:
            problems.insert(0, Problem(src, f"{_not_a_date(written)}; ignored", lines.get("date")))
        problems += _long_line(text_lines, start, src)
        notes = tuple(self.read_chunk(chunk, meta, src) for chunk in chunks)
        return FileResult(src, notes=notes, problems=tuple(problems))

    def split_log(
        self, text_lines: list[str], start: int, fallback_year: int, src: str, problems: list
    ) -> list[Chunk]:
        """Cut a running log into days at each dated heading or dated line."""
        chunks: list[Chunk] = []
        last_full: date | None = None
        last_known: date | None = None
        in_fence = False
        for index in range(start, len(text_lines)):
            raw = text_lines[index]
            in_fence = in_fence != bool(L.FENCE.match(raw))
            opener = None if in_fence else self.find_opener(raw[:MAX_LINE])
            day = opener and resolve(opener.found, last_full or fallback_year, last_known)
            if opener and not day:
                problems.append(Problem(src, _unresolved(opener.found), index + 1))
            if not day:
                if chunks:
                    chunks[-1].lines.append(raw)
                continue
            inferred = opener.found.year is None
            last_full = last_full if inferred else day
            last_known = day
            if opener.is_heading:
                chunks.append(Chunk(day, index + 2, inferred, opener.rest or None))
            else:
                chunks.append(Chunk(day, index + 1, inferred, lines=[raw]))
        return chunks

    def find_opener(self, raw: str) -> Opener | None:
        """Return the date a line opens a day with: a dated heading, jrnl stamp or dated prefix."""
        jrnl = JRNL.match(raw)
        if jrnl:
            found = match_opener(jrnl["stamp"], self.order)
            if found and found.year and CLOCK.match(jrnl["stamp"][found.end:]):
                return Opener(found, _unstarred(jrnl["rest"]), False)
            return None
        head = L.heading(raw)
        if head:
            text = head[1].replace("[[", "").replace("]]", "").strip("* ")
            found = match_opener(text, self.order)
            rest = found and text[found.end:]
            if found and (found.weekday is None or not rest or SEPARATOR.match(rest)):
                return Opener(found, SEPARATOR.sub("", rest).strip(), True)
            return None
        text = raw.strip().strip("*")
        found = match_opener(text, self.order)
        if found:
            rest = text[found.end:].lstrip("*")
            if not rest.strip() or SEPARATOR.match(rest):
                return Opener(found, SEPARATOR.sub("", rest, count=1).strip(), False)
        return None

    def read_chunk(self, chunk: Chunk, meta: Meta, src: str) -> Note:
        """Find the wins of one day's lines (rules 1–4 of PRODUCT.md §2)."""
        body: list[str] = []
        marked, candidates = [], []
        hard = bool(L.STRUGGLE_TAGS & set(meta.tags))  # a low mood is judged per day, in analyze
        section: int | None = None
        in_fence = False
        for index, whole in enumerate(chunk.lines):
            body.append(whole)
            raw = whole[:MAX_LINE]
            if L.FENCE.match(raw):
                in_fence = not in_fence
            if in_fence or L.FENCE.match(raw):
                continue
            head = L.heading(raw)
            if head:
                level, title = head
                if section is not None and level <= section:
                    section = None
                if L.names_wins(title):
                    section = level
                continue
            dated = L.MAYBE_DATED.match(raw) and self.find_opener(raw)
            line = L.judge(dated.rest if dated else raw)
            if line.kind == "private":
                body[-1] = ""
            hard = hard or line.kind == "struggle"
            if line.kind == "marked" or (section is not None and line.kind in ("item", "line")):
                marked.append((index, line))
            elif line.kind == "item" or (line.kind == "line" and dated):
                candidates.append((index, line))
        return Note(
            date=chunk.date, source=src, line=chunk.line, body="\n".join(body),
            body_start=chunk.line,
            wins=tuple(self.make_win(chunk, meta, src, i, line) for i, line in marked),
            log_wins=tuple(self.make_win(chunk, meta, src, i, line) for i, line in candidates),
            title=chunk.title or meta.title, mood=meta.mood, energy=meta.energy, hard=hard,
            inferred=chunk.inferred,
        )

    def make_win(self, chunk: Chunk, meta: Meta, src: str, index: int, line: L.Line) -> Win:
        text, feeling = L.split_feeling(line.text)
        tags = tuple(dict.fromkeys(line.tags + meta.tags))
        return Win(
            date=chunk.date, text=text, category=self.categorize(line.tags, text, meta.tags), tags=tags,
            source=src, line=chunk.line + index, feeling=feeling, inferred=chunk.inferred,
        )


def resolve(found: Found, year_from: date | int, last_known: date | None) -> date | None:
    """Turn what an opener says into a date, inferring a missing year or a bare weekday."""
    if found.weekday is not None:
        return last_known and next_weekday(last_known, found.weekday)
    if found.year:
        return make_date(found)
    if isinstance(year_from, int):
        return make_date(replace(found, year=year_from))
    day = make_date(replace(found, year=year_from.year))
    if day and last_known:
        return _across_new_year(day, last_known) or day
    return day


def _across_new_year(day: date, last_known: date) -> date | None:
    """Move a year-less date a year on or back when that puts it beside the last known date.

    `## 2024-12-30` … `## Jan 2` means 2025-01-02, not a day a year before the log began.
    """
    for year in (day.year + 1, day.year - 1):
        moved = make_date(Found(day.month, day.day, year))
        if moved and abs(moved - last_known) <= NEW_YEAR_REACH < abs(day - last_known):
            return moved
    return None


def _unstarred(text: str) -> str:
    """Return the text of a jrnl entry's first line without its star (` *` at the end)."""
    return text[:-1].strip() if text.endswith("*") and text[-2:-1].isspace() else text.strip()


def _long_line(text_lines: list[str], start: int, src: str) -> list[Problem]:
    """Report the first body line too long to judge whole (a pasted blob, a minified file)."""
    for index in range(start, len(text_lines)):
        if len(text_lines[index]) > MAX_LINE:
            why = f"line is {len(text_lines[index]):,} characters long; only its first {MAX_LINE:,} are read"
            return [Problem(src, why, index + 1)]
    return []


def _not_a_date(written: object) -> str:
    return f"front matter `date` {written!r} is not a date like 2025-03-04"


def _undated(src: str, order: str, written: object, line: int | None) -> str:
    """Say why a file gave no day: a date that is not one (in its front matter or name), or none."""
    if written is not None:
        where = f" (line {line})" if line else ""
        return f"{_not_a_date(written)}{where}, and it has no other date"
    unreal = find_unreal_date(src.rsplit("/", 1)[-1], order)
    if unreal:
        return f"{unreal} in its name is not a real date (name it like 2025-03-04.md)"
    return "no date in its name, front matter or lines (name it like 2025-03-04.md)"


def _unresolved(found: Found) -> str:
    if found.weekday is not None:
        return "a weekday with no earlier date in the file to count from; read as an ordinary line"
    written = f"{found.month:02d}-{found.day:02d}"
    if found.year:
        written = f"{found.year}-{written}"
    return f"{written} (month-day) is not a real date; read as an ordinary line"
