"""Our pattern recognizers on their own (no spaCy model): what each must find, and what it must leave."""

from __future__ import annotations

import pytest

from curation.pii.recognizers.en import (
    CurationAddressRecognizer,
    CurationCardRecognizer,
    CurationEmailRecognizer,
    CurationIntlAddressRecognizer,
    CurationOrganizationRecognizer,
    CurationPersonRecognizer,
    CurationPhoneRecognizer,
    CurationPostalCodeRecognizer,
    luhn_ok,
)


def found(recognizer, text: str, threshold: float = 0.4) -> list[str]:
    return [text[r.start:r.end] for r in recognizer.analyze(text, recognizer.supported_entities)
            if r.score >= threshold]


PHONE = CurationPhoneRecognizer()


@pytest.mark.parametrize("number", [
    "+44 20 7946 0958",           # international, spaces
    "+44(0)115 4960914",          # UK trunk zero in brackets
    "+49 (0) 9141 777631",
    "+33 1 42 68 53 00",          # French pairs
    "+61-2-8377-8353",
    "+1-780-563-6083x7783",       # extension written x
    "001-287-579-1169x75342",     # 00 international prefix
    "(0161) 496 0066",            # area code in brackets
    "(591)341-7776",
    "1 (786) 834-4978",
    "555.123.4567",
    "212-555-0143",
    "02 4177 7631",               # Australian national
    "04 15 39 15 00",             # French national
    "106-690-7439 ext. 150",      # extension written ext.
    "0161 496 0066 extension 12",
])
def test_phone_formats_are_found_whole(number):
    assert found(PHONE, f"Reach me on {number} today.") == [number]


@pytest.mark.parametrize("text", [
    "Shipped on 2025-03-19 at noon.",            # ISO date
    "Invoice dated 19-03-2025 is late.",
    "Traffic from 192.168.10.20 was blocked.",   # IPv4
    "SSN 123-45-6789 on file.",                  # SSN shape belongs to the SSN recognizer
    "Upgrade to version 5.18.8 first.",
    "Total $38,172.72 due.",
    "Order #5389928 shipped.",
    "Invoice INV-2021-52761 is paid.",
    "Card 4111 1111 1111 1111 declined.",        # a Luhn-valid card is not a phone number
    "IBAN GB57 VAIT 2589 9139 4411 77 updated.",
    "Meeting at 2027-04-28 07:30 in room 4.",
])
def test_phone_recognizer_leaves_dates_ips_amounts_and_codes(text):
    assert found(PHONE, text) == []


def test_plain_digit_run_needs_a_trunk_prefix_or_context():
    assert found(PHONE, "We saw 7717560855 in the log.") == []
    assert found(PHONE, "We saw 07717560855 in the log.") == ["07717560855"]
    # After a reference label the trunk prefix does not make it a phone (NUMBER_LABELS).
    assert found(PHONE, "Order 07717560855 was split.") == []


CARD = CurationCardRecognizer()


@pytest.mark.parametrize("card", [
    "4111 1111 1111 1111",        # Visa, spaces
    "4111-1111-1111-1111",        # dashes
    "4111111111111111",           # plain
    "3714 496353 98431",          # Amex 4-6-5
    "2221 0000 0000 0009",        # Mastercard 2-series
    "3530 1113 3330 0000",        # JCB
    "4179 3679 3720 2239 206",    # 19-digit Visa (Luhn-valid)
    "6011 1111 1111 1117",        # Discover
])
def test_luhn_valid_cards_with_spaces_or_dashes_are_found(card):
    assert luhn_ok(card.replace(" ", "").replace("-", "")), card
    assert found(CARD, f"Charged to {card} yesterday.") == [card]


@pytest.mark.parametrize("number", ["4111 1111 1111 1112", "1234 5678 9012 3456", "0000 0000 0000 0000",
                                    "4111 1111-1111 1111"])
def test_card_recognizer_refuses_bad_checksums_prefixes_and_mixed_separators(number):
    assert found(CARD, f"Reference {number} attached.") == []


EMAIL = CurationEmailRecognizer()


def test_email_addresses_with_plus_dots_and_subdomains():
    text = "Write to jane.o'neil+billing@mail.example.co.uk or ops@example.com."
    assert found(EMAIL, text) == ["jane.o'neil+billing@mail.example.co.uk", "ops@example.com"]
    assert found(EMAIL, "no address here, just @mentions and a@b") == []


ADDRESS = CurationAddressRecognizer()


@pytest.mark.parametrize("address", [
    "565 Mcdonald Neck Apt. 386, Lake Lisa, HI 35799",
    "8888 Collins Fords Suite 859, New Joseph, PW 63384",
    "97 Lynda Bridge\nSmithbury\nW88 6FJ",
    "1600 Pennsylvania Avenue, Washington, DC 20500",
    "PSC 5955, Box 7267\nAPO AP 70015",
])
def test_street_addresses_are_found_with_city_and_code(address):
    lines = "\n".join(found(ADDRESS, f"Ship to: {address}. Thanks"))  # one span per line
    assert lines.startswith(address.split()[0]) and address.split()[-1] in lines


def test_postal_codes_after_a_state_and_uk_and_canadian_codes():
    postal = CurationPostalCodeRecognizer()
    assert found(postal, "Austin, TX 78701") == ["78701"]
    assert found(postal, "London SW1A 1AA") == ["SW1A 1AA"]
    assert found(postal, "Ottawa, ON K1A 0B1") == ["K1A 0B1"]
    assert found(postal, "Order 78701 shipped") == []


ORG = CurationOrganizationRecognizer()


@pytest.mark.parametrize("text,name", [
    ("Quote sent to Garcia LLC today.", "Garcia LLC"),
    ("Signed with Avery, Stephens and Wallace on Monday.", "Avery, Stephens and Wallace"),
    ("Castro and Sons asked for a refund.", "Castro and Sons"),
    ("Escalated by Dale at Glover-Mckay yesterday.", "Glover-Mckay"),
    ("Payment from Northwind Traders Ltd. arrived.", "Northwind Traders Ltd."),
])
def test_organisation_names_by_legal_form_partnership_or_hyphenated_pair(text, name):
    assert name in found(ORG, text)


def test_hyphenated_common_words_are_not_organisations():
    assert found(ORG, "Please do a check of Follow-Up items.") == []


PERSON = CurationPersonRecognizer()


@pytest.mark.parametrize("text,name", [
    ("Dear Ms. Holloway, thank you.", "Holloway"),
    ("Hi Tyler, your order shipped.", "Tyler"),
    ("Best regards,\nHeather Jackson\nSales", "Heather Jackson"),
    ("From: Dorothy Davies <dd@example.net>", "Dorothy Davies"),
    ("Call back Daniel on 0161 496 0066.", "Daniel"),
])
def test_names_after_salutations_titles_sign_offs_and_before_addresses(text, name):
    assert found(PERSON, text) == [name]


def test_sentence_starting_words_are_not_names():
    assert found(PERSON, "Hi Team, the release is out.") == []


INTL = CurationIntlAddressRecognizer()


@pytest.mark.parametrize("address", [
    "Wingertweg 126",                                  # German: the number after the street
    "Nikola-Peer-Weg 18|, 5011| Neusiedl am See",      # with postal code and town
    "Rua Diadema 1903",                                # Portuguese: street type before the name
    "ulica Paderewskiego 77|, 61-668| Kołobrzeg",
    "Calzada Vela 693 Interior 317",
    "214, avenue Charlotte Gilles\n48907| Gauthier",   # French, over two lines
    "Storgatan 77\n27439| Göteborg",
    "Haakoninlahdentie 77",
    "PO Box 4410",
])
def test_international_street_addresses(address):
    # One span per line and per part ("|" ends a part; the separators after it stay text).
    parts = [part.lstrip(", ") for line in address.split("\n") for part in line.split("|")]
    assert found(INTL, f"Please send it to {address.replace('|', '')}. Thanks") == parts


def test_a_unit_on_its_own_line_is_an_address():
    # The town line below the unit belongs to the same address block.
    assert found(INTL, "Acme Ltd\nSuite 408\nRiverside") == ["Suite 408", "Riverside"]


@pytest.mark.parametrize("text", ["Engineering 101 starts today", "Monitoring 24 hosts", "Katie 5 years old",
                                  "Smith et al. Nature 2020", "Spring 2024 report"])
def test_words_that_end_like_street_types_are_not_addresses(text):
    assert found(INTL, text) == []


@pytest.mark.parametrize("text,code", [("my zip code 76400 is new", "76400"), ("Postal code: 1234 AB", "1234 AB"),
                                       ("CEP 76317-066.", "76317-066")])
def test_postal_codes_after_their_label(text, code):
    assert found(CurationPostalCodeRecognizer(), text) == [code]


# Texts where every alternative of the scored recognizers' patterns matches somewhere, with what
# sits around a match start: a lower-case street type, a unit line, lookbehind cues, punctuation.
START_TEXTS = [
    "Ship to Alte Wingertweg 126, 8027 Graz, Austria. Office: Hauptstraße 5\nD-80331 München",
    "Rua Diadema 1903, São Paulo; ulica Paderewskiego 77, 00-001 Warszawa; al. Jana Pawła 12",
    "12, rue de Rivoli, 75001 Paris; Am Mühlbach 7a; 1-2-3 Marunouchi; Plot No. 21, 14th Main Road",
    "Blk 123 Ang Mo Kio Avenue 3\nSuite 408\n287 Kingsway, Burnaby, BC V5H 4A1\nPO Box 4521, Postfach 10 02 34",
    "Meir 83, 1148 Bruxelles. Flat 4, 38 Hay Lane, London SW1A 1AA; 1600 W Cedar Ridge Road NW, Apt 4",
    "Dear Mr. Smith, call Jane Roe at +44 (0)20 7946 0958 or (020) 7946 0958, ext. 12, zip code 76400,",
    "Garcia LLC and Avery, Stephens and Wallace of Smith-Jones; card 4111 1111 1111 1111; Sydney NSW 2000",
    "  osiedle Kwiatowe 5, 61-001 Poznań\n\tLevel 12, 345 George Street, Sydney, CA 94105-1234",
]


@pytest.mark.parametrize("recognizer", [CurationIntlAddressRecognizer(), CurationAddressRecognizer(),
                                        CurationOrganizationRecognizer(), CurationPostalCodeRecognizer(),
                                        CurationPhoneRecognizer(), CurationCardRecognizer()],
                         ids=lambda r: r.name)
def test_start_lookahead_leaves_every_match(recognizer):
    """START only skips positions where no match of REGEX can begin: the matches are the same with it and without."""
    import regex

    assert recognizer.START
    plain = regex.compile(recognizer.REGEX, recognizer.FLAGS)
    for text in START_TEXTS:
        with_start = [(m.span(), m.captures()) for m in recognizer._regex.finditer(text)]
        assert with_start == [(m.span(), m.captures()) for m in plain.finditer(text)], text
    assert any(recognizer._regex.search(text) for text in START_TEXTS)
