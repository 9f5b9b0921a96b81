"""A locked wall: nothing readable without the passphrase, everything there with it."""

from __future__ import annotations

import base64
import json
import re
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from cryptography.exceptions import InvalidTag

from conftest import EXAMPLE, EXAMPLE_TODAY, wins
from generator.build import collect
from generator.cli import main
from generator.config import load_config
from generator.groups import UNLISTED_TAGS
from generator.lock import ITERATIONS, derive_key, unseal

PASSPHRASE = "a long walk by the river"


def locked_build(out: Path, notes: Path = EXAMPLE, passphrase: str = PASSPHRASE) -> Path:
    wins("build", notes, "-o", out, "--encrypt", "--today", EXAMPLE_TODAY,
         env={"WINS_PASSPHRASE": passphrase})
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return locked_build(tmp_path_factory.mktemp("locked") / "site")


@pytest.fixture(scope="module")
def wall():
    return collect(EXAMPLE, load_config(None, EXAMPLE), date.fromisoformat(EXAMPLE_TODAY)).wall


@cache
def key_for(passphrase: str, salt: str) -> bytes:
    """The key for a build's salt, derived once: every page of a build shares the salt (600,000 rounds)."""
    return derive_key(passphrase, base64.b64decode(salt))


def open_page(path: Path, passphrase: str = PASSPHRASE) -> dict:
    """What a locked page holds (title, body, search index), opened as the browser does."""
    text = path.read_text("utf-8")
    salt = re.search(r'data-salt="([^"]+)"', text)[1]
    sealed = re.search(r'id="sealed"[^>]*>([^<]+)</script>', text)[1]
    return json.loads(unseal(key_for(passphrase, salt), sealed))


def sealed_pages(site: Path) -> dict[str, dict]:
    return {path.name: open_page(path) for path in site.glob("*.html")}


def test_no_win_note_tag_or_date_is_readable(site, wall):
    files = (p.read_bytes() for p in site.rglob("*") if p.is_file())
    everything = b"".join(files).decode("utf-8", "replace")  # the icons are PNG
    for win in wall.wins:
        if len(win.text) > 12:
            assert win.text not in everything
    for tag in {t for w in wall.wins for t in w.tags if len(t) > 3}:
        assert f"#{tag}" not in everything and f"/{tag}." not in everything
    for month in wall.months:
        assert month.key not in everything
    # "Mara" alone is four base64 letters, which random ciphertext holds now and then; her title is not.
    assert "Samaritans" not in everything and "Mara's" not in everything and "Mara&#39;s" not in everything
    assert not (site / "months").exists() and not (site / "tags").exists()
    assert not (site / "search-index.js").exists()


def test_every_page_opens_with_the_passphrase(site, wall):
    pages = sealed_pages(site)
    years = {m.start.year for m in wall.months}
    assert len(pages) == 8 + len(years) + len(wall.months) + len(list({w.category for w in wall.wins})) + len(
        {t for w in wall.wins for t in w.tags} - UNLISTED_TAGS)
    front = pages["index.html"]
    assert front["title"] == "Mara's wall"
    assert wall.latest[0].text.split(".")[0][:20] in front["body"]
    stories = next(p for p in pages.values() if p["title"] == "Your stories · Mara's wall")
    assert "When your mind says" in stories["body"] and "I never do anything" in stories["body"]
    search = next(p for p in pages.values() if p["index"])
    assert any("cactus" in row[3] for row in search["index"])


def test_links_inside_point_at_the_new_names(site):
    pages = sealed_pages(site)
    for page in pages.values():
        for href in re.findall(r'href="(?!https?:|mailto:|tel:)([^"#?]+)', page["body"]):
            assert (site / href).is_file(), href


def test_wrong_passphrase_opens_nothing(site):
    with pytest.raises(InvalidTag):  # the key is wrong, so the page does not open
        open_page(site / "index.html", "not it")
    assert f'data-iterations="{ITERATIONS}"' in (site / "index.html").read_text("utf-8")


def test_each_build_has_a_fresh_salt_and_fresh_ivs(site, tmp_path):
    one = (site / "index.html").read_text("utf-8")
    two = (locked_build(tmp_path / "two") / "index.html").read_text("utf-8")
    assert re.search(r'data-salt="([^"]+)"', one)[1] != re.search(r'data-salt="([^"]+)"', two)[1]
    assert one != two


def test_empty_passphrase_is_refused(tmp_path):
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "-o", str(tmp_path / "s"), "--encrypt"],
                                env={"WINS_PASSPHRASE": ""}, input="\n\n")
    assert result.exit_code != 0
    assert not (tmp_path / "s").exists()


def test_passphrase_is_asked_twice_when_not_in_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("WINS_PASSPHRASE", raising=False)
    out = tmp_path / "site"
    result = CliRunner().invoke(
        main, ["build", str(EXAMPLE), "-o", str(out), "--encrypt", "--today", EXAMPLE_TODAY],
        input=f"{PASSPHRASE}\n{PASSPHRASE}\n",
    )
    assert result.exit_code == 0, result.output
    assert PASSPHRASE not in result.output  # typed without echo
    assert "Repeat for confirmation" in result.output
    assert open_page(out / "index.html")["title"] == "Mara's wall"
