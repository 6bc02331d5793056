"""Organisations and places NER finds in business prose that name no one: roles, company units,
the issuer in an identifier's name (sentences written for these tests)."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from curation.pii.assembly import engine_for
from curation.pii.role_shapes import names_identifier, names_role_or_unit
from curation.pii.spans import clean_entity


@pytest.fixture(scope="module")
def nlp(policy):
    return engine_for("en", policy.pii).nlp_engine.nlp["en"]


def cleaned(nlp, text: str, start: int, end: int, label: str) -> str | None:
    """What clean_entity keeps of tokens start..end of `text` labelled `label`."""
    ent = clean_entity(Span(nlp(text), start, end, label=label))
    return None if ent is None else text[ent.start_char:ent.end_char]


@pytest.mark.parametrize("words", [["The", "Sales", "Department"], ["Head", "of", "Procurement"],
                                   ["Customer", "Success", "Lead"], ["HR", "Business", "Partner"],
                                   ["Operations", "Analyst"], ["Services"]])
def test_a_phrase_of_function_words_ending_in_a_head_noun_is_a_role_or_unit(words):
    assert names_role_or_unit(words)


@pytest.mark.parametrize("words", [["Commerce", "Department"], ["Gabriel", "Resources"], ["Team", "Pioneers"],
                                   ["Treasury"], ["The", "Sales"], ["Acme", "Logistics", "Coordinator"]])
def test_a_named_unit_or_a_function_word_alone_is_not(words):
    assert not names_role_or_unit(words)


def test_a_function_word_before_a_head_noun_ner_left_out_is_a_role():
    assert names_role_or_unit(["Finance"], "Director")
    assert not names_role_or_unit(["Treasury"], "of")


@pytest.mark.parametrize(("word", "expected"), [("number", True), ("No.", True), ("code", True), ("ID", True),
                                                ("account", False), ("", False)])
def test_identifier_nouns(word, expected):
    assert names_identifier(word) is expected


@pytest.mark.parametrize("label", ["ORGANIZATION", "LOCATION"])
def test_clean_up_drops_roles_and_units_named_as_organisations_or_places(nlp, label):
    assert cleaned(nlp, "She was appointed Logistics Coordinator in May", 3, 5, label) is None
    assert cleaned(nlp, "Please ask The Sales Department first", 2, 5, label) is None
    assert cleaned(nlp, "Contact: Anna Berg, Finance Director", 5, 6, label) is None


def test_clean_up_drops_the_issuer_of_an_identifier_and_keeps_the_same_name_elsewhere(nlp):
    text = "We hold your Social Security number on file"
    assert cleaned(nlp, text, 3, 5, "ORGANIZATION") is None
    assert cleaned(nlp, "I wrote to Social Security about it", 3, 5, "ORGANIZATION") == "Social Security"


def test_clean_up_keeps_persons_and_named_units(nlp):
    assert cleaned(nlp, "the Commerce Department said no", 1, 3, "ORGANIZATION") == "Commerce Department"
    assert cleaned(nlp, "Lead Singer Ana Lead left", 2, 4, "PERSON") == "Ana Lead"
    assert cleaned(nlp, "No. Treasury deprived of cash", 2, 3, "ORGANIZATION") == "Treasury"


def test_the_stage_masks_the_person_but_not_the_role_in_a_signature(anonymizer):
    (out,) = anonymizer.anonymize(["Yours sincerely,\nTamsin Brennan\nLogistics Coordinator\n"], "en")
    assert "Tamsin Brennan" not in out.text and "Logistics Coordinator" in out.text
