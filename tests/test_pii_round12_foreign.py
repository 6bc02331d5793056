"""Round twelve (issue 17): social posts not in English. The English NER reads words of a Dutch,
Portuguese, Spanish or Indonesian post as names; a span of that language's words is refused, a name
in the same post is kept. English posts keep their lower-case names. Posts in the tests' own words."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from curation.pii.assembly import engine_for
from curation.pii.spans import clean_entity, written_in_other_language


@pytest.fixture(scope="module")
def nlp(policy):
    return engine_for("en", policy.pii).nlp_engine.nlp["en"]


def _span(nlp, text: str, words: str, label: str) -> Span:
    """The span of `words` in `text`, labelled as NER would label it."""
    doc = nlp.make_doc(text)
    start = text.index(words)
    return doc.char_span(start, start + len(words), label=label)


def _kept(nlp, text: str, words: str, label: str = "PERSON") -> str | None:
    ent = clean_entity(_span(nlp, text, words, label))
    return None if ent is None else text[ent.start_char:ent.end_char]


@pytest.mark.parametrize("text", [
    "Ik heb het niet gezien, maar het was een mooie dag voor ons allemaal",
    "hoje eu vou para a praia com os meus primos e depois jantar",
    "gak bisa dateng nih, udah ada acara sama keluarga di rumah",
    "que tal la fiesta de anoche? yo no pude ir porque estaba muy cansada",
    "grabe talaga yung traffic kanina, hindi na ako aabot sa meeting natin",  # Tagalog chat
])
def test_a_post_mostly_of_another_languages_function_words_is_read_as_that_language(nlp, text):
    assert written_in_other_language(nlp.make_doc(text))


@pytest.mark.parametrize("text", [
    "lol yo jake u want tacos later or nah",
    "Had a great time at the game with my brother, la la la",
])
def test_an_english_post_with_a_few_foreign_looking_words_is_english(nlp, text):
    assert not written_in_other_language(nlp.make_doc(text))


@pytest.mark.parametrize(("text", "words", "label"), [
    ("Ik heb het niet gezien, maar het was een mooie dag voor ons allemaal", "Ik", "PERSON"),
    ("Ainda nao sei se vou, mas vamos ver o que acontece amanha", "Ainda", "PERSON"),
    ("volgende week weer naar school en daarna alles weer normaal", "volgende week weer", "ORGANIZATION"),
    ("gak bisa dateng nih, udah ada acara sama keluarga di rumah", "udah ada acara", "ORGANIZATION"),
    ("grabe talaga yung traffic kanina, hindi na ako aabot", "talaga yung traffic", "ORGANIZATION"),
])
def test_words_of_a_post_in_another_language_are_no_name(nlp, text, words, label):
    assert _kept(nlp, text, words, label) is None


@pytest.mark.parametrize(("text", "name"), [
    ("Ik heb het niet gezien, maar Pieter was er wel bij voor ons allemaal", "Pieter"),
    ("hoje eu vou para a praia com a Joana e depois jantar", "Joana"),
    ("gak bisa dateng nih, udah ada acara sama Budi di rumah", "Budi"),
    ("que tal la fiesta de anoche? yo no pude ir porque estaba con Lucía", "Lucía"),
    ("grabe talaga yung traffic kanina, hindi na kami aabot ni Marites", "Marites"),
])
def test_a_name_capitalised_inside_a_post_in_another_language_is_kept(nlp, text, name):
    assert _kept(nlp, text, name) == name


def test_a_name_in_lower_case_in_a_spanish_post_is_kept(nlp):
    text = "mañana voy al cine con maria lopez y no sé que vamos a ver"
    assert _kept(nlp, text, "maria lopez") == "maria lopez"


def test_a_lower_case_phrase_of_another_language_in_an_english_post_is_no_name(nlp):
    # Two Portuguese function words ("como", "o") in a lower-case span: a quoted phrase, no name.
    text = "my cousin keeps asking como se chama o careca from that band"
    assert _kept(nlp, text, "como se chama o careca", "ORGANIZATION") is None


def test_a_lower_case_name_in_an_english_post_is_kept(nlp):
    text = "steve and tanya will be round later for dinner"
    assert _kept(nlp, text, "tanya") == "tanya"


def test_english_chat_with_one_foreign_function_word_keeps_its_name(nlp):
    # "ha" is a Spanish and Indonesian function word, and English laughter: one is no evidence.
    text = "talked to nini ha she says hi"
    assert _kept(nlp, text, "nini ha") is not None
