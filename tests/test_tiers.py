"""A day's lines → its wins under rules 1–5, its mode, why it is hard, and why each other line counts for
nothing (PRODUCT.md §2), through the parser and merge_days, as tables of note → expected."""

from __future__ import annotations

from datetime import date

import pytest

from generator.analyze import merge_days
from generator.config import Config
from generator.model import Day, Note, NoteFile
from generator.parse import Parser


def parse(source: str, text: str) -> tuple[Note, ...]:
    """The notes one file gives (every file here has a full date: its modification time is never read)."""
    return Parser(Config()).parse(NoteFile(source, text, date(2025, 12, 31))).notes


def day_of(*lines: str, source: str = "2025-03-04.md") -> Day:
    """The one day a note gives."""
    days = merge_days(parse(source, "\n".join(lines) + "\n"))
    assert len(days) == 1, days
    return days[0]


def wins(*lines: str, source: str = "2025-03-04.md") -> list[str]:
    return [w.text for w in day_of(*lines, source=source).wins]


# ---------------------------------------------------------------------------------------------
# Rule 3: win headings and bold-colon lines open sections


@pytest.mark.parametrize(("lines", "expected"), [
    (["**Morning:**", "- stretched", "🎉 **Small wins:**", "- replied to the landlord", "ate breakfast",
      "**To do:**", "- ring the vet"], ["replied to the landlord", "ate breakfast"]),
    (["**Today's progress:**", "* emptied the dishwasher", "**Thoughts:**", "* the new manager seems nice"],
     ["emptied the dishwasher"]),
    (["**Progress**:", "- 3 pages"], ["3 pages"]),  # the colon outside the bold opens a section too
    (["**Done today:**", "- fixed the sink", "## Evening", "- telly"],
     ["fixed the sink"]),  # any heading ends it
    (["## Wins", "- a", "**Morning:**", "- b"], ["a", "b"]),  # a bold line does not end a markdown section
    (["**Done today:**", "- a", "**Thoughts:** tired today", "- b"], ["a"]),  # a bold label ends it too
    (["**Wins:** ran 5k", "- [x] cooked", "- tidied"], ["ran 5k", "cooked"]),  # a label heads its own line
    (["Today's progress: fixed the form.", "Thoughts: tired but ok."], ["fixed the form."]),
    (["**Done today:**", "- **Work:** fixed the bug", "- **Home:** cooked"],
     ["**Work:** fixed the bug", "**Home:** cooked"]),  # labels inside list items are text
    (["## What went well?", "- finished the report", "Stayed calm when the printer died."],
     ["finished the report", "Stayed calm when the printer died."]),
    (["## Wins", "- went out", "### Tomorrow", "- ring Jo", "### Home", "- cooked"], ["went out", "cooked"]),
    (["Wins:", "- did laundry", "Tomorrow:", "- dentist"], ["did laundry"]),  # plain labels, as on a phone
])
def test_rule3_sections(lines, expected):
    assert wins(*lines) == expected


# ---------------------------------------------------------------------------------------------
# Rule 4: log mode, and what it leaves out


@pytest.mark.parametrize(("lines", "expected"), [
    (["## Today", "- dropped Ella at nursery", "## To do", "- book flights", "## Shopping", "- oat milk",
      "## Ideas", "- a zine", "## Reading list", "- Wintering", "## Links", "- the spreadsheet",
      "## Questions", "- ask the GP", "## Resources", "- Mind's page"], ["dropped Ella at nursery"]),
    (["## Groceries", "- eggs", "## Goals", "- run 5k", "## Intentions", "- be kind", "## Priorities",
      "- sleep", "## Tomorrow", "- church", "## Plans", "- visit Nan", "## Morning", "- went to the market"],
     ["went to the market"]),
    (["**Plans:**", "- sort the recycling", "**Log:**", "- sorted the recycling"], ["sorted the recycling"]),
    (["## Gratitude", "- my sister", "- had a lovely chat with Sam", "## Log", "- phoned the garage"],
     ["phoned the garage"]),
    (["## To do", "- [x] booked flights", "- renew car tax"],
     ["booked flights"]),  # a ticked task counts anywhere
    (["- I want to start running again", "- laid out my clothes for tomorrow", "- should I call?",
      "- https://example.org", "- Task 1", "- did the food shop"],
     ["laid out my clothes for tomorrow", "did the food shop"]),
    (["1. Task 1", "2. Task 2", "- ...", "- do something", "- TBD", "- phoned the garage"],
     ["phoned the garage"]),
    (["- did laundry", "To do:", "- dentist", "- renew car tax", "## Evening", "- rang Mum"],
     ["did laundry", "rang Mum"]),
    (["- coffee in bed", "- read the news", "Slept badly and the day felt long."],
     ["coffee in bed", "read the news"]),  # a plain line is not a list item or dated line
])
def test_rule4_log_mode_leaves_out_what_is_plainly_not_a_deed(lines, expected):
    day = day_of(*lines)
    assert [w.text for w in day.wins] == expected
    assert day.mode == ("marked" if "[x]" in str(lines) else "log")


# ---------------------------------------------------------------------------------------------
# Rule 5: prose mode, when rules 1–4 find nothing


@pytest.mark.parametrize(("lines", "expected"), [
    (["Felt guilty. Made coffee anyway and sat in the garden. My sister rang. We talked for an hour."],
     ["Made coffee anyway and sat in the garden.", "We talked for an hour."]),
    (["**Update:** Read the letter from the council.", "", "This afternoon I hung the washing."],
     ["Read the letter from the council.", "This afternoon I hung the washing."]),
    (["# Wednesday", "", "Quiet day. We ordered pizza and I tidied the kitchen after."],
     ["We ordered pizza and I tidied the kitchen after."]),
    (["- [ ] ring the bank", "- I want to rest", "Went for a walk anyway."],
     ["Went for a walk anyway."]),  # any list holds only open tasks or excluded lines
    (["- want to see Chloe. Went to the gym though."], ["Went to the gym though."]),
    (["## Tomorrow", "Called the bank first thing."], []),  # under a plan heading: never a deed
    (["1. Task 1", "2. Task 2", "## Gratitude", "- "], []),
    (["Quiet day.", "It seemed like a lot."], []),
])
def test_rule5_prose_mode(lines, expected):
    day = day_of(*lines)
    assert [w.text for w in day.wins] == expected
    assert day.mode == "prose"


def test_rule5_each_sentence_win_keeps_the_line_it_is_on():
    day = day_of("Quiet.", "Got up. Showered.", "", "Then I phoned the surgery.")
    assert [(w.text, w.line) for w in day.wins] == [("Got up.", 2), ("Showered.", 2),
                                                     ("Then I phoned the surgery.", 4)]
    assert day.win_lines(day.notes[0]) == frozenset({1, 3})


def test_tiers_are_decided_per_day_across_notes():
    notes = []
    for source, text in [("a/2025-03-04.md", "I went for a run."), ("b/2025-03-04.md", "- did laundry"),
                         ("a/2025-03-05.md", "I went for a run."), ("b/2025-03-05.md", "- [ ] laundry"),
                         ("a/2025-03-06.md", "- did laundry"), ("b/2025-03-06.md", "- [x] showered")]:
        notes += parse(source, text)
    days = merge_days(notes)
    assert [(d.mode, [w.text for w in d.wins]) for d in days] == [
        ("log", ["did laundry"]), ("prose", ["I went for a run."]), ("marked", ["showered"]),
    ]


# ---------------------------------------------------------------------------------------------
# Struggles: never a win, make the day hard; the rest is prose when the day has no rule 1–3 win


@pytest.mark.parametrize(("lines", "expected", "hard"), [
    (["Tuesday: rough. Everything felt heavy. Still fed the cat."], ["Still fed the cat."],
     "rough on line 1"),
    (["Tuesday: rough day. Cancelled on Dana."], [], "rough day on line 1"),
    (["rough: could not get up", "- made tea"], ["made tea"], "rough: on line 1"),
    (["- made tea", "- got up #rough"], ["made tea", "got up"], "#rough on line 2"),
    (["- made tea", "#struggle but I went out"], ["made tea", "but I went out"], "#struggle on line 2"),
    (["- made tea", "- [x] HARD: went to work anyway"], ["made tea", "went to work anyway"],
     "HARD: on line 2"),
    (["Hard day. Still went to work.", "- [x] took meds"], ["took meds"], "Hard day on line 1"),
    (["Rough morning. Everything ached. I got up at 2 and made soup.", "- tidied the kitchen"],
     ["I got up at 2 and made soup.", "tidied the kitchen"], "Rough morning on line 1"),
    (["Bad day.", "### Wins", "- opened the curtains"], ["opened the curtains"], "Bad day on line 1"),
    (["#hard", "Got dressed. Walked to the corner. Mum phoned."], ["Got dressed.", "Walked to the corner."],
     "#hard on line 1"),
    (["Rough. Couldn't get dressed.", "", "Later I replied to Ruth."], ["Later I replied to Ruth."],
     "Rough on line 1"),  # a struggle's rest does not stop prose mode
    (["## Wins", "- a", "- d #hard"], ["a"], "#hard on line 3"),
    (["- went through the boxes", "- hard-boiled eggs"], ["went through the boxes", "hard-boiled eggs"],
     None),
    (["## Hard morning", "- did laundry"], ["did laundry"], "Hard morning on line 1"),  # a heading too
    (["## Through the woods", "- walked"], ["walked"], None),
])
def test_struggles(lines, expected, hard):
    day = day_of(*lines)
    assert ([w.text for w in day.wins], day.hard_reason) == (expected, hard)
    assert day.hard is (hard is not None)


@pytest.mark.parametrize(("heading", "hard"), [
    ("## 2025-03-04 — rough day", "rough day in the title"),
    ("## 2025-03-04 #hard", "#hard in the title"),
    ("## 2025-03-04 Tuesday", None),
])
def test_a_dated_heading_that_says_the_day_was_hard(heading, hard):
    (day,) = merge_days(parse("log.md", f"{heading}\n- made tea\n"))
    assert (day.hard_reason, [w.text for w in day.wins]) == (hard, ["made tea"])


@pytest.mark.parametrize(("front", "hard"), [
    (["mood: 2"], "mood 2"), (["mood: 1", "tags: [hard]"], "mood 1"),
    (["tags: [rough]"], "#rough in front matter"),
    (["mood: 3"], None),
])
def test_why_a_day_is_hard_from_its_front_matter(front, hard):
    assert day_of("---", *front, "---", "rough.", "- [x] a").hard_reason == (hard or "rough on line 4")


# ---------------------------------------------------------------------------------------------
# Lists in .txt and .journal files


def test_tight_and_dot_bullets_in_a_text_file():
    text = "2025-07-01\n-did laundry\n*changed the bed\n–hoovered upstairs\n•watered the tomatoes\n" \
           "- ordered the filter\nthis is a note about the weather. it rained.\n"
    assert [w.text for d in merge_days(parse("notes.txt", text)) for w in d.wins] == [
        "did laundry", "changed the bed", "hoovered upstairs", "watered the tomatoes", "ordered the filter"]


@pytest.mark.parametrize(("source", "mode", "expected"), [
    ("2025-03-04.journal", "log", ["cleaned the windows"]),
    ("2025-03-04.txt", "log", ["cleaned the windows"]),
    ("2025-03-04.md", "prose", ["-cleaned the windows", "I went out."]),  # in markdown: plain lines
])
def test_tight_bullets_only_in_text_files(source, mode, expected):
    day = day_of("-cleaned the windows", "-need to call the window man", "I went out.", source=source)
    assert (day.mode, [w.text for w in day.wins]) == (mode, expected)


# ---------------------------------------------------------------------------------------------
# Weekday lines: dated log lines where the day was counted from them, plain lines in a daily file


def test_a_weekday_line_in_a_daily_file_is_not_a_dated_log_line():
    assert wins("Tuesday: back from Mum's.", "", "We went to the garden centre.") == [
        "We went to the garden centre."]


def test_a_weekday_line_in_a_running_log_is_a_dated_log_line():
    notes = parse("log.md", "## 2025-03-03\n- a\nTuesday: back to work\n")
    assert [(d.date.day, d.mode, [w.text for w in d.wins]) for d in merge_days(notes)] == [
        (3, "log", ["a"]), (4, "log", ["back to work"])]


# ---------------------------------------------------------------------------------------------
# Dropped: every line with words that no rule counts, and why


@pytest.mark.parametrize(("lines", "dropped"), [
    (["- [ ] ring the vet", "- CANCELED dinner", "~~gym~~", "collapsed:: true", "- did laundry"],
     [(1, "open task"), (2, "cancelled"), (3, "struck out"), (4, "a property (key:: value)")]),
    (["- I want to rest", "- should I?", "- [[Notes]]", "- Task 1", "- tired", "- went out", "Quiet day."],
     [(1, "plan or wish"), (2, "question"), (3, "a link"), (4, "template placeholder"),
      (5, "a feeling, not a deed"), (7, "not a list item or dated line")]),
    (["## To do", "- book flights", "## Log", "- went out"], [(2, "under 'To do'")]),
    (["**Tomorrow:**", "- church", "- went out"], [(2, "under 'Tomorrow'"), (3, "under 'Tomorrow'")]),
    (["Quiet day. Got up.", "It seemed like a lot.", "- I want to rest"],
     [(2, "prose, but no deed"), (3, "plan or wish")]),
    (["rough.", "- [x] a", "- b", "Slept."],
     [(1, "a struggle"), (3, "not marked, and the day has marked wins"),
      (4, "not marked, and the day has marked wins")]),
    (["rough. Still fed the cat.", "Tired."], [(2, "prose, but no deed")]),
    (["```", "- [x] code", "```", "- went out"], [(2, "in a code block")]),
    (["- went out #private", "- came back", "", "---"], []),  # private lines are never shown back
])
def test_every_line_no_rule_counts_says_why(lines, dropped):
    (note,) = day_of(*lines).notes
    assert [(d.line, d.why) for d in note.dropped] == dropped
