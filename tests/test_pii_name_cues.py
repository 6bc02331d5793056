"""Names that are also common words, capitalised in a truecased copy where a strong cue marks them
(recognizers/en/name_cues.py); sentences written for these tests."""

from __future__ import annotations

import pytest

from curation.pii.assembly import engine_for
from curation.pii.recognizers.en.caseless_name import lower_case_stretches
from curation.pii.recognizers.en.name_cues import cued_names, twins


@pytest.fixture(scope="module")
def engine(policy):
    return engine_for("en", policy.pii)


def cued(text: str) -> list[str]:
    return [text[s:e] for s, e in cued_names(text, [], twins(text))]


@pytest.mark.parametrize("text,name", [
    ("dinner with my sister grace tonight", "grace"),          # kinship word before it
    ("happy birthday rose, have a great one", "rose"),         # address before it
    ("lmao hope just said no and left", "hope"),               # a verb of speech after it
    ("me and mark went to the beach", "mark"),                 # coordinated with "me"
])
def test_a_cue_marks_a_common_word_as_a_name(text, name):
    assert cued(text) == [name]


def test_a_word_beside_a_name_truecasing_raised_is_marked():
    [stretch] = lower_case_stretches("so jess and mark broke up lol")
    assert stretch.view == "so Jess and Mark broke up lol"
    assert [stretch.view[s:e] for s, e in stretch.cued] == ["Mark"]


def test_a_capitalised_twin_or_a_handle_elsewhere_marks_the_word():
    text = "Went out with Grace last night.\nhonestly grace is the best"
    [stretch] = lower_case_stretches(text)
    assert stretch.view.endswith("honestly Grace is the best")
    handle = "@grace_h omg grace"
    assert [handle[s:e] for s, e in cued_names(handle, [], twins(handle))] == ["grace"]
    dotted = "@jordan.hayes lol hayes is here"  # a dotted handle's parts (spans.HANDLE_BODY)
    assert [dotted[s:e] for s, e in cued_names(dotted, [], twins(dotted))] == ["hayes"]


@pytest.mark.parametrize("text", [
    "my mum said no",                    # the kinship word and the speech verb are no names
    "i hope so, she said",               # pronouns and function words
    "check rose.com and #rose today",    # a link and a hashtag keep their case
    "she will and i won't",              # a function word is never marked
])
def test_no_cue_no_mark(text):
    assert cued(text) == []


def test_a_cued_name_is_masked_as_a_person(engine):
    text = "dinner with my sister grace tonight, so excited"
    assert any(text[r.start:r.end] == "grace" and r.entity_type == "PERSON" for r in engine.analyze([text], 8)[0])


def test_a_cued_word_read_into_an_organisation_is_read_again_without_the_cue(engine):
    # Capitalised by the coordination cue, "Gemma and Fi" reads as one organisation; the cue said
    # person, so the post is read again as truecasing alone gives it ("Gemma and fi").
    text = "karaoke night at the pub with gemma and fi, so much fun"
    found = [(text[r.start:r.end], r.entity_type) for r in engine.analyze([text], 8)[0]]
    assert ("gemma", "PERSON") in found and not any(t == "ORGANIZATION" for _, t in found)
