"""Watch a notes folder: which file changes matter, and when a burst of them has settled."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler

from .sources import NOTE_SUFFIXES

DEBOUNCE = 0.05  # seconds of quiet after the last change before rebuilding (an editor saves in a few ms)
SCRATCH = (".swp", ".swx", ".swo", "~", ".tmp", ".bak", ".part", ".crdownload")


def is_scratch(path: str) -> bool:
    """True for editor swap, backup and temporary files (vim's 4913, .#emacs locks, ~ backups)."""
    name = Path(path).name
    return (
        name.startswith((".", "#", "~$")) or name.endswith(SCRATCH) or name == "4913"
        or any(part.startswith(".") for part in Path(path).parts[:-1])
    )


class Changes(FileSystemEventHandler):
    """Collect relevant file changes; `wait()` returns once they have settled."""

    def __init__(self, wanted: Callable[[str], bool]):
        self.wanted = wanted
        self.last = 0.0
        self.pending = threading.Event()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        paths = [event.src_path, getattr(event, "dest_path", "") or ""]
        if any(p and self.wanted(str(p)) for p in paths):
            self.last = time.monotonic()
            self.pending.set()

    def wait(self, stop: threading.Event) -> bool:
        """Block until a change has been quiet for DEBOUNCE seconds; False when stopping."""
        while not stop.is_set():
            if self.pending.wait(0.1):
                while (quiet := time.monotonic() - self.last) < DEBOUNCE:
                    time.sleep(DEBOUNCE - quiet)
                self.pending.clear()
                return True
        return False


def watch_filter(notes: Path, extra: tuple[Path, ...]) -> Callable[[str], bool]:
    """Notes, wall.yaml and theme files matter; scratch files never do."""
    extra_dirs = tuple(p.resolve() for p in extra if p.is_dir())
    extra_files = tuple(p.resolve() for p in extra if not p.is_dir())

    def wanted(path: str) -> bool:
        full = Path(path).resolve()
        if full in extra_files or any(d in full.parents for d in extra_dirs):
            return not is_scratch(full.name)
        if notes not in full.parents:
            return False
        return full.suffix.lower() in NOTE_SUFFIXES and not is_scratch(full.relative_to(notes).as_posix())

    return wanted
