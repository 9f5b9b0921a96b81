"""Properties of the parser on generated notes: it never raises, loses no line, and points each win at
the line it came from."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.analyze import merge_days
from generator.config import Config
from generator.markdown import inline, note_html
from generator.model import FileResult, NoteFile, Win, tier_wins
from generator.parse import Parser
from generator.win_rules import clean

PARSERS = {order: Parser(Config(date_order=order)) for order in ("mdy", "dmy")}
SOURCES = ["2025-03-04.md", "journals/2025_03_04.md", "log.txt", "notes/ideas.md", "2025-02-30.md"]
FRAGMENTS = [
    "- [x] ", "- [ ] ", "* ", "1. ", "+ ", "## Wins", "# ", "---", "...", "#hard", "#win", "win:", "✅",
    "🎉", "💪\ufe0f", "3/4 - ", "13/45 - ", "Jan 2 - ", "Tuesday: ", "[2025-03-04 10:00] ",
    "## 2025-03-04", "## 2024-12-30", "2025-02-30", "title: x", "date: 2025-02-30", "mood: 🙂",
    "private: true", "tags: [a, b]", "&a ", "*a", "<<: *a", "!!int ", "!!timestamp ", "!!binary ",
    "!!python/name:os.system", ": ", "? ", "{", "}", "```", "DONE ", "TODO ", "key:: v", "@ana", "[",
    "]", "`", "<script>", "word", "rough:", "Felt good.", " ", "\t", "\n", "\r\n", "\r", "\x00",
    "rough. ", "Rough day — ", "Still fed the cat. ", "I went out. ", "Made tea. ", "**Update:** ",
    "**Wins:**", "## To do", "• ", "-did ", "~~", "want to ", "?", "#rough ", "Task 1", "[[a]] ",
]
NOTE_TEXT = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=40).map("".join)
WITH_FRONT_MATTER = st.builds("---\n{}\n---\n{}".format, NOTE_TEXT, NOTE_TEXT)
ANY_TEXT = st.one_of(st.text(), NOTE_TEXT, WITH_FRONT_MATTER)
FUZZ = settings(max_examples=200, deadline=None)


def parse(text: str, source: str, order: str = "mdy") -> FileResult:
    return PARSERS[order].parse(NoteFile(source, text, date(2025, 12, 31)))


def all_wins(result: FileResult) -> list[Win]:
    return [win for note in result.notes for win in note.wins + note.candidates + note.prose + note.rescued]


@FUZZ
@given(ANY_TEXT, st.sampled_from(SOURCES), st.sampled_from(["mdy", "dmy"]))
def test_parsing_never_raises(text, source, order):
    result = parse(text, source, order)
    assert result.source == source
    assert bool(result.notes) != bool(result.skipped)


@FUZZ
@given(st.integers(1, 60), st.sampled_from(["-", "*", "+", "1."]), st.sampled_from(["\n", "\r\n", "\r"]),
       st.booleans())
def test_every_ticked_line_of_a_daily_note_is_one_win_on_its_line(count, bullet, end, front_matter):
    head = ["---", "mood: 4", "---"] if front_matter else []
    text = end.join([*head, *(f"{bullet} [x] word{n}" for n in range(count))]) + end
    result = parse(text, "2025-03-04.md")
    wins = [(win.text, win.line) for win in result.notes[0].wins]
    assert wins == [(f"word{n}", len(head) + n + 1) for n in range(count)]


@FUZZ
@given(st.integers(1, 60), st.sampled_from(["-", "*", "1."]), st.sampled_from(["\n", "\r\n", "\r"]))
def test_every_item_of_a_log_mode_note_is_one_candidate_win_on_its_line(count, bullet, end):
    text = end.join(f"{bullet} word{n}" for n in range(count)) + end
    note = parse(text, "2025-03-04.md").notes[0]
    assert note.wins == ()
    assert [(win.text, win.line) for win in note.candidates] == [(f"word{n}", n + 1) for n in range(count)]


@FUZZ
@given(ANY_TEXT, st.sampled_from(SOURCES))
def test_every_win_points_at_the_line_that_says_it(text, source):
    lines = text.splitlines()
    for win in all_wins(parse(text, source)):
        assert 1 <= win.line <= len(lines)
        assert win.text in clean(lines[win.line - 1]), (win, lines[win.line - 1])


@FUZZ
@given(ANY_TEXT, st.sampled_from(SOURCES), st.sampled_from(["mdy", "dmy"]))
def test_no_words_of_a_line_are_counted_twice(text, source, order):
    """Rules 1–4 give a line one win at most; prose gives each sentence once: the wins a day counts from
    one line are different parts of it, in order."""
    lines = text.splitlines()
    for day in merge_days(parse(text, source, order).notes):
        for note in day.notes:
            counted = tier_wins(note, day.mode)
            if day.mode != "prose":
                single = note.candidates if day.mode == "log" else note.wins
                assert len({w.line for w in single}) == len(single)
            by_line: dict[int, list[str]] = {}
            for win in counted:
                by_line.setdefault(win.line, []).append(win.text)
            for line, texts in by_line.items():
                assert in_order(texts, clean(lines[line - 1])), (texts, lines[line - 1])


def in_order(parts: list[str], whole: str) -> bool:
    """True when each part is found in whole after the one before it."""
    at = 0
    for part in parts:
        found = whole.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True


MARKDOWNISH = st.lists(
    st.sampled_from(["[", "]", "`", "``", "(", ")", "*", "_", "~~", "!", "<", ">", "#", "- ", "1. ",
                     "\n", "\n\n", "    ", "|", "-", "x", "word", "[x]", "http://a.b", "\\", "&amp;"]),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(MARKDOWNISH, st.text(max_size=200)))
def test_rendering_never_fails(text):
    note_html(text, frozenset({0, 1}))
    inline(text)
