"""Mood beside evidence: the timeline's heatmap coloured by mood on request, only when notes give one;
and the share data each win card carries (the browser side is in tests/test_share.py)."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import wins
from generator.timeline import MOOD_WORDS

WITH_MOODS = {
    "2025-03-03.md": "---\nmood: 2\n---\n- [x] made tea\n",
    "2025-03-04.md": "---\nmood: 🙂\n---\n- [x] walked to the shop\n- [x] rang Sam\n",
    "2025-03-05.md": "- [x] watered the plants\n",
}
WITHOUT_MOODS = {"2025-03-03.md": "- [x] made tea\n", "2025-03-04.md": "#hard\n- [x] rang Sam\n"}


def timeline(folder: Path, out: Path, *args: str) -> str:
    wins("build", folder, "-o", out, "--today", "2025-03-06", "-q", *args)
    return (out / "timeline.html").read_text("utf-8")


def labels(page: str) -> dict[str, str]:
    """Each heatmap square's words, by its day."""
    return dict(re.findall(r'<a href="months/[\d-]+\.html#([\d-]+)" aria-label="([^"]+)"', page))


def test_a_year_with_moods_offers_them_with_a_legend_in_words(notes, tmp_path):
    page = timeline(notes(WITH_MOODS), tmp_path / "site")
    assert page.count('type="radio"') == 2 and 'value="wins" checked' in page
    assert '<legend>Colour the days by</legend>' in page
    legend = re.search(r'<ul class="legend mood-legend" aria-label="Mood">(.*?)</ul>', page, re.S)[1]
    for mood, words in MOOD_WORDS.items():
        assert f"{mood} {words}</li>" in legend
    assert "a note, no mood given" in legend
    days = labels(page)
    assert days["2025-03-03"].endswith("1 win, a hard day, mood 2")
    assert days["2025-03-04"].endswith("2 wins, mood 4")  # 🙂 is a 4
    assert "mood" not in days["2025-03-05"]
    digit = r'class="l1 hard mood2">.*?</rect><text [^>]*class="mood-digit" aria-hidden="true">2</text>'
    assert re.search(digit, page)
    unrated = r'class="l1 unrated">.*?</rect><text [^>]*class="mood-digit" aria-hidden="true">–</text>'
    assert re.search(unrated, page)  # 5 March: a note, no mood given: a dash, never a zero
    assert not re.search(r"mood ?0|mood0", page), "a mood never adds a zero"


def test_without_a_mood_nothing_about_mood_appears(notes, tmp_path):
    page = timeline(notes(WITHOUT_MOODS), tmp_path / "site")
    for word in ("mood", "radio", "unrated", "Colour the days by"):
        assert word not in page.lower(), word


def test_a_year_without_moods_beside_one_with_them_stays_plain(notes, tmp_path):
    page = timeline(notes({**WITH_MOODS, "2024-12-30.md": "- [x] wrapped presents\n"}), tmp_path / "site")
    plain = page.split('<section class="year" aria-labelledby="y2024">')[1]
    assert "mood" not in plain and "radio" not in plain
    assert page.count('type="radio"') == 2


def test_a_changed_mood_redraws_its_year_in_place(notes, tmp_path):
    folder = notes(WITH_MOODS)
    out = tmp_path / "site"
    timeline(folder, out)
    (folder / "2025-03-05.md").write_text("---\nmood: 5\n---\n- [x] watered the plants\n", "utf-8")
    page = timeline(folder, out)
    assert labels(page)["2025-03-05"].endswith("1 win, mood 5")
    assert "mood5" in page
    assert page == timeline(folder, tmp_path / "fresh", "--no-cache")


def test_each_win_card_carries_its_date_for_sharing_and_no_button_without_javascript(notes, tmp_path):
    out = tmp_path / "site"
    wins("build", notes(WITH_MOODS), "-o", out, "--today", "2025-03-05", "-q")
    index = (out / "index.html").read_text("utf-8")
    cards = re.findall(r'<li class="card" data-share-date="([^"]+)">', index)
    assert cards and set(cards) <= {"Monday 3 March 2025", "Tuesday 4 March 2025", "Wednesday 5 March 2025"}
    assert re.search(r'<blockquote id="remember-card" aria-live="polite" data-share-date="\w+day \d', index)
    assert 'class="share"' not in index  # the buttons are added by share.js
    assert '<script src="share.js"></script>' in index
    month = (out / "months" / "2025-03.html").read_text("utf-8")
    assert '<script src="../share.js"></script>' in month
    assert (out / "share.js").is_file()
