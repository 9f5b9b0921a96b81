"""The stories page on a 390×844 phone, in every theme, opened from disk as the wall's link leads there.

Without chromium or playwright every test here skips; with WINS_REQUIRE_BROWSER=1 (CI) they fail.
WINS_SCREENSHOTS=<folder> also keeps the phone screenshots there (`make screenshots` refreshes docs/).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from test_browser import THEMES, Watch, axe_violations, open_page
from test_phone import FIRST_SCREEN_TEXT, PHONE, ZERO, small_targets

from conftest import EXAMPLE_TODAY
from generator.stories import BUILTIN_STORIES

pytestmark = pytest.mark.browser

STORIES = len(BUILTIN_STORIES) + 1  # and the example's own "I never go outside"


@pytest.mark.parametrize("theme", THEMES)
def test_the_wall_leads_to_the_stories_each_answered_without_a_zero(browser, sites, context, theme):
    page, watch = open_page(context(**PHONE), sites(theme) / "index.html")
    link = page.locator('main a[href="stories.html"]')
    assert "I never do anything" in link.inner_text()
    box = link.bounding_box()
    screens = 2 if theme == "contrast" else 1.5  # the large-text theme is meant to take more room
    assert box["y"] + box["height"] < PHONE["viewport"]["height"] * screens, box  # near the top
    link.click()
    page.wait_for_url(re.compile(r"stories\.html$"))
    assert page.locator("h1").inner_text() == "Your stories, your evidence"
    stories = page.locator("article.story")
    assert stories.count() == STORIES
    for i in range(STORIES):
        story = stories.nth(i)
        assert re.fullmatch(r"When your mind says\n?“.+”", story.locator("h2").inner_text()), i
        assert re.match(r"You wrote down [1-9]\d* ", story.locator(".answer").inner_text())
        assert story.locator("li").count() == 3
    assert not ZERO.search(page.locator("main").inner_text())
    assert not [t for t in page.evaluate(FIRST_SCREEN_TEXT) if ZERO.search(t)]
    assert page.locator('nav a[aria-current="page"]').inner_text() == "Your stories"
    assert not small_targets(page), small_targets(page)
    assert not axe_violations(page), axe_violations(page)
    assert not watch.problems(), "\n".join(watch.problems())


def test_an_example_leads_to_its_day(browser, sites, context):
    page, watch = open_page(context(**PHONE), sites("default") / "stories.html")
    example = page.locator("article.story").nth(1).locator("a.when").first
    day = example.get_attribute("href").rsplit("#", 1)[1]
    example.click()
    page.wait_for_url(re.compile(re.escape(f"#{day}") + "$"))
    assert page.locator(f'article[id="{day}"]').count() == 1
    assert not watch.problems(), "\n".join(watch.problems())


@pytest.mark.parametrize("theme", THEMES)
def test_screenshot_of_the_stories_on_a_phone(browser, sites, context, tmp_path_factory, theme):
    ctx = context(**PHONE, device_scale_factor=2, color_scheme="light", reduced_motion="reduce")
    page = ctx.new_page()
    watch = Watch(page)
    page.clock.set_fixed_time(f"{EXAMPLE_TODAY}T12:00:00")
    page.goto((sites(theme) / "stories.html").as_uri(), wait_until="load")
    shot = tmp_path_factory.mktemp("stories-shots") / f"stories-{theme}.png"
    page.screenshot(path=str(shot), full_page=True, animations="disabled")
    assert shot.stat().st_size > 10_000, f"{shot}: {shot.stat().st_size} bytes"
    if os.environ.get("WINS_SCREENSHOTS"):  # the first screenful, for docs/
        keep = Path(os.environ["WINS_SCREENSHOTS"])
        keep.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(keep / f"stories-phone-{theme}.png"), animations="disabled")
    assert not watch.problems(), "\n".join(watch.problems())
