"""Round 13b: the leaks the review of round 13 found in phone labels, TSV tables, birth-date column
headers and passport labels. Each case is written in this file's own words."""

from __future__ import annotations

import pytest

from curation.pii.recognizers.en import (
    AddressColumnRecognizer,
    AddressFieldRecognizer,
    CurationPhoneRecognizer,
    DateOfBirthColumnRecognizer,
    EnDateOfBirthRecognizer,
    UsPassportLabelRecognizer,
)
from curation.pii.recognizers.en.table_columns import columns_of


def values(recognizer, text: str, entity: str) -> list[str]:
    return [text[r.start:r.end] for r in recognizer.analyze(text, [entity])]


@pytest.mark.parametrize("text,number", [
    ("Téléphone du bureau — Tél. n° 04 72 10 33 81", "04 72 10 33 81"),
    ("Contato: Celular nº 21 99812 4410", "21 99812 4410"),
    ("Bitte melden: Handy Nr. 0160 9981234", "0160 9981234"),
    ("For delivery, Cellular no. 0918 220 4417", "0918 220 4417"),
    ("Reach the site lead via Direct line number 0113 496 0551", "0113 496 0551"),
    ("You can message Priya on number 07700 900461 after six", "07700 900461"),
])
def test_a_phone_label_or_a_preposition_before_a_number_word_keeps_the_number_a_phone(text, number):
    assert values(CurationPhoneRecognizer(), text, "PHONE_NUMBER") == [number]


def test_a_things_number_word_still_refuses_the_digits_as_a_phone():
    assert values(CurationPhoneRecognizer(), "Meter no. 0161 496 0872 was read today", "PHONE_NUMBER") == []


def test_a_tsv_row_whose_notes_hold_more_commas_than_tabs_stays_a_tsv_row():
    text = ("client\tzip\tremarks\nLeah Moss\t30309\tprefers mornings, no calls, email first, thanks\n"
            "Ivo Rask\t73301\tpaid late, twice, warned\n")
    assert values(AddressColumnRecognizer(), text, "LOCATION") == ["30309", "73301"]
    assert columns_of(text).header_of(text.index("Ivo"), text.index("Ivo") + 8) == "client"


@pytest.mark.parametrize("header", ["member_dob", "DOB (mm/dd/yyyy)", "dateofbirth", "BIRTH_DT"])
def test_a_birth_date_column_is_found_under_a_header_with_more_words_or_a_format_note(header):
    text = f"ref;{header};city\n17;1979-08-02;Lyon\n18;1984-12-30;Nice\n"
    assert values(DateOfBirthColumnRecognizer(), text, "DATE_OF_BIRTH") == ["1979-08-02", "1984-12-30"]


def test_a_date_column_with_birth_in_no_header_word_is_not_a_birth_date():
    text = "ref;shipped_date;city\n17;2025-08-02;Lyon\n18;2025-12-30;Nice\n"
    assert values(DateOfBirthColumnRecognizer(), text, "DATE_OF_BIRTH") == []


@pytest.mark.parametrize("text,number", [
    ("Passport number: KL4471902 (issued in Warsaw)", "KL4471902"),
    ("Passport no. 40718823, valid to 2031", "40718823"),
])
def test_a_passport_number_of_another_countrys_shape_after_its_label_is_masked(text, number):
    assert values(UsPassportLabelRecognizer(), text, "US_PASSPORT") == [number]


@pytest.mark.parametrize("text,date", [
    ("BEGIN:VCARD\nFN:Tove Lind\nBDAY:1988-02-09\nEND:VCARD", "1988-02-09"),
    ("lol my bday is 7/22/1995 btw", "7/22/1995"),
    ("B-Day: 3 March 1970", "3 March 1970"),
])
def test_a_date_after_bday_or_b_day_is_a_birth_date(text, date):
    assert values(EnDateOfBirthRecognizer(), text, "DATE_OF_BIRTH") == [date]


@pytest.mark.parametrize("text", ["Status report\nState: Archived\n", "Deploy\nRegion: Production\n",
                                  "Survey\nCountry: Various\n"])
def test_a_lower_case_word_after_a_state_region_or_country_label_is_a_setting_not_a_place(text):
    assert values(AddressFieldRecognizer(), text, "LOCATION") == []


def test_a_town_field_keeps_a_town_that_is_also_a_common_word():
    assert values(AddressFieldRecognizer(), "City: Bath\nCountry: England\n", "LOCATION") == ["Bath", "England"]


def test_a_registration_under_number_is_still_no_phone():
    text = "The firm is entered in the trade register under number 40392817 since 2011."
    assert values(CurationPhoneRecognizer(), text, "PHONE_NUMBER") == []


@pytest.mark.parametrize("text", [
    "Our founder was born in October, 1962, the year the plant opened.",
    "Place of birth: Monday (the clerk wrote the day, not the town)",
    "Geburtsort: Juli (unbekannt)",
])
def test_a_month_or_weekday_after_a_birthplace_label_is_a_date_not_a_place(text):
    from curation.pii.recognizers.en.birthplace import BirthplaceRecognizer

    assert values(BirthplaceRecognizer(), text, "LOCATION") == []


def test_a_town_after_born_in_is_still_the_birthplace():
    from curation.pii.recognizers.en.birthplace import BirthplaceRecognizer

    assert values(BirthplaceRecognizer(), "She was born in Maribor on a rainy day.", "LOCATION") == ["Maribor"]
