"""One day's lines → what each rule of PRODUCT.md §2 counts in them: marked wins (rules 1–3), log-mode
candidates (rule 4), prose sentences (rule 5), the deeds after a struggle, what makes the day hard, and
every line no rule counts, with why."""

from __future__ import annotations

from dataclasses import dataclass, field

from .log_rules import not_a_deed
from .openers import MAYBE_DATED, line_opener
from .prose import deed_sentences
from .sections import BOLD_LEVEL, Sections, label_heading, line_label
from .win_rules import FENCE, LIST_ITEM, MAX_LINE, Line, as_list_item, heading, judge, struggle_in

UNMARKED = "not marked, and the day has marked wins"  # why a log or prose line of a marked day is dropped
NEVER = {"open": "", "struck": "struck out", "property": "a property (key:: value)", "table": "a table row"}


@dataclass(frozen=True)
class Counted:
    """Words one rule counts as a win, from the line at `index` of the day's lines."""

    index: int
    text: str
    line: Line


@dataclass
class Tiers:
    """What the rules make of one day's lines (indexes count from the day's first line); filled as the
    lines are read, then settled."""

    body: list[str] = field(default_factory=list)
    marked: list[Counted] = field(default_factory=list)
    candidates: list[Counted] = field(default_factory=list)
    prose: list[Counted] = field(default_factory=list)
    rescued: list[Counted] = field(default_factory=list)
    dropped: list[tuple[int, str, str]] = field(default_factory=list)
    """(index, text, why) for every line with words that no rule counts."""
    hard: tuple[int, str] | None = None
    """(index, what was written) of the first struggle."""
    loggable: list[tuple[int, Line]] = field(default_factory=list)
    plain: list[tuple[int, Line]] = field(default_factory=list)
    struggles: list[tuple[int, Line]] = field(default_factory=list)


def sort_lines(lines: list[str], order: str, loose: bool, weekday_lines: bool) -> Tiers:
    """Judge a day's lines: `loose` for .txt/.journal list items, `weekday_lines` when a line opening
    with a bare weekday is a dated log line (the day was counted from such lines)."""
    tiers = Tiers()
    sections = Sections()
    in_fence = False
    for index, whole in enumerate(lines):
        tiers.body.append(whole)
        raw = whole[:MAX_LINE]
        fence = bool(FENCE.match(raw))
        in_fence = in_fence != fence
        if in_fence or fence:
            if in_fence and not fence and raw.strip():
                tiers.dropped.append((index, raw.strip(), "in a code block"))
            continue
        head = heading(raw)
        title = None if head or ":" not in raw else label_heading(raw)
        if head or title:
            sections.enter(*(head or (BOLD_LEVEL, title)))
            struggle = head and struggle_in(head[1])
            if struggle and not tiers.hard:  # a heading is never a win, but may say the day was hard
                tiers.hard = (index, struggle)
            continue
        if loose or "•" in raw:
            raw = as_list_item(raw, loose)
        dated = MAYBE_DATED.match(raw) and line_opener(raw, order)
        label = None if dated or ":" not in raw or LIST_ITEM.match(raw) else line_label(raw)
        if label:  # a label heads its own line only, and ends a bold-colon section
            sections.enter(BOLD_LEVEL, label[0])
        line = judge(dated.rest if dated else label[1] if label else raw)
        if line.kind == "private":
            tiers.body[-1] = ""
        logged = bool(dated) and (weekday_lines or dated.found.weekday is None)
        place(tiers, index, line, sections, logged)
        if label:
            sections.enter(BOLD_LEVEL, "")
    settle(tiers)
    return tiers


def place(tiers: Tiers, index: int, line: Line, sections: Sections, logged: bool) -> None:
    """File one judged line under the rule that may count it."""
    kind = line.kind
    if kind in ("blank", "private"):
        return
    if kind == "struggle":
        tiers.hard = tiers.hard or (index, line.why)
        tiers.struggles.append((index, line))
    elif kind in NEVER:
        tiers.dropped.append((index, line.text, NEVER[kind] or line.why))
    elif kind == "marked" or sections.kind == "win":
        tiers.marked.append(Counted(index, line.text, line))
    elif sections.kind == "plan":
        tiers.dropped.append((index, line.text, f"under '{sections.title}'"))
    elif kind == "item" or logged:
        tiers.loggable.append((index, line))
    else:
        tiers.plain.append((index, line))


def settle(tiers: Tiers) -> None:
    """Decide, once every line is read, what rules 4 and 5 count and why the rest counts for nothing."""
    if tiers.marked:
        tiers.dropped += [(i, line.text, UNMARKED)
                          for i, line in tiers.loggable + tiers.plain]
        tiers.dropped += [(i, line.text, "a struggle") for i, line in tiers.struggles]
        return
    excluded = []
    for index, line in tiers.loggable:
        why = not_a_deed(line.text)
        if why:
            excluded.append((index, line, why))
        else:
            tiers.candidates.append(Counted(index, line.text, line))
    tiers.rescued = sentences(tiers, [(i, line, line.rest, "a struggle") for i, line in tiers.struggles])
    if tiers.candidates:
        tiers.dropped += [(i, line.text, why) for i, line, why in excluded]
        tiers.dropped += [(i, line.text, "not a list item or dated line") for i, line in tiers.plain]
        return
    unread = excluded + [(i, line, "prose, but no deed") for i, line in tiers.plain]
    tiers.prose = sentences(tiers, [(i, line, line.text, why) for i, line, why in unread])


def sentences(tiers: Tiers, lines: list[tuple[int, Line, str, str]]) -> list[Counted]:
    """Return the deed sentences in the words given for each line; drop, with its reason, a line with none."""
    found = []
    for index, line, words, why in lines:
        deeds = deed_sentences(words)
        found += [Counted(index, sentence, line) for sentence in deeds]
        if not deeds:
            tiers.dropped.append((index, line.text, why))
    return found
