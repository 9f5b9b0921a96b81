"""Milestones and rewards: the card that opens the wall, `wins stats --json`, and the acknowledgment
`wins add` prints (its count, its place in the week, the milestone and its reward, never guilt)."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.filters import ordinal

TODAY = date(2025, 3, 10)
REWARDS = 'rewards:\n  10: "a new album"\n  12: "a day trip"\n'
GUILT = re.compile(r"\b(missed|should|failed?|behind|broke|streak|only \d|0 wins?)\b", re.I)


def wins(*args: str):
    return CliRunner().invoke(main, list(args))


def nine_wins(notes, extra: dict[str, str] | None = None):
    """Nine wins on the 1st–9th of March 2025 and rewards for the 10th and 12th win."""
    files = {f"2025-03-0{n}.md": f"- [x] win on the {n}th\n" for n in range(1, 10)}
    return notes({"wall.yaml": REWARDS, **files, **(extra or {})})


def built_wall(folder, today: date) -> str:
    result = wins("build", str(folder), "-o", str(folder.parent / "site"), "--today", today.isoformat(),
                  "--no-cache", "-q")
    assert result.exit_code == 0, result.output
    return (folder.parent / "site" / "index.html").read_text("utf-8")


def card(html: str) -> str | None:
    found = re.search(r'<section class="milestone".*?</section>', html, re.S)
    return found[0] if found else None


@pytest.mark.parametrize("days_after, shown", [(0, True), (6, True), (7, False), (40, False)])
def test_a_milestone_of_the_last_seven_days_opens_the_wall(notes, days_after, shown):
    folder = nine_wins(notes, {"2025-03-10.md": "- [x] repotted the fern\n"})
    html = built_wall(folder, TODAY + timedelta(days=days_after))
    found = card(html)
    assert bool(found) == shown
    if shown:
        assert html.index('class="milestone"') < html.index('id="headline"')  # first on the first screen
        text = re.sub(r"<[^>]+>", "", found)
        assert "Your 10th win, on Monday 10 March 2025" in text
        assert "repotted the fern" in text
        assert "You promised yourself: a new album." in text
        assert not re.search(r"\b0\b", text)


def test_without_a_reward_the_card_just_celebrates(notes):
    folder = notes({f"2025-03-0{n}.md": f"- [x] win {n}\n" for n in range(1, 10)}
                   | {"2025-03-10.md": "- [x] tenth\n"})
    found = re.sub(r"<[^>]+>", "", card(built_wall(folder, TODAY)))
    assert "Your 10th win" in found and "tenth" in found and "promised" not in found


def test_a_milestone_win_tagged_cw_is_counted_without_its_words(notes):
    folder = nine_wins(notes, {"2025-03-10.md": "- [x] told them about the thing #cw\n"})
    html = built_wall(folder, TODAY)
    found = re.sub(r"<[^>]+>", "", card(html))
    assert "Your 10th win, on Monday 10 March 2025" in found
    assert "You promised yourself: a new album." in found
    assert "told them" not in found
    panel = re.search(r'<div class="panel" id="milestones">.*?</div>', html, re.S)[0]
    assert "told them" not in panel and "10th win" in panel and "Your reward: a new album" in panel


def test_the_highlights_list_every_milestone_with_its_date_and_reward(notes):
    folder = nine_wins(notes, {"2025-03-10.md": "- [x] ten\n- [x] eleven\n- [x] twelve\n"})
    panel = re.search(r'<div class="panel" id="milestones">.*?</div>', built_wall(folder, TODAY), re.S)[0]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", panel))
    assert text.index("12th win") < text.index("10th win") < text.index("1st win")  # newest first
    assert "12th win Your reward: a day trip twelve 10 Mar 2025" in text
    assert "1st win: win on the 1th 1 Mar 2025" in text


def test_stats_json_lists_the_milestones_with_their_rewards(notes):
    folder = nine_wins(notes, {"2025-03-10.md": "- [x] ten\n- [x] eleven\n- [x] twelve\n"})
    result = wins("stats", str(folder), "--json", "--today", TODAY.isoformat())
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["milestones"] == [
        {"n": 1, "date": "2025-03-01", "text": "win on the 1th", "reward": None},
        {"n": 10, "date": "2025-03-10", "text": "ten", "reward": "a new album"},
        {"n": 12, "date": "2025-03-10", "text": "twelve", "reward": "a day trip"},
    ]
    assert "milestones" not in wins("stats", str(folder), "--today", TODAY.isoformat()).stdout


def add(folder, *args: str):
    result = wins("add", *args, "--notes", str(folder))
    assert result.exit_code == 0, result.output
    assert not GUILT.search(result.stdout), result.stdout
    return result.stdout.splitlines()[1:]  # after "Added to …"


def this_week(n: int) -> list[date]:
    """n days of this week before today (or as many as there are), oldest first."""
    today = date.today()
    monday = today - timedelta(days=today.weekday())
    return [monday + timedelta(days=i) for i in range(min(n, today.weekday()))]


def test_add_names_the_win_and_its_place_in_the_week(notes):
    old = {f"2024-01-0{n}.md": f"- [x] old {n}\n" for n in range(1, 6)}
    earlier = this_week(2)
    folder = notes({"wall.yaml": "title: Mine\n", **old,
                    **{f"{day}.md": "- [x] earlier this week\n" for day in earlier}})
    number = 5 + len(earlier) + 1
    place = f"the {ordinal(len(earlier) + 1)} this week" if earlier else "your first this week"
    assert add(folder, "walked to the shop") == [f"Noted: win {number}, {place}."]
    assert add(folder, "fed the cat", "--date", "2024-01-03") == ["Noted: win 4, the 4th that week."]


def test_add_says_the_milestone_and_the_promised_reward(notes, tmp_path):
    folder = notes({"wall.yaml": REWARDS, **{f"2024-01-0{n}.md": f"- [x] old {n}\n" for n in range(1, 10)}})
    said = add(folder, "tenth thing")
    assert said[1:] == ["That's your 10th win. You promised yourself: a new album."]
    said = add(folder, "eleventh thing")
    assert len(said) == 1
    first = tmp_path / "first"
    first.mkdir()
    assert add(first, "made tea", "--date", "2024-01-01") == ["Noted: win 1, your first that week.",
                                                            "That's your 1st win."]


def test_add_quiet_says_nothing_but_errors_still_show(notes):
    folder = notes({"wall.yaml": REWARDS})
    result = wins("add", "made tea", "--notes", str(folder), "-q")
    assert result.exit_code == 0 and result.output == ""
    (folder / "wall.yaml").write_text("rewards: {soon: cake}\n")
    result = wins("add", "made tea", "--notes", str(folder), "-q")
    assert result.exit_code == 1 and "'rewards' key 'soon'" in result.stderr


def test_add_hard_acknowledges_without_a_count(notes):
    folder = notes({"2024-01-01.md": "- [x] old\n"})
    assert add(folder, "rough morning", "--hard") == ["Noted. Writing it down counts."]


def test_add_says_truthfully_when_the_line_does_not_count(notes):
    folder = notes({"2024-01-01.md": "- [x] tea\n"})
    said = add(folder, "saw the nurse", "--tag", "private", "--date", "2024-01-01")
    assert said == ["Added to 2024-01-01.md, but that line does not count as a win there (a private line, "
                    "a private note or a file that wall.yaml's exclude leaves out never does)."]


def test_add_to_a_day_of_unmarked_lines_says_they_now_need_marking(notes):
    folder = notes({"2024-01-01.md": "- made tea\n- fed the cat\n"})
    said = add(folder, "called the dentist", "--date", "2024-01-01")
    assert said == ["Noted: win 1, your first that week.",
                    "That's your 1st win.",
                    "Now that 1 January has a marked win, only marked lines count that day: "
                    "mark the other 2 lines with [x] to keep them as wins."]


def test_add_finds_its_win_in_a_new_note_with_front_matter(notes):
    folder = notes({"daily/2024-01-01.md": "---\nmood: 3\n---\n- [x] tea\n"})
    assert add(folder, "swam", "--date", "2024-01-02") == ["Noted: win 2, the 2nd that week."]
    assert (folder / "daily" / "2024-01-02.md").read_text().startswith("---\ndate: 2024-01-02\n---\n")
