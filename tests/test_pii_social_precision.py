"""What the PII stage must not mask in social posts (a foreign post's words, lists of common words),
each beside the name it must still mask (sentences written for these tests)."""

from __future__ import annotations

import pytest

from curation.pii.assembly import engine_for
from curation.pii.recognizers.en.organization import CurationOrganizationRecognizer
from curation.pii.spans import clean_entity


@pytest.fixture(scope="module")
def nlp(policy):
    return engine_for("en", policy.pii).nlp_engine.nlp["en"]


def kept(nlp, text: str, words: str, label: str) -> str | None:
    """What span clean-up keeps of the tokens that make up `words` in `text`, labelled `label`."""
    doc = nlp(text)
    start = text.index(words)
    ent = clean_entity(doc.char_span(start, start + len(words), label=label))
    return None if ent is None else text[ent.start_char:ent.end_char]


@pytest.mark.parametrize("text,words,label", [
    ("ik heb dit jaar alles gezien via de tv", "dit jaar alles gezien", "PERSON"),
    # A shorter post ("eu fiquei ouvindo o som do mar ontem") has one common English word ("som")
    # for three Portuguese ones: read as English, its words stay masked (the safer error).
    ("eu fiquei ouvindo o som do mar ontem com a minha irmã, foi muito bom", "ouvindo o som do", "PERSON"),
    ("Dit jaar heb ik alles gezien, echt waar", "Dit jaar", "PERSON"),
    ("ja hoor (geloof ik) Deze week kom ik bij jou langs, dat is echt leuk", "Deze week", "ORGANIZATION"),
    ("het is de mooiste stad van de wereld, echt waar", "stad van de wereld", "PERSON"),
])
def test_lower_case_words_of_a_post_in_another_language_are_no_name(nlp, text, words, label):
    assert kept(nlp, text, words, label) is None


def test_a_name_in_a_post_in_another_language_is_still_masked(nlp):
    # The name NER read with the verb after it keeps its capitalised word; a capitalised place stays whole.
    assert kept(nlp, "mesmo com o Raffael machucado ele vai jogar", "Raffael machucado", "PERSON") == "Raffael"
    text = "zaterdag is er een lezing in de Bibliotheek Veendam voor de kinderen"
    assert kept(nlp, text, "Bibliotheek Veendam", "LOCATION") == "Bibliotheek Veendam"


@pytest.mark.parametrize("text,words", [
    ("Xiomara viene mañana con su hermano a la casa", "Xiomara viene mañana"),      # Spanish
    ("Siobhan vai chegar amanhã cedo com o carro", "Siobhan vai chegar amanhã"),    # Portuguese
    ("Ngozi komt morgen langs bij ons thuis", "Ngozi komt morgen"),                 # Dutch
])
def test_a_first_name_opening_a_post_in_another_language_is_still_masked(nlp, text, words):
    assert kept(nlp, text, words, "PERSON") == words.split()[0]


@pytest.mark.parametrize("text,words,name", [
    ("hoy vi a Maria lopez en la playa y me dijo que todo bien", "Maria lopez en la", "Maria lopez"),
    ("hoy vi a maria lopez en la playa y me dijo que todo bien", "maria lopez en la", "maria lopez"),
    ("Gisteren was ik bij Jan de vries thuis en het was echt gezellig", "Jan de vries thuis en het",
     "Jan de vries"),
    ("Eu e o Joao silva fomos ao jogo ontem, foi muito bom", "Joao silva fomos ao jogo ontem", "Joao silva"),
    ("ayer fui con Ruth de la Cruz al cine y la película fue muy buena", "Ruth de la", "Ruth de la Cruz"),
])
def test_a_surname_in_lower_case_stays_in_a_name_in_a_post_in_another_language(nlp, text, words, name):
    # A word whose usual case is capitalised ends the trimming; a particle before a name stays.
    assert kept(nlp, text, words, "PERSON") == name


def test_a_lower_case_name_in_an_english_post_is_not_trimmed(nlp):
    text = "me and jessa vonn went to the beach and it was so good"
    assert kept(nlp, text, "jessa vonn", "PERSON") == "jessa vonn"


def organizations(text: str) -> list[str]:
    found = CurationOrganizationRecognizer().analyze(text, ["ORGANIZATION"])
    return [text[r.start:r.end] for r in found]


def test_a_list_of_days_shaped_like_a_partnership_is_no_organisation():
    assert organizations("Busy week: Yesterday, Today and Tomorrow all booked") == []
    assert organizations("the shop is open Monday, Tuesday and Friday only") == []


def test_partners_surnames_and_a_legal_form_are_still_an_organisation():
    assert organizations("the deal with Avery, Stephens and Wallace closed") == ["Avery, Stephens and Wallace"]
    assert organizations("invoice from Brightwater Holdings today") == ["Brightwater Holdings"]


@pytest.mark.parametrize("text,firm", [
    ("Brown, Green and Black filed the suit on Monday", "Brown, Green and Black"),
    ("our accountants are Price, Hunter and Ward in Leeds", "Price, Hunter and Ward"),
    ("the letter came from Cook, Page and Mills solicitors", "Cook, Page and Mills"),
])
def test_partners_surnames_that_are_common_words_are_still_an_organisation(text, firm):
    assert organizations(text) == [firm]


def test_an_account_in_a_short_post_is_not_taken_for_a_foreign_word(nlp):
    # One word of another language's function-word list ("so") does not make the post foreign,
    # and a handle in lower case is an account, never a foreign word.
    assert kept(nlp, "@lena.vostrikova haha so true", "@lena.vostrikova haha so", "PERSON") == "@lena.vostrikova"
    assert kept(nlp, "@lena.vostrikova ik weet het niet meer", "@lena.vostrikova", "PERSON") == "@lena.vostrikova"


def test_english_chat_words_that_are_foreign_function_words_do_not_make_a_post_foreign(nlp):
    # "yo", "u" and "nah" are Spanish, Dutch and Indonesian function words, and English chat.
    text = "yo kev u coming to sami's bbq saturday or nah"
    assert kept(nlp, text, "kev u", "PERSON") == "kev u"


@pytest.mark.parametrize("text,name", [
    ("lol yo jake morales u want tacos later or nah", "jake morales"),
    ("haha u want my car later? fine man ask jessa vonn", "jessa vonn"),
    ("omg ya im dying lol, u seen sarah kim new video haha", "sarah kim"),
])
def test_a_lower_case_name_in_english_chat_full_of_foreign_function_words_stays(nlp, text, name):
    # "want", "man", "later", "ya", "u" are on the other languages' lists too; the post's
    # common English words ("lol", "tacos", "dying") say it is English.
    assert kept(nlp, text, name, "PERSON") == name


def test_a_hyphenated_name_keeps_its_lower_case_part_in_a_post_in_another_language(nlp):
    text = "te confirmo que los datos de la factura son para Park Ji-woo y no para el otro"
    assert kept(nlp, text, "Park Ji-woo", "PERSON") == "Park Ji-woo"


def test_a_stretched_word_is_trimmed_off_a_shouted_name_and_alone_is_still_no_name(nlp):
    text = "YESSSS MAREN PASSED HER DRIVING TEST"
    assert kept(nlp, text, "YESSSS MAREN", "PERSON") == "MAREN"
    assert kept(nlp, "lol Sooo Sweet of you", "Sooo Sweet", "PERSON") is None  # common words only
    assert kept(nlp, "omg Mara Sooo Happy today", "Mara Sooo Happy", "PERSON") is None  # one inside: a phrase


@pytest.mark.parametrize("text,name", [
    ("OMG JUSTIN BIEBERRRR IS IN TOWN", "JUSTIN BIEBERRRR"),
    ("love u sooo much Annaaaa Kowalski happy bday", "Annaaaa Kowalski"),
    ("te quiero mucho Rafaaaa Medina, feliz cumple", "Rafaaaa Medina"),
])
def test_a_stretched_name_beside_a_name_stays_in_the_span(nlp, text, name):
    assert kept(nlp, text, name, "PERSON") == name


def test_a_stretched_name_alone_or_beside_common_words_is_still_no_name(nlp):
    assert kept(nlp, "NOOOO BEYONCEEEE why did u cancel", "NOOOO BEYONCEEEE", "PERSON") is None
    assert kept(nlp, "we are Sooo Happy Annaaaa", "Sooo Happy Annaaaa", "PERSON") is None


def test_mail_ending_an_organisation_name_stays_and_a_lone_cue_word_is_still_trimmed(nlp):
    text = 'Got a text from "Royal Mail" asking for a redelivery fee'
    assert kept(nlp, text, "Royal Mail", "ORGANIZATION") == "Royal Mail"
    assert kept(nlp, "Mail from Harrowgate about the order", "Mail", "ORGANIZATION") is None
