"""The search index: a script file (a fetch of JSON fails under file://) listing every win and note."""

from __future__ import annotations

import json
import re
from functools import lru_cache

from .model import Wall

HIDDEN = re.compile(r"^\s*\[//\]:")  # a link-reference comment such as `[//]: #imported/keep/…`
MARKUP = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+)|[*_`~]+|\[\[|\]\]")


@lru_cache(maxsize=1 << 16)
def plain(text: str) -> str:
    """Markdown to searchable words: list marks, emphasis and wiki brackets dropped."""
    return " ".join(
        " ".join(MARKUP.sub(" ", line).split())
        for line in text.splitlines() if line.strip() and not HIDDEN.match(line)
    )


def search_index(wall: Wall, day_href) -> str:
    """Return the JavaScript that sets window.EVIDENCE_INDEX: [kind, date, link, text] rows."""
    rows = []
    for day in wall.days:
        href = day_href(day.date)
        rows += [["win", day.date.isoformat(), href, plain(w.text)] for w in day.wins]
        rows += [["note", day.date.isoformat(), href, plain(n.body)] for n in day.notes if n.body.strip()]
    data = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
    return "window.EVIDENCE_INDEX = " + data.replace("</", "<\\/") + ";\n"
