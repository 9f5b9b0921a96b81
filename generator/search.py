"""The search index: a script file (a fetch of JSON fails under file://) listing every win and note."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache, partial
from itertools import groupby

from .memo import Draw, fresh
from .model import Day, Wall

HIDDEN = re.compile(r"^\s*\[//\]:")  # a link-reference comment such as `[//]: #imported/keep/…`
MARKUP = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+)|[*_`~]+|\[\[|\]\]")


@lru_cache(maxsize=1 << 16)
def plain(text: str) -> str:
    """Markdown to searchable words: list marks, emphasis and wiki brackets dropped."""
    return " ".join(
        " ".join(MARKUP.sub(" ", line).split())
        for line in text.splitlines() if line.strip() and not HIDDEN.match(line)
    )


def search_index(wall: Wall, day_href: Callable[[date], str], draw: Draw = fresh) -> bytes:
    """Return the JavaScript that sets window.EVIDENCE_INDEX: [kind, date, link, text] rows, in UTF-8.

    The rows are drawn a year at a time (a year that shows the same is the cache's, memo.Draw), and
    joined as bytes: the whole index as one string could take four bytes a character (one emoji in
    the notes does it) and be copied twice, the largest use of memory of a build.
    """
    years = []
    for year, group in groupby(wall.days, key=lambda d: d.date.year):
        days = tuple(group)
        sources = tuple(n.source for d in days for n in d.notes)
        years.append(draw(f"search-{year}", (), sources, partial(rows_json, days, day_href)))
    return b"window.EVIDENCE_INDEX = [" + b",".join(text.encode("utf-8") for text in years if text) + b"];\n"


def rows_json(days: tuple[Day, ...], day_href: Callable[[date], str]) -> str:
    """The days' rows, as JSON without the list's brackets (empty for none), safe inside a <script> tag."""
    rows = []
    for day in days:
        href, when = day_href(day.date), day.date.isoformat()
        rows += [["win", when, href, plain(w.text)] for w in day.wins]
        rows += [["note", when, href, plain(n.body)] for n in day.notes if n.body.strip()]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))[1:-1].replace("</", "<\\/")
