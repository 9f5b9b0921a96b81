"""Give each win one category: a tag of its own line that names one, else the best keyword that
matches, else a front-matter tag of its note that names one, else "other".

A keyword is a word or a phrase, matched as whole words in any case, in its everyday forms: `swim`
also finds swims, swimming and swimmed (irregular forms such as `swam` are written out), `tidy` finds
tidies and tidied, `code` finds coded and coding; a phrase changes its first and last word the same
way (`video call` finds video calls). Where a noun's -ed form means something else (park → parked),
the table writes a phrase instead ("the park").

When keywords of several categories match a win, the one chosen is, in turn: of a category wall.yaml
names; not a generic word (called, bought, went … with: "called the dentist" is therapy & health);
the first in the win ("watered the plants before work" is home); the longer phrase ("coffee with"
over "coffee"); of the category listed first. A word right after "after", "before", "until" or
"since" says when, not what, and never counts ("after work, went for a swim" is movement).
"""

from __future__ import annotations

import re

from .words import squash

OTHER = "other"
EVERY_WIN = "all"  # named in a story of wall.yaml: every win, whatever its category
WORD = re.compile(r"[^\W_]+")
VOWELS = frozenset("aeiou")
NOT_DOUBLED = VOWELS | frozenset("wxy")  # a last letter never doubled before -ed, -ing
WHEN = frozenset({"after", "before", "until", "till", "since"})  # "after work, went for a swim"


def _words(text: str) -> tuple[str, ...]:
    """Split a comma-separated list of keywords, so the tables below read as plain lists."""
    return tuple(word.strip() for word in text.split(",") if word.strip())


# The categories every wall has (name → keywords), tried after the ones wall.yaml names. When two of
# them match the same words of a win, the narrower one, written first here, wins.
BUILTIN_CATEGORIES: dict[str, tuple[str, ...]] = {
    "therapy & health": _words("""
        therapy, therapist, counselling, counseling, counsellor, counselor, psychologist,
        psychiatrist, cbt, dbt, talking therapies, support group, wellbeing, mental health, health,
        doctor, doctors, gp, dentist, dental, optician, eye test, hospital, clinic, appointment,
        physio, physiotherapy, pharmacy, chemist, prescription, meds, medication, medicine, pills,
        vitamins, blood test, covid, vaccine, flu jab, check-up, checkup, sick, journal, journaled,
        journalled, meditate, meditation, mindfulness, breathing, breathwork, grounding
    """),
    "boundaries": _words("""
        boundary, boundaries, said no, say no, asked for help, ask for help, declined, decline,
        cancelled, canceled, logged off, log off, unfollowed, muted, stood up for, stand up for,
        spoke up, speak up, over-explain, left on time, delegate
    """),
    "connection": _words("""
        connection, friend, friends, mate, mates, mum, mom, mam, mother, dad, father, parents,
        sister, brother, family, nan, nana, gran, granny, grandma, grandad, grandpa, auntie, aunt,
        uncle, cousin, nephew, niece, kids, children, son, daughter, partner, wife, husband,
        boyfriend, girlfriend, flatmate, housemate, roommate, neighbour, neighbor, colleague,
        colleagues, text, message, whatsapp, reply, chat, catch up, caught up, hug, visit,
        video call, facetime, coffee with, for coffee, brunch with, lunch with, dinner with,
        tea with, drinks, pint, pub, quiz, party, birthday, wedding, leaving do, a date, date night,
        invite, invited, invitation, said hi, say hi, said hello, hung out, hang out, game night,
        board games, play with, didn't cancel, gift, love you
    """),
    "creativity": _words("""
        creativity, creative, draw, drew, drawn, drawing, sketch, sketchbook, doodle, paint,
        painting, ink, watercolour, watercolor, charcoal, art, artwork, collage, poem, poetry, song,
        lyrics, guitar, piano, ukulele, violin, drums, sing, sang, singing, choir, band, knit,
        crochet, sew, sewing, embroidery, craft, crafts, pottery, clay, photo, photos, photography,
        bake, design, carve, pumpkin, zine, comic, blog
    """),
    "movement": _words("""
        movement, exercise, workout, work out, worked out, walk, run, ran, jog, swim, swam, swum,
        lengths, laps, pool, yoga, pilates, stretch, stretches, gym, bike, cycle, ride, dance,
        steps, stairs, climb, climbing, bouldering, football, tennis, badminton, netball,
        basketball, boxing, weights, lifted, squats, push-ups, pushups, sit-ups, plank, 5k, 10k,
        parkrun, zumba, tai chi, treadmill, skate, surf, kayak
    """),
    "outdoors": _words("""
        outdoors, outside, the park, a park, big park, local park, parks, garden, allotment,
        planted, planting, weeded, weeding, seeds, the sun, sunny, sunshine, sunset, sunrise,
        fresh air, beach, seaside, coast, sea, forest, woods, hike, nature, river, lake, canal, hill,
        hills, fields, countryside, picnic, birds, snow, drizzle, into town, day trip, left the house,
        out of the house, left the flat
    """),
    "work & study": _words("""
        work, job, shift, shifts, meeting, meetings, standup, stand-up, email, emails, inbox,
        slack, report, reports, deadline, presentation, presented, slides, spreadsheet, timesheet,
        rota, expenses, invoice, client, clients, boss, manager, office, desk, interview, applied,
        application, cv, portfolio, code, commit, github, gitlab, pr, prs, pull request, merge,
        deploy, staging, production, bug, bugs, debug, refactor, python, javascript, typescript,
        rust, css, html, sql, flexbox, programming, programmed, website, api, database, migration,
        tickets, server, study, homework, class, course, lecture, seminar, tutorial, exam, exams,
        revision, revise, essay, thesis, dissertation, chapter, the reading, reading group,
        flashcards, duolingo, spanish, french, german, italian, japanese, language, learn, learnt,
        lesson, lessons, uni, university, college, campus, library, freshers, assignment, research,
        volunteer, marketing
    """),
    "rest": _words("""
        rested, resting, a rest, nap, sleep, slept, early night, lie-in, lay in, relax, break,
        breaks, day off, afternoon off, morning off, time off, holiday, vacation, film, films,
        movie, movies, tv, telly, series, podcast, audiobook, novel, crossword, puzzle, jigsaw,
        sudoku, video games, chill, chilled, duvet day, lazy, slowly, slow day
    """),
    "self-care": _words("""
        selfcare, self-care, shower, a bath, long bath, hot bath, bubble bath, teeth, floss,
        skincare, moisturise, moisturize, face mask, haircut, hair, nails, shave, dressed,
        clothes, hygiene, got up, out of bed, curtains, blinds, routine, eat, ate, eaten, meal,
        meals, breakfast, brunch, lunch, dinner, supper, tea, snack, fruit, vegetables, salad,
        soup, soups, porridge, toast, pancakes, eggs, sandwich, smoothie, pasta, lasagne, curry,
        stew, cake, hot chocolate, cook, recipe, drink, drank, glass of water, ran a bath
    """),
    "home": _words("""
        laundry, washing, a wash, washed up, wash up, dishes, dishwasher, hoover, vacuum, tidy,
        clean, declutter, mop, dust, ironing, bins, bin, recycling, rubbish, trash, compost,
        groceries, shop, supermarket, market, milk, bread, errands, ran errands, chores,
        made the bed, sheets, bedding, plants, houseplant, houseplants, a plant, watered, repot,
        potted, fern, cuttings, fridge, oven, bathroom, post, parcel, post office, stamps, bank,
        bill, bills, tax, council, tax return, the form, a form, forms, paperwork, admin, boiler,
        mot, insurance, rent, landlord, the car, my car, car boot, decorations, loft, boxes,
        unpacked, unloaded, lawn, mow, repaired, furniture, lamp, lightbulb, shelf, shelves, diy,
        cat, litter, vet, nursery, school run, pickup
    """),
}

# Words that say only how a thing was done (called, bought, went … with): tried after every word of
# every category, so "called the dentist" is therapy & health. They belong to a built-in category and
# go when wall.yaml replaces it.
GENERIC_WORDS: dict[str, tuple[str, ...]] = {
    "connection": _words("call, called, phoned, phone, rang, ring, talk, talked, told, met, showed, "
                         "laughed, apologised, apologized, thanked, together, with"),
    "creativity": _words("wrote, written, writing, practise, practice"),
    "work & study": _words("finished, submitted, completed, pushed"),
    "rest": _words("read, watched, rewatched, listened, played"),
    "self-care": _words("opened"),
    "home": _words("bought, paid, ordered, returned, booked, sorted, fed, renewed, fixed, "
                   "picked up, collected, dropped off"),
}


def word_forms(word: str) -> set[str]:
    """Return a word and its everyday forms: -s, -es, -ed, -ing, with e dropped, y → i, or doubled."""
    forms = {word}
    if not word.isalpha():
        return forms
    forms |= {word + "s", word + "es", word + "ed", word + "ing"}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    if len(word) > 2 and word[-1] == "y" and word[-2] not in VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if len(word) > 2 and word[-1] not in NOT_DOUBLED and word[-2] in VOWELS and word[-3] not in VOWELS:
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}  # swim → swimming, chat → chatted
    return forms


def keyword_forms(keyword: str) -> set[str]:
    """Return every way a keyword can be written, as lower-case words joined by single spaces."""
    words = WORD.findall(keyword.lower())
    if len(words) < 2:
        return {form for word in words for form in word_forms(word)}
    middle = words[1:-1]
    return {" ".join((first, *middle, last))
            for first in word_forms(words[0]) for last in word_forms(words[-1])}


Table = tuple[tuple[str, tuple[str, ...]], ...]


def rank_forms(table: Table) -> dict[str, tuple[int, int, str]]:
    """Map every form of every keyword to (tier: yours 0, built-in 1, generic 2; place; category)."""
    place = {name: index for index, (name, _) in enumerate(table)}
    built = [name for name, words in table if BUILTIN_CATEGORIES.get(name) == words]
    tiers = (
        [(name, words) for name, words in table if name not in built],
        [(name, BUILTIN_CATEGORIES[name]) for name in built],
        [(name, GENERIC_WORDS.get(name, ())) for name in built],
    )
    ranks: dict[str, tuple[int, int, str]] = {}
    for tier, rules in enumerate(tiers):
        for name, keywords in rules:
            rank = (tier, place[name], name)
            for form in (f for k in keywords for f in keyword_forms(k)):
                ranks[form] = min(ranks.get(form, rank), rank)
    return ranks


class Categorizer:
    """Decide categories from an ordered table of (name, keywords)."""

    def __init__(self, table: Table):
        self.names = {squash(name): name for name, _ in reversed(table)}
        self.ranks = rank_forms(table)
        lengths: dict[str, set[int]] = {}
        for form in self.ranks:
            first, *rest = form.split(" ")
            lengths.setdefault(first, set()).add(1 + len(rest))
        self.lengths = {first: tuple(sorted(n)) for first, n in lengths.items()}
        """The word counts of the keywords each word can begin."""

    def __call__(self, tags: tuple[str, ...], text: str, note_tags: tuple[str, ...] = ()) -> str:
        return self.named(tags) or self.matched(" ".join((text, *tags))) or self.named(note_tags) or OTHER

    def named(self, tags: tuple[str, ...]) -> str | None:
        """Return the first category one of the tags names, if any."""
        return next((self.names[key] for key in map(squash, tags) if key in self.names), None)

    def matched(self, text: str) -> str | None:
        """Return the category of the best keyword in the text (see the module's docstring)."""
        words = WORD.findall(text.lower())
        found = []
        for i, word in enumerate(words):
            if i and words[i - 1] in WHEN:
                continue  # says when it was done, not what: "after work" does not make a swim work
            for n in self.lengths.get(word, ()):
                rank = self.ranks.get(" ".join(words[i:i + n]))
                if rank:
                    tier, place, name = rank
                    found.append((tier, i, -n, place, name))
        return min(found)[-1] if found else None
