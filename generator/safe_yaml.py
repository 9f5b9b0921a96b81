"""YAML read safely: the one loader for wall.yaml and every note's front matter."""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError

MAX_YAML_DEPTH = 50


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
