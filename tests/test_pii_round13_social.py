"""Round thirteen (issue 17): social posts. Other-language posts typed with capitals after commas or
shouted, a place before Portuguese "no", a foreign word dropped into an English post, and names
after "w/" and "ft.". Posts in the tests' own words."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from curation.pii.assembly import engine_for
from curation.pii.recognizers.en.caseless_name import lower_case_stretches
from curation.pii.spans import clean_entity


@pytest.fixture(scope="module")
def nlp(policy):
    return engine_for("en", policy.pii).nlp_engine.nlp["en"]


def _kept(nlp, text: str, words: str, label: str = "PERSON") -> str | None:
    doc = nlp.make_doc(text)
    start = text.index(words)
    ent = clean_entity(Span(doc, *_token_range(doc, start, start + len(words)), label=label))
    return None if ent is None else text[ent.start_char:ent.end_char]


def _token_range(doc, start: int, end: int) -> tuple[int, int]:
    span = doc.char_span(start, end)
    return span.start, span.end


@pytest.mark.parametrize(("text", "word"), [
    ("Vandaag veel te druk gehad op werk, Straks nog boodschappen doen", "Straks"),  # after a comma
    ("Capek banget hari ini, Pulang kerja langsung tidur aja", "Pulang"),
    ("Dormi muito mal essa noite, Preciso de um café urgente", "Preciso"),
    ("RT @bakkerij_jan: Kreeg vanmorgen een gratis croissant bij de koffie", "Kreeg"),  # after a retweet mark
    ("Net thuis van werk. Morgen weer vroeg op voor de trein", "Morgen"),  # after a full stop
])
def test_a_capitalised_word_opening_a_clause_of_a_post_in_another_language_is_no_name(nlp, text, word):
    assert _kept(nlp, text, word) is None


def test_a_known_name_opening_a_clause_of_a_post_in_another_language_is_kept(nlp):
    text = "Hoje o jogo foi muito bom, Neymar fez dois gols e o time ganhou"
    assert _kept(nlp, text, "Neymar") == "Neymar"


def test_a_capitalised_word_inside_a_sentence_of_another_language_is_kept(nlp):
    # Not opening a clause: the writer capitalised it for a reason.
    text = "ontem fui ao shopping com a Bruna e comprei um monte de coisa"
    assert _kept(nlp, text, "Bruna") == "Bruna"


@pytest.mark.parametrize("words", ["ESTAMOS MUY", "CANSADOS", "PERO FELICES"])
def test_words_of_a_shouted_post_in_another_language_are_no_name(nlp, words):
    text = "ESTAMOS MUY CANSADOS PERO FELICES, GANAMOS EL PARTIDO DE HOY"
    assert _kept(nlp, text, words, "ORGANIZATION") is None


def test_a_place_before_portuguese_no_is_kept(nlp):
    # "no" is "in the" here, not the "No." of a number.
    text = "vou passar o feriado em Salvador no fim do mês com a minha família"
    assert _kept(nlp, text, "Salvador", "LOCATION") == "Salvador"


def test_a_common_word_that_is_also_a_foreign_function_word_is_no_name_in_an_english_post(nlp):
    # "bin" is a Malay/Indonesian function word, and an English noun never written capitalised.
    text = "the bin lorry woke the whole street up at six again"
    assert _kept(nlp, text, "bin") is None


@pytest.mark.parametrize(("text", "name"), [
    # "mia" is Italian "my"; English tables know it neither as a name nor as a common word.
    ("went to the cinema with mia and her brother last night", "mia"),
    # "tanya" is an Indonesian word too; English writes it as a name.
    ("picked up tanya from the station and then went for food", "tanya"),
])
def test_a_lower_case_first_name_that_is_also_a_foreign_word_stays_in_an_english_post(nlp, text, name):
    assert _kept(nlp, text, name) == name


@pytest.mark.parametrize(("text", "name"), [
    ("lunch w/ jo after the lecture, same place as always", "Jo"),
    ("new song out friday ft. lil dez and the whole crew", "Lil"),
])
def test_a_name_after_w_or_ft_in_a_lower_case_post_is_cued(text, name):
    stretch = lower_case_stretches(text)[0]
    assert any(stretch.view[s:e] == name for s, e in stretch.cued)


def test_w_slash_glued_to_a_name_is_trimmed_off(nlp):
    text = "Dinner w/ Marcus tonight at the usual place"
    assert _kept(nlp, text, "w/ Marcus") == "Marcus"


@pytest.fixture(scope="module")
def engine(policy):
    return engine_for("en", policy.pii)


def _found(engine, text: str) -> list[tuple[str, str]]:
    return [(text[r.start:r.end], r.entity_type) for r in engine.analyze([text], 8)[0]]


@pytest.mark.parametrize(("text", "name"), [
    ("ruby and i finally finished the puzzle after three whole weeks", "ruby"),   # NER reads nothing there
    ("crystal just texted me at midnight asking if fish sleep lol", "crystal"),  # NER reads a law
])
def test_a_word_a_cue_word_marks_is_a_person_where_ner_reads_no_name(engine, text, name):
    assert (name, "PERSON") in _found(engine, text)


@pytest.mark.parametrize("view", [
    "the book has no english translation and i feel that every day",  # not opening its clause
    "happy birthday gorgeous girl, see you on saturday",  # an address, then a term of endearment
    "then he waved at his grandma mid-scene lol",  # a kinship word, then a compound
])
def test_a_word_a_weak_cue_marks_is_not_a_person_by_the_cue_alone(view):
    from curation.pii.recognizers.en.name_cues import word_cued_names

    assert word_cued_names(view, []) == []


@pytest.mark.parametrize("text", ["jajaja que bueno"])  # "que", "bueno": English has neither
def test_a_short_post_of_two_foreign_function_words_and_no_english_one_is_another_language(nlp, text):
    from curation.pii.spans import written_in_other_language

    assert written_in_other_language(nlp.make_doc(text))
