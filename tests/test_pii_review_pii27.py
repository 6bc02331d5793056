"""The review of rounds pii27/pii28 (issue 17), in the tests' own words: what those rounds left raw
(a company heading a line before a colon, a name beside OCR-damaged digits, a phone after "box")
and what they masked that names no one (references before a slash, "+" values glued to a field's
name, a department beside a name). Each rule with a neighbour that must keep its result."""

from __future__ import annotations

import pytest

from curation.pii.propagation import coordinated
from curation.pii.recognizers.en import CurationPhoneRecognizer
from curation.pii.spans import NerEntity
from curation.pii.text_view import for_ner, normalized_view, ocr_damaged_number
from tests_helpers import found


def phones(text: str) -> list[str]:
    return found(CurationPhoneRecognizer(), "PHONE_NUMBER", text)


def _masked(anonymizer, text: str) -> str:
    return anonymizer.anonymize_in_process([text], "en")[0].text


# 3. "Box" alone labels a locker or a form's field as often as a post-office box.
@pytest.mark.parametrize(("text", "number"), [
    ("Box: 07700 900123", "07700 900123"),
    ("Locker box 07700 900123 is my mobile", "07700 900123"),
    ("Hanne Solberg PO Box 0161 496 0001", "0161 496 0001"),
])
def test_a_phone_after_box_is_a_phone(text, number):
    assert number in phones(text)


@pytest.mark.parametrize("text", [
    "P.O. Box 48211-00100, Nairobi",
    "Postal address: PO Box 30124-00100 Nairobi",
])
def test_a_post_office_box_with_its_code_is_not_a_phone(text):
    assert phones(text) == []


# 4. A reference word before " / " is no name.
@pytest.mark.parametrize("text", [
    "Order ref / 0123 456789",
    "account / 0161 496 0000",
    "Serial / 01234 567890",
    "Kundennr / 0161 496 0000",
])
def test_a_reference_before_a_slash_is_not_a_name(text):
    assert phones(text) == []


@pytest.mark.parametrize(("text", "number"), [
    ("Kim Yoon / 010-1234-5678", "010-1234-5678"),
    ("Grace Lim / 0161 496 0000", "0161 496 0000"),
    ("Frau Weber / 0171 2345678", "0171 2345678"),
])
def test_a_name_before_a_slash_keeps_its_phone(text, number):
    assert number in phones(text)


# 5. A "+" value glued to a field that is no phone's.
@pytest.mark.parametrize("text", [
    "msg:+3.1415926535",
    "build:+20240105123456",
    "Offset:+12345678",
    "delta=+1234567890",
])
def test_a_plus_value_glued_to_another_field_is_not_a_phone(text):
    assert phones(text) == []


@pytest.mark.parametrize(("text", "number"), [
    ("Tel:+4915112345678", "+4915112345678"),
    ("TEL;TYPE=WORK,VOICE:+48 58 320 11 40", "+48 58 320 11 40"),
    ("phone=+41 44 668 18 00", "+41 44 668 18 00"),
    ("contact:+44 161 496 0000", "+44 161 496 0000"),
    ("sent:+447700900123", "+447700900123"),
])
def test_a_plus_phone_glued_to_a_field_stays_a_phone(text, number):
    assert number in phones(text)


# 6. A department coordinated with a name is no name.
def _peers(text: str, found_name: str) -> list[str]:
    start = text.index(found_name)
    out = coordinated([NerEntity("PERSON", start, start + len(found_name))], text)
    return [text[e.start_char:e.end_char] for e in out[1:]]


@pytest.mark.parametrize("text", [
    "Lena Fischer and Procurement agreed on the price.",
    "Signed off by Lena Fischer & Payroll yesterday",
    "Lena Fischer or Controller will approve",
])
def test_a_department_beside_a_name_is_not_its_peer(text):
    assert _peers(text, "Lena Fischer") == []


def test_a_surname_beside_a_name_is_still_its_peer():
    assert _peers("Lena Fischer and Weidemann agreed on the price.", "Lena Fischer") == ["Weidemann"]


# 1. A company heading a line before a colon is a name unless every word of it is a label's.
@pytest.mark.parametrize(("text", "company"), [
    ("Northwind Traders: ticket closed", "Northwind"),
    ("Northwind Traders support team: ticket closed", "Northwind"),
])
def test_a_company_heading_a_line_before_a_colon_is_masked(anonymizer, text, company):
    assert company not in _masked(anonymizer, text)


@pytest.mark.parametrize(("text", "label"), [
    ("Kontakt: Jonas Weidemann", "Kontakt:"),
    ("Cliente: Rosa Villaseñor\nFecha de compra: 02/03/2025", "Fecha de compra:"),
    ("Laptop: Dell Latitude\nWorkstation IP reservation: 10.1.2.3", "Workstation IP reservation:"),
])
def test_a_form_label_in_any_language_stays(anonymizer, text, label):
    assert label in _masked(anonymizer, text)


# 2. NER reads the text without the OCR digit fold; the patterns read it with the fold.
def test_the_ocr_fold_is_for_patterns_only():
    text = "Ref Il 2O23 Ilkka"
    view, offsets = normalized_view(text)
    assert (view, offsets) == ("Ref Il 2023 Ilkka", None)
    assert for_ner(text) == text


def test_a_name_after_ocr_damaged_digits_is_masked(anonymizer):
    out = _masked(anonymizer, "ID: l0l Il 2O23 Ilkka Lindqvist")
    assert "Ilkka" not in out and "Lindqvist" not in out


def test_offsets_stay_right_in_both_views(anonymizer):
    # A ligature makes the views longer than the text (NFKC "ﬃ" -> "ffi"); the OCR-damaged phone
    # and the name after it must still cover their own characters in the original.
    out = _masked(anonymizer, "Oﬃce line: 020-62O 4418. Signed by Ilkka Lindqvist on Monday.")
    assert out == "Oﬃce line: <PHONE_NUMBER>. Signed by <PERSON> on Monday."


# 7. Peers along a chain, each found from the one before.
def test_peers_along_a_chain_are_found():
    assert _peers("Drove Cairns → Kuranda → Mareeba → Atherton in a day", "Cairns") == [
        "Kuranda", "Mareeba", "Atherton"]


def test_a_chain_stops_at_a_common_word():
    assert _peers("Drove Cairns → Kuranda → Home → Atherton in a day", "Cairns") == ["Kuranda"]


def test_a_quoted_name_in_a_calendar_record_is_masked(anonymizer):
    out = _masked(anonymizer, 'ORGANIZER;CN="Katrin Obermeier":mailto:k.obermeier@example.de')
    assert "Obermeier" not in out and out.startswith('ORGANIZER;CN="')


def test_quotes_elsewhere_reach_ner_as_written():
    text = 'He said "Katrin Obermeier" wrote; see ATTR="x y" too'
    assert for_ner(text) == text


def test_a_number_ocr_damaged_is_no_part_of_a_name():
    assert ocr_damaged_number("l059") and ocr_damaged_number("2O23")
    assert not ocr_damaged_number("Il") and not ocr_damaged_number("Lindqvist")


def test_a_name_before_an_ocr_damaged_reference_leaves_the_reference(anonymizer):
    out = _masked(anonymizer, "Match notes: Kowalczyk vs Lindqvist ref l059 at noon")
    assert "Lindqvist" not in out and "l059" in out


# A second review (revpii31) of the fixes above: what they left raw.
def test_a_name_after_a_leading_ocr_damaged_number_keeps_its_span():
    import spacy

    from curation.pii.spans import clean_entity
    doc = spacy.blank("en")("l014 Rosalind Achterberg called")
    cleaned = clean_entity(doc.char_span(0, len("l014 Rosalind Achterberg"), label="PERSON"))
    assert cleaned is not None and doc.text[cleaned.start_char:cleaned.end_char] == "Rosalind Achterberg"


@pytest.mark.parametrize(("text", "number"), [
    ("Registrant Phone:+1.4155552671", "+1.4155552671"),
    ("tel=+1.4155552671", "+1.4155552671"),
])
def test_a_whois_style_phone_glued_to_its_phone_label_stays_a_phone(text, number):
    assert number in phones(text)


def test_a_one_word_company_heading_a_line_before_a_colon_is_masked(anonymizer):
    assert "Northwind" not in _masked(anonymizer, "Orders this week\nNorthwind: 12 units\nContoso: 4 units")
