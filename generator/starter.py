"""`wins init`: a starter notes folder (settings, today's note, a short how-to); nothing overwritten."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .config import CONFIG_NAME
from .theme import resource_dir

STARTER = ("wall.yaml", "README.md", "first-note.md")


def starter_files(today: date) -> dict[str, bytes]:
    """The files of a new notes folder, by name."""
    folder = resource_dir("templates") / "starter"
    files = {name: (folder / name).read_bytes() for name in STARTER}
    files[f"{today.isoformat()}.md"] = files.pop("first-note.md")
    files[CONFIG_NAME] = files.pop("wall.yaml")
    return files


def init_notes(folder: Path, today: date) -> list[tuple[Path, bool]]:
    """Create the starter files that are missing; return (path, created) for each."""
    folder.mkdir(parents=True, exist_ok=True)
    done = []
    for name, data in starter_files(today).items():
        path = folder / name
        created = not path.exists()
        if created:
            path.write_bytes(data)
        done.append((path, created))
    return done
