"""Identifiers written to dodge detection: zero-width characters, full-width digits, look-alike
letters. Detection reads a normalized view; the operator replaces the original characters,
hidden ones included. English and Japanese."""

from __future__ import annotations

import pytest

from curation.pii.text_view import normalized_view

ZW = "\u200b"  # zero-width space
ZWJ = "\u200d"  # zero-width joiner


def anonymize(anonymizer, text: str, language: str):
    (out,) = anonymizer.anonymize([text], language)
    return out


def test_the_view_maps_every_character_back_to_the_original():
    text = f"Jo{ZW}hn ＋１ ５５５ j\u043ehn@ex\u0430mple.com"
    view, offsets = normalized_view(text)
    assert view == "John +1 555 john@example.com"
    start = view.index("555")
    assert text[slice(*offsets.span(start, start + 3))] == "５５５"
    assert offsets.span(0, 4) == (0, 5)  # "John" covers the hidden character


def test_ascii_and_plain_foreign_text_get_no_view():
    assert normalized_view("Plain ASCII text.") == ("Plain ASCII text.", None)
    assert normalized_view("Привет, мир") == ("Привет, мир", None)  # Cyrillic words are left as they are


@pytest.mark.parametrize("text,expected,entity", [
    (f"Please call Jo{ZW}hn Sm{ZWJ}ith tomorrow.", "Please call <PERSON> tomorrow.", "PERSON"),
    (f"Call me on +44 20 79{ZW}46 0958 today.", "Call me on <PHONE_NUMBER> today.", "PHONE_NUMBER"),
    ("Call me on ＋１ （４１５） ５５５－０１７３ today.", "Call me on <PHONE_NUMBER> today.", "PHONE_NUMBER"),
    ("Card ４１１１ １１１１ １１１１ １１１１ was charged.", "Card <CREDIT_CARD> was charged.", "CREDIT_CARD"),
    ("Mail j\u043ehn.d\u043ee@ex\u0430mple.com for details.", "Mail <EMAIL_ADDRESS> for details.", "EMAIL_ADDRESS"),
    (f"Her My Number is 1234{ZW}5678{ZW}9018.", "Her My Number is <JP_MY_NUMBER>.", "JP_MY_NUMBER"),
])
def test_english_identifiers_written_to_dodge_detection_are_replaced_whole(anonymizer, text, expected, entity):
    out = anonymize(anonymizer, text, "en")
    assert out.text == expected
    assert out.counts.get(entity) == 1


@pytest.mark.parametrize("text,expected,entity", [
    (f"田{ZW}中太郎様、ご連絡ありがとうございます。", "<PERSON>様、ご連絡ありがとうございます。", "PERSON"),
    (f"お電話は０９０{ZW}－１２３４－５６７８までお願いします。", "お電話は<PHONE_NUMBER>までお願いします。", "PHONE_NUMBER"),
    ("カード番号４１１１　１１１１　１１１１　１１１１で決済しました。", "カード番号<CREDIT_CARD>で決済しました。", "CREDIT_CARD"),
    ("メールはy\u0430mada@ex\u0430mple.co.jpまで。", "メールは<EMAIL_ADDRESS>まで。", "EMAIL_ADDRESS"),
    (f"マイナンバー：1234{ZW}5678{ZW}9018", "マイナンバー：<JP_MY_NUMBER>", "JP_MY_NUMBER"),
    ("個人番号は１２３４５６７８９０１８です。", "個人番号は<JP_MY_NUMBER>です。", "JP_MY_NUMBER"),
])
def test_japanese_identifiers_written_to_dodge_detection_are_replaced_whole(anonymizer, text, expected, entity):
    out = anonymize(anonymizer, text, "ja")
    assert out.text == expected
    assert out.counts.get(entity) == 1


def test_entity_offsets_point_into_the_original_text(anonymizer):
    text = f"Mail j\u043ehn@ex\u0430mple.com or call +44 20 79{ZW}46 0958."
    out = anonymize(anonymizer, text, "en")
    found = {e.type: text[e.start:e.end] for e in out.entities}
    assert found["EMAIL_ADDRESS"] == "j\u043ehn@ex\u0430mple.com"
    assert found["PHONE_NUMBER"] == f"+44 20 79{ZW}46 0958"


def test_twelve_digits_inside_a_card_number_are_no_my_number(anonymizer):
    out = anonymize(anonymizer, "カード番号4111 1111 1111 1111", "ja")
    assert out.counts == {"CREDIT_CARD": 1}
