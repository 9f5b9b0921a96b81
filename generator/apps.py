"""Where a notes app puts its daily notes, read from its own settings: a Logseq graph, an Obsidian vault.

`wins init` and `wins add` follow it, so today's note goes where the app would put it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

LOGSEQ = "logseq/config.edn"
OBSIDIAN = ".obsidian/daily-notes.json"
# Each app's date tokens in strftime's words; a format with any other letter is not followed.
MOMENT = {"YYYY": "%Y", "MM": "%m", "DD": "%d"}
JAVA = {"yyyy": "%Y", "MM": "%m", "dd": "%d"}
EDN_FORMAT = re.compile(r':journal/file-name-format\s+"([^"]*)"')
EDN_FOLDER = re.compile(r':journals-directory\s+"([^"]*)"')


def app_pattern(notes: Path) -> str | None:
    """The path pattern (strftime) of the daily notes the folder's app makes, or None for no known app."""
    if (notes / LOGSEQ).is_file():
        edn = (notes / LOGSEQ).read_text("utf-8", errors="replace")
        folder = first_match(EDN_FOLDER, edn) or "journals"
        return f"{folder}/{to_strftime(first_match(EDN_FORMAT, edn) or 'yyyy_MM_dd', JAVA) or '%Y_%m_%d'}.md"
    if (notes / ".obsidian").is_dir():
        settings = read_json(notes / OBSIDIAN)
        folder = str(settings.get("folder") or "").strip("/")
        name = to_strftime(str(settings.get("format") or "YYYY-MM-DD"), MOMENT) or "%Y-%m-%d"
        return f"{folder}/{name}.md" if folder else f"{name}.md"
    return None


def first_match(pattern: re.Pattern, text: str) -> str | None:
    match = pattern.search(text)
    return match[1] if match else None


def read_json(path: Path) -> dict:
    """A settings file's JSON object; an empty one when it is missing or not JSON."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def to_strftime(app_format: str, tokens: dict[str, str]) -> str | None:
    """The strftime pattern of an app's date format, or None when it uses a token not in tokens."""
    pattern = re.sub("|".join(tokens), lambda m: tokens[m[0]], app_format.replace("%", "%%"))
    return None if re.search(r"[A-Za-z](?<!%[Ymd])", pattern.replace("%%", "")) else pattern
