"""The two markdown parsers, set up to write the same HTML: markdown-it-py, and markdown-it-pyrs (the
same parser, compiled: `pip install 'evidence-wall[fast]'`) when installed and asked for with
`WINS_MARKDOWN=pyrs`. Both write source positions on block tags and task boxes right after <li>, as
markdown-it-pyrs does; they still differ on rare input (tests/test_markdown_engines.py).
"""

from __future__ import annotations

import os
import re

from markdown_it import MarkdownIt

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
