"""What the last build knew, kept outside the notes folder, so the next one redoes only what changed.

Each notes folder has a folder of its own in the cache folder, holding:
- `files-NN.pickle`: for each note file, its size, modification time, a hash of its text and what
  parsing it gave, spread over SHARDS files by its path, so that a build which parsed one note again
  rewrites one small file, not all of them;
- `pages.pickle`: for each page, a digest of everything that went into it, and the size and time of
  the file the build left;
- `parts/`: the big pages (the timeline, the search index) a year at a time, each named by the digest
  of what it shows, so that an edit draws one year of them again;
- `stamp.pickle` (stamp.py): what the last build depended on, so that a build with nothing changed
  stops before it loads any of the above.

A cache made by another version or other reading settings is ignored whole. Only the caches of the
few notes folders built most recently, and still there, are kept.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import os
import pickle
import re
import shutil
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .model import Day, FileResult, Note, Problem, Win
from .write import MARKER

if TYPE_CHECKING:
    from .config import Config
    from .render import Page

log = logging.getLogger(__name__)
KEEP = 5  # caches kept: the notes folders built most recently
INDEX = "index.json"
PAGES = "pages.pickle"
PARTS = "parts"
SHARDS = 16  # files the parse results are spread over
CACHE_NAME = re.compile(r"[0-9a-f]{32}")


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
    saved: dict[str, Entry] = field(default_factory=dict)
    """The entries as the cache folder holds them: a shard is written again only when one of its changed."""
    days: dict[date, Day] = field(default_factory=dict)
    """The last build's days by date, kept in this process only (wins serve): a day whose notes are the
    same is not merged again."""
    drawn: dict[str, str] = field(default_factory=dict)
    """The latest parts drawn in this process, by file name (wins serve): taken without reading them."""


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


def cache_folder(notes: Path) -> Path:
    """Where the cache of one notes folder lives."""
    return cache_dir() / digest(notes.resolve())


def shard(rel: str) -> int:
    """Which of the SHARDS files holds a note's entry: the same for the same path in every process."""
    return zlib.crc32(rel.encode("utf-8", "surrogatepass")) % SHARDS


@contextmanager
def untracked() -> Iterator[None]:
    """Load many objects at once without the cycle collector walking them again and again; they are
    kept to the end of the build, so they are frozen out of its sight afterwards."""
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def read_pickle(path: Path, key: str):
    """What a cache file holds, when it was written for this key; None when missing, stale or damaged."""
    try:
        with path.open("rb") as stream:
            saved_key, value = pickle.load(stream)
        return value if saved_key == key else None
    except FileNotFoundError:
        return None
    except Exception as error:  # a damaged cache is only a slower build
        log.debug("cache %s ignored: %s", path, error)
        return None


def write_pickle(path: Path, key: str, value: object) -> None:
    """Write a cache file atomically."""
    temp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with temp.open("wb") as stream:
        pickle.dump((key, value), stream, protocol=pickle.HIGHEST_PROTOCOL)
    temp.replace(path)


def load_cache(notes: Path, key: str) -> Cache:
    """The last build's cache for this folder; what is missing or stale in it is left out."""
    folder = cache_folder(notes)
    cache = Cache(key)
    with untracked():
        for number in range(SHARDS):
            cache.files.update(read_pickle(folder / f"files-{number:02}.pickle", key) or {})
    cache.saved = dict(cache.files)
    cache.site, cache.pages = read_pickle(folder / PAGES, key) or ("", {})
    return cache


def save_cache(notes: Path, cache: Cache) -> None:
    """Write the shards whose entries changed and the page digests, then prune the caches of other
    folders; failing to is only a slower next build."""
    folder = cache_folder(notes)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        changed = {shard(rel) for rel in cache.files.keys() ^ cache.saved.keys()} | {
            shard(rel) for rel, entry in cache.files.items() if cache.saved.get(rel) is not entry}
        by_shard: dict[int, dict[str, Entry]] = {number: {} for number in changed}
        for rel, entry in cache.files.items():
            if shard(rel) in by_shard:
                by_shard[shard(rel)][rel] = entry
        for number, entries in sorted(by_shard.items()):
            write_pickle(folder / f"files-{number:02}.pickle", cache.key, entries)
        cache.saved = dict(cache.files)
        write_pickle(folder / PAGES, cache.key, (cache.site, cache.pages))
        mark_used(notes)
    except OSError as error:
        log.debug("cache not saved: %s", error)


def mark_used(notes: Path) -> None:
    """Count this notes folder's cache as the one used last, and prune the others."""
    folder = cache_folder(notes)
    os.utime(folder)
    prune_caches(folder.parent, {folder.name: str(notes.resolve())})


def prune_caches(folder: Path, used: dict[str, str], keep: int = KEEP) -> None:
    """Keep the caches of the `keep` notes folders built most recently that still exist; drop the rest.

    index.json (in the cache folder, never in a site) says which notes folder each cache is for.
    """
    index = {**read_index(folder / INDEX), **used}
    caches = sorted((p for p in folder.iterdir() if p.is_dir() and CACHE_NAME.fullmatch(p.name)),
                    key=lambda p: p.stat().st_mtime_ns, reverse=True)
    alive = [p for p in caches if p.name in used or Path(index.get(p.name, ".")).is_dir()]
    for stale in set(caches) - set(alive[:keep]):
        shutil.rmtree(stale, ignore_errors=True)
    for old in folder.glob("*.pickle"):  # the one-file caches of earlier versions
        old.unlink(missing_ok=True)
    kept = {p.name: index[p.name] for p in alive[:keep] if p.name in index}
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
    """What parsing depends on besides the files: the code, the shape of its results, reading settings."""
    shape = [(kind.__name__, [f.name for f in fields(kind)]) for kind in (FileResult, Note, Win, Problem)]
    return digest(__version__, code_state(), shape, config.date_order, config.category_table(),
                  config.exclude)


def code_state() -> list:
    """The size and time of each of the package's own modules: a changed line of code (in a checkout,
    before any version bump) is a new build, never an early stop on pages the old code drew."""
    package = Path(__file__).parent
    return [(path.relative_to(package).as_posix(), path.stat().st_size, path.stat().st_mtime_ns)
            for path in sorted(package.rglob("*.py"))]


def open_cache(notes: Path, config: Config, kept: Cache | None = None) -> Cache:
    """The cache kept from the last build in this process when it still fits, else the saved one."""
    key = reading_key(config)
    return kept if kept and kept.key == key else load_cache(notes, key)


@dataclass
class SiteOnDisk:
    """The site the last build left: whether to update it in place, and which pages need no rendering;
    and the parts of the big pages the cache keeps (a year of the timeline, of the search index)."""

    in_place: bool
    known: dict[str, str]
    """Page path → the digest of its inputs, for each page still on disk as the last build left it."""
    look: str
    """A digest of what every page shows besides the wall: the theme's files and the settings."""
    versions: dict[str, str]
    """A digest of each note file's text, by its source path."""
    parts: Path | None = None
    """The folder of drawn parts, each a file named by the part and the digest of its inputs."""
    held: dict[str, str] = field(default_factory=dict)
    """Parts this process drew before, by file name (Cache.drawn)."""
    digests: dict[str, str] = field(default_factory=dict)
    """Every page of this build → the digest of its inputs (filled by `changed`)."""
    drawn: dict[str, str] = field(default_factory=dict)
    """The parts this build drew in this process, by file name (filled by `draw`)."""

    @cached_property
    def texts(self) -> dict[str, str]:
        """Each note file's path and text digest as one string, by its path."""
        return {source: f"{source}\0{version}" for source, version in self.versions.items()}

    def inputs(self, inputs: tuple, sources: tuple[str, ...] | None) -> str:
        """A digest of what a page or part shows: the look, its inputs and its note files' texts."""
        if sources is None:
            return digest(self.look, *inputs, *sorted(self.texts.values()))
        return digest(self.look, *inputs, "\n".join(self.texts.get(source, source) for source in sources))

    def changed(self, pages: list[Page]) -> list[Page]:
        """The pages to render: those whose inputs differ from what the page on disk shows."""
        every_file = self.inputs((), None)
        for page in pages:
            self.digests[page.path] = (digest(self.look, *page.inputs, every_file) if page.sources is None
                                       else self.inputs(page.inputs, page.sources))
        return [page for page in pages if self.known.get(page.path) != self.digests[page.path]]

    def draw(self, name: str, inputs: tuple, sources: tuple[str, ...], make: Callable[[], str]) -> str:
        """A part of a big page (memo.Draw): as the cache keeps it when it shows the same, else made
        and kept for the next build. Pages may be drawn in worker processes: a part's file, and its
        time (that of the latest of its name), is all that lasts of a draw there."""
        file = f"{name}.{self.inputs((name, *inputs), sources)}"
        text = self.held.get(file)
        if text is None and self.parts:
            text = read_pickle(self.parts / file, file)
        try:
            if text is not None and self.parts:
                os.utime(self.parts / file)
            elif text is None:
                text = make()
                if self.parts:
                    self.parts.mkdir(parents=True, exist_ok=True)
                    write_pickle(self.parts / file, file, text)
        except OSError as error:
            log.debug("part %s not kept: %s", file, error)
        self.drawn[file] = text
        return text


def find_site(cache: Cache | None, out: Path, locked: bool, look: str, versions: dict[str, str],
              parts: Path | None = None) -> SiteOnDisk:
    """Update in place a site this cache describes, unless it is to be locked: then write it anew."""
    in_place = cache is not None and not locked and cache.site == str(out.resolve()) and (
        out / MARKER).is_file()
    pages = cache.pages.items() if in_place else ()
    known = {path: key for path, (key, *state) in pages if file_state(out / path) == state}
    return SiteOnDisk(in_place, known, look, versions, parts, cache.drawn if cache else {})


def save_build(notes: Path, cache: Cache, files: dict[str, Entry], days: tuple[Day, ...],
               site: SiteOnDisk, out: Path, locked: bool) -> None:
    """Keep what this build read and wrote for the next one (a locked site's pages are never reused)."""
    cache.files, cache.days = files, {day.date: day for day in days}
    cache.pages = {} if locked else {p: (key, *file_state(out / p)) for p, key in site.digests.items()}
    cache.site = str(out.resolve())
    redrawn = {file.rpartition(".")[0] for file in site.drawn}
    cache.drawn = {file: text for file, text in cache.drawn.items()
                   if file.rpartition(".")[0] not in redrawn} | site.drawn
    save_cache(notes, cache)
    if site.parts:
        drop_stale_parts(site.parts)


def drop_stale_parts(folder: Path) -> None:
    """Keep the latest file of each part, the one drawn or taken last: the others show what no page
    shows any more."""
    latest: dict[str, Path] = {}
    try:
        for file in sorted(folder.iterdir(), key=lambda f: f.stat().st_mtime_ns):
            name = file.name.rpartition(".")[0]
            if name in latest:
                latest[name].unlink(missing_ok=True)
            latest[name] = file
    except OSError as error:
        log.debug("parts not pruned: %s", error)


def file_state(path: Path) -> list[int]:
    """A page file's size and modification time: a page changed by hand is rendered again."""
    try:
        stat = path.stat()
    except OSError:
        return []
    return [stat.st_size, stat.st_mtime_ns]
