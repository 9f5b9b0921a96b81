"""Judge one line of a note at a time: a win, a struggle, a task still open? (PRODUCT.md §2)"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_LINE = 4000  # characters of a line that are judged; the rest of a giant line is only shown
BULLET = r"(?:[-*+]|\d{1,3}[.)])"
LIST_ITEM = re.compile(rf"^\s*{BULLET}\s+\S")
CHECKED = re.compile(rf"^\s*{BULLET}\s+\[[xX]\](?:\s|$)")
UNCHECKED = re.compile(rf"^\s*{BULLET}\s+\[[ \-/<>?!]?\](?:\s|$)")
DONE = re.compile(rf"^\s*(?:{BULLET}\s+)?DONE\s")
OPEN_WORDS = r"TODO|LATER|NOW|DOING|WAITING|CANCELED|CANCELLED"
OPEN_TASK = re.compile(rf"^\s*(?:{BULLET}\s+)?(?:{OPEN_WORDS})(?:\s|$)")
PROPERTY = re.compile(rf"^\s*(?:{BULLET}\s+)?[\w-]+(?: [\w-]+)*::(?:\s|$)")
PLUS = re.compile(r"^\s*\+\s")
HEADING = re.compile(r"^\s{0,3}(?:-\s+)?(#{1,6})\s+(.*)")
FENCE = re.compile(r"^\s{0,3}(```|~~~)")

MARKERS = "✅✔☑🎉⭐💪🏆"
WIN_PREFIX = re.compile(rf"^(?:win:\s*|[{MARKERS}]\ufe0f?\s*)+", re.I)
# Matched on the reversed line: one try from its end, where a search would try every character.
TRAILING_MARKERS_REVERSED = re.compile(rf"(?:\s*\ufe0f?[{MARKERS}])+\s*")
STRUGGLE_PREFIX = re.compile(r"^(?:rough|hard):", re.I)
LEAD = re.compile(rf"^\s*(?:{BULLET}\s+)?(?:\[[xX]\]\s*|DONE\s+)?")

HASH = r"(?<![\w&/#\\])#"
AT = r"(?<![\w.@])@"
TAG = re.compile(rf"{HASH}(?!\d+(?![\w/-]))(\w[\w/-]*)")
AT_TAG = re.compile(rf"{AT}([^\W\d][\w-]*)")
ONE_TAG = re.compile(rf"{TAG.pattern}|{AT_TAG.pattern}")

WIN_TAGS = frozenset({"win", "wins", "smallwin", "microwin", "victory"})
# A win tag with the space before it, so "did it #win." reads "did it."; a run of spaces is tried once.
WIN_TAG = re.compile(rf"(?<!\s)\s*{HASH}(?:{'|'.join(sorted(WIN_TAGS))})(?![\w/-])", re.I)
STRUGGLE_TAGS = frozenset({"hard", "rough", "struggle"})
WIN_HEADINGS = frozenset({
    "wins", "smallwins", "microwins", "todayswins", "done", "did", "proudof", "victories",
    "goodthings", "whatwentwell",
})

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")
FEELING = re.compile(
    r"^(?:and\s+|it\s+|that\s+|i\s+|so\s+|really\s+)*(?:felt|feel|feels|feeling|was|made me|"
    r"proud|relieved|glad|happy|nice|good|great|lovely|calm|calmer|lighter|better)\b",
    re.I,
)


@dataclass(frozen=True)
class Line:
    """What one line of a note is, for the win rules."""

    kind: str  # blank, private, struggle, open, property, marked, item, line
    text: str
    tags: tuple[str, ...]


def read_tags(text: str) -> tuple[str, ...]:
    """Return the line's #tags and @tags, lower-cased, in order, once each."""
    found = [t.lower().rstrip("/-") for t in TAG.findall(text) + AT_TAG.findall(text)]
    return tuple(dict.fromkeys(found))


def judge(raw: str) -> Line:
    """Classify one body line (not a heading) for PRODUCT.md §2."""
    tags = read_tags(raw)
    text = clean(raw)
    if "private" in tags:
        return Line("private", "", tags)
    if not re.search(r"\w", text):
        return Line("blank", "", tags)
    if STRUGGLE_TAGS.intersection(tags) or STRUGGLE_PREFIX.match(LEAD.sub("", raw)):
        return Line("struggle", text, tags)
    if UNCHECKED.match(raw) or OPEN_TASK.match(raw):
        return Line("open", text, tags)
    if PROPERTY.match(raw):
        return Line("property", text, tags)
    body = LEAD.sub("", raw)
    if CHECKED.match(raw) or DONE.match(raw) or PLUS.match(raw) or WIN_PREFIX.match(body):
        return Line("marked", text, tags)
    if WIN_TAGS.intersection(tags):
        return Line("marked", text, tags)
    return Line("item" if LIST_ITEM.match(raw) else "line", text, tags)


def clean(raw: str) -> str:
    """Return the words of a line: no list syntax, checkbox, markers or trailing tags."""
    text = WIN_PREFIX.sub("", LEAD.sub("", raw.strip()))
    text = WIN_TAG.sub("", text)
    text = strip_trailing_markers(strip_trailing_tags(text))
    text = TAG.sub(r"\1", text)
    return " ".join(text.split())


def strip_trailing_tags(text: str) -> str:
    """Drop the #tags and @tags that end a line, walking back from its end one tag at a time."""
    end = len(text)
    while True:
        while end and text[end - 1].isspace():
            end -= 1
        start = end
        while start and (text[start - 1].isalnum() or text[start - 1] in "_/-"):
            start -= 1
        if not start or not ONE_TAG.fullmatch(text, start - 1, end):
            return text[:end]
        end = start - 1


def strip_trailing_markers(text: str) -> str:
    """Drop the ✅ 🎉 … markers that end a line."""
    found = TRAILING_MARKERS_REVERSED.match(text[::-1])
    return text[: len(text) - found.end()] if found else text


def split_feeling(text: str) -> tuple[str, str | None]:
    """Split a trailing feeling sentence ("Felt good to have clean clothes.") off a win."""
    sentences = SENTENCE_END.split(text)
    if len(sentences) > 1 and FEELING.match(sentences[-1]):
        return " ".join(sentences[:-1]), sentences[-1]
    return text, None


def heading(raw: str) -> tuple[int, str] | None:
    """Return (level, text) when the line is a markdown heading."""
    m = HEADING.match(raw)
    return (len(m[1]), without_closing_hashes(m[2])) if m else None


def without_closing_hashes(title: str) -> str:
    """Drop a heading's closing hashes: "Wins ##" → "Wins" (but "C#" and "##" stay)."""
    title = title.rstrip()
    body = title.rstrip("#")
    return body.rstrip() if body[-1:].isspace() else title


def names_wins(title: str) -> bool:
    """True when a heading names a wins section ("Today's wins", "What went well", …)."""
    return re.sub(r"[\W_]+", "", title.lower()) in WIN_HEADINGS
