"""PII detection on social-media text: span clean-up of handles, articles and foreign words
(sentences written for these tests)."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from curation.pii.assembly import engine_for
from curation.pii.spans import clean_entity


@pytest.fixture(scope="module")
def nlp(policy):
    return engine_for("en", policy.pii).nlp_engine.nlp["en"]


def cleaned(nlp, text: str, start: int, end: int, label: str) -> str | None:
    """What clean_entity keeps of tokens start..end of `text` labelled `label`."""
    doc = nlp(text)
    ent = clean_entity(Span(doc, start, end, label=label))
    return None if ent is None else text[ent.start_char:ent.end_char]


@pytest.mark.parametrize("label", ["LOCATION", "ORGANIZATION"])
def test_a_leading_the_that_ner_keeps_in_a_place_or_organisation_stays(nlp, label):
    assert cleaned(nlp, "Heavy rain over The Harbour tonight", 3, 5, label) == "The Harbour"


def test_the_before_a_cue_word_or_in_a_person_is_still_trimmed(nlp):
    assert cleaned(nlp, "The Customer Jane Roe called", 0, 4, "PERSON") == "Jane Roe"
    assert cleaned(nlp, "The Team meets at noon", 0, 2, "ORGANIZATION") is None


def test_at_sign_read_as_at_before_a_place_keeps_the_place_and_drops_a_time_after_it(nlp):
    text = "Kick-off tonight @Riverside Arena @8:15 with the juniors"
    doc = nlp(text)
    start = next(t.i for t in doc if t.text.startswith("@Riverside"))
    end = next(t.i for t in doc if t.text.startswith("@8")) + 1
    assert cleaned(nlp, text, start, end, "LOCATION") == "Riverside Arena"


def test_a_place_or_organisation_account_alone_is_still_not_kept(nlp):
    assert cleaned(nlp, "@riversidearena tickets", 0, 1, "LOCATION") is None


def test_a_person_handle_is_kept_without_the_words_of_the_post_after_it(nlp):
    assert cleaned(nlp, "@quillfeather haha so true", 0, 3, "PERSON") == "@quillfeather"


@pytest.mark.parametrize("text,end", [
    ("ik ben er niet bij morgen", 3),     # Dutch
    ("que no se puede hacer", 3),         # Spanish
])
def test_a_lower_case_span_of_foreign_function_words_is_no_name(nlp, text, end):
    assert cleaned(nlp, text, 0, end, "PERSON") is None


def test_a_lower_case_name_with_content_words_is_kept(nlp):
    assert cleaned(nlp, "saw jonah whitfield at the gig", 1, 3, "PERSON") == "jonah whitfield"
