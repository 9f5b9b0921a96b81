"""generator.dates: every date shape of PRODUCT.md §1, as tables of input → expected."""

from __future__ import annotations

from datetime import date

import pytest

from generator.dates import (
    Found,
    date_from_path,
    find_full_dates,
    last_weekday,
    make_date,
    match_labelled,
    match_opener,
    next_weekday,
    period_from_path,
    search_full_date,
)

D = date(2025, 3, 4)
NEW_YEAR = date(2021, 1, 1)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        # Daily files named by date.
        ("2025-03-04.md", D),
        ("2025_03_04.md", D),
        ("20250304.md", D),
        ("2025/03/04.md", D),
        ("2025-03/04.md", D),
        ("journal/2025/03/04.txt", D),
        ("March 4, 2025.md", D),
        ("Mar 4 2025.md", D),
        ("4 March 2025.md", D),
        ("4th March 2025.md", D),
        ("Tue 2025-03-04 notes.md", D),
        ("2025-3-4.markdown", D),
        # Date patterns found anywhere in a file name.
        ("2021-01-01-Friday.md", NEW_YEAR),
        ("Jeffrey-20210101-Diary.md", NEW_YEAR),
        ("D-20210101.md", NEW_YEAR),
        ("1-20210101.md", NEW_YEAR),
        ("20210101-D.md", NEW_YEAR),
        ("daily/2025-03-04.md", D),
        # Ordinals and the words people put around them (PRODUCT.md §1: `Friday 8th February 2024.md`).
        ("Friday 8th February 2024.md", date(2024, 2, 8)),  # the date wins over a weekday that disagrees
        ("Sunday 3rd March 2024.md", date(2024, 3, 3)),
        ("8th of February 2024.md", date(2024, 2, 8)),
        ("March the 4th, 2025.md", D),
        ("March 4th 2025.md", D),
        # Words joined by hyphens or underscores, as file names often are.
        ("4-March-2025.md", D),
        ("March_4_2025.md", D),
        ("tue-4-mar-2025.md", D),
        # The first date in the name, wherever the patterns would find it.
        ("3 March 2025 to 2025-03-10.md", date(2025, 3, 3)),
        ("2025-03-04 (conflicted copy 2025-04-11).md", D),
    ],
)
def test_date_from_path_reads_every_daily_file_shape(path, expected):
    assert date_from_path(path, "mdy") == expected
    assert date_from_path(path, "dmy") == expected


@pytest.mark.parametrize(
    ("path", "order", "expected"),
    [
        ("01.01.2021.md", "mdy", NEW_YEAR),
        ("01.01.2021.md", "dmy", NEW_YEAR),
        ("01-01-2021.md", "mdy", NEW_YEAR),
        ("01-01-2021.md", "dmy", NEW_YEAR),
        ("03-04-2025.md", "mdy", date(2025, 3, 4)),
        ("03-04-2025.md", "dmy", date(2025, 4, 3)),
        ("03.04.2025.md", "mdy", date(2025, 3, 4)),
        ("03.04.2025.md", "dmy", date(2025, 4, 3)),
        ("3.4.2025 notes.md", "dmy", date(2025, 4, 3)),
        # Read strictly in the configured order: no silent guessing file by file.
        ("13-01-2021.md", "mdy", None),
        ("01-13-2021.md", "dmy", None),
    ],
)
def test_numeric_file_names_follow_date_order(path, order, expected):
    assert date_from_path(path, order) == expected


@pytest.mark.parametrize(
    "path",
    [
        "2025-02-30.md",
        "20250230.md",
        "2025/02/30.md",
        "2025-13-01.md",
        "February 30, 2025.md",
        "31.02.2025.md",
    ],
)
def test_impossible_dates_are_not_dates(path):
    assert date_from_path(path, "mdy") is None
    assert date_from_path(path, "dmy") is None


@pytest.mark.parametrize(
    "path",
    [
        "notes.md",
        "shopping list.md",
        "LICENSE.txt",
        "phone-log.txt",
        "project 2025.md",
        "12345678.md",
        "todo/2025/ideas.md",
        "2025/03/ideas.md",
        # A two-digit year is read where a line or heading starts, never in a file name: `1.2.20` is as
        # likely a version, and `25-03-04` a year first.
        "04.02.20.md",
        "release 1.2.20.md",
        "25-03-04.md",
        # A month and a day with no year.
        "March 4.md",
    ],
)
def test_undated_names_give_no_date(path):
    assert date_from_path(path, "mdy") is None


def test_folder_date_wins_over_a_number_in_the_file_name():
    assert date_from_path("2025/03/04.md", "dmy") == D


@pytest.mark.parametrize(
    ("text", "order", "month", "day", "year"),
    [
        ("2025-03-04", "mdy", 3, 4, 2025),
        ("2025-03-04: did laundry", "mdy", 3, 4, 2025),
        ("March 4", "mdy", 3, 4, None),
        ("March 4, 2025", "mdy", 3, 4, 2025),
        ("Tuesday, March 4:", "mdy", 3, 4, None),
        ("Tue, Mar 4", "mdy", 3, 4, None),
        ("Mar 4:", "mdy", 3, 4, None),
        ("Mar. 4th", "mdy", 3, 4, None),
        ("4 March", "mdy", 3, 4, None),
        ("4 March 2025", "dmy", 3, 4, 2025),
        ("3/4 -", "mdy", 3, 4, None),
        ("3/4 -", "dmy", 4, 3, None),
        ("03/04/2025", "mdy", 3, 4, 2025),
        ("03/04/2025", "dmy", 4, 3, 2025),
        ("Tuesday 3/4", "mdy", 3, 4, None),
        # A weekday set apart from the date after it by a separator.
        ("Tuesday - March 4: tea", "mdy", 3, 4, None),
        ("Mon — 2018-07-16", "mdy", 7, 16, 2018),
        # Lines written by the `date` command, with a zone, without, as an offset, in British order.
        ("Mon Jul 16 10:10:31 CEST 2018", "mdy", 7, 16, 2018),
        ("Mon Jul 16 10:10:31 2018", "mdy", 7, 16, 2018),
        ("Mon Jul 16 10:10:31 UTC 2018", "mdy", 7, 16, 2018),
        ("Mon Jul 16 10:10:31 +0200 2018", "mdy", 7, 16, 2018),
        ("Mon Jul  6 10:10:31 PM CEST 2018", "mdy", 7, 6, 2018),
        ("Mon 16 Jul 10:10:31 BST 2018", "dmy", 7, 16, 2018),
        ("Mon, 16 Jul 2018 10:10:31 +0200", "mdy", 7, 16, 2018),  # date -R
        ("2018-07-16T10:10:31+02:00", "mdy", 7, 16, 2018),  # date -Iseconds
        ("2025-03-04 08:12 PM", "mdy", 3, 4, 2025),
        # Two-digit years, read in the configured order, always in 20xx.
        ("2.3.20", "mdy", 2, 3, 2020),
        ("2.3.20", "dmy", 3, 2, 2020),
        ("2/4/20", "mdy", 2, 4, 2020),
        ("04.02.20", "dmy", 2, 4, 2020),
        ("3/4/25 -", "mdy", 3, 4, 2025),
        ("3-4-25: tea", "mdy", 3, 4, 2025),
        # Ordinals.
        ("March 3rd", "mdy", 3, 3, None),
        ("3rd March", "mdy", 3, 3, None),
        ("3rd of March", "mdy", 3, 3, None),
        ("Wed 5th March:", "mdy", 3, 5, None),
        ("Sunday 2nd March 2025", "mdy", 3, 2, 2025),
    ],
)
def test_match_opener_reads_dated_line_starts(text, order, month, day, year):
    found = match_opener(text, order)
    assert found is not None
    assert (found.month, found.day, found.year, found.weekday) == (month, day, year, None)


@pytest.mark.parametrize(
    ("text", "weekday"),
    [
        ("Tuesday: did laundry", 1), ("Monday", 0), ("fri - went out", 4), ("Sun.", 6),
        # Three letters and the ways people shorten them, in any case.
        ("Tues: swapped shifts", 1), ("TUE - x", 1), ("Weds: rough.", 2), ("Wed. Did the big shop.", 2),
        ("wed: x", 2), ("Thurs - went", 3), ("Thur: x", 3), ("Thu", 3), ("Sat - bad night", 5),
        ("SAT: x", 5), ("Sun: x", 6),
        # Whether the words after a weekday make it a day's opener is split.line_opener's call.
        ("Sat on the bench with Mum", 5),
    ],
)
def test_match_opener_reads_a_bare_weekday(text, weekday):
    found = match_opener(text, "mdy")
    assert found is not None
    assert found.weekday == weekday
    assert found.year is None


def test_match_opener_reports_where_the_date_ends():
    text = "Tuesday, March 4: did laundry"
    found = match_opener(text, "mdy")
    assert text[found.end:] == ": did laundry"


@pytest.mark.parametrize(
    "text",
    [
        "did laundry",
        "Marching band practice",
        "Maybe tomorrow",
        "Sunshine all day",
        "12 push-ups",
        "Mondays are hard",
        "",
        # A month's name that is a word: no day number follows it.
        "May I come too?",
        "March on, then",
        "Marched to the shops",
        "Wednesdays are long",
        "Saturn was bright",
        "Decided to rest",
        "1.2.3 released",  # not a date: a version
    ],
)
def test_match_opener_ignores_lines_that_do_not_start_with_a_date(text):
    assert match_opener(text, "mdy") is None


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        # A date plain enough that words may follow it with no separator (`2025-03-04 went in`).
        ("2025-03-04", True),
        ("March 4, 2025", True),
        ("03/04/2025", True),
        ("05.02.20", True),  # two-digit day, month and year
        # Not: a two-digit year after a one-digit part (`1.2.20` may be a version), or no year.
        ("2.3.20", False),
        ("2/4/20", False),
        ("March 4", False),
        ("3/4", False),
        ("Tuesday", False),
    ],
)
def test_a_date_is_firm_when_written_in_full(text, firm):
    assert match_opener(text, "mdy").firm is firm


@pytest.mark.parametrize(
    ("text", "label", "found"),
    [
        # PRODUCT.md §1: a label before the date.
        ("Day 1: January 23, 2025", "Day 1", (1, 23, 2025)),
        ("**Day 12** (2025-01-24)", "Day 12", (1, 24, 2025)),
        ("Entry - 3/4/25", "Entry", (3, 4, 2025)),
        # The same with other words people use, with a weekday, with no year.
        ("Date: 2025-01-24", "Date", (1, 24, 2025)),
        ("Journal entry — Tue 4 March 2025", "Journal entry", (3, 4, 2025)),
        ("Day 12 of 100 - 2025-01-24: pushed the fix", "Day 12 of 100", (1, 24, 2025)),
        ("Week 3 (2025-01-20)", "Week 3", (1, 20, 2025)),
        ("**Morning pages** [2025-01-24]", "Morning pages", (1, 24, 2025)),
        ("Day 3: March 5", "Day 3", (3, 5, None)),
        ("Journal entry #5: 2025-01-24", "Journal entry #5", (1, 24, 2025)),
        ("Log entry 12 - 3/4/25", "Log entry 12", (3, 4, 2025)),
        ("Update - 3/5 -", "Update", (3, 5, None)),
    ],
)
def test_match_labelled_reads_a_date_after_a_short_label(text, label, found):
    got = match_labelled(text, "mdy")
    assert got is not None
    assert (got[0], (got[1].month, got[1].day, got[1].year)) == (label, found)


@pytest.mark.parametrize(
    "text",
    [
        # The date must end the line or be followed by a separator.
        "Notes from 2025-03-04 meeting",
        "Note: 3/4 of the cake is gone",
        "Day 3 was 2025-03-05 I think",
        # The label must be a day's label (Day, Entry, Date, Log, Journal, …) or bold.
        "Dentist: 2025-03-10",
        "booked the dentist for 2025-03-10",
        "- Day 1: 2025-03-10",  # a list item is not a label
        "Deadline - 3/4/25",
        # A label word starting a sentence: only numbers and label words may follow it.
        "Day trip to Brighton - 2025-03-10",
        "Date night with Sam: 3/4",
        "Day of the big move, the van, the stairs, the boxes: 2025-03-10",
        "Day was long",
        "",
    ],
)
def test_match_labelled_ignores_dates_that_are_not_a_days_label(text):
    assert match_labelled(text, "mdy") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("### Day 1: January 23, 2025", [date(2025, 1, 23)]),
        ("2025-03-04 and 5 March 2025", [D, date(2025, 3, 5)]),
        ("Mon Jul 16 10:10:31 CEST 2018", [date(2018, 7, 16)]),
        ("2025-02-30 is not a day", []),
        ("no year: March 4, 3/4", []),
        ("", []),
    ],
)
def test_find_full_dates_finds_every_full_date_first_written_first(text, expected):
    assert [day for _, _, day in find_full_dates(text, "mdy")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("date: 2025-03-04", D), ("Tue 4 March 2025", D), ("4 March 2025 or 2025-03-10", D), ("none", None)],
)
def test_search_full_date_returns_the_first_date_written(text, expected):
    assert search_full_date(text, "mdy") == expected


@pytest.mark.parametrize(
    ("found", "expected"),
    [
        (Found(3, 4, 2025), D),
        (Found(2, 29, 2024), date(2024, 2, 29)),
        (Found(2, 29, 2025), None),
        (Found(2, 30, 2025), None),
        (Found(13, 1, 2025), None),
        (Found(4, 31, 2025), None),
    ],
)
def test_make_date_refuses_days_that_do_not_exist(found, expected):
    assert make_date(found) == expected


@pytest.mark.parametrize(
    ("count", "start", "weekday", "expected"),
    [
        # After a date: the first such weekday on or after it.
        (next_weekday, date(2025, 3, 4), 1, date(2025, 3, 4)),  # a Tuesday, asking for Tuesday: same day
        (next_weekday, date(2025, 3, 4), 2, date(2025, 3, 5)),
        (next_weekday, date(2025, 3, 4), 0, date(2025, 3, 10)),
        (next_weekday, date(2025, 3, 9), 6, date(2025, 3, 9)),
        (next_weekday, date(2025, 12, 31), 3, date(2026, 1, 1)),  # across a year end
        # Before a date: the last such weekday on or before it.
        (last_weekday, date(2025, 3, 4), 1, date(2025, 3, 4)),
        (last_weekday, date(2025, 3, 4), 0, date(2025, 3, 3)),
        (last_weekday, date(2025, 3, 4), 2, date(2025, 2, 26)),
        (last_weekday, date(2025, 1, 1), 6, date(2024, 12, 29)),  # across a year end
    ],
)
def test_weekdays_count_forward_or_back_from_a_date(count, start, weekday, expected):
    assert count(start, weekday) == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        # PRODUCT.md is silent on notes of a week or a month: their name says where counting starts.
        ("2025-W10.md", date(2025, 3, 3)),  # Obsidian's weekly notes: the ISO week's Monday
        ("weekly/2025-w1 review.md", date(2024, 12, 30)),
        ("2020-W53.md", date(2020, 12, 28)),
        ("2025-W53.md", None),  # 2025 has 52 weeks
        ("2025-03.md", date(2025, 3, 1)),
        ("2025_03 notes.md", date(2025, 3, 1)),
        ("March 2025.md", date(2025, 3, 1)),
        ("Mar-2025.md", date(2025, 3, 1)),
        ("2025-13.md", None),
        ("2025-03-04.md", None),  # a day, not a month: date_from_path reads it
        ("budget 2025.md", None),
        ("notes.md", None),
    ],
)
def test_period_from_path_finds_the_first_day_of_a_named_week_or_month(path, expected):
    assert period_from_path(path) == expected
