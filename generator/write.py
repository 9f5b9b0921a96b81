"""The only writer: build into a temporary sibling folder, then swap it into place."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .errors import GeneratorError

MARKER = ".evidence-wall"
MARKER_TEXT = b"Made by Evidence Wall (`wins build`). Rebuilt from your notes on every build.\n"


def check_output(out: Path, notes: Path) -> None:
    """Refuse an output folder that could touch the notes or someone else's files."""
    out, notes = out.resolve(), notes.resolve()
    if out == notes or notes in out.parents:
        raise GeneratorError(f"the site cannot go inside your notes folder ({out}); "
                             "choose another folder with -o")
    if out in notes.parents:
        raise GeneratorError(f"the output folder {out} holds your notes folder; choose another with -o")
    if out.exists() and not out.is_dir():
        raise GeneratorError(f"{out} is a file, not a folder; choose another output with -o")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise GeneratorError(f"{out} already holds files that Evidence Wall did not make; "
                             "choose an empty or new folder with -o")


def write_site(files: dict[str, bytes], out: Path) -> None:
    """Write every file into a fresh folder and put it in place of the old site only when done."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    try:
        for rel, data in sorted(files.items()):
            target = fresh / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        (fresh / MARKER).write_bytes(MARKER_TEXT)
        fresh.chmod(0o755)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    swap_into_place(fresh, out)


def swap_into_place(fresh: Path, out: Path) -> None:
    """Replace out with fresh; the old site is removed only after the new one is in place."""
    if not out.exists():
        fresh.rename(out)
        return
    old = out.with_name(f".{out.name}.old-{os.getpid()}")
    out.rename(old)
    fresh.rename(out)
    shutil.rmtree(old, ignore_errors=True)
