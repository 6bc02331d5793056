"""The review of the phone, e-mail and postal rules merged from wt-pii21 (issue 17): each finding
with texts that must be masked and neighbours that must keep their result."""

from __future__ import annotations


import pytest

from curation.pii.recognizers.en import CurationEmailRecognizer, CurationPhoneRecognizer, CurationPostalCodeRecognizer
from tests_helpers import found

# 1. A reference label names its digits only as a field's label; in a sentence, or "Order:" over a
# colon, the number is the line to call.
@pytest.mark.parametrize("text,number", [
    ("If you wish to make an order: 0113 496 0721", "0113 496 0721"),
    ("Check the status of your order: 0800 046 1177", "0800 046 1177"),
    ("Anything wrong with this invoice? Our team: 0161 496 0188", "0161 496 0188"),
    ("Disputes about an invoice: 020 7946 0311", "020 7946 0311"),
    ("Orders: 0113 496 0721", "0113 496 0721"),
    ("Invoice: 01632 960 442", "01632 960 442"),
    ("To reorder, 0800 046 1177", "0800 046 1177"),
])
def test_a_phone_after_an_order_or_invoice_word_in_a_sentence_is_masked(text, number):
    assert found(CurationPhoneRecognizer(), "PHONE_NUMBER", text) == [number]


@pytest.mark.parametrize("text", [
    "Reference 0113 496 0721",
    "Account holder: K. Obi, Ref 020 7946 0311",
    "Invoice 01632 960442 is overdue.",
    "Inv no. 0161 496 0188",
    "PO 7700123456",
    "(SKU 0113 496 0721)",
])
def test_a_reference_field_keeps_its_digits_unmasked(text):
    assert found(CurationPhoneRecognizer(), "PHONE_NUMBER", text) == []


# Minor: a German extension label with its full stop ("dw.") belongs to the number.
@pytest.mark.parametrize("text,number", [
    ("Tel. +49 30 9876543 dw. 41", "+49 30 9876543 dw. 41"),
    ("Tel 030 9876543 Dw.: 41, Fax 030 9876544", "030 9876543 Dw.: 41"),
    ("Tel 030 9876543 dw. Frau Roth", "030 9876543"),
])
def test_an_extension_after_dw_with_a_full_stop_is_part_of_the_number(text, number):
    assert found(CurationPhoneRecognizer(), "PHONE_NUMBER", text)[0] == number


# 2. "contact", "reach" and "address" count inside longer words near a spelled-out address.
@pytest.mark.parametrize("text,address", [
    ("She is reachable via m.obi at outlook dot com", "m.obi at outlook dot com"),
    ("Contactable: kofi at proton dot me", "kofi at proton dot me"),
    ("Community outreach: lena at northwind dot org", "lena at northwind dot org"),
    ("Addressee - tom at fabrik dot de", "tom at fabrik dot de"),
])
def test_a_spelled_address_after_a_longer_contact_word_is_masked(text, address):
    assert found(CurationEmailRecognizer(), "EMAIL_ADDRESS", text) == [address]


def test_a_spelled_dot_in_prose_without_a_contact_word_stays_unmasked():
    assert found(CurationEmailRecognizer(), "EMAIL_ADDRESS", "Profits went up at Shopify dot com") == []


# 3. A mail word some words back is the verb only: a noun "email"/"mail" does not make the next
# " at " an address.
@pytest.mark.parametrize("text", [
    "We had an email from the manager at home at Tesco.com",
    "Her mail box at work at Zalando.de is full",
    "My manager's email to the team at lunch at Spotify.com was brief.",
    "The mail order at night at Argos.co.uk was late",
])
def test_a_noun_mail_word_before_prose_at_a_domain_stays_unmasked(text):
    assert found(CurationEmailRecognizer(), "EMAIL_ADDRESS", text) == []


@pytest.mark.parametrize("text,address", [
    ("Please mail the support desk at help at northwind.org", "help at northwind.org"),
    ("email our buyer at orders at fabrik-nord.de", "orders at fabrik-nord.de"),
])
def test_a_mail_verb_before_the_address_still_masks_it(text, address):
    assert found(CurationEmailRecognizer(), "EMAIL_ADDRESS", text) == [address]


# Minor: a title's full stop or a bracketed word between the mail verb and "at" stays in the clause;
# another full stop ends it.
@pytest.mark.parametrize("text,expected", [
    ("Email Prof. Lindqvist at lindqvist at uni-hamburg.de", ["lindqvist at uni-hamburg.de"]),
    ("Please email Tariq Aziz (Finance) at t.aziz at hollowbrook.co.uk", ["t.aziz at hollowbrook.co.uk"]),
    ("Email us. Our team met at lunch at Deliveroo.com", []),
])
def test_a_title_or_bracket_between_the_mail_verb_and_at_keeps_the_clause(text, expected):
    assert found(CurationEmailRecognizer(), "EMAIL_ADDRESS", text) == expected


# 6. A full stop ending the sentence ends the address; a dot and a word continue the domain.
@pytest.mark.parametrize("text,address", [
    ("E-mail: orders at fabrik-nord.de.", "orders at fabrik-nord.de"),
    ("Just email the buyer at Acme at buyers.acme.co.uk. Thanks!", "Acme at buyers.acme.co.uk"),
])
def test_a_plain_at_address_before_a_full_stop_is_masked(text, address):
    assert found(CurationEmailRecognizer(), "EMAIL_ADDRESS", text) == [address]


def test_a_plain_at_address_with_a_longer_domain_is_not_cut_short():
    # "x at y.io.zz" is not the address "x at y.io" followed by text: no part of it is taken.
    assert found(CurationEmailRecognizer(), "EMAIL_ADDRESS", "Email: sales at brightpath.io.zz1") == []


@pytest.mark.parametrize("recognizer,entity,text,count", [
    (CurationPhoneRecognizer, "PHONE_NUMBER", "Invoice: 0161 496 0066, " * 2000, 2000),
    (CurationPhoneRecognizer, "PHONE_NUMBER", "Order 0161 496 0066, " * 2500, 0),
    (CurationEmailRecognizer, "EMAIL_ADDRESS", "an email from the boss at work at Amazon.com. " * 1100, 0),
    (CurationEmailRecognizer, "EMAIL_ADDRESS", "outreach x at y dot com " * 2000, 2000),
    (CurationEmailRecognizer, "EMAIL_ADDRESS", "Email sales at brightpath.io. " * 1700, 1700),
])
def test_long_lines_of_repeated_tokens_keep_their_result(recognizer, entity, text, count):
    # Speed on such lines is bench/pii_throughput.py's to measure; here only what is found.
    assert len(found(recognizer(), entity, text)) == count


# 4. A capital makes a number beside it a postal code only in its country's code shape; a capital
# that is also a word or a given name needs an address label; a year is no code.
def postal_found(text: str) -> list[str]:
    """What the postal-code recognizer masks on its own (no NER)."""
    return [text[r.start:r.end] for r in CurationPostalCodeRecognizer().analyze(text, ["LOCATION"]) if r.score >= 0.4]


@pytest.mark.parametrize("text,expected", [
    ("Ship to: Ms N. Haddad\nAmman 11118", ["Amman 11118"]),
    ("Nairobi 00100", ["Nairobi 00100"]),
    ("Warehouse:\nMadrid 28045", ["Madrid 28045"]),
    ("Delivery address:\nMale 20094", ["Male 20094"]),
    ("Beijing 100020", ["Beijing 100020"]),
])
def test_a_code_in_its_capital_s_shape_is_a_place(text, expected):
    assert postal_found(text) == expected


@pytest.mark.parametrize("text", [
    "Male 20311\nFemale 19022",        # head counts by sex
    "Sofia 2870, Lima 15302",          # given names with a score
    "Madrid 4410",                     # not a Spanish code's shape
    "Kingston 11210",                  # Jamaica has no postal codes
    "Cairo 1937",                      # a year
    "Amman 1850",
    "Nairobi 12345",                   # Kenyan codes of Nairobi start 00
])
def test_a_number_beside_a_capital_without_its_country_s_shape_is_no_place(text):
    assert postal_found(text) == []


# 5. A person's name before the town of a pair stays the person's: the town and code are one
# place, the name another span.
@pytest.mark.parametrize("text,expected", [
    # The town before a code of its own shape is an address part by that code, with or without a
    # place read there by NER.
    ("Tom Baker Bristol BS1 4DJ, Lucy Hart Bristol BS8 1TH", "<PERSON> <LOCATION>, <PERSON> <LOCATION>"),
    ("Lucy Hart Bristol BS8 1TH, " * 3, "<PERSON> <LOCATION>, " * 3),
])
def test_a_name_before_a_town_and_code_is_no_place(anonymizer, text, expected):
    (out,) = anonymizer.anonymize([text], "en")
    assert out.text == expected


def test_a_page_of_names_towns_and_codes_keeps_each_person(anonymizer):
    text = "Lucy Hart Bristol BS8 1TH, " * 1850  # 50 KB
    (out,) = anonymizer.anonymize([text], "en")
    assert out.counts == {"PERSON": 1850, "LOCATION": 1850}


def test_a_town_of_two_words_under_an_organisation_stays_one_place(anonymizer):
    (out,) = anonymizer.anonymize(["Ship to:\nMilton Keynes MK9 2AB"], "en")
    assert out.text == "Ship to:\n<LOCATION>"
