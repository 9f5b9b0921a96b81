"""Category and tag pages split by year: the group's own page holds its latest year, each earlier year
has a page of its own in the group's folder, and an edit reaches only the pages of its year."""

from __future__ import annotations

import posixpath
import re
from datetime import date
from pathlib import Path

import pytest

from conftest import broken_links, wins
from generator.build import collect
from generator.cache import SiteOnDisk
from generator.config import load_config
from generator.render import list_pages

TODAY = "2026-03-01"
# Three years: movement and #swim in each of them, connection in 2024 and 2026 only, home in 2025 only,
# and a nested tag whose slug (swim-2024) reads like a year of #swim.
NOTES = {
    "2024-05-02.md": "- [x] swam 10 lengths #swim\n- [x] called Mum\n",
    "2024-11-20.md": "- [x] swam 12 lengths #swim/2024\n",
    "2025-03-04.md": "- [x] swam 20 lengths #swim\n- [x] did the dishes\n",
    "2026-01-10.md": "- [x] swam 15 lengths #swim\n- [x] texted Jo back\n",
}
GROUP = re.compile(r"(?:categories|tags)/.+\.html")


def build(folder: Path, out: Path, *extra: str) -> Path:
    wins("build", folder, "-o", out, "--today", TODAY, "-q", *extra)
    return out


def group_pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")
            if GROUP.fullmatch(p.relative_to(site).as_posix())}


def year_row(html: str) -> list[tuple[str, str, bool]]:
    """The row of years a page shows: (href, year, is it this page) for each."""
    row = re.search(r'<nav class="years"[^>]*>(.*?)</nav>', html, re.S)
    return [(href, year, bool(current)) for href, current, year in
            re.findall(r'<a href="([^"]+)"( aria-current="page")?>(\d{4})</a>', row[1])] if row else []


@pytest.fixture
def three_years(notes, tmp_path):
    folder = notes(NOTES)
    return folder, build(folder, tmp_path / "site")


def test_the_latest_year_is_the_group_page_and_each_earlier_year_has_its_own(three_years):
    _, site = three_years
    assert group_pages(site) == {
        "categories/movement.html", "categories/movement/2025.html", "categories/movement/2024.html",
        "categories/connection.html", "categories/connection/2024.html",
        "categories/home.html",
        "tags/swim.html", "tags/swim/2025.html", "tags/swim/2024.html",
        "tags/swim-2024.html",
    }
    movement = (site / "categories/movement.html").read_text("utf-8")
    assert "swam 15 lengths" in movement and "swam 20 lengths" not in movement
    assert "<title>movement, 2026 · " in movement
    assert '<span class="sub">1 win in 2026</span>' in movement
    old = (site / "categories/movement/2024.html").read_text("utf-8")
    assert "swam 10 lengths" in old and "swam 12 lengths" in old and "swam 15" not in old
    assert '<span class="sub">2 wins in 2024</span>' in old


def test_every_year_page_links_to_the_others_and_marks_itself(three_years):
    _, site = three_years
    pages = {"categories/movement.html": "2026", "categories/movement/2025.html": "2025",
             "categories/movement/2024.html": "2024"}
    for page, year in pages.items():
        row = year_row((site / page).read_text("utf-8"))
        assert [y for _, y, _ in row] == ["2026", "2025", "2024"], page  # newest first
        assert [y for _, y, current in row if current] == [year], page
        targets = {y: posixpath.normpath(posixpath.join(posixpath.dirname(page), href)) for href, y, _ in row}
        assert targets == {y: p for p, y in pages.items()}, page
    assert not broken_links(site)


def test_a_year_without_a_win_in_a_group_has_no_page_and_no_link(three_years):
    _, site = three_years
    assert not (site / "categories/connection/2025.html").exists()
    for page in ("categories/connection.html", "categories/connection/2024.html"):
        html = (site / page).read_text("utf-8")
        assert [y for _, y, _ in year_row(html)] == ["2026", "2024"]
        assert "2025" not in html
    # home has wins in 2025 alone: its own page shows 2025, with no row and no folder of years
    home = (site / "categories/home.html").read_text("utf-8")
    assert "did the dishes" in home and not year_row(home) and not (site / "categories/home").exists()
    assert '<span class="sub">1 win</span>' in home
    for page in group_pages(site):  # (a month without a win is a sliver in the chart, not a year)
        words = re.sub(r"<svg.*?</svg>", "", (site / page).read_text("utf-8"), flags=re.S)
        assert not re.search(r"\b0 wins?\b", words), page


def test_the_pages_that_list_groups_link_to_their_own_page(three_years):
    _, site = three_years
    kinds = (site / "categories.html").read_text("utf-8")
    listed = set(re.findall(r'href="((?:categories|tags)/[^"]+)"', kinds))
    assert listed == {p for p in group_pages(site) if p.count("/") == 1}
    wall = (site / "index.html").read_text("utf-8")
    assert 'href="categories/movement.html"' in wall


def page_digests(folder: Path) -> dict[str, str]:
    """Each page → the digest of what it shows, as the build compares it with the last build's."""
    run = collect(folder, load_config(None, folder), date.fromisoformat(TODAY))
    site = SiteOnDisk(False, {}, "", run.versions)
    site.changed(list_pages(run.wall))
    return site.digests


def test_an_edit_in_an_old_year_redoes_only_that_years_group_pages(notes):
    folder = notes(NOTES)
    before = page_digests(folder)
    notes({"2024-05-02.md": "- [x] swam 11 lengths #swim\n- [x] called Mum\n"})
    after = page_digests(folder)
    redone = {page for page in after if after[page] != before[page] and GROUP.fullmatch(page)}
    assert redone == {"categories/movement/2024.html", "categories/connection/2024.html",
                      "tags/swim/2024.html"}
    pages = list(after)
    assert len(pages) == len(set(pages))


def test_an_edit_in_an_old_year_rewrites_only_that_years_files(three_years, tmp_path):
    folder, site = three_years
    before = {p: (site / p).stat().st_mtime_ns for p in group_pages(site)}
    (folder / "2024-05-02.md").write_text("- [x] swam 11 lengths #swim\n- [x] called Mum\n")
    build(folder, site)
    written = {p for p in group_pages(site) if (site / p).stat().st_mtime_ns != before.get(p)}
    assert written == {"categories/movement/2024.html", "tags/swim/2024.html"}
    assert "swam 11 lengths" in (site / "tags/swim/2024.html").read_text("utf-8")
    assert (site / "categories/movement/2024.html").read_bytes() == (
        build(folder, tmp_path / "scratch", "--no-cache") / "categories/movement/2024.html").read_bytes()


def test_a_new_latest_year_moves_the_group_page_and_an_older_one_gets_its_page(three_years, tmp_path):
    folder, site = three_years
    (folder / "2026-02-01.md").write_text("- [x] did the dishes\n")
    build(folder, site)
    home = (site / "categories/home.html").read_text("utf-8")
    assert "1 win in 2026" in home and [y for _, y, _ in year_row(home)] == ["2026", "2025"]
    assert "did the dishes" in (site / "categories/home/2025.html").read_text("utf-8")
    assert not broken_links(site)
    (folder / "2026-02-01.md").unlink()
    build(folder, site)
    assert not (site / "categories/home").exists()  # back to one year: the folder of years goes
    assert group_pages(site) == group_pages(build(folder, tmp_path / "scratch", "--no-cache"))


def test_a_locked_wall_keeps_every_year_page_and_its_links(notes, tmp_path):
    from test_lock import locked_build, sealed_pages

    site = locked_build(tmp_path / "locked", notes(NOTES))
    pages = sealed_pages(site)
    titles = {page["title"].split(" · ")[0] for page in pages.values()}
    assert {"movement, 2026", "movement, 2025", "movement, 2024", "#swim, 2024", "home"} <= titles
    assert not (site / "categories").exists() and not (site / "tags").exists()
    for page in pages.values():
        for href in re.findall(r'href="(?!https?:|mailto:|tel:)([^"#?]+)', page["body"]):
            assert (site / href).is_file(), (page["title"], href)
