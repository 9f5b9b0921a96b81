"""A milestone reached in the last 7 days opens the wall on a 390×844 phone, in every theme: calm (no
motion), readable, no zero, axe-clean; opened a week later it steps aside."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_browser import THEMES, axe_violations, page_path
from test_phone import FIRST_SCREEN_TEXT, PHONE, ZERO, small_targets

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("theme", THEMES)
def test_a_recent_milestone_opens_the_wall_on_a_phone(browser, sites, context, theme):
    page = context(**PHONE, reduced_motion="reduce").new_page()
    page.clock.set_fixed_time("2026-11-25T12:00:00")  # the example's build day
    page.goto(page_path(sites(theme), "index.html").as_uri(), wait_until="load")
    card = page.locator("#milestone")
    assert card.is_visible()
    box = card.bounding_box()
    assert box["y"] + box["height"] <= 844 and box["x"] >= 0 and box["x"] + box["width"] <= 390
    text = card.inner_text()
    assert "Your 365th win, on Sunday 22 November 2026" in text and "repotted Nigel the fern" in text
    assert "You promised yourself: a day at the seaside with Jess." in text
    assert not [t for t in page.evaluate(FIRST_SCREEN_TEXT) if ZERO.search(t)]
    style = "el => [getComputedStyle(el).animationName, getComputedStyle(el).transitionDuration]"
    still = card.evaluate(style)
    assert still == ["none", "0s"]
    assert not small_targets(page)
    found = axe_violations(page)
    assert not found, f"{theme}:\n" + "\n".join(found)
    if os.environ.get("WINS_SCREENSHOTS"):  # the first screenful, for docs/
        keep = Path(os.environ["WINS_SCREENSHOTS"])
        keep.mkdir(parents=True, exist_ok=True)
        page.evaluate("document.fonts.ready")
        page.screenshot(path=str(keep / f"milestone-phone-{theme}.png"), animations="disabled")


@pytest.mark.parametrize(("opened", "shown"), [("2026-11-28", True), ("2026-11-29", False)])
def test_the_milestone_card_steps_aside_a_week_after_its_day(browser, sites, context, opened, shown):
    page = context(**PHONE).new_page()
    page.clock.set_fixed_time(f"{opened}T09:00:00")
    page.goto(page_path(sites("default"), "index.html").as_uri(), wait_until="load")
    assert page.locator("#milestone").is_visible() == shown
    assert page.locator("#milestones").get_by_text("a day at the seaside with Jess").count() == 1
