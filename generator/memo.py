"""Keep what was made from the same inputs, to make it again only when they changed.

- Memo, in this process: wins serve keeps the last build's days between rebuilds, and most of a wall
  is the same after one edit. A value is the same when it is the very same object, or equal to it.
- Draw, across builds: the big pages (the timeline, the search index) are drawn a year at a time, and
  a year whose inputs and note files are as before is taken as the cache kept it
  (cache.SiteOnDisk.draw); `fresh` draws every part anew (a build without a cache).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

Draw = Callable[[str, tuple, tuple[str, ...], Callable[[], str]], str]
"""draw(name, inputs, sources, make): a part of a page, by its name, what it shows (inputs, and the
note files whose text it shows) and how to make it."""


def fresh(name: str, inputs: tuple, sources: tuple[str, ...], make: Callable[[], str]) -> str:
    """Draw a part anew."""
    return make()


class Memo(Generic[T, R]):
    """One result by name: made again when the value it is made from changed."""

    def __init__(self, make: Callable[[T], R]):
        self.make = make
        self.kept: dict[Hashable, tuple[T, R]] = {}

    def __call__(self, name: Hashable, value: T) -> R:
        kept = self.kept.get(name)
        if kept is not None and (kept[0] is value or kept[0] == value):
            return kept[1]
        result = self.make(value)
        self.kept[name] = (value, result)
        return result
