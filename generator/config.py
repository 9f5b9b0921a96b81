"""wall.yaml: every setting optional, every bad value reported at once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError

from .errors import GeneratorError

CONFIG_NAME = "wall.yaml"
MAX_YAML_DEPTH = 50

BUILTIN_CATEGORIES: dict[str, tuple[str, ...]] = {
    "self-care": (
        "selfcare", "shower", "showered", "bath", "teeth", "brushed", "skincare", "meds",
        "medication", "ate", "eat", "meal", "breakfast", "lunch", "dinner", "cooked", "water",
        "haircut", "dressed", "hygiene",
    ),
    "connection": (
        "connection", "friend", "friends", "texted", "text", "called", "call", "phoned", "coffee",
        "mum", "mom", "dad", "sister", "brother", "family", "visited", "hug", "chat", "message",
        "replied", "date",
    ),
    "home": (
        "home", "laundry", "dishes", "tidied", "tidy", "cleaned", "clean", "vacuum", "hoover",
        "bins", "groceries", "shopping", "bed", "plants", "watered", "cooking", "chores", "fixed",
    ),
    "movement": (
        "movement", "exercise", "walk", "walked", "run", "ran", "swim", "swam", "yoga",
        "stretch", "stretched", "gym", "bike", "cycled", "dance", "danced", "steps", "workout",
    ),
    "rest": ("rest", "nap", "napped", "sleep", "slept", "early night", "lie-in", "relaxed", "break"),
    "work & study": (
        "work", "study", "email", "emails", "meeting", "shift", "job", "class", "course",
        "homework", "studied", "deadline", "report", "applied", "application", "invoice",
    ),
    "boundaries": (
        "boundaries", "boundary", "said no", "asked for help", "cancelled", "canceled",
        "declined", "logged off", "unfollowed", "stood up for",
    ),
    "therapy & health": (
        "therapy", "health", "therapist", "counsellor", "counselor", "doctor", "gp", "dentist",
        "pharmacy", "prescription", "appointment", "journaled", "breathing", "meditated",
        "meditation", "mindfulness",
    ),
    "creativity": (
        "creativity", "creative", "drew", "draw", "drawing", "sketch", "sketched", "painted",
        "paint", "wrote", "writing", "poem", "guitar", "piano", "music", "knit", "knitted",
        "craft", "photo", "baked",
    ),
    "outdoors": (
        "outdoors", "outside", "park", "garden", "sun", "sunshine", "fresh air", "beach",
        "forest", "woods", "hike", "nature", "river", "sea",
    ),
}


class Careful:
    """Every value that cannot be read becomes a YAMLError with its place, never a crash."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except yaml.YAMLError:
            raise
        except Exception:  # PyYAML's constructors trip on values like `!!int abc`, `!!bool maybe`, `!!int`
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise ConstructorError(None, None, f"cannot read this value as {tag}", node.start_mark) from None


class SafeLoader(Careful, yaml.SafeLoader):
    """PyYAML's safe loader for hostile text: no aliases, no deep nesting, every failure a YAMLError.

    A few lines of aliases (`*name`) can expand into gigabytes, and deep nesting exhausts the stack.
    """

    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise ComposerError(None, None, "aliases (*name) are not allowed", event.start_mark)
        if self.depth >= MAX_YAML_DEPTH:
            raise ComposerError(None, None, f"nested more than {MAX_YAML_DEPTH} deep", event.start_mark)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class FastLoader(Careful, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """libyaml's loader, ten times faster, for text that cannot hold an alias, a tag or deep nesting."""


PLAIN = re.compile(r"[&*!]|^ {16}|(?:[\[{][^\]}\n]*){8}", re.M)


def load_yaml(text: str) -> Any:
    """Load YAML safely: the fast loader for plain text, the careful one for anything else.

    When the fast loader finds a mistake, the careful one reads the text again to say what and where.
    """
    if not PLAIN.search(text):
        try:
            return yaml.load(text, Loader=FastLoader)
        except yaml.YAMLError:
            pass
    return yaml.load(text, Loader=SafeLoader)


def _timestamp(loader: Careful, node: yaml.ScalarNode) -> Any:
    """An impossible date (`date: 2025-02-30`) stays text, for the caller to name, instead of raising."""
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


for _loader in (SafeLoader, FastLoader):
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def yaml_error_line(error: yaml.YAMLError) -> int | None:
    """Return the line (from 0) a YAML error is about: where an unclosed `[`, `{` or quote began."""
    context = getattr(error, "context", None) or ""
    mark = getattr(error, "context_mark", None)
    if not mark or "block" in context:  # a block context is the whole text: no help
        mark = getattr(error, "problem_mark", None)
    return mark.line if mark else None


@dataclass(frozen=True)
class Config:
    """The settings of one wall; each field is one optional key of wall.yaml."""

    title: str = "Evidence Wall"
    """The name shown at the top of every page."""

    date_order: str = "mdy"
    """How to read numeric dates such as 3/4: "mdy" (March 4) or "dmy" (3 April)."""

    theme: str = "default"
    """A theme in themes/, or a folder path (relative to wall.yaml) holding your own theme."""

    output: str | None = None
    """Where the site goes, relative to wall.yaml; default: a `site` folder beside the notes."""

    support: tuple[str, ...] = ()
    """Your own support lines (names, numbers, reminders) shown at the end of the hard-days page."""

    quiet_dates: tuple[date, ...] = ()
    """Dates never shown back to you by "on this day" or "remember this"."""

    categories: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Category name -> keywords; yours come first and replace built-ins of the same name."""

    exclude: tuple[str, ...] = ()
    """Glob patterns (relative to the notes folder) of files to leave out."""

    source: str = field(default="", compare=False)
    """Where these settings were read from (not a key)."""

    def category_table(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Return the categories in the order they are tried: the user's, then the built-ins."""
        mine = dict(self.categories)
        builtins = tuple((n, k) for n, k in BUILTIN_CATEGORIES.items() if n not in mine)
        return self.categories + builtins


def _string(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be a non-empty text")
    return value.strip()


def _date_order(value: Any) -> str:
    if value not in ("mdy", "dmy"):
        raise ValueError('must be "mdy" (month first, 3/4 = March 4) or "dmy" (day first)')
    return value


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        raise ValueError("must be a list of texts")
    return tuple(str(v) for v in value)


def _dates(value: Any) -> tuple[date, ...]:
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
    if not isinstance(value, dict):
        raise ValueError("must map each category name to a list of keywords")
    table = []
    for name, keywords in value.items():
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"{name!r} is not a category name")
        words = () if keywords is None else _strings(keywords)
        table.append((name.strip().lower(), tuple(w.lower() for w in words)))
    return tuple(table)


CHECKS = {
    "title": _string,
    "date_order": _date_order,
    "theme": _string,
    "output": _string,
    "support": _strings,
    "quiet_dates": _dates,
    "categories": _categories,
    "exclude": _strings,
}
assert set(CHECKS) == {f.name for f in fields(Config)} - {"source"}


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
    if problems:
        raise GeneratorError("\n".join(problems))
    return replace(Config(source=source), **values)


def load_config(path: Path | None, notes: Path) -> Config:
    """Read wall.yaml (the given file, or the one in the notes folder); absent means defaults."""
    explicit = path is not None
    path = path or notes / CONFIG_NAME
    if not path.is_file():
        if explicit:
            raise GeneratorError(f"{path}: no such config file")
        return Config()
    try:
        raw = load_yaml(path.read_text(encoding="utf-8-sig"))
    except yaml.YAMLError as error:
        line = yaml_error_line(error)
        where = f"{path.name}:{line + 1}" if line is not None else path.name
        why = getattr(error, "problem", None) or error
        raise GeneratorError(f"{where}: could not read the settings: {why}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise GeneratorError(f"{path.name}: could not read the settings: {error}") from None
    return parse_config(raw, path.name)
