"""The week page's look-back: this week and last, Monday to Sunday, up to the build's day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from generator.analyze import analyze
from generator.config import Config
from generator.model import Note, Win
from generator.week import monday

WED = date(2026, 11, 25)  # a Wednesday: this week is 23–29 November, last week 16–22


def win(day: date, text: str = "did a thing", category: str = "other", line: int = 1, tags=()) -> Win:
    return Win(day, text, category, tuple(tags), f"{day}.md", line)


def note(day: date, *wins: Win, mood=None, hard=None) -> Note:
    return Note(day, f"{day}.md", 1, "", tuple(wins), mood=mood, hard_reason=hard)


def day_with(day: date, count: int = 1, category: str = "other", **kw) -> Note:
    return note(day, *(win(day, f"thing {i}", category, line=i + 1) for i in range(count)), **kw)


def weeks(notes, today=WED):
    return analyze(notes, Config(), today).weeks


@pytest.mark.parametrize("day, expected", [
    (date(2026, 11, 23), date(2026, 11, 23)),  # a Monday is its own week's start
    (date(2026, 11, 25), date(2026, 11, 23)),
    (date(2026, 11, 29), date(2026, 11, 23)),  # Sunday ends the week
    (date(2026, 11, 30), date(2026, 11, 30)),
    (date(2027, 1, 1), date(2026, 12, 28)),    # a Friday whose week began in the old year
    (date(2024, 3, 3), date(2024, 2, 26)),     # across a leap day
])
def test_weeks_start_on_monday(day, expected):
    assert monday(day) == expected


def test_this_week_holds_today_and_last_week_the_seven_days_before():
    this, last = weeks([day_with(date(2026, 11, 15)), day_with(date(2026, 11, 16), 2),
                        day_with(date(2026, 11, 22), 3), day_with(date(2026, 11, 23), 4),
                        day_with(WED)])
    assert (this.start, this.end) == (date(2026, 11, 23), date(2026, 11, 29))
    assert (last.start, last.end) == (date(2026, 11, 16), date(2026, 11, 22))
    assert [d.date.day for d in this.days] == [23, 25] and len(this.wins) == 5
    assert [d.date.day for d in last.days] == [16, 22] and len(last.wins) == 5  # Sunday the 15th is out


def test_on_a_monday_this_week_is_one_day_long():
    this, last = weeks([day_with(date(2026, 11, 22)), day_with(date(2026, 11, 23))], date(2026, 11, 23))
    assert [d.date for d in this.days] == [date(2026, 11, 23)]
    assert [d.date for d in last.days] == [date(2026, 11, 22)]


def test_a_week_across_new_year():
    this, last = weeks([day_with(date(2026, 12, 24)), day_with(date(2026, 12, 31)),
                        day_with(date(2027, 1, 1))], date(2027, 1, 2))
    assert this.start == date(2026, 12, 28)
    assert [d.date for d in this.days] == [date(2026, 12, 31), date(2027, 1, 1)]
    assert [d.date for d in last.days] == [date(2026, 12, 24)]


def test_days_after_today_are_not_looked_back_on():
    this, _ = weeks([day_with(WED), day_with(WED + timedelta(days=2))])
    assert [d.date for d in this.days] == [WED]


def test_empty_weeks_have_no_days_and_nothing_to_name():
    this, last = weeks([day_with(date(2026, 10, 1))])
    for week in (this, last):
        assert week.days == () and week.wins == () and week.win_days == ()
        assert week.firsts == () and week.comebacks == () and week.fullest is None


def test_no_notes_at_all_still_gives_two_empty_weeks():
    this, last = weeks([])
    assert this.days == last.days == () and last.start == date(2026, 11, 16)


def test_firsts_fall_in_the_week_they_happened():
    this, last = weeks([
        day_with(date(2026, 11, 2), category="home"),
        day_with(date(2026, 11, 17), category="movement"),   # first movement: last week
        day_with(date(2026, 11, 18), category="movement"),   # not a first
        day_with(date(2026, 11, 24), category="home"),       # home was first on the 2nd
        day_with(date(2026, 11, 24), category="creativity"),  # first creativity: this week
    ])
    assert [(w.date.day, w.category) for w in last.firsts] == [(17, "movement")]
    assert [(w.date.day, w.category) for w in this.firsts] == [(24, "creativity")]


def test_other_is_never_a_first():
    this, _ = weeks([day_with(WED, category="other")])
    assert this.firsts == ()


def test_comebacks_fall_in_the_week_of_the_win_after_the_gap():
    this, last = weeks([
        day_with(date(2026, 11, 10)),
        day_with(date(2026, 11, 16)),  # after 5 quiet days (11–15): last week
        day_with(date(2026, 11, 17)),
        day_with(date(2026, 11, 21)),  # after 3 quiet days: last week
        day_with(date(2026, 11, 24)),  # after 2: not a comeback
    ])
    assert [(c.win.date.day, c.gap) for c in last.comebacks] == [(16, 5), (21, 3)]
    assert this.comebacks == ()


def test_a_comeback_on_monday_counts_quiet_days_from_the_week_before():
    this, _ = weeks([day_with(date(2026, 11, 19)), day_with(date(2026, 11, 23))])
    assert [(c.win.date, c.gap) for c in this.comebacks] == [(date(2026, 11, 23), 3)]


def test_comebacks_after_today_do_not_crowd_out_the_weeks_own():
    past = [day_with(date(2026, 11, d)) for d in (1, 16, 20, 24)]
    later = [day_with(date(2026, 12, d)) for d in (5, 10, 15, 20, 25, 30)]  # notes dated ahead
    this, last = weeks([*past, *later], date(2026, 11, 28))
    assert [c.win.date.day for c in last.comebacks] == [16, 20]
    assert [c.win.date.day for c in this.comebacks] == [24]


def test_hard_days_are_those_of_the_week_with_or_without_wins():
    this, last = weeks([
        day_with(date(2026, 11, 18), 2, mood=2),
        note(date(2026, 11, 23), hard="rough: on line 1"),
        day_with(WED, 1),
    ])
    assert [(d.date.day, len(d.wins)) for d in last.hard_days] == [(18, 2)]
    assert [(d.date.day, len(d.wins)) for d in this.hard_days] == [(23, 0)]
    assert [d.date.day for d in this.win_days] == [25]


def test_the_fullest_day_has_the_most_wins_earliest_first():
    this, _ = weeks([day_with(date(2026, 11, 23), 2), day_with(date(2026, 11, 24), 3),
                     day_with(WED, 3)])
    assert this.fullest.date == date(2026, 11, 24)


@pytest.mark.parametrize("counts", [[3], [1, 1], [1]])
def test_no_fullest_day_when_it_would_say_nothing(counts):
    this, _ = weeks([day_with(date(2026, 11, 23 + i), n) for i, n in enumerate(counts)])
    assert this.fullest is None
