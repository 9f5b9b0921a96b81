"""Markdown → safe HTML: raw HTML off, safe link schemes only, no image fetched from anywhere."""

from __future__ import annotations

from html import escape

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup
from mdit_py_plugins.tasklists import tasklists_plugin

# A task's box as a picture with words, not a disabled form control without a label.
TICKED = '<span class="box ticked" role="img" aria-label="done"></span>'
UNTICKED = '<span class="box" role="img" aria-label="not done"></span>'


def _image_as_text(self, tokens: list[Token], idx: int, options, env) -> str:
    """Show an image as its description: a page must never fetch anything."""
    alt = self.renderInlineAsText(tokens[idx].children or [], options, env)
    return f'<span class="image-alt">[{escape(alt or "image")}]</span>'


def make_markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["strikethrough", "table"])
    md.use(tasklists_plugin)
    md.add_render_rule("image", _image_as_text)
    return md


MD = make_markdown()


def inline(text: str) -> Markup:
    """Render one line of inline markdown (a win's text)."""
    return Markup(MD.renderInline(text))


def note_html(body: str, win_lines: frozenset[int], top: int = 3) -> Markup:
    """Render a note's body, marking the blocks that hold wins; its biggest heading becomes <h{top}>."""
    tokens = MD.parse(body)
    levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
    shift = top - min(levels, default=top)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(6, int(token.tag[1]) + shift)}"
        elif token.type == "link_open":
            token.attrSet("rel", "noopener noreferrer")
        elif token.map and _holds_win(token, win_lines):
            token.attrJoin("class", "win")
        for child in token.children or ():
            if child.type == "link_open":
                child.attrSet("rel", "noopener noreferrer")
            elif child.type == "html_inline" and "task-list-item-checkbox" in child.content:
                child.content = TICKED if 'checked="checked"' in child.content else UNTICKED
    return Markup(MD.renderer.render(tokens, MD.options, {}))


def _holds_win(token: Token, win_lines: frozenset[int]) -> bool:
    start, end = token.map or (0, 0)
    if token.type == "list_item_open":
        return start in win_lines
    if token.type == "paragraph_open" and token.level == 0:
        return any(line in win_lines for line in range(start, end))
    return False
