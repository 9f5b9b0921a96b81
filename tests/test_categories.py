"""Categories as a person would file their own wins: the built-in words, their forms, and which wins."""

from __future__ import annotations

import pytest

from generator.categories import BUILTIN_CATEGORIES, OTHER, Categorizer, keyword_forms, word_forms

BUILT_IN = Categorizer(tuple(BUILTIN_CATEGORIES.items()))


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # PRODUCT.md §2 and issue 10: everyday words and their forms
        ("30 lengths!!!", "movement"),
        ("swam 20 lengths at the leisure centre", "movement"),
        ("went swimming before work", "movement"),  # the first word that names a deed: swimming
        ("coded for an hour", "work & study"),
        ("made my first commit", "work & study"),
        ("signed up for the course", "work & study"),
        ("studied for the exam", "work & study"),
        ("pushed the fix to GitHub", "work & study"),
        ("texted Ana back", "connection"),
        ("brunch with Tasha and Sam", "connection"),  # "brunch with" is longer than "brunch"
        ("After work, went for a swim.", "movement"),  # a word after "after" says when, not what
        ("worked on the essay before class", "work & study"),
        ("Called the dentist", "therapy & health"),  # a specific word beats the generic "called"
        ("phoned the dentist back", "therapy & health"),
        ("took my meds", "therapy & health"),
        # self-care
        ("showered", "self-care"),
        ("brushed my teeth before midnight", "self-care"),
        ("ate breakfast sitting down", "self-care"),
        ("made soup from the sad veg", "self-care"),
        ("got dressed", "self-care"),
        ("opened the curtains", "self-care"),
        ("Got my hair cut.", "self-care"),
        ("drank a whole pint of water", "self-care"),  # drank comes first; the pint is not a pub
        # connection
        ("called mum for 20 min", "connection"),
        ("rang Auntie Jo", "connection"),
        ("chatted to a woman at the class", "connection"),
        ("replied to the group chat", "connection"),
        ("video call with Jess and my nephew", "connection"),
        ("We talked for an hour.", "connection"),  # generic, but nothing more specific matched
        ("went to the market with Leo", "home"),  # the market names the deed; "with" only how
        ("went to the cemetery with Jess", "connection"),  # nothing else: going with someone
        ("Hana's birthday drinks", "connection"),
        # home
        ("did laundry", "home"),
        ("emptied the dishwasher", "home"),
        ("tidied my room", "home"),
        ("watered the plants before work", "home"),  # the first deed in the win
        ("repotted the basil", "home"),
        ("paid the council tax", "home"),
        ("went to the post office", "home"),
        ("bought milk", "home"),
        ("Still fed the cat.", "home"),
        ("unloaded the car", "home"),
        ("ran errands all morning", "home"),  # a phrase beats its first word ("ran" is movement)
        # movement
        ("walked to the park", "movement"),  # walked comes before the park
        ("15 min yoga", "movement"),
        ("stretched for 5 min", "movement"),
        ("took the stairs", "movement"),
        ("went bouldering", "movement"),
        ("worked out at the gym", "movement"),  # "worked out" is longer than "work"
        # rest
        ("napped for 40 min", "rest"),
        ("early night", "rest"),
        ("lie-in til 10", "rest"),
        ("took the afternoon off", "rest"),
        ("We watched a film.", "rest"),
        ("read on the bus", "rest"),
        # work & study
        ("answered 6 emails", "work & study"),
        ("did the shift anyway", "work & study"),
        ("reviewed the migration PR", "work & study"),
        ("finished the reading", "work & study"),
        ("40 mins of Spanish", "work & study"),
        # boundaries
        ("said no to extra shifts", "boundaries"),
        ("asked for help with the move", "boundaries"),
        ("logged off at 5", "boundaries"),
        # therapy & health
        ("went to therapy", "therapy & health"),
        ("rang the GP at 8", "therapy & health"),
        ("journaled for 10 minutes", "therapy & health"),
        ("meditated", "therapy & health"),
        ("went to the optician", "therapy & health"),
        # creativity
        ("sketched two pigeons", "creativity"),
        ("drew her kitchen while she made tea", "creativity"),
        ("knitted a row", "creativity"),
        ("baked bread", "creativity"),  # baked comes first
        ("went to choir!", "creativity"),
        # outdoors
        ("sat in the sun for ages", "outdoors"),
        ("lunch in the park", "self-care"),  # lunch comes first
        ("We went to the seaside.", "outdoors"),
        ("planted the tomatoes", "outdoors"),
        ("opened the window for fresh air", "outdoors"),
        # words that look like keywords but are not
        ("parked the car", "home"),  # parked is not the park
        ("thurs-sun were bad", OTHER),  # sun is Sunday here
        ("walked home", "movement"),  # home is not a keyword: walking home is not housework
        ("the rest of the day", OTHER),
        ("looked at the clouds", OTHER),
        ("5 minutes, but I did it", OTHER),
    ],
)
def test_built_in_category(text, category):
    assert BUILT_IN((), text) == category


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("swim", {"swims", "swimming", "swimmed"}),
        ("code", {"codes", "coded", "coding"}),
        ("study", {"studies", "studied", "studying"}),
        ("chat", {"chatted", "chatting", "chats"}),
        ("text", {"texted", "texting", "texts"}),
        ("mow", {"mowed", "mowing"}),
        ("cancel", {"cancelled", "cancelling", "canceled"}),
        ("5k", {"5k"}),  # not a word: only itself
    ],
)
def test_word_forms(word, forms):
    assert forms <= word_forms(word)


def test_a_phrase_changes_its_first_and_last_word():
    assert {"video calls", "asking for help", "said no"} <= (
        keyword_forms("video call") | keyword_forms("ask for help") | keyword_forms("said no"))
    assert keyword_forms("lie-in") >= {"lie in"}


def test_tags_first_then_keywords_then_the_notes_tags():
    assert BUILT_IN(("outdoors",), "called mum") == "outdoors"
    assert BUILT_IN(("walk",), "went for a") == "movement"  # a tag is a word too
    assert BUILT_IN(("work_log",), "Say I love you") == "connection"  # the text before the tags
    assert BUILT_IN((), "sat quietly", ("rest",)) == "rest"
    assert BUILT_IN((), "did laundry", ("rest",)) == "home"


def test_your_categories_beat_every_built_in_word():
    mine = Categorizer((("pets", ("dog", "cat")), *BUILTIN_CATEGORIES.items()))
    assert mine((), "walked the dog") == "pets"
    assert mine((), "called the vet about the cat") == "pets"


def test_a_replaced_built_in_loses_its_words_and_its_generic_words():
    mine = Categorizer((("home", ("garden",)),
                        *((n, k) for n, k in BUILTIN_CATEGORIES.items() if n != "home")))
    assert mine((), "did laundry") == OTHER
    assert mine((), "bought a lamp") == OTHER  # "bought" was home's generic word
    assert mine((), "weeded the garden") == "home"
    assert mine((), "called Jess") == "connection"
