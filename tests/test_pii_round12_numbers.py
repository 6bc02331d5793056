"""Round twelve of phones and postal codes (issue 17): phone notations by channel (vCard, tel: links,
dial strings, OCR, forms, chat, signatures, extensions, words, letters), postal codes and streets
under a table's header, and the neighbours of each rule that must stay unmasked."""

from __future__ import annotations

import pytest

from curation.pii.recognizers.en import (
    AddressColumnRecognizer,
    CurationPhoneRecognizer,
    CurationPostalCodeRecognizer,
    MessagingLinkPhoneRecognizer,
    SpokenPhoneRecognizer,
    VanityPhoneRecognizer,
)
from tests_helpers import found


def masked_whole(anonymizer, text: str, value: str) -> bool:
    """Whether every letter and digit of `value` in `text` lies under one of the stage's entities."""
    [out] = anonymizer.anonymize([text], "en")
    start = text.index(value)
    covered = {i for e in out.entities for i in range(e.start, e.end)}
    return all(i in covered for i in range(start, start + len(value)) if text[i].isalnum())


# 1. Notations the whole stage masks, one per channel and shape (written for this test).
@pytest.mark.parametrize("text,number", [
    ("TEL;WORK;VOICE:(206) 555-0148", "(206) 555-0148"),                       # vCard 2.1 type list
    ("tel:+1-303-555-0112;ext=45", "+1-303-555-0112;ext=45"),                   # RFC 3966 extension
    ("Dial +13035550112p7 to reach the lab", "+13035550112p7"),                  # dial-string pause
    ("Dial +13035550112,,7 to reach the lab", "+13035550112,,7"),
    ("Fax: O3O 5550 1122", "O3O 5550 1122"),                                     # OCR O in a short group
    ("Tel.: (0 40) 55 66 77 88", "(0 40) 55 66 77 88"),                          # German trunk in brackets
    ("Tel.: 0 40 / 55 66 77 88", "0 40 / 55 66 77 88"),
    ("Tel. +49 (0) 40 / 55 66 77 88", "+49 (0) 40 / 55 66 77 88"),
    ("ph#3035550112", "3035550112"),                                            # label glued by "#"
    ("Mob: +91 22 5550 1234 / 99887 76655", "99887 76655"),                      # second line after a slash
    ("Reception: (303) 555-0112, ext. 31", "(303) 555-0112, ext. 31"),
    ("Reception: (303) 555-0112 (ext 31)", "(303) 555-0112 (ext 31)"),
    ("Reception: 1-877-555-0112 #31", "1-877-555-0112 #31"),
    ("Reception: 0118 496 0321 extn 31", "0118 496 0321 extn 31"),
    ("please call 7766554433 after lunch", "7766554433"),                        # a call verb before
    ("Sími: 561 2345", "561 2345"),                                              # a foreign phone label
])
def test_a_phone_written_this_way_is_masked(anonymizer, text, number):
    assert masked_whole(anonymizer, text, number)


# 2. Numbers read out: across line breaks and full stops, "double-oh".
@pytest.mark.parametrize("text", [
    "yes it is oh one six\none, double five, two\nnine eight four",
    "the number is seven one three. five five five. two two nine one",
    "ring zero two double-oh four five six seven eight",
])
def test_a_number_read_out_over_lines_or_stops_is_a_phone(text):
    assert found(SpokenPhoneRecognizer(), "PHONE_NUMBER", text)


def test_counting_over_lines_is_still_no_phone():
    assert found(SpokenPhoneRecognizer(), "PHONE_NUMBER", "one\ntwo\nthree\nfour\nfive\nsix\nseven") == []


# 3. Vanity numbers: letters on a keypad after a toll-free code or a whole area code and exchange.
@pytest.mark.parametrize("text,number", [
    ("Order by phone: 1-888-PARCELS", "1-888-PARCELS"),
    ("Support line 1 866 NO DELAY, any hour", "1 866 NO DELAY"),
    ("Questions? (877) 555-TOYS", "(877) 555-TOYS"),
    ("Our desk: (415) 555-BIKE", "(415) 555-BIKE"),
])
def test_a_vanity_number_is_a_phone(text, number):
    assert found(VanityPhoneRecognizer(), "PHONE_NUMBER", text) == [number]


@pytest.mark.parametrize("text", [
    "We shipped 800 PCS BLUE and 200 PCS RED.",
    "Part 1-800-AB is out of stock",            # too few characters for seven digits
    "SKU 844-KITCHEN-2",                        # glued to more code
])
def test_capitals_after_a_quantity_or_code_are_no_vanity_number(text):
    assert found(VanityPhoneRecognizer(), "PHONE_NUMBER", text) == []


# 4. Messaging links carry the international number without "+".
def test_the_number_in_a_whatsapp_link_is_a_phone():
    assert found(MessagingLinkPhoneRecognizer(), "PHONE_NUMBER", "Chat: https://wa.me/34612345678") == ["34612345678"]


def test_digits_in_a_link_of_no_possible_number_stay():
    assert found(MessagingLinkPhoneRecognizer(), "PHONE_NUMBER", "https://wa.me/99912345") == []


# 5. Neighbours that must stay no phone.
@pytest.mark.parametrize("text", [
    "Items 1 200 / 3 400 / 5 600 in the catalogue",   # slashes between small numbers
    "msg:+3.1415926535",
    "call 2025",                                       # a year after a call verb is too short
    "Flat 3l 4 on the plan",                           # one OCR-looking group without a whole number
])
def test_neighbours_of_the_new_phone_rules_stay_no_phone(text):
    assert found(CurationPhoneRecognizer(), "PHONE_NUMBER", text) == []


# 6. Address fields under a table's header.
TABLE = ("supplier_id\tstreet\tpostcode\tcity\tcountry\n"
         "S-1\tRua das Flores 88\t4050-262\tPorto\tPT\n"
         "S-2\tKungsgatan 4B\t111 43\tStockholm\tSE\n")


def test_street_postcode_and_city_cells_under_their_headers_are_locations():
    values = [TABLE[r.start:r.end] for r in AddressColumnRecognizer().analyze(TABLE, None)]
    assert values == ["Rua das Flores 88", "4050-262", "Porto", "Kungsgatan 4B", "111 43", "Stockholm"]


def test_cells_under_other_headers_and_empty_values_stay():
    table = "id,zip,amount\n7,n/a,120\n8,-,300\n"
    assert AddressColumnRecognizer().analyze(table, None) == []


def test_a_postcode_column_in_a_markdown_table_is_read():
    table = "| Name | ZIP Code |\n|---|---|\n| Dana | 73301 |\n"
    assert [table[r.start:r.end] for r in AddressColumnRecognizer().analyze(table, None)] == ["73301"]


# 7. Postal codes beside a label, a country name or a capital.
@pytest.mark.parametrize("text,value", [
    ("Av. Reforma 222\nC.P. 06600, Ciudad de México", "06600"),
    ("Seongsu-ro 77, Seongdong-gu, Seoul 04799, Republic of Korea\n", "04799"),
    ("Sec. 2, Ren'ai Rd., Taipei City 100\n", "100"),
    ("Agent: and your postcode?\nCustomer: 80331 München\n", "80331"),
])
def test_a_postal_code_with_this_evidence_is_found(text, value):
    assert any(value in v for v in found(CurationPostalCodeRecognizer(), "LOCATION", text))


@pytest.mark.parametrize("text", [
    "Meet in Room 106, Taipei 101 tower.",
    "We sold 101 units in Taipei last week.",
])
def test_three_digits_near_a_capital_without_an_address_part_stay(text):
    assert not any(v.isdigit() for v in found(CurationPostalCodeRecognizer(), "LOCATION", text))


def test_a_sum_after_reach_stays_no_phone():
    assert found(CurationPhoneRecognizer(), "PHONE_NUMBER", "Sales may reach 1 200 000 this year.") == []
