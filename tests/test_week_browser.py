"""The week page in a real browser: reached from the wall on a 390×844 phone in every theme, quiet,
accessible, with no zero on it; and on paper, with no nav or buttons, black on white.

WINS_SCREENSHOTS=<folder> also keeps its phone screenshots there (`make screenshots` refreshes docs/).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from test_browser import THEMES, Watch, axe_violations, page_path
from test_phone import FIRST_SCREEN_TEXT, PHONE

from conftest import EXAMPLE_TODAY

pytestmark = pytest.mark.browser

ZERO = re.compile(r"\b0\b")
MAIN_TEXT = "() => document.querySelector('main').innerText"


@pytest.mark.parametrize("theme", THEMES)
def test_the_wall_leads_to_the_week_on_a_phone_and_screenshots_it(browser, sites, context, theme,
                                                                   tmp_path_factory):
    ctx = context(color_scheme="light", reduced_motion="reduce", device_scale_factor=2, **PHONE)
    page = ctx.new_page()
    watch = Watch(page)
    page.clock.set_fixed_time(f"{EXAMPLE_TODAY}T12:00:00")
    page.goto(page_path(sites(theme), "index.html").as_uri(), wait_until="load")
    link = page.get_by_role("link", name="This week and last")
    box = link.bounding_box()
    screens = 1.5 if theme == "contrast" else 1  # the large-text theme is meant to take more room
    assert box["y"] + box["height"] <= 844 * screens, "the week's link is not near the wall's top"
    link.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/week.html")
    assert page.get_by_role("heading", level=1).inner_text() == "Your week"
    first = " ".join(page.evaluate(FIRST_SCREEN_TEXT))
    assert "13 wins" in first and "so far" in first, first
    text = page.evaluate(MAIN_TEXT)
    assert not ZERO.search(text), ZERO.search(text)
    found = axe_violations(page)
    assert not found, f"{theme} theme, week.html:\n" + "\n".join(found)
    shot = tmp_path_factory.mktemp("week-shots") / f"week-{theme}.png"
    page.screenshot(path=str(shot), animations="disabled")
    assert shot.stat().st_size > 10_000
    if os.environ.get("WINS_SCREENSHOTS"):  # `make screenshots`: the first screenful, for the README
        keep = Path(os.environ["WINS_SCREENSHOTS"])
        keep.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(keep / f"week-phone-{theme}.png"), animations="disabled")
    assert not watch.problems(), "\n".join(watch.problems())


# What paper gets: is each part shown, and in what colours.
PRINTED = """() => {
  const shown = el => el && el.getClientRects().length > 0 && getComputedStyle(el).display !== "none";
  const body = getComputedStyle(document.body);
  return {
    nav: shown(document.querySelector(".site-header nav")),
    footer: shown(document.querySelector(".site-footer")),
    skip: shown(document.querySelector(".skip")),
    background: body.backgroundColor,
    colours: Array.from(document.querySelectorAll("main *"))
      .filter(shown).map(el => getComputedStyle(el).color),
    weeks: Array.from(document.querySelectorAll(".week")).map(el => getComputedStyle(el).breakInside),
    days: Array.from(document.querySelectorAll(".week-day")).map(el => getComputedStyle(el).breakInside),
  };
}"""


@pytest.mark.parametrize("theme", THEMES)
def test_the_week_prints_black_on_white_without_nav(browser, sites, context, theme):
    page = context(color_scheme="dark").new_page()
    watch = Watch(page)
    page.goto(page_path(sites(theme), "week.html").as_uri(), wait_until="load")
    assert page.evaluate(PRINTED)["nav"], "the nav should show on screen"
    page.emulate_media(media="print")
    printed = page.evaluate(PRINTED)
    assert not printed["nav"] and not printed["footer"] and not printed["skip"]
    assert printed["background"] in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")
    grey = [c for c in set(printed["colours"]) if c not in ("rgb(0, 0, 0)", "rgb(51, 51, 51)")]
    assert not grey, f"{theme}: text printed in {grey}"
    assert printed["weeks"] == ["avoid", "avoid"] and set(printed["days"]) == {"avoid"}
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    assert not watch.problems(), "\n".join(watch.problems())
