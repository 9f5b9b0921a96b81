"""The search index: a script file (a fetch of JSON fails under file://) listing every win and note."""

from __future__ import annotations

import json
import re
from functools import lru_cache

from .model import Wall

HIDDEN = re.compile(r"^\s*\[//\]:")  # a link-reference comment such as `[//]: #imported/keep/…`
ROWS_AT_ONCE = 1000  # rows written to JSON at a time (see search_index)
MARKUP = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+)|[*_`~]+|\[\[|\]\]")


@lru_cache(maxsize=1 << 16)
def plain(text: str) -> str:
    """Markdown to searchable words: list marks, emphasis and wiki brackets dropped."""
    return " ".join(
        " ".join(MARKUP.sub(" ", line).split())
        for line in text.splitlines() if line.strip() and not HIDDEN.match(line)
    )


def search_index(wall: Wall, day_href) -> bytes:
    """Return the JavaScript that sets window.EVIDENCE_INDEX: [kind, date, link, text] rows, in UTF-8.

    The rows are written ROWS_AT_ONCE at a time: the whole index as one string could take four bytes
    a character (one emoji in the notes does it) and be copied twice, the largest use of memory of a
    build.
    """
    rows = []
    for day in wall.days:
        href = day_href(day.date)
        rows += [["win", day.date.isoformat(), href, plain(w.text)] for w in day.wins]
        rows += [["note", day.date.isoformat(), href, plain(n.body)] for n in day.notes if n.body.strip()]
    parts = [json_rows(rows[i:i + ROWS_AT_ONCE]) for i in range(0, len(rows), ROWS_AT_ONCE)]
    return b"window.EVIDENCE_INDEX = [" + b",".join(parts) + b"];\n"


def json_rows(rows: list[list[str]]) -> bytes:
    """Rows as JSON, without the list's brackets, safe inside a <script> tag."""
    text = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))[1:-1]
    return text.replace("</", "<\\/").encode("utf-8")
