"""Bad input is survivable (PRODUCT.md §5): each kind warns once at most, the build exits 0 and
every good win elsewhere is still on the wall. Each case runs `wins build` and `wins list` for real."""

from __future__ import annotations

import json
import os
import re
import time
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.config import Config
from generator.dates import search_full_date
from generator.model import NoteFile
from generator.openers import line_opener
from generator.parse import Parser
from generator.sources import MAX_BYTES
from generator.win_rules import MAX_LINE, heading, judge, split_feeling

TODAY = "2025-03-10"
GOOD = "watered the plants"
BOMB = """\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
tags: *i
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A notes folder holding one good note, beside which the site is built."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "2025-03-01.md").write_text(f"- [x] {GOOD}\n", encoding="utf-8")
    return notes


def build(folder: Path) -> list[str]:
    """Run `wins build`; check it succeeded and kept the good win; return its warnings."""
    out = folder.parent / "site"
    result = CliRunner().invoke(main, ["build", str(folder), "-o", str(out), "--today", TODAY])
    assert result.exit_code == 0, result.output
    assert GOOD in texts(folder)
    return [line.removeprefix("warning: ") for line in result.stderr.splitlines()
            if line.startswith("warning: ")]


def listed(folder: Path) -> list[dict]:
    result = CliRunner().invoke(main, ["list", str(folder), "--json", "--today", TODAY])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def texts(folder: Path) -> list[str]:
    return [w["text"] for w in listed(folder)]


def pages(folder: Path) -> dict[str, str]:
    site = folder.parent / "site"
    return {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in site.rglob("*.html")}


# ---------------------------------------------------------------------------------------------
# Bytes: encodings, line ends, empty, binary, huge


def test_invalid_utf8_is_replaced_and_warned_with_its_line(folder):
    (folder / "2025-03-02.md").write_bytes(b"- [x] one\n- [x] caf\xe9 au lait\n")
    assert build(folder) == ["2025-03-02.md:2: is not valid UTF-8; unreadable bytes shown as \ufffd"]
    assert "caf\ufffd au lait" in texts(folder)


def test_invalid_utf8_in_a_file_of_lone_cr_line_ends_names_the_right_line(folder):
    (folder / "2025-03-02.md").write_bytes(b"- [x] one\r- [x] two\r- [x] caf\xe9\r")
    assert build(folder) == ["2025-03-02.md:3: is not valid UTF-8; unreadable bytes shown as \ufffd"]


@pytest.mark.parametrize("data", [
    b"\xef\xbb\xbf- [x] one\n- [x] two\n",  # BOM
    b"- [x] one\r\n- [x] two\r\n",  # CRLF
    b"- [x] one\r- [x] two\r",  # lone CR (old Mac)
    b"\xef\xbb\xbf- [x] one\r\n- [x] two",  # BOM, CRLF, no line end at the end
    "- [x] one\n- [x] two\n".encode("utf-16"),  # UTF-16 with its BOM (Windows Notepad)
], ids=["bom", "crlf", "lone-cr", "bom-crlf", "utf-16"])
def test_boms_and_line_ends_read_as_plain_lines(folder, data):
    (folder / "2025-03-02.md").write_bytes(data)
    assert build(folder) == []
    wins = [(w["text"], w["line"]) for w in listed(folder) if w["source"] == "2025-03-02.md"]
    assert wins == [("one", 1), ("two", 2)]


def test_an_empty_daily_note_needs_no_warning(folder):
    (folder / "2025-03-02.md").write_bytes(b"")
    assert build(folder) == []


def test_an_empty_undated_file_is_skipped_with_one_warning(folder):
    (folder / "ideas.md").write_bytes(b"")
    warned = build(folder)
    assert len(warned) == 1 and warned[0].startswith("ideas.md: skipped: no date")


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,  # a picture renamed .md
    b"- [x] looks like a win\x00\x00\x00\x01\x02",
], ids=["png", "nul-bytes"])
def test_a_binary_file_with_a_note_name_is_skipped_not_parsed(folder, data):
    (folder / "2025-03-04.md").write_bytes(data)
    assert build(folder) == ["2025-03-04.md: looks like a binary file, not text; skipped"]
    assert [w for w in listed(folder) if w["source"] == "2025-03-04.md"] == []


def test_a_file_too_big_for_a_note_is_skipped_naming_its_size(folder):
    with open(folder / "2025-03-04.md", "wb") as file:
        file.write(b"- [x] a win in a huge file\n")
        file.truncate(30 * 2**20)  # sparse: 30 MB long, hardly any disk
    assert MAX_BYTES == 20 * 2**20
    assert build(folder) == ["2025-03-04.md: is 30.0 MB, more than the 20 MB a note may be; skipped"]


def test_a_giant_line_is_judged_by_its_start_and_warned_once(folder):
    (folder / "2025-03-04.md").write_text("- [x] " + "word " * 1_000_000 + "\n- [x] short\n" + "x" * 9000)
    started = time.perf_counter()
    warned = build(folder)
    assert time.perf_counter() - started < 30
    why = f"line is 5,000,006 characters long; only its first {MAX_LINE:,} are read"
    assert warned == [f"2025-03-04.md:1: {why}"]
    wins = {w["line"]: w["text"] for w in listed(folder) if w["source"] == "2025-03-04.md"}
    assert wins[2] == "short" and len(wins[1]) < MAX_LINE


@pytest.mark.parametrize("piece", [
    "#", "[", " ", "1", " #a", "✅ ",
    "2025-", "1/", "1.", "Mon ", "Day 1 ", "**", "March 1 ", "12:00 ",  # the date patterns' pieces
])
def test_no_pattern_backtracks_on_a_megabyte_line(piece):
    """A hang check, not a benchmark: a pattern that backtracks takes hours on a megabyte."""
    parser = Parser(Config())
    line = "- [x] a" + piece * (2**20 // len(piece)) + "b"
    started = time.perf_counter()
    for text in (line, "# " + line, "[2025-03-04 10:00] " + line):
        judge(text), heading(text), split_feeling(text), line_opener(text, "mdy")
        search_full_date(text, "dmy"), parser.parse(NoteFile("log.txt", text, date(2025, 12, 31)))
    assert time.perf_counter() - started < 10


# ---------------------------------------------------------------------------------------------
# Front matter and wall.yaml: broken, hostile


@pytest.mark.parametrize("front, why", [
    ("title: [unclosed\nmood: 3", "2: front matter skipped: expected ',' or ']'"),
    ("x: !!python/object/apply:os.system ['echo owned']",
     "2: front matter skipped: could not determine a constructor"),
    ("mood: !!int three", "2: front matter skipped: cannot read this value as !!int"),
    ("done: !!bool maybe", "2: front matter skipped: cannot read this value as !!bool"),
    ("a: " + "[" * 5000 + "]" * 5000, "2: front matter skipped: nested more than 50 deep"),
    (BOMB, "3: front matter skipped: aliases (*name) are not allowed"),
], ids=["broken", "python-tag", "bad-int", "bad-bool", "deep", "alias-bomb"])
def test_bad_front_matter_is_skipped_with_one_warning_and_the_body_still_read(folder, front, why):
    (folder / "2025-03-04.md").write_text(f"---\n{front}\n---\n- [x] body win\n")
    started = time.perf_counter()
    warned = build(folder)
    assert time.perf_counter() - started < 30
    assert len(warned) == 1 and warned[0].startswith(f"2025-03-04.md:{why}"), warned
    assert "body win" in texts(folder)


def test_front_matter_too_long_to_be_front_matter_is_skipped(folder):
    (folder / "2025-03-04.md").write_text("---\ntags: [" + "a, " * 40_000 + "]\n---\n- [x] body win\n")
    assert build(folder) == ["2025-03-04.md:2: front matter skipped: longer than 65,536 characters"]
    assert "body win" in texts(folder)


@pytest.mark.parametrize("settings, why", [
    (BOMB.replace("tags", "support"),
     "wall.yaml:2: could not read the settings: aliases (*name) are not allowed"),
    ("title: !!python/object/apply:os.system ['echo owned']",
     "wall.yaml:1: could not read the settings: could not determine a constructor"),
    ("title: Mine\nsupport: [unclosed\n", "wall.yaml:2: could not read the settings: expected ',' or ']'"),
    ("- title: Mine\n- theme: default\n", "wall.yaml: settings must be `key: value` lines, not list"),
    (b"title: Mine\nsupport: [caf\xe9]\n",
     "wall.yaml:2: could not read the settings: it is not UTF-8 text (save it as UTF-8)"),
    (b"\xef\xbb\xbftitle: Mine\n\xff\n",
     "wall.yaml:2: could not read the settings: it is not UTF-8 text (save it as UTF-8)"),
], ids=["alias-bomb", "python-tag", "broken", "a-list", "not-utf8", "not-utf8-after-bom"])
def test_hostile_or_broken_wall_yaml_is_a_clear_error(folder, settings, why):
    (folder / "wall.yaml").write_bytes(settings if isinstance(settings, bytes) else settings.encode())
    started = time.perf_counter()
    result = CliRunner().invoke(main, ["build", str(folder), "-o", str(folder.parent / "site")])
    assert time.perf_counter() - started < 30
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"Error: {why}"), result.stderr
    assert "Traceback" not in result.output


# ---------------------------------------------------------------------------------------------
# Dates that do not exist


def test_an_impossible_date_in_a_file_name_is_named(folder):
    (folder / "2025-02-30.md").write_text("- [x] a day that never was\n")
    (folder / "13-45-2025.md").write_text("- [x] nor this\n")
    assert build(folder) == [
        "13-45-2025.md: skipped: 13-45-2025 in its name is not a real date (name it like 2025-03-04.md)",
        "2025-02-30.md: skipped: 2025-02-30 in its name is not a real date (name it like 2025-03-04.md)",
    ]


def test_an_impossible_front_matter_date_in_an_undated_file_warns_once(folder):
    (folder / "ideas.md").write_text("---\ndate: 2025-02-30\n---\n- [x] lost\n")
    assert build(folder) == [
        "ideas.md: skipped: front matter `date` '2025-02-30' is not a date like 2025-03-04 (line 2), "
        "and it has no other date"]


def test_an_impossible_front_matter_date_in_a_daily_note_falls_back_to_its_name(folder):
    (folder / "2025-03-04.md").write_text("---\ndate: 2025-02-30\n---\n- [x] kept\n")
    assert build(folder) == [
        "2025-03-04.md:2: front matter `date` '2025-02-30' is not a date like 2025-03-04; ignored"]
    assert {"date": "2025-03-04", "text": "kept"}.items() <= next(
        w for w in listed(folder) if w["text"] == "kept").items()


def test_impossible_dates_in_log_lines_are_warned_each_with_its_line(folder):
    (folder / "log.md").write_text(
        "## 2025-03-05\n- [x] real\n## 2025-02-30\n- [x] b\n13/45 - c\n[2025-02-30 10:00] d\n")
    assert build(folder) == [
        "log.md:3: 2025-02-30 (month-day) is not a real date; read as an ordinary line",
        "log.md:5: 13-45 (month-day) is not a real date; read as an ordinary line",
        "log.md:6: 2025-02-30 (month-day) is not a real date; read as an ordinary line",
    ]
    assert "real" in texts(folder)


def checked(folder: Path) -> dict[str, dict]:
    result = CliRunner().invoke(main, ["check", str(folder), "--json", "--today", TODAY])
    assert result.exit_code == 0, result.output
    return {row["source"]: row for row in json.loads(result.stdout)}


@pytest.mark.parametrize(("name", "text", "mtime", "why"), [
    # PRODUCT.md §1: anything with no date it can find is skipped with a warning naming the file.
    ("ideas.md", "- [x] learn the banjo\n", None, "no date in its name, front matter or lines"),
    ("shopping list.txt", "Sat on the bench with Mum\n", None, "no date in its name, front matter or lines"),
    # Weekday lines are dated from the file's modification day; a file time of 0 (an unpacked archive,
    # a reproducible build) is not one, so nothing anchors them.
    ("notes.txt", "Tuesday: Did laundry.\n", 0, "weekday lines with no date to anchor them"),
])
def test_a_file_with_no_date_is_skipped_naming_it_and_check_lists_it(folder, name, text, mtime, why):
    (folder / name).write_text(text)
    if mtime is not None:
        os.utime(folder / name, (mtime, mtime))
    warned = build(folder)
    assert len(warned) == 1 and warned[0].startswith(f"{name}: skipped: {why}")
    row = checked(folder)[name]
    assert (row["dates"], row["wins"]) == ([], 0) and row["skipped"].startswith(why)


def test_a_weekday_only_phone_note_is_dated_from_its_modification_day(folder):
    (folder / "notes.txt").write_text("Tuesday: Did laundry.\nWednesday: Called Mom back.\n")
    noon = time.mktime((2025, 3, 6, 12, 0, 0, 0, 0, -1))  # a Thursday, local time
    os.utime(folder / "notes.txt", (noon, noon))
    assert build(folder) == []
    assert checked(folder)["notes.txt"]["dates"] == ["2025-03-04", "2025-03-05"]


# ---------------------------------------------------------------------------------------------
# File names, links and folders


def test_odd_file_names_are_read_and_warned_about_on_one_line(folder):
    names = ["with space.md", "emoji 🎉.md", "new\nline.md", "-starts-with-dash.md", "tab\there.md",
             os.fsdecode(b"caf\xe9.md")]
    for number, name in enumerate(names):
        (folder / name).write_bytes(f"## 2025-03-05\n- [x] odd name {number}\n## 2025-02-30\n".encode())
    warned = build(folder)
    shown = ["-starts-with-dash.md", "caf\\xe9.md", "emoji 🎉.md", "new\\nline.md", "tab\\there.md",
             "with space.md"]
    assert warned == [f"{name}:3: 2025-02-30 (month-day) is not a real date; read as an ordinary line"
                      for name in shown]
    assert {f"odd name {n}" for n in range(len(names))} <= set(texts(folder))


def test_a_symlink_loop_is_followed_once(folder):
    (folder / "sub").mkdir()
    (folder / "sub" / "2025-03-02.md").write_text("- [x] in sub\n")
    os.symlink(folder, folder / "sub" / "loop")
    os.symlink("self.md", folder / "self.md")
    assert build(folder) == ["self.md: could not be read (Too many levels of symbolic links); skipped"]
    assert texts(folder).count("in sub") == 1


def test_a_dangling_symlink_warns_once(folder):
    os.symlink(folder / "gone.md", folder / "2025-03-05.md")
    assert build(folder) == ["2025-03-05.md: is a link to a file that is not there; skipped"]


def test_a_symlink_out_of_the_notes_folder_is_followed_and_left_untouched(folder, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "2025-03-06.md").write_text("- [x] from elsewhere\n")
    os.symlink(outside, folder / "linked")
    before = {p: p.read_bytes() for p in outside.rglob("*")}
    assert build(folder) == []
    assert "from elsewhere" in texts(folder)
    assert {p: p.read_bytes() for p in outside.rglob("*")} == before


def test_very_deep_folders_are_read(folder):
    chain = [folder / "d"]
    for _ in range(1000):  # deeper than Python's recursion limit
        chain.append(chain[-1] / "d")
    for path in chain:
        path.mkdir()
    (chain[-1] / "2025-03-06.md").write_text("- [x] deep down\n")
    try:
        assert build(folder) == []
        assert "deep down" in texts(folder)
    finally:  # from the bottom up: shutil.rmtree, and so pytest's clean-up, recurses once a level
        (chain[-1] / "2025-03-06.md").unlink()
        for path in reversed(chain):
            path.rmdir()


# ---------------------------------------------------------------------------------------------
# What notes say: markup and paths


HOSTILE = """\
---
title: <script>alert('title')</script>
---
- [x] <script>alert('win')</script> #x
- [x] [click me](javascript:alert('link')) and [again](JaVaScRiPt:alert(1))
- [x] <img src=x onerror=alert('img')> and <a href="#" onclick="alert(1)">a</a>
<iframe src="https://example.com"></iframe>
<svg onload=alert(1)>
- [x] ![pic](javascript:alert('image'))
"""


def test_hostile_markup_never_reaches_a_page_as_live_markup(folder):
    (folder / "2025-03-06.md").write_text(HOSTILE)
    build(folder)
    for path, html in pages(folder).items():
        assert not re.search(r"<script>\s*alert", html, re.I), path
        assert not re.search(r"""(?:href|src)\s*=\s*["']?\s*javascript:""", html, re.I), path
        assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", html, re.I), path
        assert not re.search(r"<iframe\b", html, re.I), path


def test_a_bracket_then_an_unclosed_backtick_does_not_crash_the_build(folder):
    (folder / "2025-03-06.md").write_text("- [x] wrote the [draft `v2\n")
    assert build(folder) == []


def test_path_like_front_matter_is_shown_as_text_never_used_as_a_path(folder):
    (folder / "2025-03-06.md").write_text(
        "---\ntitle: ../../etc/passwd\ntags: [../../outside, ../x]\n---\n- [x] pathlike\n")
    (folder / "ideas.md").write_text("---\ndate: ../../x\n---\n- [x] undated\n")
    assert build(folder) == [
        "ideas.md: skipped: front matter `date` '../../x' is not a date like 2025-03-04 (line 2), "
        "and it has no other date"]
    site = folder.parent / "site"
    assert sorted(p.name for p in folder.parent.iterdir()) == ["cache", "notes", "site"]
    assert all(".." not in p.relative_to(site).parts for p in site.rglob("*"))
    assert any("../../etc/passwd" in html for html in pages(folder).values())
