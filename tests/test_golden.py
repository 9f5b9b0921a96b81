"""The example wall, byte for byte: tests/golden is example-notes/ built with --today 2026-11-25.

A change that alters the site on purpose refreshes it with `make golden` and commits the new files,
so the diff shows every page it changed.
"""

from __future__ import annotations

import difflib
import re

import pytest

from conftest import GOLDEN, REPO, site_files

THEME = REPO / "themes" / "default"
DIFF_LINES = 40
LONG = 200


def readable(data: bytes) -> list[str]:
    """A file's lines, long ones (minified index, inline SVG) cut after each `>`, `,` or `;`."""
    lines = []
    for line in data.decode("utf-8", "replace").splitlines():
        lines.extend(re.split(r"(?<=[>,;])", line) if len(line) > LONG else [line])
    return lines


def difference(name: str, want: bytes, got: bytes) -> str:
    """A short unified diff of one file: the golden bytes against the built ones."""
    lines = difflib.unified_diff(readable(want), readable(got), f"tests/golden/{name}", f"built/{name}",
                                 lineterm="", n=1)
    shown = [line if len(line) <= LONG else line[:LONG] + " …" for line in lines]
    more = len(shown) - DIFF_LINES
    return "\n".join(shown[:DIFF_LINES] + ([f"… {more} more diff lines"] if more > 0 else []))


def made_from_notes(files: dict[str, bytes]) -> dict[str, bytes]:
    """The files a build makes from the notes: the theme's own files, copied as they are, left out."""
    return {name: data for name, data in files.items() if not (THEME / name).is_file()}


def test_example_site_matches_the_golden_site(example_site):
    golden, built = site_files(GOLDEN), made_from_notes(site_files(example_site))
    changed = sorted(n for n in golden.keys() & built.keys() if golden[n] != built[n])
    report = [f"{label}: {', '.join(sorted(names))}" for label, names in (
        ("only in tests/golden", golden.keys() - built.keys()),
        ("only in the build", built.keys() - golden.keys()),
        ("different", changed),
    ) if names]
    if changed:
        report.append(difference(changed[0], golden[changed[0]], built[changed[0]]))
    if report:
        report.append("If the change is meant, run `make golden` and commit tests/golden.")
        pytest.fail("the example site is not the golden site\n" + "\n".join(report), pytrace=False)
