"""Markdown → safe HTML, fast: raw HTML off, safe link schemes only, no image fetched from anywhere.

markdown-it-py renders, with source positions added on the block tags from each token's lines;
markdown-it-pyrs (the same parser, compiled: `pip install 'evidence-wall[fast]'`) renders instead
with `WINS_MARKDOWN=pyrs`; it gives the same HTML for every example note, not yet for every odd
input (tests/test_markdown_engines.py). One pass over the tags then marks the blocks that hold wins, shifts
headings, labels task boxes, shows images as their description, and drops the positions.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from html import escape

from markdown_it import MarkdownIt
from markupsafe import Markup

try:
    import markdown_it_pyrs
except ImportError:  # no wheels for every Python: the pure-Python parser does the same work
    markdown_it_pyrs = None

RULES = [
    "blockquote", "code", "fence", "heading", "hr", "lheading", "list", "paragraph", "reference",
    "autolink", "backticks", "emphasis", "entity", "escape", "link", "image", "newline",
    "strikethrough", "table", "tasklist",
]


def add_sourcepos(state) -> None:
    """Write each opening block tag's lines as markdown-it-pyrs does ("first:1-last:1", 1-based).

    Only the lines are used (note_html drops the attribute), so the columns are always 1.
    """
    for token in state.tokens:
        if token.map and token.nesting == 1:
            token.attrSet("data-sourcepos", f"{token.map[0] + 1}:1-{token.map[1]}:1")


TASK = re.compile(r"\[([ xX])\](?=[ \t])")
BOX = '<input class="task-list-item-checkbox" type="checkbox"{} />'


def tasklists(state) -> None:
    """Task list items, marked up as markdown-it-pyrs does: the box right after <li>, outside any <p>."""
    tokens, lists = state.tokens, []
    for i, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            lists.append(token)
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif (token.type == "inline" and i >= 2 and tokens[i - 1].type == "paragraph_open"
              and tokens[i - 2].type == "list_item_open" and token.children
              and token.children[0].type == "text" and (box := TASK.match(token.children[0].content))):
            token.children[0].content = token.children[0].content[box.end():]
            tokens[i - 2].attrJoin("class", "task-list-item")
            tokens[i - 2].meta["box"] = BOX.format(' checked=""' if box[1] != " " else "")
            if lists[-1].attrGet("class") is None:  # first, before start="2"
                lists[-1].attrs = {"class": "contains-task-list", **lists[-1].attrs}


def list_item_open(self, tokens, idx, options, env) -> str:
    html = self.renderToken(tokens, idx, options, env)
    box = tokens[idx].meta.get("box", "")
    return html[:-1] + box + "\n" if html.endswith("\n") else html + box


def blockquote_open(self, tokens, idx, options, env) -> str:
    """An empty quote keeps its line break before </blockquote>, as markdown-it-pyrs writes it."""
    html = self.renderToken(tokens, idx, options, env)
    empty = idx + 1 < len(tokens) and tokens[idx + 1].type == "blockquote_close"
    return html + "\n" if empty and not html.endswith("\n") else html


def py_parser(sourcepos: bool) -> MarkdownIt:
    parser = MarkdownIt("zero", {"xhtmlOut": True}).enable([r for r in RULES if r != "tasklist"])
    parser.core.ruler.push("tasklist", tasklists)
    parser.add_render_rule("list_item_open", list_item_open)
    parser.add_render_rule("blockquote_open", blockquote_open)
    if sourcepos:
        parser.core.ruler.push("sourcepos", add_sourcepos)
    return parser


def pyrs_parser(sourcepos: bool):
    return markdown_it_pyrs.MarkdownIt("zero").enable_many([*RULES, *(["sourcepos"] if sourcepos else [])])


PARSERS = {"py": py_parser}
if markdown_it_pyrs is not None:
    PARSERS["pyrs"] = pyrs_parser
ENGINES = tuple(PARSERS)
# markdown-it-py unless asked: the two still differ on rare input (tests/test_markdown_engines.py).
ENGINE = os.environ.get("WINS_MARKDOWN") or "py"
if ENGINE not in PARSERS:
    raise ImportError(f"WINS_MARKDOWN={ENGINE!r}: choose one of {', '.join(ENGINES)}")
PAIRS = {name: (make(True), make(False)) for name, make in PARSERS.items()}
BLOCKS, INLINE = PAIRS[ENGINE]

# A task's box as a picture with words, not a disabled form control without a label.
TICKED = '<span class="box ticked" role="img" aria-label="done"></span>'
UNTICKED = '<span class="box" role="img" aria-label="not done"></span>'

TAG = re.compile(r"<(?P<close>/?)(?P<name>li|p|h[1-6]|a|img|input)\b(?P<attrs>[^>]*)>")
POSITION = re.compile(r' data-sourcepos="(?P<first>\d+):\d+-(?P<last>\d+):(?P<end>\d+)"')
ALT = re.compile(r'alt="([^"]*)"')
IMG = re.compile(r"<img\b[^>]*>")
ONE_PARAGRAPH = re.compile(r"\A<p>(.*)</p>\n\Z", re.S)


BACKTICKS = re.compile(r"(?<!\\)`+")
FENCE = re.compile(r"^ {0,3}(```|~~~)")
BLOCK_START = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)]|#{1,6})(?:\s|$)")


def calm_backticks(text: str) -> str:
    """Escape backtick runs that open no code span: they show the same, and the parser needs it.

    markdown-it-pyrs 0.4 panics on an unmatched backtick after a `[` ("[draft `v2"); an unmatched
    run is literal text in CommonMark anyway, so escaping it changes nothing a reader sees.
    """
    if "`" not in text or "[" not in text:
        return text
    lines, chunk, fenced = [], [], False
    for line in text.split("\n"):
        if FENCE.match(line):
            fenced = not fenced
        if fenced or FENCE.match(line) or not line.strip() or BLOCK_START.match(line):
            lines.extend(_escape_unmatched("\n".join(chunk)).split("\n") if chunk else [])
            chunk = []
            if fenced or FENCE.match(line) or not line.strip():
                lines.append(line)
                continue
        chunk.append(line)
    lines.extend(_escape_unmatched("\n".join(chunk)).split("\n") if chunk else [])
    return "\n".join(lines)


def _escape_unmatched(chunk: str) -> str:
    runs = list(BACKTICKS.finditer(chunk))
    lone, i = [], 0
    while i < len(runs):
        close = next((j for j in range(i + 1, len(runs)) if len(runs[j][0]) == len(runs[i][0])), None)
        if close is None:
            lone.append(runs[i])
            i += 1
        else:
            i = close + 1
    for run in reversed(lone):
        chunk = chunk[:run.start()] + "\\`" * len(run[0]) + chunk[run.end():]
    return chunk


def render(parser, text: str) -> str:
    """Render with either parser; should it still fail on some odd input, never fail the build.

    Both parsers see the same text: backticks calmed, and a last line that ends (markdown-it-py
    leaves the newline out of a fence left open at the very end, markdown-it-pyrs keeps it).
    """
    if text and not text.endswith("\n"):
        text += "\n"
    for attempt in (calm_backticks(text), text.replace("`", "\\`")):
        try:
            return parser.render(attempt)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException:  # noqa: BLE001 - a Rust panic arrives as a BaseException
            continue
    return "".join(f"<p>{escape(block)}</p>\n" for block in text.split("\n\n") if block.strip())


@lru_cache(maxsize=1 << 17)
def inline(text: str) -> Markup:
    """Render one line of inline markdown (a win's text); anything block-like stays plain text."""
    found = ONE_PARAGRAPH.match(render(INLINE, text))
    html = IMG.sub(image_alt, found[1]) if found else escape(text)
    return Markup(html.replace("<a href=", '<a rel="noopener noreferrer" href='))


def image_alt(img: re.Match) -> str:
    """An image as its description in brackets: nothing is ever fetched for it."""
    alt = ALT.search(img[0])
    return f'<span class="image-alt">[{alt[1] if alt and alt[1] else "image"}]</span>'


def note_html(body: str, win_lines: frozenset[int], top: int = 3) -> Markup:
    """Render a note's body, marking the blocks that hold wins; its biggest heading becomes <h{top}>."""
    html = render(BLOCKS, body)
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
