"""Every page: private by construction, readable without JavaScript, kind in what it says."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from conftest import EXAMPLE, EXAMPLE_TODAY
from generator.cli import main

CSP = "default-src 'none'"
OFF_ORIGIN = re.compile(
    r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?\s*(?:https?:)?//|@import""", re.I
)


def build(notes: Path, out: Path, *args: str) -> Path:
    result = CliRunner().invoke(main, ["build", str(notes), "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build(EXAMPLE, tmp_path_factory.mktemp("pages") / "site", "--today", EXAMPLE_TODAY)


def html_pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in site.rglob("*.html")}


def test_every_page_type_exists(site):
    names = set(html_pages(site))
    for page in ("index.html", "timeline.html", "hard-days.html", "categories.html",
                 "search.html", "print.html", "print/2026.html", "categories/connection.html", "week.html"):
        assert page in names
    assert any(n.startswith("tags/") for n in names)
    assert any(n.startswith("months/") for n in names)


def test_every_page_is_private_by_construction(site):
    for name, text in html_pages(site).items():
        assert CSP in text, name
        assert '<meta name="robots" content="noindex, nofollow">' in text, name
        assert '<meta name="referrer" content="no-referrer">' in text, name
        for tag in re.findall(r"<(?:link|script|img|iframe|source|video|audio)\b[^>]*>", text):
            assert not OFF_ORIGIN.search(tag), f"{name}: {tag}"


def test_stylesheets_and_scripts_load_nothing_from_elsewhere(site):
    for path in list(site.rglob("*.css")) + list(site.rglob("*.js")):
        text = path.read_text("utf-8")
        assert not re.search(r"url\(\s*['\"]?\s*(?:https?:)?//|@import|fetch\(|XMLHttpRequest", text), path


def test_search_index_is_a_script_with_every_win(site):
    index = (site / "search-index.js").read_text("utf-8")
    assert index.startswith("window.EVIDENCE_INDEX = [")
    assert "a sad little cactus" in index
    assert '"note"' in index and '"win"' in index
    assert "<script" not in index.lower()


def test_each_category_and_tag_has_its_page_with_counts(site):
    kinds = (site / "categories.html").read_text("utf-8")
    for slug in re.findall(r'href="categories/([^"]+)\.html"', kinds):
        page = (site / "categories" / f"{slug}.html").read_text("utf-8")
        assert re.search(r"\d+ wins?</span>", page)
    assert re.findall(r'href="tags/([^"]+)\.html"', kinds)


def test_print_view_has_every_month_and_month_pages_link_to_it(site):
    chooser = (site / "print.html").read_text("utf-8")
    text = (site / "print" / "2026.html").read_text("utf-8")
    assert '<nav aria-label="Pages">' not in text
    for month in ("2026-08", "2026-09", "2026-10", "2026-11"):
        assert f'data-month="{month}"' in text
        assert f"print/2026.html?from={month}&amp;to={month}" in chooser
        page = (site / "months" / f"{month}.html").read_text("utf-8")
        assert f"../print/2026.html?from={month}&amp;to={month}" in page


def test_heatmap_cells_link_to_their_day_and_say_what_happened(site):
    text = (site / "timeline.html").read_text("utf-8")
    cells = re.findall(r'<a href="(months/\d{4}-\d{2}\.html#\d{4}-\d{2}-\d{2})" aria-label="([^"]+)"', text)
    days = {day for page in (site / "months").glob("*.html")
            for day in re.findall(r'<article id="(\d{4}-\d{2}-\d{2})"', page.read_text("utf-8"))}
    assert len(cells) == len(days) > 100  # a square for every day with a note
    assert all(re.search(r"\d{4}: \d+ wins?", label) for _, label in cells)
    assert any("a hard day" in label for _, label in cells)


def test_inferred_dates_are_marked_where_the_day_is_shown(site):
    october = (site / "months" / "2026-10.html").read_text("utf-8")
    assert "date inferred" in october


def test_remember_this_works_without_javascript(site):
    index = (site / "index.html").read_text("utf-8")
    assert re.search(r'<p class="win-text" id="remember-text">\S', index)
    assert '<button type="button" id="remember-again" hidden>' in index


def test_a_day_without_a_marked_win_still_counts(notes, tmp_path):
    folder = notes({"2025-03-04.md": "Stayed in bed most of the day.\n", "2025-03-05.md": "- [x] tea\n"})
    out = build(folder, tmp_path / "site", "--today", "2025-03-05")
    march = (out / "months" / "2025-03.html").read_text("utf-8")
    assert "You showed up and wrote" in march


def test_no_broken_streak_is_ever_announced(notes, tmp_path):
    folder = notes({"2025-03-01.md": "- [x] a\n", "2025-03-02.md": "- [x] b\n"})
    out = build(folder, tmp_path / "site", "--today", "2025-03-20")
    index = (out / "index.html").read_text("utf-8").lower()
    assert "in a row" not in index and "streak" not in index and "broke" not in index
    assert "<strong>2</strong> of the last 30 days had a win" in index
    assert "<strong>2 days</strong>" in index  # the longest run is remembered, never reset


def test_hostile_markup_in_notes_is_shown_as_text(notes, tmp_path):
    folder = notes({"2025-03-04.md": (
        "- [x] <script>alert(1)</script> done\n"
        "- [x] [click](javascript:alert(1))\n"
        "- [x] <img src=x onerror=alert(1)>\n"
        "![a photo](https://example.com/tracker.png)\n"
    )})
    out = build(folder, tmp_path / "site", "--today", "2025-03-04")
    for name, text in html_pages(out).items():
        assert "<script>alert" not in text, name
        assert 'href="javascript:' not in text, name
        assert "<img" not in text, name
        assert 'src="https://example.com' not in text, name
    assert "[a photo]" in (out / "months" / "2025-03.html").read_text("utf-8")


DARK_ALWAYS = '<link rel="stylesheet" href="dark.css">'
DARK_WHEN_ASKED = '<link rel="stylesheet" href="dark.css" media="(prefers-color-scheme: dark)">'


@pytest.mark.parametrize("theme, dark_link, marker", [
    ("default", DARK_WHEN_ASKED, "needs nothing"),
    ("dark", DARK_ALWAYS, "needs nothing"),
    ("contrast", DARK_WHEN_ASKED, "font-size: 125%"),
])
def test_built_in_themes(notes, tmp_path, theme, dark_link, marker):
    folder = notes({"2025-03-04.md": "- [x] tea\n"})
    out = build(folder, tmp_path / "site", "--theme", theme, "--today", "2025-03-04")
    assert marker in (out / "theme.css").read_text("utf-8")
    for page in ("index.html", "months/2025-03.html"):
        link = dark_link.replace('href="', 'href="' + "../" * page.count("/"))
        assert link in (out / page).read_text("utf-8")
    assert "color-scheme: dark" in (out / "dark.css").read_text("utf-8")


def test_reduced_motion_is_respected(site):
    assert "@media (prefers-reduced-motion: reduce)" in (site / "style.css").read_text("utf-8")


def test_unknown_theme_is_an_error_naming_the_themes(notes, tmp_path):
    folder = notes({"2025-03-04.md": "- [x] tea\n"})
    result = CliRunner().invoke(main, ["build", str(folder), "-o", str(tmp_path / "s"), "--theme", "neon"])
    assert result.exit_code == 1
    assert "neon" in result.stderr and "contrast" in result.stderr


def test_own_theme_folder_overrides_a_template_and_extends_the_default(notes, tmp_path):
    folder = notes({
        "2025-03-04.md": "---\nmood: 1\n---\n- [x] tea\n",
        "wall.yaml": "theme: my-theme\n",
        "my-theme/theme.css": ":root { --accent: #123456; }\n",
        "my-theme/templates/hard-days.html": (
            '{% extends "!default/hard-days.html" %}\n'
            "{% block title %}Gentle days{% endblock %}\n"
        ),
    })
    out = build(folder, tmp_path / "site", "--today", "2025-03-04")
    hard = (out / "hard-days.html").read_text("utf-8")
    assert "<title>Gentle days</title>" in hard
    assert "you still did 1 thing" in hard
    assert "#123456" in (out / "theme.css").read_text("utf-8")
    assert not (out / "templates").exists()


def test_month_pages_tick_every_kind_of_win_line(site):
    september = (site / "months" / "2026-09.html").read_text("utf-8")
    assert re.search(r'<li class="win task-list-item"><span class="box ticked"', september)
    assert '<li class="task-list-item"><span class="box" role="img" aria-label="not done">' in september
    assert "data-sourcepos" not in september


# ------------------------------------------------------------------------------ how a win is drawn

INSIDE = r"(?:(?!</?li>).)"  # any character of the same list item
WORDS = rf'<span class="win-text">{INSIDE}+?</span>(?: <span class="feeling">{INSIDE}+?</span>)?'
WHEN = (r'<a class="when" href="(?:\.\./)*months/\d{4}-\d{2}\.html#\d{4}-\d{2}-\d{2}">'
        r"\d{1,2} [A-Z][a-z]{2} \d{4}</a>")
WIN_LINE = re.compile(rf"<li>{INSIDE}*?{WORDS} {WHEN}</li>")


def test_every_one_line_win_is_drawn_the_same_way(site):
    lines = 0
    for name, text in html_pages(site).items():
        for item in re.findall(rf'<li>{INSIDE}*?class="when".*?</li>', text):
            assert WIN_LINE.fullmatch(item), f"{name}: {item}"
            lines += 1
    assert lines > 100  # group pages, "on this day", milestones, comebacks, firsts


@pytest.mark.parametrize("page", ["hard-days.html", "print/2026.html"])
def test_wins_under_a_day_heading_are_drawn_with_the_same_words(site, page):
    text = (site / page).read_text("utf-8")
    main = re.sub(r'<aside class="support".*?</aside>', "", text.split("<main")[1], flags=re.S)
    items = re.findall(rf"<li>({INSIDE}*)</li>", main)
    assert items
    for item in items:
        assert re.fullmatch(WORDS, item), item


def macros():
    from generator.theme import find_theme, make_env

    template = make_env(find_theme("default")).get_template("macros.html")
    return template.make_module({"category_path": {"movement": "categories/movement.html"}})


def test_the_win_macros_share_text_feeling_and_link():
    from datetime import date

    from generator.model import Win

    win = Win(date(2025, 3, 4), "swam *slowly*", "movement", (), "a.md", 1, "Felt good.", inferred=True)
    m = macros()
    words = str(m.win_words(win))
    assert words == ('<span class="win-text">swam <em>slowly</em></span>'
                     ' <span class="feeling">Felt good.</span>')
    line = str(m.win_line(win, "../"))
    assert line == f'<li>{words} <a class="when" href="../months/2025-03.html#2025-03-04">4 Mar 2025</a></li>'
    card = str(m.win_card(win, "../"))
    assert '<p class="win-text">swam <em>slowly</em></p>' in card
    assert '<p class="feeling">Felt good.</p>' in card
    assert '<a class="card-link" href="../months/2025-03.html#2025-03-04">4 Mar 2025</a>' in card
    assert "date inferred" in card and '<span class="category">movement</span>' in card
    assert card.count("<a ") == 1, "a card is one target: one link"
    assert "4 Mar 2025" not in str(m.win_card(win, "", False))


# ------------------------------------------------------------------------- what templates may hold

TEMPLATES = sorted((Path(__file__).resolve().parents[1] / "templates").glob("*.html"))


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_templates_count_with_filters_and_slice_no_lists(path):
    text = path.read_text("utf-8")
    assert not re.search(r"==\s*1\s+else", text), "use the plural, noun or ordinal filter"
    assert not re.search(r"\w\[-?\d*:-?\d*\]", text), "list limits belong in analyze.py"


@pytest.mark.parametrize("name", ["timeline-year.html", "bars.html"])
def test_charts_take_every_number_from_python(name):
    text = (Path(__file__).resolve().parents[1] / "templates" / name).read_text("utf-8")
    svg = text[text.index("<svg"):text.index("</svg>")]
    assert not re.search(r'="[^"{]*\d', svg), "a number in the drawing: put it in the geometry"
    assert not re.search(r"[-+*/]\s*\d|\d\s*[-+*/]", re.sub(r'id="[^"]*"', "", svg))


@given(st.lists(st.dates(date(1999, 1, 1), date(2030, 12, 31)), max_size=60))
def test_a_chart_counts_each_month_as_counting_every_win_would(days):
    from collections import Counter

    from generator.groups import month_counts
    from generator.model import Win

    wins = tuple(Win(day, "tea", "other", (), "a.md", 1) for day in sorted(days))
    assert month_counts(wins) == Counter(w.date.isoformat()[:7] for w in wins)


@given(st.lists(st.dates(date(1999, 1, 1), date(2030, 12, 31)), max_size=60))
def test_a_group_is_split_by_year_as_looking_at_every_win_would(days):
    from collections import defaultdict

    from generator.groups import split_years
    from generator.model import Win

    wins = [Win(day, "tea", "other", (), "a.md", 1) for day in sorted(days)]
    by_year = defaultdict(list)
    for win in wins:
        by_year[win.date.year].append(win)
    expected = [(year, tuple(by_year[year])) for year in sorted(by_year, reverse=True)]
    assert [(y.year, y.wins) for y in split_years("categories", "other", wins, defaultdict(list))] == expected


def test_heatmap_geometry_lives_in_one_place(notes):
    from datetime import date

    from generator.build import collect
    from generator.config import Config
    from generator.timeline import Geometry, build_timeline

    wall = collect(notes({"2025-03-04.md": "- [x] tea\n"}), Config(), date(2025, 3, 4)).wall
    year, = build_timeline(wall, Geometry(cell=20, square=18, left=30, top=10, right=0, bottom=0))
    assert year.view_box == f"-30 -10 {year.cells[-1].x + 20 + 30} {7 * 20 + 10}"
    assert {c.y for c in year.cells} == {row * 20 for row in range(7)}
    assert [(label.x, label.text) for label in year.weekday_labels] == [(-30, "Mon"), (-30, "Sun")]
    tea = next(c for c in year.cells if c.href)
    assert tea.label == "Tuesday 4 March 2025: 1 win"


@pytest.mark.parametrize("count, one, many, noun, counted", [
    (1, "win", None, "win", "1 win"),
    (0, "win", None, "wins", "0 wins"),
    (3, "hard day", None, "hard days", "3 hard days"),
    (2, "thing", "things", "things", "2 things"),
])
def test_noun_is_the_word_plural_puts_after_the_count(count, one, many, noun, counted):
    from generator.filters import noun as noun_of
    from generator.words import plural

    assert noun_of(count, one, many) == noun
    assert plural(count, one, many) == counted


@pytest.mark.parametrize("number, said", [
    (1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (10, "10th"), (11, "11th"), (12, "12th"), (13, "13th"),
    (21, "21st"), (50, "50th"), (101, "101st"), (111, "111th"), (250, "250th"), (1000, "1000th"),
])
def test_ordinal(number, said):
    from generator.filters import ordinal

    assert ordinal(number) == said


@pytest.mark.parametrize("line, html", [
    ("Call Jess (sister): 07700 900123",
     'Call Jess (sister): <a class="contact" href="tel:07700900123">07700 900123</a>'),
    ("Samaritans: 116 123 (free)", 'Samaritans: <a class="contact" href="tel:116123">116 123</a> (free)'),
    ("+44 (0)20 7946-0958", '<a class="contact" href="tel:+4402079460958">+44 (0)20 7946-0958</a>'),
    ("Mail jo.b@example.org", 'Mail <a class="contact" href="mailto:jo.b@example.org">jo.b@example.org</a>'),
    ("Mail 07700900123@sms.example.org", 'Mail <a class="contact" href="mailto:07700900123@sms.example.org">'
                                         "07700900123@sms.example.org</a>"),
    ("Rest 3 times a week, since 2026-09-23", "Rest 3 times a week, since 2026-09-23"),
    ("<b>Rest</b> & tea", "&lt;b&gt;Rest&lt;/b&gt; &amp; tea"),
])
def test_support_lines_link_phone_numbers_and_addresses(line, html):
    from generator.filters import contact_links

    assert str(contact_links(line)) == html


@pytest.mark.parametrize("number, said", [
    (1.0, "1 thing"), (1.5, "1.5 things"), (2.0, "2 things"), (0.7, "0.7 things"),
])
def test_plural_decimal(number, said):
    from generator.filters import plural_decimal

    assert plural_decimal(number, "thing") == said


def test_a_card_is_one_link_even_when_its_words_hold_one():
    from generator.filters import unlinked
    from generator.markdown import inline

    assert str(unlinked(inline("asked about the [group](https://example.org)"))) == "asked about the group"


def test_marker_tags_and_cw_get_no_page(notes, tmp_path):
    folder = notes({"2025-03-04.md": "- tea #win #cw #garden\n- walk #victory #smallwin\n"})
    site = build(folder, tmp_path / "s", "--today", "2025-03-05")
    assert sorted(p.name for p in (site / "tags").iterdir()) == ["garden.html"]
    assert "#win" not in (site / "categories.html").read_text("utf-8")


def test_the_heatmap_starts_at_the_first_note_and_marks_what_kind_of_day_each_is(notes):
    from datetime import date

    from generator.build import collect
    from generator.config import Config
    from generator.timeline import build_timeline

    folder = notes({"2025-03-06.md": "- [x] tea\n", "2025-03-08.md": "rough day #hard\n"})
    year, = build_timeline(collect(folder, Config(), date(2025, 3, 11)).wall)
    kinds = [c.kind for c in year.cells]
    assert len(kinds) == 14  # the week of the first note (Monday 3 March) to the end of today's week
    assert kinds[:3] == ["before"] * 3  # Monday–Wednesday, before Thursday's first note
    assert kinds[3:8] == ["l1", "empty", "l0 hard", "empty", "empty"]
    assert kinds[8:] == ["empty", "future", "future", "future", "future", "future"]
    assert year.cells[0].x == 0


def test_the_browser_counts_recent_days_from_what_the_build_embeds(notes):
    import json
    from datetime import date

    from generator.build import collect
    from generator.config import Config
    from generator.render import recent_json

    folder = notes({"2025-01-01.md": "- [x] old\n", "2025-03-01.md": "- [x] tea\n",
                    "2025-03-04.md": "- [x] walk\n"})
    recent = json.loads(recent_json(collect(folder, Config(), date(2025, 3, 31)).wall))
    assert recent == {"built": "2025-03-31", "dates": ["2025-03-04"]}
