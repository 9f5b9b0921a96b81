"""The built example wall in a real browser (Debian's chromium, driven by Playwright), opened from disk.

Checks what only a browser can: no console error and no request leaving `file://`, search, the
"remember this" button, dates written by the browser exactly as the server writes them, the heatmap
links, axe-core accessibility for every page type in every theme, screenshots, and that the wall
still reads with JavaScript off.

Without chromium or playwright every test here skips; with WINS_REQUIRE_BROWSER=1 (CI) they fail.
WINS_SCREENSHOTS=<folder> also copies the screenshots there (`make screenshots` refreshes docs/).
"""

from __future__ import annotations

import os
import re
import threading
from datetime import date, timedelta
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLE, EXAMPLE_TODAY
from generator.cli import main

pytestmark = pytest.mark.browser

THEMES = ["default", "dark", "contrast"]
# Page types; "category" and "tag" are found through the links in categories.html.
PAGES = [
    "index.html",
    "timeline.html",
    "hard-days.html",
    "stories.html",
    "months/2026-10.html",
    "category",
    "tag",
    "search.html",
    "print.html",
    "print/2026.html",
    "week.html",
]
# A win from example-notes/phone-log.txt; not #cw, so nothing could be hiding it.
SEARCH_WORD = "cactus"
DAY_HREF = re.compile(r"months/(\d{4}-\d{2})\.html#(\d{4}-\d{2})-\d{2}$")
LONG_DATE = re.compile(
    r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) ([1-9]|[12]\d|3[01]) (January|February|"
    r"March|April|May|June|July|August|September|October|November|December) \d{4}"
)
# Browsers whose own date format and time zone differ from the server's: the pages must not show it.
ELSEWHERE = {
    "en-US, Los Angeles": {"locale": "en-US", "timezone_id": "America/Los_Angeles"},
    "de-DE, Kiritimati": {"locale": "de-DE", "timezone_id": "Pacific/Kiritimati"},
}


def server_long_date(href: str) -> str:
    """The long_date the server writes for the day a link points to."""
    from generator.filters import long_date

    return long_date(date.fromisoformat(href.rsplit("#", 1)[1]))


# ----------------------------------------- helpers (the fixtures browser, sites, context are in conftest.py)


def page_path(site: Path, kind: str) -> Path:
    """The file for a page type; categories/tags are the first ones linked from categories.html."""
    if kind in ("category", "tag"):
        folder = "categories" if kind == "category" else "tags"
        index = site / "categories.html"
        assert index.is_file(), "the site has no categories.html"
        links = re.findall(rf'href="({folder}/[^"#?]+\.html)"', index.read_text("utf-8"))
        assert links, f"categories.html links to no page in {folder}/"
        kind = links[0]
    path = site / kind
    assert path.is_file(), f"the site has no {kind}"
    return path


class Watch:
    """Everything a page says or asks for that it should not."""

    def __init__(self, page):
        self.console: list[str] = []
        self.errors: list[str] = []
        self.offdisk: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.console.append(f"{m.text} @ {m.location}"))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.context.on("request", self._request)

    def _request(self, request):
        if not request.url.startswith(("file://", "data:")):
            self.offdisk.append(request.url)

    def problems(self) -> list[str]:
        return (
            [f"console error: {m}" for m in self.console]
            + [f"page error: {e}" for e in self.errors]
            + [f"request off disk: {u}" for u in self.offdisk]
        )


def open_page(ctx, path: Path):
    page = ctx.new_page()
    watch = Watch(page)
    page.goto(path.as_uri(), wait_until="load")
    return page, watch


# ----------------------------------------------------------------------------------------------- tests


@pytest.mark.parametrize("kind", PAGES)
def test_page_is_quiet_and_stays_on_disk(browser, sites, context, kind):
    page, watch = open_page(context(), page_path(sites("default"), kind))
    page.wait_for_timeout(150)  # let late scripts run
    assert not watch.problems(), "\n".join(watch.problems())


def test_search_finds_a_win_and_links_to_its_day(browser, sites, context):
    page, watch = open_page(context(), page_path(sites("default"), "search.html"))
    page.locator("#search-input").press_sequentially(SEARCH_WORD, delay=10)
    results = page.locator("#search-results")
    link = results.locator('a[href*="months/2026-"][href*="#2026-"]').first
    link.wait_for(timeout=5000)
    assert SEARCH_WORD in results.inner_text().lower()
    href = link.get_attribute("href")
    assert DAY_HREF.search(href), href
    assert link.inner_text().rsplit(" · ", 1)[0] == server_long_date(href), link.inner_text()
    day = href.rsplit("#", 1)[1]
    link.click()
    page.wait_for_url(re.compile(re.escape(f"#{day}") + "$"))
    assert page.locator(f'[id="{day}"]').count() == 1, f"{page.url} has no element with id {day}"
    assert not watch.problems(), "\n".join(watch.problems())


def test_search_keeps_its_words_in_the_address_and_finds_them_again_on_back(browser, sites, context):
    page, watch = open_page(context(), page_path(sites("default"), "search.html"))
    page.locator("#search-input").press_sequentially(SEARCH_WORD, delay=10)
    page.wait_for_url(re.compile(rf"\?q={SEARCH_WORD}$"))
    page.locator("#search-results a").first.click()
    page.wait_for_url(DAY_HREF)
    page.go_back()
    page.wait_for_url(re.compile(rf"search\.html\?q={SEARCH_WORD}$"))
    assert page.locator("#search-input").input_value() == SEARCH_WORD
    page.locator("#search-results a").first.wait_for(timeout=5000)
    assert not watch.problems(), "\n".join(watch.problems())


def test_remember_this_shows_another_win(browser, sites, context):
    page, watch = open_page(context(), page_path(sites("default"), "index.html"))
    text = page.locator("#remember-text")
    button = page.locator("#remember-again")
    assert button.is_visible(), "the script did not reveal #remember-again"
    first = text.inner_text()
    for _ in range(10):
        button.click()
        if text.inner_text() != first:
            break
    assert text.inner_text() != first, "ten clicks on 'Show me another' showed the same win"
    assert not watch.problems(), "\n".join(watch.problems())


def test_remember_this_picks_a_win_on_each_visit_and_announces_it(browser, sites, context):
    ctx = context()
    seen = set()
    for _ in range(6):
        page, watch = open_page(ctx, page_path(sites("default"), "index.html"))
        seen.add(page.locator("#remember-text").inner_text())
        assert page.locator("#remember-card").get_attribute("aria-live") == "polite"
        assert not watch.problems(), "\n".join(watch.problems())
        page.close()
    assert len(seen) > 1, "six visits showed the same win: the pick is not made in the browser"


@pytest.mark.parametrize("where", ELSEWHERE)
def test_show_me_another_writes_dates_as_the_server_does(browser, sites, context, where):
    page, watch = open_page(context(**ELSEWHERE[where]), page_path(sites("default"), "index.html"))
    link = page.locator("#remember-date")
    seen = {link.inner_text()}
    for _ in range(6):
        page.locator("#remember-again").click()
        text = link.inner_text()
        assert LONG_DATE.fullmatch(text), f"'Show me another' wrote {text!r}"
        assert text == server_long_date(link.get_attribute("href"))
        seen.add(text)
    assert len(seen) > 1, "six clicks on 'Show me another' kept the same date"
    days = [date(2024, 1, 1) + timedelta(days=n) for n in range(0, 3 * 366, 5)]
    days += [date(2024, 2, 29), date(2024, 3, 31), date(2024, 10, 27), date(2026, 11, 1), date(1999, 12, 31)]
    from generator.filters import long_date

    written = page.evaluate("days => days.map(window.longDate)", [d.isoformat() for d in days])
    assert written == [long_date(d) for d in days]
    assert not watch.problems(), "\n".join(watch.problems())


def test_heatmap_day_links_to_its_article(browser, sites, context):
    page, watch = open_page(context(), page_path(sites("default"), "timeline.html"))
    page.locator("svg a").first.click()
    page.wait_for_url(DAY_HREF)
    month, day_month = DAY_HREF.search(page.url).groups()
    assert month == day_month, page.url
    day = page.url.rsplit("#", 1)[1]
    assert page.locator(f'article[id="{day}"]').count() == 1, f"{page.url} has no <article id={day}>"
    assert not watch.problems(), "\n".join(watch.problems())


def axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    # preload off: axe would otherwise fetch the stylesheets itself, which file:// refuses.
    response = Axe().run(page, options={"resultTypes": ["violations"], "preload": False}).response
    found = []
    for v in response["violations"]:
        if v["impact"] in ("serious", "critical"):
            nodes = "; ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:3])
            found.append(f"{v['id']} ({v['impact']}, {len(v['nodes'])} nodes): {v['help']} -> {nodes}")
    return found


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("kind", PAGES)
def test_accessibility(browser, sites, context, theme, kind):
    page, _ = open_page(context(), page_path(sites(theme), kind))
    found = axe_violations(page)
    assert not found, f"{theme} theme, {kind}:\n" + "\n".join(found)


def test_accessibility_default_theme_in_dark_mode(browser, sites, context):
    page, _ = open_page(context(color_scheme="dark"), page_path(sites("default"), "index.html"))
    found = axe_violations(page)
    assert not found, "default theme, index.html, prefers-color-scheme: dark:\n" + "\n".join(found)


SCREENS = {
    "phone": {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True},
    "desktop": {"viewport": {"width": 1280, "height": 900}},
}


@pytest.mark.parametrize("name", SCREENS)
def test_screenshot(browser, sites, context, tmp_path_factory, name):
    ctx = context(color_scheme="light", reduced_motion="reduce", **SCREENS[name])
    page = ctx.new_page()
    watch = Watch(page)
    page.clock.set_fixed_time(f"{EXAMPLE_TODAY}T12:00:00")  # the recent counts as on the build day
    page.goto(page_path(sites("default"), "index.html").as_uri(), wait_until="load")
    page.evaluate("document.fonts.ready")
    shot = tmp_path_factory.mktemp("screenshots") / f"index-{name}.png"
    page.screenshot(path=str(shot), full_page=True, animations="disabled")
    assert shot.is_file() and shot.stat().st_size > 10_000, f"{shot}: {shot.stat().st_size} bytes"
    if os.environ.get("WINS_SCREENSHOTS"):  # `make screenshots`: the first screenful, for the README
        keep = Path(os.environ["WINS_SCREENSHOTS"])
        keep.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(keep / f"wall-{name}.png"), animations="disabled")
    assert not watch.problems(), "\n".join(watch.problems())


def test_wall_reads_without_javascript(browser, sites, context):
    page, _ = open_page(context(java_script_enabled=False), page_path(sites("default"), "index.html"))
    headline = page.locator("#headline")
    assert headline.is_visible()
    assert re.search(r"\d+ wins? across \d+ days?", headline.inner_text()), headline.inner_text()
    latest = page.locator("section:has(#latest) li")
    assert page.locator("#latest").is_visible(), "no 'Latest wins' heading"
    assert latest.count() >= 1 and latest.first.is_visible(), "no latest win shows"
    assert latest.first.inner_text().strip()
    assert page.locator("#remember-again").count() == 1
    assert page.locator("#remember-again").is_hidden(), "#remember-again shows, though it needs JS"


# ------------------------------------------------------------------------------------------ locked wall

PASSPHRASE = "tea in the garden at dawn"


@pytest.fixture(scope="session")
def locked_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("locked") / "site"
    result = CliRunner().invoke(
        main, ["build", str(EXAMPLE), "-o", str(out), "--encrypt", "--today", EXAMPLE_TODAY],
        env={"WINS_PASSPHRASE": PASSPHRASE},
    )
    assert result.exit_code == 0, result.output
    return out


def unlock(page, passphrase: str) -> None:
    page.locator("#passphrase").fill(passphrase)
    page.locator("#unlock-form button[type=submit]").click()


def test_locked_wall_refuses_a_wrong_passphrase_and_shows_nothing(browser, locked_site, context):
    page, watch = open_page(context(), locked_site / "index.html")
    unlock(page, "not my passphrase")
    page.locator("#unlock-status", has_text="did not open").wait_for(timeout=30_000)
    assert page.locator("#headline").count() == 0
    assert "wins across" not in page.content()
    assert not watch.problems(), "\n".join(watch.problems())


def test_locked_wall_opens_with_the_passphrase_and_stays_open(browser, locked_site, context):
    from generator.build import collect
    from generator.config import load_config

    latest = collect(EXAMPLE, load_config(None, EXAMPLE), date.fromisoformat(EXAMPLE_TODAY)).wall.latest[0]
    page, watch = open_page(context(), locked_site / "index.html")
    unlock(page, PASSPHRASE)
    page.locator("#headline").wait_for(timeout=30_000)
    assert re.search(r"\d+ wins across \d+ days", page.locator("#headline").inner_text())
    assert latest.text[:25] in page.locator("#main").inner_text()
    page.locator("nav a", has_text="Timeline").click()
    page.locator("svg a").first.wait_for(timeout=10_000)  # opened with the kept key: no question
    assert page.locator("#passphrase").count() == 0 or not page.locator("#passphrase").is_visible()
    assert not watch.problems(), "\n".join(watch.problems())


# ------------------------------------------------------------------------- the locked wall, taken along


class HostHandler(SimpleHTTPRequestHandler):
    """A plain static host, as quiet as the tests."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".webmanifest": "application/manifest+json"}

    def log_message(self, format: str, *args) -> None:  # the base class names it `format`
        pass


@pytest.fixture
def hosted(locked_site):
    """The locked wall on a static web server on 127.0.0.1 (a free port): its address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(HostHandler, directory=str(locked_site)))
    threading.Thread(target=server.serve_forever, args=(0.1,), daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def wait_for(page, expression: str, seconds: float) -> None:
    """Poll a JavaScript expression until it is true (wait_for_function would need 'unsafe-eval')."""
    for _ in range(int(seconds * 10)):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"still false after {seconds} s: {expression}")


def test_hosted_wall_installs_and_opens_every_page_offline(browser, locked_site, hosted, context):
    ctx = context(viewport={"width": 390, "height": 844})
    page = ctx.new_page()
    watch = Watch(page)
    page.goto(hosted, wait_until="load")
    wait_for(page, "navigator.serviceWorker.controller !== null", 30)  # installed, activated, in control
    page.reload(wait_until="load")
    assert page.evaluate("navigator.serviceWorker.controller !== null"), "the service worker does not control"
    manifest = ctx.new_cdp_session(page).send("Page.getAppManifest")
    assert manifest["url"].endswith("/manifest.webmanifest") and not manifest["errors"], manifest

    ctx.set_offline(True)
    page.reload(wait_until="load")
    unlock(page, PASSPHRASE)  # the key is derived once, then kept for the tab
    page.locator("#headline").wait_for(timeout=30_000)
    for path in sorted(locked_site.glob("*.html")):
        page.goto(hosted + path.name, wait_until="load")
        wait_for(page, "document.title !== 'Locked wall'", 10)
        assert page.locator("#main").inner_text().strip(), f"{path.name} opened empty"
        assert not page.locator("#passphrase").count(), f"{path.name} asked for the passphrase again"
    elsewhere = [url for url in watch.offdisk if not url.startswith(hosted)]
    assert not watch.console + watch.errors + elsewhere, watch.console + watch.errors + elsewhere
