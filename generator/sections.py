"""Which section of a day a line sits in: under a heading that names wins (rule 3), or one that names
plans or reference (rule 4's exclusions), from markdown headings and bold-colon lines (PRODUCT.md §2)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .words import squash, word_set

WIN_HEADINGS = frozenset({
    "wins", "smallwins", "microwins", "todayswins", "done", "did", "proudof", "victories",
    "goodthings", "whatwentwell", "achievements", "accomplishments", "accomplished", "progress",
    "todaysprogress", "highlights", "donetoday", "donelist", "tadalist", "gotdone", "completed",
    "whatidid", "thingsidid",
    # kin of the list above, named the same ways
    "win", "smallvictories", "littlewins", "tinywins", "dailywins", "winsoftheday", "winstoday",
    "todaysachievements", "todaysaccomplishments", "todayshighlights", "whatididtoday",
    "thingsididtoday", "whatigotdone", "tada", "didtoday", "completedtoday",
})
# Headings whose items are plans, wishes or reference, never deeds (examples of each kind, and kin).
PLAN_WORDS = word_set(
    "todo todos todolist tasks tomorrow plans plan planning goals goal intentions intention "
    "priorities priority top3 ideas idea questions links resources references readinglist toread "
    "towatch watchlist shopping shoppinglist groceries grocerylist next nextsteps upnext someday "
    "backlog reminders schedule agenda wishlist bucketlist gratitude grateful gratefulfor "
    "thankfulfor thoughts worries notdone didntdo whatdidnt whatdidntgowell undone mood feelings "
    "tomorrowsplan tomorrowsplans nextweek"
)
PLAN_HEADINGS = frozenset(
    f"{before}{word}{after}" for word in PLAN_WORDS
    for before in ("", "todays", "my") for after in ("", "today", "fortoday", "fortomorrow", "thisweek")
)
# Words that make a heading name plans or reference wherever they open it ("Goals for 2025", "Ideas
# for the garden") or, for gratitude, wherever they stand in it ("Today I'm grateful for").
PLAN_OPENERS = word_set(
    "todo todos tomorrow plan plans planning goal goals intention intentions priority priorities idea "
    "ideas question questions link links resource resources shopping groceries grocery reminders"
)
PLAN_OPENING_PAIRS = ("to do", "reading list", "to read", "to watch", "next steps", "not done")
GRATITUDE = word_set("grateful gratitude thankful")
# A line that is only bold text ending in a colon, inside or outside the bold (an emoji may come first).
BOLD_HEADING = re.compile(
    r"^\s*(?:[-*+•]\s+)?(?:[^\w\s*]+\s*)?(\*\*|__)(?P<title>[^*_\n]+?)(?P<inner>:?)\s*\1\s*(?P<outer>:?)\s*$"
)
# A line that is only a few plain words and a colon, as phone notes head a list: `Wins:`, `- To do:`
PLAIN_LABEL = re.compile(r"^\s*(?:[-*+•]\s+)?(?:[^\w\s]+\s*)?(?P<title>\w[\w' ’-]{0,40}):\s*$")
# A label ending in a colon that opens a line of text: `**Update:** Read it.`, `Today's progress: …`
BOLD_LABEL = re.compile(r"^\s*(?:[^\w\s*]+\s*)?(\*\*|__)(?P<title>[^*_\n]+?)(?::\1|\1:)\s*(?P<rest>\S.*)$")
PLAIN_LABEL_TEXT = re.compile(r"^\s*(?P<title>\w[\w' ’-]{0,40}):\s+(?P<rest>\S.*)$")
PLAIN_WORD = re.compile(r"[a-z0-9]+")
BOLD_LEVEL = 7  # a bold-colon line ends at the next heading of any level, or the next bold-colon line


def names_wins(title: str) -> bool:
    """True when a heading names a wins section ("Today's wins", "What went well", …)."""
    return squash(title) in WIN_HEADINGS


def names_plans(title: str) -> bool:
    """True when a heading names plans or reference ("To do", "Tomorrow", "Reading list", …)."""
    if squash(title) in PLAN_HEADINGS:
        return True
    words = PLAIN_WORD.findall(title.lower().replace("'", "").replace("’", ""))
    opening = " ".join(words[:2])
    return bool(words) and (words[0] in PLAN_OPENERS or opening in PLAN_OPENING_PAIRS
                            or not GRATITUDE.isdisjoint(words))


def label_heading(raw: str) -> str | None:
    """Return the title of a line that heads what follows: only bold text ending in a colon
    (`**Today's progress:**`), or a few plain words and a colon that name wins or plans (`To do:`)."""
    if "**" in raw or "__" in raw:
        found = BOLD_HEADING.match(raw)
        return found["title"].strip() if found and (found["inner"] or found["outer"]) else None
    found = PLAIN_LABEL.match(raw) if raw.rstrip().endswith(":") else None
    title = found and found["title"]
    return title if title and (names_wins(title) or names_plans(title)) else None


def line_label(raw: str) -> tuple[str, str] | None:
    """Return (label, rest) for a line that opens with a label and a colon: any bold one (`**Update:**
    Read it.`), or plain words that name wins or plans (`Today's progress: fixed the form`)."""
    found = BOLD_LABEL.match(raw) if "**" in raw or "__" in raw else PLAIN_LABEL_TEXT.match(raw)
    if not found or not (found.re is BOLD_LABEL or names_wins(found["title"]) or names_plans(found["title"])):
        return None
    return found["title"].strip(), found["rest"]


@dataclass
class Sections:
    """The open sections a day's lines sit in, innermost last: (level, kind, title)."""

    open: list[tuple[int, str, str]] = field(default_factory=list)

    def enter(self, level: int, title: str) -> None:
        """Close the sections at this level or deeper, then open one when the heading names one."""
        while self.open and self.open[-1][0] >= level:
            self.open.pop()
        kind = "win" if names_wins(title) else "plan" if names_plans(title) else ""
        if kind:
            self.open.append((level, kind, title.strip(" *_:")))

    @property
    def kind(self) -> str:
        """"win", "plan", or "" outside both."""
        return self.open[-1][1] if self.open else ""

    @property
    def title(self) -> str:
        return self.open[-1][2] if self.open else ""
