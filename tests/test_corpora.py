"""Real notes from public projects (../shared/corpora, beside the repository), read in place or copied.

The corpora keep their own licences and are never copied into this repository.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import CORPORA
from generator.build import Run, collect
from generator.cli import main
from generator.config import load_config

TODAY = date(2026, 3, 1)

pytestmark = pytest.mark.skipif(
    not CORPORA.is_dir(), reason=f"public example corpora not found at {CORPORA}"
)


def corpus(*parts: str) -> Path:
    path = CORPORA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"corpus file {path} not found")
    return path


def copy_notes(tmp_path: Path, source: Path, settings: str = "", name: str | None = None) -> Path:
    """Copy a corpus folder (or one file, renamed) into a fresh notes folder with wall.yaml."""
    notes = tmp_path / "notes"
    if source.is_dir():
        shutil.copytree(source, notes)
    else:
        notes.mkdir()
        shutil.copy(source, notes / (name or source.name))
    if settings:
        (notes / "wall.yaml").write_text(settings, encoding="utf-8")
    return notes


def run(notes: Path) -> Run:
    return collect(notes, load_config(None, notes), TODAY)


def by_source(build: Run) -> dict[str, list[date]]:
    return {f.source: sorted({n.date for n in f.notes}) for f in build.files}


# ---------------------------------------------------------------------------------------------
# obsidian-tracker diary: many file-name date patterns, emoji moods, `key:: value` lines


@pytest.fixture(scope="module")
def diary(tmp_path_factory) -> Run:
    notes = copy_notes(tmp_path_factory.mktemp("diary"), corpus("obsidian-tracker-diary"),
                       "date_order: dmy\n")
    return run(notes)


def test_diary_every_note_file_has_a_date(diary):
    notes = [f for f in diary.files if f.source.endswith(".md")]
    assert len(notes) == 96
    assert [f.source for f in notes if f.skipped or not f.notes] == []
    assert all(len(f.notes) == 1 for f in notes)


def test_diary_has_46_distinct_dates(diary):
    assert len(diary.wall.days) == 46
    assert diary.wall.stats.days == 46
    assert diary.wall.days[0].date == date(2021, 1, 1)
    assert diary.wall.days[-1].date == date(2026, 2, 18)


@pytest.mark.parametrize(
    ("source", "day"),
    [
        ("01-01-2021.md", date(2021, 1, 1)),
        ("05.01.2021.md", date(2021, 1, 5)),
        ("2021-01-03-Sunday.md", date(2021, 1, 3)),
        ("20210104-D.md", date(2021, 1, 4)),
        ("D-20210102.md", date(2021, 1, 2)),
        ("5-20210105.md", date(2021, 1, 5)),
        ("Jeffrey-20210103-Journal.md", date(2021, 1, 3)),
        ("2023-06-05.md", date(2023, 6, 5)),
    ],
)
def test_diary_file_name_shapes(diary, source, day):
    assert by_source(diary)[source] == [day]


def test_diary_only_the_license_is_skipped_and_it_is_named(diary):
    assert [f.source for f in diary.files if f.skipped] == ["LICENSE.txt"]
    assert any(p.source == "LICENSE.txt" and "skipped" in p.message for p in diary.problems)


def test_diary_checked_tasks_are_the_wins(diary):
    wins = diary.wall.wins
    assert len(wins) == 15  # the `- [x]` lines; the 16 `- [ ]` ones are not wins
    assert {w.text for w in wins} == {"Say I love you"}
    assert {w.source for w in wins} <= {f"2021-01-{d:02d}.md" for d in range(1, 32)}
    first = wins[0]
    assert (first.date, first.source, first.tags) == (
        date(2021, 1, 1), "2021-01-01.md", ("work_log", "work_log2"),
    )
    lines = (CORPORA / "obsidian-tracker-diary" / first.source).read_text().splitlines()
    assert lines[first.line - 1] == "- [x] Say I love you"


def test_diary_property_lines_stars_and_tag_values_are_not_wins(diary):
    days = {d.date: d for d in diary.wall.days}
    assert days[date(2021, 1, 3)].wins == ()  # only ⭐⭐⭐, `- Make Progress:: 29`, #tag:value
    assert days[date(2023, 6, 5)].wins == ()  # `Physical:: 😐`
    assert not any("::" in w.text for w in diary.wall.wins)


def test_diary_emoji_moods_and_hard_days(diary):
    moods = {f.source: f.notes[0].mood for f in diary.files if f.notes}
    assert moods["2021-01-01.md"] == 2  # 🙁
    assert moods["2021-01-08.md"] == 5  # 😀
    days = {d.date: d for d in diary.wall.days}
    assert days[date(2021, 1, 1)].hard


def test_diary_out_of_range_moods_are_warned_with_file_and_line(diary):
    warned = {p.source for p in diary.problems if "mood" in p.message}
    assert "Jeffrey-20210101-Diary.md" in warned  # mood: 10
    assert all(p.line == 3 for p in diary.problems if "mood" in p.message)
    assert "2021-01-01.md" not in warned


def test_diary_without_dmy_the_day_first_names_are_read_month_first(tmp_path):
    notes = copy_notes(tmp_path, corpus("obsidian-tracker-diary"))
    dates = by_source(run(notes))
    assert dates["05-01-2021.md"] == [date(2021, 5, 1)]
    assert dates["2021-01-05.md"] == [date(2021, 1, 5)]


def test_diary_stats_from_the_command_line(tmp_path):
    notes = copy_notes(tmp_path, corpus("obsidian-tracker-diary"), "date_order: dmy\n")
    result = CliRunner().invoke(main, ["stats", str(notes), "--json", "--today", "2026-03-01"])
    assert result.exit_code == 0, result.output
    stats = json.loads(result.stdout)
    assert (stats["days"], stats["wins"]) == (46, 15)


# ---------------------------------------------------------------------------------------------
# jrnl journals


def day_summary(build: Run) -> list[tuple[date, list[str]]]:
    return [(d.date, [w.text for w in d.wins]) for d in build.wall.days]


def test_jrnl_one_file_journal_saved_as_txt(tmp_path):
    notes = copy_notes(tmp_path, corpus("jrnl-journals", "basic_onefile.journal"),
                       name="journal.txt")
    build = run(notes)
    assert day_summary(build) == [
        (date(2020, 8, 29), ["Entry the first."]),
        (date(2020, 8, 31), ["A second entry in what I hope to be a long series."]),
        (date(2020, 9, 24), ["The third entry finally after weeks without writing."]),
    ]
    assert [(w.source, w.line) for w in build.wall.wins] == [
        ("journal.txt", 1), ("journal.txt", 22), ("journal.txt", 47),
    ]
    assert build.problems == []


def test_jrnl_entry_prose_stays_in_the_days_notes(tmp_path):
    notes = copy_notes(tmp_path, corpus("jrnl-journals", "basic_onefile.journal"),
                       name="journal.txt")
    first = run(notes).wall.days[0].notes[0]
    assert "Lorem @ipsum dolor sit amet" in first.body
    assert "Sed sit amet metus" not in first.body


def test_jrnl_one_file_journal_keeps_its_own_suffix(tmp_path):
    notes = copy_notes(tmp_path, corpus("jrnl-journals", "basic_onefile.journal"))
    assert len(run(notes).wall.days) == 3


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ("date_order: dmy\n", [date(2013, 6, 9), date(2013, 7, 10)]),
        ("", [date(2013, 9, 6), date(2013, 10, 7)]),
    ],
)
def test_jrnl_little_endian_dates(tmp_path, settings, expected):
    notes = copy_notes(tmp_path, corpus("jrnl-journals", "little_endian_dates.journal"), settings)
    build = run(notes)
    assert [d.date for d in build.wall.days] == expected
    assert [w.text for w in build.wall.wins] == ["My first entry.", "Life is good."]


@pytest.fixture(scope="module")
def folder_journal(tmp_path_factory) -> Run:
    notes = copy_notes(tmp_path_factory.mktemp("folder"), corpus("jrnl-journals", "basic_folder"))
    return run(notes)


def test_jrnl_folder_journal_gives_its_three_days(folder_journal):
    dates = by_source(folder_journal)
    assert {s: d for s, d in dates.items() if "ignored" not in s} == {
        "2020/08/29.txt": [date(2020, 8, 29)],
        "2020/08/31.txt": [date(2020, 8, 31)],
        "2020/09/24.txt": [date(2020, 9, 24)],
    }
    days = {d.date: [w.text for w in d.wins] for d in folder_journal.wall.days}
    assert days[date(2020, 8, 29)] == ["Entry the first."]
    assert days[date(2020, 8, 31)] == ["A second entry in what I hope to be a long series."]
    assert days[date(2020, 9, 24)] == ["The third entry finally after weeks without writing."]


def test_jrnl_folder_journal_stray_files_are_read_by_their_own_stamp(folder_journal):
    """jrnl ignores `should-be-ignored.txt`; Evidence Wall reads every dated note (PRODUCT.md §1).

    Each stray file opens with `[2022-03-02 9:25:00 AM] …`, so it is a one-entry jrnl log of that
    day: it never borrows a date from the folder it sits in, and never touches the 2020 days.
    """
    dates = by_source(folder_journal)
    strays = sorted(s for s in dates if s.endswith("should-be-ignored.txt"))
    assert strays == [
        "2020/09/should-be-ignored.txt", "2020/should-be-ignored.txt", "should-be-ignored.txt",
    ]
    assert all(dates[s] == [date(2022, 3, 2)] for s in strays)
    assert [d.date for d in folder_journal.wall.days] == [
        date(2020, 8, 29), date(2020, 8, 31), date(2020, 9, 24), date(2022, 3, 2),
    ]


def test_jrnl_folder_journal_stray_files_can_be_left_out_with_exclude(tmp_path):
    notes = copy_notes(tmp_path, corpus("jrnl-journals", "basic_folder"),
                       "exclude: ['*should-be-ignored.txt']\n")
    build = run(notes)
    assert sorted(f.source for f in build.files) == [
        "2020/08/29.txt", "2020/08/31.txt", "2020/09/24.txt",
    ]
    assert [d.date for d in build.wall.days] == [
        date(2020, 8, 29), date(2020, 8, 31), date(2020, 9, 24),
    ]

