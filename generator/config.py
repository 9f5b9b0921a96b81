"""wall.yaml: every setting optional, every bad value reported at once."""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field, fields, replace
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .categories import BUILTIN_CATEGORIES, EVERY_WIN, OTHER
from .errors import GeneratorError
from .safe_yaml import load_yaml, yaml_error_line

CONFIG_NAME = "wall.yaml"


def _string(value: Any) -> str:
    """Read a non-empty text, trimmed."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be a non-empty text")
    return value.strip()


def _date_order(value: Any) -> str:
    """Read "mdy" or "dmy"."""
    if value not in ("mdy", "dmy"):
        raise ValueError('must be "mdy" (month first, 3/4 = March 4) or "dmy" (day first)')
    return value


def _strings(value: Any) -> tuple[str, ...]:
    """Read a list of texts (one text is a list of one)."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        raise ValueError("must be a list of texts")
    return tuple(str(v) for v in value)


def _dates(value: Any) -> tuple[date, ...]:
    """Read a list of dates like 2025-03-04 (one date is a list of one), sorted, once each."""
    if not isinstance(value, list):
        value = [value]
    out = []
    for item in value:
        if isinstance(item, str):
            try:
                item = date.fromisoformat(item.strip())
            except ValueError:
                raise ValueError(f"{item!r} is not a date like 2025-03-04") from None
        if not isinstance(item, date):
            raise ValueError(f"{item!r} is not a date like 2025-03-04")
        out.append(item)
    return tuple(sorted(set(out)))


def _categories(value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Read a map of category name to keywords, lower-cased, in the order written."""
    if not isinstance(value, dict):
        raise ValueError("must map each category name to a list of keywords")
    table = []
    for name, keywords in value.items():
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"{name!r} is not a category name")
        words = () if keywords is None else _strings(keywords)
        table.append((name.strip().lower(), tuple(w.lower() for w in words)))
    return tuple(table)


def _rewards(value: Any) -> tuple[tuple[int, str], ...]:
    """Read a map of win count to the reward promised for it (`100: "a new album"`), by count."""
    if not isinstance(value, dict):
        raise ValueError('must map each win count to a reward, like `100: "a new album"`')
    table = {}
    for key, reward in value.items():
        count = key.strip() if isinstance(key, str) else key
        if isinstance(count, str) and count.isdigit():
            count = int(count)
        if not isinstance(count, int) or isinstance(count, bool) or count < 1:
            raise ValueError(f"key {key!r} is not a win count (a whole number from 1, like 100)")
        try:
            table[count] = _string(reward)
        except ValueError:
            raise ValueError(f"{key!r}: the reward must be a non-empty text") from None
    return tuple(sorted(table.items()))


def _stories(value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Read a map of story (what a low mind says) to the categories that answer it, lower-cased; an empty
    list, or nothing after the colon, leaves a built-in story of the same words out."""
    if not isinstance(value, dict):
        raise ValueError('must map each story to its categories, like "I never go outside": [outdoors]')
    table = []
    for story, names in value.items():
        if not isinstance(story, str) or not story.strip():
            raise ValueError(f"{story!r} is not a story (write it in quotes)")
        try:
            words = () if names is None else _strings(names)
        except ValueError:
            raise ValueError(f'"{story.strip()}" must be followed by a list of categories') from None
        table.append((" ".join(story.split()), tuple(w.strip().lower() for w in words if w.strip())))
    return tuple(table)


def _setting(default: Any, check: Any) -> Any:
    """Declare one key of wall.yaml: its default and the check that reads its value."""
    return field(default=default, metadata={"check": check})


@dataclass(frozen=True)
class Config:
    """The settings of one wall; each field is one optional key of wall.yaml."""

    title: str = _setting("Evidence Wall", _string)
    """The name shown at the top of every page."""

    date_order: str = _setting("mdy", _date_order)
    """How to read numeric dates such as 3/4: "mdy" (March 4) or "dmy" (3 April)."""

    theme: str = _setting("default", _string)
    """A theme in themes/, or a folder path (relative to wall.yaml) holding your own theme."""

    output: str | None = _setting(None, _string)
    """Where the site goes, relative to wall.yaml; default: a `site` folder beside the notes."""

    support: tuple[str, ...] = _setting((), _strings)
    """Your own support lines (names, numbers, reminders) shown first on the hard-days page."""

    quiet_dates: tuple[date, ...] = _setting((), _dates)
    """Dates never shown back to you by "on this day" or "remember this"."""

    categories: tuple[tuple[str, tuple[str, ...]], ...] = _setting((), _categories)
    """Category name -> keywords; yours come first and replace built-ins of the same name."""

    exclude: tuple[str, ...] = _setting((), _strings)
    """Glob patterns (relative to the notes folder) of files to leave out."""

    rewards: tuple[tuple[int, str], ...] = _setting((), _rewards)
    """Win count -> the reward you promised yourself for reaching it; each count is a milestone too."""
    stories: tuple[tuple[str, tuple[str, ...]], ...] = _setting((), _stories)
    """Story -> the categories whose wins answer it; adds to the built-in stories, or replaces (an empty
    list: removes) the one with the same words."""

    source: str = field(default="", compare=False)
    """Where these settings were read from (not a key)."""

    def category_table(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Return the categories in the order they are tried: the user's, then the built-ins."""
        mine = dict(self.categories)
        builtins = tuple((n, k) for n, k in BUILTIN_CATEGORIES.items() if n not in mine)
        return self.categories + builtins

    def unknown_story_categories(self) -> list[str]:
        """Why a story of `stories:` cannot be told: each category it names that no win can have."""
        known = {name for name, _ in self.category_table()} | {OTHER, EVERY_WIN}
        problems = []
        for story, names in self.stories:
            unknown = [name for name in names if name not in known]
            if unknown:
                problems.append(f'"{story}" names {", ".join(map(repr, unknown))}, which is not a category '
                                f"(known: {', '.join(sorted(known))})")
        return problems


# Each key of wall.yaml and the check that reads its value, as the fields above declare them.
CHECKS = {f.name: f.metadata["check"] for f in fields(Config) if "check" in f.metadata}


def parse_config(raw: Any, source: str) -> Config:
    """Check every key of a loaded wall.yaml; raise one error listing every problem."""
    if raw is None:
        return Config(source=source)
    if not isinstance(raw, dict):
        raise GeneratorError(f"{source}: settings must be `key: value` lines, not {type(raw).__name__}")
    problems, values = [], {}
    for key, value in raw.items():
        check = CHECKS.get(key)
        if check is None:
            known = ", ".join(sorted(CHECKS))
            problems.append(f"{source}: unknown setting {key!r} (known settings: {known})")
            continue
        try:
            values[key] = check(value)
        except ValueError as error:
            problems.append(f"{source}: setting {key!r} {error}")
    config = replace(Config(source=source), **values)
    if "categories" in values or "categories" not in raw:  # stories are checked against good categories
        problems += [f"{source}: setting 'stories' {why}" for why in config.unknown_story_categories()]
    if problems:
        raise GeneratorError("\n".join(problems))
    return config


def load_config(path: Path | None, notes: Path) -> Config:
    """Read wall.yaml (the given file, or the one in the notes folder); absent means defaults."""
    explicit = path is not None
    path = path or notes / CONFIG_NAME
    if not path.is_file():
        if explicit:
            raise GeneratorError(f"{path}: no such config file")
        return Config()
    try:
        raw = load_yaml(read_settings(path))
    except yaml.YAMLError as error:
        line = yaml_error_line(error)
        where = f"{path.name}:{line + 1}" if line is not None else path.name
        why = getattr(error, "problem", None) or error
        raise GeneratorError(f"{where}: could not read the settings: {why}") from None
    except OSError as error:
        raise GeneratorError(f"{path.name}: could not read the settings: {error}") from None
    return parse_config(raw, path.name)


def read_settings(path: Path) -> str:
    """Return wall.yaml's text (a BOM dropped); text that is not UTF-8 is an error naming its line."""
    data = path.read_bytes().removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        why = "it is not UTF-8 text (save it as UTF-8)"
        raise GeneratorError(f"{path.name}:{line}: could not read the settings: {why}") from None
