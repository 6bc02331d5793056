"""Names in text written without capitals, read in a truecased copy (truecase.py,
recognizers/en/caseless_name.py); sentences written for these tests."""

from __future__ import annotations

import pytest

from curation.pii.assembly import engine_for
from curation.pii.recognizers.en.caseless_name import CaselessNameRecognizer, lower_case_stretches
from curation.pii.truecase import truecased, usual_case


@pytest.fixture(scope="module")
def engine(policy):
    return engine_for("en", policy.pii)


def found(engine, text: str) -> list[tuple[str, str]]:
    return [(text[r.start:r.end], r.entity_type) for r in engine.analyze([text], 8)[0]]


@pytest.mark.parametrize("text,name", [
    ("had lunch with kev and steph in cardiff yesterday, so good", ("steph", "PERSON")),
    ("flying to lagos next week to see my aunt lol", ("lagos", "LOCATION")),
    ("cant believe harry styles is playing the hague this summer", ("hague", "LOCATION")),
])
def test_a_name_in_a_lower_case_post_is_found(engine, text, name):
    # NER reading the post as written misses it: it reads names by their capitals.
    assert name in found(engine, text)


def test_truecasing_capitalises_usual_names_and_keeps_every_character_in_place():
    text = "omg KENDRICK and kev in cardiff, then the new album"
    view, raised = truecased(text)
    assert view == "omg Kendrick and Kev in Cardiff, then the new album"
    assert [text[s:e] for s, e in raised] == ["KENDRICK", "kev", "cardiff"]
    # Sentence-initial capitals inflate interjections; the margin keeps them in lower case.
    assert usual_case("hey") == "hey" and usual_case("lol") == "lol"


def test_a_word_whose_case_change_alters_its_length_stays_as_written():
    # "İ" lower-cases to two characters: capitalising from it would shift every later offset.
    text = "saw İSTANBUL and cardiff today"
    view, _ = truecased(text)
    assert view == "saw İSTANBUL and Cardiff today" and len(view) == len(text)


def test_handles_hashtags_links_and_codes_keep_their_case():
    text = "@cardiff #london is.gd/paris m25 ok"
    assert truecased(text) == (text, [])


def test_a_business_letter_is_not_read_again():
    letter = ("Dear Ms Patel,\nPlease find attached the signed contract for the Leeds office.\n"
              "The meeting is moved to next week. Please send the form back by the end of the month.\n"
              "Kind regards,\nTom Baker")
    assert lower_case_stretches(letter) == []


def test_only_words_truecasing_capitalised_start_a_reading():
    # "i" alone adds no name: a lower-case sentence with no usual name is not read again.
    assert lower_case_stretches("i think we should go home now tbh") == []
    [stretch] = lower_case_stretches("Home now.\nsaw kev at the gym today")
    assert (stretch.start, stretch.view, stretch.raised) == (10, "saw Kev at the gym today", [(4, 7)])


def test_a_post_in_another_language_gives_no_names(engine):
    text = "para com isso o neymar ser afastado o time acaba"
    doc = engine.nlp_engine.process_text(text, "en")
    assert CaselessNameRecognizer().analyze(text, ["PERSON", "LOCATION"], doc) == []


def test_without_nlp_artifacts_the_recognizer_finds_nothing():
    assert CaselessNameRecognizer().analyze("flying to lagos next week", ["LOCATION"], None) == []


def test_contractions_stay_as_written_and_a_possessive_name_is_capitalised():
    # "don" alone is usually "Don" and "dont" usually "Dont" (sentence-initial), never a name here.
    view, _ = truecased("don't tell kev's mum, dont care")
    assert view == "don't tell Kev's mum, dont care"


def test_a_month_or_weekday_alone_starts_no_reading():
    # Truecasing capitalises them, but span clean-up would drop any name made of them.
    assert lower_case_stretches("see u on friday lol, back in march") == []


def test_the_committed_table_is_what_the_case_statistics_give():
    # truecase_words.py is generated data: a change of the margin, the derivation or the package
    # must come with the regenerated file (`python -m curation.pii.truecase`), or the two drift apart.
    pytest.importorskip("spacy_lookups_data", reason="spacy-lookups-data (dev extra) is not installed")
    from curation.pii import truecase_words
    from curation.pii.truecase import derive, derive_common

    assert truecase_words.TITLE.split() == derive()
    assert truecase_words.COMMON.split() == derive_common()


def test_a_run_of_lower_case_sentences_is_cut_at_the_line_limit():
    # adjacent sentences on one line are read together, but never past MAX_LINE_CHARS: one very
    # long line of short sentences must not reach spaCy as one document (memory, its length limit)
    from curation.pii.recognizers.en.caseless_name import MAX_LINE_CHARS

    stretches = lower_case_stretches("saw kev in cardiff. " * 5000)
    assert stretches and max(len(s.view) for s in stretches) <= MAX_LINE_CHARS


def test_an_organisation_in_a_lower_case_post_is_found(engine):
    # Read as written, NER finds nothing here; the truecased copy reads "works at Walmart".
    text = "my brother works at walmart and hates it"
    assert ("walmart", "ORGANIZATION") in found(engine, text)


def test_a_contraction_written_without_its_apostrophe_starts_no_reading():
    # "lets" is "Let's" opening a sentence in the case statistics (+5.75), the verb in business
    # prose: capitalising it made a second reading of such sentences find nothing.
    assert usual_case("lets") == "lets"
    assert lower_case_stretches("Our new portal lets customers track every order online.") == []
