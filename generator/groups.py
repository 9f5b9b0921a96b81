"""Categories and tags as pages: each a slug, its wins, and a page for every year they fall in.

The group's own page (categories/<slug>.html) shows its latest year with wins; each earlier year has a
page in a folder named by the slug (categories/<slug>/2019.html). A slug never holds a `/` and a year
page is always `<4 digits>.html` inside its group's folder, so no group's pages can meet another's.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from operator import attrgetter

from .model import Month, Wall, Win
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
class Year:
    """One year of a group's wins, and its chart: a bar for each month of that year with notes."""

    year: int
    path: str
    """Where its page goes: the group's own page for its latest year, else a page in the group's folder."""
    wins: tuple[Win, ...]
    chart: Chart


@dataclass(frozen=True)
class Group:
    """All the wins of one category or one tag, and the years they fall in, newest first (never empty)."""

    name: str
    slug: str
    wins: tuple[Win, ...]
    years: tuple[Year, ...]

    @property
    def path(self) -> str:
        """The group's own page: its latest year."""
        return self.years[0].path


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


def monthly_chart(wins: tuple[Win, ...], months: list[Month], g: ChartGeometry = CHART) -> Chart:
    """Count wins in each of these months, each bar scaled to the busiest month."""
    counts = month_counts(wins)
    peak = max(counts.values(), default=1)
    bars = []
    for i, month in enumerate(months):
        tall = round(g.tallest * counts[month.key] / peak)
        left = i * g.step
        bars.append(Bar(month.key, f"{month.start:%b %Y}", f"{month.start:%b}", counts[month.key],
                        left + (g.step - g.width) // 2, g.tallest - tall, max(tall, 1), left + g.step // 2))
    return Chart(tuple(bars), f"0 0 {len(bars) * g.step} {g.height}", g)


def year_path(folder: str, slug: str, year: int, latest: bool) -> str:
    """categories/<slug>.html for a group's latest year, categories/<slug>/<year>.html for the others."""
    return f"{folder}/{slug}.html" if latest else f"{folder}/{slug}/{year}.html"


def split_years(folder: str, slug: str, wins: list[Win], months: dict[int, list[Month]]) -> tuple[Year, ...]:
    """A group's wins (in date order) by year, newest first: a year without a win is no year of it.

    A year's wins are one run of them, found by bisection (as month_counts finds a month's)."""
    by_year: dict[int, list[Win]] = {}
    start = 0
    while start < len(wins):
        year = wins[start].date.year
        end = bisect_left(wins, date(year + 1, 1, 1), start, key=attrgetter("date"))
        by_year[year], start = wins[start:end], end
    years = sorted(by_year, reverse=True)
    return tuple(Year(y, year_path(folder, slug, y, y == years[0]), tuple(by_year[y]),
                      monthly_chart(tuple(by_year[y]), months[y])) for y in years)


def group_by(wall: Wall, folder: str, keys_of) -> tuple[Group, ...]:
    """Group the wall's wins by the names keys_of(win) gives, most wins first."""
    grouped: dict[str, list[Win]] = defaultdict(list)
    for win in wall.wins:
        for key in keys_of(win):
            grouped[key].append(win)
    months: dict[int, list[Month]] = defaultdict(list)
    for month in wall.months:
        months[month.start.year].append(month)
    names = sorted(grouped, key=lambda n: (-len(grouped[n]), n))
    slugs = unique_slugs(sorted(grouped))
    return tuple(Group(n, slugs[n], tuple(grouped[n]), split_years(folder, slugs[n], grouped[n], months))
                 for n in names)


def categories(wall: Wall) -> tuple[Group, ...]:
    return group_by(wall, "categories", lambda w: (w.category,))


def tags(wall: Wall) -> tuple[Group, ...]:
    """Every tag but the win markers and #cw: those get no page and are not listed."""
    return group_by(wall, "tags", lambda w: [t for t in w.tags if t.lower() not in UNLISTED_TAGS])
