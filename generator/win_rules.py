"""Judge one line of a note at a time: a win, a struggle, a task still open? (PRODUCT.md §2)"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .words import word_set

MAX_LINE = 4000  # characters of a line that are judged; the rest of a giant line is only shown
BULLET = r"(?:[-*+]|\d{1,3}[.)])"
LIST_ITEM = re.compile(rf"^\s*{BULLET}\s+\S")
CHECKED = re.compile(rf"^\s*{BULLET}\s+\[[xX]\](?:\s|$)")
UNCHECKED = re.compile(rf"^\s*{BULLET}\s+\[[ \-/<>?!]?\](?:\s|$)")
DONE = re.compile(rf"^\s*(?:{BULLET}\s+)?DONE\s")
OPEN_WORDS = r"TODO|LATER|NOW|DOING|WAITING|(?P<cancelled>CANCELED|CANCELLED)"
OPEN_TASK = re.compile(rf"^\s*(?:{BULLET}\s+)?(?:{OPEN_WORDS})(?:\s|$)")
STRUCK = re.compile(r"(?:~~[^~]+~~[\s.,;!]*)+")
# In .txt and .journal files `-did laundry` is a list item too; `•` bullets are list items anywhere.
TIGHT_BULLET = re.compile(r"^(\s*)(?:•\s*|–\s*|[-*](?=[^\W\d_]))")
DOT_BULLET = re.compile(r"^(\s*)•\s*")
PROPERTY = re.compile(rf"^\s*(?:{BULLET}\s+)?[\w-]+(?: [\w-]+)*::(?:\s|$)")
PLUS = re.compile(r"^\s*\+\s")
HEADING = re.compile(r"^\s{0,3}(?:-\s+)?(#{1,6})\s+(.*)")
FENCE = re.compile(r"^\s{0,3}(```|~~~)")
WORDY = re.compile(r"\w")

MARKERS = "✅✔☑🎉⭐💪🏆"
WIN_PREFIX = re.compile(rf"^(?:win:\s*|[{MARKERS}]\ufe0f?\s*)+", re.I)
WIN_START = "wW" + MARKERS  # what WIN_PREFIX can begin with ("w" has no other case to fold to)
# Matched on the reversed line: one try from its end, where a search would try every character.
TRAILING_MARKERS_REVERSED = re.compile(rf"(?:\s*\ufe0f?[{MARKERS}])+\s*")
# The Obsidian Tasks plugin's dates and priorities that end a task ("✅ 2025-03-04", "📅 2025-03-09", "⏫"),
# reversed like the markers above.
TASK_PRIORITIES = "⏫🔼🔽🔺⏬\ufe0f"
TASK_DATES_REVERSED = re.compile(
    r"(?:\s*(?:\d\d-\d\d-\d{4}\s*\ufe0f?[📅⏳🛫➕✅❌]|\ufe0f?[⏫🔼🔽🔺⏬]))+\s*"
)
# A struggle opens with one of these words, then punctuation, a spaced dash, the end, or a time of day.
STRUGGLE_OPENER = re.compile(
    r"^[*_]*(?P<word>rough|hard|bad|tough|awful|terrible|low)"
    r"(?:(?P<when>\s+(?:day|morning|afternoon|evening|night|week|weekend)\b)"
    r"|(?=[*_]*(?:\s*[.,:;!]|\s+[-–—]+(?:\s|$)|\s*[–—]|\s*$)))[*_]*",
    re.I,
)
REST_START = re.compile(r"^[\s*_.,:;!\-–—]+")
LEAD = re.compile(rf"^\s*(?:{BULLET}\s+)?(?:\[[xX]\]\s*|DONE\s+)?")

HASH = r"(?<![\w&/#\\])#"
AT = r"(?<![\w.@])@"
TAG = re.compile(rf"{HASH}(?!\d+(?![\w/-]))(\w[\w/-]*)")
AT_TAG = re.compile(rf"{AT}([^\W\d][\w-]*)")
ONE_TAG = re.compile(rf"{TAG.pattern}|{AT_TAG.pattern}")

WIN_TAGS = frozenset({"win", "wins", "smallwin", "microwin", "victory"})
STRUGGLE_TAGS = frozenset({"hard", "rough", "struggle"})
# A win or struggle tag with the space before it, so "did it #win." reads "did it."; a run of spaces
# is tried once.
MARKER_TAG = re.compile(
    rf"(?<!\s)\s*{HASH}(?:{'|'.join(sorted(WIN_TAGS | STRUGGLE_TAGS))})(?![\w/-])", re.I
)
# A tag after one of these words is part of the sentence: "read about #rust and #wasm".
JOINING_WORDS = word_set("and or to with of for about in on at from the a my")

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")
# A trailing sentence that says how it felt, to the writer or to whoever it was for ("She was happy to
# hear from me."), is shown beside the deed, not as part of it.
FEELING = re.compile(
    r"^(?:and\s+|it\s+|that\s+|i\s+|so\s+|really\s+|she\s+|he\s+|they\s+)*(?:felt|feel|feels|feeling|"
    r"was|were|seemed|sounded|looked|made me|"
    r"proud|relieved|glad|happy|nice|good|great|lovely|calm|calmer|lighter|better)\b",
    re.I,
)


@dataclass(frozen=True)
class Line:
    """What one line of a note is, for the win rules."""

    kind: str  # blank, private, struck, table, struggle, open, property, marked, item, line
    text: str
    tags: tuple[str, ...]
    why: str = ""
    """For a struggle, what made it one as written ("#hard", "rough:"); for a task, "open task"."""
    rest: str = ""
    """For a struggle, the words after what made it one (judged as prose when the day has no rule 1–3 win)."""


def as_list_item(raw: str, loose: bool) -> str:
    """Write a `•` bullet (and in a loose .txt/.journal file `-did`, `*did`, `–did`) as `- `."""
    bullet = TIGHT_BULLET if loose else DOT_BULLET
    first = raw.lstrip()[:1]
    return bullet.sub(r"\1- ", raw, count=1) if first and first in "•–-*" else raw


def read_tags(text: str) -> tuple[str, ...]:
    """Return the line's #tags and @tags, lower-cased, in order, once each."""
    if "#" not in text and "@" not in text:
        return ()
    found = [t.lower().rstrip("/-") for t in TAG.findall(text) + AT_TAG.findall(text)]
    return tuple(dict.fromkeys(found))


def judge(raw: str) -> Line:
    """Classify one body line (not a heading) for PRODUCT.md §2."""
    tags = read_tags(raw)
    text = clean(raw)
    if "private" in tags:
        return Line("private", "", tags)
    if "~~" in text and STRUCK.fullmatch(text):
        return Line("struck", text, tags)
    if raw.lstrip().startswith("|"):
        return Line("table", text, tags)
    struggle = judge_struggle(text, tags)
    if struggle:
        return struggle
    if not WORDY.search(text):
        return Line("blank", "", tags)
    # Each pattern is tried only on a line holding what it needs ("[", "::", "DONE", "+"): most hold none.
    task = ("[" in raw and UNCHECKED.match(raw)) or OPEN_TASK.match(raw)
    if task:
        return Line("open", text, tags, "cancelled" if task.groupdict().get("cancelled") else "open task")
    if "::" in raw and PROPERTY.match(raw):
        return Line("property", text, tags)
    if (("[" in raw and CHECKED.match(raw)) or ("DONE" in raw and DONE.match(raw))
            or ("+" in raw and PLUS.match(raw)) or WIN_PREFIX.match(LEAD.sub("", raw))):
        return Line("marked", text, tags)
    if WIN_TAGS.intersection(tags):
        return Line("marked", text, tags)
    return Line("item" if LIST_ITEM.match(raw) else "line", text, tags)


def judge_struggle(text: str, tags: tuple[str, ...]) -> Line | None:
    """Return the line as a struggle when a tag or its opening words make it one, with what follows."""
    if tags and not STRUGGLE_TAGS.isdisjoint(tags):
        tag = next(t for t in tags if t in STRUGGLE_TAGS)
        return Line("struggle", text, tags, f"#{tag}", text)
    opener = STRUGGLE_OPENER.match(text)
    if not opener:
        return None
    rest = text[opener.end():]
    said = opener["word"] + (opener["when"] or "") + (":" if rest.lstrip().startswith(":") else "")
    return Line("struggle", text, tags, said, REST_START.sub("", rest))


def struggle_in(title: str) -> str | None:
    """Say what makes a heading or title a struggle ("Rough day", "#hard"), or None."""
    struggle = judge_struggle(clean(title), read_tags(title))
    return struggle.why if struggle else None


def clean(raw: str) -> str:
    """Return the words of a line: no list syntax, checkbox, markers or trailing tags.

    A tag inside the sentence stays as written (`read about #rust and #wasm`): only what PRODUCT.md
    names is taken away, and the text is shown as the person wrote it.
    """
    text = LEAD.sub("", raw.strip())
    if text[:1] in WIN_START:
        text = WIN_PREFIX.sub("", text)
    if text[-1:].isdigit() or text[-1:] in TASK_PRIORITIES:
        text = strip_reversed(text, TASK_DATES_REVERSED)
    if "#" in text:
        text = strip_trailing_tags(MARKER_TAG.sub("", text))
    elif "@" in text:
        text = strip_trailing_tags(text)
    text = strip_trailing_markers(text)
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
        if not start or not ONE_TAG.fullmatch(text, start - 1, end) or joined(text, start - 1):
            return text[:end]
        end = start - 1


def joined(text: str, at: int) -> bool:
    """True when the word before the tag at `at` makes the tag part of the sentence ("about #rust")."""
    end = at
    while end and text[end - 1].isspace():
        end -= 1
    start = end
    while start and not text[start - 1].isspace():
        start -= 1
    return text[start:end].lower() in JOINING_WORDS


def strip_trailing_markers(text: str) -> str:
    """Drop the ✅ 🎉 … markers that end a line (most lines end in none: looked at before the pattern)."""
    last = text.rstrip()[-1:]
    return strip_reversed(text, TRAILING_MARKERS_REVERSED) if last and last in MARKERS + "\ufe0f" else text


def strip_reversed(text: str, reversed_end: re.Pattern) -> str:
    """Drop what a pattern written for the reversed text matches at the end of the text."""
    found = reversed_end.match(text[::-1])
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

