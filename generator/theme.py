"""The look: theme folders, the Jinja2 environment that draws pages with them, and their files."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import cache_dir, digest
from .errors import GeneratorError

if TYPE_CHECKING:
    from jinja2 import Environment, FileSystemBytecodeCache

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
    template file changes), and their compiled form is kept in the user's cache folder. Jinja2 and
    the filters are imported here, not above: a build that stops early never needs them.
    """
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, StrictUndefined

    from .filters import (
        contact_links,
        day_href,
        groupby_month,
        groupby_year,
        long_date,
        month_name,
        noun,
        ordinal,
        plural_decimal,
        short_date,
        unlinked,
        week_span,
    )
    from .markdown import inline, note_html
    from .words import plural

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
        inline=inline, plural=plural, noun=noun, ordinal=ordinal, long_date=long_date,
        short_date=short_date, month_name=month_name, day_href=day_href, groupby_month=groupby_month,
        groupby_year=groupby_year, contact_links=contact_links, unlinked=unlinked,
        plural_decimal=plural_decimal, week_span=week_span,
    )
    env.globals.update(note_html=note_html)
    return env


def template_cache() -> FileSystemBytecodeCache | None:
    """Compiled templates kept in the user's cache folder; none when that folder cannot be made."""
    from jinja2 import FileSystemBytecodeCache

    folder = cache_dir() / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))


def theme_assets(theme: Path) -> Iterator[tuple[str, bytes]]:
    """Yield the theme's static files (everything except its templates), default theme first."""
    default = resource_dir("themes") / "default"
    for folder in dict.fromkeys((default, theme)):
        for path in sorted(folder.rglob("*")):
            rel = path.relative_to(folder).as_posix()
            if path.is_file() and not rel.startswith("templates/"):
                yield rel, path.read_bytes()


def templates_key(theme: Path) -> str:
    """A digest of every template and theme file: a new look re-renders every page."""
    folders = (resource_dir("templates"), resource_dir("themes") / "default", theme)
    return digest(*(
        (path.as_posix(), path.read_bytes()) for folder in dict.fromkeys(folders)
        for path in sorted(folder.rglob("*")) if path.is_file()
    ))
