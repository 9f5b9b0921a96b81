"""`wins import`: phone-notes app exports → daily notes, appended once, on the local calendar day.

Fixture exports in tests/fixtures/imports/ are small files written for these tests in each app's
documented format. Every test runs in New York time (UTC-5 in early March 2024) unless it says
otherwise, so a note written late in the evening there is already the next day in UTC.
"""

from __future__ import annotations

import json
import os
import time
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.importers import SOURCES, import_export
from generator.importers.daily import format_tags, make_marker
from generator.markdown import note_html
from generator.win_rules import judge, read_tags

FIXTURES = Path(__file__).parent / "fixtures" / "imports"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "google-keep-takeout"


def set_zone(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setenv("TZ", name)
    time.tzset()


@pytest.fixture(autouse=True)
def new_york(monkeypatch: pytest.MonkeyPatch):
    set_zone(monkeypatch, "America/New_York")
    yield
    monkeypatch.undo()
    time.tzset()


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def read_folder(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text("utf-8") for p in sorted(folder.rglob("*.md"))}


# ---------------------------------------------------------------------------------------------
# Each app's format rules: the exact daily notes one fixture export becomes

EXPECTED = {
    "keep": {
        # Two notes on one day, oldest first; the second was written at 02:30 UTC on 5 March,
        # 21:30 on 4 March in New York. Labels become #tags (on each item of a checklist),
        # the title a `## ` heading; the trashed note and the broken file are left out.
        "2024-03-04.md": (
            "[//]: #imported/keep/1709564400000000\n\n"
            "## Walk by the river\nGot outside for 20 minutes.\nSaw a heron\n"
            "#outdoors #label-with-symbols\n\n"
            "[//]: #imported/keep/1709605800000000\n\n"
            "## Small wins\n- [x] Showered #self-care\n- [x] Took my meds #self-care\n"
            "- [ ] Call the bank #self-care\n"
        ),
        "2024-03-06.md": "[//]: #imported/keep/1709733600000000\n\n(a quick one)\nTexted Ana back\n",
    },
    "simplenote": {
        "2024-03-04.md": (
            "[//]: #imported/simplenote/a1b2c3d4e5\n\n"
            "Groceries\n- [x] put them all away #errands #home\n- bought fruit #errands #home\n"
        ),
        "2024-03-06.md": (
            "[//]: #imported/simplenote/f6e7d8c9b0\n\nFinally replied to the email\nIt was fine.\n"
        ),
    },
    "dayone": {
        # The first entry's own zone (Tokyo) puts it on 5 March; the second has no zone, so
        # New York's: 02:00 UTC on 6 March is 21:00 on the 5th. Escapes are undone.
        "2024-03-05.md": (
            "[//]: #imported/dayone/0f1e2d3c4b5a69788796a5b4c3d2e1f0\n\n"
            "Made a doctor's appointment. Felt relieved.\n\n- walked to the shop #health #starred\n\n"
            "[//]: #imported/dayone/11112222333344445555666677778888\n\nCooked dinner\n"
        ),
    },
    "text": {
        "2024-03-04.md": "[//]: #imported/text/phone-notes-2024-03-04\n\n- called mum\n",
        "2024-03-05.md": (
            "[//]: #imported/text/phone-notes-2024-03-05\n\n- sorted the recycling\n- and took the bins out\n"
        ),
        "2024-03-06.md": "[//]: #imported/text/phone-notes-2024-03-06\n\n- went for a walk\n",
        "2024-03-07.md": "[//]: #imported/text/phone-notes-2024-03-07\n\n- read a chapter\n",
    },
}


@pytest.mark.parametrize("source", sorted(EXPECTED))
def test_each_export_becomes_these_daily_notes(source, tmp_path):
    notes = tmp_path / "notes"
    result = run("import", source, str(FIXTURES / source), "--into", str(notes))
    assert result.exit_code == 0, result.output
    assert read_folder(notes) == EXPECTED[source]
    for name in EXPECTED[source]:
        assert f"{name}: created" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("Imported ")


def test_the_command_offers_every_importer():
    command = main.commands["import"]
    assert tuple(command.params[0].type.choices) == SOURCES


@pytest.mark.parametrize("name, tag", [
    ("Self care", "#self-care"),
    ("Work/Projects", "#work/projects"),
    ("Underscored_Label", "#underscored_label"),
    ("labelWith!'@:$\"Symbols", "#labelwith-symbols"),
    ("  spaced  out  ", "#spaced-out"),
    ("Café", "#café"),
    ("2024", None),  # a bare number is not a tag to the notes reader
    ("!!!", None),
])
def test_labels_become_tags_the_reader_reads_back(name, tag):
    assert format_tags([name]) == ([tag] if tag else [])
    if tag:
        assert read_tags(tag) == (tag[1:],)


# ---------------------------------------------------------------------------------------------
# Local calendar days, never the UTC date


@pytest.mark.parametrize("zone, day", [
    ("America/New_York", "2024-03-04"),  # 02:30 UTC on the 5th is 21:30 on the 4th
    ("UTC", "2024-03-05"),
    ("Australia/Sydney", "2024-03-05"),
])
def test_a_keep_note_lands_on_the_machines_local_day(zone, day, tmp_path, monkeypatch):
    set_zone(monkeypatch, zone)
    notes = tmp_path / "notes"
    import_export("keep", FIXTURES / "keep" / "Small wins.json", notes)
    assert list(read_folder(notes)) == [f"{day}.md"]


@pytest.mark.parametrize("zone, day", [
    ("America/New_York", "2024-03-04"),  # 03:15 UTC on the 5th is 22:15 on the 4th
    ("Europe/London", "2024-03-05"),
])
def test_a_simplenote_note_lands_on_the_machines_local_day(zone, day, tmp_path, monkeypatch):
    set_zone(monkeypatch, zone)
    notes = tmp_path / "notes"
    import_export("simplenote", FIXTURES / "simplenote", notes)
    assert f"{day}.md" in read_folder(notes)
    assert "Groceries" in read_folder(notes)[f"{day}.md"]


def test_a_day_one_entry_keeps_its_own_time_zone_wherever_it_is_imported(tmp_path, monkeypatch):
    set_zone(monkeypatch, "America/Los_Angeles")
    notes = tmp_path / "notes"
    import_export("dayone", FIXTURES / "dayone", notes)
    written = read_folder(notes)
    assert "doctor's appointment" in written["2024-03-05.md"]  # Tokyo's day, not Los Angeles'
    assert "Cooked dinner" in written["2024-03-05.md"]  # no zone: 18:00 on the 5th here


# ---------------------------------------------------------------------------------------------
# Never overwrite, never twice


@pytest.mark.parametrize("old", [
    b"# Monday\n- [x] made tea\n",
    b"# Monday\n- [x] made tea",  # no line end at the end
    b"# Monday\r\n- [x] made tea\r\n",
    b"",
])
def test_an_existing_day_keeps_its_bytes_and_gets_the_block_at_its_end(old, tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "2024-03-06.md").write_bytes(old)
    result = run("import", "keep", str(FIXTURES / "keep"), "--into", str(notes))
    assert result.exit_code == 0, result.output
    assert "2024-03-06.md: appended" in result.stdout
    new = (notes / "2024-03-06.md").read_bytes()
    assert new.startswith(old)
    end = b"\r\n" if b"\r\n" in old else b"\n"
    added = new[len(old):]
    if old:
        assert added.startswith(end if old.endswith(b"\n") else end * 2)
    assert added.strip().splitlines() == [
        b"[//]: #imported/keep/1709733600000000", b"", b"(a quick one)", b"Texted Ana back",
    ]


def test_importing_again_adds_nothing_and_says_so(tmp_path):
    notes = tmp_path / "notes"
    first = run("import", "keep", str(FIXTURES / "keep"), "--into", str(notes))
    assert first.exit_code == 0, first.output
    before = {p: p.read_bytes() for p in notes.iterdir()}
    again = run("import", "keep", str(FIXTURES / "keep"), "--into", str(notes))
    assert again.exit_code == 0, again.output
    assert {p: p.read_bytes() for p in notes.iterdir()} == before
    assert again.stdout.splitlines() == [
        "2024-03-04.md: already there",
        "2024-03-06.md: already there",
        "Imported 0 notes (0 daily notes created, 0 appended to); 3 notes already there",
    ]


def test_a_partly_imported_day_gets_only_what_it_lacks(tmp_path):
    notes = tmp_path / "notes"
    import_export("keep", FIXTURES / "keep" / "Small wins.json", notes)
    result = run("import", "keep", str(FIXTURES / "keep"), "--into", str(notes))
    assert result.exit_code == 0, result.output
    assert "2024-03-04.md: appended\n" in result.stdout
    text = (notes / "2024-03-04.md").read_text("utf-8")
    assert text.count("Small wins") == 1 and text.count("Walk by the river") == 1


# ---------------------------------------------------------------------------------------------
# Bad input is survivable; the trash stays in the trash


def test_a_broken_file_is_one_warning_and_the_rest_still_imports(tmp_path):
    result = run("import", "keep", str(FIXTURES / "keep"), "--into", str(tmp_path / "notes"))
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1
    assert "Broken.json" in warnings[0] and "not valid JSON" in warnings[0]
    assert "Imported 3 notes" in result.stdout


@pytest.mark.parametrize("source, name, text, warning", [
    ("simplenote", "notes.json", "{", "not valid JSON"),
    ("simplenote", "notes.json", '{"notes": []}', "is not a Simplenote note (no 'activeNotes' field)"),
    ("dayone", "Journal.json", '{"entries": [{"text": "no date"}]}', "is not a Day One entry"),
    ("text", "notes.txt", "no dates here at all\n", "has no dated lines"),
    ("text", "notes.txt", b"2024-03-04: caf\xe9\n", "is not valid UTF-8"),
])
def test_unusable_input_is_warned_with_its_file_name(source, name, text, warning, tmp_path):
    export = tmp_path / name
    export.write_bytes(text if isinstance(text, bytes) else text.encode())
    result = run("import", source, str(export), "--into", str(tmp_path / "notes"))
    some = warning == "is not valid UTF-8"  # that line is still imported; the rest import nothing
    assert result.exit_code == (0 if some else 1), result.output
    assert ("nothing was imported" in result.stderr) != some
    assert f"warning: {export}" in result.stderr
    assert warning in result.stderr


def test_a_day_one_entry_without_a_readable_date_is_skipped_and_named(tmp_path):
    result = run("import", "dayone", str(FIXTURES / "dayone"), "--into", str(tmp_path / "notes"))
    assert result.exit_code == 0, result.output
    assert "Journal.json, note 3: is not a Day One entry" in result.stderr
    assert "Imported 2 notes" in result.stdout


@pytest.mark.parametrize("source", ["keep", "simplenote"])
def test_trashed_notes_are_left_out(source, tmp_path):
    notes = tmp_path / "notes"
    import_export(source, FIXTURES / source, notes)
    assert not any("TRASHED" in text for text in read_folder(notes).values())


def test_a_missing_export_is_exit_1_with_a_clear_message(tmp_path):
    result = run("import", "keep", str(tmp_path / "Takeout"), "--into", str(tmp_path / "notes"))
    assert result.exit_code == 1, result.output
    assert "Takeout: no such file or folder" in result.stderr
    assert not (tmp_path / "notes").exists()


def test_a_folder_where_a_daily_note_should_be_is_one_error_naming_it(tmp_path):
    notes = tmp_path / "notes"
    (notes / "2024-03-06.md").mkdir(parents=True)
    result = run("import", "keep", str(FIXTURES / "keep"), "--into", str(notes))
    assert result.exit_code == 1, result.output
    assert result.stderr == f"Error: {notes / '2024-03-06.md'}: could not write (Is a directory)\n"
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_notes_folder_that_cannot_be_written_is_one_error_naming_the_note(tmp_path, monkeypatch):
    opened = Path.open

    def read_only(path, mode="r", *args, **kwargs):
        if any(flag in mode for flag in "wax"):
            raise PermissionError(13, "Permission denied", str(path))
        return opened(path, mode, *args, **kwargs)

    notes = tmp_path / "notes"
    notes.mkdir()
    monkeypatch.setattr(Path, "open", read_only)
    result = run("import", "keep", str(FIXTURES / "keep"), "--into", str(notes))
    assert result.exit_code == 1, result.output
    assert result.stderr == f"Error: {notes / '2024-03-04.md'}: could not write (Permission denied)\n"
    assert result.exception is None or isinstance(result.exception, SystemExit)


# ---------------------------------------------------------------------------------------------
# The marker: invisible on the site, never a win, and it hides nothing after it


def test_the_marker_renders_to_nothing_and_is_never_a_win():
    marker = make_marker("keep", "Drawings (multiple) note")
    assert marker == "[//]: #imported/keep/drawings-multiple-note"
    assert note_html(marker + "\n", frozenset()) == ""
    assert judge(marker).kind == "blank"  # so not a win even under a "Wins" heading
    assert "(aside)" in note_html(marker + "\n\n(aside)\n", frozenset())


def test_a_block_appended_under_a_wins_heading_adds_no_stray_win(tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "2024-03-06.md").write_text("## Wins\n- made tea\n", encoding="utf-8")
    import_export("keep", FIXTURES / "keep", notes)
    result = run("list", str(notes), "--json", "--today", "2024-03-10")
    assert result.exit_code == 0, result.output
    texts = [w["text"] for w in json.loads(result.stdout) if w["date"] == "2024-03-06"]
    assert "made tea" in texts and not any("imported" in t for t in texts)


# ---------------------------------------------------------------------------------------------
# The folder's own layout


def test_a_logseq_folder_gets_journals_pages(tmp_path):
    notes = tmp_path / "graph"
    (notes / "journals").mkdir(parents=True)
    (notes / "journals" / "2024_03_01.md").write_text("- DONE made tea\n", encoding="utf-8")
    import_export("keep", FIXTURES / "keep", notes)
    assert list(read_folder(notes)) == [
        "journals/2024_03_01.md", "journals/2024_03_04.md", "journals/2024_03_06.md",
    ]


def test_a_new_note_follows_the_newest_notes_name_and_front_matter_and_a_day_keeps_its_note(tmp_path):
    notes = tmp_path / "notes"
    (notes / "2024" / "03").mkdir(parents=True)
    (notes / "2024" / "03" / "07.md").write_text("---\nmood: 3\n---\n- made tea\n", encoding="utf-8")
    (notes / "2024" / "03" / "06.md").write_text("- slept in\n", encoding="utf-8")
    (notes / "bank-statement-2024-03-06.txt").write_text("balance\n", encoding="utf-8")
    import_export("keep", FIXTURES / "keep", notes)
    written = read_folder(notes)
    assert written["2024/03/04.md"].startswith("---\ndate: 2024-03-04\n---\n\n[//]: #imported/keep/")
    assert written["2024/03/06.md"].startswith("- slept in\n\n[//]: #imported/keep/")
    assert sorted(written) == ["2024/03/04.md", "2024/03/06.md", "2024/03/07.md"]
    assert (notes / "bank-statement-2024-03-06.txt").read_text() == "balance\n"  # dated, but no daily note


# ---------------------------------------------------------------------------------------------
# Text: the notes reader's own date rules


@pytest.mark.parametrize("text, order, expected", [
    ("2024-03-04: called mum\n", "mdy", {"2024-03-04": ["- called mum"]}),
    ("2024-03-04: a\n3/5 - b\n", "mdy", {"2024-03-04": ["- a"], "2024-03-05": ["- b"]}),
    ("2024-03-04: a\n3/5 - b\n", "dmy", {"2024-03-04": ["- a"], "2024-05-03": ["- b"]}),
    ("Mar 6: went for a walk\n", "mdy", {"2023-03-06": ["- went for a walk"]}),  # the file's year
    ("[2024-03-07 08:15 PM] read a chapter\n", "mdy", {"2024-03-07": ["- read a chapter"]}),
    ("## 2024-03-04\n* [x] ticked\n\nplain line\n", "mdy", {"2024-03-04": ["- [x] ticked", "- plain line"]}),
    ("2024-03-04: a\n2024-03-05: b\n2024-03-04: c\n", "mdy",
     {"2024-03-04": ["- a", "- c"], "2024-03-05": ["- b"]}),
])
def test_text_lines_become_items_on_the_day_they_name(text, order, expected, tmp_path):
    export = tmp_path / "pasted.txt"
    export.write_text(text, encoding="utf-8")
    stamp = datetime(2023, 6, 1).timestamp()
    os.utime(export, (stamp, stamp))
    notes = tmp_path / "notes"
    result = run("import", "text", str(export), "--into", str(notes), "--date-order", order)
    assert result.exit_code == 0, result.output
    assert {
        name.removesuffix(".md"): body.split("\n\n", 1)[1].splitlines()
        for name, body in read_folder(notes).items()
    } == expected


def test_text_date_order_defaults_to_the_notes_settings(tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "wall.yaml").write_text("date_order: dmy\n", encoding="utf-8")
    export = tmp_path / "pasted.txt"
    export.write_text("2024-03-04: a\n3/5 - b\n", encoding="utf-8")
    result = run("import", "text", str(export), "--into", str(notes))
    assert result.exit_code == 0, result.output
    assert "2024-05-03.md: created" in result.stdout


# ---------------------------------------------------------------------------------------------
# End to end: imported notes are on the wall


def test_checked_keep_items_are_wins_and_open_ones_are_not(tmp_path):
    notes = tmp_path / "notes"
    assert run("import", "keep", str(FIXTURES / "keep"), "--into", str(notes)).exit_code == 0
    result = run("list", str(notes), "--json", "--today", "2024-03-10")
    assert result.exit_code == 0, result.output
    wins = [(w["date"], w["text"], w["category"], w["tags"]) for w in json.loads(result.stdout)]
    assert ("2024-03-04", "Showered", "self-care", ["self-care"]) in wins
    assert ("2024-03-04", "Took my meds", "self-care", ["self-care"]) in wins
    assert not any("Call the bank" in w[1] or "imported" in w[1] for w in wins)


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"public Keep export not found at {CORPUS}")
def test_every_note_of_a_real_keep_export_lands_on_a_day(tmp_path, monkeypatch):
    set_zone(monkeypatch, "Australia/Sydney")  # where the corpus was written (+10:00)
    exported = {}
    for path in CORPUS.glob("*.json"):
        try:
            exported[path.name] = json.loads(path.read_text("utf-8"))
        except ValueError:
            continue  # a broken file: warned about, checked below
    kept = [n for n in exported.values() if not n.get("isTrashed")]
    notes = tmp_path / "notes"
    imported = import_export("keep", CORPUS, notes)
    assert len(imported.problems) == len(list(CORPUS.glob("*.json"))) - len(exported)
    written = "\n".join(read_folder(notes).values())
    for note in kept:
        assert make_marker("keep", str(note["createdTimestampUsec"])) in written
    for note in exported.values():
        if note.get("isTrashed"):
            assert note["textContent"] not in written
    result = run("list", str(notes), "--json", "--today", "2024-01-01")
    assert result.exit_code == 0, result.output


# ---------------------------------------------------------------------------------------------
# The files the apps give: .zip exports, the wrong app's export, lists that are not deeds


def zipped(tmp_path: Path, name: str, members: dict[str, Path | bytes]) -> Path:
    import zipfile

    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for inside, data in members.items():
            archive.writestr(inside, data if isinstance(data, bytes) else data.read_bytes())
    return path


@pytest.mark.parametrize("source, name, members", [
    ("keep", "takeout-20240310.zip", {f"Takeout/Keep/{p.name}": p for p in (FIXTURES / "keep").iterdir()}
     | {"Takeout/Keep/Walk by the river.html": b"<html></html>", "Takeout/archive_browser.html": b"<html>"}),
    ("simplenote", "notes.zip", {"source/notes.json": FIXTURES / "simplenote" / "notes.json",
                                 "Groceries.txt": b"eggs\n"}),
    ("dayone", "Export-Journal.zip", {"Journal.json": FIXTURES / "dayone" / "Journal.json",
                                      "photos/a1.jpeg": b"\xff\xd8\xff"}),
])
def test_a_zip_export_imports_as_its_unpacked_files_do(source, name, members, tmp_path):
    archive = zipped(tmp_path, name, members)
    result = run("import", source, str(archive), "--into", str(tmp_path / "from-zip"))
    assert result.exit_code == 0, result.output
    import_export(source, FIXTURES / source, tmp_path / "from-folder")
    assert read_folder(tmp_path / "from-zip") == read_folder(tmp_path / "from-folder")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, "from-zip", "from-folder"])


def test_a_zip_bomb_is_refused_before_it_is_read_whole(tmp_path, monkeypatch):
    import generator.importers.export as export

    monkeypatch.setattr(export, "MAX_UNPACKED", 1000)
    archive = zipped(tmp_path, "notes.zip", {"source/notes.json": b"{" + b" " * 5000 + b"}"})
    result = run("import", "simplenote", str(archive), "--into", str(tmp_path / "notes"))
    assert result.exit_code == 1 and "unpack it yourself" in result.stderr
    assert not (tmp_path / "notes").exists()


@pytest.mark.parametrize("source, path, app", [
    ("keep", FIXTURES / "dayone" / "Journal.json", "dayone"),
    ("simplenote", FIXTURES / "dayone", "dayone"),
    ("dayone", FIXTURES / "simplenote" / "notes.json", "simplenote"),
    ("simplenote", FIXTURES / "keep" / "Small wins.json", "keep"),
])
def test_the_wrong_apps_export_says_which_app_it_looks_like(source, path, app, tmp_path):
    result = run("import", source, str(path), "--into", str(tmp_path / "notes"))
    assert result.exit_code == 1, result.output
    assert f"try `wins import {app} {path}" in result.stderr
    assert not (tmp_path / "notes").exists()


def test_a_shopping_list_is_not_imported_as_wins_but_a_grocery_trip_is(tmp_path):
    notes = [{"id": name, "creationDate": "2024-03-04T12:00:00Z", "content": content} for name, content in [
        ("list", "Groceries\neggs\nmilk\noat milk"),
        ("checklist", "## To buy\n- [ ] bread\n- [x] tea"),
        ("trip", "Groceries\n- bought fruit\n- put it away"),
    ]]
    export = tmp_path / "notes.json"
    export.write_text(json.dumps({"activeNotes": notes}))
    result = run("import", "simplenote", str(export), "--into", str(tmp_path / "notes"))
    assert result.exit_code == 0, result.output
    assert result.stderr.count("is a shopping or reference list") == 2
    wins = run("list", str(tmp_path / "notes"), "--json", "--today", "2024-03-05")
    assert [w["text"] for w in json.loads(wins.stdout)] == ["bought fruit", "put it away"]
