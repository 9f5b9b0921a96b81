"""generator.dates: every date shape of PRODUCT.md §1, as tables of input → expected."""

from __future__ import annotations

from datetime import date

import pytest

from generator.dates import Found, date_from_path, make_date, match_opener, next_weekday

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
    ],
)
def test_match_opener_reads_dated_line_starts(text, order, month, day, year):
    found = match_opener(text, order)
    assert found is not None
    assert (found.month, found.day, found.year, found.weekday) == (month, day, year, None)


@pytest.mark.parametrize(
    ("text", "weekday"),
    [("Tuesday: did laundry", 1), ("Monday", 0), ("fri - went out", 4), ("Sun.", 6)],
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
    ],
)
def test_match_opener_ignores_lines_that_do_not_start_with_a_date(text):
    assert match_opener(text, "mdy") is None


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
    ("after", "weekday", "expected"),
    [
        (date(2025, 3, 4), 1, date(2025, 3, 4)),  # a Tuesday, asking for Tuesday: same day
        (date(2025, 3, 4), 2, date(2025, 3, 5)),
        (date(2025, 3, 4), 0, date(2025, 3, 10)),
        (date(2025, 3, 9), 6, date(2025, 3, 9)),
        (date(2025, 12, 31), 3, date(2026, 1, 1)),  # across a year end
    ],
)
def test_next_weekday_counts_forward_from_the_last_date(after, weekday, expected):
    assert next_weekday(after, weekday) == expected
