"""The two markdown parsers, set up to write the same HTML: markdown-it-py, and markdown-it-pyrs (the
same parser, compiled: `pip install 'evidence-wall[fast]'`), used when installed unless
`WINS_MARKDOWN=py`. Both write source positions on block tags and task boxes right after <li>, as
markdown-it-pyrs does. Where markdown-it-pyrs 0.4 still reads markdown otherwise (CORNERS), the text
goes to markdown-it-py: `pyrs_may_differ` finds those texts, and tests/test_markdown_engines.py
checks that the site's HTML is the same byte for byte either way.
"""

from __future__ import annotations

import os
import re
import string
import unicodedata

from markdown_it import MarkdownIt
from markdown_it.common.utils import isPunctChar, isWhiteSpace

from .errors import GeneratorError

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


TASK = re.compile(r"\[([ \txX])\](?=[ \t])")
BOX = '<input class="task-list-item-checkbox" type="checkbox"{} />'


def tasklists(state) -> None:
    """Task list items, marked up as markdown-it-pyrs does: the box right after <li>, outside any <p>.

    As there, the box must be written out in the note ("\\[x]" or "&#91;x]" makes none), and a tab
    may stand for its space.
    """
    tokens, lists = state.tokens, []
    for i, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            lists.append(token)
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif (token.type == "inline" and i >= 2 and tokens[i - 1].type == "paragraph_open"
              and tokens[i - 2].type == "list_item_open" and token.children
              and token.children[0].type == "text" and TASK.match(token.content)
              and (box := TASK.match(token.children[0].content))):
            token.children[0].content = token.children[0].content[box.end():]
            tokens[i - 2].attrJoin("class", "task-list-item")
            tokens[i - 2].meta["box"] = BOX.format(' checked=""' if box[1] in "xX" else "")
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
NAMES = {"py": "markdown-it-py", "pyrs": "markdown-it-pyrs"}


def choose(asked: str | None, installed: tuple[str, ...] = ENGINES) -> str:
    """The engine WINS_MARKDOWN asks for: `py`, `pyrs` (which must be installed), or when unset
    markdown-it-pyrs if installed, else markdown-it-py."""
    if not asked:
        return "pyrs" if "pyrs" in installed else "py"
    if asked not in NAMES:
        raise GeneratorError(f"WINS_MARKDOWN={asked!r} is not a markdown engine: use py (markdown-it-py) "
                             "or pyrs (markdown-it-pyrs), or leave it unset")
    if asked not in installed:
        raise GeneratorError("WINS_MARKDOWN=pyrs asks for markdown-it-pyrs, which is not installed: "
                             "pip install 'evidence-wall[fast]' (it has wheels for CPython 3.10 to 3.12), "
                             "or leave WINS_MARKDOWN unset to use what is installed")
    return asked


try:
    ENGINE, PROBLEM = choose(os.environ.get("WINS_MARKDOWN")), ""
except GeneratorError as error:  # told when a build starts (require), not at import
    ENGINE, PROBLEM = "py", str(error)
PAIRS = {name: (make(True), make(False)) for name, make in PARSERS.items()}


def require() -> None:
    """Stop a build whose WINS_MARKDOWN cannot be met, with what to do."""
    if PROBLEM:
        raise GeneratorError(PROBLEM)


# CORNERS: what markdown-it-pyrs 0.4 (markdown-it.rs 0.6) reads otherwise than markdown-it-py 4
# (CommonMark 0.31), each found by comparing the two on generated text. A text with any of them is
# rendered by markdown-it-py; tests/test_markdown_engines.py checks that no other text differs.
# - Code spans: markdown-it-pyrs panics on some backtick runs ("[\n```:``` `", "[draft `v2"), and
#   trims a span of spaces across lines ("` \n `"). Any backtick.
# - Strikethrough: a run of three or more tildes ("~~s~~~~tea"). Any "~~".
# - A quote's paragraph, continued lazily by a list item that cannot interrupt a paragraph (an empty
#   item or a number other than 1): "> tea\n- ", "> tea\n2. swim". A quote with such a line.
# - Tables: markdown-it-pyrs takes "a\n|-" or ";\n:-" for a table, not "a|\n--". A delimiter row
#   with a pipe or colon, or any pipe beside a row of dashes.
# - Reference definitions ("[a]:\\" defines a link in markdown-it-py only). Any "]:".
# - Whitespace other than space, tab and newline (no-break space, form feed, line separator…): not
#   trimmed at a block's ends, and not whitespace next to emphasis, in markdown-it-pyrs. NUL too.
# - A Unicode symbol (emoji, arrows, maths: category S, not ASCII) next to `*`, `_` or `~`:
#   punctuation for emphasis in CommonMark 0.31 only ("*]･*⥪").
# - A link destination or autolink with anything but ASCII letters, digits and `-._~/?#=+,;!$*'()&`
#   after its scheme, or with an entity: markdown-it-py writes an international domain as punycode,
#   reads `@`, `:` and `[]` as parts of a host ("<tp:@>", "[a](a+b:::)"), decodes `%20` in an
#   autolink's text, and entities in a destination.
# - An image's description: markdown-it-pyrs keeps only its plain text, without escapes, entities,
#   autolinks or hard breaks ("![a\\-b](u)"), and pairs a `*` or `_` that opens it otherwise
#   ("![**"*]()"). An image in a text with `\\`, `&`, `<` or a hard break, or one opening with
#   `*` or `_`.
# - Tabs in a quote line (">>\t\ts", ">>- \ta"): columns counted otherwise. A quote line with a tab.
# - Emphasis after a closing `*` or `_` that found no opener: markdown-it-pyrs keeps that failure as
#   a position in a list that shrinks when a later pair closes, and then misses openers
#   ("*xx_y_ b* _c_"). A text with four or more runs of `*` or `_` where one that can close finds no
#   opener on its line (`emphasis_may_fail`).
ODD_SPACE = re.compile(r"[\x00\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
"""NUL, and whitespace other than space, tab and newline: every other character str.isspace knows."""
QUOTE = re.compile(r"^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*>", re.M)
LAZY_ITEM = re.compile(r"^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]*$|(?!0*1[.)])\d{1,9}[.)])", re.M)
QUOTE_TAB = re.compile(r"^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*>[^\n]*\t", re.M)
IMAGE_UNSURE = re.compile(r"[\\&<]| {2,}\n|!\[[*_]")
DELIMITER_ROW = re.compile(r"^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*([-:| \t]*-[-:| \t]*)$", re.M)
COLON_DASH = re.compile(r":[ \t]*-|-[ \t]*:")
AFTER_EMPHASIS = re.compile(r"[*_~]([^\x00-\x7f])")
BEFORE_EMPHASIS = re.compile(r"([^\x00-\x7f])[*_~]")
LINK_TARGET = re.compile(r"\]\(\s*(<[^>\n]*>?|\S*)|<([^<>\s]*)>")
SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]{0,31}:")
PLAIN_TARGET = re.compile(r"[A-Za-z0-9\-._~/?#=+,;!$*'()&<>]*")
ENTITY = re.compile(r"&[#A-Za-z0-9]+;")


def pyrs_may_differ(text: str) -> bool:
    """Whether text has one of the CORNERS, where markdown-it-pyrs may write other HTML."""
    ascii_only = text.isascii()
    return bool(
        "`" in text or "~~" in text or "]:" in text
        or ODD_SPACE.search(text)
        or (">" in text and QUOTE.search(text) and LAZY_ITEM.search(text))
        or ("\t" in text and ">" in text and QUOTE_TAB.search(text))
        or ("![" in text and IMAGE_UNSURE.search(text))
        or ("-" in text and table_may_differ(text))
        or (not ascii_only and symbol_beside_emphasis(text))
        or (("](" in text or "<" in text) and not all(plain_target(m[1] or m[2] or "")
                                                     for m in LINK_TARGET.finditer(text)))
        or emphasis_may_fail(text))


def table_may_differ(text: str) -> bool:
    """A delimiter row with a pipe or a colon, or a row of dashes in a text with a pipe."""
    if "|" not in text and not COLON_DASH.search(text):
        return False
    return any("|" in row[1] or ":" in row[1] or "|" in text for row in DELIMITER_ROW.finditer(text))


def symbol_beside_emphasis(text: str) -> bool:
    """A Unicode symbol (category S, not ASCII) next to `*`, `_` or `~`."""
    return any(unicodedata.category(m[1])[0] == "S"
               for pattern in (AFTER_EMPHASIS, BEFORE_EMPHASIS) for m in pattern.finditer(text))


def plain_target(target: str) -> bool:
    """A link's destination or an autolink that both parsers write alike: ASCII, and none of
    `@ % : [ ] \\` or an entity after its scheme."""
    scheme = SCHEME.match(target)
    rest = target[scheme.end():] if scheme else target
    return bool(PLAIN_TARGET.fullmatch(rest)) and not ENTITY.search(rest)


RUN = re.compile(r"[*_](?:(?<=\*)\**|(?<=_)_*)")
"""A run of `*` or of `_` (written so that the search skips fast to either character)."""
CUT = re.compile(r"\\.|[\[\]]|\]\(\s*(?:<[^>\n]*>?|\S*)|<[^<>\s]*>")
"""Where a line's emphasis is cut in pieces: escapes and brackets (a link's text is emphasised on its
own), and what may be a link's destination or an autolink (its own piece, in case it is not one)."""


def emphasis_may_fail(text: str) -> bool:
    """Whether a run of `*` or `_` that can close may find no opener, in a text with four or more runs.

    Each line is cut in pieces (CUT) and each piece's runs are paired as CommonMark pairs them. A
    piece is a stretch of what the parser pairs together, so a closer left alone there may be left
    alone by the parser too; one left alone only here (its opener on another line) is a false alarm.
    """
    if text.count("*") + text.count("_") < 4 or len(RUN.findall(text)) < 4:
        return False
    for line in text.split("\n"):
        if "*" in line or "_" in line:
            ends = [0, *(edge for cut in CUT.finditer(line) for edge in cut.span()), len(line)]
            if any(closer_alone(line, start, end) for start, end in zip(ends, ends[1:], strict=False)):
                return True
    return False


def closer_alone(line: str, start: int, end: int) -> bool:
    """Whether, in line[start:end], a run of `*` or `_` that can close finds no opener."""
    openers: list[list] = []  # [marker, length, left, can close], innermost last
    for run in RUN.finditer(line, start, end):
        marker, length = run[0][0], len(run[0])
        can_open, can_close = flanking(line, run.start(), run.end(), marker)
        left = length
        if can_close:
            found, i = False, len(openers) - 1
            while i >= 0 and left:
                opener = openers[i]
                odd = ((opener[3] or can_open) and (opener[1] + length) % 3 == 0
                       and (opener[1] % 3 or length % 3))
                if opener[0] != marker or odd:
                    i -= 1
                    continue
                used = 2 if opener[2] >= 2 and left >= 2 else 1
                opener[2], left, found = opener[2] - used, left - used, True
                del openers[i + 1:]
                if not opener[2]:
                    openers.pop()
                    i -= 1
            if not found:
                return True
        if left and can_open:
            openers.append([marker, length, left, can_close])
    return False


SPACE, PUNCTUATION = frozenset(" \t\n\x0b\x0c\r"), frozenset(string.punctuation)


def kind(char: str) -> int:
    """1 for whitespace, 2 for punctuation, 0 for anything else, as CommonMark's flanking rules see it."""
    if char in SPACE:
        return 1
    if char in PUNCTUATION:
        return 2
    if char.isascii():
        return 0
    return 1 if isWhiteSpace(ord(char)) else 2 if isPunctChar(char) else 0


def flanking(line: str, start: int, end: int, marker: str) -> tuple[bool, bool]:
    """Whether the run line[start:end] can open and can close emphasis (CommonMark's flanking rules)."""
    before = kind(line[start - 1]) if start > 0 else 1
    after = kind(line[end]) if end < len(line) else 1
    left = after != 1 and (after != 2 or before != 0)
    right = before != 1 and (before != 2 or after != 0)
    if marker == "*":
        return left, right
    return left and (not right or before == 2), right and (not left or after == 2)
