"""Your stories, your evidence: the harsh things a low mind says, each answered from the notes.

A story is a sentence such as "I never see anyone" and the categories whose wins answer it. The
built-in ones are below; `stories:` in wall.yaml adds more, replaces one with the same words (any
case, either apostrophe, a closing stop or none) or, with an empty list, leaves it out. Each story with
at least one win is answered by how many there are, on how many days, and up to three of them to read
again.

Every win of its categories counts, as `wins list` shows them; the examples and the day of the latest
one follow the rules of resurfacing (PRODUCT.md §3): never a win tagged #cw, never one of a quiet date.
"""

from __future__ import annotations

from datetime import date

from .categories import EVERY_WIN
from .config import Config
from .model import Story, Win
from .resurface import repeat_key, shown_again

EXAMPLES = 3

# What the mind says → (the categories that answer it, the count's words for one and for many).
BUILTIN_STORIES: dict[str, tuple[tuple[str, ...], str, str]] = {
    "I never do anything": ((EVERY_WIN,), "thing you did", "things you did"),
    "I never see anyone": (("connection",), "time you reached someone", "times you reached someone"),
    "I can't look after myself": (("self-care", "rest", "therapy & health"),
                                  "time you looked after yourself", "times you looked after yourself"),
    "Nothing gets done at home": (("home",), "thing you got done at home", "things you got done at home"),
    "I can't say no": (("boundaries",), "time you held a boundary", "times you held a boundary"),
    "I'm not getting anywhere": (("work & study", "creativity"), "step forward in work, study or making",
                                 "steps forward in work, study or making"),
}


def same_words(story: str) -> str:
    """A story's words compared with another's: any case, either apostrophe, without a closing stop."""
    return " ".join(story.replace("\u2019", "'").casefold().split()).rstrip(".!")


def story_table(config: Config) -> list[tuple[str, tuple[str, ...], str, str]]:
    """Every story to tell, in order: the built-ins (yours in place of one with the same words, none where
    yours is an empty list), then yours, as written."""
    mine = {same_words(words): (words, names) for words, names in config.stories}
    table = []
    for words, (names, one, many) in BUILTIN_STORIES.items():
        yours = mine.pop(same_words(words), None)
        if yours is None:
            table.append((words, names, one, many))
        elif yours[1]:
            table.append((*yours, *counted_as(yours[1])))
    return table + [(words, names, *counted_as(names)) for words, names in mine.values() if names]


def counted_as(names: tuple[str, ...]) -> tuple[str, str]:
    """The count's words for a story of yours: "outdoors or movement win", or "win" for every win."""
    if EVERY_WIN in names:
        return "win", "wins"
    kinds = " or ".join((", ".join(names[:-1]), names[-1])) if len(names) > 1 else names[0]
    return f"{kinds} win", f"{kinds} wins"


def pick_examples(wins: list[Win], told: set[str]) -> tuple[Win, ...]:
    """Up to three wins spread over time, newest first: the latest, one from the middle, the first; each,
    when the story has one, in other words than those picked already or told by an earlier story."""
    picked: list[Win] = []
    for start, steps in ((len(wins) - 1, (-1,)), (0, (1,)), (len(wins) // 2, (-1, 1))):
        fallback = None  # the nearest win not picked yet, if every one left says what was told
        for win in near(wins, start, steps):
            if any(win is p for p in picked):
                continue
            if repeat_key(win.text) not in told:
                break
            fallback = fallback or win
        else:
            win = fallback
        if win:
            picked.append(win)
            told.add(repeat_key(win.text))
    return tuple(sorted(picked, key=lambda w: (w.date, w.source, w.line), reverse=True))


def near(wins: list[Win], start: int, steps: tuple[int, ...]):
    """The wins from index start outwards, one step at a time in each direction given."""
    for distance in range(len(wins)):
        for step in steps:
            index = start + step * distance
            if 0 <= index < len(wins) and (distance or step == steps[0]):
                yield wins[index]


def tell_stories(wins: tuple[Win, ...], config: Config) -> tuple[Story, ...]:
    """Each story of the table that has evidence, answered from the wins (in date order)."""
    quiet = frozenset(config.quiet_dates)
    told, said = [], set()
    for words, names, one, many in story_table(config):
        found = [w for w in wins if EVERY_WIN in names or w.category in names]
        if not found:
            continue
        shown = shown_again(found, quiet)
        latest: date | None = shown[-1].date if shown and shown[-1].date == found[-1].date else None
        told.append(Story(words=words, categories=names, one=one, many=many, count=len(found),
                          days=len({w.date for w in found}), latest=latest,
                          examples=pick_examples(shown, said)))
    return tuple(told)
