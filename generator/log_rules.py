"""Rule 4, log mode: the list items and dated lines that are plainly not deeds (PRODUCT.md §2)."""

from __future__ import annotations

import re

from .words import word_set

# Openings of a plan or a wish: "I want to", "need to", "I'll", "tomorrow:", "goal:" …
PLAN = re.compile(
    r"^(?:i\s+(?:really\s+|still\s+|also\s+|just\s+|definitely\s+|seriously\s+)?"
    r"(?:want|wanna|need|should|shall|will|must|have\s+to|gotta|wish|hope|plan|intend|"
    r"would\s+like|am\s+going\s+to|am\s+gonna)\b"
    r"|i'll\b|i'd\s+(?:like|love)\s+to\b|i'm\s+(?:going\s+to|gonna|planning)\b|im\s+going\s+to\b"
    r"|(?:have|has|hope|plan|planning|try|remember)\s+to\b"
    r"|(?:want|wanna|wanted|need|needs|should|must|gonna|gotta|hopefully|maybe|wished|hoped"
    r"|don't\s+forget|dont\s+forget)\b|tomorrow\b(?!['’]s)"
    r"|(?:plan|plans|goal|goals|todo|to\s*do|next|intention|idea|reminder)\s*[:\-–—])",
    re.I,
)
LINK = re.compile(r"^(?:!?\[\[|!?\[[^\]]*\]\(|<?https?://|www\.)", re.I)
PLACEHOLDER = re.compile(
    r"(?:task|item|todo|to-do|thing|goal|step|point|priority|idea|habit|entry|note|win)\s*#?\d+"
    r"|do\s+something|something|stuff|tbd|tba|tbc|n/?a|none|nothing|placeholder|lorem\s+ipsum.*|x+"
    r"|\{\{.*\}\}|<%.*%>",
    re.I,
)
# A line that is only how the writer felt: "tired.", "so tired", "Felt sad", "I'm exhausted", "mood: 3".
FEELING = re.compile(
    r"^(?:i\s+)?(?:felt|feel|feels|feeling)\b|^(?:i'm|i\s+am|im)\s+(?:so\s+|very\s+|really\s+|a\s+bit\s+)*"
    r"(?:tired|exhausted|sad|anxious|stressed|overwhelmed|sick|ill|lonely|bored|angry|fine|ok|okay)\b"
    r"|^(?:mood|energy|weather)\s*[:=\-–]",
    re.I,
)
STATE_WORDS = word_set("""
    tired exhausted knackered sleepy sad anxious stressed overwhelmed meh ok okay fine good great sick ill
    unwell bored lonely angry grumpy irritable down blue numb flat foggy hungover hungover-ish depressed
    worried nervous scared happy calm content better worse rubbish cranky teary weepy drained wired
    restless achy sore headache migraine burnt burned out
""")
FILLERS = word_set("so very really a bit little quite pretty kinda super too totally and but")
WORD = re.compile(r"[\w'-]+")
SHORT = 5  # a line of this many words or fewer, all of them feelings, is a state, not a deed


def not_a_deed(text: str) -> str | None:
    """Say why a log line is plainly not a deed ("plan or wish", "question", …), else None."""
    text = text.replace("’", "'").lstrip("*_ ")
    if LINK.match(text):
        return "a link"
    bare = text.rstrip(" .!…*_")
    if PLACEHOLDER.fullmatch(bare):
        return "template placeholder"
    if bare.rstrip(" \"')]").endswith("?"):
        return "question"
    if PLAN.match(text):
        return "plan or wish"
    words = WORD.findall(bare.lower())
    if FEELING.match(text) or only_states(words):
        return "a feeling, not a deed"
    return None


def only_states(words: list[str]) -> bool:
    """True for a few words that only say how the writer was: "so tired", "anxious and flat"."""
    feelings = [w for w in words if w not in FILLERS]
    return 0 < len(words) <= SHORT and bool(feelings) and STATE_WORDS.issuperset(feelings)
