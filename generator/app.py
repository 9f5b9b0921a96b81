"""Take it with you: what installs a locked wall on a phone as an app that opens offline.

A web app manifest, an icon drawn here (SVG, and PNG written with zlib), and a service worker that
keeps every file of the site. Only for `--encrypt` builds: they are the ones meant for a static host,
and what the worker keeps is the locked pages, never their text.
"""

from __future__ import annotations

import hashlib
import json
import re
import struct
import zlib

from jinja2 import Environment

APP_NAME = "Evidence Wall"
"""The app's name on the home screen: the wall's own title is sealed inside its pages, so not this."""
SHORT_NAME = "Wall"
ICON_SIZES = (192, 512)
# A small brick wall, as (x, y, width, height) in parts of the icon's side, all inside the middle
# 80 % circle that a "maskable" icon must keep its drawing in.
BRICKS = (
    (0.22, 0.31, 0.26, 0.1), (0.52, 0.31, 0.26, 0.1),
    (0.22, 0.45, 0.11, 0.1), (0.37, 0.45, 0.26, 0.1), (0.67, 0.45, 0.11, 0.1),
    (0.22, 0.59, 0.26, 0.1), (0.52, 0.59, 0.26, 0.1),
)
STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
MEDIA_BLOCK = re.compile(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}")
FALLBACK = {"bg": "#ffffff", "accent": "#2f6f62"}


def app_files(files: dict[str, bytes], env: Environment) -> dict[str, bytes]:
    """The manifest, the icons, the script that installs and the service worker, for these files."""
    colours = theme_colours(files)
    made = {
        "manifest.webmanifest": manifest(colours["bg"]),
        "icon.svg": svg_icon(colours["accent"], colours["bg"]).encode("utf-8"),
        **{f"icon-{size}.png": png_icon(size, colours["accent"], colours["bg"]) for size in ICON_SIZES},
    }
    made["install.js"] = env.get_template("app/install.js").render().encode("utf-8")
    return made | {"sw.js": service_worker(files | made, env)}


def theme_colours(files: dict[str, bytes]) -> dict[str, str]:
    """The background and accent colours the front page always has (none set in a media query)."""
    colours = dict(FALLBACK)
    for href in STYLESHEET.findall(files.get("index.html", b"").decode("utf-8")):
        css = MEDIA_BLOCK.sub("", files.get(href, b"").decode("utf-8", "replace"))
        for name in colours:
            found = re.findall(rf"--{name}:\s*(#[0-9a-fA-F]{{3,8}})\s*;", css)
            colours[name] = found[-1] if found else colours[name]
    return colours


def manifest(background: str) -> bytes:
    """The web app manifest: opens the front page full screen, in the theme's colours."""
    icons = [{"src": "icon.svg", "sizes": "any", "type": "image/svg+xml"}]
    icons += [{"src": f"icon-{s}.png", "sizes": f"{s}x{s}", "type": "image/png"} for s in ICON_SIZES]
    icons.append({"src": f"icon-{ICON_SIZES[-1]}.png", "sizes": f"{ICON_SIZES[-1]}x{ICON_SIZES[-1]}",
                  "type": "image/png", "purpose": "maskable"})
    data = {
        "name": APP_NAME, "short_name": SHORT_NAME, "start_url": ".", "scope": ".", "display": "standalone",
        "background_color": background, "theme_color": background, "icons": icons,
    }
    return (json.dumps(data, indent=2) + "\n").encode("utf-8")


def svg_icon(ground: str, brick: str) -> str:
    """The icon as SVG: bricks on a full square (the phone rounds its corners)."""
    rects = "".join(
        f'<rect x="{x * 100:g}" y="{y * 100:g}" width="{w * 100:g}" height="{h * 100:g}"/>'
        for x, y, w, h in BRICKS)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
            f'<rect width="100" height="100" fill="{ground}"/><g fill="{brick}">{rects}</g></svg>\n')


def png_icon(size: int, ground: str, brick: str) -> bytes:
    """The same icon as a size × size PNG (8-bit RGB), drawn row by row."""
    back, front = rgb(ground), rgb(brick)
    boxes = [[round(v * size) for v in box] for box in BRICKS]
    rows = []
    for y in range(size):
        row = bytearray(back * size)
        for x, top, width, height in boxes:
            if top <= y < top + height:
                row[x * 3:(x + width) * 3] = front * width
        rows.append(b"\0" + bytes(row))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header)
            + png_chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + png_chunk(b"IEND", b""))


def png_chunk(kind: bytes, data: bytes) -> bytes:
    """One PNG chunk: length, type, data and the CRC of type and data."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def rgb(colour: str) -> bytes:
    """#abc or #aabbcc (an alpha part is dropped) → three bytes."""
    hex_digits = colour.lstrip("#")
    if len(hex_digits) in (3, 4):
        hex_digits = "".join(c * 2 for c in hex_digits)
    return bytes.fromhex(hex_digits[:6])


def service_worker(files: dict[str, bytes], env: Environment) -> bytes:
    """The service worker: every file of the site, named as written, and a digest of them all."""
    names = sorted(files)
    sha = hashlib.sha256()
    for name in names:
        sha.update(name.encode("utf-8") + b"\0" + hashlib.sha256(files[name]).digest())
    script = env.get_template("app/sw.js").render(files=names, version=sha.hexdigest()[:16])
    return script.encode("utf-8")
