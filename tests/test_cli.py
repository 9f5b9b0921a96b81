"""The `wins` command as a person uses it: output, JSON contracts, exit codes."""

from __future__ import annotations

import json
import logging

from click.testing import CliRunner

from conftest import EXAMPLE, EXAMPLE_TODAY
from generator import __version__
from generator.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_version_and_help_on_every_command():
    for flag in ("--version", "-V"):
        result = run(flag)
        assert result.exit_code == 0, result.output
        assert __version__ in result.output
    for command in ("", "build", "serve", "add", "init", "list", "stats", "check", "import"):
        result = run(*command.split(), "--help")
        assert result.exit_code == 0, result.output
        assert result.output.startswith(f"Usage: main {command} [OPTIONS]".replace("  ", " ")), result.output
        examples = result.output.split("Examples:\n")[1].splitlines()
        assert 2 <= len(examples) <= 3, result.output
        assert all(line.strip().startswith("wins ") for line in examples), result.output
        assert "%Y" not in result.output


def test_help_shows_dates_as_words_and_where_the_cache_lives():
    assert "--date YYYY-MM-DD" in run("add", "--help").output
    assert "--today YYYY-MM-DD" in run("stats", "--help").output
    assert "$XDG_CACHE_HOME/evidence" in run("build", "--help").output


def test_list_json_contract_and_order(notes):
    folder = notes({
        "2025-03-05.md": "- [x] second day #home\n",
        "b.md": "## 2025-03-04\n- [x] walked the dog\n",
        "2025-03-04.md": "---\ntags: [spring]\n---\n- [x] watered plants\n- [x] texted Ana\n",
    })
    result = run("list", str(folder), "--json", "--today", "2025-03-05")
    assert result.exit_code == 0, result.output
    wins = json.loads(result.stdout)
    assert [(w["date"], w["source"], w["line"]) for w in wins] == [
        ("2025-03-04", "2025-03-04.md", 4),
        ("2025-03-04", "2025-03-04.md", 5),
        ("2025-03-04", "b.md", 2),
        ("2025-03-05", "2025-03-05.md", 1),
    ]
    assert set(wins[0]) == {"date", "text", "category", "tags", "source", "line"}
    assert wins[0]["text"] == "watered plants"
    assert wins[0]["tags"] == ["spring"]
    assert wins[3]["category"] == "home"


def test_stats_json_counts(notes):
    folder = notes({
        "2025-03-01.md": "- [x] one\n",
        "2025-03-02.md": "---\nmood: 1\n---\n- [x] got up\n",
        "2025-03-03.md": "just thinking today, nothing to list\n",
        "2025-03-05.md": "- [x] three\n- [x] four\n",
    })
    result = run("stats", str(folder), "--json", "--today", "2025-03-05")
    assert result.exit_code == 0, result.output
    stats = json.loads(result.stdout)
    assert stats["wins"] == 4
    assert stats["days"] == 4  # a day with a note but no win still counts as a day
    assert stats["days_with_wins"] == 3
    assert stats["hard_days"] == 1
    assert stats["hard_dates"] == ["2025-03-02"]
    assert stats["current_streak"] == 1
    assert stats["longest_streak"] == 2


def test_check_json_lists_every_file_and_why_skipped(notes):
    folder = notes({
        "2025-03-01.md": "- [x] one\n- [x] two\n",
        "ideas.md": "some thoughts with no date at all\n",
        "secret.md": "---\nprivate: true\ndate: 2025-03-02\n---\n- [x] hidden\n",
        "log.txt": "3/4 - called mum\n3/5 - swam\n",
    })
    result = run("check", str(folder), "--json", "--today", "2025-03-10")
    assert result.exit_code == 0, result.output
    rows = {row["source"]: row for row in json.loads(result.stdout)}
    assert rows["2025-03-01.md"] == {
        "source": "2025-03-01.md", "dates": ["2025-03-01"], "wins": 2, "skipped": None,
        "days": [{"date": "2025-03-01", "wins": 2, "hard": None, "inferred": False}],
        "why": None, "dropped": [],
    }
    assert "no date" in rows["ideas.md"]["skipped"]
    assert rows["ideas.md"]["why"] == rows["ideas.md"]["skipped"]  # why is set for every file with no win
    assert "private" in rows["secret.md"]["skipped"]
    assert rows["log.txt"]["wins"] == 2 and len(rows["log.txt"]["dates"]) == 2


def test_check_text_names_skipped_files(notes):
    folder = notes({"2025-03-01.md": "- [x] one\n", "ideas.md": "no date here\n"})
    result = run("check", str(folder))
    assert result.exit_code == 0, result.output
    assert "ideas.md: skipped" in result.output


def test_undated_file_warns_with_its_name_but_build_succeeds(notes, tmp_path):
    folder = notes({"2025-03-01.md": "- [x] one\n", "random thoughts.md": "hello\n"})
    result = run("build", str(folder), "-o", str(tmp_path / "site"), "--today", "2025-03-01")
    assert result.exit_code == 0, result.output
    assert "random thoughts.md" in result.stderr
    assert (tmp_path / "site" / "index.html").is_file()


def test_unknown_config_key_exits_1_naming_key_and_file(notes, tmp_path):
    folder = notes({"2025-03-01.md": "- [x] one\n", "wall.yaml": "titel: Typo\n"})
    result = run("build", str(folder), "-o", str(tmp_path / "site"))
    assert result.exit_code == 1
    assert "titel" in result.stderr and "wall.yaml" in result.stderr
    assert not (tmp_path / "site").exists()


def test_ill_typed_config_reports_every_problem(notes):
    folder = notes({"wall.yaml": "date_order: ymd\nsupport: 3\nquiet_dates: [someday]\n"})
    result = run("stats", str(folder))
    assert result.exit_code == 1
    for key in ("date_order", "support", "quiet_dates"):
        assert key in result.stderr


def test_missing_notes_folder_exits_1(tmp_path):
    result = run("stats", str(tmp_path / "nowhere"))
    assert result.exit_code == 1
    assert "nowhere" in result.stderr


def test_usage_error_exits_2():
    assert run("build", "--no-such-flag").exit_code == 2
    assert run("stats", "--today", "3/4/2025").exit_code == 2


def test_build_refuses_output_inside_notes(notes):
    folder = notes({"2025-03-01.md": "- [x] one\n"})
    result = run("build", str(folder), "-o", str(folder / "site"))
    assert result.exit_code == 1
    assert "inside your notes" in result.stderr
    assert not (folder / "site").exists()


def test_build_default_output_is_site_beside_notes(notes):
    folder = notes({"2025-03-01.md": "- [x] one\n"})
    result = run("build", str(folder), "--today", "2025-03-01")
    assert result.exit_code == 0, result.output
    assert (folder.parent / "site" / "index.html").is_file()
    assert "Built 1 day, 1 win in " in result.stdout


def test_a_missing_config_file_exits_1_naming_it(notes, tmp_path):
    folder = notes({"2025-03-01.md": "- [x] one\n"})
    for command in ("build", "stats"):
        result = run(command, str(folder), "--config", str(tmp_path / "nope.yaml"))
        assert result.exit_code == 1, result.output
        assert result.stderr == f"Error: {tmp_path / 'nope.yaml'}: no such config file\n"
    assert not (folder.parent / "site").exists()


def test_counts_in_messages_are_words_not_1_days(notes, tmp_path):
    folder = notes({"2025-03-01.md": "- [x] one\n", "ideas.md": "no date here\n"})
    result = run("build", str(folder), "-o", str(tmp_path / "site"), "--today", "2025-03-01")
    assert result.exit_code == 0, result.output
    assert "Built 1 day, 1 win in " in result.stdout
    assert result.stderr.endswith("\n1 warning\n")
    (tmp_path / "site" / "months" / "2025-03.html").unlink()
    result = run("build", str(folder), "-o", str(tmp_path / "site"), "--today", "2025-03-01")
    assert "(1 file written)" in result.stdout
    result = run("check", str(folder))
    assert result.exit_code == 0, result.output
    assert "2025-03-01.md: 1 day 2025-03-01, 1 win\n" in result.stdout
    assert "2 files, 1 day, 1 win\n" in result.stdout


def test_verbose_shows_each_step_but_no_library_debug_lines(tmp_path):
    """-v gives DEBUG to our own loggers only: markdown-it-py's debug lines would flood stderr."""
    result = run("build", str(EXAMPLE), "-o", str(tmp_path / "site"), "--today", EXAMPLE_TODAY, "--no-cache",
                 "-v")
    assert result.exit_code == 0, result.output
    assert "render " in result.stderr and "parse " in result.stderr
    assert "StateBlock" not in result.stderr and "entering" not in result.stderr, result.stderr[:300]
    assert logging.getLogger("markdown_it").getEffectiveLevel() == logging.WARNING
    assert logging.getLogger("generator.build").getEffectiveLevel() == logging.DEBUG
    assert run("list", str(EXAMPLE), "--today", EXAMPLE_TODAY).exit_code == 0
    assert logging.getLogger("generator.build").getEffectiveLevel() == logging.WARNING
