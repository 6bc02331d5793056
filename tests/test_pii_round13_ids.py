"""Round thirteen of phones (issue 17): part and product codes that only look like numbers with an
extension, numbers written one digit at a time, a "+" number after a slash, and digits after a
label that names them as something's number ("Customer no.", "Nº"). Each class with the neighbours
that must keep their reading."""

from __future__ import annotations

import pytest

from curation.pii.recognizers.en import CurationPhoneRecognizer, LabelledIbanRecognizer
from tests_helpers import found


def phones(text: str) -> list[str]:
    return found(CurationPhoneRecognizer(), "PHONE_NUMBER", text)


# 1. A short digit group with "#n" after a product word is a part code: no whole national number
# is that short, and the "#" is its variant or position, not a desk's extension.
@pytest.mark.parametrize("text", [
    "Replacement parts: Spindle 0161 496 #2 and Clamp 0207 946 #4.",
    "Order line 3: Hinge 0113 496 #12 (qty 40)",
    "Stock check - Flange 0891 233 #7, Sleeve 0301 772 #15",
    "Picked: Gear wheel 0412 558 #3 from bay C",
])
def test_a_short_code_with_a_hash_number_after_a_product_word_is_no_phone(text):
    assert phones(text) == []


@pytest.mark.parametrize("text,number", [
    ("Reception 0118 496 0321 #31", "0118 496 0321 #31"),       # a whole number keeps its extension
    ("Tel: 555-0148 #12", "555-0148 #12"),                       # a short one after a phone word
    ("Desk line: (03) 9555 0142 x204", "(03) 9555 0142 x204"),
])
def test_a_whole_or_cued_number_keeps_its_extension(text, number):
    assert phones(text) == [number]


# 2. Letter-spaced numbers: each digit its own group, as forms with one box a digit and OCR of
# them write them. A phone word before one, or its "+", makes it a number to call.
@pytest.mark.parametrize("text,number", [
    ("Tel: 0 2 0 7 9 4 6 0 9 5 8", "0 2 0 7 9 4 6 0 9 5 8"),
    ("Please ring me on 0 7 7 0 0 9 0 0 1 2 3 today.", "0 7 7 0 0 9 0 0 1 2 3"),
    ("Kontakt +61 4 1 2 5 5 5 0 1 9 (mobile)", "+61 4 1 2 5 5 5 0 1 9"),
    ("Mobile: 9 8 4 5 0 6 6 2 3 1", "9 8 4 5 0 6 6 2 3 1"),
])
def test_a_number_written_one_digit_at_a_time_is_a_phone(text, number):
    assert phones(text) == [number]


@pytest.mark.parametrize("text", [
    "Scores per round: 3 4 5 2 1 0 7 8 9",
    "Ratings 5 4 4 5 3 5 4 4 from the panel",
    "Seats 1 2 3 4 5 6 7 8 are taken",
])
def test_single_digits_in_a_row_without_a_phone_word_stay(text):
    assert phones(text) == []


# 3. A number written with its "+" after a slash is a phone whatever stands before the slash: no
# reference, chapter or model code is written with "+".
@pytest.mark.parametrize("text,number", [
    ("Attn: Tan Mei Ling / +60 3 2145 8890 / mei.tan@example.my", "+60 3 2145 8890"),
    ("Kwame Mensah / +233 24 555 0192", "+233 24 555 0192"),
])
def test_a_plus_number_after_a_slash_is_a_phone(text, number):
    assert phones(text) == [number]


def test_a_plain_group_after_a_slash_stays_no_phone():
    assert phones("Model X / 2023 1105 0930") == []


# 4. "<noun> no." / "nr." / "number" / "Nº": the digits are that thing's number, unless the noun
# names a line ("Phone no.", "Best number", "Emergency number").
@pytest.mark.parametrize("text", [
    "Customer no.: 300 812 447 (electricity)",
    "Org. nr. 921 447 380 MVA",
    "Member number 0098 4412 (do not share)",
    "Meter number: 400 718 2231",
    "PRESUPUESTO Nº 2026-1183",
    "Factura N° 0412 555 019",
    "Registered with the chamber under number 71829034.",
])
def test_digits_after_a_noun_and_its_number_word_are_no_phone(text):
    assert phones(text) == []


@pytest.mark.parametrize("text,number", [
    ("Best number: 0161 496 0066", "0161 496 0066"),
    ("Contact number: 020 7946 0958", "020 7946 0958"),
    ("Phone no.: 020 7946 0958", "020 7946 0958"),
    ("call me on my other number 07700 900123", "07700 900123"),
    ("Emergency number 0800 123 4567", "0800 123 4567"),
    ("Mobile no. 98450 66231", "98450 66231"),
])
def test_a_number_word_after_a_line_word_keeps_the_phone(text, number):
    assert phones(text) == [number]


def test_a_bare_number_sign_before_digits_is_a_documents_number():
    assert phones("RECIBO — Nº 0412 555 019\nEmitido: 02/03/2026") == []


def test_a_bare_number_word_names_no_reference():
    assert phones("Number: 0161 496 0066") == ["0161 496 0066"]


# 5. An IBAN after its label grouped as no bank groups it: the mod-97 check says where it ends.
@pytest.mark.parametrize("text,iban", [
    ("IBAN: GB29 NWBK 601613 31926819 BIC NWBKGB2L", "GB29 NWBK 601613 31926819"),
    ("Iban - DE89 37040044 0532 013000", "DE89 37040044 0532 013000"),
    ("IBAN NL91 ABNA0417 164300, ref March", "NL91 ABNA0417 164300"),
])
def test_an_iban_after_its_label_in_odd_groups_is_found_by_its_check(text, iban):
    values = [text[r.start:r.end] for r in LabelledIbanRecognizer().analyze(text, ["IBAN_CODE"])]
    assert iban in values


def test_odd_groups_after_the_label_that_fail_the_check_stay():
    text = "IBAN: GB29 NWBK 601613 31926818 BIC NWBKGB2L"
    assert [text[r.start:r.end] for r in LabelledIbanRecognizer().analyze(text, ["IBAN_CODE"])] == []
