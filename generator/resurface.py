"""Which wins may be shown back to the person, and which wins say the same thing: shared by the
highlights of analyze.py and the stories of stories.py."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from .model import Win

PUNCTUATION = re.compile(r"[^\w\s]+")


def shown_again(wins: Iterable[Win], quiet: frozenset[date]) -> list[Win]:
    """The wins that may be resurfaced: not tagged #cw and not on a quiet date."""
    return [w for w in wins if "cw" not in w.tags and w.date not in quiet]


@lru_cache(maxsize=1 << 17)
def repeat_key(text: str) -> str:
    """A win's words in lower case, without punctuation: the same key means the same thing done again
    (kept between the rebuilds of wins serve, where most wins are the last build's)."""
    return " ".join(PUNCTUATION.sub(" ", text.lower()).split())
