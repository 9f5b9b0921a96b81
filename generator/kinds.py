"""Categories and tags as pages: each a slug, its wins, and its count in every month."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from .model import Wall, Win


@dataclass(frozen=True)
class Bar:
    key: str
    label: str
    count: int
    height: int  # of 100


@dataclass(frozen=True)
class Group:
    """All the wins of one category or one tag."""

    name: str
    slug: str
    wins: tuple[Win, ...]
    bars: tuple[Bar, ...]


def slugify(name: str) -> str:
    """A file-name-safe form of a category or tag: "work & study" → "work-study"."""
    return re.sub(r"[^\w]+", "-", name.lower()).strip("-") or "untitled"


def unique_slugs(names: list[str]) -> dict[str, str]:
    """Give each name its own slug, numbering the rare names that would share one."""
    slugs: dict[str, str] = {}
    taken: Counter[str] = Counter()
    for name in names:
        slug = slugify(name)
        taken[slug] += 1
        slugs[name] = slug if taken[slug] == 1 else f"{slug}-{taken[slug]}"
    return slugs


def monthly_bars(wins: tuple[Win, ...], wall: Wall) -> tuple[Bar, ...]:
    """Count wins in every month the wall spans, scaled to the busiest month."""
    counts = Counter(w.date.isoformat()[:7] for w in wins)
    peak = max(counts.values(), default=1)
    return tuple(
        Bar(m.key, f"{m.start:%b %Y}", counts[m.key], round(100 * counts[m.key] / peak))
        for m in wall.months
    )


def group_by(wall: Wall, keys_of) -> tuple[Group, ...]:
    """Group the wall's wins by the names keys_of(win) gives, most wins first."""
    grouped: dict[str, list[Win]] = defaultdict(list)
    for win in wall.wins:
        for key in keys_of(win):
            grouped[key].append(win)
    names = sorted(grouped, key=lambda n: (-len(grouped[n]), n))
    slugs = unique_slugs(sorted(grouped))
    return tuple(
        Group(n, slugs[n], tuple(grouped[n]), monthly_bars(tuple(grouped[n]), wall)) for n in names
    )


def categories(wall: Wall) -> tuple[Group, ...]:
    return group_by(wall, lambda w: (w.category,))


def tags(wall: Wall) -> tuple[Group, ...]:
    return group_by(wall, lambda w: w.tags)
