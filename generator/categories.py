"""Give each win one category: a tag that names one, else the first keyword rule that matches."""

from __future__ import annotations

import re

OTHER = "other"


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def _rule(keywords: tuple[str, ...]) -> re.Pattern | None:
    if not keywords:
        return None
    words = "|".join(r"\s+".join(map(re.escape, k.split())) for k in keywords)
    return re.compile(rf"(?<!\w)(?:{words})(?:s|es|ed|d|ing)?(?!\w)", re.I)


class Categorizer:
    """Decide categories from an ordered table of (name, keywords)."""

    def __init__(self, table: tuple[tuple[str, tuple[str, ...]], ...]):
        self.names = {_squash(name): name for name, _ in reversed(table)}
        self.rules = [(name, rule) for name, keywords in table if (rule := _rule(keywords))]

    def __call__(self, tags: tuple[str, ...], text: str) -> str:
        for tag in tags:
            name = self.names.get(_squash(tag))
            if name:
                return name
        haystack = " ".join((text, *tags))
        for name, rule in self.rules:
            if rule.search(haystack):
                return name
        return OTHER
