"""Keep what was made from a frozen value, to make it again only when the value changed.

wins serve keeps the last build's days between rebuilds, and most of a wall is the same after one edit:
the parts of the big pages made from the days that did not change (a year of the timeline, a day's rows
of the search index) are taken as they were. A value is the same when it is the very same object, or
equal to it; pure functions of it give the same result.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


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
