"""Round eleven of phones, addresses and postal codes in business documents (issue 17): phones glued
to a vCard field or after a name and a slash, digits that a scan's OCR read as letters, codes
that share a phone's digits, and the neighbours of each rule that must keep their result."""

from __future__ import annotations

import pytest

from curation.pii.recognizers.en import (
    CurationAddressRecognizer,
    CurationIntlAddressRecognizer,
    CurationPhoneRecognizer,
    CurationPostalCodeRecognizer,
)
from curation.pii.text_view import normalized_view
from tests_helpers import found


def phones(text: str) -> list[str]:
    return found(CurationPhoneRecognizer(), "PHONE_NUMBER", text)


def anonymized(anonymizer, text: str) -> str:
    (out,) = anonymizer.anonymize([text], "en")
    return out.text


# 1. A number written with "+" glued to any field's name (vCard, query strings) is a phone.
@pytest.mark.parametrize("text,number", [
    ("TEL;TYPE=HOME,VOICE:+41 44 668 18 00", "+41 44 668 18 00"),
    ("item1.TEL;type=pref:+353 1 555 0142", "+353 1 555 0142"),
    ("https://crm.example/call?phone=+46 8 123 456 78", "+46 8 123 456 78"),
])
def test_a_plus_number_glued_to_a_field_name_is_a_phone(text, number):
    assert phones(text) == [number]


@pytest.mark.parametrize("text", [
    "2026-12-03T10:15:00+01:00 worker started",   # a timestamp's zone offset
    "UTC+05:30 is the zone of the Pune office",
    "ISBN:0306406152",
])
def test_a_time_zone_or_code_after_a_colon_stays_no_phone(text):
    assert phones(text) == []


# 2. After a person's name and a slash, a national number whole is that person's line.
@pytest.mark.parametrize("text,number", [
    ("Deliver to: Joana Reyes / 0918 447 2031", "0918 447 2031"),
    ("Contact person Piet de Vries / 020-555 0142", "020-555 0142"),
])
def test_a_national_number_after_a_name_and_slash_is_a_phone(text, number):
    assert phones(text) == [number]


@pytest.mark.parametrize("text", [
    "See chapter four / 0123 4567 8901 in the manual",   # twelve digits: no national number
    "Model X / 2023 1105 0930",
    "Volume 3 / 0412 555 019",
    "Batch alpha / 0042 117",
])
def test_other_numbers_after_a_slash_stay_no_phone(text):
    assert phones(text) == []


# 3. Codes with a phone's digit count: a label in the issuing country's language, a box with its
# code, a return authorisation, a grouping no country uses for phones, a ZIP+4 after its state.
@pytest.mark.parametrize("text", [
    "Personnummer: 19850612-4471",
    "Fødselsnummer: 03118844120",
    "Vergi dairesi: Beşiktaş V.D. 4410023385",
    "P.O. Box 30122-00100, Nairobi",
    "Replacement approved under RMA 2025-7719.",
    "Business registration: 137-86-40215",
    "Tariff 8471.30.00 laptops, 4 units",
    "Columbus, OH 43215-1108",
])
def test_codes_with_a_phones_digits_stay_no_phone(text):
    assert phones(text) == []


@pytest.mark.parametrize("text,number", [
    ("Tel 044-66-12345", "044-66-12345"),       # a trunk 0 keeps a 3-2-5 grouping a phone
    ("Call 0471.22.33.44 after six", "0471.22.33.44"),
    ("Box office: 0161 496 0031", "0161 496 0031"),
])
def test_phones_beside_those_codes_stay_phones(text, number):
    assert phones(text) == [number]


# 4. A scan's OCR reads 0 as O and 1 as l inside numbers: the view detection reads has them as digits.
@pytest.mark.parametrize("text,view", [
    ("tel. O30-55l 2290", "tel. 030-551 2290"),
    ("2O457 Hamburg", "20457 Hamburg"),
    ("Herengracht 4l2", "Herengracht 412"),
])
def test_ocr_letters_inside_a_number_are_read_as_digits(text, view):
    assert normalized_view(text)[0] == view


@pytest.mark.parametrize("text", [
    "Oslo IO lol",          # words
    "Flat 3l, Room O1",     # one digit beside one letter: a unit or code as well
    "ID O0lI-X",            # a code glued to letters
    "Rua da Assembleia, 10 – 22º andar",   # NFKC makes the ordinal indicator a lower-case o
])
def test_words_short_codes_and_ordinals_keep_their_letters(text):
    assert normalized_view(text)[0].replace("22o", "22º") == text


def test_an_ocr_damaged_phone_is_masked_over_its_original_characters(anonymizer):
    assert anonymized(anonymizer, "Questions: ring us on (021) 476 2O19 any day.") == \
        "Questions: ring us on <PHONE_NUMBER> any day."


# 5. A postal code under its field name in structured data: JSON, XML, a query string.
@pytest.mark.parametrize("text,code", [
    ('{"city": "Accra", "postal_code": "00233"}', "00233"),
    ("<address><Zip>97204</Zip></address>", "97204"),
    ("addr?street=Main&zip=30301&country=US", "30301"),
    ("'postCode': '2000'", "2000"),
])
def test_a_postal_code_under_its_field_name_is_masked(text, code):
    assert found(CurationPostalCodeRecognizer(), "LOCATION", text) == [code]


@pytest.mark.parametrize("text", [
    '{"zipper": "12345", "postage": "4500"}',
    '{"post": "12345"}',
    "<ZipSize>20480</ZipSize>",
])
def test_other_fields_keep_their_numbers(text):
    assert found(CurationPostalCodeRecognizer(), "LOCATION", text) == []


# A chat's answer to a question for the code is the code, when it is the whole message.
@pytest.mark.parametrize("text,codes", [
    ("[09:12] Agent: Could you confirm the ZIP?\n[09:13] Customer: 98052\n[09:13] Agent: Thanks", ["98052"]),
    ("Rep: And your postal code?\nCaller: 3521 KL", ["3521 KL"]),
    ("Rep: The zip code?\nCaller: 30301 but I moved", []),   # more than the code: left to the address rules
    ("Rep: Which zip?\nCaller: 2 boxes", []),
])
def test_a_chat_answer_to_the_zip_question_is_the_code(text, codes):
    assert found(CurationPostalCodeRecognizer(), "LOCATION", text) == codes

# 6. The town before a code of its own shape is an address part by that code, with or without a
# place read there by NER; the name before it stays a name.
@pytest.mark.parametrize("text,expected", [
    ("Nora Quinn Wakefield WF1 2DT", "<PERSON> <LOCATION>"),
    ("Halifax HX1 1RE", "<LOCATION>"),
])
def test_the_town_before_a_code_of_its_own_shape_is_masked(anonymizer, text, expected):
    assert anonymized(anonymizer, text) == expected


def street_parts(text: str) -> list[str]:
    """What the two street recognizers find, one entry per part."""
    return [*found(CurationIntlAddressRecognizer(), "LOCATION", text), *found(CurationAddressRecognizer(), "LOCATION", text)]


# 7. Street shapes of more countries: a Nordic street type as a word after a genitive, Icelandic and
# Galician types, Austrian stair and door, Turkish quarter and street with "No:" and the flat,
# Taiwanese number, lane and section, a Nordic entrance letter, a Kenyan box with its code.
@pytest.mark.parametrize("text,street", [
    ("Bosted: Ole Deviks vei 12A\n0668 Oslo", "Ole Deviks vei 12A"),
    ("Kongens gate 9, 7011 Trondheim", "Kongens gate 9"),
    ("Skrifstofa: Laugavegur 77, 101 Reykjavík", "Laugavegur 77"),
    ("Enderezo: Rúa Nova 14, 15705 Santiago", "Rúa Nova 14"),
    ("Wohnung: Favoritenstraße 120/3/8, 1100 Wien", "Favoritenstraße 120/3/8"),
    ("Adres: Bostancı Mah. Bağdat Cad. No: 401 D: 12, 34744 Kadıköy", "Bostancı Mah. Bağdat Cad. No: 401 D: 12"),
    ("Ship to: No. 7, Alley 3, Lane 45, Minquan Road, Tainan", "No. 7, Alley 3, Lane 45, Minquan Road"),
    ("Leverans: Kungsgatan 12 B, 411 19 Göteborg", "Kungsgatan 12 B"),
])
def test_street_shapes_of_more_countries_are_found(text, street):
    assert street in street_parts(text)


@pytest.mark.parametrize("text,parts", [
    ("Post to P.O. Box 30122-00100, Nairobi", ["P.O. Box 30122-00100", "Nairobi"]),
    ("Site: Unit 6, Harbour Way Business Park, Portsmouth", ["Unit 6, Harbour Way Business Park", "Portsmouth"]),
    ("Home: Ivy Cottage, Mill Road, Ely", ["Ivy Cottage, Mill Road", "Ely"]),
    ("Flat 2/1, 54 Byres Road, Glasgow", ["Flat 2/1, 54 Byres Road", "Glasgow"]),
])
def test_a_box_code_a_named_house_or_a_tenement_flat_belongs_to_the_address(text, parts):
    assert street_parts(text) == parts


@pytest.mark.parametrize("text", [
    "Please proceed to Arrivals gate 5 after landing.",
    "Workshop in Room 4, Training Centre, after lunch.",
    "Flat 4, Rosewood Court is lovely.",
    "Release notes for Version 2/3/4 are out.",
    "See No. 3, Section 2 of the contract.",
    "Tested on build 2026-12-07T10:15:00Z, 14 items, 3.5 kg.",
    "Kat: 3 cats, D: 5 dogs",
])
def test_numbered_things_beside_those_shapes_are_no_address(text):
    assert street_parts(text) == []


# 8. The reference words are one list (phone.py): a label that begins another ("po" and "policy",
# "inv" and "invoice", "ref" and "reference", "id" and "identity") still names its digits.
@pytest.mark.parametrize("text", [
    "Policy no. 0161 496 0188",
    "the policy is 0161 496 0188",
    "Inv. 0161 496 0188",
    "Invoice no. 0161 496 0188",
    "Reference number: 0161 496 0188",
    "Identity no. 0161 496 0188",
    "the ticket is 0161 496 0188",
])
def test_each_reference_label_names_its_digits(text):
    assert phones(text) == []


@pytest.mark.parametrize("text,number", [
    ("The helpline for membership is 0800 123 4567", "0800 123 4567"),   # "is" after a noun the line is for
    ("Project: 020 7946 0311", "020 7946 0311"),                           # a bare business label, a national number
])
def test_a_phone_after_a_business_noun_stays_a_phone(text, number):
    assert phones(text) == [number]
