"""Rule 5, prose mode: which sentences of a paragraph report something the writer did (PRODUCT.md §2)."""

from __future__ import annotations

import re

from .words import word_set

# Irregular past forms (and the participles that follow "I've"/"we've") that report a deed.
IRREGULAR = word_set("""
    agreed ate beat became began bent bid blew bought brought built came cast caught chose cut dealt did
    done dove drank drew drove drunk dug eaten fed fit fled flew flown forgave fought found freed gave
    given gone got gotten grew had held hid hit hung kept knelt knit laid leant leapt learnt led left
    lent let lit made met outdid outran overcame oversaw paid proofread put quit ran rang read rebuilt
    redid remade repaid reread resold retook rewrote ridden rode rose run said sang sat saw seen sent
    set sewn shook shot shut slept sold sought sped spent split spoke spoken sprang spread spun stole
    stood strode swam swept swore swum swung taken taught threw thrown told took tore trod understood
    undertook underwent upheld went withdrew withheld woke won wore wove written wrote
""")
# Words ending in -ed that report a feeling, a state or something that went wrong, not a deed.
NOT_DEEDS = word_set("""
    tired worried wanted needed seemed bored stressed exhausted scared overwhelmed annoyed frustrated
    depressed confused excited relieved pleased surprised disappointed embarrassed ashamed frightened
    terrified hoped wished wondered doubted feared dreaded regretted hated loved liked missed skipped
    failed struggled cried sobbed panicked procrastinated overslept overthought wasted avoided cancelled
    canceled postponed ignored lacked intended planned supposed assumed believed realised realized
    guessed appeared drained wired bloated unmotivated motivated distracted inspired determined focused
    interested isolated irritated agitated unsettled heartbroken delighted thrilled amazed shocked
    humiliated underwhelmed blessed stuffed used screamed yelled shouted snapped argued complained moaned
    collapsed crashed relapsed binged doomscrolled crumbled spiralled spiraled dissociated froze
    felt thought knew fell lost forgot broke stuck hurt meant was were could would should might must
    upset
""")
# Words that end in -ed but are not verbs.
NOT_VERBS = word_set("bed red shed sled wed ted sacred naked wicked hundred kindred beloved ragged "
                      "rugged jagged crooked wretched embed")
SUBJECTS = frozenset({"i", "we"})
PERFECT = frozenset({"i've", "we've"})
ADVERBS = word_set("""finally actually still also just then eventually even really somehow already both
    all quickly briefly properly even proudly successfully""")
NEGATIONS = frozenset({"not", "nothing", "never", "n't", "no"})
STATES = word_set("""tired sick ill upset angry lost stuck worse anxious sad scared nervous annoyed
    stressed overwhelmed quiet mad drunk""")
# Openings that report a feeling, a state or a mishap though their verb reads as a deed.
NOT_DEED_PHRASES = ("stayed in bed", "stayed in", "stayed home", "stayed up", "got up late",
                    "went back to bed", "had to", "used to", "made me", "ran out of", "spent all day in bed",
                    "spent the day in bed", "spent the whole day in bed")
# Words that may open a sentence before its deed ("Then I…", "Tonight I…", "And then walked…").
CONNECTORS = word_set("""and but so then later also anyway tonight today yesterday earlier eventually
    afterwards afterward finally first next meanwhile somehow luckily thankfully""")
TIME_WORDS = word_set("""this last that early late yesterday every one""")
TIME_NOUNS = word_set("""morning afternoon evening night week weekend day lunchtime time
    monday tuesday wednesday thursday friday saturday sunday""")
# Words that open a short time phrase ("After work, …", "In the morning I …", "At 4am I …").
PREPOSITIONS = word_set("in at after before by around on during over once")
PHRASE_WORDS = 4  # the longest time phrase after its preposition
OPENING = 200  # characters of a sentence that hold its opening: time phrases, subject, verb and what follows
PHRASES = 3  # the most time phrases and connectors before a deed ("And then later I …")

CLOCK = re.compile(r"\d{1,2}(?:am|pm|h)?$")
TOKEN = re.compile(r"[\w'’]+(?:-[\w'’]+)*|,")
BOLD_LABEL = re.compile(r"^\s*(\*\*|__)[^*_\n]{1,40}?:?\1:?\s+(?=\S)")
SENTENCE_END = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][\"')\]*_]))\s+")
ABBREVIATION = re.compile(r"\b(?:(?i:dr|mr|mrs|ms|st|vs|approx|e\.g|i\.e)|[A-HJ-Z])\.$")


def deed_sentences(text: str) -> list[str]:
    """Return the sentences of a line that report something the writer did, as written."""
    return [s for s in split_sentences(BOLD_LABEL.sub("", text, count=1)) if reports_deed(s)]


def split_sentences(text: str) -> list[str]:
    """Cut text into sentences at . ! ? … followed by a space (not after Dr., e.g., J.)."""
    sentences: list[str] = []
    for piece in SENTENCE_END.split(text.strip()):
        if sentences and ABBREVIATION.search(sentences[-1][-9:]):
            sentences[-1] = f"{sentences[-1]} {piece}"
        elif piece:
            sentences.append(piece)
    return sentences


def reports_deed(sentence: str) -> bool:
    """True when a sentence says the writer did something: `Called Mom back.`, `I finally booked it.`"""
    if sentence.rstrip(" \"')]*_").endswith("?"):
        return False
    words = TOKEN.findall(sentence[:OPENING].lower().replace("’", "'"))
    start: int | None = 0
    for _ in range(PHRASES + 1):
        if start is None or start >= len(words):
            return False
        if opens_with_deed(words, start):
            return True
        start = after_time_phrase(words, start)
    return False


def opens_with_deed(words: list[str], at: int) -> bool:
    """True when the words from `at` open with a deed: [I/We] [adverbs] past verb, or I've + participle."""
    subject = words[at] in SUBJECTS
    if subject or words[at] in PERFECT:
        at += 1
    at = skip(words, at, ADVERBS)
    if at >= len(words) or not is_past(words[at]):
        return False
    following = words[at + 1] if at + 1 < len(words) else ""
    if following in NEGATIONS or following in STATES or (following == "me" and not subject):
        return False
    return not " ".join(words[at:at + 6]).startswith(NOT_DEED_PHRASES)


def after_time_phrase(words: list[str], at: int) -> int | None:
    """Return where the sentence goes on after a short time phrase opening at `at`, or None."""
    word = words[at]
    if CLOCK.match(word):  # "09:15 took meds", "7am, went for a run"
        return skip_clock(words, at)
    if word in CONNECTORS or word in TIME_NOUNS:
        return skip(words, at + 1, {","})
    if word in TIME_WORDS and at + 1 < len(words) and words[at + 1] in TIME_NOUNS:
        return skip(words, at + 2, {","})
    if word in PREPOSITIONS:
        for end in range(at + 2, min(at + 2 + PHRASE_WORDS, len(words))):
            if words[end] == ",":
                return end + 1
            if words[end] in SUBJECTS:
                return end
    return None


def skip_clock(words: list[str], at: int) -> int:
    """Return the index after a clock time written as words: 09 15, 7am, 4 30 pm."""
    while at < len(words) and (CLOCK.match(words[at]) or words[at] in ("am", "pm", ",")):
        at += 1
    return at


def skip(words: list[str], at: int, kinds: frozenset[str] | set[str]) -> int:
    """Return the first index from `at` whose word is not one of `kinds`."""
    while at < len(words) and words[at] in kinds:
        at += 1
    return at


def is_past(word: str) -> bool:
    """True for a past form that can report a deed: -ed (not a feeling or state) or a common irregular."""
    if word in NOT_DEEDS or word in NOT_VERBS:
        return False
    return word in IRREGULAR or (len(word) > 3 and word.endswith("ed") and not word.endswith("eed"))
