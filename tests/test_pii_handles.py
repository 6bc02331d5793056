"""Social-media handles: dotted handles kept as names, accounts NER reads as organisations kept
alone as organisations (pii.handles: entity) or dropped whole (person), pii.handles "all"
masking every handle; capitals that mark a post's style (after a handle, title case, hashtags)
rather than a name (sentences written for these tests)."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from curation.pii.assembly import engine_for
from curation.pii.recognizers import english_recognizers
from curation.pii.recognizers.en.person import HandleRecognizer
from curation.pii.spans import clean_entity


@pytest.fixture(scope="module")
def nlp(policy):
    return engine_for("en", policy.pii).nlp_engine.nlp["en"]


def test_a_dotted_handle_ner_reads_as_a_person_is_kept(nlp):
    text = "@mara.quillon haha so true"
    ent = clean_entity(Span(nlp(text), 0, 3, label="PERSON"))
    assert ent is not None and text[ent.start_char:ent.end_char] == "@mara.quillon"


@pytest.mark.parametrize("text,end", [
    ("@riverside.arena tickets", 1),                    # the account alone
    ("@harbourtrains another cancelled service", 3),    # with the post's lower-case words
    ("RT @milo_k: so tired today", 5),                   # a retweet mark
])
def test_an_account_ner_reads_as_an_organisation_is_the_handle_alone_or_nothing(nlp, text, end):
    # Never "another cancelled" as an organisation: the words after the handle are the post's.
    span = Span(nlp(text), 0, end, label="ORGANIZATION")
    kept = clean_entity(span)  # pii.handles: entity (the default) or all
    handle = next(w for w in text.split() if w.startswith("@")).rstrip(":")
    assert kept is not None and (kept.label_, text[kept.start_char:kept.end_char]) == ("ORGANIZATION", handle)
    assert clean_entity(span, keep_accounts=False) is None  # pii.handles: person


def test_an_upper_case_word_after_an_account_may_still_be_an_organisation(nlp):
    text = "RT @milo_k: LIVE: NHS strike talks"
    doc = nlp(text)
    end = next(t.i for t in doc if t.text == "NHS") + 1
    ent = clean_entity(Span(doc, 0, end, label="ORGANIZATION"))
    assert ent is not None and text[ent.start_char:ent.end_char].endswith("NHS")


@pytest.mark.parametrize("text,start,end,label", [
    ("RT @kaiwrites: SO PROUD of my team", 0, 4, "ORGANIZATION"),   # shouted common words
    ("@pennyfarthing Great game tonight", 0, 2, "ORGANIZATION"),   # the sentence's first capital
    ("@pennyfarthing Great game tonight", 0, 2, "LOCATION"),
])
def test_a_handle_with_only_the_posts_shouted_or_opening_words_after_it_is_the_account(nlp, text, start, end, label):
    kept = clean_entity(Span(nlp(text), start, end, label=label))
    handle = next(w for w in text.split() if w.startswith("@")).rstrip(":")
    assert kept is not None and text[kept.start_char:kept.end_char] == handle
    assert kept.label_ == ("PERSON" if label == "LOCATION" else label)


def test_a_common_word_opening_a_post_after_a_handle_is_no_name(nlp):
    doc = nlp("@pennyfarthing Great game tonight")
    assert clean_entity(Span(doc, 1, 2, label="PERSON")) is None
    assert clean_entity(Span(doc, 1, 2, label="ORGANIZATION")) is None


@pytest.mark.parametrize("text,start,end,name", [
    ("@pennyfarthing Mochi waffles at noon", 1, 2, "Mochi"),      # a word the table hardly knows
    ("@pennyfarthing Harbour Council votes", 1, 3, "Harbour Council"),  # a longer name
    ("Great game tonight @pennyfarthing", 0, 1, "Great"),          # no handle before it
])
def test_a_word_after_a_handle_that_may_be_a_name_stays(nlp, text, start, end, name):
    ent = clean_entity(Span(nlp(text), start, end, label="ORGANIZATION"))
    assert ent is not None and text[ent.start_char:ent.end_char] == name


def test_a_handle_before_an_organisation_is_still_trimmed_off_it(nlp):
    text = "@dailypost Harbour Council votes tonight"
    ent = clean_entity(Span(nlp(text), 0, 3, label="ORGANIZATION"))
    assert ent is not None and (ent.label_, text[ent.start_char:ent.end_char]) == ("ORGANIZATION", "Harbour Council")


@pytest.mark.parametrize("text", ["@marcel.ondrik thanks for the lift", "@dunmorrow99 u up?"])
def test_a_handle_ner_reads_as_a_place_is_a_person(nlp, text):
    # md reads some personal handles as places, a guess on a word it cannot read; no place's name
    # is written so.
    ent = clean_entity(Span(nlp(text), 0, 1, label="LOCATION"))
    assert ent is not None and ent.label_ == "PERSON" and text[ent.start_char:ent.end_char] == text.split()[0]


def test_a_handle_before_a_place_is_still_trimmed_off_it(nlp):
    text = "@citynews Glasgow traffic"
    ent = clean_entity(Span(nlp(text), 0, 2, label="LOCATION"))
    assert ent is not None and (ent.label_, text[ent.start_char:ent.end_char]) == ("LOCATION", "Glasgow")


def test_every_handle_is_a_person_but_no_email_address_or_full_stop():
    text = "ask @mara.quillon or @tess_88. mail ops@example.com, not @123"
    found = [text[r.start:r.end] for r in HandleRecognizer().analyze(text, ["PERSON"])]
    assert found == ["@mara.quillon", "@tess_88"]


@pytest.mark.parametrize("handles,added", [("entity", False), ("person", False), ("all", True)])
def test_the_handle_recognizer_is_added_only_when_every_handle_is_personal(handles, added):
    names = {r.name for r in english_recognizers(handles)}
    assert ("HandleRecognizer" in names) is added


@pytest.mark.parametrize("handles,keeps_accounts", [("entity", True), ("person", False), ("all", True)])
def test_organisation_read_handles_follow_the_policy_key(policy, handles, keeps_accounts):
    engine = engine_for("en", policy.pii.model_copy(update={"handles": handles})).nlp_engine
    assert engine.keep_accounts is keeps_accounts


@pytest.mark.parametrize("handles", ["person", "all"])
def test_the_policy_key_reaches_the_engine_an_ingest_uses(policy, handles):
    # A handle the models do not read as a person (digits, no capital): masked only under "all".
    from curation.pii.anonymize import Anonymizer

    pii = policy.pii.model_copy(update={"handles": handles})
    [out] = Anonymizer(pii).anonymize(["lol @tess_88 gonna be late tonight"], "en")
    assert ("@tess_88" in out.text) is (handles == "person")
    assert (out.counts.get("PERSON", 0) >= 1) is (handles == "all")


@pytest.mark.parametrize("text,end", [("cc @acmerail still waiting", 4), ("via @harbourtrains", 2)])
def test_a_lower_case_word_before_an_account_does_not_hide_it(nlp, text, end):
    kept = clean_entity(Span(nlp(text), 0, end, label="ORGANIZATION"))
    handle = next(w for w in text.split() if w.startswith("@"))
    assert kept is not None and text[kept.start_char:kept.end_char] == handle


def test_the_decoder_wrapper_can_be_copied_without_recursing():
    import copy
    import types

    from curation.pii.ner_decoding import NerHoldingGil

    wrapper = NerHoldingGil(types.SimpleNamespace(name="ner", labels=("PERSON",)))
    assert copy.copy(wrapper).labels == ("PERSON",)


@pytest.mark.parametrize("text,start,end", [
    ("Sunday Brunch With The Best People #ShopLocal", 7, 8),     # a hashtag glued from common words
])
def test_a_hashtag_glued_from_common_words_is_no_name(nlp, text, start, end):
    assert clean_entity(Span(nlp(text), start, end, label="ORGANIZATION")) is None


@pytest.mark.parametrize("text,start,end,name", [
    ("I love Coffee First and then tea", 2, 4, "Coffee First"),             # a sentence: capitals mark a name
    ("Live From Madison Square Garden Tonight With Friends", 2, 5, "Madison Square Garden"),
    ("I Favorited A YouTube Video Of Our Band", 3, 4, "YouTube"),          # capitals inside a word
    ("so proud of them #Padres", 5, 6, "Padres"),                          # a one-word hashtag
])
def test_names_in_title_case_lines_and_hashtags_stay(nlp, text, start, end, name):
    ent = clean_entity(Span(nlp(text), start, end, label="ORGANIZATION"))
    assert ent is not None and text[ent.start_char:ent.end_char] == name
