"""Front matter: split it off a note and normalise its messy values in one place."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import yaml

from .dates import search_full_date
from .model import Problem
from .safe_yaml import load_yaml, yaml_error_line

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
    raw, problems = load_front_matter("\n".join(lines[1:end]), source)
    return raw, end + 1, problems


def load_front_matter(text: str, source: str) -> tuple[dict, list[Problem]]:
    """Read the YAML between the fences: safely, and only `key: value` lines of sensible size."""
    if len(text) > MAX_FRONT_MATTER:
        return {}, [Problem(source, f"front matter skipped: longer than {MAX_FRONT_MATTER:,} characters", 2)]
    try:
        raw = load_yaml(text)
    except yaml.YAMLError as error:
        line = yaml_error_line(error)
        reason = getattr(error, "problem", None) or "not valid YAML"
        return {}, [Problem(source, f"front matter skipped: {reason}", line + 2 if line is not None else 1)]
    if raw is not None and not isinstance(raw, dict):
        return {}, [Problem(source, "front matter skipped: it is not `key: value` lines", 2)]
    return lower_keys(raw or {}), []


def lower_keys(raw: dict) -> dict:
    """Return the front matter with its keys in lower case (`Date:`, `MOOD:`); a lower-case key wins."""
    lowered = {str(key).lower(): value for key, value in raw.items()}
    lowered.update((key, value) for key, value in raw.items() if isinstance(key, str) and key.islower())
    return lowered


def read_meta(
    raw: dict, source: str, order: str, key_lines: dict[str, int]
) -> tuple[Meta, list[Problem]]:
    """Normalise the keys we use; a bad value is reported and ignored (a bad date by the caller)."""
    problems: list[Problem] = []
    mood = _mood(raw.get("mood"))
    if raw.get("mood") not in (None, "") and mood is None:
        why = f"front matter `mood` {raw['mood']!r} is not 1–5 or a face like 🙂; ignored"
        problems.append(Problem(source, why, key_lines.get("mood")))
    energy = raw.get("energy")
    energy = energy if isinstance(energy, int) and not isinstance(energy, bool) else None
    title = raw.get("title")
    tags = _tags(raw.get("tags"))
    return Meta(
        date=_date(raw.get("date"), order),
        mood=mood,
        energy=energy,
        tags=tags,
        title=str(title) if title not in (None, "") else None,
        private=str(raw.get("private")).lower() in ("true", "yes") or "private" in tags,
    ), problems


def key_lines(lines: list[str], end: int) -> dict[str, int]:
    """Map each top-level front-matter key, in lower case, to its 1-based line number."""
    found = {}
    for number, line in enumerate(lines[1:end], start=2):
        key, colon, _ = line.partition(":")
        if colon and key and not key[0].isspace():
            found.setdefault(key.strip().lower(), number)
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
