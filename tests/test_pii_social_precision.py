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
    ("eu fiquei ouvindo o som do mar ontem", "ouvindo o som do", "PERSON"),
    ("Dit jaar heb ik alles gezien, echt waar", "Dit jaar", "PERSON"),
    ("ja hoor (geloof ik) Kom deze week maar langs", "Kom deze", "ORGANIZATION"),
])
def test_lower_case_words_of_a_post_in_another_language_are_no_name(nlp, text, words, label):
    assert kept(nlp, text, words, label) is None


def test_a_name_in_a_post_in_another_language_is_still_masked(nlp):
    # The name NER read with the verb after it keeps its capitalised word; a capitalised place stays whole.
    assert kept(nlp, "mesmo com o Raffael machucado ele vai jogar", "Raffael machucado", "PERSON") == "Raffael"
    text = "zaterdag is er een lezing in de Bibliotheek Veendam voor de kinderen"
    assert kept(nlp, text, "Bibliotheek Veendam", "LOCATION") == "Bibliotheek Veendam"


def test_a_lower_case_name_in_an_english_post_is_not_trimmed(nlp):
    text = "me and jessa vonn went to the beach and it was so good"
    assert kept(nlp, text, "jessa vonn", "PERSON") == "jessa vonn"


def organizations(text: str) -> list[str]:
    found = CurationOrganizationRecognizer().analyze(text, ["ORGANIZATION"])
    return [text[r.start:r.end] for r in found]


def test_a_list_of_common_words_shaped_like_a_partnership_is_no_organisation():
    assert organizations("Busy week: Yesterday, Today and Tomorrow all booked") == []
    assert organizations("New post - Recipes, Articles and More on the blog") == []


def test_partners_surnames_and_a_legal_form_are_still_an_organisation():
    assert organizations("the deal with Avery, Stephens and Wallace closed") == ["Avery, Stephens and Wallace"]
    assert organizations("invoice from Brightwater Holdings today") == ["Brightwater Holdings"]


def test_an_account_in_a_short_post_is_not_taken_for_a_foreign_word(nlp):
    # One word of another language's function-word list ("so") does not make the post foreign,
    # and a handle in lower case is an account, never a foreign word.
    assert kept(nlp, "@lena.vostrikova haha so true", "@lena.vostrikova haha so", "PERSON") == "@lena.vostrikova"
    assert kept(nlp, "@lena.vostrikova ik weet het niet meer", "@lena.vostrikova", "PERSON") == "@lena.vostrikova"


def test_english_chat_words_that_are_foreign_function_words_do_not_make_a_post_foreign(nlp):
    # "yo", "u" and "nah" are Spanish, Dutch and Indonesian function words, and English chat.
    text = "yo kev u coming to sami's bbq saturday or nah"
    assert kept(nlp, text, "kev u", "PERSON") == "kev u"


def test_a_hyphenated_name_keeps_its_lower_case_part_in_a_post_in_another_language(nlp):
    text = "te confirmo que los datos de la factura son para Park Ji-woo y no para el otro"
    assert kept(nlp, text, "Park Ji-woo", "PERSON") == "Park Ji-woo"


def test_a_stretched_word_is_trimmed_off_a_shouted_name_and_alone_is_still_no_name(nlp):
    text = "YESSSS MAREN PASSED HER DRIVING TEST"
    assert kept(nlp, text, "YESSSS MAREN", "PERSON") == "MAREN"
    assert kept(nlp, "lol Sooo Sweet of you", "Sooo Sweet", "PERSON") is None  # common words only
    assert kept(nlp, "omg Mara Sooo Happy today", "Mara Sooo Happy", "PERSON") is None  # one inside: a phrase


def test_mail_ending_an_organisation_name_stays_and_a_lone_cue_word_is_still_trimmed(nlp):
    text = 'Got a text from "Royal Mail" asking for a redelivery fee'
    assert kept(nlp, text, "Royal Mail", "ORGANIZATION") == "Royal Mail"
    assert kept(nlp, "Mail from Harrowgate about the order", "Mail", "ORGANIZATION") is None
