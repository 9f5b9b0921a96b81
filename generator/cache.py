"""What the last build knew, kept outside the notes folder, so the next one redoes only what changed.

For each note file: its size, modification time, a hash of its text, and what parsing it gave.
For each page: a digest of everything that went into it, and the size and time of the file the build
left. A cache made by another version or other reading settings is ignored whole. Only the caches of
the few notes folders built most recently, and still there, are kept.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .model import FileResult, Note, Problem, Win
from .write import MARKER

if TYPE_CHECKING:
    from .config import Config
    from .render import Page

log = logging.getLogger(__name__)
KEEP = 5  # caches kept: the notes folders built most recently
INDEX = "index.json"


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
    """Write the cache atomically, then prune the others; failing to is only a slower next build."""
    path = cache_file(notes)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_suffix(f".{os.getpid()}.tmp")
        with temp.open("wb") as stream:
            pickle.dump(cache, stream, protocol=pickle.HIGHEST_PROTOCOL)
        temp.replace(path)
        prune_caches(path.parent, {path.stem: str(notes.resolve())})
    except OSError as error:
        log.debug("cache not saved: %s", error)


def prune_caches(folder: Path, used: dict[str, str], keep: int = KEEP) -> None:
    """Keep the caches of the `keep` notes folders built most recently that still exist; drop the rest.

    index.json (in the cache folder, never in a site) says which notes folder each cache is for.
    """
    index = {**read_index(folder / INDEX), **used}
    caches = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    alive = [p for p in caches if p.stem in used or Path(index.get(p.stem, ".")).is_dir()]
    for stale in set(caches) - set(alive[:keep]):
        stale.unlink(missing_ok=True)
    kept = {p.stem: index[p.stem] for p in alive[:keep] if p.stem in index}
    temp = folder / f"{INDEX}.{os.getpid()}.tmp"
    temp.write_text(json.dumps(kept, indent=1, sort_keys=True), "utf-8")
    temp.replace(folder / INDEX)


def read_index(path: Path) -> dict[str, str]:
    """Which notes folder each cache is for, by the cache's name; empty when missing or damaged."""
    try:
        index = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in index.items() if isinstance(v, str)} if isinstance(index, dict) else {}


def reading_key(config: Config) -> str:
    """What parsing depends on besides the files: the version, the shape of its results, reading settings."""
    shape = [(kind.__name__, [f.name for f in fields(kind)]) for kind in (FileResult, Note, Win, Problem)]
    return digest(__version__, shape, config.date_order, config.category_table(), config.exclude)


def open_cache(notes: Path, config: Config, kept: Cache | None = None) -> Cache:
    """The cache kept from the last build in this process when it still fits, else the saved one."""
    key = reading_key(config)
    return kept if kept and kept.key == key else load_cache(notes, key)


@dataclass
class SiteOnDisk:
    """The site the last build left: whether to update it in place, and which pages need no rendering."""

    in_place: bool
    known: dict[str, str]
    """Page path → the digest of its inputs, for each page still on disk as the last build left it."""
    look: str
    """A digest of what every page shows besides the wall: the theme's files and the settings."""
    versions: dict[str, str]
    """A digest of each note file's text, by its source path."""
    digests: dict[str, str] = field(default_factory=dict)
    """Every page of this build → the digest of its inputs (filled by `changed`)."""

    def changed(self, pages: list[Page]) -> list[Page]:
        """The pages to render: those whose inputs differ from what the page on disk shows."""
        every_file = digest(sorted(self.versions.items()))
        for page in pages:
            sources = every_file if page.sources is None else [
                (source, self.versions.get(source, "")) for source in page.sources]
            self.digests[page.path] = digest(self.look, *page.inputs, sources)
        return [page for page in pages if self.known.get(page.path) != self.digests[page.path]]


def find_site(cache: Cache | None, out: Path, locked: bool, look: str,
              versions: dict[str, str]) -> SiteOnDisk:
    """Update in place a site this cache describes, unless it is to be locked: then write it anew."""
    in_place = cache is not None and not locked and cache.site == str(out.resolve()) and (
        out / MARKER).is_file()
    pages = cache.pages.items() if in_place else ()
    known = {path: key for path, (key, *state) in pages if file_state(out / path) == state}
    return SiteOnDisk(in_place, known, look, versions)


def save_build(notes: Path, cache: Cache, files: dict[str, Entry], site: SiteOnDisk, out: Path,
               locked: bool) -> None:
    """Keep what this build read and wrote for the next one (a locked site's pages are never reused)."""
    cache.files = files
    cache.pages = {} if locked else {p: (key, *file_state(out / p)) for p, key in site.digests.items()}
    cache.site = str(out.resolve())
    save_cache(notes, cache)


def file_state(path: Path) -> list[int]:
    """A page file's size and modification time: a page changed by hand is rendered again."""
    try:
        stat = path.stat()
    except OSError:
        return []
    return [stat.st_size, stat.st_mtime_ns]
