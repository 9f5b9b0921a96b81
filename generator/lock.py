"""Lock a rendered site behind a passphrase: every page's content sealed with AES-256-GCM.

The key comes from PBKDF2-SHA256 (600,000 iterations, a fresh random salt per build); every page
gets a fresh IV. Pages are renamed to random names so not even the list of months or tags shows,
and each becomes a small shell that asks for the passphrase and opens itself in the browser.
"""

from __future__ import annotations

import base64
import hashlib
import json
import posixpath
import re
import secrets
from html import unescape as html_unescape

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

ITERATIONS = 600_000
SALT_BYTES = 16
IV_BYTES = 12
INDEX_PREFIX = "window.EVIDENCE_INDEX = "

TITLE = re.compile(r"<title>(.*?)</title>", re.S)
BODY = re.compile(r"<body([^>]*)>(.*)</body>", re.S)
LINK = re.compile(r'\b(href|src)="([^"#?:]*)([?#][^"]*)?"')
SCRIPT = re.compile(r'<script src="[^"]*search-index\.js"></script>')


def derive_key(passphrase: str, salt: bytes) -> bytes:
    """The 256-bit AES key for a passphrase and salt."""
    return hashlib.pbkdf2_hmac("sha256", passphrase.encode("utf-8"), salt, ITERATIONS, 32)


def seal(key: bytes, data: bytes) -> str:
    """Encrypt data under a fresh IV; return base64 of IV + ciphertext (with its tag)."""
    iv = secrets.token_bytes(IV_BYTES)
    return base64.b64encode(iv + AESGCM(key).encrypt(iv, data, None)).decode("ascii")


def unseal(key: bytes, sealed: str) -> bytes:
    """The inverse of seal (used by tests; browsers do this with WebCrypto)."""
    raw = base64.b64decode(sealed)
    return AESGCM(key).decrypt(raw[:IV_BYTES], raw[IV_BYTES:], None)


def opaque_names(pages: list[str]) -> dict[str, str]:
    """Give every page but the front page a random name in the site's top folder."""
    return {p: "index.html" if p == "index.html" else f"{secrets.token_hex(8)}.html" for p in pages}


def relink(html: str, page: str, names: dict[str, str]) -> str:
    """Point every relative link of a page at the new flat, random names."""
    folder = posixpath.dirname(page)

    def swap(m: re.Match) -> str:
        attr, path, rest = m[1], m[2], m[3] or ""
        if not path:
            return m[0]
        target = posixpath.normpath(posixpath.join(folder, path))
        return f'{attr}="{names.get(target, target)}{rest}"'

    return LINK.sub(swap, html)


def payload(html: str, index: object | None) -> bytes:
    """The part of a page that gets sealed: its title, body and (for search) the index."""
    title, body = TITLE.search(html), BODY.search(html)
    data = {
        "title": html_unescape(title[1]) if title else "",
        "bodyClass": (re.search(r'class="([^"]*)"', body[1]) or [None, ""])[1] if body else "",
        "body": SCRIPT.sub("", body[2]) if body else html,
        "index": index if body and SCRIPT.search(body[2]) else None,
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def lock_site(files: dict[str, bytes], passphrase: str, shell) -> dict[str, bytes]:
    """Return the locked site: shells with sealed pages, plus the untouched theme assets.

    `shell(sealed=..., salt=..., iterations=...)` renders one locked page.
    """
    salt = secrets.token_bytes(SALT_BYTES)
    key = derive_key(passphrase, salt)
    index_js = files.get("search-index.js", b"").decode("utf-8")
    index = json.loads(index_js[len(INDEX_PREFIX):].rstrip().rstrip(";")) if index_js else None
    pages = sorted(p for p in files if p.endswith(".html"))
    names = opaque_names(pages)
    locked = {p: d for p, d in files.items() if not p.endswith(".html") and p != "search-index.js"}
    salt_text = base64.b64encode(salt).decode("ascii")
    for page in pages:
        html = relink(files[page].decode("utf-8"), page, names)
        sealed = seal(key, payload(html, index))
        locked[names[page]] = shell(sealed=sealed, salt=salt_text, iterations=ITERATIONS).encode("utf-8")
    return locked
