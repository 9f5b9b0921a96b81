"""generator.frontmatter: keys in any case (PRODUCT.md §1: `Date:`, `Mood:`), as a table."""

from __future__ import annotations

from datetime import date

import pytest

from generator.frontmatter import Meta, key_lines, read_meta, split_front_matter


def meta(*lines: str) -> Meta:
    text = ["---", *lines, "---", "- walked"]
    raw, end, problems = split_front_matter(text, "notes.md")
    assert problems == []
    found, problems = read_meta(raw, "notes.md", "mdy", key_lines(text, end - 1))
    assert problems == []
    return found


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Date: 2025-05-02", "Mood: 2"], Meta(date=date(2025, 5, 2), mood=2)),
        (["DATE: 2025-05-02", "MOOD: 1", "Title: Bank holiday"],
         Meta(date=date(2025, 5, 2), mood=1, title="Bank holiday")),
        (["TAGS: work, anxiety", "Energy: 3"], Meta(energy=3, tags=("work", "anxiety"))),
        (["Private: true"], Meta(private=True)),
        (["Tags: [Health]"], Meta(tags=("health",))),  # a tag's case is dropped as always
        # The same key twice in two cases: the lower-case one is read, wherever it is.
        (["date: 2025-05-02", "Date: 2025-06-01"], Meta(date=date(2025, 5, 2))),
        (["Date: 2025-06-01", "date: 2025-05-02"], Meta(date=date(2025, 5, 2))),
    ],
)
def test_front_matter_keys_are_read_in_any_case(lines, expected):
    assert meta(*lines) == expected


def test_a_bad_value_under_a_capitalised_key_names_its_line():
    text = ["---", "Title: x", "Mood: lots", "---"]
    raw, end, _ = split_front_matter(text, "notes.md")
    _, problems = read_meta(raw, "notes.md", "mdy", key_lines(text, end - 1))
    assert [str(p) for p in problems] == [
        "notes.md:3: front matter `mood` 'lots' is not 1–5 or a face like 🙂; ignored"]
