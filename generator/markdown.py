"""Markdown → safe HTML, fast: raw HTML off, safe link schemes only, no image fetched from anywhere.

The parser (markdown_engines.py: markdown-it-pyrs when installed, markdown-it-py for the texts where
the two may differ and when it is not) writes source positions on the block tags; one pass over the tags
then marks the blocks that hold wins, shifts headings, labels task boxes, shows images as their
description, and drops the positions.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape

from markupsafe import Markup

from .markdown_engines import ENGINE, ENGINES, PAIRS, pyrs_may_differ

BLOCKS, INLINE = PAIRS[ENGINE]
PURE_BLOCKS, PURE_INLINE = PAIRS["py"]

# A task's box as a picture with words, not a disabled form control without a label.
TICKED = '<span class="box ticked" role="img" aria-label="done"></span>'
UNTICKED = '<span class="box" role="img" aria-label="not done"></span>'

# The tags rewrite() changes; </p> and </a> stay as they are, so they are not even matched.
TAG = re.compile(r"<(?!/[pa]>)(?P<close>/?)(?P<name>li|p|h[1-6]|a|img|input)\b(?P<attrs>[^>]*)>")
HEADING_LEVEL = re.compile(r"<h([1-6])\b")
POSITION = re.compile(r' data-sourcepos="(?P<first>\d+):\d+-(?P<last>\d+):(?P<end>\d+)"')
ALT = re.compile(r'alt="([^"]*)"')
IMG = re.compile(r"<img\b[^>]*>")
ONE_PARAGRAPH = re.compile(r"\A<p>(.*)</p>\n\Z", re.S)


def render(parser, pure, text: str) -> str:
    """Render text with parser, or with pure (markdown-it-py) where the two may differ; never fail.

    Both parsers see a last line that ends (markdown-it-py leaves the newline out of a fence left open
    at the very end, markdown-it-pyrs keeps it). Should a parser still fail on some odd input, the
    other one, then plain paragraphs, render it: the build goes on.
    """
    if text and not text.endswith("\n"):
        text += "\n"
    if parser is not pure and pyrs_may_differ(text):
        parser = pure
    for attempt in (parser, pure):
        try:
            return attempt.render(text)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException:  # noqa: BLE001 - a Rust panic arrives as a BaseException
            continue
    return "".join(f"<p>{escape(block)}</p>\n" for block in text.split("\n\n") if block.strip())


def engine_line() -> str:
    """Which parser renders (for `wins build -v`)."""
    if BLOCKS is not PURE_BLOCKS:
        return "markdown-it-pyrs, and markdown-it-py for any text the two may render differently"
    why = "WINS_MARKDOWN=py" if "pyrs" in ENGINES else "markdown-it-pyrs is not installed"
    return f"markdown-it-py ({why})"


@lru_cache(maxsize=1 << 17)
def inline(text: str) -> Markup:
    """Render one line of inline markdown (a win's text); anything block-like stays plain text."""
    found = ONE_PARAGRAPH.match(render(INLINE, PURE_INLINE, text))
    html = IMG.sub(image_alt, found[1]) if found else escape(text)
    return Markup(html.replace("<a href=", '<a rel="noopener noreferrer" href='))


def image_alt(img: re.Match) -> str:
    """An image as its description in brackets: nothing is ever fetched for it."""
    alt = ALT.search(img[0])
    return f'<span class="image-alt">[{alt[1] if alt and alt[1] else "image"}]</span>'


def note_html(body: str, win_lines: frozenset[int], top: int = 3) -> Markup:
    """Render a note's body, marking the blocks that hold wins; its biggest heading becomes <h{top}>."""
    html = render(BLOCKS, PURE_BLOCKS, body)
    levels = [int(level) for level in HEADING_LEVEL.findall(html)]
    shift = top - min(levels, default=top)
    depth = 0

    def rewrite(m: re.Match) -> str:
        nonlocal depth
        name, close = m["name"], m["close"]
        if name == "li":
            depth += -1 if close else 1
        if close:
            return f"</h{min(6, int(name[1]) + shift)}>" if name[0] == "h" else m[0]
        where = POSITION.search(m["attrs"])
        attrs = POSITION.sub("", m["attrs"])
        if name[0] == "h" and name != "li":
            return f"<h{min(6, int(name[1]) + shift)}{attrs}>"
        if name == "input":
            return TICKED if "checked" in attrs else UNTICKED
        if name == "img":
            return image_alt(m)
        if name == "a":
            return f'<a rel="noopener noreferrer"{attrs}>'
        if where and holds_win(name, int(where["first"]) - 1, last_line(where), depth, win_lines):
            attrs = _add_class(attrs, "win")
        return f"<{name}{attrs}>"

    return Markup(POSITION.sub("", TAG.sub(rewrite, html)))


def last_line(where: re.Match) -> int:
    """The last 0-based line a block covers ("9:0" ends before line 9)."""
    return int(where["last"]) - (2 if where["end"] == "0" else 1)


def holds_win(name: str, first: int, last: int, depth: int, win_lines: frozenset[int]) -> bool:
    """A list item holds a win when its first line is one; a paragraph outside lists, any line."""
    if name == "li":
        return first in win_lines
    return depth == 0 and any(line in win_lines for line in range(first, last + 1))


def _add_class(attrs: str, name: str) -> str:
    if 'class="' in attrs:
        return attrs.replace('class="', f'class="{name} ', 1)
    return f' class="{name}"{attrs}'
