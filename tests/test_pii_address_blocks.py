"""International business addresses by structure: street shapes per country, the lines around the
street (unit above; postal code, town, region, country below), and phones written the national way.
Issue 17: on real business English the postal codes and street lines next to a street were missed."""

from __future__ import annotations

import re

import pytest

from curation.pii.recognizers.en import (
    CurationAddressRecognizer,
    CurationIntlAddressRecognizer,
    CurationPhoneRecognizer,
    CurationPostalCodeRecognizer,
    address_parts,
    intl_address,
)

STREETS = (CurationAddressRecognizer(), CurationIntlAddressRecognizer())
PHONE = CurationPhoneRecognizer()


def runs(text: str, threshold: float = 0.4) -> list[list[int]]:
    """(start, end) of what both street recognizers mask, overlapping spans merged as masking does."""
    spans = sorted((r.start, r.end) for rec in STREETS for r in rec.analyze(text, ["LOCATION"]) if r.score >= threshold)
    out: list[list[int]] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return out


def found(text: str, threshold: float = 0.4) -> list[str]:
    """What both street recognizers mask, as runs of text: one per address part."""
    return [text[s:e] for s, e in runs(text, threshold)]


def addresses(text: str) -> list[str]:
    """What found() masks, with the parts of one line joined over the separators left between
    them (", ", " - "): where each address line starts and ends."""
    out: list[list[int]] = []
    for s, e in runs(text):
        if out and re.fullmatch(r"[ \t]*[,/-]?[ \t]*", text[out[-1][1]:s]):
            out[-1][1] = e
        else:
            out.append([s, e])
    return [text[s:e] for s, e in out]


@pytest.mark.parametrize("street", [
    "Am Mühlbach 7a",                    # DE: Am + name + number
    "Alte Hafenstraße 5",                # DE: adjective before the compound
    "Schillergraben 66",
    "Zeeburgerweg 34b-H",                # NL: house-number suffix
    "Avenue Louise 74",                  # BE: street type first, number last
    "R. do Ouvidor, nº 66",              # BR: abbreviated Rua, nº before the number
    "V.le Roma 205",                     # IT: abbreviated Viale
    "C/ Mayor 12",                       # ES: abbreviated Calle
    "Blvd. Juárez 433",                  # MX
    "1-2-3 Marunouchi",                  # JP: chome-ban-go in romaji
    "Plot No. 21",                       # IN
    "14th Main Road",
    "Blk 123 Ang Mo Kio Avenue 3",       # SG
    "Postfach 10 02 34",                 # DE post-office box in pairs of digits
    "GPO Box 1234",                      # AU
    "9546 W Cedar Ridge Road",           # US: direction before the name
    "1600 Pennsylvania Ave NW",          # US: direction after the suffix
    "412-1411 King Street",              # CA: unit-number
    "Unit 5/38 Hay Lane",                # AU: unit/number
    "179 Victoria Quay",
])
def test_street_shapes_of_many_countries(street):
    assert found(f"Please deliver to {street} tomorrow.") == [street]


# "|" ends an address span inside a line: a postal code and the part an address ends with are
# spans of their own, so the separators before them (", ", " - ", "C.P. ") stay text, as the line
# breaks between a block's lines do; parts joined by a comma alone stay one span.
@pytest.mark.parametrize("block", [
    "Keizersgracht 123\n1015 CJ| Amsterdam\nThe Netherlands",
    "Lindenstraße 12\n80331| München\nGermany",
    "Rua Augusta 274, 2.º Esq.\n1100-053| Lisboa\nPORTUGAL",
    "Via Dante Alighieri 59\n50027| Firenze| (FI)\nItaly",
    "Level 12\n345 George Street\nSYDNEY NSW| 2000",
    "Sumitomo Building 22F\n1-2-3 Marunouchi\nChiyoda-ku, Tokyo| 100-0005\nJapan",
    "10 Anson Road\n#12-05 International Plaza\nSingapore| 079903",
    "Flat 402, Sai Krupa Apartments\nLink Road\nIndiranagar\nBengaluru, Karnataka| - 560038\nIndia",
    "R. Haddock Lobo, nº 2917, sala 383\nSão Paulo| - SP|, 01310-200\nBrazil",
    "Blvd. Juárez 433\nCol. Centro\nC.P. 76400| Querétaro",
    "Suite 408\n250 Front Street| West\nToronto, ON|  M5V 3L9",
    "19551 Mission Boulevard\n#367\nDenver, CO| 80204",
    "18 Shop Street\nDublin 2\nD02 X285\nIreland",
])
def test_address_blocks_are_found_line_by_line_and_part_by_part(block):
    letter = f"Bill to:\nAcme Trading Ltd\n{block.replace('|', '')}\nTel. +44 20 7946 0958\nVAT ID: GB123456789\n\nInvoice date: 2024-03-15"
    # The label lines after the block are kept, and a part's own label (C.P., Col.) too.
    parts = [re.sub(r"^[ ,(-]*(?:(?:Col\.|C\.P\.) )?", "", part).rstrip(")")
             for line in block.split("\n") for part in line.split("|")]
    assert found(letter) == parts


@pytest.mark.parametrize("text,address", [
    ("Ship to Herenkade 28, 3042 WZ Rotterdam, The Netherlands, by Friday.",
     ["Herenkade 28", "3042 WZ", "Rotterdam", "The Netherlands"]),
    ("Shipping address: 7340 East Cedar Ridge Blvd. NW, Apt. 19B, Seattle, WA 98164, before noon.",
     ["7340 East Cedar Ridge Blvd. NW, Apt. 19B, Seattle, WA", "98164"]),
    ("Our office at Calle de la Castellana 12, 8º B, 28046 Madrid. Your salary follows.",
     ["Calle de la Castellana 12, 8º B", "28046", "Madrid"]),
    ("New site: 3-28-8 Nishi-Shinjuku, Shinjuku-ku, Tokyo 160-0023; keys on Monday.",
     ["3-28-8 Nishi-Shinjuku, Shinjuku-ku, Tokyo", "160-0023"]),
    ("Office: Alameda Haddock Lobo, nº 2347 - 16º andar, CEP 01414-001 São Paulo.",
     ["Alameda Haddock Lobo, nº 2347 - 16º andar", "01414-001", "São Paulo"]),
    ("Our office at Av. Constituyentes 1454, Col. Juárez, C.P. 76000 Querétaro. Your salary follows.",
     ["Av. Constituyentes 1454", "Juárez", "76000", "Querétaro"]),   # district and postal-code labels stay
])
def test_inline_addresses_run_over_postal_code_town_and_country(text, address):
    # A unit on the street's line belongs to the street, and so do the town and region after a
    # comma; the postal code and the last part (the country) are spans of their own.
    assert found(text) == address


def test_the_block_stops_at_a_blank_line_labels_and_prose():
    text = ("Hafenallee 72\n5027 Salzburg\n\nRoom 4.18\n\nDear Ms. Keller,\nwe met at Room 4.18 on 15.03.2024.\n"
            "Mühlbachstraße 9, 4020 Linz. Please note order #4471 and SKU 4471-BX-220.\nE: k.keller@example.at")
    assert addresses(text) == ["Hafenallee 72", "5027 Salzburg", "Mühlbachstraße 9, 4020 Linz"]


@pytest.mark.parametrize("text", [
    "Room 4.18\n\nMeeting at 10:30",                # a meeting room between blank lines
    "See Section 1798.100 and Art. 28(3) GDPR.",
    "Release v2.14.3 shipped to 400 units.",
    "Batch 118/22 left gate 14 on 2024-03-15.",
    "ISO 9001:2015 audit in Room 3.12",
])
def test_look_alikes_are_not_addresses(text):
    assert found(text) == []


def test_floor_written_with_ordinal_letter_after_normalization():
    # Detection reads the NFKC view, where "2.º" is "2.o"; both spellings are a floor.
    for floor in ("2.º Esq.", "2.o Esq."):
        assert addresses(f"Rua Augusta 274, {floor}\n1100-053 Lisboa") == [f"Rua Augusta 274, {floor}", "1100-053 Lisboa"]


@pytest.mark.parametrize("number", [
    "01.42.68.53.00",           # FR dotted pairs: not a date (no month 42)
    "06.04.76.24.06",           # FR mobile whose first pairs read like a date
    "0475-27-96-31",            # BE mobile with dashes
    "+49 89 959547425-299",     # DE direct dial after a dash
    "040 63352989-233",
])
def test_national_phone_formats(number):
    text = f"Tel. {number}"
    assert [text[r.start:r.end] for r in PHONE.analyze(text, ["PHONE_NUMBER"]) if r.score >= 0.4] == [number]


@pytest.mark.parametrize("text", ["on 15.03.2024 we", "due 2024-03-15 at", "card 3574-4937-8072-3620 was",
                                  "card 3026-160022-2857 was", "on 12/03/2024 the"])
def test_dates_and_dashed_cards_are_not_phones(text):
    assert [r for r in PHONE.analyze(text, ["PHONE_NUMBER"]) if r.score >= 0.4] == []


def test_a_letter_keeps_its_layout_after_anonymization(anonymizer):
    letter = ("Castelmare Textiles GmbH\nLindenstraße 12\n80331 München\nGermany\nTel. +49 89 1234567\n\n"
              "Payment due on 15.03.2024 for 12 units.")
    (out,) = anonymizer.anonymize([letter], "en")
    lines = out.text.split("\n")
    assert lines[1:4] == ["<LOCATION>"] * 3
    assert lines[4] == "Tel. <PHONE_NUMBER>"
    assert lines[-1] == "Payment due on 15.03.2024 for 12 units."


@pytest.mark.parametrize("text,expected", [
    ("Our office: Meir 83, 1148 Bruxelles, Belgium\nOffice 0475 87 24 16", ["Meir 83, 1148 Bruxelles, Belgium"]),
    ("Lumenis SRL\nKouter 67\n9045 Gent\nBelgium\nVAT ID: BE214928407", ["Kouter 67", "9045 Gent", "Belgium"]),
    ("See Section 12, 2024 Annual Report.", []),     # a numbered thing, not a street
    ("Batch 7\n2024 Budget Review", []),
])
def test_a_street_without_type_word_is_an_address_when_postal_code_and_town_follow(text, expected):
    assert addresses(text) == expected


@pytest.mark.parametrize("number", ["(+34) 912 345 678", "089 / 12 34 56", "030/9018 2000"])
def test_country_code_in_brackets_and_german_area_code_slash(number):
    text = f"Phone: {number}, thanks"
    assert [text[r.start:r.end] for r in PHONE.analyze(text, ["PHONE_NUMBER"]) if r.score >= 0.4] == [number]


@pytest.mark.parametrize("text", ["case 2024/1346 closed", "batch 118/22 left", "ratio 3/4 of 120"])
def test_numbers_with_a_slash_are_not_phones_without_a_trunk_zero(text):
    assert [r for r in PHONE.analyze(text, ["PHONE_NUMBER"]) if r.score >= 0.4] == []


@pytest.mark.parametrize("text,address", [
    ("Send it to 350 5th Avenue, New York, NY 10118 by Friday.", "350 5th Avenue, New York, NY 10118"),
    ("Visit 221B Baker Street, London NW1 6XE next week.", "221B Baker Street, London NW1 6XE"),
    ("HQ: 1600 Amphitheatre Pkwy, Mountain View, CA 94043 (main).", "1600 Amphitheatre Pkwy, Mountain View, CA 94043"),
    ("Office: Calle de Serrano 41, 4ª planta, 28001 Madrid.", "Calle de Serrano 41, 4ª planta, 28001 Madrid"),
    ("HQ at 4-1-1 Kudan-kita, Chiyoda-ku, Tokyo 102-0073 since May.", "4-1-1 Kudan-kita, Chiyoda-ku, Tokyo 102-0073"),
    ("Meet at Rambla de Catalunya 33, 08007 Barcelona tomorrow.", "Rambla de Catalunya 33, 08007 Barcelona"),
])
def test_an_address_in_a_sentence_ends_at_its_postal_code(text, address):
    assert addresses(text) == [address]


@pytest.mark.parametrize("text", ["We support Windows 11, 2024 Edition.", "See Appendix 4, 2023 Annual Report."])
def test_a_year_after_a_numbered_name_is_no_postal_code(text):
    assert found(text) == []


@pytest.mark.parametrize("text,street", [("12 Main Street, " + "-".join(["Ab"] * 4000) + " x", "12 Main Street"),
                                         ("Hauptstraße 5, " + "-".join(["Ab"] * 8000) + " x", "Hauptstraße 5")])
def test_a_long_hyphenated_run_after_a_street_is_no_address_part(text, street):
    assert found(text) == [street]


def test_town_words_and_compound_streets_are_read_in_linear_time():
    # Before: each "-Ab" of a run doubled the time of the town pattern, and every capital of the
    # run rescanned the rest of it for a street-type ending (9.5 s for 4,000 parts). What keeps it
    # linear, asserted on the patterns instead of a clock: a town word's letters and hyphenated
    # parts are taken possessively (never given back), and a compound street name is looked for a
    # bounded distance ahead of its capital.
    assert "[\\w'’]*+(?:-[\\w'’]+)*+" in address_parts._TOWN_WORD
    assert "[\\w'’.-]{0,40}?" + intl_address._COMPOUND in CurationIntlAddressRecognizer.REGEX


def test_a_unit_line_over_a_sentence_is_a_heading():
    text = ("Escalation levels\nLevel 2\nEscalate to the on-call engineer within 30 minutes.\n"
            "Level 3\nCall the duty manager.\n\nAcme Ltd\nSuite 408\nRiverside")
    assert found(text) == ["Suite 408", "Riverside"]
    assert found("Arvani LLP\nUnit 9\n287 Kingsway\n\nLevel 2\n12 tickets were closed.") == ["Unit 9"]


@pytest.mark.parametrize("text,expected", [
    ("Lindenstraße 12\n80331 München\nSales Department\n\nDear Sir", ["Lindenstraße 12", "80331", "München"]),
    ("Kouter 67\n9045 Gent\nThe Accounts Payable Team\nBelgium", ["Kouter 67", "9045", "Gent"]),
    ("Hafenallee 72, Human Resources, 5027 Salzburg", ["Hafenallee 72"]),
    ("Storgatan 77\n27439 Göteborg\nLogistics Coordinator", ["Storgatan 77", "27439", "Göteborg"]),
])
def test_departments_and_job_titles_are_no_address_parts(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", ["Ref 089 / 1234 5678 was closed.", "Our reference: Ref. 4471 2290 1183.",
                                  "Invoice no. 5512 8890 4410 is due.", "Batch 2024 0311 2287 passed QA.",
                                  "Order #: 0161 496 0066 shipped", "Total 4312 8876 5500 units"])
def test_digit_groups_after_a_reference_label_are_not_phones(text):
    assert [r for r in PHONE.analyze(text, ["PHONE_NUMBER"]) if r.score >= 0.4] == []


@pytest.mark.parametrize("text,number", [("Tel. no. 0161 496 0066", "0161 496 0066"),
                                         ("Phone number: 0161 496 0066", "0161 496 0066"),
                                         ("Ref 4471, call 0161 496 0066", "0161 496 0066")])
def test_a_phone_after_its_own_label_is_still_a_phone(text, number):
    assert [text[r.start:r.end] for r in PHONE.analyze(text, ["PHONE_NUMBER"]) if r.score >= 0.4] == [number]


def postal_parts(text: str) -> list[str]:
    """What the postal-code recognizer masks, one entry per part."""
    return [text[r.start:r.end] for r in CurationPostalCodeRecognizer().analyze(text, ["LOCATION"]) if r.score >= 0.4]


@pytest.mark.parametrize("text,parts", [
    ("Supplier: Tvornica Split d.o.o., Poljička cesta 7, 21000 Split, Croatia", ["21000 Split"]),
    ("Nordwerk GmbH · Am Kaiserkai 12 · 20457 Hamburg", ["20457 Hamburg"]),
    ("Kjell Berg\nStorgata 5 B\n0155 Oslo\nNorway", ["0155 Oslo"]),
    ("Olaya Street, Building 4410, Riyadh 11564, Saudi Arabia", ["Riyadh 11564"]),
    ("Flat 9, Sai Residency\nPune 411045\nMobile +91 98220 12345", ["Pune 411045"]),
    ("Die Boord, Stellenbosch, 7613, South Africa", ["Die Boord", "Stellenbosch", "7613"]),
    ("Lieferadresse: Werk 2, Stuttgart, D-70173", ["Stuttgart", "D-70173"]),         # a country prefix
])
def test_a_postal_code_and_its_town_as_an_address_part_are_masked_without_a_street(text, parts):
    assert postal_parts(text) == parts


# With no street, region or country beside it, a pair is a place where NER reads its word as one
# (pair and NER both run in the Anonymizer); "Port 8080" and "Employee 40213" are not.
@pytest.mark.parametrize("text,parts", [
    ("Hauz Khas, New Delhi – 110016. Phone below.", ["110016"]),
    ("Barangay Lahug, Cebu City 6000", ["Cebu City 6000"]),
    ("Bandra West | 400050 Mumbai | +91 22 2640 1234", ["400050 Mumbai"]),
    ("Epoch 1000, Loss 0.23", []),                            # NER reads "Port 8080" as a place itself
    ("Employee 40213", []),
    ("Downloads, 12000 Downloads", []),
])
def test_a_pair_alone_is_a_place_where_ner_reads_a_place(anonymizer, text, parts):
    masked = [text[e.start:e.end] for e in anonymizer.anonymize([text], "en")[0].entities if e.type == "LOCATION"]
    assert [part for part in masked if any(c.isdigit() for c in part)] == parts


@pytest.mark.parametrize("text,code", [
    ("Ballinteer, Dublin 16, D16 W4K2", "D16 W4K2"),
    ("Billing postcode (T12 X5N8) does not match", "T12 X5N8"),
])
def test_an_irish_eircode_is_a_postal_code(text, code):
    assert code in postal_parts(text)


@pytest.mark.parametrize("text,code", [
    ("Unit 7, Kingsway Park, Oldham Road OL16 4NW", "OL16 4NW"),   # "Road" beside it refuses the pair
    ("Mill Lane, Halifax HX3 6TR, United Kingdom", "HX3 6TR"),      # the town is NER's, as without the pair
    ("Austin, TX 78701", "78701"),
])
def test_a_code_of_its_own_shape_is_taken_alone_whatever_stands_beside_it(text, code):
    assert postal_parts(text) == [code]


@pytest.mark.parametrize("text", [
    "2024 Annual Report",                                   # a year
    "Our plan, Vision 2030, starts now",
    "Invoice 12345\nRoom 4401",                             # numbered things
    "Qty: 2500 Units.",                                     # a quantity after a colon
    "Plot 14, Gate 2200, Terminal 3",
    "Olaya Street, Building 4410, next to the mall",        # a building number
    "We sold 4000 Boxes, mostly to retailers.",
    "Model A12 B345 ships in May",                           # no Eircode: its last group needs a letter and a digit
    "Transit 00011, institution 003",                       # a bank's transit number
    "São Paulo – SP\nCEP",                                  # a postal-code label is no town
    "PURCHASE ORDER PO-88120",                              # letters before the code are no country prefix
])
def test_numbers_beside_capitalised_words_that_are_no_address_part_are_no_postal_code(text):
    assert postal_parts(text) == []


@pytest.mark.parametrize("text", ["Ab 12345 " * 5500, "12345 Ab " * 5500, "Ab-" * 16000 + " 12345", "D16 " * 12500])
def test_a_long_line_of_codes_and_capitalised_words_without_separators_yields_no_postal_code(text):
    assert postal_parts(text) == []


# Issue 17 (pii21): a capital beside a code is a place with no street line; another town is not.
def postal_found(text: str) -> list[str]:
    """What the postal-code recognizer masks on its own (no NER), one run per span."""
    return [text[r.start:r.end] for r in CurationPostalCodeRecognizer().analyze(text, ["LOCATION"]) if r.score >= 0.4]


@pytest.mark.parametrize("text,expected", [
    ("Riyadh 12214", ["Riyadh 12214"]),
    ("Ms A. Rahman\nKuwait City 13001\n", ["Kuwait City 13001"]),
    ("Abu Dhabi, 51133", ["Abu Dhabi", "51133"]),
])
def test_a_code_beside_a_capital_is_a_place_without_a_street(text, expected):
    assert postal_found(text) == expected


@pytest.mark.parametrize("text", ["Springfield 12214", "Riyadh 2024", "Employee 40213", "Riyadh 12214 " * 3800])
def test_a_code_beside_another_word_or_a_year_beside_a_capital_is_no_place(text):
    assert postal_found(text) == []
