"""Wall → {relative path: bytes}: every page drawn from the wall with the theme's environment."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from operator import attrgetter

from jinja2 import Environment, pass_environment
from markupsafe import Markup

from .filters import day_href, groupby_year, unlinked
from .groups import categories, tags
from .markdown import inline
from .memo import Draw, fresh
from .milestones import recent_milestone
from .model import Wall, Win
from .parallel import FORK, PARALLEL_FROM, run_all, workers
from .search import search_index
from .timeline import LEGEND, MOOD_LEGEND, Year, build_timeline, timeline_span

RECENT = 30  # the longest "of the last N days" the browser counts
PARALLEL_PAGES = 50  # fewer pages than this (a rebuild after an edit) are drawn here: workers would
# cost more than they save, and forget what wins serve keeps between rebuilds (memo.py)


def script_json(value) -> str:
    """A value as JSON safe to place inside a <script> tag."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def remember_json(wins: tuple[Win, ...]) -> str:
    """The pool "remember this" picks from in the browser."""
    return script_json([{"d": w.date.isoformat(), "t": str(unlinked(inline(w.text))), "h": day_href(w.date)}
                        for w in wins])


def recent_json(wall: Wall) -> str:
    """The build day and the days with a win since RECENT days before it: the browser counts from them."""
    since = wall.today - timedelta(days=RECENT - 1)
    dates = sorted({w.date.isoformat() for w in wall.wins if w.date >= since})
    return script_json({"built": wall.today.isoformat(), "dates": dates})


@dataclass(frozen=True)
class Page:
    """One file of the site made from the wall: where it goes, what it shows, and how to make it."""

    path: str
    inputs: tuple
    """What it shows of the wall: the same inputs, note files, theme and settings give the same bytes."""
    sources: tuple[str, ...] | None
    """The note files whose text it shows; None: all of them (it changes whenever any file does)."""
    render: Callable[[Environment], bytes]


def list_pages(wall: Wall, draw: Draw = fresh) -> list[Page]:
    """Every file made from the wall: the pages, the print pages and the search index (draw: how the
    parts of the big pages are drawn, memo.py)."""
    kinds, tag_groups = categories(wall), tags(wall)
    category_path = {g.name: g.path for g in kinds}

    @pass_environment
    def year_html(env: Environment, year: Year) -> Markup:
        """One year of the timeline page."""
        sources = tuple(n.source for m in year.months for w in m.weeks for d in w.days for n in d.notes)
        return Markup(draw(f"timeline-{year.year}", timeline_span(wall), sources, partial(
            env.get_template("timeline-year.html").render, year=year, legend=LEGEND,
            mood_legend=MOOD_LEGEND)))

    def page(path: str, template: str, inputs: tuple, sources: tuple[str, ...] | None,
             context: Callable[[], dict]) -> Page:
        def render(env: Environment) -> bytes:
            html = env.get_template(template).render(
                wall=wall, root="../" * path.count("/"), category_path=category_path, **context())
            return html.encode("utf-8")
        return Page(path, inputs, sources, render)

    today = (wall.today,)
    months = wall.months
    month_keys = tuple(m.key for m in months)
    pages = [
        page("index.html", "index.html", today, None,
             lambda: {"page": "wall", "remember_pool": remember_json(wall.highlights.remember),
                      "recent": recent_json(wall),
                      "milestone": recent_milestone(wall.milestones, wall.today)}),
        page("timeline.html", "timeline.html", today, None,
             lambda: {"page": "timeline", "years": build_timeline(wall), "legend": LEGEND,
                      "year_html": year_html}),
        page("hard-days.html", "hard-days.html", tuple(d.date for d in wall.hard_days),
             tuple(n.source for d in wall.hard_days for n in d.notes), lambda: {"page": "hard-days"}),
        page("categories.html", "kinds.html", today, None,
             lambda: {"page": "kinds", "kinds": kinds, "tag_groups": tag_groups}),
        page("stories.html", "stories.html", wall.stories, None, lambda: {"page": "stories"}),
        page("search.html", "search.html", today, None, lambda: {"page": "search"}),
        page("week.html", "week.html", (wall.today, *((w.firsts, w.comebacks) for w in wall.weeks)),
             tuple(n.source for w in wall.weeks for d in w.days for n in d.notes), lambda: {"page": "week"}),
        page("print.html", "print.html", tuple((m.key, m.wins) for m in months), (),
             lambda: {"page": "print"}),
    ]
    for year, group in groupby_year(months):
        sources = tuple(n.source for m in group for d in m.days for n in d.notes)
        pages.append(page(f"print/{year}.html", "print-year.html", (), sources,
                          lambda g=group: {"page": "print", "months": g}))
    for i, month in enumerate(months):
        around = {"previous": months[i - 1] if i else None,
                  "next": months[i + 1] if i + 1 < len(months) else None}
        sources = tuple(n.source for d in month.days for n in d.notes)
        pages.append(page(f"months/{month.key}.html", "month.html", month_keys[max(0, i - 1):i + 2],
                          sources, lambda m=month, a=around: {"page": "month", "month": m, **a}))
    for folder, groups in (("categories", kinds), ("tags", tag_groups)):
        for group in groups:
            years = tuple(y.year for y in group.years)  # the row of links every year's page shows
            for year in group.years:  # a page shows one year: an edit reaches that year's page alone
                sources = tuple(sorted(set(map(attrgetter("source"), year.wins))))
                shown = (group.name, years, year.year, tuple(bar.key for bar in year.chart.bars))
                pages.append(page(year.path, "group.html", shown, sources,
                                  lambda g=group, y=year, f=folder: {"page": "kinds", "group": g, "year": y,
                                                                     "folder": f}))
    pages.append(Page("search-index.js", today, None, lambda _env: search_index(wall, day_href, draw)))
    return pages


def render_site(wall: Wall, env: Environment, pick: Callable[[list[Page]], list[Page]] | None = None,
                jobs: int = 1, draw: Draw = fresh) -> dict[str, bytes]:
    """Render the files made from the wall (only those pick keeps, when given) as {path: bytes}.

    Many pages of a large wall are drawn by `jobs` worker processes (0: one per core), the biggest
    pages first so that no worker is left with a big one at the end; the bytes are the same either
    way. draw: how the parts of the big pages are drawn (memo.py).
    """
    pages = list_pages(wall, draw)
    pages = pick(pages) if pick else pages
    large = len(wall.days) >= PARALLEL_FROM and len(pages) >= PARALLEL_PAGES
    count = workers(jobs) if FORK and large else 1
    order = sorted(range(len(pages)), key=lambda i: size(pages[i], wall), reverse=True)
    drawn = run_all(lambda i: pages[i].render(env), order, count)
    files = {pages[i].path: data for i, data in zip(order, drawn, strict=True)}
    return {page.path: files[page.path] for page in pages}


def size(page: Page, wall: Wall) -> int:
    """How much a page shows, roughly: the note files it draws from (a page of all of them: every day)."""
    return len(wall.days) if page.sources is None else len(page.sources)
