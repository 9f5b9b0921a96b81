"""Wall → {relative path: bytes}: Jinja2 templates (theme first, then defaults) and theme assets."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
)
from markupsafe import Markup

from .cache import cache_dir, digest
from .errors import GeneratorError
from .kinds import categories, tags
from .markdown import inline, note_html
from .model import Month, Wall, Win
from .search import search_index
from .timeline import build_timeline

PACKAGE = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """Return templates/ or themes/: inside an installed wheel, else at the repository's top."""
    inside = PACKAGE / name
    return inside if inside.is_dir() else PACKAGE.parent / name


def find_theme(name: str, config_dir: Path | None = None) -> Path:
    """Return a theme folder: a name in themes/, or a folder path relative to wall.yaml."""
    builtin = resource_dir("themes") / name
    if builtin.is_dir():
        return builtin
    own = (config_dir or Path.cwd()) / name
    if own.is_dir():
        return own
    known = ", ".join(sorted(p.name for p in resource_dir("themes").iterdir() if p.is_dir()))
    raise GeneratorError(f"theme {name!r} not found (built-in themes: {known}, or a folder path)")


@lru_cache(maxsize=8)
def make_env(theme: Path) -> Environment:
    """Templates from the theme override the defaults by file name; `!default/x` reaches the default.

    One environment per theme and process: templates are compiled once (and again only when a
    template file changes), and their compiled form is kept in the user's cache folder.
    """
    defaults = FileSystemLoader(resource_dir("templates"))
    env = Environment(
        loader=ChoiceLoader([
            FileSystemLoader(theme / "templates"), defaults, PrefixLoader({"!default": defaults}),
        ]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=template_cache(),
    )
    env.filters.update(
        inline=inline, long_date=long_date, short_date=short_date, plural=plural,
        day_href=day_href, month_name=month_name, win_line=win_line, groupby_month=groupby_month,
        groupby_year=groupby_year,
    )
    env.globals.update(note_html=note_html)
    return env


def template_cache() -> FileSystemBytecodeCache | None:
    """Compiled templates kept in the user's cache folder; none when that folder cannot be made."""
    folder = cache_dir() / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))


@lru_cache(maxsize=1 << 16)
def long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


@lru_cache(maxsize=1 << 16)
def short_date(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def month_name(day: date) -> str:
    return f"{day:%B %Y}"


def plural(count: int, one: str, many: str | None = None) -> str:
    """`3 | plural("win")` → "3 wins"."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


@lru_cache(maxsize=1 << 17)
def win_line(win: Win, root: str) -> Markup:
    """One win on a line: its words, its feeling, and a link to its day (made once per page depth)."""
    feeling = f' <span class="feeling">{inline(win.feeling)}</span>' if win.feeling else ""
    return Markup(f'<span class="win-text">{inline(win.text)}</span>{feeling} '
                  f'<a class="when" href="{root}{day_href(win.date)}">{short_date(win.date)}</a>')


@lru_cache(maxsize=1 << 16)
def day_href(day: date) -> str:
    """The one link form for a day: months/YYYY-MM.html#YYYY-MM-DD (relative to the site root)."""
    iso = day.isoformat()
    return f"months/{iso[:7]}.html#{iso}"


def groupby_month(wins) -> list[tuple[str, list[Win]]]:
    """Split wins (already in order) into runs of the same month: [("2025-03", [...]), ...]."""
    runs: list[tuple[str, list[Win]]] = []
    for win in wins:
        key = win.date.isoformat()[:7]
        if not runs or runs[-1][0] != key:
            runs.append((key, []))
        runs[-1][1].append(win)
    return runs


def groupby_year(months) -> list[tuple[int, list[Month]]]:
    """Split months (in order) by year: [(2025, [...]), ...]."""
    runs: list[tuple[int, list[Month]]] = []
    for month in months:
        if not runs or runs[-1][0] != month.start.year:
            runs.append((month.start.year, []))
        runs[-1][1].append(month)
    return runs


def remember_json(wins: tuple[Win, ...]) -> str:
    """The pool "remember this" re-rolls from, as JSON safe to place inside a <script> tag."""
    pool = [{"d": w.date.isoformat(), "t": str(inline(w.text)), "h": day_href(w.date)} for w in wins]
    text = json.dumps(pool, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def theme_assets(theme: Path) -> Iterator[tuple[str, bytes]]:
    """Yield the theme's static files (everything except its templates), default theme first."""
    default = resource_dir("themes") / "default"
    for folder in dict.fromkeys((default, theme)):
        for path in sorted(folder.rglob("*")):
            rel = path.relative_to(folder).as_posix()
            if path.is_file() and not rel.startswith("templates/"):
                yield rel, path.read_bytes()


@dataclass(frozen=True)
class Page:
    """One file of the site made from the wall: where it goes, what it shows, and how to make it."""

    path: str
    inputs: tuple
    """What it shows of the wall: the same inputs, note files, theme and settings give the same bytes."""
    sources: tuple[str, ...] | None
    """The note files whose text it shows; None: all of them (it changes whenever any file does)."""
    render: Callable[[Environment], str]


def list_pages(wall: Wall) -> list[Page]:
    """Every file made from the wall: the pages, the print pages and the search index."""
    kinds, tag_groups = categories(wall), tags(wall)
    category_slug = {g.name: g.slug for g in kinds}

    def page(path: str, template: str, inputs: tuple, sources: tuple[str, ...] | None,
             context: Callable[[], dict]) -> Page:
        def render(env: Environment) -> str:
            return env.get_template(template).render(
                wall=wall, root="../" * path.count("/"), category_slug=category_slug, **context())
        return Page(path, inputs, sources, render)

    today = (wall.today,)
    months = wall.months
    month_keys = tuple(m.key for m in months)
    pages = [
        page("index.html", "index.html", today, None,
             lambda: {"page": "wall", "remember_pool": remember_json(wall.highlights.remember)}),
        page("timeline.html", "timeline.html", today, None,
             lambda: {"page": "timeline", "years": build_timeline(wall, day_href, long_date)}),
        page("hard-days.html", "hard-days.html", today, None, lambda: {"page": "hard-days"}),
        page("categories.html", "kinds.html", today, None,
             lambda: {"page": "kinds", "kinds": kinds, "tag_groups": tag_groups}),
        page("search.html", "search.html", today, None, lambda: {"page": "search"}),
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
            sources = tuple(sorted({w.source for w in group.wins}))
            pages.append(page(f"{folder}/{group.slug}.html", "group.html", (group.name, month_keys), sources,
                              lambda g=group, f=folder: {"page": "kinds", "group": g, "folder": f}))
    pages.append(Page("search-index.js", today, None, lambda _env: search_index(wall, day_href)))
    return pages


def render_site(wall: Wall, env: Environment,
                pick: Callable[[list[Page]], list[Page]] | None = None) -> dict[str, bytes]:
    """Render the files made from the wall (only those pick keeps, when given) as {path: bytes}."""
    pages = list_pages(wall)
    return {page.path: page.render(env).encode("utf-8") for page in (pick(pages) if pick else pages)}


def templates_key(theme: Path) -> str:
    """A digest of every template and theme file: a new look re-renders every page."""
    folders = (resource_dir("templates"), resource_dir("themes") / "default", theme)
    return digest(*(
        (path.as_posix(), path.read_bytes()) for folder in dict.fromkeys(folders)
        for path in sorted(folder.rglob("*")) if path.is_file()
    ))
