"""wall.yaml: every key optional, every bad key an error naming key and file."""

from __future__ import annotations

from datetime import date

import pytest

from generator.categories import BUILTIN_CATEGORIES
from generator.config import Config, load_config, parse_config
from generator.errors import GeneratorError


def test_missing_file_gives_defaults(tmp_path):
    assert load_config(None, tmp_path) == Config()


def test_every_key_read(tmp_path):
    (tmp_path / "wall.yaml").write_text(
        "title: Ana's wall\ndate_order: dmy\ntheme: default\noutput: ../out\n"
        "support: [Call Bo 555-0100]\nquiet_dates: [2025-05-01]\n"
        "categories: {garden: [weeded, seeds]}\nexclude: ['drafts/*']\n",
        encoding="utf-8",
    )
    config = load_config(None, tmp_path)
    assert config.title == "Ana's wall"
    assert config.date_order == "dmy"
    assert config.support == ("Call Bo 555-0100",)
    assert config.quiet_dates == (date(2025, 5, 1),)
    assert config.categories == (("garden", ("weeded", "seeds")),)
    assert config.exclude == ("drafts/*",)


@pytest.mark.parametrize("raw, key", [
    ({"colour": "blue"}, "colour"),
    ({"date_order": "ymd"}, "date_order"),
    ({"title": 5}, "title"),
    ({"support": {"a": 1}}, "support"),
    ({"quiet_dates": ["soon"]}, "quiet_dates"),
    ({"categories": ["x"]}, "categories"),
    ({"rewards": ["a new album"]}, "rewards"),
    ({"rewards": {0: "a nap"}}, "0"),
    ({"rewards": {"lots": "a nap"}}, "lots"),
    ({"rewards": {-5: "a nap"}}, "-5"),
    ({"rewards": {True: "a nap"}}, "True"),
    ({"rewards": {100: "  "}}, "100"),
    ({"rewards": {250: None}}, "250"),
])
def test_bad_key_names_key_and_file(raw, key):
    with pytest.raises(GeneratorError) as error:
        parse_config(raw, "wall.yaml")
    assert key in str(error.value) and "wall.yaml" in str(error.value)


def test_all_problems_reported_at_once():
    with pytest.raises(GeneratorError) as error:
        parse_config({"colour": 1, "date_order": "x"}, "wall.yaml")
    assert "colour" in str(error.value) and "date_order" in str(error.value)


def test_user_categories_come_first_and_replace_builtins():
    config = parse_config({"categories": {"home": ["kettle"], "garden": ["weeds"]}}, "wall.yaml")
    table = config.category_table()
    assert [name for name, _ in table[:2]] == ["home", "garden"]
    assert dict(table)["home"] == ("kettle",)
    assert len(table) == len(BUILTIN_CATEGORIES) + 1


def test_rewards_read_counts_written_as_numbers_or_text(tmp_path):
    (tmp_path / "wall.yaml").write_text(
        'rewards:\n  250: "a day trip"\n  "100": " a new album "\n  "412": cake\n', encoding="utf-8")
    assert load_config(None, tmp_path).rewards == ((100, "a new album"), (250, "a day trip"), (412, "cake"))


def test_a_bad_reward_names_its_key_and_the_file():
    with pytest.raises(GeneratorError) as error:
        parse_config({"rewards": {100: "a new album", "soon": "cake"}}, "wall.yaml")
    assert str(error.value).startswith("wall.yaml: setting 'rewards' key 'soon'")
