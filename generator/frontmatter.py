"""Front matter: split it off a note and normalise its messy values in one place."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import yaml

from .config import SafeLoader
from .dates import search_full_date
from .model import Problem

FENCES = ("---",)
CLOSERS = ("---", "...")
MAX_FRONT_MATTER = 65_536  # characters; YAML this long is not front matter, and slow to read

# Faces people use for mood, mapped to the 1–5 scale.
MOOD_FACES = {
    1: "😭😢😩😫😖😣💔",
    2: "😞😔☹🙁😟😕😥😰😓😪",
    3: "😐😑😶🫤🤔😬",
    4: "🙂😌😊☺🤗",
    5: "😀😃😄😁🤩🥳😍🥰😆💪",
}
FACE_TO_MOOD = {face: mood for mood, faces in MOOD_FACES.items() for face in faces}


class _Loader(SafeLoader):
    """Safe YAML in which an impossible date (`date: 2025-02-30`) stays text instead of raising."""


def _timestamp(loader: _Loader, node: yaml.ScalarNode) -> Any:
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


@dataclass(frozen=True)
class Meta:
    """The front-matter keys Evidence Wall understands, normalised."""

    date: date | None = None
    mood: int | None = None
    energy: int | None = None
    tags: tuple[str, ...] = ()
    title: str | None = None
    private: bool = False


def split_front_matter(lines: list[str], source: str) -> tuple[dict, int, list[Problem]]:
    """Return (front matter, index of the first body line, problems)."""
    if not lines or lines[0].strip() not in FENCES:
        return {}, 0, []
    for end in range(1, len(lines)):
        if lines[end].strip() in CLOSERS:
            break
    else:
        return {}, 0, [Problem(source, "front matter has no closing `---`; read as text", 1)]
    text = "\n".join(lines[1:end])
    if len(text) > MAX_FRONT_MATTER:
        why = f"front matter skipped: longer than {MAX_FRONT_MATTER:,} characters"
        return {}, end + 1, [Problem(source, why, 2)]
    try:
        raw = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as error:
        line = _error_line(error)
        reason = getattr(error, "problem", None) or "not valid YAML"
        return {}, end + 1, [Problem(source, f"front matter skipped: {reason}", line)]
    if raw is None:
        return {}, end + 1, []
    if not isinstance(raw, dict):
        why = "front matter skipped: it is not `key: value` lines"
        return {}, end + 1, [Problem(source, why, 2)]
    return raw, end + 1, []


def _error_line(error: yaml.YAMLError) -> int:
    """Return the note line a YAML error is about: where an unclosed `[`, `{` or quote began."""
    context = getattr(error, "context", None) or ""
    mark = getattr(error, "context_mark", None)
    if not mark or "block" in context:  # a block context is the whole front matter: no help
        mark = getattr(error, "problem_mark", None)
    return mark.line + 2 if mark else 1


def read_meta(
    raw: dict, source: str, order: str, key_lines: dict[str, int]
) -> tuple[Meta, list[Problem]]:
    """Normalise the keys we use; a bad value is reported and ignored."""
    problems: list[Problem] = []

    def bad(key: str, why: str) -> None:
        problems.append(Problem(source, f"front matter `{key}` {why}; ignored", key_lines.get(key)))

    day = _date(raw.get("date"), order)
    if raw.get("date") is not None and day is None:
        bad("date", f"{raw['date']!r} is not a date like 2025-03-04")
    mood = _mood(raw.get("mood"))
    if raw.get("mood") not in (None, "") and mood is None:
        bad("mood", f"{raw['mood']!r} is not 1–5 or a face like 🙂")
    energy = raw.get("energy")
    energy = energy if isinstance(energy, int) and not isinstance(energy, bool) else None
    title = raw.get("title")
    tags = _tags(raw.get("tags"))
    return Meta(
        date=day,
        mood=mood,
        energy=energy,
        tags=tags,
        title=str(title) if title not in (None, "") else None,
        private=str(raw.get("private")).lower() in ("true", "yes") or "private" in tags,
    ), problems


def key_lines(lines: list[str], end: int) -> dict[str, int]:
    """Map each top-level front-matter key to its 1-based line number."""
    found = {}
    for number, line in enumerate(lines[1:end], start=2):
        key, colon, _ = line.partition(":")
        if colon and key and not key[0].isspace():
            found.setdefault(key.strip(), number)
    return found


def _date(value: Any, order: str) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return search_full_date(value, order)
    return None


def _mood(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)) and 1 <= value <= 5:
        return round(value)
    if isinstance(value, str):
        text = value.strip()
        if text.isdigit():
            return _mood(int(text))
        for char in text:
            if char in FACE_TO_MOOD:
                return FACE_TO_MOOD[char]
    return None


def _tags(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = re.split(r"[,\s]+", value)
    if not isinstance(value, list):
        return ()
    tags = (str(tag).strip().lstrip("#").lower() for tag in value if tag is not None)
    return tuple(dict.fromkeys(tag for tag in tags if tag))
