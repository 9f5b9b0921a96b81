"""Small word helpers every stage shares: counted nouns, file-name-safe slugs and word lists."""

from __future__ import annotations

import re

NOT_SLUG = re.compile(r"[^\w]+")
NOT_LETTER_OR_DIGIT = re.compile(r"[\W_]+")
NOT_SLUG_KEEP_SLASH = re.compile(r"[^\w/]+")


def plural(count: int, one: str, many: str | None = None) -> str:
    """`plural(3, "win")` → "3 wins"; `plural(1, "day")` → "1 day"."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def slugify(text: str, keep_slash: bool = False) -> str:
    """Lower-case text with every run of other characters turned into one `-`.

    "work & study" → "work-study"; with keep_slash, "Health/Sleep" → "health/sleep" (nested tags).
    """
    pattern = NOT_SLUG_KEEP_SLASH if keep_slash else NOT_SLUG
    return pattern.sub("-", text.lower()).strip("-/" if keep_slash else "-")


def squash(text: str) -> str:
    """Lower-case text with only its letters and digits left: "Today's Wins!" → "todayswins"."""
    return NOT_LETTER_OR_DIGIT.sub("", text.lower())


def word_set(text: str) -> frozenset[str]:
    """The words of a text as a set, for word lists written as prose: `word_set("and or to")`."""
    return frozenset(text.split())
