"""This week and last week: what the week page looks back on. Weeks start on Monday."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from .model import Comeback, Day, Week, Win

WEEKS = 2  # this week and the one before it


def monday(day: date) -> date:
    """The Monday of the week that holds a day."""
    return day - timedelta(days=day.weekday())


def look_back(days: tuple[Day, ...], today: date,
              find_firsts: Callable[[tuple[Win, ...]], tuple[Win, ...]],
              find_comebacks: Callable[[tuple[Day, ...]], tuple[Comeback, ...]]) -> tuple[Week, ...]:
    """This week (the one holding today) and last week, each up to today: days after it are not looked
    back on. The finders are analyze.py's, given here so that this module does not import it; the
    comebacks are found among the days up to today, whose newest few (at least five) hold every one of
    the last two weeks (a comeback needs three quiet days before it, so fourteen days hold four at most)."""
    shown = tuple(d for d in days if d.date <= today)
    firsts = find_firsts(tuple(w for d in shown for w in d.wins))
    comebacks = find_comebacks(shown)
    weeks = []
    for back in range(WEEKS):
        start = monday(today) - timedelta(weeks=back)
        end = start + timedelta(days=6)
        week_days = tuple(d for d in shown if start <= d.date <= end)
        win_days = [d for d in week_days if d.wins]
        fullest = min(win_days, key=lambda d: (-len(d.wins), d.date)) if len(win_days) > 1 else None
        weeks.append(Week(
            start=start,
            days=week_days,
            firsts=tuple(w for w in firsts if start <= w.date <= end),
            comebacks=tuple(sorted((c for c in comebacks if start <= c.win.date <= end),
                                   key=lambda c: c.win.date)),
            fullest=fullest if fullest and len(fullest.wins) > 1 else None,
        ))
    return tuple(weeks)
