"""generator.openers and .split: which lines open a day, and the dates days get (PRODUCT.md §1), as tables.

Each row is a decision; a comment says why where PRODUCT.md is silent.
"""

from __future__ import annotations

from datetime import date

import pytest

from generator.config import Config
from generator.model import FileResult, NoteFile
from generator.openers import line_opener
from generator.parse import Parser
from generator.split import DayText, split_days

TUE = date(2025, 3, 4)  # a Tuesday
SAVED = date(2025, 3, 10)  # a Monday: the day a test's file was last modified


def opened(line: str, order: str = "mdy") -> tuple | None:
    """What line_opener makes of a line: (date written, words after, heading?, label), or None."""
    opener = line_opener(line, order)
    if opener is None:
        return None
    found = opener.found
    written = f"{found.month}/{found.day}"
    if found.year:
        written = date(found.year, found.month, found.day).isoformat()
    if found.weekday is not None:
        written = f"weekday {found.weekday}"
    return written, opener.rest, opener.is_heading, opener.label


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # PRODUCT.md §1, running logs.
        ("## 2025-03-04", ("2025-03-04", "", True, "")),
        ("# March 4", ("3/4", "", True, "")),
        ("Tuesday, March 4: did laundry", ("3/4", "did laundry", False, "")),
        ("3/4 - did laundry", ("3/4", "did laundry", False, "")),
        ("Mar 4: did laundry", ("3/4", "did laundry", False, "")),
        ("[2025-03-04 08:12 PM] did laundry", ("2025-03-04", "did laundry", False, "")),
        # PRODUCT.md §1, a label before the date: the label is part of the title, never a win.
        ("### Day 1: January 23, 2025", ("2025-01-23", "", True, "Day 1")),
        ("**Day 12** (2025-01-24)", ("2025-01-24", "", False, "Day 12")),
        ("Entry - 3/4/25", ("2025-03-04", "", False, "Entry")),
        ("Day 5 - 2025-01-24: walked to the gate", ("2025-01-24", "walked to the gate", False, "Day 5")),
        # A heading holding exactly one full date opens that day, the words around it its title.
        ("## Week 3 — 2025-01-20 — back at work", ("2025-01-20", "back at work", True, "Week 3")),
        ("## Therapy notes (2025-01-20)", ("2025-01-20", "", True, "Therapy notes")),
        ("## Monday — 2025-03-03", ("2025-03-03", "", True, "")),  # the date, not the weekday
        ("## 2025-03-03 or 2025-03-04?", ("2025-03-03", "or 2025-03-04?", True, "")),  # opens with it
        ("## Trip: 2025-03-03 to 2025-03-05", None),  # two dates: which day would it be?
        ("## Plans for next year", None),
        # PRODUCT.md §1, `date`-command lines.
        ("Mon Jul 16 10:10:31 CEST 2018", ("2018-07-16", "", False, "")),
        ("Mon Jul 16 10:10:31 2018", ("2018-07-16", "", False, "")),
        ("Mon Jul 16 10:10:31 UTC 2018", ("2018-07-16", "", False, "")),
        ("Mon Jul 16 10:10:31 +0200 2018", ("2018-07-16", "", False, "")),
        # PRODUCT.md §1, two-digit years where a line or heading starts.
        ("2.3.20", ("2020-02-03", "", False, "")),
        ("2/4/20 - went in early", ("2020-02-04", "went in early", False, "")),
        ("04.02.20", ("2020-04-02", "", False, "")),
        ("3/4/25 -", ("2025-03-04", "", False, "")),
        ("## 2/4/20", ("2020-02-04", "", True, "")),
        # PRODUCT.md §1, weekdays as people shorten them, and ordinals.
        ("Tues: swapped shifts", ("weekday 1", "swapped shifts", False, "")),
        ("Weds: rough.", ("weekday 2", "rough.", False, "")),
        ("Wed. Did the big shop.", ("weekday 2", "Did the big shop.", False, "")),
        ("Thurs - went to the appointment", ("weekday 3", "went to the appointment", False, "")),
        ("Thur: I should call the bank.", ("weekday 3", "I should call the bank.", False, "")),
        ("Sat - bad night", ("weekday 5", "bad night", False, "")),
        ("fri - made pancakes", ("weekday 4", "made pancakes", False, "")),
        ("SUN: walked", ("weekday 6", "walked", False, "")),
        ("Mon… still tired", ("weekday 0", "still tired", False, "")),
        ("Monday... still tired", ("weekday 0", "still tired", False, "")),
        ("Monday.", ("weekday 0", "", False, "")),
        ("March 3rd: back to the gym", ("3/3", "back to the gym", False, "")),
        ("3rd March - gym", ("3/3", "gym", False, "")),
        ("March 4th -", ("3/4", "", False, "")),
        ("Wed 5th March: got my prescription sorted", ("3/5", "got my prescription sorted", False, "")),
        ("Sunday 2nd March 2025", ("2025-03-02", "", False, "")),
        # A full date at a line's start opens the day whatever follows; a two-digit year only when the
        # day and month have two digits too (`1.2.20 released` may be a version).
        ("2025-03-04 went in early", ("2025-03-04", "went in early", False, "")),
        ("05.02.20 bad day.", ("2020-05-02", "bad day.", False, "")),
        ("2.3.20 low", None),
        # Shapes of real plain-text diaries (PRODUCT.md is silent; a reader sees a day in each).
        ("=== 2025-03-04 ===", ("2025-03-04", "", False, "")),
        ("-- March 4 --", ("3/4", "", False, "")),
        ("**3/4** - tea", ("3/4", "tea", False, "")),
        ("2025/03/04: tea", ("2025-03-04", "tea", False, "")),
        ("Mon 3rd - gym", ("weekday 0", "gym", False, "")),  # the day of the month is not needed
        ("Tuesday the 4th: laundry", ("weekday 1", "laundry", False, "")),
        ("Tues 4 - laundry", ("weekday 1", "laundry", False, "")),
        ("4/3 Tue: laundry", ("4/3", "laundry", False, "")),
        ("Date:\tMarch 4, 2025 at 8:12:00 PM GMT+1", ("2025-03-04", "", False, "Date")),  # Day One
        ("Date: 2025-03-04", ("2025-03-04", "", False, "Date")),  # 750words
        # A weekday after the date it names is part of the date, not the line's words (not a win).
        ("2025-03-04 (Tue)", ("2025-03-04", "", False, "")),
        ("March 4, Tuesday: laundry", ("3/4", "laundry", False, "")),
        ("2025-03-04 - Tuesday - laundry", ("2025-03-04", "laundry", False, "")),
        ("## 2025-03-04 - Tuesday", ("2025-03-04", "Tuesday", True, "")),  # a heading's words: its title
    ],
)
def test_line_opener_reads_every_dated_line_of_product_md(line, expected):
    assert opened(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        # A weekday or a year-less date opens a day only when a separator (`:`, `-`, `,`, `.`, `…`) or
        # the end of the line follows it: otherwise it is the first word of a sentence.
        "Sat on the bench with Mum",
        "Sun was out all afternoon",
        "Sunday's child",
        "Wed my love in June",
        # After a weekday in full, a full stop ends a sentence: a daily note's first line, not a date.
        "Monday. Back from Mum's.",
        "Wednesday. Did the big shop.",
        "Tuesday was hard but I went out",
        "May 5 I went to the dentist",
        "May I have a rest",
        "March on, Mum said",
        "## Sat on the bench",
        # A date mid-sentence is not a day: not in a list item, not after words that are not a label.
        "- booked the dentist for 2025-03-10",
        "- 2025-03-04 tea",
        "booked the dentist for 2025-03-10",
        "Dentist: 2025-03-10",
        "Notes from 2025-03-04 meeting",
        "1.2.10 released",
        "12 push-ups",
        "1/2 marathon done!",
        "24/7 on call this week",
        "12/10 would recommend",
        "10:30 - dentist",
        "2024 was a hard year",
        "2025 - the year of rest",
        "Week 3 - feeling better",
        "Date night with Sam",
        "Note: 3/4 cup of flour",
        "Day trip to Brighton - 2025-03-10",
        "Sat 3rd place in the quiz",
        "Mon 10:30 - dentist",  # a time, not a day of the month: an appointment more than a day
        "-- rough day",
        "---",
    ],
)
def test_line_opener_leaves_sentences_that_mention_a_date(line):
    assert opened(line) is None


@pytest.mark.parametrize(
    ("lines", "modified", "expected"),
    [
        # PRODUCT.md §1: reading upwards, each bare weekday before the first date is the latest such
        # weekday before the date below it.
        (["Sunday: cleaned", "Monday - pottery", "Tuesday: rough.", "", "March 5, 2025", "- emailed",
          "Thursday: prescription"],
         SAVED,
         [(date(2025, 3, 2), True), (date(2025, 3, 3), True), (TUE, True), (date(2025, 3, 5), False),
          (date(2025, 3, 6), True)]),
        # Strictly before: a Wednesday line above a Wednesday's date is the week before.
        (["Wed: x", "## 2025-03-05"], SAVED, [(date(2025, 2, 26), True), (date(2025, 3, 5), False)]),
        # A year-less date below counts too; its year is the file's.
        (["Mon: x", "Mar 4: y"], SAVED, [(date(2025, 3, 3), True), (TUE, True)]),
        # PRODUCT.md §1: a file of weekday lines and no date is anchored at its modification day: the
        # last line is the latest such weekday on or before it, each line above the latest before it.
        (["Tuesday: Did laundry.", "Wednesday: Called Mom back."], date(2025, 3, 6),
         [(TUE, True), (date(2025, 3, 5), True)]),
        (["Monday: x"], SAVED, [(SAVED, True)]),  # the day itself is a Monday
        (["Sunday: x", "Saturday: y"], SAVED, [(date(2025, 3, 2), True), (date(2025, 3, 8), True)]),
        # The same weekday twice in a row: a week apart.
        (["Fri: x", "Fri: y"], SAVED, [(date(2025, 2, 28), True), (date(2025, 3, 7), True)]),
        # A file whose time is not a real day: weekday lines have nothing to anchor them.
        (["Tuesday: Did laundry.", "Wednesday: Called Mom back."], None, []),
        # After a known date, a weekday is the next such day (the same day if it is that weekday),
        # counted from the last date, inferred ones included.
        (["## 2025-03-03", "Tues: a", "Weds: b", "Mon: c", "Tue: d"], SAVED,
         [(date(2025, 3, 3), False), (TUE, True), (date(2025, 3, 5), True), (SAVED, True),
          (date(2025, 3, 11), True)]),
    ],
)
def test_split_days_dates_bare_weekdays_from_the_dates_around_them(lines, modified, expected):
    problems: list = []
    days = split_days(lines, "mdy", modified, "log.txt", problems)
    assert [(d.date, d.inferred) for d in days] == expected
    assert problems == []


def test_split_days_gives_each_day_its_lines_title_and_first_line():
    lines = ["# Log", "", "### Day 1: January 23, 2025", "- walked", "**Day 2** (2025-01-24)", "- ran",
             "Tuesday: rough.", "- fed the cat"]
    assert split_days(lines, "mdy", SAVED, "log.md", []) == [
        DayText(date(2025, 1, 23), 4, False, "Day 1", ["- walked"]),
        DayText(date(2025, 1, 24), 5, False, "Day 2", ["**Day 2** (2025-01-24)", "- ran"]),
        DayText(date(2025, 1, 28), 7, True, None, ["Tuesday: rough.", "- fed the cat"]),
    ]


@pytest.mark.parametrize(
    ("lines", "modified", "problem"),
    [
        (["2/30: x"], SAVED, "log.md:1: 02-30 (month-day) is not a real date; read as an ordinary line"),
        (["## 2025-02-30"], SAVED,
         "log.md:1: 2025-02-30 (month-day) is not a real date; read as an ordinary line"),
        # With no earlier full date, a year-less date takes the file's year; with no file day, none.
        (["Mar 4: x"], None, "log.md:1: 03-04 (month-day) has no year, and neither an earlier date nor the "
                             "file's time gives one; read as an ordinary line"),
    ],
)
def test_split_days_names_dates_that_cannot_be(lines, modified, problem):
    problems: list = []
    assert split_days(lines, "mdy", modified, "log.md", problems) == []
    assert [str(p) for p in problems] == [problem]


# ---------------------------------------------------------------------------------------------
# Whole files, as the parser reads them


def parse(text: str, source: str = "notes.txt", modified: date | None = SAVED, **settings) -> FileResult:
    return Parser(Config(**settings)).parse(NoteFile(source, text, modified))


def test_the_seeds_phone_note_is_a_week_of_inferred_days():
    text = ("Tuesday: Did laundry. Felt good to have clean clothes.\nWeds: rough.\nThurs - called Mom back\n"
            "Friday: made an appointment with the GP.\nSat: rough day. Still fed the cat.\n"
            "Sunday - walked to the river with Jonah\n")
    result = parse(text)
    assert [n.date for n in result.notes] == [date(2025, 3, d) for d in range(4, 10)]
    assert all(n.inferred for n in result.notes)
    assert result.problems == () and result.skipped is None


@pytest.mark.parametrize(
    ("text", "modified", "skipped"),
    [
        # PRODUCT.md §1: anything with no date it can find is skipped with a warning naming why.
        ("just some thoughts\n", SAVED, "no date in its name, front matter or lines"),
        ("Tuesday: Did laundry.\n", None, "weekday lines with no date to anchor them"),
        ("Sat on the bench with Mum\n", SAVED, "no date in its name, front matter or lines"),
    ],
)
def test_a_file_with_no_date_to_find_is_skipped_saying_why(text, modified, skipped):
    result = parse(text, modified=modified)
    assert result.notes == ()
    assert result.skipped.startswith(skipped)


@pytest.mark.parametrize(
    ("lines", "order", "expected"),
    [
        # PRODUCT.md §1, two-digit years, per date_order.
        (["2/3/20 - started the new job", "2/4/20 - went in early", "2.5.20: rough.", "2/6/20"], "mdy",
         [date(2020, 2, 3), date(2020, 2, 4), date(2020, 2, 5), date(2020, 2, 6)]),
        (["04.02.20", "05.02.20 bad day.", "6/2/20: went to choir!", "2.3.20 - low."], "dmy",
         [date(2020, 2, 4), date(2020, 2, 5), date(2020, 2, 6), date(2020, 3, 2)]),
        # did.txt: `date >> did.txt` before each entry.
        (["Mon Jul 16 10:10:31 CEST 2018", "fixed the test", "", "Tue Jul 17 09:15:40 CEST 2018", "wrote"],
         "mdy", [date(2018, 7, 16), date(2018, 7, 17)]),
        # Ordinals in a running log; the year of the nearest earlier full date.
        (["Sunday 2nd March 2025", "- meal prep", "March 3rd: gym", "March 4th -", "Wed 5th March: meds"],
         "mdy", [date(2025, 3, 2), date(2025, 3, 3), TUE, date(2025, 3, 5)]),
    ],
)
def test_running_logs_of_real_shapes_give_their_days(lines, order, expected):
    result = parse("\n".join(lines) + "\n", source="log.md", date_order=order)
    assert [n.date for n in result.notes] == expected


@pytest.mark.parametrize(
    ("source", "lines", "expected"),
    [
        # A weekly note's weekday headings are days of its week, whenever the file was last saved.
        ("2025-W10.md", ["## Monday", "- a", "## Sunday", "- b"], [date(2025, 3, 3), date(2025, 3, 9)]),
        # A month's note gives its year to dates without one, and its start to bare weekdays.
        ("2024-03.md", ["## March 4", "- a", "## Tue", "- b"], [date(2024, 3, 4), date(2024, 3, 5)]),
        ("December 2024.md", ["## Dec 30", "- a", "## Jan 2", "- b"], [date(2024, 12, 30), date(2025, 1, 2)]),
    ],
)
def test_a_note_named_by_its_week_or_month_counts_its_days_from_there(source, lines, expected):
    result = parse("\n".join(lines) + "\n", source=source)
    assert [n.date for n in result.notes] == expected
    assert all(n.inferred for n in result.notes)
