"""The week page's look-back: this week and last, Monday to Sunday, up to the build's day."""

from __future__ import annotations

import html
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import EXAMPLE, EXAMPLE_TODAY, wins
from generator.analyze import analyze
from generator.config import Config
from generator.model import Note, Win
from generator.week import monday

ZERO = re.compile(r"\b0\b")
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


# ------------------------------------------------------------------------------------ the week page


def page_text(site: Path, name: str = "week.html") -> str:
    """The words of a page's main part, tags taken out and spaces squeezed."""
    main = (site / name).read_text("utf-8").split("<main", 1)[1].split("</main>", 1)[0]
    words = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main.split(">", 1)[1])).split())
    return re.sub(r" ([.,:])", r"\1", words)


def test_the_example_week_counts_both_weeks_without_a_zero(example_site):
    text = page_text(example_site)
    assert "This week 23–29 November 2026 13 wins on 3 days so far." in text
    assert "Last week 16–22 November 2026 29 wins on 7 days." in text  # a finished week is not "so far"
    assert "Your fullest day, with 5 wins: Tuesday 24 November 2026" in text
    assert "After 3 quiet days, you came back: work shift, 9-1" in text
    assert not ZERO.search(text), ZERO.search(text)


def test_every_win_of_the_week_links_to_its_day(example_site):
    page = (example_site / "week.html").read_text("utf-8")
    days = re.findall(r'<article class="week-day" aria-labelledby="day-([\d-]+)">(.*?)</article>', page, re.S)
    assert [d for d, _ in days] == [f"2026-11-{n}" for n in (23, 24, 25, *range(16, 23))]
    for day, body in days:
        links = re.findall(r'<li><a href="([^"]+)">', body)
        assert links and set(links) == {f"months/{day[:7]}.html#{day}"}, day
    assert (example_site / "months" / "2026-11.html").is_file()


def test_the_wall_and_the_timeline_link_to_the_week(example_site):
    for name in ("index.html", "timeline.html"):
        assert 'href="week.html"' in (example_site / name).read_text("utf-8"), name


def test_the_week_page_is_locked_with_the_others(tmp_path):
    out = tmp_path / "locked"
    wins("build", EXAMPLE, "-o", out, "--encrypt", "--today", EXAMPLE_TODAY,
         env={"WINS_PASSPHRASE": "a long walk by the river"})
    assert not (out / "week.html").exists()
    everything = "".join(p.read_text("utf-8") for p in out.glob("*.html"))
    assert "Your week" not in everything and "so far" not in everything


def build_notes(notes, tmp_path, files: dict[str, str], today: str, *args: str) -> Path:
    out = tmp_path / "site"
    wins("build", notes(files), "-o", out, "--today", today, "-q", *args)
    return out


def test_two_empty_weeks_say_something_kind(notes, tmp_path):
    site = build_notes(notes, tmp_path, {"2026-10-01.md": "- [x] swam\n"}, "2026-11-25")
    text = page_text(site)
    assert "Nothing written down this week yet. Resting counts too." in text
    assert "A quiet week. Quiet weeks are part of it too." in text
    assert not ZERO.search(text) and "Day by day" not in text and "missed" not in text


def test_a_hard_day_is_named_gently_with_what_was_done(notes, tmp_path):
    site = build_notes(notes, tmp_path, {
        "2026-11-23.md": "rough day.\n",
        "2026-11-24.md": "---\nmood: 2\n---\n- [x] fed the cat\n- [x] showered\n",
        "2026-11-17.md": "- [x] walked #hard\n",
    }, "2026-11-25")
    text = page_text(site)
    assert "On 2 hard days you still did 2 things." in text
    assert "Monday 23 November 2026 a hard day, got through You wrote a note. On a day like that" in text
    assert "Tuesday 24 November 2026 a hard day, got through fed the cat" in text
    assert "On 1 hard day you still did 1 thing." in text
    assert not ZERO.search(text)


def test_a_week_of_hard_days_with_no_win_is_got_through(notes, tmp_path):
    site = build_notes(notes, tmp_path, {"2026-11-24.md": "rough. everything felt heavy\n"}, "2026-11-25")
    text = page_text(site)
    assert "You kept writing things down this week. That counts." in text
    assert "You got through 1 hard day." in text


def test_recent_cw_wins_and_quiet_dates_are_shown_but_private_lines_never(notes, tmp_path):
    site = build_notes(notes, tmp_path, {
        "wall.yaml": "quiet_dates: [2026-11-24]\n",
        "2026-11-23.md": "- [x] went to the memorial #cw\n- [x] told Jo the secret #private\n",
        "2026-11-24.md": "- [x] lit a candle for dad\n",
        "2026-11-25.md": "---\nprivate: true\n---\n- [x] the private note's win\n",
    }, "2026-11-25")
    page = (site / "week.html").read_text("utf-8")
    assert "went to the memorial" in page and "lit a candle for dad" in page
    assert "secret" not in page and "private note" not in page


def test_a_first_found_only_by_an_older_note_moves_out_of_the_week(notes, tmp_path):
    files = {"2026-11-24.md": "- [x] painted a small card\n", "2026-11-01.md": "- [x] washed up\n"}
    site = build_notes(notes, tmp_path, files, "2026-11-25")
    assert "First time for <em>creativity</em>" in (site / "week.html").read_text("utf-8")
    (tmp_path / "notes" / "2026-11-01.md").write_text("- [x] drew a fern\n", encoding="utf-8")
    wins("build", tmp_path / "notes", "-o", site, "--today", "2026-11-25", "-q")
    scratch = build_notes(notes, tmp_path / "b", {}, "2026-11-25", "--no-cache")
    assert (site / "week.html").read_bytes() == (scratch / "week.html").read_bytes()
    assert "First time" not in (site / "week.html").read_text("utf-8")
