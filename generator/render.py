"""Wall → {relative path: bytes}: Jinja2 templates (theme first, then defaults) and theme assets."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, StrictUndefined

from .errors import GeneratorError
from .markdown import inline, note_html
from .model import Wall, Win
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


def make_env(theme: Path) -> Environment:
    """Templates from the theme override the defaults by file name; `!default/x` reaches the default."""
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
    )
    env.filters.update(
        inline=inline, long_date=long_date, short_date=short_date, plural=plural,
        day_href=day_href, month_name=month_name,
    )
    env.globals.update(note_html=note_html)
    return env


def long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_date(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def month_name(day: date) -> str:
    return f"{day:%B %Y}"


def plural(count: int, one: str, many: str | None = None) -> str:
    """`3 | plural("win")` → "3 wins"."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def day_href(day: date) -> str:
    """The one link form for a day: months/YYYY-MM.html#YYYY-MM-DD (relative to the site root)."""
    return f"months/{day:%Y-%m}.html#{day.isoformat()}"


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


def render_site(wall: Wall, env: Environment) -> dict[str, bytes]:
    """Render every page of the site."""
    pages: dict[str, str] = {
        "index.html": env.get_template("index.html").render(
            wall=wall, root="", page="wall", remember_pool=remember_json(wall.highlights.remember)),
        "timeline.html": env.get_template("timeline.html").render(
            wall=wall, root="", page="timeline", years=build_timeline(wall)),
        "hard-days.html": env.get_template("hard-days.html").render(
            wall=wall, root="", page="hard-days"),
    }
    month_page = env.get_template("month.html")
    months = wall.months
    for i, month in enumerate(months):
        pages[f"months/{month.key}.html"] = month_page.render(
            wall=wall, root="../", page="month", month=month,
            previous=months[i - 1] if i else None,
            next=months[i + 1] if i + 1 < len(months) else None,
        )
    return {path: text.encode("utf-8") for path, text in pages.items()}

