"""Analysis: counts that never shame, highlights that are true."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from generator.analyze import BUSIEST, COMEBACKS, REPEATED, analyze, months_back, streaks
from generator.config import Config
from generator.milestones import recent_milestone
from generator.model import Note, Win

D = date(2025, 3, 10)


def win(day: date, text: str = "did a thing", tags=(), line: int = 1, category="other") -> Win:
    return Win(day, text, category, tuple(tags), f"{day}.md", line)


def note(day: date, *wins: Win, mood=None, hard=None, candidates=()) -> Note:
    return Note(day, f"{day}.md", 1, "", tuple(wins), tuple(candidates), mood=mood, hard_reason=hard)


def days_ago(n: int) -> date:
    return D - timedelta(days=n)


@pytest.mark.parametrize("offsets, current, longest", [
    ([], 0, 0),
    ([0], 1, 1),
    ([1], 1, 1),            # today may still be empty: yesterday's run is not broken yet
    ([2], 0, 1),
    ([0, 1, 2, 5, 6], 3, 3),
    ([3, 4, 5, 6, 10], 0, 4),
])
def test_streaks(offsets, current, longest):
    assert streaks(sorted(days_ago(n) for n in offsets), D) == (current, longest)


def test_notes_for_one_date_merge_into_one_day():
    wall = analyze([note(D, win(D, "a")), note(D, win(D, "b", line=2))], Config(), D)
    assert len(wall.days) == 1 and len(wall.days[0].wins) == 2


def test_log_mode_is_decided_per_day_not_per_file():
    marked = note(D, win(D, "marked"))
    logged = Note(D, "log.txt", 1, "", (), (win(D, "a list item"),))
    wall = analyze([marked, logged], Config(), D)
    assert [w.text for w in wall.wins] == ["marked"]
    alone = analyze([logged], Config(), D)
    assert [w.text for w in alone.wins] == ["a list item"]


def test_hard_days_and_what_was_done_on_them():
    wall = analyze([
        note(days_ago(2), win(days_ago(2), "showered"), mood=2),
        note(days_ago(1), win(days_ago(1), "ate"), hard="#hard on line 1"),
        note(D, win(D, "fine day"), mood=4),
    ], Config(), D)
    assert wall.stats.hard_days == 2
    assert wall.stats.hard_day_wins == 2
    assert [d.date for d in wall.hard_days] == [days_ago(1), days_ago(2)]


@pytest.mark.parametrize("days, average", [
    ([], None),                                   # no mood given: no sentence
    ([(2, 3), (1, 0), (4, 9)], 1.5),              # only days rated 1–2 count
    ([(1, 0), (2, 0)], None),                     # it would say 0: left out
    ([(1, 1), (2, 1), (1, 0)], 0.7),              # one decimal
    ([(1, 0)] * 20 + [(1, 1)], None),             # 0.048 rounds to 0: left out
])
def test_low_mood_days_average_what_was_still_done(days, average):
    notes = [note(days_ago(n), *(win(days_ago(n), line=i) for i in range(count)), mood=mood)
             for n, (mood, count) in enumerate(days)]
    assert analyze(notes, Config(), D).low_mood_average == average


def test_the_welcome_back_win_is_the_last_one_that_may_be_shown_again():
    wall = analyze([note(days_ago(40), win(days_ago(40), "swam")),
                    note(days_ago(30), win(days_ago(30), "said it", tags=("cw",)))], Config(), D)
    assert wall.highlights.last_win.text == "swam"


def test_recent_days_with_a_win_never_drop_to_zero_shamefully():
    wall = analyze([note(days_ago(n), win(days_ago(n))) for n in (0, 3, 6, 7, 29, 30)], Config(), D)
    assert wall.stats.days_with_wins_last_7 == 3
    assert wall.stats.days_with_wins_last_30 == 5
    assert wall.stats.wins == 6  # totals never reset


def test_milestones_name_the_nth_win():
    notes = [note(days_ago(n), win(days_ago(n), f"w{n}")) for n in range(60, 0, -1)]
    wall = analyze(notes, Config(), D)
    assert [(m.number, m.win.text) for m in wall.milestones] == [
        (1, "w60"), (10, "w51"), (50, "w11")]


def test_milestones_carry_their_promised_reward_and_reward_counts_become_milestones():
    notes = [note(days_ago(n), win(days_ago(n), f"w{n}")) for n in range(120, 0, -1)]
    config = Config(rewards=((10, "a film night"), (100, "a new album"), (112, "cake"), (500, "a trip")))
    wall = analyze(notes, config, D)
    assert [(m.number, m.win.date, m.reward) for m in wall.milestones] == [
        (1, days_ago(120), None), (10, days_ago(111), "a film night"), (50, days_ago(71), None),
        (100, days_ago(21), "a new album"), (112, days_ago(9), "cake")]


def test_milestones_go_on_every_thousand_wins():
    notes = [note(days_ago(n % 300), win(days_ago(n % 300), f"w{n}", line=n))
             for n in range(2100)]
    numbers = [m.number for m in analyze(notes, Config(), D).milestones]
    assert numbers == [1, 10, 50, 100, 250, 500, 1000, 2000]


def test_a_milestone_win_that_is_not_shown_again_keeps_its_count_without_its_words():
    notes = [note(days_ago(3), win(days_ago(3), "hard talk", tags=("cw",))),
             note(days_ago(2), *(win(days_ago(2), f"w{i}", line=i) for i in range(9))),
             note(days_ago(1), win(days_ago(1), "quiet one"))]
    wall = analyze(notes, Config(quiet_dates=(days_ago(1),), rewards=((11, "tea"),)), D)
    assert [(m.number, m.shown) for m in wall.milestones] == [(1, False), (10, True), (11, False)]


@pytest.mark.parametrize("ago, expected", [(0, 10), (6, 10), (7, None), (-1, None)])
def test_a_milestone_of_the_last_seven_days_is_the_recent_one(ago, expected):
    notes = [note(days_ago(30), *(win(days_ago(30), f"w{i}", line=i) for i in range(9))),
             note(days_ago(ago), win(days_ago(ago), "the tenth"))]
    wall = analyze(notes, Config(), D)
    found = recent_milestone(wall.milestones, D)
    assert (found.number if found else None) == expected


def test_comebacks_after_three_quiet_days():
    wall = analyze([note(days_ago(n), win(days_ago(n), f"w{n}")) for n in (10, 9, 5, 4, 0)],
                   Config(), D)
    assert [(c.gap, c.win.text) for c in wall.highlights.comebacks] == [(3, "w0"), (3, "w5")]


def test_the_wall_names_only_the_latest_comebacks():
    wall = analyze([note(days_ago(n), win(days_ago(n), f"w{n}")) for n in range(0, 40, 4)], Config(), D)
    assert [c.win.text for c in wall.highlights.comebacks] == [f"w{n}" for n in range(0, 4 * COMEBACKS, 4)]


def test_a_two_day_gap_is_not_a_comeback():
    wall = analyze([note(days_ago(n), win(days_ago(n))) for n in (3, 0)], Config(), D)
    assert wall.highlights.comebacks == ()


def test_most_repeated_ignores_case_and_punctuation():
    wall = analyze([note(days_ago(n), win(days_ago(n), t)) for n, t in
                    [(3, "Walked the dog."), (2, "walked the dog"), (1, "swam"), (0, "WALKED the dog!")]],
                   Config(), D)
    top = wall.highlights.repeated[0]
    assert (top.count, top.last.date) == (3, D)
    assert len(wall.highlights.repeated) == 1


def test_firsts_are_the_first_win_of_each_category():
    wall = analyze([
        note(days_ago(3), win(days_ago(3), "swam", category="movement")),
        note(days_ago(1), win(days_ago(1), "ran", category="movement")),
        note(D, win(D, "drew", category="creativity")),
    ], Config(), D)
    assert [w.text for w in wall.highlights.firsts] == ["swam", "drew"]


def test_busiest_days_most_wins_first():
    wall = analyze([note(days_ago(2), win(days_ago(2))),
                    note(days_ago(1), *(win(days_ago(1), line=i) for i in range(3)))], Config(), D)
    assert wall.highlights.busiest[0].date == days_ago(1)


def test_on_this_day_skips_cw_and_quiet_dates():
    month_ago, year_ago = date(2025, 2, 10), date(2024, 3, 10)
    notes = [
        note(month_ago, win(month_ago, "visible"), win(month_ago, "painful", tags=["cw"], line=2)),
        note(year_ago, win(year_ago, "anniversary")),
    ]
    wall = analyze(notes, Config(quiet_dates=(year_ago,)), D)
    assert [w.text for w in wall.highlights.month_ago] == ["visible"]
    assert wall.highlights.year_ago == ()
    assert [w.text for w in wall.highlights.remember] == ["visible"]
    assert wall.highlights.remember_pick.text == "visible"


def test_remember_pick_is_stable_for_the_same_input():
    notes = [note(days_ago(n), win(days_ago(n), f"w{n}")) for n in range(30)]
    picks = {analyze(notes, Config(), D).highlights.remember_pick for _ in range(3)}
    assert len(picks) == 1


@pytest.mark.parametrize("today, months, expected", [
    (date(2025, 3, 10), 1, date(2025, 2, 10)),
    (date(2025, 1, 15), 1, date(2024, 12, 15)),
    (date(2025, 3, 31), 1, None),
    (date(2024, 2, 29), 12, None),
])
def test_months_back(today, months, expected):
    assert months_back(today, months) == expected


def test_lists_on_the_wall_are_cut_here_not_in_templates():
    texts = [f"thing {i}" for i in range(REPEATED + 3)]
    notes = [note(days_ago(n), *(win(days_ago(n), t, line=i) for i, t in enumerate(texts[:n + 1])))
             for n in range(len(texts))]
    highlights = analyze(notes + [note(D, *(win(D, t, line=i) for i, t in enumerate(texts)))],
                         Config(), D).highlights
    assert len(highlights.repeated) == REPEATED
    assert [r.text for r in highlights.repeated][:2] == ["thing 0", "thing 1"]  # most often first
    assert len(highlights.busiest) == BUSIEST
