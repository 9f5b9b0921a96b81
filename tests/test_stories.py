"""Your stories, your evidence: which stories are told, what answers them, and the page that shows them."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest

from conftest import EXAMPLE, EXAMPLE_TODAY, wins
from generator.config import Config, parse_config
from generator.errors import GeneratorError
from generator.model import Win
from generator.stories import BUILTIN_STORIES, EXAMPLES, pick_examples, tell_stories

D = date(2026, 3, 1)
BUILTIN = list(BUILTIN_STORIES)


def win(offset: int, text: str = "", category: str = "connection", tags=()) -> Win:
    day = D + timedelta(days=offset)
    return Win(day, text or f"{category} on day {offset}", category, tuple(tags), f"{day}.md", 1)


def told(wins_: list[Win], **settings) -> dict[str, object]:
    """Story words → story, for wins in date order and the settings as wall.yaml would give them."""
    return {s.words: s for s in tell_stories(tuple(wins_), parse_config(settings or None, "wall.yaml"))}


# ------------------------------------------------------------------------------------ which stories


def test_the_built_in_stories_answer_from_their_categories_in_order():
    found = told([win(0, category="home"), win(1, category="rest"), win(2, category="connection"),
                  win(3, category="creativity"), win(4, category="other")])
    assert list(found) == ["I never do anything", "I never see anyone", "I can't look after myself",
                           "Nothing gets done at home", "I'm not getting anywhere"]
    assert found["I never do anything"].count == 5  # every win, "other" too
    assert [found[s].count for s in BUILTIN[1:4]] == [1, 1, 1]


def test_a_story_with_no_evidence_is_left_out_and_no_wins_tell_none():
    found = told([win(0, category="home")])
    assert "I can't say no" not in found and "I never see anyone" not in found
    assert all(story.count for story in found.values())
    assert told([]) == {}


def test_a_story_of_yours_is_added_after_the_built_in_ones():
    found = told([win(0, category="outdoors"), win(1, category="movement"), win(2, category="home")],
                 stories={"I never go outside": ["outdoors", "Movement"]})
    assert list(found)[-1] == "I never go outside"
    story = found["I never go outside"]
    assert (story.count, story.categories) == (2, ("outdoors", "movement"))
    assert story.one == "outdoors or movement win"


def test_the_same_words_replace_a_built_in_story_in_its_place():
    # Any case, a curly apostrophe and a closing stop are still the same words.
    found = told([win(0, category="boundaries"), win(1, category="rest"), win(2, category="connection")],
                 stories={"I can’t look after myself.": ["rest"], "i never see anyone": "connection"})
    assert list(found) == ["I never do anything", "i never see anyone", "I can’t look after myself.",
                           "I can't say no"]
    assert found["I can’t look after myself."].count == 1
    assert found["I can’t look after myself."].one == "rest win"


@pytest.mark.parametrize("removal", [[], None])
def test_an_empty_list_removes_a_built_in_story(removal):
    found = told([win(0, category="connection")], stories={"I never see anyone": removal})
    assert list(found) == ["I never do anything"]


def test_all_answers_a_story_of_yours_from_every_win():
    found = told([win(0, category="home"), win(1, category="other")],
                 stories={"I never do anything": [], "I'm useless": "all"})
    assert list(found) == ["Nothing gets done at home", "I'm useless"]
    assert (found["I'm useless"].count, found["I'm useless"].one) == (2, "win")


def test_a_category_of_yours_can_answer_a_story():
    found = told([win(0, category="pets")], categories={"pets": ["dog"]},
                 stories={"I let everyone down": ["pets"]})
    assert found["I let everyone down"].count == 1


# ------------------------------------------------------------------------------------ what answers


def test_the_count_days_and_latest_day():
    story = told([win(0), win(0, "again"), win(3), win(9)])["I never see anyone"]
    assert (story.count, story.days, story.latest) == (4, 3, D + timedelta(days=9))


def test_examples_are_the_latest_one_from_the_middle_and_the_first_newest_first():
    many = [win(n, f"saw friend {n}") for n in range(11)]
    assert [w.text for w in pick_examples(many, set())] == ["saw friend 10", "saw friend 5", "saw friend 0"]
    assert [w.text for w in pick_examples(many[:2], set())] == ["saw friend 1", "saw friend 0"]
    assert pick_examples([], set()) == ()


def test_examples_prefer_words_not_shown_yet_but_repeat_rather_than_show_fewer():
    same = [win(n, "Texted Mum.") for n in range(5)] + [win(5, "texted mum"), win(6, "called Dad")]
    picked = pick_examples(same, set())
    assert [w.text for w in picked] == ["called Dad", "Texted Mum.", "Texted Mum."]
    assert len({w.date for w in picked}) == EXAMPLES
    assert [w.text for w in pick_examples(same, {"called dad"})][0] == "texted mum"


def test_an_example_already_told_by_an_earlier_story_is_not_told_again():
    found = told([win(0, "rested", "rest"), win(1, "napped", "rest"), win(2, "slept in", "rest")])
    assert {w.text for w in found["I never do anything"].examples} == {"rested", "napped", "slept in"}
    assert found["I can't look after myself"].examples  # it still has its three, repeated when need be


def test_cw_and_quiet_dates_count_but_are_never_examples_nor_the_latest_day():
    quiet = D + timedelta(days=2)
    wins_ = [win(0, "saw Jo"), win(1, "funeral #cw", tags=["cw"]), win(2, "visited Gran")]
    story = told(wins_, quiet_dates=[quiet.isoformat()])["I never see anyone"]
    assert (story.count, story.days) == (3, 3)
    assert [w.text for w in story.examples] == ["saw Jo"]
    assert story.latest is None  # naming it would show the quiet day back
    story = told(wins_ + [win(3, "lunch with Al")], quiet_dates=[quiet.isoformat()])["I never see anyone"]
    assert story.latest == D + timedelta(days=3)


def test_a_story_whose_every_win_is_kept_quiet_keeps_its_count_and_shows_no_example():
    story = told([win(0, "hard visit", tags=["cw"])])["I never see anyone"]
    assert (story.count, story.examples, story.latest) == (1, (), None)


def test_the_counts_are_those_of_wins_list(example_site):
    listed = json.loads(wins("list", EXAMPLE, "--json", "--today", EXAMPLE_TODAY).output)
    from generator.build import collect
    from generator.config import load_config

    wall = collect(EXAMPLE, load_config(None, EXAMPLE), date.fromisoformat(EXAMPLE_TODAY)).wall
    assert len(wall.stories) == len(BUILTIN_STORIES) + 1  # the example's own "I never go outside"
    for story in wall.stories:
        rows = [r for r in listed if "all" in story.categories or r["category"] in story.categories]
        assert story.count == len(rows), story.words
        assert story.days == len({r["date"] for r in rows}), story.words


# ------------------------------------------------------------------------------------ settings


@pytest.mark.parametrize("stories, words", [
    ({"I never go outside": ["outdoor"]}, ['"I never go outside"', "'outdoor'"]),
    ({"I'm a mess": ["home", "garden", "pets"]}, ['"I\'m a mess"', "'garden', 'pets'"]),
    (["I never go outside"], ["map each story"]),
    ({"I never go outside": {"a": 1}}, ['"I never go outside"', "list of categories"]),
    ({"  ": ["home"]}, ["not a story"]),
])
def test_a_story_that_cannot_be_told_is_an_error_naming_key_story_and_file(stories, words):
    with pytest.raises(GeneratorError) as error:
        parse_config({"stories": stories}, "wall.yaml")
    message = str(error.value)
    assert message.startswith("wall.yaml: setting 'stories'"), message
    assert all(w in message for w in words), message


def test_the_settings_check_knows_stories_and_your_categories():
    stories = {"I never go outside": "outdoors", "I let them down": ["pets", "other"]}
    config = parse_config({"categories": {"Pets": ["dog"]}, "stories": stories}, "wall.yaml")
    assert config.stories == (("I never go outside", ("outdoors",)), ("I let them down", ("pets", "other")))
    assert Config().stories == ()


def test_wins_check_stops_at_a_story_with_an_unknown_category(tmp_path):
    from click.testing import CliRunner

    from generator.cli import main

    (tmp_path / "wall.yaml").write_text('stories:\n  "I never go outside": [outdors]\n', encoding="utf-8")
    (tmp_path / "2026-03-01.md").write_text("- [x] went for a walk\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 1
    assert "wall.yaml" in result.output and "stories" in result.output and "outdors" in result.output


# ------------------------------------------------------------------------------------ the page


def test_the_example_stories_page_answers_each_story_without_a_zero(example_site):
    html = (example_site / "stories.html").read_text("utf-8")
    main = html.split('<main id="main">')[1].split("</main>")[0]
    assert not re.search(r"\b0\b", re.sub(r"<[^>]+>", " ", main)), "a zero on the stories page"
    assert main.count('<article class="story') == len(BUILTIN_STORIES) + 1
    assert "When your mind says</span> “I never go outside”" in main
    assert re.search(r"You wrote down <strong>\d+ times you reached someone</strong>, on \d+ days, most "
                     r"recently on \w+day \d+ \w+ 2026\.", main)
    days = re.findall(r'<a class="when" href="months/(\d{4}-\d{2})\.html#(\d{4}-\d{2})-(\d{2})"', main)
    assert len(days) == EXAMPLES * (len(BUILTIN_STORIES) + 1)
    assert all(month == day_month for month, day_month, _ in days)
    assert "2026-09-23" not in main  # the example's quiet date, and its #cw win
    assert "cemetery" not in main and "sunflowers" not in main


def test_the_wall_and_every_page_link_to_the_stories(example_site):
    index = (example_site / "index.html").read_text("utf-8")
    link = '<a href="stories.html">When your mind says “I never do anything”: see your evidence →</a>'
    assert link in index
    for page in ("index.html", "hard-days.html", "months/2026-10.html", "categories/home.html"):
        assert re.search(r'<li><a href="(\.\./)?stories\.html"( aria-current="page")?>Your stories</a>',
                         (example_site / page).read_text("utf-8")), page
    assert 'href="stories.html" aria-current="page"' in (example_site / "stories.html").read_text("utf-8")


def test_a_wall_with_no_story_to_answer_says_so_gently(notes, tmp_path):
    folder = notes({"wall.yaml": 'stories:\n  "I never do anything": []\n',
                    "2026-03-01.md": "- [ ] a plan\n"})
    wins("build", folder, "-o", tmp_path / "site", "--today", "2026-03-02", "-q")
    page = (tmp_path / "site" / "stories.html").read_text("utf-8")
    assert "One small thing in a note is enough to start." in page and "<article" not in page
    assert 'href="stories.html">When your mind' not in (tmp_path / "site" / "index.html").read_text("utf-8")


def test_the_starter_settings_show_stories_as_the_check_takes_them():
    import yaml

    from conftest import REPO

    text = (REPO / "templates" / "starter" / "wall.yaml").read_text("utf-8")
    block = re.search(r"^# stories:\n(?:#   .*\n)+", text, re.M)[0]
    config = parse_config(yaml.safe_load(re.sub(r"^# ?", "", block, flags=re.M)), "wall.yaml")
    assert [names for _, names in config.stories] == [("outdoors", "movement"), ()]
