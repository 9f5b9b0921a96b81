"""The whole pipeline on example-notes/: the wall a new user sees after `make build`."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from conftest import EXAMPLE, EXAMPLE_TODAY, broken_links, site_links
from generator.build import collect
from generator.config import load_config


@pytest.fixture(scope="module")
def run():
    return collect(EXAMPLE, load_config(None, EXAMPLE), date.fromisoformat(EXAMPLE_TODAY))


def pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in site.rglob("*.html")}


def test_example_notes_are_big_enough_to_feel_real(run):
    stats = run.wall.stats
    assert stats.wins >= 300
    assert stats.days >= 90
    assert stats.hard_days >= 5
    assert run.wall.highlights.comebacks, "the story has at least one comeback"
    assert not run.problems, [str(p) for p in run.problems]


def test_every_input_shape_contributes_wins(run):
    sources = {w.source for w in run.wall.wins}
    assert any(s.startswith("daily/") for s in sources)
    assert any(s.startswith("journals/") for s in sources)
    assert "phone-log.txt" in sources
    assert "phone notes.txt" in sources  # weekday lines under one dated line, as typed on a phone
    assert "jrnl.journal" in sources
    assert any(w.inferred for w in run.wall.wins), "the phone log has inferred dates"


PROSE_DAYS = ("2026-08-25", "2026-09-06", "2026-11-25")


def test_the_phone_note_and_the_prose_days_are_on_the_wall(run):
    phone = [w for w in run.wall.wins if w.source == "phone notes.txt"]
    per_date = Counter(w.date.isoformat() for w in phone)
    assert per_date == {"2026-09-26": 3, "2026-09-30": 1, "2026-10-01": 3, "2026-10-02": 2}
    assert [w.text for w in phone if w.date == date(2026, 9, 30)] == ["Still fed myself, toast at 4."]
    assert date(2026, 9, 30) in {d.date for d in run.wall.hard_days}  # "Weds: rough."
    prose = [w for w in run.wall.wins if w.date.isoformat() in PROSE_DAYS]
    # "Stayed in bed til 10" is rest, not a deed to count; the other sentences of 6 Sep are
    assert Counter(w.date.isoformat() for w in prose) == {"2026-08-25": 4, "2026-09-06": 3, "2026-11-25": 4}
    said = " ".join(w.text for w in prose)
    for not_a_deed in ("Carol asked", "She sounded", "She said", "A good tired", "Tomorrow I", "We didn't"):
        assert not_a_deed not in said  # about someone else, a feeling, a plan, a negation


def test_site_has_every_page(example_site, run):
    names = set(pages(example_site))
    assert {"index.html", "timeline.html", "hard-days.html"} <= names
    for month in run.wall.months:
        assert f"months/{month.key}.html" in names
    assert (example_site / "style.css").is_file()


def test_every_day_is_an_article_and_every_day_link_lands(example_site, run):
    html = pages(example_site)
    anchors = {
        name: set(re.findall(r'<article id="(\d{4}-\d{2}-\d{2})"', text))
        for name, text in html.items() if name.startswith("months/")
    }
    assert sum(len(a) for a in anchors.values()) == run.wall.stats.days
    assert not broken_links(example_site)
    for name, href, target, anchor in site_links(example_site):
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", anchor):
            assert anchor in anchors.get(target, ()), f"{name} links to missing day {href}"


def test_wall_shows_the_headline_and_latest_win(example_site, run):
    index = (example_site / "index.html").read_text("utf-8")
    stats = run.wall.stats
    assert f"{stats.wins}</span> wins across" in index
    latest = run.wall.latest[0]
    assert latest.text.split()[0] in index


def test_hard_days_page_starts_with_support_then_counts(example_site, run):
    text = (example_site / "hard-days.html").read_text("utf-8")
    stats = run.wall.stats
    assert f"On {stats.hard_days} hard days you still did {stats.hard_day_wins} things" in text
    assert text.index("Samaritans") < text.index('id="headline"')
    assert '<a class="contact" href="tel:116123">116 123</a>' in text


def test_private_things_never_reach_the_site(example_site):
    everything = "\n".join(pages(example_site).values())
    assert "sertraline" not in everything  # a #private line
    assert "dad's things in the loft" not in everything  # a note with private: true


def test_no_absolute_paths_and_no_other_origins(example_site):
    for name, text in pages(example_site).items():
        assert str(example_site.parent) not in text and str(EXAMPLE) not in text, name
        for tag in re.findall(r"<(?:link|script|img|iframe)[^>]*>", text):
            assert "//" not in tag, f"{name}: {tag}"


def test_quiet_dates_and_cw_are_never_resurfaced(run):
    remember = run.wall.highlights.remember
    assert all("cw" not in w.tags for w in remember)
    assert all(w.date not in run.config.quiet_dates for w in remember)
    assert any("cw" in w.tags for w in run.wall.wins)
