"""What the last build knew, kept outside the notes folder, so the next one redoes only what changed.

For each note file: its size, modification time, a hash of its text, and what parsing it gave.
For each page: a digest of everything that went into it. A cache made by another version or
other reading settings is ignored whole.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from dataclasses import dataclass, field, fields
from pathlib import Path

from . import __version__
from .model import FileResult, Note, Problem, Win

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Entry:
    size: int
    mtime_ns: int
    digest: str
    result: FileResult


@dataclass
class Cache:
    """Parse results by note path, and page digests by output path, for one notes folder."""

    key: str
    files: dict[str, Entry] = field(default_factory=dict)
    pages: dict[str, tuple] = field(default_factory=dict)
    """Output path → (digest of its inputs, size, modification time) as the last build left it."""
    site: str = ""
    """The output folder the page digests describe."""


def cache_dir() -> Path:
    """The user's cache folder (XDG_CACHE_HOME, else ~/.cache), never the notes folder."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "evidence-wall"


def digest(*parts: object) -> str:
    """A short stable hash of some text-like parts."""
    sha = hashlib.sha256()
    for part in parts:
        sha.update(str(part).encode("utf-8", errors="surrogatepass"))
        sha.update(b"\0")
    return sha.hexdigest()[:32]


def cache_file(notes: Path) -> Path:
    return cache_dir() / f"{digest(notes.resolve())}.pickle"


def load_cache(notes: Path, key: str) -> Cache:
    """The last build's cache for this folder, or an empty one when it is missing or stale."""
    path = cache_file(notes)
    try:
        with path.open("rb") as stream:
            cache = pickle.load(stream)
        if isinstance(cache, Cache) and cache.key == key:
            return cache
    except FileNotFoundError:
        pass
    except Exception as error:  # a damaged cache is only a slower build
        log.debug("cache %s ignored: %s", path, error)
    return Cache(key)


def save_cache(notes: Path, cache: Cache) -> None:
    """Write the cache atomically; failing to is only a slower next build."""
    path = cache_file(notes)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_suffix(f".{os.getpid()}.tmp")
        with temp.open("wb") as stream:
            pickle.dump(cache, stream, protocol=pickle.HIGHEST_PROTOCOL)
        temp.replace(path)
    except OSError as error:
        log.debug("cache not saved: %s", error)


def reading_key(config) -> str:
    """What parsing depends on besides the files: the version, the shape of its results, reading settings."""
    shape = [(kind.__name__, [f.name for f in fields(kind)]) for kind in (FileResult, Note, Win, Problem)]
    return digest(__version__, shape, config.date_order, config.category_table(), config.exclude)
