"""`wins init` starts a folder; `wins add` appends a win without changing a line already there.

The daily-note writer it shares with `wins import` (generator/daily_notes.py) is tested here too.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.daily_notes import add_lines, create_note

DAY = "2025-03-04"


def wins(*args: str):
    return CliRunner().invoke(main, list(args))


def win_list(folder) -> list[dict]:
    result = wins("list", str(folder), "--json", "--today", DAY)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_init_makes_a_folder_that_builds_cleanly(tmp_path):
    folder = tmp_path / "notes"
    result = wins("init", str(folder))
    assert result.exit_code == 0, result.output
    today = date.today().isoformat()
    assert sorted(p.name for p in folder.iterdir()) == sorted(["README.md", "wall.yaml", f"{today}.md"])
    assert "# title:" in (folder / "wall.yaml").read_text()
    built = wins("build", str(folder))
    assert built.exit_code == 0, built.output
    assert "warning" not in built.stderr
    assert "Built 1 day, 1 win in " in built.stdout


def test_init_never_overwrites(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "wall.yaml").write_text("title: Mine\n")
    result = wins("init", str(folder))
    assert result.exit_code == 0, result.output
    assert (folder / "wall.yaml").read_text() == "title: Mine\n"
    assert "kept" in result.output


def test_add_goes_to_the_end_of_the_wins_section(notes):
    text = "---\nmood: 3\n---\n## Wins\n- [x] tea\n\n## Tomorrow\n- [ ] swim\n"
    folder = notes({f"{DAY}.md": text})
    result = wins("add", "walked to the shop", "--tag", "movement", "--date", DAY, "--notes", str(folder))
    assert result.exit_code == 0, result.output
    assert f"{DAY}.md" in result.output
    after = (folder / f"{DAY}.md").read_text()
    assert after == text.replace("- [x] tea\n", "- [x] tea\n- [x] walked to the shop #movement\n")
    assert [w["text"] for w in win_list(folder)] == ["tea", "walked to the shop"]


def test_add_appends_and_keeps_crlf_and_every_old_byte(notes):
    folder = notes({})
    old = b"- [x] one\r\nsome prose without a final line end"
    (folder / f"{DAY}.md").write_bytes(old)
    assert wins("add", "two", "--date", DAY, "--notes", str(folder)).exit_code == 0
    assert (folder / f"{DAY}.md").read_bytes() == old + b"\r\n- [x] two\r\n"


@pytest.mark.parametrize("existing, expected_path, expected_text", [
    ({}, f"{DAY}.md", "- [x] swam\n"),
    ({"daily/2025-03-01.md": "---\nmood: 3\n---\n- [x] a\n"}, f"daily/{DAY}.md",
     f"---\ndate: {DAY}\n---\n\n- [x] swam\n"),
    ({"journals/2025_03_01.md": "- DONE a\n"}, "journals/2025_03_04.md", "- DONE swam\n"),
    ({"2025/03/01.md": "- [x] a\n"}, "2025/03/04.md", "- [x] swam\n"),
])
def test_add_makes_a_missing_note_in_the_folders_own_layout(notes, existing, expected_path, expected_text):
    folder = notes(existing)
    assert wins("add", "swam", "--date", DAY, "--notes", str(folder)).exit_code == 0
    assert (folder / expected_path).read_text() == expected_text
    assert "swam" in [w["text"] for w in win_list(folder)]


def test_add_hard_records_the_struggle_not_a_win(notes):
    folder = notes({f"{DAY}.md": "- [x] tea\n"})
    result = wins("add", "rough morning", "--hard", "--date", DAY, "--notes", str(folder))
    assert result.exit_code == 0, result.output
    assert (folder / f"{DAY}.md").read_text() == "- [x] tea\nhard: rough morning\n"
    stats = json.loads(wins("stats", str(folder), "--json", "--today", DAY).stdout)
    assert (stats["wins"], stats["hard_days"]) == (1, 1)
    assert [w["text"] for w in win_list(folder)] == ["tea"]


def test_add_refuses_empty_text_and_a_missing_folder(tmp_path):
    assert wins("add", "  ", "--notes", str(tmp_path)).exit_code == 2
    result = wins("add", "tea", "--notes", str(tmp_path / "nowhere"))
    assert result.exit_code == 1 and "nowhere" in result.stderr


@pytest.mark.parametrize("old, apart, expected", [
    (b"", False, b"- a\n"),
    (b"", True, b"- a\n"),  # no blank line at the top of an empty note
    (b"x", False, b"x\n- a\n"),
    (b"x\n", True, b"x\n\n- a\n"),
    (b"x", True, b"x\n\n- a\n"),
    (b"x\r\ny", True, b"x\r\ny\r\n\r\n- a\r\n"),
    (b"x\r", True, b"x\r\n\n- a\n"),  # a lone CR at the end stays one line end, the blank line stays
    (b"caf\xe9\n", False, b"caf\xe9\n- a\n"),  # bytes that are not UTF-8 are kept as they were
])
def test_lines_are_added_in_the_notes_own_line_endings(tmp_path, old, apart, expected):
    path = tmp_path / f"{DAY}.md"
    path.write_bytes(old)
    add_lines(path, ["- a"], apart=apart)
    assert path.read_bytes() == expected


def test_a_note_made_meanwhile_is_never_overwritten(tmp_path):
    path = tmp_path / f"{DAY}.md"
    path.write_text("mine\n")
    with pytest.raises(FileExistsError):
        create_note(path, "", ["- [x] swam"])
    assert path.read_text() == "mine\n"


@pytest.mark.parametrize("words, expected", [
    ("2026-03-04", date(2026, 3, 4)),
    ("today", date(2026, 11, 27)),  # a Friday
    ("Yesterday", date(2026, 11, 26)),
    ("friday", date(2026, 11, 27)),  # a weekday is the latest one, today included
    ("thursday", date(2026, 11, 26)),
    ("sat", date(2026, 11, 21)),
    ("monday", date(2026, 11, 23)),
])
def test_a_day_in_words(words, expected):
    from generator.console import day_from_words

    assert day_from_words(words.lower(), date(2026, 11, 27)) == expected


@pytest.mark.parametrize("words", ["3/4/2026", "tomorrow", "2026-02-30", "fr", "20260304"])
def test_a_day_that_is_not_one_is_a_clear_usage_error(notes, words):
    result = wins("add", "tea", "--date", words, "--notes", str(notes({})))
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output and "%" not in result.output


def test_add_yesterday(notes):
    from datetime import timedelta

    folder = notes({})
    assert wins("add", "tea", "--date", "yesterday", "--notes", str(folder)).exit_code == 0
    assert (folder / f"{date.today() - timedelta(days=1)}.md").read_text() == "- [x] tea\n"


def test_init_follows_a_logseq_graph(tmp_path):
    (tmp_path / "logseq").mkdir()
    (tmp_path / "logseq" / "config.edn").write_text(
        '{:journal/page-title-format "MMM do, yyyy"\n :journal/file-name-format "yyyy_MM_dd"}')
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "contents.md").write_text("- hello\n")
    result = wins("init", str(tmp_path))
    assert result.exit_code == 0, result.output
    note = tmp_path / "journals" / f"{date.today():%Y_%m_%d}.md"
    assert note.read_text() == "- DONE Started an evidence wall. Felt a bit hopeful.\n"
    assert not (tmp_path / f"{date.today().isoformat()}.md").exists()
    assert str(note) in result.output


@pytest.mark.parametrize("settings, expected", [
    ('{"folder": "Daily", "format": "DD-MM-YYYY"}', "Daily/{:%d-%m-%Y}.md"),
    ('{"folder": "Journal/", "format": ""}', "Journal/{:%Y-%m-%d}.md"),
    ("{}", "{:%Y-%m-%d}.md"),
    ('{"format": "dddd, MMMM Do YYYY"}', "{:%Y-%m-%d}.md"),  # not followed: named days and months
])
def test_init_follows_an_obsidian_vaults_daily_notes_settings(tmp_path, settings, expected):
    (tmp_path / ".obsidian").mkdir()
    (tmp_path / ".obsidian" / "daily-notes.json").write_text(settings)
    (tmp_path / "Ideas.md").write_text("some note\n")
    result = wins("init", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert (tmp_path / expected.format(date.today())).is_file()
    again = wins("add", "tea", "--notes", str(tmp_path))
    assert again.exit_code == 0, again.output
    assert (tmp_path / expected.format(date.today())).read_text().endswith("- [x] tea\n")


def test_init_asks_before_making_a_notes_folder_of_a_folder_of_other_things(tmp_path):
    (tmp_path / "taxes.pdf").write_text("x")
    refused = wins("init", str(tmp_path))  # no terminal here, so nobody to ask
    assert refused.exit_code == 1 and "--yes" in refused.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taxes.pdf"]
    assert wins("init", str(tmp_path), "--yes").exit_code == 0
    assert (tmp_path / "wall.yaml").is_file()
