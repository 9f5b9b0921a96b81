"""generator.parse and .split: a note's text → dated notes with wins (PRODUCT.md §1 and §2), as tables."""

from __future__ import annotations

from datetime import date

import pytest

from generator.analyze import merge_days
from generator.config import Config
from generator.model import FileResult, Note, NoteFile, Win
from generator.parse import Parser
from generator.split import DayText, line_opener, split_days

D = date(2025, 3, 4)  # a Tuesday
DAILY = "2025-03-04.md"
MODIFIED = date(2025, 12, 31)  # the day a test's file was last saved


def note(*lines: str) -> str:
    """Join lines into a note's text, so line numbers in tests are easy to count."""
    return "\n".join(lines) + "\n"


def parse(text: str, source: str = DAILY, modified: date | None = MODIFIED, **settings) -> FileResult:
    return Parser(Config(**settings)).parse(NoteFile(source, text, modified))


def only_note(result: FileResult) -> Note:
    assert result.skipped is None, result.skipped
    assert len(result.notes) == 1, result.notes
    return result.notes[0]


def day_wins(result: FileResult) -> list[Win]:
    """The wins a user sees for the file's days (rule 4 is decided per day, across notes)."""
    return [win for day in merge_days(result.notes) for win in day.wins]


def texts(result: FileResult) -> list[str]:
    return [win.text for win in day_wins(result)]


def dates(result: FileResult) -> list[date]:
    return [n.date for n in result.notes]


# ---------------------------------------------------------------------------------------------
# Front matter


def test_front_matter_date_wins_over_the_file_name():
    result = parse(note("---", "date: 2025-03-05", "---", "- [x] laundry"))
    assert dates(result) == [date(2025, 3, 5)]
    assert day_wins(result)[0].date == date(2025, 3, 5)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-03-05", date(2025, 3, 5)),
        ("'2025-03-05'", date(2025, 3, 5)),
        ("2025-03-05 08:30", date(2025, 3, 5)),
        ("March 5, 2025", date(2025, 3, 5)),
    ],
)
def test_front_matter_date_in_any_written_shape(value, expected):
    result = parse(note("---", f"date: {value}", "---", "- walked"), source="notes.md")
    assert dates(result) == [expected]


def test_front_matter_dates_an_otherwise_undated_file():
    result = parse(note("---", "date: 2025-03-05", "---", "- walked"), source="notes.md")
    assert dates(result) == [date(2025, 3, 5)]
    assert result.skipped is None


def test_unreadable_front_matter_date_falls_back_to_the_file_name_with_a_warning():
    result = parse(note("---", "title: x", "date: someday", "---", "- walked"))
    assert dates(result) == [D]
    assert [(p.source, p.line) for p in result.problems] == [(DAILY, 3)]
    assert "date" in result.problems[0].message


@pytest.mark.parametrize("value", ["2025-02-30", "2025-13-01", "'2025-02-30'"])
def test_impossible_front_matter_date_is_warned_not_a_crash(value):
    result = parse(note("---", "mood: 4", f"date: {value}", "---", "- [x] walked"))
    assert dates(result) == [D]
    assert only_note(result).mood == 4
    assert [(p.source, p.line) for p in result.problems] == [(DAILY, 3)]
    assert texts(result) == ["walked"]


def test_front_matter_date_time_keeps_the_written_calendar_day():
    for stamp in ("2025-03-05T23:30:00+05:00", "2025-03-05T01:30:00-08:00"):
        assert dates(parse(note("---", f"date: {stamp}", "---", "- a"))) == [date(2025, 3, 5)]


@pytest.mark.parametrize(
    ("value", "mood"),
    [
        ("1", 1), ("2", 2), ("3", 3), ("4", 4), ("5", 5), ("'4'", 4),
        ("😭", 1), ("😢", 1), ("🙁", 2), ("😞", 2), ("😐", 3), ("🙂", 4), ("😊", 4),
        ("😀", 5), ("🥳", 5), ("'🙂🙂'", 4),
    ],
)
def test_mood_is_one_to_five_or_a_face(value, mood):
    result = parse(note("---", f"mood: {value}", "---", "- walked"))
    assert only_note(result).mood == mood
    assert result.problems == ()


@pytest.mark.parametrize("value", ["0", "6", "10", "-1", "happy", "[1, 2]"])
def test_out_of_range_mood_is_warned_with_file_and_line_and_ignored(value):
    result = parse(note("---", "title: Tuesday", "mood: " + value, "---", "- walked"))
    assert only_note(result).mood is None
    assert [(p.source, p.line) for p in result.problems] == [(DAILY, 3)]
    assert "mood" in result.problems[0].message
    assert texts(result) == ["walked"]


def test_energy_is_kept():
    assert only_note(parse(note("---", "energy: 2", "---", "- walked"))).energy == 2


@pytest.mark.parametrize(
    "tags",
    [
        "[Walk, outdoors]", "walk, Outdoors", "walk,outdoors", "'#walk #outdoors'",
        "\n  - walk\n  - outdoors",
    ],
)
def test_front_matter_tags_as_list_or_string_go_onto_every_win(tags):
    result = parse(note("---", f"tags: {tags}", "---", "- [x] went out", "- [x] #Sun saw it"))
    wins = day_wins(result)
    assert [w.tags for w in wins] == [("walk", "outdoors"), ("sun", "walk", "outdoors")]


def test_title_is_kept():
    result = parse(note("---", "title: A good Tuesday", "---", "- walked"))
    assert only_note(result).title == "A good Tuesday"


@pytest.mark.parametrize("value", ["true", "True", "yes", "'true'"])
def test_private_true_skips_the_whole_file(value):
    result = parse(note("---", f"private: {value}", "---", "- [x] therapy #win"))
    assert result.notes == ()
    assert result.skipped and "private" in result.skipped


@pytest.mark.parametrize("value", ["false", "no", "maybe"])
def test_private_false_keeps_the_file(value):
    result = parse(note("---", f"private: {value}", "---", "- [x] therapy"))
    assert texts(result) == ["therapy"]


def test_unknown_front_matter_keys_are_ignored_silently():
    result = parse(note(
        "---", "bloodpressure: 184.4/118.8", "bp:", "    systolic: 184.4", "clock-in: 10:45",
        "weird: [1, 2]", "---", "- [x] walked",
    ))
    assert result.problems == ()
    assert texts(result) == ["walked"]


@pytest.mark.parametrize(
    ("front", "bad_line"),
    [
        # The line named is the one with the mistake, not where YAML noticed it.
        (["mood: [1", "title: x"], 2),
        (["title: x", "mood: 3", "tags: [a, b", "energy: 2"], 4),
        (["title: x", "  bad: indent", "mood: 3"], 3),
        (["title: \"unclosed", "mood: 3"], 2),
        (["title: x", "mood: 3", "- stray item"], 4),
        (["title: x", "no colon here", "mood: 3"], 3),
        (["- just", "- a list"], 2),
    ],
)
def test_broken_front_matter_is_a_problem_naming_file_and_line_and_body_is_read(front, bad_line):
    lines = ["---", *front, "---", "- [x] walked the dog"]
    result = parse(note(*lines))
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert (problem.source, problem.line) == (DAILY, bad_line)
    assert "front matter" in problem.message
    wins = day_wins(result)
    assert [(w.text, w.line) for w in wins] == [("walked the dog", len(front) + 3)]


def test_front_matter_without_closing_fence_is_a_problem_and_read_as_text():
    result = parse(note("---", "mood: 1", "- [x] walked"))
    assert [(p.source, p.line) for p in result.problems] == [(DAILY, 1)]
    assert only_note(result).mood is None
    assert [(w.text, w.line) for w in day_wins(result)] == [("walked", 3)]


# ---------------------------------------------------------------------------------------------
# Dates: daily files, running logs, inference


def test_daily_file_name_gives_the_date():
    result = parse(note("- walked"), source="journals/2025_03_04.md")
    assert dates(result) == [D]
    assert not result.notes[0].inferred


def test_undated_file_is_skipped_with_a_reason():
    result = parse(note("- walked the dog", "Felt fine."), source="ideas.md")
    assert result.notes == ()
    assert result.skipped and "no date" in result.skipped


def test_empty_undated_file_is_skipped_not_crashed():
    assert parse("", source="empty.md").skipped


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["## 2025-03-04", "- laundry", "## 2025-03-05", "- dishes"],
         [(D, ["laundry"]), (date(2025, 3, 5), ["dishes"])]),
        (["# 2025-03-04", "- laundry", "# Wednesday 2025-03-05", "- dishes"],
         [(D, ["laundry"]), (date(2025, 3, 5), ["dishes"])]),
        (["## [[2025-03-04]]", "- laundry"], [(D, ["laundry"])]),
        (["## **March 4, 2025**", "- laundry"], [(D, ["laundry"])]),
        (["## 2025-03-04 - a slow day", "- laundry"], [(D, ["laundry"])]),
        (["# 2025-03-04", "- laundry", "# March 5", "- dishes"],
         [(D, ["laundry"]), (date(2025, 3, 5), ["dishes"])]),
    ],
)
def test_running_log_with_dated_headings(lines, expected):
    result = parse(note(*lines), source="log.md")
    got = [(day.date, [w.text for w in day.wins]) for day in merge_days(result.notes)]
    assert got == expected


def test_dated_heading_text_after_the_date_becomes_the_title():
    result = parse(note("## 2025-03-04 - a slow day", "- laundry"), source="log.md")
    assert only_note(result).title == "a slow day"


@pytest.mark.parametrize(
    ("line", "order", "day", "text"),
    [
        ("Tuesday, March 4: did laundry", "mdy", D, "did laundry"),
        ("3/4 - did laundry", "mdy", D, "did laundry"),
        ("3/4 - did laundry", "dmy", date(2025, 4, 3), "did laundry"),
        ("Mar 4: did laundry", "mdy", D, "did laundry"),
        ("2025-03-04: did laundry", "mdy", D, "did laundry"),
        ("**Mar 4** - did laundry", "mdy", D, "did laundry"),
        ("4 March: did laundry", "dmy", D, "did laundry"),
        ("March 4 — did laundry", "mdy", D, "did laundry"),
    ],
)
def test_running_log_with_dated_line_prefixes(line, order, day, text):
    result = parse(note("2025-01-01: started this log", line, "  washed my hair"),
                   source="phone-log.txt", date_order=order)
    assert dates(result) == [date(2025, 1, 1), day]
    last = result.notes[-1]
    assert [(w.text, w.line) for w in last.candidates] == [(text, 2)]
    assert last.body.splitlines() == [line, "  washed my hair"]


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("[2025-03-04 08:12 PM] Called the GP.", "Called the GP."),
        ("[2025-03-04 20:12] Called the GP.", "Called the GP."),
        ("[2025-03-04 8:12:00 pm] Called the GP.", "Called the GP."),
        ("[2025-03-04] Called the GP.", "Called the GP."),
    ],
)
def test_jrnl_entries(line, text):
    result = parse(note("[2025-03-03 09:00] Made tea.", "", line, "", "A long paragraph of prose."),
                   source="journal.txt")
    assert dates(result) == [date(2025, 3, 3), D]
    assert [(w.date, w.text, w.line) for w in day_wins(result)] == [
        (date(2025, 3, 3), "Made tea.", 1), (D, text, 3),
    ]


def test_jrnl_star_of_a_starred_entry_is_not_part_of_the_win():
    result = parse(note("[2020-08-31 14:32] A second entry. *", "Prose."), source="j.journal")
    assert texts(result) == ["A second entry."]


def test_jrnl_tags_are_win_tags():
    result = parse(note("[2025-03-04 20:12] Called @Mum about the @GP-visit."), source="j.txt")
    assert day_wins(result)[0].tags == ("mum", "gp-visit")


def test_a_bracketed_line_that_is_not_a_stamp_does_not_open_a_day():
    result = parse(note("## 2025-03-04", "[note to self] rest more", "- walked"), source="log.md")
    assert dates(result) == [D]
    assert texts(result) == ["walked"]


def test_date_without_year_takes_the_year_of_the_nearest_earlier_full_date():
    result = parse(note(
        "## 2023-06-01", "- a", "## June 2", "- b", "## 2024-01-10", "- c", "## Jan 11", "- d",
    ), source="log.md")
    assert dates(result) == [
        date(2023, 6, 1), date(2023, 6, 2), date(2024, 1, 10), date(2024, 1, 11),
    ]
    assert [n.inferred for n in result.notes] == [False, True, False, True]
    assert [w.inferred for w in day_wins(result)] == [False, True, False, True]


def test_date_without_year_and_no_full_date_takes_the_files_modification_year():
    result = parse(note("# March 4", "- laundry", "# March 5", "- dishes"), source="log.md",
                   modified=date(2022, 8, 1))
    assert dates(result) == [date(2022, 3, 4), date(2022, 3, 5)]
    assert all(n.inferred for n in result.notes)
    assert all(w.inferred for w in day_wins(result))


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # A log written forwards across New Year.
        (["## 2024-12-30", "- a", "## Dec 31", "- b", "## Jan 2", "- c", "## Jan 3", "- d"],
         [date(2024, 12, 30), date(2024, 12, 31), date(2025, 1, 2), date(2025, 1, 3)]),
        # Newest first, across New Year.
        (["## 2025-01-02", "- a", "## Dec 30", "- b"], [date(2025, 1, 2), date(2024, 12, 30)]),
        # A long gap inside one year is not a New Year.
        (["## 2025-01-05", "- a", "## Jul 10", "- b", "## Mar 1", "- c"],
         [date(2025, 1, 5), date(2025, 7, 10), date(2025, 3, 1)]),
    ],
)
def test_year_less_dates_across_new_year_stay_beside_the_last_known_date(lines, expected):
    result = parse(note(*lines), source="log.md", modified=date(2030, 1, 1))
    assert dates(result) == expected


def test_year_less_date_after_a_full_one_in_a_line_prefix():
    result = parse(note("2024-12-01: moved in", "Dec 2: unpacked a box"), source="log.txt")
    assert dates(result) == [date(2024, 12, 1), date(2024, 12, 2)]


@pytest.mark.parametrize(
    ("weekday_line", "expected"),
    [
        ("Tuesday: did laundry", D),  # the last date is a Tuesday: the same day
        ("Wednesday: did laundry", date(2025, 3, 5)),
        ("Mon: did laundry", date(2025, 3, 10)),
        ("## Friday", date(2025, 3, 7)),
    ],
)
def test_bare_weekday_is_the_next_such_day_after_the_last_known_date(weekday_line, expected):
    result = parse(note("2025-03-04: went to work", weekday_line, "- did laundry"),
                   source="log.txt")
    assert dates(result) == [D, expected]
    assert result.notes[1].inferred
    assert result.problems == ()
    assert all(w.inferred for w in result.notes[1].candidates)
    assert "did laundry" in [w.text for w in result.notes[1].candidates]


def test_bare_weekdays_count_on_from_each_other():
    result = parse(note("2025-03-04: a", "Thursday: b", "Saturday: c", "Monday: d"),
                   source="log.txt")
    assert dates(result) == [D, date(2025, 3, 6), date(2025, 3, 8), date(2025, 3, 10)]


def test_bare_weekday_before_the_first_date_is_the_latest_such_day_before_it():
    result = parse(note("Tuesday: did laundry", "2025-03-05: dishes"), source="log.txt")
    assert dates(result) == [D, date(2025, 3, 5)]
    assert [n.inferred for n in result.notes] == [True, False]
    assert result.problems == ()


def test_bare_weekday_only_file_is_anchored_at_its_modification_day():
    result = parse(note("Tuesday: did laundry"), source="log.txt", modified=date(2025, 3, 6))
    assert dates(result) == [D]
    assert result.problems == ()


def test_bare_weekday_only_file_with_no_file_day_is_skipped_saying_why():
    result = parse(note("Tuesday: did laundry"), source="log.txt", modified=None)
    assert result.skipped.startswith("weekday lines with no date to anchor them")


@pytest.mark.parametrize(
    "line",
    ["Tuesday was hard but I went out", "Monday morning I showered", "Friday night dinner"],
)
def test_a_sentence_starting_with_a_weekday_does_not_open_a_day(line):
    result = parse(note("2025-03-04: work", line), source="log.txt")
    assert dates(result) == [D]


def test_impossible_date_in_a_log_is_warned_and_read_as_a_line():
    result = parse(note("## 2025-03-04", "- a", "## 2025-02-30", "- b"), source="log.md")
    assert dates(result) == [D]
    assert [(p.source, p.line) for p in result.problems] == [("log.md", 3)]
    assert texts(result) == ["a", "b"]


def test_date_order_dmy_reads_numeric_dates_day_first():
    result = parse(note("## 2025-01-01", "3/4 - walked", "4/3 - ran"), source="log.md",
                   date_order="dmy")
    assert dates(result) == [date(2025, 1, 1), date(2025, 4, 3), date(2025, 3, 4)]


def test_date_order_mdy_is_the_default():
    result = parse(note("## 2025-01-01", "3/4 - walked"), source="log.md")
    assert dates(result)[-1] == date(2025, 3, 4)


def test_text_before_the_first_date_of_a_log_is_not_a_day():
    result = parse(note("# My log", "- not dated", "## 2025-03-04", "- laundry"), source="log.md")
    assert dates(result) == [D]
    assert texts(result) == ["laundry"]


def test_dated_heading_inside_a_code_fence_does_not_open_a_day():
    result = parse(note("## 2025-03-04", "- a", "```", "## 2025-03-05", "- b", "```"),
                   source="log.md")
    assert dates(result) == [D]
    assert texts(result) == ["a"]


def test_daily_file_with_dated_headings_stays_one_day():
    result = parse(note("## 2025-03-05", "- laundry"))
    assert dates(result) == [D]


# ---------------------------------------------------------------------------------------------
# Win rule 1: checked tasks


@pytest.mark.parametrize(
    "line",
    ["- [x] did laundry", "* [X] did laundry", "+ [x] did laundry", "1. [x] did laundry",
     "  - [x] did laundry", "- DONE did laundry", "DONE did laundry"],
)
def test_rule1_checked_tasks_are_wins(line):
    result = parse(note("- plain item", line, "- [ ] open task"))
    assert [(w.text, w.line) for w in only_note(result).wins] == [("did laundry", 2)]
    assert texts(result) == ["did laundry"]


# ---------------------------------------------------------------------------------------------
# Win rule 2: markers and win tags


@pytest.mark.parametrize(
    "line",
    [
        "win: did laundry", "Win: did laundry", "+ did laundry", "✅ did laundry",
        "✔ did laundry", "✔️ did laundry", "☑ did laundry", "🎉 did laundry", "⭐ did laundry",
        "💪 did laundry", "🏆 did laundry", "✅did laundry",
        "- win: did laundry", "- ✅ did laundry", "- ✔ did laundry", "- ☑ did laundry",
        "- 🎉 did laundry", "- ⭐ did laundry", "- 💪 did laundry", "- 🏆 did laundry",
        "* 🏆 did laundry", "- [x] ✅ did laundry",
    ],
)
def test_rule2_win_markers_make_a_win_and_are_stripped(line):
    result = parse(note("Some prose about the day.", "- plain item", line))
    assert [(w.text, w.line) for w in only_note(result).wins] == [("did laundry", 3)]
    assert texts(result) == ["did laundry"]


@pytest.mark.parametrize("tag", ["#win", "#wins", "#smallwin", "#microwin", "#victory", "#WIN"])
@pytest.mark.parametrize("place", ["end", "start", "middle"])
def test_rule2_win_tags_make_a_win_and_are_stripped(tag, place):
    line = {
        "end": f"did laundry {tag}",
        "start": f"{tag} did laundry",
        "middle": f"did {tag} laundry",
    }[place]
    result = parse(note("- plain item", line))
    wins = only_note(result).wins
    assert [(w.text, w.line) for w in wins] == [("did laundry", 2)]
    assert wins[0].tags == (tag[1:].lower(),)


def test_rule2_win_tag_on_a_list_item():
    result = parse(note("- plain item", "- did laundry #win #home"))
    assert [w.text for w in only_note(result).wins] == ["did laundry"]


@pytest.mark.parametrize(
    "line", ["+1 for effort", "I won: a prize", "#winter coat bought", "#winning"],
)
def test_rule2_look_alikes_are_not_markers(line):
    result = parse(note("- plain item", line))
    assert only_note(result).wins == ()


# ---------------------------------------------------------------------------------------------
# Win rule 3: sections that name wins


@pytest.mark.parametrize(
    "title",
    [
        "Wins", "wins", "WINS", "Small wins", "small-wins", "Micro-wins", "Micro wins",
        "Today's wins", "Today’s Wins", "Todays wins:", "Done", "DONE:", "Did", "Proud of",
        "Proud of…", "Victories", "Victories!", "Good things", "Good Things 🌱",
        "What went well", "What went well?", "**Wins**",
    ],
)
def test_rule3_every_line_under_a_wins_heading_is_a_win(title):
    result = parse(note(
        "# Tuesday", "- plain item outside", f"## {title}", "- did laundry", "called mum", "",
        "## Notes", "- not a win",
    ))
    assert [(w.text, w.line) for w in only_note(result).wins] == [
        ("did laundry", 4), ("called mum", 5),
    ]


@pytest.mark.parametrize("title", ["Winter", "Done list later", "Things I did not do", "Notes"])
def test_rule3_other_headings_are_not_wins_sections(title):
    result = parse(note(f"## {title}", "- did laundry", "- [x] washed up"))
    assert [w.text for w in only_note(result).wins] == ["washed up"]


def test_rule3_section_ends_at_a_heading_of_the_same_level():
    result = parse(note("## Wins", "- a", "## Tomorrow", "- b", "- [x] c"))
    assert [w.text for w in only_note(result).wins] == ["a", "c"]


def test_rule3_section_ends_at_a_higher_heading():
    result = parse(note("### Wins", "- a", "# Later", "- b"))
    assert [w.text for w in only_note(result).wins] == ["a"]


def test_rule3_section_goes_on_through_deeper_headings():
    result = parse(note("## Wins", "- a", "### Morning", "- b", "#### Late", "c", "## Notes",
                        "- d"))
    assert [w.text for w in only_note(result).wins] == ["a", "b", "c"]


def test_rule3_section_runs_to_the_end_of_the_day():
    result = parse(note("## Wins", "- a", "", "- b"))
    assert [w.text for w in only_note(result).wins] == ["a", "b"]


def test_rule3_open_tasks_and_struggles_under_wins_are_still_not_wins():
    result = parse(note("## Wins", "- a", "- [ ] b", "- TODO c", "- d #hard"))
    note_ = only_note(result)
    assert [w.text for w in note_.wins] == ["a"]
    assert note_.hard


def test_rule3_in_a_running_log_a_new_day_ends_the_section():
    result = parse(note("## 2025-03-04", "### Wins", "- a", "## 2025-03-05", "- [x] b", "- c"),
                   source="log.md")
    assert [[w.text for w in n.wins] for n in result.notes] == [["a"], ["b"]]


# ---------------------------------------------------------------------------------------------
# Win rule 4: log mode


def test_rule4_without_marked_lines_every_list_item_is_a_win_and_prose_is_not():
    result = parse(note(
        "Slept badly and the day felt long.", "", "- did laundry", "* called mum", "1. ate lunch",
        "", "Another paragraph of prose.",
    ))
    assert [(w.text, w.line) for w in day_wins(result)] == [
        ("did laundry", 3), ("called mum", 4), ("ate lunch", 5),
    ]
    assert only_note(result).wins == ()


def test_rule4_every_dated_log_line_is_a_win():
    result = parse(note("Mar 3: made tea", "Mar 4: did laundry", "just prose"),
                   source="log.txt")
    assert [(w.date, w.text) for w in day_wins(result)] == [
        (date(2025, 3, 3), "made tea"), (D, "did laundry"),
    ]


def test_rule4_one_marked_line_turns_log_mode_off():
    result = parse(note("- did laundry", "- called mum", "- [x] showered"))
    assert texts(result) == ["showered"]


def test_rule4_is_decided_per_day_across_files():
    marked = parse(note("- [x] showered"), source="a/2025-03-04.md")
    plain = parse(note("- did laundry"), source="b/2025-03-04.md")
    other_day = parse(note("- made tea"), source="b/2025-03-05.md")
    days = merge_days(marked.notes + plain.notes + other_day.notes)
    assert [[w.text for w in d.wins] for d in days] == [["showered"], ["made tea"]]


def test_rule4_log_mode_is_per_day_within_a_running_log():
    result = parse(note("## 2025-03-04", "- a", "- [x] b", "## 2025-03-05", "- c", "- d"),
                   source="log.md")
    assert [(w.date.day, w.text) for w in day_wins(result)] == [(4, "b"), (5, "c"), (5, "d")]


# ---------------------------------------------------------------------------------------------
# Never a win


@pytest.mark.parametrize(
    "line",
    [
        "- [ ] did laundry", "* [ ] did laundry", "- [] did laundry", "TODO did laundry",
        "- TODO did laundry", "LATER did laundry", "- LATER did laundry", "NOW did laundry",
        "- NOW did laundry",
    ],
)
def test_open_tasks_are_never_wins(line):
    result = parse(note("- made tea", line))
    assert texts(result) == ["made tea"]
    result = parse(note("## Wins", line))
    assert texts(result) == []


@pytest.mark.parametrize("line", ["# did laundry", "## did laundry ✅", "### did laundry #win"])
def test_headings_are_never_wins(line):
    result = parse(note("- made tea", line))
    assert texts(result) == ["made tea"]


def test_front_matter_is_never_a_win():
    result = parse(note("---", "tags:", "  - walk", "notes: '- [x] fake'", "---", "prose"))
    assert day_wins(result) == []
    assert "fake" not in only_note(result).body


@pytest.mark.parametrize(
    "line",
    ["⭐⭐⭐", "---", "***", "- ⭐", "✅", "- [x]", "- [x] ✅", "...", "- ", "-", "🎉 🎉", "+ ",
     "win:", "—", "* * *"],
)
def test_blank_and_punctuation_only_lines_are_never_wins(line):
    result = parse(note("- made tea", line, ""))
    assert texts(result) == ["made tea"]
    assert only_note(result).wins == ()


@pytest.mark.parametrize(
    "line",
    ["- [x] saw my therapist #private", "#private went to therapy", "- went to #Private therapy"],
)
def test_private_lines_are_never_wins_and_are_dropped_from_the_body(line):
    result = parse(note("- made tea", line, "- [x] showered"))
    assert texts(result) == ["showered"]
    body = only_note(result).body
    assert "therapy" not in body
    assert body.splitlines()[0] == "- made tea"
    assert len(body.splitlines()) == 3  # the line stays (blank) so later line numbers hold


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("- [x] went out #hard", ["went out"]), ("- got up #rough", ["got up"]),
        ("#struggle but I went out", ["but I went out"]), ("rough: could not get up", []),
        ("Hard: everything", []), ("- hard: everything", []),
        ("- [x] HARD: went to work anyway", ["went to work anyway"]),
    ],
)
def test_struggle_markers_are_not_wins_and_make_the_day_hard(line, rest):
    result = parse(note("- made tea", line))
    assert texts(result) == ["made tea", *rest]  # the rest of the line is judged as prose
    assert only_note(result).hard
    assert merge_days(result.notes)[0].hard


def test_the_rest_of_a_struggle_is_not_judged_beside_marked_wins():
    result = parse(note("- [x] made tea", "rough: went to work anyway"))
    assert texts(result) == ["made tea"]
    assert merge_days(result.notes)[0].hard_reason == "rough: on line 2"


@pytest.mark.parametrize(
    "line", ["- it was hard work", "- rough draft finished", "#hardware fixed"],
)
def test_struggle_words_that_are_not_markers_do_not_make_the_day_hard(line):
    assert not only_note(parse(note(line))).hard


@pytest.mark.parametrize(("mood", "hard"), [(1, True), (2, True), (3, False), (5, False)])
def test_mood_two_or_less_makes_the_day_hard(mood, hard):
    result = parse(note("---", f"mood: {mood}", "---", "- made tea"))
    assert merge_days(result.notes)[0].hard is hard
    assert texts(result) == ["made tea"]


@pytest.mark.parametrize("tags", ["[rough]", "hard, tired", "'#struggle'"])
def test_struggle_tag_in_front_matter_makes_the_day_hard_and_keeps_its_wins(tags):
    result = parse(note("---", f"tags: {tags}", "---", "- [x] made tea"))
    assert only_note(result).hard
    assert texts(result) == ["made tea"]


def test_no_mood_and_no_struggle_is_not_hard():
    assert not only_note(parse(note("- made tea"))).hard


@pytest.mark.parametrize(
    "line",
    ["dataviewTarget:: 48", "- Make Progress:: 29", "- Make-Progress:: 88", "clock-in:: 10:45:29",
     "  collapsed:: true", "mood:: 😊"],
)
def test_property_lines_are_never_wins(line):
    result = parse(note("- made tea", line))
    assert texts(result) == ["made tea"]


@pytest.mark.parametrize("line", ["- learned about std::move", "- read a::b notation"])
def test_double_colon_inside_words_is_not_a_property(line):
    result = parse(note(line))
    assert len(texts(result)) == 1


def test_content_in_code_fences_is_never_a_win():
    result = parse(note("```", "- [x] not a win", "✅ nor this", "```", "~~~", "- nope", "~~~"))
    assert day_wins(result) == []


def test_content_after_a_code_fence_is_read_again():
    result = parse(note("```python", "- [x] not a win", "```", "- [x] a win"))
    assert [(w.text, w.line) for w in day_wins(result)] == [("a win", 4)]


# ---------------------------------------------------------------------------------------------
# Win fields


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("- [x] did laundry", "did laundry"),
        ("  * [X]   did   laundry  ", "did laundry"),
        ("1. did laundry", "did laundry"),
        ("- [x] **Called** the [GP](https://example.org) `today`",
         "**Called** the [GP](https://example.org) `today`"),
        ("- [x] did laundry #home #chores", "did laundry"),
        ("- [x] went for a #walk in the park", "went for a #walk in the park"),  # a tag in the sentence stays
        ("- [x] went for a #walk in the park #outdoors", "went for a #walk in the park"),
        ("✅ did laundry ✅", "did laundry"),
        ("- [x] paid £#3 rent", "paid £#3 rent"),
        ("- [x] closed issue #42", "closed issue #42"),
        ("Did laundry #win. Felt good.", "Did laundry."),
        ("- [x] done #victory!", "done!"),
        ("- [x] called @Mum about the GP @family", "called @Mum about the GP"),
        ("[2025-03-04 20:12] Called the GP. @health", "Called the GP."),
        ("- [x] issue #42 closed", "issue #42 closed"),
    ],
)
def test_win_text_drops_list_syntax_checkbox_markers_and_trailing_tags(line, text):
    assert [w.text for w in day_wins(parse(note(line)))] == [text]


@pytest.mark.parametrize(
    ("line", "tags"),
    [
        ("- [x] did laundry #Home #chores", ("home", "chores")),
        ("- [x] went for a #walk with @Sam", ("walk", "sam")),
        ("- [x] emailed sam@example.org", ()),
        ("- [x] read a #book/fiction", ("book/fiction",)),
        ("- [x] did #home #home", ("home",)),
    ],
)
def test_win_tags_are_hash_and_at_tags_lower_cased(line, tags):
    assert day_wins(parse(note(line)))[0].tags == tags


def test_win_tags_include_the_notes_front_matter_tags_after_its_own():
    result = parse(note("---", "tags: [Therapy, home]", "---", "- [x] did laundry #home #chores"))
    assert day_wins(result)[0].tags == ("home", "chores", "therapy")


@pytest.mark.parametrize(
    ("line", "category"),
    [
        ("- [x] did laundry", "home"),
        ("- [x] showered", "self-care"),
        ("- [x] texted a friend", "connection"),
        ("- [x] walked to the park", "movement"),  # movement is tried before outdoors
        ("- [x] sat in the garden", "outdoors"),
        ("- [x] took a nap", "rest"),
        ("- [x] sent the report", "work & study"),
        ("- [x] said no to the party", "boundaries"),
        ("- [x] said no to extra shifts", "boundaries"),  # the first words that match: "said no"
        ("- [x] saw my therapist", "therapy & health"),
        ("- [x] drew a cat", "creativity"),
        ("- [x] looked at the clouds", "other"),
        ("- [x] called mum #outdoors", "outdoors"),  # a tag naming a category wins
        ("- [x] did laundry #selfcare", "self-care"),
        ("- [x] did laundry #Self-Care", "self-care"),
        ("- [x] did laundry #work_study", "work & study"),
        ("- [x] did laundry #chores #rest", "rest"),
        ("- [x] went for a #walk", "movement"),  # a tag that is a keyword, not a category
    ],
)
def test_win_category(line, category):
    assert day_wins(parse(note(line)))[0].category == category


def test_front_matter_tag_names_the_category_only_when_no_keyword_matches():
    result = parse(note("---", "tags: rest", "---", "- [x] did laundry", "- [x] sat quietly"))
    assert [w.category for w in day_wins(result)] == ["home", "rest"]


def test_configured_categories_come_first():
    pets = (("pets", ("dog", "cat")),)
    result = parse(note("- [x] walked the dog", "- [x] fed the cat #home", "- [x] #pets walked"),
                   categories=pets)
    assert [w.category for w in day_wins(result)] == ["pets", "home", "pets"]


def test_configured_category_overrides_the_built_in_of_the_same_name():
    mine = (("home", ("garden",)),)
    result = parse(note("- [x] did laundry", "- [x] weeded the garden", "- [x] dusted #home"),
                   categories=mine)
    assert [w.category for w in day_wins(result)] == ["other", "home", "home"]


@pytest.mark.parametrize(
    ("line", "text", "feeling"),
    [
        ("- [x] did laundry. Felt good to have clean clothes.", "did laundry.",
         "Felt good to have clean clothes."),
        ("- [x] called mum! Really glad I did.", "called mum!", "Really glad I did."),
        ("- [x] showered. Proud of myself.", "showered.", "Proud of myself."),
        ("- [x] did laundry. Then I made tea.", "did laundry. Then I made tea.", None),
        # decision: how it felt to the one it was for is shown beside the deed too
        ("- [x] Called Mom back. She was happy to hear from me.", "Called Mom back.",
         "She was happy to hear from me."),
        ("- [x] cooked for Sam. They said yes to seconds.", "cooked for Sam. They said yes to seconds.",
         None),
        ("- [x] did laundry", "did laundry", None),
        ("- [x] felt good about the walk", "felt good about the walk", None),
    ],
)
def test_win_feeling_is_a_trailing_sentence_split_off(line, text, feeling):
    win = day_wins(parse(note(line)))[0]
    assert (win.text, win.feeling) == (text, feeling)


def test_win_source_and_line_in_a_daily_file_with_front_matter():
    result = parse(note("---", "mood: 4", "tags: [a]", "---", "", "# Tuesday", "- [x] a", "",
                        "- [x] b"), source="daily/2025-03-04.md")
    assert [(w.source, w.line) for w in day_wins(result)] == [
        ("daily/2025-03-04.md", 7), ("daily/2025-03-04.md", 9),
    ]


def test_win_line_in_a_running_log():
    lines = ["# Log", "", "## 2025-03-04", "- a", "", "## 2025-03-05", "text", "- b",
             "Mar 6: c", "- d", "[2025-03-07 10:00] e", "- f"]
    result = parse(note(*lines), source="log.md")
    got = [(w.text, w.line) for w in day_wins(result)]
    assert got == [("a", 4), ("b", 8), ("c", 9), ("d", 10), ("e", 11), ("f", 12)]
    assert all(lines[line - 1].endswith(text) for text, line in got)


def test_win_line_in_a_running_log_after_front_matter():
    result = parse(note("---", "title: log", "---", "## 2025-03-04", "- a", "Mar 5: b"),
                   source="log.md")
    assert [(w.text, w.line) for w in day_wins(result)] == [("a", 5), ("b", 6)]


def test_note_body_and_start_line_point_back_into_the_file():
    text = note("---", "mood: 4", "---", "# Tuesday", "- [x] a")
    n = only_note(parse(text))
    assert n.line == 4
    assert n.body.splitlines() == ["# Tuesday", "- [x] a"]
    assert merge_days([n])[0].win_lines(n) == frozenset({1})


@pytest.mark.parametrize("ending", ["\r\n", "\n"])
def test_line_endings_do_not_change_lines(ending):
    text = ending.join(["---", "mood: 4", "---", "- [x] a", "- [x] b"])
    assert [(w.text, w.line) for w in day_wins(parse(text))] == [("a", 4), ("b", 5)]


# ---------------------------------------------------------------------------------------------
# The splitter's public API, which the text importer uses too


def test_split_days_cuts_at_dated_headings_and_lines_and_names_dates_that_cannot_be():
    lines = ["before any day", "## 2025-03-04 - Tuesday", "- a", "Mar 5: b", "- c", "2/30: not a day"]
    problems: list = []
    assert split_days(lines, "mdy", date(2020, 5, 1), "log.md", problems) == [
        DayText(date(2025, 3, 4), 3, False, "Tuesday", ["- a"]),
        DayText(date(2025, 3, 5), 4, True, None, ["Mar 5: b", "- c", "2/30: not a day"]),
    ]
    assert [str(p) for p in problems] == [
        "log.md:6: 02-30 (month-day) is not a real date; read as an ordinary line"]


def test_split_days_starts_where_it_is_told_and_counts_lines_from_the_file_start():
    days = split_days(["---", "title: x", "---", "3/4: tea"], "dmy", date(2024, 5, 1), "log.md", [], start=3)
    assert [(d.date, d.line, d.inferred) for d in days] == [(date(2024, 4, 3), 4, True)]


@pytest.mark.parametrize("line, expected", [
    ("2025-03-04: tea", (date(2025, 3, 4), "tea", False)),
    ("# Tue, Mar 4, 2025", (date(2025, 3, 4), "", True)),
    ("[2025-03-04 10:00] tea *", (date(2025, 3, 4), "tea", False)),
    ("- 2025-03-04 tea", None),
    ("tea on 2025-03-04", None),
])
def test_line_opener_finds_the_date_a_line_opens_a_day_with(line, expected):
    opener = line_opener(line, "mdy")
    found = opener and (date(opener.found.year, opener.found.month, opener.found.day), opener.rest,
                        opener.is_heading)
    assert found == expected
