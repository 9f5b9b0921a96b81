"""Categories and tags as pages: each a slug, its wins, and its count in every month."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from operator import attrgetter

from .model import Wall, Win
from .win_rules import WIN_TAGS
from .words import slugify

UNLISTED_TAGS = WIN_TAGS | {"cw"}  # markers, and what the person asked never to be shown back


@dataclass(frozen=True)
class ChartGeometry:
    """Every number of a wins-per-month chart, in SVG units: the template holds none."""

    step: int = 24  # from one month's bar to the next
    width: int = 18  # of a bar
    corner: int = 3  # the radius of a bar's rounded corners
    tallest: int = 100  # the busiest month's bar
    height: int = 120  # of the chart, month names included
    label_y: int = 114  # where month names sit


CHART = ChartGeometry()


@dataclass(frozen=True)
class Bar:
    key: str
    label: str  # "Mar 2025"
    short: str  # "Mar", under the bar
    count: int
    x: int
    y: int
    height: int  # never 0: an empty month still shows a sliver
    label_x: int


@dataclass(frozen=True)
class Chart:
    bars: tuple[Bar, ...]
    view_box: str
    geometry: ChartGeometry = CHART


@dataclass(frozen=True)
class Group:
    """All the wins of one category or one tag."""

    name: str
    slug: str
    wins: tuple[Win, ...]
    chart: Chart


def unique_slugs(names: list[str]) -> dict[str, str]:
    """Give each name its own slug ("untitled" when none is left), numbering names that would share one."""
    slugs: dict[str, str] = {}
    taken: Counter[str] = Counter()
    for name in names:
        slug = slugify(name) or "untitled"
        taken[slug] += 1
        slugs[name] = slug if taken[slug] == 1 else f"{slug}-{taken[slug]}"
    return slugs


def month_counts(wins: tuple[Win, ...]) -> Counter[str]:
    """How many of these wins (in date order, as the wall holds them) fall in each month, by its key
    ("2025-03"): a month's wins are one run, found by bisection, so the count does not look at each."""
    counts: Counter[str] = Counter()
    start = 0
    while start < len(wins):
        first = wins[start].date
        end = bisect_left(wins, date(first.year + first.month // 12, first.month % 12 + 1, 1), start,
                          key=attrgetter("date"))
        counts[first.isoformat()[:7]] = end - start
        start = end
    return counts


def monthly_chart(wins: tuple[Win, ...], wall: Wall, g: ChartGeometry = CHART) -> Chart:
    """Count wins in every month the wall spans, each bar scaled to the busiest month."""
    counts = month_counts(wins)
    peak = max(counts.values(), default=1)
    bars = []
    for i, month in enumerate(wall.months):
        tall = round(g.tallest * counts[month.key] / peak)
        left = i * g.step
        bars.append(Bar(month.key, f"{month.start:%b %Y}", f"{month.start:%b}", counts[month.key],
                        left + (g.step - g.width) // 2, g.tallest - tall, max(tall, 1), left + g.step // 2))
    return Chart(tuple(bars), f"0 0 {len(bars) * g.step} {g.height}", g)


def group_by(wall: Wall, keys_of) -> tuple[Group, ...]:
    """Group the wall's wins by the names keys_of(win) gives, most wins first."""
    grouped: dict[str, list[Win]] = defaultdict(list)
    for win in wall.wins:
        for key in keys_of(win):
            grouped[key].append(win)
    names = sorted(grouped, key=lambda n: (-len(grouped[n]), n))
    slugs = unique_slugs(sorted(grouped))
    return tuple(
        Group(n, slugs[n], tuple(grouped[n]), monthly_chart(tuple(grouped[n]), wall)) for n in names
    )


def categories(wall: Wall) -> tuple[Group, ...]:
    return group_by(wall, lambda w: (w.category,))


def tags(wall: Wall) -> tuple[Group, ...]:
    """Every tag but the win markers and #cw: those get no page and are not listed."""
    return group_by(wall, lambda w: [t for t in w.tags if t.lower() not in UNLISTED_TAGS])
