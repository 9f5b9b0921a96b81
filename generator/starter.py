"""`wins init`: a starter notes folder (settings, today's note, a short how-to); nothing overwritten.

In a Logseq graph or an Obsidian vault, today's note goes where the app would put it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .config import CONFIG_NAME
from .daily_notes import DailyNotes, Layout
from .notes_folder import holds_daily_notes
from .theme import resource_dir


def starter_files(today: date, daily: DailyNotes) -> dict[str, bytes]:
    """The files of a new notes folder, by path inside it, today's note (in the folder's layout) last."""
    folder = resource_dir("templates") / "starter"
    today_note = daily.path_for(today).relative_to(daily.root).as_posix()
    return {CONFIG_NAME: (folder / "wall.yaml").read_bytes(),
            "README.md": (folder / "README.md").read_bytes(),
            today_note: first_note((folder / "first-note.md").read_bytes(), daily.layout)}


def first_note(text: bytes, layout: Layout) -> bytes:
    """The first note's text; Logseq's outline has no heading and marks a done task DONE."""
    return text.replace(b"## Wins\n\n", b"").replace(b"- [x] ", b"- DONE ") if layout.logseq else text


def needs_asking(folder: Path) -> bool:
    """True when init would make a notes folder of a folder that holds other things but no notes."""
    if not folder.is_dir() or not any(folder.iterdir()):
        return False
    return not ((folder / CONFIG_NAME).is_file() or holds_daily_notes(folder))


def init_notes(folder: Path, today: date) -> list[tuple[Path, bool]]:
    """Create the starter files that are missing; return (path, created) for each, today's note last."""
    folder.mkdir(parents=True, exist_ok=True)
    done = []
    for name, data in starter_files(today, DailyNotes.scan(folder)).items():
        path = folder / name
        created = not path.exists()
        if created:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        done.append((path, created))
    return done
