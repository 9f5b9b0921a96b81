"""Pure analysis: notes + today → the Wall every page is drawn from."""

from __future__ import annotations

import random
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from itertools import chain
from operator import attrgetter, is_

from .categories import OTHER
from .config import Config
from .conflicts import drop_conflict_repeats
from .milestones import find_milestones
from .model import Comeback, Day, Highlights, Month, Note, Repeated, Stats, Wall, Win, tier_wins
from .resurface import repeat_key, shown_again
from .stories import tell_stories
from .week import look_back

COMEBACK_GAP = 3
LATEST = 24
COMEBACKS = 5  # the most recent comebacks the wall names
REPEATED = 6  # the things you keep doing, most often first
BUSIEST = 5  # the fullest days
REMEMBER = 400  # how many past wins "remember this" can show in the browser
HARD_MOOD = 2  # a mood this low or lower makes a hard day


def merge_days(notes: Iterable[Note], known: dict[date, Day] | None = None) -> tuple[Day, ...]:
    """Merge every note written for the same date into one Day; a known day of the very same notes
    (the last build's, in wins serve) is taken as it is."""
    by_date: dict[date, list[Note]] = defaultdict(list)
    for note in notes:
        by_date[note.date].append(note)
    days = []
    for day, group in sorted(by_date.items()):
        group.sort(key=lambda n: (n.source, n.line))
        old = known.get(day) if known else None
        same = old and len(old.notes) == len(group) and all(map(is_, old.notes, group))
        days.append(old if same else merge_day(day, group))
    return tuple(days)


def merge_day(day: date, notes: list[Note]) -> Day:
    """One day from its notes, in order."""
    moods = [n.mood for n in notes if n.mood is not None]
    mode = day_mode(notes)
    return Day(
        date=day,
        notes=tuple(notes),
        wins=tuple(sorted((w for n in notes for w in tier_wins(n, mode)), key=win_order)),
        mood=min(moods) if moods else None,
        hard_reason=hard_reason(notes, min(moods, default=None)),
        inferred=all(n.inferred for n in notes),
        mode=mode,
    )


def day_mode(notes: list[Note]) -> str:
    """Which rule gives a day its wins: marked lines if any note has one, else log mode if any note has a
    list item or dated line that counts, else prose (PRODUCT.md §2, rules 1–5)."""
    if any(n.wins for n in notes):
        return "marked"
    return "log" if any(n.candidates for n in notes) else "prose"


def hard_reason(notes: list[Note], mood: int | None) -> str | None:
    """Why a day is hard: a low mood, else the first note's struggle; None when it is not hard."""
    if mood is not None and mood <= HARD_MOOD:
        return f"mood {mood}"
    return next((n.hard_reason for n in notes if n.hard_reason), None)


def win_order(win: Win) -> tuple:
    return (win.date, win.source, win.line)


def streaks(win_dates: list[date], today: date) -> tuple[int, int]:
    """Return (current, longest) runs of consecutive days with a win; today may still be empty."""
    longest = run = 0
    previous = None
    for day in win_dates:
        run = run + 1 if previous and (day - previous).days == 1 else 1
        longest = max(longest, run)
        previous = day
    current = 0
    dates = set(win_dates)
    cursor = today if today in dates else today - timedelta(days=1)
    while cursor in dates:
        current += 1
        cursor -= timedelta(days=1)
    return current, longest


def count_stats(days: tuple[Day, ...], today: date) -> Stats:
    win_days = [d.date for d in days if d.wins]
    current, longest = streaks(win_days, today)
    hard = [d for d in days if d.hard]

    def recent(n: int) -> int:
        return sum(1 for d in win_days if 0 <= (today - d).days < n)

    return Stats(
        wins=sum(len(d.wins) for d in days),
        days=len(days),
        days_with_wins=len(win_days),
        hard_days=len(hard),
        hard_day_wins=sum(len(d.wins) for d in hard),
        current_streak=current,
        longest_streak=longest,
        days_with_wins_last_7=recent(7),
        days_with_wins_last_30=recent(30),
        first_date=days[0].date if days else None,
        last_date=days[-1].date if days else None,
    )


def find_comebacks(days: tuple[Day, ...]) -> tuple[Comeback, ...]:
    """Return the first win after each of the latest quiet stretches of three or more days, newest first."""
    found = []
    previous = None
    for day in (d for d in days if d.wins):
        if previous and (day.date - previous).days - 1 >= COMEBACK_GAP:
            found.append(Comeback((day.date - previous).days - 1, day.wins[0]))
        previous = day.date
    return tuple(reversed(found))[:COMEBACKS]


def find_repeated(wins: tuple[Win, ...]) -> tuple[Repeated, ...]:
    """Return the wins written most often (same words, any case or punctuation)."""
    groups: dict[str, list[Win]] = defaultdict(list)
    for win in wins:
        key = repeat_key(win.text)
        if key:
            groups[key].append(win)
    ranked = sorted((g for g in groups.values() if len(g) > 1), key=lambda g: (-len(g), g[0].text))
    return tuple(Repeated(g[-1].text, len(g), g[-1]) for g in ranked[:REPEATED])


def find_firsts(wins: tuple[Win, ...]) -> tuple[Win, ...]:
    """Return the first win of each category: "the first time you …"."""
    first = {win.category: win for win in reversed(wins)}  # the earliest is written last
    first.pop(OTHER, None)
    return tuple(sorted(first.values(), key=win_order))


def months_back(today: date, months: int) -> date | None:
    """Return the same day `months` months earlier, or None when that day does not exist."""
    total = today.year * 12 + today.month - 1 - months
    try:
        return date(total // 12, total % 12 + 1, today.day)
    except ValueError:
        return None


def find_highlights(days: tuple[Day, ...], wins: tuple[Win, ...], config: Config, today: date) -> Highlights:
    quiet = frozenset(config.quiet_dates)
    by_date = {d.date: d for d in days}

    def on(day: date | None) -> tuple[Win, ...]:
        found = by_date.get(day) if day else None
        return tuple(shown_again(found.wins, quiet)) if found else ()

    pool = shown_again(wins[:bisect_right(wins, today, key=attrgetter("date"))], quiet)  # in date order
    chance = random.Random(f"{today.isoformat()}:{len(wins)}:{wins[-1].text if wins else ''}")
    sample = sorted(chance.sample(pool, min(REMEMBER, len(pool))), key=win_order)
    return Highlights(
        firsts=find_firsts(wins),
        comebacks=find_comebacks(days),
        repeated=find_repeated(wins),
        busiest=tuple(sorted((d for d in days if d.wins), key=lambda d: (-len(d.wins), d.date))[:BUSIEST]),
        month_ago=on(months_back(today, 1)),
        year_ago=on(months_back(today, 12)),
        remember=tuple(sample),
        remember_pick=chance.choice(sample) if sample else None,
        last_win=pool[-1] if pool else None,
    )


def low_mood_average(days: tuple[Day, ...]) -> float | None:
    """Wins on an average day rated 1–2 (one decimal); None when no day was rated so, or it rounds to 0."""
    low = [len(d.wins) for d in days if d.mood is not None and d.mood <= HARD_MOOD]
    average = round(sum(low) / len(low), 1) if low else 0.0
    return average or None


def group_months(days: tuple[Day, ...]) -> tuple[Month, ...]:
    by_month: dict[str, list[Day]] = defaultdict(list)
    for day in days:
        by_month[day.date.isoformat()[:7]].append(day)
    return tuple(
        Month(key, group[0].date.replace(day=1), tuple(group)) for key, group in sorted(by_month.items())
    )


def analyze(notes: Iterable[Note], config: Config, today: date, known: dict[date, Day] | None = None) -> Wall:
    """Compute everything the pages show from the notes and today's date (known: the last build's days
    by date, to reuse those whose notes did not change)."""
    days = merge_days(drop_conflict_repeats(notes), known)
    wins = tuple(chain.from_iterable(d.wins for d in days))
    return Wall(
        title=config.title,
        today=today,
        days=days,
        wins=wins,
        months=group_months(days),
        stats=count_stats(days, today),
        highlights=find_highlights(days, wins, config, today),
        hard_days=tuple(d for d in reversed(days) if d.hard),
        today_wins=next((d.wins for d in reversed(days) if d.date == today), ()),
        latest=tuple(reversed(wins[-LATEST:])),
        categories=tuple(sorted(Counter(map(attrgetter("category"), wins)).items(),
                                key=lambda c: (-c[1], c[0]))),
        support=config.support,
        low_mood_average=low_mood_average(days),
        weeks=look_back(days, today, find_firsts, find_comebacks),
        milestones=find_milestones(wins, config),
        stories=tell_stories(wins, config),
    )
