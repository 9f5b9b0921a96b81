"""One line at a time (PRODUCT.md §2): list items, struggles, text cleaning, rule 4's exclusions and the
headings that open win or plan sections, as tables of line → what it is."""

from __future__ import annotations

import time

import pytest

from generator.log_rules import not_a_deed
from generator.sections import Sections, label_heading, line_label, names_plans, names_wins
from generator.win_rules import as_list_item, clean, judge

# ---------------------------------------------------------------------------------------------
# List items: `-did laundry` in .txt and .journal files, `•` anywhere


@pytest.mark.parametrize(("raw", "loose", "item"), [
    ("-did laundry", True, "- did laundry"),
    ("*changed the bed", True, "- changed the bed"),
    ("–hoovered upstairs", True, "- hoovered upstairs"),
    ("– hoovered upstairs", True, "- hoovered upstairs"),  # an en dash with a space too
    ("•watered the tomatoes", True, "- watered the tomatoes"),
    ("• took the bus", False, "- took the bus"),  # • is a list item in any file
    ("  •took the bus", False, "  - took the bus"),
    ("-did laundry", False, "-did laundry"),  # in markdown `-did` is not a list item
    ("-5 degrees out", True, "-5 degrees out"),  # a minus sign, not a bullet
    ("**Update:** read it", True, "**Update:** read it"),  # bold, not a bullet
    ("---", True, "---"),
    ("- did laundry", True, "- did laundry"),
])
def test_list_items_written_tight_or_with_bullets(raw, loose, item):
    assert as_list_item(raw, loose) == item


# ---------------------------------------------------------------------------------------------
# Struggles: a tag, or the line opens with a struggle word and then punctuation, a spaced dash, the
# end, or a time of day; "the rest" is what follows


@pytest.mark.parametrize(("raw", "why", "rest"), [
    ("rough:", "rough:", ""),
    ("rough.", "rough", ""),
    ("Rough day — still went out for milk.", "Rough day", "still went out for milk."),
    ("hard morning, ok afternoon", "hard morning", "ok afternoon"),
    ("Bad night; dreams again", "Bad night", "dreams again"),
    ("awful!", "awful", ""),
    ("terrible: no sleep at all", "terrible:", "no sleep at all"),
    ("tough week", "tough week", ""),
    ("low", "low", ""),
    ("rough, but went out", "rough", "but went out"),
    ("hard; slept it off", "hard", "slept it off"),
    ("Rough!!! Still ate.", "Rough", "Still ate."),
    ("- rough", "rough", ""),
    ("rough. Everything felt heavy. Still fed the cat.", "rough",
     "Everything felt heavy. Still fed the cat."),
    ("hard — managed a shower though", "hard", "managed a shower though"),
    ("hard - went out", "hard", "went out"),
    ("Rough day at work", "Rough day", "at work"),  # day/morning/night/week: anything may follow
    ("Hard evening, made soup", "Hard evening", "made soup"),  # evening and afternoon are kin of morning
    ("rough—everything ached", "rough", "everything ached"),  # an en or em dash needs no spaces
    ("**Rough day.** Got up anyway.", "Rough day", "Got up anyway."),
    ("- [x] HARD: went to work anyway", "HARD:", "went to work anyway"),
    ("went to the pharmacy #rough", "#rough", "went to the pharmacy"),
    ("#struggle but I went out", "#struggle", "but I went out"),
    ("#hard", "#hard", ""),
    ("- everything is a lot #struggle", "#struggle", "everything is a lot"),
])
def test_struggles_say_what_made_them_one_and_keep_the_rest(raw, why, rest):
    line = judge(raw)
    assert (line.kind, line.why, line.rest) == ("struggle", why, rest)


@pytest.mark.parametrize("raw", [
    "went through the boxes in the loft",  # through is not rough
    "hard-boiled eggs and toast",  # a hyphen joins words
    "low-key day, repotted the fern",
    "bad weather, walked anyway",
    "hard to focus",
    "hardly any sleep but did the school run",
    "low energy but took a bath",
    "Tough one.",  # "one" is not a time of day
    "rough draft finished",
    "Feeling rough",  # the word must open the line
    "Today was rough",
    "#hardware fixed",
    "~~rough day~~",  # struck out whole: taken back
])
def test_lines_that_are_not_struggles(raw):
    assert judge(raw).kind != "struggle"


# ---------------------------------------------------------------------------------------------
# Never a win: open, cancelled and struck-out tasks


@pytest.mark.parametrize(("raw", "kind", "why"), [
    ("- [ ] ring the vet", "open", "open task"),
    ("TODO ring the council", "open", "open task"),
    ("- LATER clear the gutter", "open", "open task"),
    ("NOW writing this list", "open", "open task"),
    ("- CANCELED dinner with Mark", "open", "cancelled"),
    ("CANCELLED dinner", "open", "cancelled"),
    ("~~go to the gym~~", "struck", ""),
    ("- ~~go to the gym~~", "struck", ""),
    ("- ~~gym~~ ~~pool~~.", "struck", ""),
    ("- ~~gym~~ went for a walk instead", "item", ""),  # only a line struck out whole
    ("- [x] ~~booked it~~", "struck", ""),
    ("| Meditated | yes |", "table", ""),  # a table row is a grid, not a line of words
])
def test_tasks_that_are_not_done(raw, kind, why):
    line = judge(raw)
    assert (line.kind, line.why) == (kind, why)


# ---------------------------------------------------------------------------------------------
# Text: a run of tags that ends the line is dropped, unless the word before a tag joins it.
# Decision: a tag kept in the sentence keeps its `#`, as written (PRODUCT.md names only what is removed).


@pytest.mark.parametrize(("raw", "text"), [
    ("- walked the dog #movement #outdoors", "walked the dog"),
    ("- read about #rust and #wasm", "read about #rust and #wasm"),
    ("- went bouldering with #sam", "went bouldering with #sam"),
    ("- did #yoga for 10 min", "did #yoga for 10 min"),
    ("- baked bread #baking", "baked bread"),
    ("- watched a talk on #python", "watched a talk on #python"),
    ("- cleaned the oven #home #chores #ugh", "cleaned the oven"),
    ("- went out with #sam #outdoors", "went out with #sam"),  # only the tag after "with" joins
    ("- read a paper related to #decentralisation and #distributed-systems",
     "read a paper related to #decentralisation and #distributed-systems"),
    ("- finished my #thesis", "finished my #thesis"),
    ("- wrote to the #council #admin", "wrote to the #council"),
    ("- called @Mum about the GP @family", "called @Mum about the GP"),
    ("- spoke to @sam", "spoke to @sam"),
    ("- [x] rang the GP ✅ 2025-03-04", "rang the GP"),  # the Obsidian Tasks plugin's done date
    ("- [x] rang the GP #health 📅 2025-03-09 ✅ 2025-03-04", "rang the GP"),
    ("- [x] paid rent ⏫ ✅ 2025-03-04", "paid rent"),
    ("- [x] booked it for 2025-03-04", "booked it for 2025-03-04"),  # a date alone is words
])
def test_trailing_tags_are_dropped_unless_part_of_the_sentence(raw, text):
    assert clean(raw) == text


def test_a_megabyte_of_joined_tags_is_read_in_one_pass():
    started = time.perf_counter()
    clean("- read about" + " and #a" * 200_000)
    assert time.perf_counter() - started < 5


# ---------------------------------------------------------------------------------------------
# Rule 4: what a list item or dated line says that is plainly not a deed


@pytest.mark.parametrize(("text", "why"), [
    ("I want to start running again", "plan or wish"),
    ("want to see Chloe this week", "plan or wish"),
    ("I need to renew my passport", "plan or wish"),
    ("need to call the landlord", "plan or wish"),
    ("I should drink more water", "plan or wish"),
    ("I will finish the application tonight", "plan or wish"),
    ("I'll make a GP appointment", "plan or wish"),
    ("I’ll make a GP appointment", "plan or wish"),
    ("I'm going to try the pool on Saturday", "plan or wish"),
    ("I wish I had more energy", "plan or wish"),
    ("I hope the results come back fine", "plan or wish"),
    ("tomorrow: laundry", "plan or wish"),
    ("plan: meal prep Sunday", "plan or wish"),
    ("goal: 3 walks this week", "plan or wish"),
    ("I want to go on two road trips a year", "plan or wish"),
    ("Tomorrow I'll rest", "plan or wish"),  # kin: other ways of saying a plan
    ("I'd like to learn Welsh", "plan or wish"),
    ("maybe ring Jo", "plan or wish"),
    ("remember to take the bins out", "plan or wish"),
    ("need more sleep", "plan or wish"),
    ("wanted to cry all day", "plan or wish"),  # a wish looking back is still not a deed
    ("should I tell my manager?", "question"),
    ("is this normal??", "question"),
    ("https://www.nhs.uk/mental-health/", "a link"),
    ("www.calm.com", "a link"),
    ("[Calm app](https://www.calm.com) for sleep stories", "a link"),
    ("[[Therapy notes]] updated", "a link"),
    ("TBD", "template placeholder"),
    ("Task 1", "template placeholder"),
    ("task 2.", "template placeholder"),
    ("do something", "template placeholder"),
    ("{{morning routine}}", "template placeholder"),
    ("nothing", "template placeholder"),
    ("tired.", "a feeling, not a deed"),  # only a feeling or state (eval DECISIONS)
    ("so tired", "a feeling, not a deed"),
    ("anxious and flat", "a feeling, not a deed"),
    ("hungover-ish", "a feeling, not a deed"),
    ("Felt sick all day", "a feeling, not a deed"),
    ("I'm exhausted", "a feeling, not a deed"),
    ("Mood: 3", "a feeling, not a deed"),
])
def test_rule4_lines_that_are_plainly_not_deeds(text, why):
    assert not_a_deed(text) == why


@pytest.mark.parametrize("text", [
    "laid out my clothes for tomorrow",  # "tomorrow" later in a deed
    "tomorrow's lunch made",
    "needed a nap so took one",
    "did the food shop",
    "picked up Mum's prescription",
    "coffee in bed",
    "went to the gym with [Sam](https://sam.example)",  # a link after the first word
    "Will came round for tea",  # a name, not "will"
    "going to the gym was easier than I thought",
    "a",
    "back to work after the long weekend",
    "Texted Ruth about Saturday? She said yes.",  # a question inside, not at the end
    "therapy. Talked about the job thing.",
    "good chat with Mum",
])
def test_rule4_lines_that_may_be_deeds(text):
    assert not_a_deed(text) is None


# ---------------------------------------------------------------------------------------------
# Headings: which name wins (rule 3), which name plans or reference (rule 4), bold-colon lines


@pytest.mark.parametrize("title", [
    "Wins", "Small wins", "Micro-wins", "Today's wins", "Done", "Did", "Proud of", "Victories",
    "Good things", "What went well", "Achievements", "Accomplishments", "Accomplished", "Progress",
    "Today's progress", "Highlights", "Done today", "Done list", "Ta-da list", "Got done", "Completed",
    "What I did", "Things I did",
    "WINS", "What went well?", "Got done:", "THINGS I DID", "Victories!", "Today’s Wins", "🎉 Wins",
    "Small victories", "Little wins", "Tiny wins",  # kin
])
def test_headings_that_name_wins(title):
    assert names_wins(title) and not names_plans(title)


@pytest.mark.parametrize("title", [
    "To do", "Tomorrow", "Plans", "Goals", "Intentions", "Priorities", "Ideas", "Questions", "Links",
    "Resources", "Reading list", "Shopping", "Groceries",
    "TODO", "To-do", "Todo list", "Tasks", "Next", "Next steps", "Tomorrow's plan", "Plan for tomorrow",
    "Today's goals", "Goals this week", "Top 3", "Shopping list", "Reminders", "Someday",
    "Gratitude", "Grateful for", "Thankful for",  # gratitude names good things, not deeds
    "Thoughts", "Worries", "Not done", "What didn't", "Mood",  # reflections and what was not done
    "Goals for 2025", "Ideas for the garden", "Questions for the GP", "To do (work)",  # opened by one
    "Today I'm grateful for",
])
def test_headings_that_name_plans_or_reference(title):
    assert names_plans(title) and not names_wins(title)


@pytest.mark.parametrize("title", [
    "Notes",  # a daily template's catch-all: its items may be deeds
    "Today", "Log", "Morning", "Evening", "Journal", "Winter", "Done list later", "Things I did not do",
    "Work", "Reflections",
])
def test_headings_that_name_neither(title):
    assert not names_wins(title) and not names_plans(title)


@pytest.mark.parametrize(("raw", "title"), [
    ("**Today's progress:**", "Today's progress"),
    ("🎉 **Small wins:**", "Small wins"),
    ("**Progress**:", "Progress"),  # the colon outside the bold too
    ("__Done today:__", "Done today"),
    ("- **Wins:**", "Wins"),
    ("**Plans:**  ", "Plans"),
    ("**Wins**", None),  # no colon: emphasis, not a heading
    ("**Update:** Read it.", None),
    ("**a** and **b:**", None),
    ("Wins:", "Wins"),  # a plain label that names wins or plans heads what follows too
    ("- To do:", "To do"),
    ("Tomorrow:", "Tomorrow"),
    ("Things I did today:", "Things I did today"),
    ("Morning:", None),  # a plain label that names neither is an ordinary line
    ("rough:", None),  # a struggle
    ("tomorrow: laundry", None),  # a plan with its words
    ("Tuesday:", None),
])
def test_label_lines_are_headings(raw, title):
    assert label_heading(raw) == title


@pytest.mark.parametrize(("raw", "label"), [
    ("**Update:** Read the letter.", ("Update", "Read the letter.")),
    ("**Thoughts**: I need more sleep", ("Thoughts", "I need more sleep")),
    ("**Link to work:** https://example.org", ("Link to work", "https://example.org")),
    ("**Day 12** (2025-01-24)", None),  # no colon
    ("**Wins:**", None),  # nothing after it: a heading
    ("**bold** words: here", None),
    ("Today's progress: fixed the form", ("Today's progress", "fixed the form")),  # plain words naming wins
    ("To do: ring the bank", ("To do", "ring the bank")),  # or plans
    ("Morning: went for a run", None),  # plain words naming neither: an ordinary line
    ("rough: could not get up", None),
])
def test_labels_that_open_a_line(raw, label):
    assert line_label(raw) == label


def test_sections_close_at_their_level_and_bold_ones_at_any_heading():
    sections = Sections()
    steps = [
        (2, "Wins", "win"), (3, "Work", "win"), (3, "Tomorrow", "plan"), (3, "Home", "win"),
        (7, "Plans", "plan"), (7, "Morning", "win"), (2, "Notes", ""), (7, "Done today", "win"),
        (1, "Tuesday", ""),
    ]
    seen = []
    for level, title, _ in steps:
        sections.enter(level, title)
        seen.append(sections.kind)
    assert seen == [kind for _, _, kind in steps]
