"""Wall → {relative path: bytes}: every page drawn from the wall with the theme's environment."""

from __future__ import annotations

import json

from jinja2 import Environment

from .cache import digest
from .filters import day_href, groupby_year
from .groups import categories, tags
from .markdown import inline
from .model import Wall, Win
from .search import search_index
from .timeline import build_timeline


def remember_json(wins: tuple[Win, ...]) -> str:
    """The pool "remember this" re-rolls from, as JSON safe to place inside a <script> tag."""
    pool = [{"d": w.date.isoformat(), "t": str(inline(w.text)), "h": day_href(w.date)} for w in wins]
    text = json.dumps(pool, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class Unchanged:
    """Which pages need no rendering: their inputs' digest is the one the last build wrote."""

    def __init__(self, versions: dict[str, str], known: dict[str, str], base: str):
        self.versions, self.known, self.base = versions, known, base
        self.digests: dict[str, str] = {}

    def note_key(self, source: str) -> str:
        return self.versions.get(source, "")

    def check(self, path: str, *inputs: object) -> bool:
        """Record the page's digest; True when the page on disk already shows these inputs."""
        self.digests[path] = key = digest(self.base, *inputs)
        return self.known.get(path) == key


def render_site(wall: Wall, env: Environment, unchanged: Unchanged | None = None) -> dict[str, bytes]:
    """Render every page of the site (but those unchanged since the last build), and the index."""
    unchanged = unchanged or Unchanged({}, {}, "")
    kinds, tag_groups = categories(wall), tags(wall)
    category_slug = {g.name: g.slug for g in kinds}
    everything = digest(wall.today, sorted(unchanged.versions.items()))
    pages: dict[str, str] = {}

    def page(path: str, template: str, fresh: bool, context) -> None:
        if not fresh:
            root = "../" * path.count("/")
            pages[path] = env.get_template(template).render(
                wall=wall, root=root, category_slug=category_slug, **context())

    for path, template, context in (
        ("index.html", "index.html",
         lambda: {"page": "wall", "remember_pool": remember_json(wall.highlights.remember)}),
        ("timeline.html", "timeline.html",
         lambda: {"page": "timeline", "years": build_timeline(wall)}),
        ("hard-days.html", "hard-days.html", lambda: {"page": "hard-days"}),
        ("categories.html", "kinds.html",
         lambda: {"page": "kinds", "kinds": kinds, "tag_groups": tag_groups}),
        ("search.html", "search.html", lambda: {"page": "search"}),
    ):
        page(path, template, unchanged.check(path, everything), context)
    months = wall.months
    month_keys = [m.key for m in months]
    page("print.html", "print.html", unchanged.check("print.html", [(m.key, m.wins) for m in months]),
         lambda: {"page": "print"})
    for year, group in groupby_year(months):
        sources = [(n.source, unchanged.note_key(n.source)) for m in group for d in m.days for n in d.notes]
        page(f"print/{year}.html", "print-year.html", unchanged.check(f"print/{year}.html", sources),
             lambda g=group: {"page": "print", "months": g})
    for i, month in enumerate(months):
        path = f"months/{month.key}.html"
        around = {"previous": months[i - 1] if i else None,
                  "next": months[i + 1] if i + 1 < len(months) else None}
        sources = [(n.source, unchanged.note_key(n.source)) for d in month.days for n in d.notes]
        fresh = unchanged.check(path, month_keys[max(0, i - 1):i + 2], sources)
        page(path, "month.html", fresh, lambda m=month, a=around: {"page": "month", "month": m, **a})
    for folder, groups in (("categories", kinds), ("tags", tag_groups)):
        for group in groups:
            path = f"{folder}/{group.slug}.html"
            sources = sorted({w.source for w in group.wins})
            versions = [(source, unchanged.note_key(source)) for source in sources]
            fresh = unchanged.check(path, group.name, month_keys, versions)
            page(path, "group.html", fresh,
                 lambda g=group, f=folder: {"page": "kinds", "group": g, "folder": f})
    files = {path: text.encode("utf-8") for path, text in pages.items()}
    if not unchanged.check("search-index.js", everything):
        files["search-index.js"] = search_index(wall, day_href).encode("utf-8")
    return files

