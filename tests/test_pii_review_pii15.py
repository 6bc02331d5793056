"""The review of the English phone, e-mail and postal rules merged from wt-pii15 (issue 17): each
finding with the text that leaked or was over-masked, and the neighbour that must keep its result."""

from __future__ import annotations

import pytest

from curation.pii.recognizers.en import (
    CurationEmailRecognizer,
    CurationPhoneRecognizer,
    CurationPostalCodeRecognizer,
    SpokenPhoneRecognizer,
)
from tests_helpers import found

# L1: one letter-digit group before a number is a unit, a postcode's half or "24H"; two that make a
# postcode end an address line. Two other code groups continue a parcel code.
@pytest.mark.parametrize("text,number", [
    ("Leeds LS1 4AP 0113 496 0000", "0113 496 0000"),
    ("London EC1A 1BB 020 7946 0958", "020 7946 0958"),
    ("Manchester M1 1AE 0161 496 0066", "0161 496 0066"),
    ("Flat 2A 07700 900123", "07700 900123"),
    ("Room 4B 020 7946 0958", "020 7946 0958"),
    ("Support 24H 0800 123 4567", "0800 123 4567"),
])
def test_a_phone_after_a_postcode_or_unit_is_masked(text, number):
    assert found(CurationPhoneRecognizer(), "PHONE_NUMBER", text) == [number]


def test_a_number_continuing_a_code_of_several_groups_is_no_phone():
    assert found(CurationPhoneRecognizer(), "PHONE_NUMBER", "parcel 1Z 8F4 27Y 03 5512 9940") == []


# L2: a phone word before the label says whose number it is; "is" makes a reference only after a
# reference's name; a national number is too long for a PIN or postal code.
@pytest.mark.parametrize("text", [
    "The phone number for registration is 020 7946 0958.",
    "The helpline for membership is 0800 123 4567",
    "Fax company 020 7946 0958",
    "Call the company: 020 7946 0958",
    "PIN: 020 7946 0958",
])
def test_a_phone_after_a_label_for_what_it_serves_is_masked(text):
    assert found(CurationPhoneRecognizer(), "PHONE_NUMBER", text) == ["0800 123 4567" if "0800" in text
                                                                     else "020 7946 0958"]


@pytest.mark.parametrize("text", [
    "The account is 600-229-417",
    "Company registration 0412 5566 9102",
    "Patient number is 4471 2290 88",
    "Call 0800 111 2222 about invoice 4471 2290",
    "PIN: 400 050 12",
])
def test_a_reference_after_its_label_stays_unmasked(text):
    masked = found(CurationPhoneRecognizer(), "PHONE_NUMBER", text)
    assert masked == (["0800 111 2222"] if text.startswith("Call") else [])


# O5: only a contact label glued by a colon makes a phone of what follows.
@pytest.mark.parametrize("text,numbers", [
    ("ISBN:0306406152", []),
    ("UPC:0 12345 67890 5", []),
    ("Tel.:0161 496 0066", ["0161 496 0066"]),
    ("M:07700 900123", ["07700 900123"]),
])
def test_a_glued_label_must_be_a_contact_label(text, numbers):
    assert found(CurationPhoneRecognizer(), "PHONE_NUMBER", text) == numbers


# O7: a "+" figure after an amount label or before a currency is an amount.
@pytest.mark.parametrize("text,numbers", [
    ("Total +12 500 000 EUR", []),
    ("Balance: +4 500 000", []),
    ("Growth +12 500 000 € in 2025", []),
    ("Contact: +44 20 7946 0958", ["+44 20 7946 0958"]),
    ("Total: call +44 20 7946 0958 today", ["+44 20 7946 0958"]),
])
def test_a_signed_amount_is_no_phone(text, numbers):
    assert found(CurationPhoneRecognizer(), "PHONE_NUMBER", text) == numbers


# L3, O3, O4: an e-mail address is masked whole or not at all; spaces around "@" or a plain " at "
# need an address-like local part or a mail word right before, not "Mailchimp".
@pytest.mark.parametrize("text,addresses", [
    ("Email me at jane.doe at gmail.com", ["jane.doe at gmail.com"]),
    ("email me: jane.doe at gmail.com", ["jane.doe at gmail.com"]),
    ("Email me at jane.doe at gmail.commerce", []),
    ("Email: jane.doe @ gmail.com thanks", ["jane.doe @ gmail.com"]),
    ("Email: jane @ gmail.com", ["jane @ gmail.com"]),
    ("Get yours @ amazon.com today", []),
    ("Live now @ twitch.tv", []),
    ("Our Mailchimp list: Sam at booking.com", []),
    ("Mail to: sam at booking.com", ["sam at booking.com"]),
])
def test_an_email_is_masked_whole_and_only_after_a_mail_word(text, addresses):
    assert found(CurationEmailRecognizer(), "EMAIL_ADDRESS", text) == addresses


def test_a_spaced_at_sign_is_less_certain_than_a_plain_one():
    scores = {text: [r.score for r in CurationEmailRecognizer().analyze(text, ["EMAIL_ADDRESS"])]
              for text in ("jane.doe @ gmail.com", "jane.doe@gmail.com")}
    assert scores["jane.doe @ gmail.com"][0] < scores["jane.doe@gmail.com"][0] == 1.0


# O2: "oh" is a zero only between digit words, a run of one or two digits is chanted, and groups of
# two words each are scores: none is a number read out without a context word.
@pytest.mark.parametrize("text,numbers", [
    ("oh oh oh oh oh oh oh", []),
    ("The song goes five five five five, five five five five, oh yeah.", []),
    ("The final went six four, three six, seven five, six two.", []),
    ("Call me at five oh nine, five five five, oh one nine two tomorrow.",
     ["five oh nine, five five five, oh one nine two"]),
    ("it is four one five, five five five, zero one four two", ["four one five, five five five, zero one four two"]),
    ("zero seven seven double zero nine zero zero one two three", ["zero seven seven double zero nine zero zero one two three"]),
])
def test_a_spoken_number_is_no_song_nor_score(text, numbers):
    assert found(SpokenPhoneRecognizer(), "PHONE_NUMBER", text) == numbers


# O1: a capitalised word beside a number is a field and its value unless another address part stands
# beside the pair (NER's places are tested in test_pii_address_blocks). O6: an Eircode's routing key
# is one of the real ones.
@pytest.mark.parametrize("text,parts", [
    ("Employee 40213", []),
    ("Downloads, 12000 Downloads", []),
    ("CPU: Ryzen 5600", []),
    ("Am Sandtorkai 48, 20457 Hamburg", ["20457 Hamburg"]),
    ("King Fahd Road, Al Olaya\nRiyadh 12214", ["Riyadh 12214"]),
    ("Olaya District, Riyadh 12214, Saudi Arabia", ["Olaya District", "Riyadh 12214"]),
    ("Flat 3B, 14 MG Road\nNear the Metro Station\nBengaluru - 560001", ["Bengaluru", "560001"]),
    ("N95 4PK5 masks", []),
    ("Error E12 3F4A", []),
    ("Eircode D16 X2P8", ["D16 X2P8"]),
])
def test_a_postal_pair_needs_an_address_beside_it(text, parts):
    assert found(CurationPostalCodeRecognizer(), "LOCATION", text) == parts
