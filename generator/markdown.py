"""Markdown → safe HTML, fast: raw HTML off, safe link schemes only, no image fetched from anywhere.

markdown-it-pyrs (the markdown-it parser, compiled) renders with source positions; one pass over
the tags then marks the blocks that hold wins, shifts headings, labels task boxes, shows images as
their description, and drops the positions.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape

from markdown_it_pyrs import MarkdownIt
from markupsafe import Markup

RULES = [
    "blockquote", "code", "fence", "heading", "hr", "lheading", "list", "paragraph", "reference",
    "autolink", "backticks", "emphasis", "entity", "escape", "link", "image", "newline",
    "strikethrough", "table", "tasklist",
]
BLOCKS = MarkdownIt("zero").enable_many([*RULES, "sourcepos"])
INLINE = MarkdownIt("zero").enable_many(RULES)

# A task's box as a picture with words, not a disabled form control without a label.
TICKED = '<span class="box ticked" role="img" aria-label="done"></span>'
UNTICKED = '<span class="box" role="img" aria-label="not done"></span>'

TAG = re.compile(
    r'<(?P<close>/?)(?P<name>li|p|h[1-6]|a|img|input)\b(?P<attrs>[^>]*?)(?: data-sourcepos="'
    r'(?P<first>\d+):\d+-(?P<last>\d+):(?P<end>\d+)")?(?P<rest>[^>]*)>'
)
POSITION = re.compile(r' data-sourcepos="[^"]*"')
ALT = re.compile(r'alt="([^"]*)"')
ONE_PARAGRAPH = re.compile(r"\A<p>(.*)</p>\n\Z", re.S)


@lru_cache(maxsize=1 << 17)
def inline(text: str) -> Markup:
    """Render one line of inline markdown (a win's text); anything block-like stays plain text."""
    found = ONE_PARAGRAPH.match(INLINE.render(text))
    html = found[1] if found else escape(text)
    return Markup(html.replace("<a href=", '<a rel="noopener noreferrer" href='))


def note_html(body: str, win_lines: frozenset[int], top: int = 3) -> Markup:
    """Render a note's body, marking the blocks that hold wins; its biggest heading becomes <h{top}>."""
    html = BLOCKS.render(body)
    levels = [int(level) for level in re.findall(r"<h([1-6])\b", html)]
    shift = top - min(levels, default=top)
    depth = 0

    def rewrite(m: re.Match) -> str:
        nonlocal depth
        name, close = m["name"], m["close"]
        if name == "li":
            depth += -1 if close else 1
        if close:
            return f"</h{min(6, int(name[1]) + shift)}>" if name[0] == "h" else m[0]
        attrs = POSITION.sub("", m["attrs"] + m["rest"])
        if name[0] == "h" and name != "li":
            return f"<h{min(6, int(name[1]) + shift)}{attrs}>"
        if name == "input":
            return TICKED if "checked" in attrs else UNTICKED
        if name == "img":
            alt = ALT.search(attrs)
            return f'<span class="image-alt">[{alt[1] if alt and alt[1] else "image"}]</span>'
        if name == "a":
            return f'<a rel="noopener noreferrer"{attrs}>'
        last = int(m["last"] or 0) - (2 if m["end"] == "0" else 1)  # "9:0" ends before line 9
        if m["first"] and holds_win(name, int(m["first"]) - 1, last, depth, win_lines):
            attrs = _add_class(attrs, "win")
        return f"<{name}{attrs}>"

    return Markup(POSITION.sub("", TAG.sub(rewrite, html)))


def holds_win(name: str, first: int, last: int, depth: int, win_lines: frozenset[int]) -> bool:
    """A list item holds a win when its first line is one; a paragraph outside lists, any line."""
    if name == "li":
        return first in win_lines
    return depth == 0 and any(line in win_lines for line in range(first, last + 1))


def _add_class(attrs: str, name: str) -> str:
    if 'class="' in attrs:
        return attrs.replace('class="', f'class="{name} ', 1)
    return f' class="{name}"{attrs}'
