"""Share one win, and the heatmap by mood, in a real browser (see tests/test_browser.py for how).

Sharing: the share sheet where the browser has one, called with the win's words and date only; the
clipboard where it has none ("the win — the date", and a polite "Copied"); Tab reaches the button and
Enter shares; no button without JavaScript; the buttons come back on an unlocked wall. The mood view:
chosen at 390×844 in every theme, its legend and each square's number shown, axe-core satisfied.

WINS_SCREENSHOTS=<folder> also keeps phone screenshots of both (`make screenshots` refreshes docs/).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_browser import THEMES, axe_violations, locked_site, open_page, page_path, unlock  # noqa: F401
from test_phone import PHONE

from conftest import EXAMPLE_TODAY

pytestmark = pytest.mark.browser

NO_SHARE = "delete Navigator.prototype.share; delete Navigator.prototype.canShare;"
STUB_SHARE = """
  window.shared = [];
  Navigator.prototype.share = function (data) { window.shared.push(data); return Promise.resolve(); };
"""
CLIPBOARD = ["clipboard-read", "clipboard-write"]


def shot(page, name: str) -> None:
    """Keep a phone screenshot in WINS_SCREENSHOTS, when set."""
    if os.environ.get("WINS_SCREENSHOTS"):
        keep = Path(os.environ["WINS_SCREENSHOTS"])
        keep.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(keep / f"{name}.png"), animations="disabled")


def expected(card) -> str:
    """What sharing a card must send: its win's words — the date written on it."""
    words = card.locator(".win-text").inner_text().strip()
    return f"{words} — {card.get_attribute('data-share-date')}"


def test_without_the_share_sheet_a_win_is_copied_with_its_date(browser, sites, context):
    ctx = context(**PHONE)
    ctx.grant_permissions(CLIPBOARD)
    ctx.add_init_script(NO_SHARE)
    page, watch = open_page(ctx, page_path(sites("default"), "index.html"))
    card = page.locator("#latest ~ .cards .card").nth(1)
    button = card.get_by_role("button", name="Share this win")
    assert button.is_visible()
    button.click()
    page.locator(".share-status", has_text="Copied").wait_for(timeout=5000)
    assert page.locator("[role=status][aria-live=polite].share-status").count() == 1
    assert page.evaluate("navigator.clipboard.readText()") == expected(card)
    assert expected(card).endswith(" — Wednesday 25 November 2026")
    assert not watch.problems(), "\n".join(watch.problems())


def test_the_share_sheet_gets_the_words_and_the_date_and_nothing_else(browser, sites, context):
    ctx = context(**PHONE)
    ctx.add_init_script(STUB_SHARE)
    page, watch = open_page(ctx, page_path(sites("default"), "index.html"))
    card = page.locator("#today ~ .cards .card").first
    card.get_by_role("button", name="Share this win").click()
    page.wait_for_function("window.shared.length === 1")
    assert page.evaluate("window.shared") == [{"text": expected(card)}]
    assert "http" not in expected(card) and "file:" not in expected(card)
    assert page.url.endswith("index.html"), "sharing must not follow the card's link"
    assert not watch.problems(), "\n".join(watch.problems())


def test_without_share_sheet_or_clipboard_the_words_are_selected(browser, sites, context):
    ctx = context()
    ctx.add_init_script(NO_SHARE + "delete Navigator.prototype.clipboard;")
    page, watch = open_page(ctx, page_path(sites("default"), "index.html"))
    card = page.locator("#latest ~ .cards .card").first
    card.get_by_role("button", name="Share this win").click()
    page.locator(".share-status", has_text="Selected").wait_for(timeout=5000)
    assert page.evaluate("String(getSelection())").strip() == card.locator(".win-text").inner_text().strip()
    assert not watch.problems(), "\n".join(watch.problems())


def test_remember_this_shares_the_win_it_shows(browser, sites, context):
    ctx = context()
    ctx.add_init_script(STUB_SHARE)
    page, watch = open_page(ctx, page_path(sites("default"), "index.html"))
    card = page.locator("#remember-card")
    card.get_by_role("button", name="Share this win").click()
    page.wait_for_function("window.shared.length === 1")
    words = page.locator("#remember-text").inner_text().strip()
    day = page.locator("#remember-date").inner_text()
    assert page.evaluate("window.shared") == [{"text": f"{words} — {day}"}]
    assert not watch.problems(), "\n".join(watch.problems())


def test_tab_reaches_share_and_enter_shares(browser, sites, context):
    ctx = context()
    ctx.add_init_script(STUB_SHARE)
    page, watch = open_page(ctx, page_path(sites("default"), "index.html"))
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.className") == "share":
            break
    focused = page.locator(":focus")
    assert focused.get_attribute("aria-label") == "Share this win", "Tab never reached a Share button"
    assert focused.evaluate("el => getComputedStyle(el).outlineStyle") == "solid", "no visible focus"
    card = page.locator(".card:has(.share:focus)")
    want = expected(card)
    page.keyboard.press("Enter")
    page.wait_for_function("window.shared.length === 1")
    assert page.evaluate("window.shared") == [{"text": want}]
    assert not watch.problems(), "\n".join(watch.problems())


def test_no_share_button_without_javascript(browser, sites, context):
    page, _ = open_page(context(java_script_enabled=False), page_path(sites("default"), "index.html"))
    assert page.locator(".card").count() > 0
    assert page.locator("button.share").count() == 0
    assert page.get_by_role("button", name="Share this win").count() == 0


def test_an_unlocked_wall_has_its_share_buttons(browser, locked_site, context):  # noqa: F811
    page, watch = open_page(context(), locked_site / "index.html")
    unlock(page, "tea in the garden at dawn")
    page.locator("#headline").wait_for(timeout=30_000)
    page.locator("button.share").first.wait_for(timeout=5000)
    assert page.locator("button.share").count() == page.locator("[data-share-date]").count() > 1
    assert not watch.problems(), "\n".join(watch.problems())


@pytest.mark.parametrize("theme", THEMES)
def test_share_buttons_on_a_phone_pass_axe(browser, sites, context, theme, tmp_path):
    ctx = context(**PHONE, reduced_motion="reduce")
    ctx.grant_permissions(CLIPBOARD)
    ctx.add_init_script(NO_SHARE)
    page, watch = open_page(ctx, page_path(sites(theme), "index.html"))
    page.clock.set_fixed_time(f"{EXAMPLE_TODAY}T12:00:00")
    button = page.locator("#today ~ .cards .share").first
    box = button.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44, box
    button.click()
    page.locator(".share-status", has_text="Copied").wait_for(timeout=5000)
    page.evaluate("document.getElementById('today').scrollIntoView()")
    shot(page, f"share-phone-{theme}")
    found = axe_violations(page)
    assert not found, f"{theme} theme, index.html with Share buttons:\n" + "\n".join(found)
    assert not watch.problems(), "\n".join(watch.problems())


@pytest.mark.parametrize("theme", THEMES)
def test_the_heatmap_by_mood_on_a_phone(browser, sites, context, theme):
    page, watch = open_page(context(**PHONE), page_path(sites(theme), "timeline.html"))
    heatmap = page.locator("figure.heatmap").first
    digits, moods = heatmap.locator(".mood-digit"), heatmap.locator(".mood-legend")
    assert not digits.first.is_visible() and not moods.is_visible(), "the wins view comes first"
    heatmap.get_by_text("mood", exact=True).click()
    assert heatmap.get_by_role("radio", name="mood").is_checked()
    assert moods.is_visible() and "1 very low" in moods.inner_text() and "5 very good" in moods.inner_text()
    assert not heatmap.locator(".legend:not(.mood-legend)").is_visible()
    assert digits.first.is_visible()
    latest = heatmap.locator("svg a").last
    box = latest.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["viewport"]["width"], box
    rated = heatmap.locator("svg a:has(rect[class*=' mood'])").first
    assert "mood " + rated.locator(".mood-digit").text_content() in rated.get_attribute("aria-label")
    heatmap.scroll_into_view_if_needed()
    shot(page, f"mood-phone-{theme}")
    found = axe_violations(page)
    assert not found, f"{theme} theme, timeline.html by mood:\n" + "\n".join(found)
    heatmap.get_by_text("wins", exact=True).click()
    assert not digits.first.is_visible()
    assert not watch.problems(), "\n".join(watch.problems())
