"""Markdown → safe HTML: what a note's body and a win's text become (generator/markdown.py).

Raw HTML is text, only safe link schemes make links, no image is ever fetched (it shows as its
description), task boxes are pictures with words, headings shift to the page's level, and the
blocks that hold wins are marked.
"""

from __future__ import annotations

import pytest

from generator.markdown import inline, note_html

NONE: frozenset[int] = frozenset()


@pytest.mark.parametrize("body, win_lines, html", [
    # emphasis, strikethrough, code
    ("*tea* and **cake** ~~gone~~\n", NONE, "<p><em>tea</em> and <strong>cake</strong> <s>gone</s></p>\n"),
    ("ran `make test` twice\n", NONE, "<p>ran <code>make test</code> twice</p>\n"),
    ("```\n<b>x</b>\n```\n", NONE, "<pre><code>&lt;b&gt;x&lt;/b&gt;\n</code></pre>\n"),
    ("[draft `v2\n", NONE, "<p>[draft `v2</p>\n"),  # an unmatched backtick stays literal
    # links: safe schemes only, never able to reach back to this page
    ("[site](https://example.com)\n", NONE,
     '<p><a rel="noopener noreferrer" href="https://example.com">site</a></p>\n'),
    ("[x](javascript:alert(1))\n", NONE, "<p>[x](javascript:alert(1))</p>\n"),
    ("[x](data:text/html,hi)\n", NONE, "<p>[x](data:text/html,hi)</p>\n"),
    # raw HTML is shown as text
    ("<div>raw</div>\n", NONE, "<p>&lt;div&gt;raw&lt;/div&gt;</p>\n"),
    ("a <script>alert(1)</script> b\n", NONE, "<p>a &lt;script&gt;alert(1)&lt;/script&gt; b</p>\n"),
    ("a & b < c\n", NONE, "<p>a &amp; b &lt; c</p>\n"),
    # images: their description, never fetched
    ("![a cat](https://example.com/cat.png)\n", NONE, '<p><span class="image-alt">[a cat]</span></p>\n'),
    ("![](x.png)\n", NONE, '<p><span class="image-alt">[image]</span></p>\n'),
    # task boxes, and the blocks that hold wins (0 = the body's first line)
    ("- [x] tea\n- [ ] swim\n", frozenset({0}),
     '<ul class="contains-task-list">\n'
     '<li class="win task-list-item"><span class="box ticked" role="img" aria-label="done"></span> tea</li>\n'
     '<li class="task-list-item"><span class="box" role="img" aria-label="not done"></span> swim</li>\n'
     '</ul>\n'),
    ("- a\n  - b\n", frozenset({1}), '<ul>\n<li>a\n<ul>\n<li class="win">b</li>\n</ul>\n</li>\n</ul>\n'),
    ("para one\nstill one\n\npara two\n", frozenset({1}),
     '<p class="win">para one\nstill one</p>\n<p>para two</p>\n'),
    ("> quote\n", frozenset({0}), '<blockquote>\n<p class="win">quote</p>\n</blockquote>\n'),
    # headings: the biggest becomes <h3>, the rest follow
    ("# Title\n## Wins\n", NONE, "<h3>Title</h3>\n<h4>Wins</h4>\n"),
    ("### Small\n#### Smaller\n", NONE, "<h3>Small</h3>\n<h4>Smaller</h4>\n"),
    ("# A\n###### F\n", NONE, "<h3>A</h3>\n<h6>F</h6>\n"),  # never past <h6>
    ("| a |\n|---|\n| 1 |\n", NONE,
     "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table>\n"),
    ("", NONE, ""),
])
def test_note_body_becomes_this_html(body, win_lines, html):
    assert str(note_html(body, win_lines)) == html


def test_the_biggest_heading_takes_the_level_asked_for():
    assert str(note_html("# A\n## B\n", NONE, top=2)) == "<h2>A</h2>\n<h3>B</h3>\n"


@pytest.mark.parametrize("text, html", [
    ("*tea* and **cake**", "<em>tea</em> and <strong>cake</strong>"),
    ("~~gone~~", "<s>gone</s>"),
    ("`code` here", "<code>code</code> here"),
    ("[site](https://example.com)", '<a rel="noopener noreferrer" href="https://example.com">site</a>'),
    ("<https://example.com>",
     '<a rel="noopener noreferrer" href="https://example.com">https://example.com</a>'),
    ("https://example.com", "https://example.com"),  # a bare address is not linked
    ("[bad](javascript:alert(1))", "[bad](javascript:alert(1))"),
    ("<b>hi</b> <script>x</script>", "&lt;b&gt;hi&lt;/b&gt; &lt;script&gt;x&lt;/script&gt;"),
    ("a & b < c", "a &amp; b &lt; c"),
    ("x\\*y", "x*y"),
    # a win's text is one line: anything block-like stays plain text
    ("# not a heading", "# not a heading"),
    ("- not a list", "- not a list"),
    ("[draft `v2", "[draft `v2"),
    ("![a cat](https://example.com/cat.png)", '<span class="image-alt">[a cat]</span>'),
    ("saw ![](pic.png) today", 'saw <span class="image-alt">[image]</span> today'),
])
def test_win_text_becomes_this_inline_html(text, html):
    assert str(inline(text)) == html
