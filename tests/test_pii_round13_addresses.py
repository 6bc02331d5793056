"""Round 13 (issue 17): street addresses by the shape of each country's address, postal codes after
their labels, birth dates after labels in other languages, in words of other languages and in
table columns, birthplaces after their labels and passport numbers after theirs. Each case is written in this file's own words, in other places than the sets' lines."""

from __future__ import annotations

import pytest
from test_pii_address_blocks import found

from curation.pii.recognizers.en import (
    AddressFieldRecognizer,
    BirthplaceRecognizer,
    CurationPostalCodeRecognizer,
    DateOfBirthColumnRecognizer,
    EnDateOfBirthRecognizer,
    UsPassportLabelRecognizer,
    address_columns,
    address_parts,
)

POSTAL = CurationPostalCodeRecognizer()
DOB = EnDateOfBirthRecognizer()
DOB_COLUMN = DateOfBirthColumnRecognizer()
PASSPORT = UsPassportLabelRecognizer()
BIRTHPLACE = BirthplaceRecognizer()
FIELDS = AddressFieldRecognizer()


def dates(recognizer, text: str) -> list[str]:
    return [text[r.start:r.end] for r in recognizer.analyze(text, ["DATE_OF_BIRTH"])]


@pytest.mark.parametrize("text,expected", [
    ("Deliver to House 31, Street 12, Sector I-8/4, Rawalpindi", ["House 31, Street 12, Sector I-8/4", "Rawalpindi"]),
    ("Office: Villa 5, Street 41, Al Wasl, Dubai", ["Villa 5, Street 41, Al Wasl", "Dubai"]),
    ("Send it to Flat A, 9/F, Harbour Crest Building, Quarry Bay",
     ["Flat A, 9/F, Harbour Crest Building", "Quarry Bay"]),
    ("Our site: Blk 12 Lot 3, Phase 1, Mabuhay Homes, Imus", ["Blk 12 Lot 3, Phase 1, Mabuhay Homes", "Imus"]),
    ("Our office: Room 1208, 12/F, Enterprise Square Two", ["Room 1208, 12/F, Enterprise Square Two"]),
])
def test_a_chain_of_numbered_and_named_parts_is_an_address_line(text, expected):
    # Gulf, South Asian, Hong Kong and Philippine addresses name the plot, house, street and
    # building by number, with no house number before a street word.
    assert found(text) == expected


@pytest.mark.parametrize("text", ["Meet me in Room 4, Level 2 tomorrow.", "Flat 4, Rosewood Court is lovely."])
def test_a_chain_without_a_dwelling_or_that_runs_into_a_sentence_is_no_address(text):
    assert found(text) == []


@pytest.mark.parametrize("text,expected", [
    ("The warehouse is at bul. Hristo Botev 31, 4000 Plovdiv", ["bul. Hristo Botev 31", "4000", "Plovdiv"]),
    ("Client: vul. Khreshchatyk 22, kv. 15, Kyiv, 01001", ["vul. Khreshchatyk 22, kv. 15, Kyiv", "01001"]),
    ("Adresa: Str. Mihai Eminescu nr. 7, bl. C2, sc. A, ap. 3, Cluj-Napoca 400001",
     ["Str. Mihai Eminescu nr. 7, bl. C2, sc. A, ap. 3, Cluj-Napoca", "400001"]),
    ("Venue: Camí Vell 8, 17300 Blanes", ["Camí Vell 8", "17300", "Blanes"]),
    ("Office: Via dell'Industria, 4/C", ["Via dell'Industria, 4/C"]),
])
def test_street_words_before_the_name_of_eastern_and_southern_europe(text, expected):
    assert found(text) == expected


def test_a_maltese_article_joined_to_the_street_name_and_the_maltese_code_are_read():
    assert "".join(found("Office: Triq ix-Xatt 14, Gzira GZR 1020")).startswith("Triq ix-Xatt 14")
    assert "1020" in found("Office: Triq ix-Xatt 14, Gzira GZR 1020")[-1]


def test_a_house_and_flat_number_and_a_districts_number_keep_a_street_without_type_word():
    # Czech houses carry two numbers (2165/48); Prague's districts are numbered after the town.
    assert found("Firma: Vinohradská 2165/48, 120 00 Praha 2") == ["Vinohradská 2165/48", "120 00", "Praha 2"]


@pytest.mark.parametrize("text,expected", [
    ("Store at Avenida Perú y Calle 40, Panama City", ["Avenida Perú y Calle 40", "Panama City"]),
    ("Shop: 45/7 Soi Thonglor 13, Bangkok 10110", ["45/7 Soi Thonglor 13, Bangkok", "10110"]),
    ("HQ: 10 Jalan Sultan Ismail, 50250 Kuala Lumpur", ["10 Jalan Sultan Ismail", "50250", "Kuala Lumpur"]),
    ("Previous: 12 Ffordd y Parc, Bangor LL57 2PX", ["12 Ffordd y Parc, Bangor", "LL57 2PX"]),
    ("Ship: 45 Le Thanh Ton, Ben Nghe Ward, District 1, Ho Chi Minh City",
     ["45 Le Thanh Ton, Ben Nghe Ward, District 1", "Ho Chi Minh City"]),
    ("Mail: 1520 SW Morrison St, Portland, OR 97205", ["1520 SW Morrison St, Portland, OR", "97205"]),
])
def test_street_shapes_of_crossings_lanes_and_other_orders(text, expected):
    assert found(text) == expected


def test_brazilian_parts_joined_by_dashes_follow_a_street_with_a_thousands_dot():
    assert found("Rua Oscar Freire, 2.215 – Jardins – São Paulo/SP")[:3] == [
        "Rua Oscar Freire, 2.215", "Jardins", "São Paulo"]


def test_a_unit_after_a_street_named_before_its_number_is_part_of_it():
    assert found("Office: Arch. Makariou III Avenue 58, Office 12, 3065 Limassol")[0].endswith("Avenue 58, Office 12")


def test_an_office_phone_after_an_address_is_no_office_unit():
    assert "Office 0475" not in " ".join(found("Meir 83, 1148 Bruxelles, Belgium\nOffice 0475 87 24 16"))


def test_a_hungarian_code_and_town_before_the_street_are_placed_by_that_street():
    text = "2100 Gödöllő, Szabadság tér 3.\n"
    assert [(text[r.start:r.end], r.score) for r in POSTAL.analyze(text, ["LOCATION"])] == [("2100 Gödöllő", 0.6)]


@pytest.mark.parametrize("text,code", [
    ("Postcode and town: 5020 Salzburg", "5020"),
    ("Zip code/City: 90210 Beverly Hills\n", "90210"),
    ("Code postal et ville : 13001 Marseille", "13001"),
    ("PIN code: 560034", "560034"),
])
def test_a_postal_code_after_a_label_that_also_names_the_town(text, code):
    assert code in [text[r.start:r.end] for r in POSTAL.analyze(text, ["LOCATION"])]


@pytest.mark.parametrize("word", [w for w in address_parts.POSTAL_LABEL_WORDS if "." not in w])
def test_every_postal_label_word_heads_a_postal_column(word):
    assert address_columns.field_of(word) == "postal"


@pytest.mark.parametrize("text,expected", [
    ("Geburtsdatum: 14.02.1988", "14.02.1988"),
    ("née le 3 mai 1991 à Lyon", "3 mai 1991"),
    ("Fecha de nacimiento: 2 de octubre de 1979", "2 de octubre de 1979"),
    ("nata a Bologna il 08/11/1990", "08/11/1990"),
    ("data de nascimento: 15 de agosto de 1985", "15 de agosto de 1985"),
    ("geboren op 4 maart 1975", "4 maart 1975"),
    ("född 1982-06-21", "1982-06-21"),
    ("Born: Toronto, 11/02/1983", "11/02/1983"),
])
def test_a_birth_date_after_a_label_of_another_language_or_a_birthplace(text, expected):
    assert dates(DOB, text) == [expected]


@pytest.mark.parametrize("text,expected", [
    ("his date of birth was entered in the system as 07/07/1977", "07/07/1977"),
    ("DOB (as on passport): 12 Sep 1989", "12 Sep 1989"),
    ("date of birth (see the attached certificate): 1.4.1970", "1.4.1970"),
    ("Date of birth: the 21st of May 1990", "21st of May 1990"),
])
def test_a_birth_date_after_a_label_with_words_or_a_note_between(text, expected):
    assert dates(DOB, text) == [expected]


@pytest.mark.parametrize("text", ["nato il 30/02/1980", "The NATO summit on 12/07/2023"])
def test_a_date_that_does_not_exist_or_an_acronym_is_no_birth_date(text):
    assert dates(DOB, text) == []


def test_the_dates_of_a_birth_date_column_are_birth_dates_when_they_exist():
    text = "id\tname\tbirth_date\tcity\n1\tAna\t1990-05-04\tPorto\n2\tLuis\t1985-13-01\tFaro\n"
    assert dates(DOB_COLUMN, text) == ["1990-05-04"]


def test_the_dates_of_another_column_are_no_birth_dates():
    assert dates(DOB_COLUMN, "id;name;hire_date\n1;Ana;2020-05-04\n2;Rui;2019-01-10\n") == []


@pytest.mark.parametrize("text,expected", [
    ("Traveller 2: Passport 512334907, valid to 2031", "512334907"),
    ("Holder's U.S. passport number: E12345678", "E12345678"),
    ("Nat.: US      PP 498120336      Seat 14C", "498120336"),
])
def test_a_passport_number_right_after_its_label(text, expected):
    found_numbers = [text[r.start:r.end] for r in PASSPORT.analyze(text, ["US_PASSPORT"])]
    assert found_numbers == [expected]


def test_nine_digits_without_a_passport_label_are_no_passport():
    assert PASSPORT.analyze("Order 512334907 shipped; call 555 498120336", ["US_PASSPORT"]) == []


@pytest.mark.parametrize("text,expected", [
    ("Geburtsort: Innsbruck\nNationality: Austrian", ["Innsbruck"]),
    ("Place of birth: Kisumu, Kenya\n", ["Kisumu", "Kenya"]),
    ("He was born in Porto Alegre and studied in Lisbon.", ["Porto Alegre"]),
    ("nata a Bologna il 08/11/1990", ["Bologna"]),
])
def test_the_place_after_a_birthplace_label_is_a_location(text, expected):
    assert [text[r.start:r.end] for r in BIRTHPLACE.analyze(text, ["LOCATION"])] == expected


def test_a_year_after_born_in_is_no_birthplace():
    assert BIRTHPLACE.analyze("She was born in 1988 in a small town.", ["LOCATION"]) == []


def test_the_value_of_a_forms_place_field_is_a_location():
    text = "City: Jaipur\nPIN code: 302017\nState: Rajasthan\nCountry: India\n"
    assert [text[r.start:r.end] for r in FIELDS.analyze(text, ["LOCATION"])] == ["Jaipur", "Rajasthan", "India"]


def test_a_workflow_state_is_no_place():
    assert FIELDS.analyze("Ticket 4471\nState: Resolved\nOwner: ops", ["LOCATION"]) == []
