"""Rule 5, prose mode (PRODUCT.md §2): which sentences report something the writer did, as a table."""

from __future__ import annotations

import time

import pytest

from generator.prose import deed_sentences, reports_deed, split_sentences


@pytest.mark.parametrize("sentence", [
    # PRODUCT.md's examples
    "Called Mom back.",
    "I went for a run.",
    "We got cake.",
    "Still fed the cat.",
    "This afternoon I hung the washing.",
    "After work, went for a swim.",
    # I / We, then (finally, actually, still, managed to, also, just) a past-tense verb
    "I finally booked the boiler service!",
    "I actually cleaned the bathroom.",
    "I still went to the gym.",
    "We managed to get the car fixed.",
    "I managed to shower.",
    "We also walked the dog.",
    "I just finished the book.",
    "i texted jo",  # phone notes in lower case
    "We talked for an hour.",
    "We ordered pizza and I tidied the kitchen after.",
    "I've finished the essay.",  # present perfect reports a deed too
    # a past-tense verb first: -ed or a common irregular form
    "Made coffee anyway and sat in the garden.",
    "Got my hair cut.",
    "Managed a shower before work.",
    "Read the letter from the council.",
    "Came 4th!",
    "fixed the flaky upload test",
    "went to the standup even though I didn't want to",  # a negation later does not undo the deed
    "Slept eight hours.",
    "Woke up early and went for a run.",  # waking is a common irregular past, not a feeling
    "Finally booked it.",
    "Just replied to the email.",
    # a short time phrase first
    "Then I phoned the surgery and got an appointment.",
    "Tonight I cooked the pasta thing from the blue book.",
    "In the morning I emptied the dishwasher.",
    "At lunch, walked round the block.",
    "At 4am I gave up and made tea.",
    "Later I replied to Ruth and we fixed a time for Saturday.",
    "On Sunday we went to the garden centre.",
    "This morning, went for a swim.",
    "And then I hoovered.",
    "Yesterday evening I rang Nan.",
    "09:15 took meds",  # a clock time is a short time phrase
    "7am, went for a run.",
    "4.30pm - I rang Jo.",
    "By 10 I had showered.",
])
def test_sentences_that_report_a_deed(sentence):
    assert reports_deed(sentence)


@pytest.mark.parametrize("sentence", [
    # feelings and states
    "Felt guilty all morning about sleeping in.",
    "Felt almost normal.",
    "I was on the sofa most of it.",
    "Worried about money again.",
    "I wanted to call Jo.",
    "Dad seemed quieter than usual.",
    "Thought about texting Aisha but didn't.",
    "I hoped it would rain.",
    "Tired.",
    "Exhausted after the drive.",
    "Got angry at the printer.",  # a deed verb followed by a state
    "Made me laugh.",  # someone else did it
    # other people
    "She was happy to hear from me.",
    "My sister rang.",
    "Mum phoned.",
    "The train was delayed so I got in late.",
    "Lily asked if I was ok and I said yes, which was a lie.",
    "It seemed like a lot.",
    "Work was fine, I guess.",
    "This took ages.",  # "this" is not a time phrase here
    "After Mum called, cried for an hour.",
    # plans and wishes
    "I'll do the forms on Monday.",
    "I'm going to try again tomorrow.",
    "I hope tomorrow is easier.",
    "Need to ring Mum.",
    # negations
    "I didn't go to the shop.",
    "Didn't leave the house.",
    "Couldn't sleep.",
    "Couldn't get dressed.",
    "Did nothing all day.",
    "I never went.",
    "Got no sleep.",
    # questions
    "Is it normal to be this tired?",
    "Texted Ruth about Saturday?",
    # things that went wrong, or decisions not to (the spec's "-ed" would count them; a reader would not)
    "Stayed in bed all day.",
    "Missed the bus.",
    "Forgot my keys.",
    "Skipped coding.",
    "Cancelled on Dana.",
    "Overslept again.",
    "Cried in the car.",
    "Spent the day in bed.",
    "Ran out of milk.",
    # not sentences with a deed at all
    "Quiet day.",
    "Monday.",
    "Back from Mum's.",
    "No, not yet.",
    "pairing session with Tom on the cache",
    "2 hours of Spanish",
    "Red wine with Sam.",  # -ed, but not a verb
    "Everything felt heavy.",
    "Nobody needed anything from me, which helped.",
])
def test_sentences_that_do_not(sentence):
    assert not reports_deed(sentence)


@pytest.mark.parametrize(("text", "sentences"), [
    ("Got up. Went out! Came back? Slept…", ["Got up.", "Went out!", "Came back?", "Slept…"]),
    ("wrote the release notes for 2.4 today", ["wrote the release notes for 2.4 today"]),
    ("Saw Dr. Patel at 3. Then I slept.", ["Saw Dr. Patel at 3.", "Then I slept."]),
    ("Took vitamin D. Went out.", ["Took vitamin D. Went out."]),  # a capital initial reads as a name
    ('"Done." Then slept.', ['"Done."', "Then slept."]),
    ("  ", []),
])
def test_split_sentences(text, sentences):
    assert split_sentences(text) == sentences


@pytest.mark.parametrize(("text", "deeds"), [
    ("Felt guilty all morning about sleeping in. Made coffee anyway and sat in the garden. My sister "
     "rang. We talked for an hour. She was happy to hear from me. I didn't go to the shop. Is it normal "
     "to be this tired?",
     ["Made coffee anyway and sat in the garden.", "We talked for an hour."]),
    ("**Update:** Read it.", ["Read it."]),  # a leading bold label is not part of the sentence
    ("**Update**: Read it.", ["Read it."]),
    ("Everything felt heavy. Still fed the cat.", ["Still fed the cat."]),
    ("Got my hair cut. Need to ring Mum. Why is everything so loud? I'll do the forms on Monday. We "
     "managed to get the car fixed. I went for a run. We got cake.",
     ["Got my hair cut.", "We managed to get the car fixed.", "I went for a run.", "We got cake."]),
    ("", []),
])
def test_deed_sentences_of_a_line(text, deeds):
    assert deed_sentences(text) == deeds


def test_a_long_line_of_short_sentences_is_read_in_one_pass():
    started = time.perf_counter()
    deed_sentences("A. " * 2000 + "After the long and winding, " * 200 + "went out.")
    deed_sentences("Then " * 4000)
    assert time.perf_counter() - started < 2
