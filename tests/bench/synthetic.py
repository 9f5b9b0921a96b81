"""A deterministic folder of synthetic daily notes, for benchmarks."""

from __future__ import annotations

import random
import shutil
from datetime import date, timedelta
from pathlib import Path

WINS = [
    "walked to the shop", "did the dishes", "called my sister", "took my meds", "swam 20 lengths",
    "answered three emails", "drew for ten minutes", "watered the plants", "made a real lunch",
    "said no to an extra shift", "went to therapy", "sat in the garden", "had a nap",
    "tidied the desk", "texted a friend back", "stretched before bed",
]
EXTRAS = ["Felt good.", "felt lighter after.", "", "", "#movement", "#home", "**finally**",
          "[notes](https://example.org)", "_slowly_"]
PROSE = [
    "Slept badly but the morning was okay. The bus was late and I read on my phone for a while.",
    "Tomorrow is another day and I am allowed to rest when I need to, even if it feels like giving up.",
    "Talked to Sam about the week. We laughed about the broken kettle and made tea in a saucepan.",
    "The park was quiet and the light on the water was lovely. I stood there for a few minutes.",
    "Work was a lot. Three meetings and a report, but I left on time and did not check email after.",
]


def note_text(rng: random.Random, day: date) -> str:
    """One note of 300 to 1,500 bytes: front matter on half, 3–12 win-ish lines, some prose."""
    lines = []
    if rng.random() < 0.5:
        lines += ["---", f"mood: {rng.randint(1, 5)}", f"tags: [{rng.choice(['home', 'work'])}]", "---"]
    if rng.random() < 0.4:
        lines.append("## Wins")
    for _ in range(rng.randint(3, 12)):
        shape = rng.choice(["- [x] {}", "- {}", "+ {}", "win: {}", "- [ ] {}", "✅ {}"])
        lines.append(shape.format(f"{rng.choice(WINS)} {rng.choice(EXTRAS)} {rng.choice(EXTRAS)}".strip()))
    lines += ["", "## Notes"] + [rng.choice(PROSE) for _ in range(rng.randint(2, 7))]
    if rng.random() < 0.1:
        lines.append("rough: everything felt heavy #hard")
    return "\n".join(lines) + "\n"


def make_notes(folder: Path, count: int, seed: int = 7) -> Path:
    """Write `count` daily notes ending on 2026-11-01 into a fresh folder, the same every time."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    rng = random.Random(seed)
    last = date(2026, 11, 1)
    for n in range(count):
        day = last - timedelta(days=count - 1 - n)
        (folder / f"{day.isoformat()}.md").write_text(note_text(rng, day), encoding="utf-8")
    return folder
