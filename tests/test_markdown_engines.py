"""Both markdown paths give the same site HTML (generator/markdown_engines.py).

markdown-it-pyrs, the compiled parser (`pip install 'evidence-wall[fast]'`, wheels only below CPython
3.13), renders when installed; markdown-it-py renders the texts where the two may differ (CORNERS in
markdown_engines.py), and everything when markdown-it-pyrs is missing or `WINS_MARKDOWN=py`. Each
case here renders by both paths and must come out byte for byte the same: every note of
example-notes/, the rows of tests/test_markdown.py, each corner found so far, and generated text.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from test_markdown import test_note_body_becomes_this_html, test_win_text_becomes_this_inline_html

from conftest import EXAMPLE, EXAMPLE_TODAY, REPO, site_files, wins
from generator import markdown, markdown_engines
from generator.build import collect
from generator.config import load_config
from generator.errors import GeneratorError
from generator.markdown_engines import pyrs_may_differ

needs_pyrs = pytest.mark.skipif("pyrs" not in markdown_engines.ENGINES,
                                reason="markdown-it-pyrs is not installed")


def render_with(engine: str, body: str, win_lines: frozenset[int]) -> tuple[str, list[str]]:
    """note_html of the text and inline of each line (a win's text is one line), by one path:
    "py" is markdown-it-py alone, "pyrs" what a build does with markdown-it-pyrs installed."""
    saved = markdown.BLOCKS, markdown.INLINE
    markdown.BLOCKS, markdown.INLINE = markdown_engines.PAIRS[engine]
    markdown.inline.cache_clear()
    try:
        lines = [str(markdown.inline(line)) for line in body.split("\n")]
        return str(markdown.note_html(body, win_lines)), lines
    finally:
        markdown.BLOCKS, markdown.INLINE = saved
        markdown.inline.cache_clear()


def same_both_ways(body: str, win_lines: frozenset[int]) -> None:
    assert render_with("py", body, win_lines) == render_with("pyrs", body, win_lines), repr(body)


def rows(test) -> list[tuple]:
    return [mark.args[1] for mark in test.pytestmark if mark.name == "parametrize"][0]


def example_notes():
    """Each note of example-notes/ (with its wall.yaml, on EXAMPLE_TODAY) and its win lines."""
    run = collect(EXAMPLE, load_config(None, EXAMPLE), date.fromisoformat(EXAMPLE_TODAY))
    return [(note, day.win_lines(note)) for day in run.wall.days for note in day.notes]


@needs_pyrs
def test_every_example_note_renders_the_same_with_both_engines():
    notes = [(note, lines) for note, lines in example_notes() if note.body]
    assert len(notes) > 20
    for note, lines in notes:
        same_both_ways(note.body, lines)
        same_both_ways(note.body, frozenset(range(note.body.count("\n") + 1)))


@needs_pyrs
def test_the_example_site_is_the_same_byte_for_byte_with_both_engines(tmp_path, monkeypatch):
    built = {}
    for engine in ("pyrs", "py"):
        monkeypatch.setattr(markdown, "BLOCKS", markdown_engines.PAIRS[engine][0])
        monkeypatch.setattr(markdown, "INLINE", markdown_engines.PAIRS[engine][1])
        markdown.inline.cache_clear()
        wins("build", EXAMPLE, "-o", tmp_path / engine, "--today", EXAMPLE_TODAY, "--no-cache", "-q")
        built[engine] = site_files(tmp_path / engine)
    markdown.inline.cache_clear()
    assert built["pyrs"] == built["py"]


def test_the_accelerator_renders_every_example_and_synthetic_note():
    """The corners are rare: no note of example-notes/ or of the benchmark's notes has one."""
    sys.path.insert(0, str(REPO / "tests" / "bench"))
    try:
        from synthetic import note_text
    finally:
        sys.path.remove(str(REPO / "tests" / "bench"))
    rng = random.Random(7)
    synthetic = [note_text(rng, date(2026, 11, 1) - timedelta(days=n)) for n in range(300)]
    bodies = [note.body for note, _ in example_notes()] + synthetic
    assert [body for body in bodies if pyrs_may_differ(body)] == []


@needs_pyrs
@pytest.mark.parametrize("row", [*rows(test_note_body_becomes_this_html),
                                 *rows(test_win_text_becomes_this_inline_html)])
def test_the_markdown_table_renders_the_same_with_both_engines(row):
    text = row[0]
    same_both_ways(text, row[1] if isinstance(row[1], frozenset) else frozenset({0}))


@pytest.mark.parametrize("engine", markdown_engines.ENGINES)
def test_each_engine_passes_the_markdown_table(engine, monkeypatch):
    monkeypatch.setattr(markdown, "BLOCKS", markdown_engines.PAIRS[engine][0])
    monkeypatch.setattr(markdown, "INLINE", markdown_engines.PAIRS[engine][1])
    markdown.inline.cache_clear()
    try:
        for body, win_lines, html in rows(test_note_body_becomes_this_html):
            test_note_body_becomes_this_html(body, win_lines, html)
        for text, html in rows(test_win_text_becomes_this_inline_html):
            test_win_text_becomes_this_inline_html(text, html)
    finally:
        markdown.inline.cache_clear()


# Each corner found so far (CORNERS in markdown_engines.py): markdown-it-pyrs alone writes other HTML
# for it, or panics; pyrs_may_differ finds it, so the site is the same.
CORNERS = [
    # code spans: panics (here after a `[`), a span of spaces across lines
    "[\n```:``` `", "\t```\n`:`[```", "[draft `v2", "` \n `",
    # strikethrough next to a run of three or more tildes
    "~~s~~~~tea", "[~~~~|~~",
    # a quote's paragraph continued by an empty list item, or one numbered other than 1
    "> tea\n- ", ">|\n*", "> a\n2. b",
    # one-column tables
    "a\n|-", "a|\n--", ";\n:-",
    # a reference definition
    "[a]:\\",
    # whitespace other than space, tab and newline; NUL
    "\xa0", "a\x0c", "\x0b", "x\u2028", "*\x00*1", "[](\x00)",
    # a Unicode symbol next to emphasis
    "*]･*⥪", "*]*🎉",
    # link destinations and autolinks: punycode, host parts, entities, `%20` in an autolink's text
    "<https://éx.com>", "[a](http://Ünicode.com)", "[a](https://x.y/&amp;&#x20;)", "<tp:@>",
    "[a](a+b:::)", "<http://a.b/%20>", "[a](< >)",
    # an image's description with an escape, an entity or a hard break, or opening with emphasis
    "![\\-]()", "![a&amp;b](u)", "![a   \nb](u)", '![**"*]()', '![__"_]()',
    # tabs in a quote line
    ">>\t\ts", ">>- \t⁓",
    # emphasis after a closer that found no opener
    "*m_a_*_a_", "*xx_y_ b* _c_",
]


def pyrs_alone_differs(text: str, monkeypatch) -> bool:
    """Whether markdown-it-pyrs, if it rendered text itself, would panic or make another site."""
    for parser in markdown_engines.PAIRS["pyrs"]:
        try:
            parser.render(text + "\n")
        except BaseException:  # noqa: BLE001 - a Rust panic arrives as a BaseException
            return True
    with monkeypatch.context() as patch:
        patch.setattr(markdown, "pyrs_may_differ", lambda _: False)
        lines = frozenset(range(text.count("\n") + 1))
        return render_with("py", text, lines) != render_with("pyrs", text, lines)


@needs_pyrs
@pytest.mark.parametrize("text", CORNERS)
def test_each_corner_is_found_and_renders_the_same(text, monkeypatch):
    assert pyrs_may_differ(text)
    assert pyrs_alone_differs(text, monkeypatch), "not a corner (any more?): drop its rule and this row"
    for lines in (frozenset(), frozenset(range(text.count("\n") + 1))):
        same_both_ways(text, lines)


# Differences closed where they arise: markdown-it-py's task boxes are written as markdown-it-pyrs
# writes them (a box escaped or written as an entity is none, a tab may stand in the box).
@needs_pyrs
@pytest.mark.parametrize("text", ["- \\[x] a", "- [x\\] a", "- &#91;x] a", "- [x]&#32;a", "- [\t] a",
                                  "1. [X]\ta"])
def test_task_boxes_render_the_same_without_falling_back(text):
    assert not pyrs_may_differ(text)
    same_both_ways(text, frozenset({0}))


# Texts made of pieces of markdown. Half are drawn from the whole alphabet (every piece below and any
# Unicode character), where most texts hold a corner and go to markdown-it-py; the other half from
# the pieces no corner needs on its own, so that markdown-it-pyrs renders many of them.
COMMON = [
    "tea", "swim", "a", "b c", "x", "é", "日本", "—", "'", '"', ".", ",", ";", "?", "=", "1", "2026", " ",
    "  ", "\t", "\n", "\n\n", "*", "**", "***", "_", "__", "~", "[", "]", "(", ")", "![", "](", "!", "\\",
    "\\*", "\\[", "&", "&amp;", "<", ">", "#", "-", "+", "1.", "2)", "0.", "|", "[x]", "[ ]", "[X]",
    "https://e.com", "[site](https://e.com)", "![cat](c.png)", "<https://e.com>", "*em*", "**strong**",
    "_em_", "#tag",
]
RARE = [
    "`", "``", "```", "`code`", "~~", "~~~", "~~s~~", ":", "]:", "---", "@", "%", "&#42;", "&nbsp;", "  \n",
    "🎉", "✅", "“", "\u00a0", "\u3000", "\u2028", "\x0c", "\x00",
]
STARTS = [
    "", "", "", "- ", "* ", "+ ", "1. ", "2) ", "- [x] ", "- [ ] ", "  - ", "  - [x] ", "    ", "\t", "\t- ",
    "# ", "## ", "> ", "> - ", ">> ", "> > ", "- > ", "| ", "2) [X] ", "   ", "-", "10. ",
]


def texts(words, starts) -> st.SearchStrategy[str]:
    line = st.builds(lambda start, words: start + "".join(words), starts, st.lists(words, max_size=10))
    return st.lists(line, max_size=12).map("\n".join)


TEXT = st.one_of(
    texts(st.one_of(st.sampled_from(COMMON + RARE), st.characters(codec="utf-8")),
          st.sampled_from(STARTS + ["```", "~~~", "|---|"])),
    texts(st.sampled_from(COMMON + ["tea ", "swim ", " a ", "done", ". "] * 4), st.sampled_from(STARTS)),
)


@needs_pyrs
@settings(max_examples=1000, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.frozensets(st.integers(0, 12), max_size=6))
def test_generated_markdown_renders_the_same_with_both_engines(text, win_lines):
    event("rendered by markdown-it-py" if pyrs_may_differ(text) else "rendered by markdown-it-pyrs")
    same_both_ways(text, win_lines)


def test_wins_markdown_picks_the_engine():
    both, pure = ("py", "pyrs"), ("py",)
    assert markdown_engines.choose(None, both) == "pyrs"
    assert markdown_engines.choose("", pure) == "py"
    assert markdown_engines.choose("py", both) == "py"
    assert markdown_engines.choose("pyrs", both) == "pyrs"
    with pytest.raises(GeneratorError, match=r"markdown-it-pyrs, which is not installed: pip install"):
        markdown_engines.choose("pyrs", pure)
    with pytest.raises(GeneratorError, match="'rust' is not a markdown engine"):
        markdown_engines.choose("rust", both)


def test_asking_for_the_accelerator_without_it_is_a_clear_error(tmp_path):
    hide = "import sys; sys.modules['markdown_it_pyrs'] = None; from generator.cli import main; main()"
    result = subprocess.run(
        [sys.executable, "-c", hide, "build", str(EXAMPLE), "-o", str(tmp_path / "site"), "-q"],
        capture_output=True, text=True, cwd=REPO, timeout=60,
        env={**os.environ, "WINS_MARKDOWN": "pyrs"})
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("Error: WINS_MARKDOWN=pyrs asks for markdown-it-pyrs, which is not "
                                    "installed: pip install 'evidence-wall[fast]'"), result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_verbose_build_names_the_engine(tmp_path):
    result = wins("build", EXAMPLE, "-o", tmp_path / "site", "--today", EXAMPLE_TODAY, "--no-cache", "-v")
    engine = [line for line in result.stderr.splitlines() if line.startswith("markdown ")]
    assert len(engine) == 1, result.stderr
    if "pyrs" in markdown_engines.ENGINES:
        assert engine[0].startswith("markdown markdown-it-pyrs, "), engine
    else:
        assert engine[0] == "markdown markdown-it-py (markdown-it-pyrs is not installed)", engine
