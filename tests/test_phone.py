"""The wall on a 390×844 phone, in every theme, as someone having a bad week would open it.

No zero on the first screen (even opened long after the last note), none on the hard-days page, help
one tap away, every tap target at least 44×44 CSS px, a heatmap that starts at the first note and
shows the latest weeks without scrolling, and an unlock page that can be read and used.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_browser import PAGES, THEMES, open_page, page_path

from conftest import EXAMPLE, EXAMPLE_TODAY, wins
from generator.cli import main

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
TARGET = 44  # CSS px, each way
LAST_NOTE = date(2026, 11, 25)  # the example's last note
LATER = (LAST_NOTE + timedelta(days=60)).isoformat()
ZERO = re.compile(r"\b0\b")
PASSPHRASE = "a quiet walk by the river"

# The text a person sees on the first screen: every visible text run whose top is above the fold.
FIRST_SCREEN_TEXT = """() => {
  const seen = [];
  const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim() || node.parentElement.closest("script, [hidden]")) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    const style = getComputedStyle(node.parentElement);
    const shown = box.height && box.top < innerHeight && style.visibility !== "hidden";
    if (shown) seen.push(node.textContent.trim());
  }
  return seen;
}"""

# Every tap target on the page, with the size a finger meets: a link whose ::after is stretched over its
# card (position: absolute) is as large as the card.
TARGETS = """() => Array.from(document.querySelectorAll("a, button, input, select, summary"))
  .filter(el => el.getClientRects().length && getComputedStyle(el).visibility !== "hidden")
  .map(el => {
    const stretched = getComputedStyle(el, "::after").position === "absolute";
    const owner = stretched ? el.closest(".card") || el : el;
    const box = owner.getBoundingClientRect();
    return {what: el.outerHTML.slice(0, 120), width: box.width, height: box.height};
  })"""


def build(*args: str, theme: str, out: Path) -> Path:
    wins("build", *args, "-o", out, "--theme", theme, "--no-cache", "-q")
    return out


@pytest.fixture(scope="module")
def later_sites(tmp_path_factory):
    """The example wall built 60 days after its last note, per theme."""
    root = tmp_path_factory.mktemp("later")
    return {t: build(str(EXAMPLE), "--today", LATER, theme=t, out=root / t) for t in THEMES}


@pytest.fixture(scope="module")
def hard_sites(tmp_path_factory):
    """A wall whose only hard day has no win, with support lines, per theme."""
    notes = tmp_path_factory.mktemp("hard-notes")
    (notes / "wall.yaml").write_text('support:\n  - "Call Jess: 07700 900123"\n  - "mail: jo@example.org"\n')
    (notes / "2026-11-02.md").write_text("- [x] made tea\n", encoding="utf-8")
    (notes / "2026-11-03.md").write_text("---\nmood: 1\n---\nstayed in bed #hard\n", encoding="utf-8")
    root = tmp_path_factory.mktemp("hard")
    return {t: build(str(notes), "--today", "2026-11-04", theme=t, out=root / t) for t in THEMES}


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("script", [True, False], ids=["js", "no-js"])
def test_a_wall_opened_after_a_gap_shows_no_zero_and_welcomes_back(browser, context, later_sites, theme,
                                                                   script):
    ctx = context(**PHONE, java_script_enabled=script)
    page = ctx.new_page()
    if script:  # opened on the build day (the build itself is 60 days after the last note)
        page.clock.set_fixed_time(f"{LATER}T12:00:00")
    page.goto((later_sites[theme] / "index.html").as_uri())
    text = page.evaluate(FIRST_SCREEN_TEXT)
    assert not [t for t in text if ZERO.search(t)], text
    assert page.locator("#welcome-back").is_visible()
    assert page.locator("#welcome-back").get_by_text("Wednesday 25 November 2026").is_visible()


@pytest.mark.parametrize(("opened", "welcome"), [(EXAMPLE_TODAY, False), ("2026-12-20", True)])
def test_the_recent_counts_follow_the_day_the_page_is_opened(browser, sites, context, opened, welcome):
    page = context(**PHONE).new_page()
    page.clock.set_fixed_time(f"{opened}T08:00:00")
    page.goto(page_path(sites("default"), "index.html").as_uri())
    assert page.locator("#welcome-back").is_visible() == welcome
    assert page.locator("#last-7").is_visible() == (not welcome)
    if not welcome:
        assert page.locator("#last-7 strong").inner_text() == "7"  # 19–25 Nov all had wins


@pytest.mark.parametrize("theme", THEMES)
def test_a_hard_day_without_a_win_shows_no_zero_and_help_comes_first(browser, context, hard_sites, theme):
    page = context(**PHONE).new_page()
    page.goto((hard_sites[theme] / "hard-days.html").as_uri())
    main = page.locator("main").inner_text()
    assert not ZERO.search(main), main
    assert "You got through 1 hard day" in main and "Writing it down counted" in main
    tel = page.locator('a[href="tel:07700900123"]')
    assert tel.bounding_box()["y"] + tel.bounding_box()["height"] < PHONE["viewport"]["height"]
    assert page.locator('a[href="mailto:jo@example.org"]').is_visible()
    index = context(**PHONE).new_page()
    index.goto((hard_sites[theme] / "index.html").as_uri())
    assert not [t for t in index.evaluate(FIRST_SCREEN_TEXT) if ZERO.search(t)]


@pytest.mark.parametrize("theme", THEMES)
def test_the_support_line_is_on_the_first_screen_of_the_hard_days_page(browser, sites, context, theme):
    page = context(**PHONE).new_page()
    page.goto(page_path(sites(theme), "hard-days.html").as_uri())
    box = page.locator('a[href^="tel:"]').first.bounding_box()
    assert box["y"] + box["height"] < PHONE["viewport"]["height"], box


@pytest.fixture(scope="module")
def locked_sites(tmp_path_factory):
    root = tmp_path_factory.mktemp("locked-phone")
    made = {}
    for theme in THEMES:
        made[theme] = out = root / theme
        args = ["build", EXAMPLE, "-o", out, "--encrypt", "--theme", theme, "--today", EXAMPLE_TODAY]
        result = CliRunner().invoke(main, [*map(str, args), "-q"], env={"WINS_PASSPHRASE": PASSPHRASE})
        assert result.exit_code == 0, result.output
    return made


def small_targets(page) -> list[str]:
    return [f"{t['width']:.0f}×{t['height']:.0f} {t['what']}" for t in page.evaluate(TARGETS)
            if t["width"] < TARGET or t["height"] < TARGET]


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("kind", PAGES)
def test_every_tap_target_is_44_px_each_way(browser, sites, context, theme, kind):
    page, _ = open_page(context(**PHONE), page_path(sites(theme), kind))
    small = small_targets(page)
    assert not small, f"{theme}, {kind}: {len(small)} small targets\n" + "\n".join(small[:10])


@pytest.mark.parametrize("theme", THEMES)
def test_the_unlock_page_is_styled_and_shows_the_passphrase_on_request(browser, context, locked_sites, theme):
    page, watch = open_page(context(**PHONE), locked_sites[theme] / "index.html")
    assert "private" in page.locator("h1").inner_text() and "locked" not in page.locator("main").inner_text()
    field = page.locator("#passphrase")
    assert float(field.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")) >= 16
    assert not small_targets(page), small_targets(page)
    field.fill("secret words")
    page.locator("#show-passphrase").click()
    assert field.get_attribute("type") == "text"
    page.locator("#show-passphrase").click()
    assert field.get_attribute("type") == "password"
    assert not watch.problems(), "\n".join(watch.problems())


@pytest.mark.parametrize("theme", THEMES)
def test_the_heatmap_starts_at_the_first_note_and_shows_the_latest_weeks(browser, sites, context, theme):
    page, _ = open_page(context(**PHONE), page_path(sites(theme), "timeline.html"))
    first_note = date(2026, 8, 1)  # the example's first note: a Saturday
    oldest = page.locator("figure.heatmap svg").last
    first_link = oldest.locator("a").first
    assert first_link.get_attribute("href").endswith(first_note.isoformat())
    days = first_link.evaluate("a => a.querySelector('rect').x.baseVal.value")
    assert days == 0, "the heatmap's first column is the week of the first note"
    latest = page.locator("figure.heatmap svg").first.locator("a").last
    box = latest.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["viewport"]["width"], box
    assert page.locator(".legend li").count() >= 5


@pytest.fixture(scope="module")
def years_sites(tmp_path_factory):
    """tests/test_group_years.py's wall of three years, per theme: its category pages have a row of years."""
    from test_group_years import NOTES, TODAY

    notes = tmp_path_factory.mktemp("years-notes")
    for name, text in NOTES.items():
        (notes / name).write_text(text, encoding="utf-8")
    root = tmp_path_factory.mktemp("years")
    return {t: build(str(notes), "--today", TODAY, theme=t, out=root / t) for t in THEMES}


FOCUS_IN_YEARS = "() => document.activeElement.closest('.years') !== null"


@pytest.mark.parametrize(("theme", "scheme"), [("default", "light"), ("default", "dark"), ("dark", "dark"),
                                                ("contrast", "light"), ("contrast", "dark")])
def test_the_row_of_years_is_on_the_first_screen_tappable_and_shows_focus(browser, context, years_sites,
                                                                        theme, scheme, tmp_path_factory):
    from test_browser import axe_violations

    page, watch = open_page(context(**PHONE, color_scheme=scheme),
                            years_sites[theme] / "categories" / "movement" / "2025.html")
    current = page.locator('.years a[aria-current="page"]')
    assert current.inner_text() == "2025"
    assert page.locator(".years a").all_inner_texts() == ["2026", "2025", "2024"]
    box = current.bounding_box()
    assert box["y"] + box["height"] < PHONE["viewport"]["height"], box
    assert not [t for t in page.evaluate(FIRST_SCREEN_TEXT) if ZERO.search(t)]
    assert not small_targets(page), small_targets(page)
    assert not axe_violations(page), axe_violations(page)
    for _ in range(12):  # by keyboard, from the top of the page to the row
        page.keyboard.press("Tab")
        if page.evaluate(FOCUS_IN_YEARS):
            break
    assert page.evaluate(FOCUS_IN_YEARS), "the row of years cannot be reached with Tab"
    style = page.evaluate("() => { const s = getComputedStyle(document.activeElement);"
                          " return [s.outlineStyle, parseFloat(s.outlineWidth)]; }")
    assert style[0] != "none" and style[1] >= 2, style
    shot = tmp_path_factory.mktemp("years-shots") / f"years-{theme}-{scheme}.png"
    page.screenshot(path=str(shot), animations="disabled")
    assert not watch.problems(), "\n".join(watch.problems())
