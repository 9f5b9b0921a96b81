"""Give each win one category: a tag of its own line that names one, else the first keyword rule
that matches, else a front-matter tag of its note that names one, else "other"."""

from __future__ import annotations

import re

OTHER = "other"

# The categories every wall has (name → keywords), tried after the ones wall.yaml names.
BUILTIN_CATEGORIES: dict[str, tuple[str, ...]] = {
    "self-care": (
        "selfcare", "shower", "showered", "bath", "teeth", "brushed", "skincare", "meds",
        "medication", "ate", "eat", "meal", "breakfast", "lunch", "dinner", "cooked", "water",
        "haircut", "dressed", "hygiene",
    ),
    "connection": (
        "connection", "friend", "friends", "texted", "text", "called", "call", "phoned", "coffee",
        "mum", "mom", "dad", "sister", "brother", "family", "visited", "hug", "chat", "message",
        "replied", "date",
    ),
    "home": (
        "home", "laundry", "dishes", "tidied", "tidy", "cleaned", "clean", "vacuum", "hoover",
        "bins", "groceries", "shopping", "bed", "plants", "watered", "cooking", "chores", "fixed",
    ),
    "movement": (
        "movement", "exercise", "walk", "walked", "run", "ran", "swim", "swam", "yoga",
        "stretch", "stretched", "gym", "bike", "cycled", "dance", "danced", "steps", "workout",
    ),
    "rest": ("rest", "nap", "napped", "sleep", "slept", "early night", "lie-in", "relaxed", "break"),
    "work & study": (
        "work", "study", "email", "emails", "meeting", "shift", "job", "class", "course",
        "homework", "studied", "deadline", "report", "applied", "application", "invoice",
    ),
    "boundaries": (
        "boundaries", "boundary", "said no", "asked for help", "cancelled", "canceled",
        "declined", "logged off", "unfollowed", "stood up for",
    ),
    "therapy & health": (
        "therapy", "health", "therapist", "counsellor", "counselor", "doctor", "gp", "dentist",
        "pharmacy", "prescription", "appointment", "journaled", "breathing", "meditated",
        "meditation", "mindfulness",
    ),
    "creativity": (
        "creativity", "creative", "drew", "draw", "drawing", "sketch", "sketched", "painted",
        "paint", "wrote", "writing", "poem", "guitar", "piano", "music", "knit", "knitted",
        "craft", "photo", "baked",
    ),
    "outdoors": (
        "outdoors", "outside", "park", "garden", "sun", "sunshine", "fresh air", "beach",
        "forest", "woods", "hike", "nature", "river", "sea",
    ),
}


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def _rule(keywords: tuple[str, ...]) -> re.Pattern | None:
    if not keywords:
        return None
    words = "|".join(r"\s+".join(map(re.escape, k.split())) for k in keywords)
    return re.compile(rf"(?<!\w)(?:{words})(?:s|es|ed|d|ing)?(?!\w)", re.I)


class Categorizer:
    """Decide categories from an ordered table of (name, keywords)."""

    def __init__(self, table: tuple[tuple[str, tuple[str, ...]], ...]):
        self.names = {_squash(name): name for name, _ in reversed(table)}
        self.rules = [(name, rule) for name, keywords in table if (rule := _rule(keywords))]

    def __call__(self, tags: tuple[str, ...], text: str, note_tags: tuple[str, ...] = ()) -> str:
        return (
            self.named(tags)
            or next((name for name, rule in self.rules if rule.search(" ".join((text, *tags)))), None)
            or self.named(note_tags)
            or OTHER
        )

    def named(self, tags: tuple[str, ...]) -> str | None:
        """Return the first category one of the tags names, if any."""
        return next((self.names[key] for key in map(_squash, tags) if key in self.names), None)
