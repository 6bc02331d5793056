"""Round thirteen (issue 17, heldout10's miss classes): a kinship or role word before a name stays
outside the name, and a common word opening a post as a verb before its object is no name. Posts
in the tests' own words."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from curation.pii.assembly import engine_for
from curation.pii.spans import clean_entity


@pytest.fixture(scope="module")
def nlp(policy):
    return engine_for("en", policy.pii).nlp_engine.nlp["en"]


def _kept(nlp, text: str, words: str, label: str = "PERSON") -> str | None:
    doc = nlp.make_doc(text)
    span = doc.char_span(text.index(words), text.index(words) + len(words))
    ent = clean_entity(Span(doc, span.start, span.end, label=label))
    return None if ent is None else text[ent.start_char:ent.end_char]


@pytest.mark.parametrize(("text", "words", "name"), [
    ("Grandpa Otis fixed the fence again before breakfast", "Grandpa Otis", "Otis"),
    ("so proud of my cousin Bea for finishing the marathon", "cousin Bea", "Bea"),
    ("my barber lenny talks more than he cuts", "barber lenny", "lenny"),
])
def test_a_kinship_or_role_word_before_a_name_is_left_outside_it(nlp, text, words, name):
    assert _kept(nlp, text, words) == name


def test_a_kinship_word_alone_in_a_person_span_is_kept(nlp):
    # Nothing after it to be the name: NER's reading stands (the word may be a nickname).
    assert _kept(nlp, "waiting on Nana to pick up the phone", "Nana") == "Nana"


@pytest.mark.parametrize(("text", "word"), [
    ("Mark my words, the bakery on the corner closes by spring.", "Mark"),
    ("Bill me for the extra hours, I do not mind.", "Bill"),
    ("So tired today. Pat yourself on the back if you made it to Friday.", "Pat"),
])
def test_a_common_word_opening_a_sentence_before_an_object_pronoun_is_a_verb_not_a_name(nlp, text, word):
    assert _kept(nlp, text, word) is None


def test_a_name_with_a_comma_before_a_pronoun_is_kept(nlp):
    assert _kept(nlp, "Mark, my train is late again, start without me", "Mark") == "Mark"


def test_a_common_word_name_inside_a_sentence_before_a_pronoun_is_kept(nlp):
    # Not opening its sentence: "told Bill my plan" names Bill.
    assert _kept(nlp, "I told Bill my plan over lunch", "Bill") == "Bill"


def _teams(text: str) -> list[str]:
    from curation.pii.recognizers.en.team import SportsTeamRecognizer

    return [text[r.start:r.end] for r in SportsTeamRecognizer().analyze(text, ["ORGANIZATION"])]


@pytest.mark.parametrize(("text", "team"), [
    ("watching the hornets game with my roommates tonight", "hornets"),
    ("Honestly the Mariners rotation has been carrying them all month", "Mariners"),
    ("THE SABRES POWER PLAY IS A DISASTER", "SABRES"),
])
def test_a_plural_word_between_the_and_a_word_of_its_sport_is_a_team(text, team):
    assert _teams(text) == [team]


def test_a_group_of_people_before_a_word_of_a_sport_is_no_team():
    assert _teams("the kids game ran late so we missed dinner") == []


def test_a_plural_word_after_the_with_no_word_of_a_sport_is_no_team():
    assert _teams("the tigers at the zoo were asleep all afternoon") == []


@pytest.mark.parametrize(("text", "words", "label", "name"), [
    ("Lmao Theo just walked into the glass door", "Lmao Theo", "PERSON", "Theo"),
    ("running late bc acme buses skipped my stop", "bc acme buses", "ORGANIZATION", "acme buses"),
])
def test_a_chat_abbreviation_glued_to_a_name_is_left_outside_it(nlp, text, words, label, name):
    assert _kept(nlp, text, words, label) == name


def test_a_chat_abbreviation_alone_is_no_name(nlp):
    assert _kept(nlp, "Looking for a dog sitter this weekend, DM me", "DM", "ORGANIZATION") is None


def test_a_capitalised_abbreviation_that_is_also_a_place_is_kept(nlp):
    # Only lower-case "bc" is "because"; BC is British Columbia.
    assert _kept(nlp, "Moving to BC next spring for the new job", "BC", "LOCATION") == "BC"


def test_a_lower_case_abbreviation_alone_that_is_also_a_place_is_kept(nlp):
    # Alone, lower-case "bc" is British Columbia as often as "because".
    assert _kept(nlp, "first road trip to bc since the pandemic", "bc", "LOCATION") == "bc"
