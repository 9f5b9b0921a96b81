"""Take it with you: a locked wall carries a manifest, icons and a service worker that keeps every file."""

from __future__ import annotations

import json
import re
import struct
import zlib
from pathlib import Path

import pytest

from conftest import EXAMPLE, EXAMPLE_TODAY, site_files, wins
from generator.app import app_files, png_icon, theme_colours
from generator.theme import find_theme, make_env, theme_assets

CSP = re.compile(r'http-equiv="Content-Security-Policy" content="([^"]*)"')
APP_FILES = {"manifest.webmanifest", "icon.svg", "icon-192.png", "icon-512.png", "install.js", "sw.js"}


@pytest.fixture(scope="module")
def locked(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("app") / "site"
    wins("build", EXAMPLE, "-o", out, "--encrypt", "--today", EXAMPLE_TODAY, "-q",
         env={"WINS_PASSPHRASE": "a kettle on the stove"})
    return out


def theme_site(theme: str) -> dict[str, bytes]:
    """The theme's own files and a front page that links its stylesheets."""
    folder = find_theme(theme)
    return dict(theme_assets(folder)) | {"index.html": make_env(folder).get_template("head.html").render(
        root="").encode("utf-8")}


def made_for(theme: str, files: dict[str, bytes] | None = None) -> dict[str, bytes]:
    """The app files for a site of these files (theme_site when None) in a theme."""
    return app_files(theme_site(theme) if files is None else files, make_env(find_theme(theme)))


def precached(sw: bytes) -> list[str]:
    return json.loads(re.search(rb"var FILES = (\[.*?\]);", sw)[1])


def test_a_locked_site_gains_the_app_files(locked):
    assert {p.name for p in locked.iterdir()} >= APP_FILES


def test_a_plain_site_does_not(example_site):
    assert not APP_FILES & {p.name for p in example_site.iterdir()}


def test_the_service_worker_keeps_every_file_of_the_site_by_its_written_name(locked):
    files = set(site_files(locked)) - {".evidence-wall", "sw.js"}
    assert sorted(precached((locked / "sw.js").read_bytes())) == sorted(files)


def test_the_manifest_opens_the_front_page_as_an_app_and_names_no_title(locked):
    data = json.loads((locked / "manifest.webmanifest").read_text("utf-8"))
    assert (data["start_url"], data["scope"], data["display"]) == (".", ".", "standalone")
    assert data["name"] == "Evidence Wall"  # the wall's own title ("Mara's wall") stays sealed
    assert {"192x192", "512x512"} <= {icon["sizes"] for icon in data["icons"]}
    assert all((locked / icon["src"]).is_file() for icon in data["icons"])


@pytest.mark.parametrize("theme, background, accent", [
    ("default", "#faf7f2", "#2f6f62"),  # light: dark.css applies only when the system asks
    ("dark", "#17171c", "#7fd1b9"),
    ("contrast", "#ffffff", "#003f8a"),  # its dark colours sit in a media query
])
def test_colours_come_from_the_theme(theme, background, accent):
    assert theme_colours(theme_site(theme)) == {"bg": background, "accent": accent}
    manifest = json.loads(made_for(theme)["manifest.webmanifest"])
    assert (manifest["background_color"], manifest["theme_color"]) == (background, background)
    assert f'fill="{accent}"' in made_for(theme)["icon.svg"].decode("utf-8")


def test_only_locked_pages_allow_a_manifest_and_a_worker_from_beside_them(locked, example_site):
    plain = {CSP.search((example_site / p).read_text("utf-8"))[1] for p in ("index.html", "timeline.html")}
    assert len(plain) == 1 and "manifest-src" not in next(iter(plain))
    pages = {CSP.search(p.read_text("utf-8"))[1] for p in locked.glob("*.html")}
    assert pages == {next(iter(plain)) + "; manifest-src 'self'; worker-src 'self'"}


@pytest.mark.parametrize("size", [1, 48, 192, 512])
def test_icons_are_valid_png(size):
    data = png_icon(size, "#2f6f62", "#faf7f2")
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, at = [], 8
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body, crc = data[at + 8:at + 8 + length], data[at + 8 + length:at + 12 + length]
        assert struct.pack(">I", zlib.crc32(kind + body)) == crc, kind
        chunks.append((kind, body))
        at += 12 + length
    assert [k for k, _ in chunks] == [b"IHDR", b"IDAT", b"IEND"]
    assert struct.unpack(">IIBBBBB", chunks[0][1]) == (size, size, 8, 2, 0, 0, 0)
    rows = zlib.decompress(chunks[1][1])
    assert len(rows) == size * (1 + 3 * size) and rows[0] == 0
    assert rows[1:4] == bytes.fromhex("2f6f62")  # a corner is the ground colour


def test_same_files_same_bytes_and_any_change_a_new_cache_version():
    one, two = made_for("default"), made_for("default")
    assert one == two
    site = theme_site("default")
    changed = made_for("default", site | {"style.css": site["style.css"] + b"/* new */"})
    version = re.compile(rb'var VERSION = "([0-9a-f]+)"')
    assert version.search(one["sw.js"])[1] != version.search(changed["sw.js"])[1]


def test_the_page_script_installs_only_when_served_over_http():
    script = made_for("default")["install.js"].decode("utf-8")
    assert script.index("location.protocol") < script.index("serviceWorker.register")
    assert "/^https?:$/" in script
