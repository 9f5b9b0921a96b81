"""Milestones: the 1st, 10th, 50th … win, each with the reward promised for it in wall.yaml.

Pure, like analyze.py: the wall's wins (in order), the settings and today give the milestones.
"""

from __future__ import annotations

from datetime import date, timedelta

from .config import Config
from .model import Milestone, Win
from .resurface import shown_again

MILESTONES = (1, 10, 50, 100, 250, 500, 1000)
EVERY = 1000  # past the last built-in milestone, every thousandth win is one
RECENT_DAYS = 7  # a milestone reached this many days back, today included, opens the wall


def is_milestone(number: int, config: Config) -> bool:
    """True for a built-in milestone, every thousandth win, and each count a reward is promised for."""
    return number in MILESTONES or number % EVERY == 0 or number in dict(config.rewards)


def find_milestones(wins: tuple[Win, ...], config: Config) -> tuple[Milestone, ...]:
    """Every milestone the wins (in order) reached, smallest first, each with its promised reward; a
    win that may not be shown again (#cw, a quiet date) is counted without its words."""
    rewards = dict(config.rewards)
    quiet = frozenset(config.quiet_dates)
    numbers = sorted({*MILESTONES, *range(EVERY, len(wins) + 1, EVERY), *rewards})
    reached = [(n, wins[n - 1]) for n in numbers if n <= len(wins)]
    return tuple(Milestone(n, win, rewards.get(n), bool(shown_again([win], quiet))) for n, win in reached)


def recent_milestone(milestones: tuple[Milestone, ...], today: date) -> Milestone | None:
    """The highest milestone whose win is dated in the last RECENT_DAYS days up to today; else None."""
    since = today - timedelta(days=RECENT_DAYS - 1)
    return next((m for m in reversed(milestones) if since <= m.win.date <= today), None)
