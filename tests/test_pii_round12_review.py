"""Round twelve's review (issue 17): leaks and over-masking of the record, table and name rules
merged this round. Each case in the tests' own words, with the neighbour that must keep its reading."""

from __future__ import annotations

import pytest
from tests_helpers import found

from curation.pii.recognizers.en.address_columns import AddressColumnRecognizer, field_of
from curation.pii.recognizers.en.organization import CurationOrganizationRecognizer
from curation.pii.recognizers.en.person import CurationPersonRecognizer
from curation.pii.recognizers.en.phone_forms import MessagingLinkPhoneRecognizer
from curation.pii.recognizers.en.postal_code import CurationPostalCodeRecognizer
from curation.pii.record_cells import record_cells
from curation.pii.record_columns import column_names
from curation.pii.spans import NerEntity
from curation.pii.recognizers.en.table_columns import Columns, cell_spans


def _masked(anonymizer, text: str) -> str:
    return anonymizer.anonymize_in_process([text], "en")[0].text


def test_a_tab_between_cells_stays_a_tab_for_ner():
    assert record_cells("3\tAda Byron\tLeeds\n") == "3\tAda Byron\tLeeds\n"


def test_one_word_names_of_a_tab_separated_export_are_masked(anonymizer):
    text = ("no\tforename\tsurname\thome\n1\tWilhelmina\tBrackenbury\tHarrogate\n"
            "2\tCosmo\tFeatherstonehaugh\tLlandudno\n3\tOttilie\tPenhaligon\tFalmouth\n")
    out = _masked(anonymizer, text)
    assert sum(word in out for word in ("Wilhelmina", "Brackenbury", "Cosmo", "Featherstonehaugh",
                                        "Ottilie", "Penhaligon")) <= 1


@pytest.mark.parametrize("row", ["NZ;Ada Byron;Leeds\n", "K-2207;Ada Byron;Leeds\n", "YES;Ada Byron;Leeds\n"])
def test_a_semicolon_row_led_by_a_capitalised_code_is_split_into_cells(row):
    assert record_cells(row).split("\n")[1:3] == ["Ada Byron", "Leeds"]


@pytest.mark.parametrize("line", ["N:Byron;Ada;;;\n", "ORGANIZER;CN=Ada Byron:mailto:ada@example.org\n",
                                  "item2.ADR;TYPE=WORK:;;3 Mill Lane;Leeds;;LS1 4AB;UK\n"])
def test_a_vcard_or_calendar_property_line_keeps_its_semicolons(line):
    assert record_cells(line) == line


def test_a_comma_inside_a_quoted_csv_field_does_not_end_the_cell():
    line = '7,"Quenby, Rosalind","3 Mill Lane, Unit 5",Otley'
    assert [line[a:b] for a, b in cell_spans(line, ",")] == ["7", '"Quenby, Rosalind"', '"3 Mill Lane, Unit 5"', "Otley"]


def test_the_address_column_of_a_quoted_csv_is_read_under_its_own_header():
    text = ('ref,client,street,town\n7,"Quenby, Rosalind","3 Mill Lane, Unit 5",Otley\n'
            '8,"Dunstan, Tobias","40 Kiln Row, Flat 1",Ripon\n')
    cells = {text[a:b]: header for a, b, header in Columns(text).cells()}
    assert cells["3 Mill Lane, Unit 5"] == "street" and cells["Ripon"] == "town"


def test_a_comma_between_two_quoted_fields_is_a_line_break_for_ner():
    assert record_cells('8,"Dunstan, Tobias","40 Kiln Row",Ripon\n').split("\n")[1:3] == ['"Dunstan, Tobias"', '"40 Kiln Row"']


def test_rows_of_a_two_column_export_are_split_into_cells():
    text = "no,holder\n11,Rosalind Quenby\n12,Tobias Dunstan\n13,Imelda Ashcombe\n"
    assert record_cells(text) == "no,holder\n11\nRosalind Quenby\n12\nTobias Dunstan\n13\nImelda Ashcombe\n"


def test_one_line_with_one_glued_delimiter_stays_as_written():
    assert record_cells("We landed in Oslo,Norway at noon.\n") == "We landed in Oslo,Norway at noon.\n"


def test_names_of_a_two_column_export_are_masked(anonymizer):
    text = "holder;mail\nRosalind Quenby;rq@example.net\nTobias Dunstan;td@example.net\nImelda Ashcombe;ia@example.net\n"
    out = _masked(anonymizer, text)
    assert "Quenby" not in out and "Dunstan" not in out and "Ashcombe" not in out


def test_prose_lines_with_one_comma_each_are_no_table():
    text = "Street, lamp and moon\nRain falls, softly here\nNight walks, alone again\n"
    assert list(Columns(text).cells()) == []


def _people(text: str) -> list[str]:
    return found(CurationPersonRecognizer(), "PERSON", text)


@pytest.mark.parametrize("text", [
    "7.3 Incident Reporting: within a day.\n7.4 Record Keeping: six years.\n",
    "2.40 Dish Soap: 2 bottles\n0.85 Brown Rice: 1 kg\n",
    "08:30 Keynote Address: the year ahead\n10:15 Panel Discussion: supply chains\n",
])
def test_numbered_or_timed_lines_that_are_no_chat_have_no_speaker(text):
    assert _people(text) == []


def test_a_speaker_after_bare_times_is_a_person_where_the_speaker_speaks_again():
    text = "16:05 Marisol Quintero: landed\n16:06 Oskar Blom: great\n16:09 Marisol Quintero: taxi now\n"
    assert set(_people(text)) == {"Marisol Quintero", "Oskar Blom"}


def test_a_speaker_after_a_bracketed_date_and_time_is_a_person():
    text = "[05/11/26, 21:40:07] Marisol Quintero: landed\n[05/11/26, 21:41:30] Oskar Blom: great\n"
    assert _people(text) == ["Marisol Quintero", "Oskar Blom"]


def _companies(text: str) -> list[str]:
    return found(CurationOrganizationRecognizer(), "ORGANIZATION", text)


@pytest.mark.parametrize("text", ["Gross Load KG 40 on the label", "The Control Group AB split was even.",
                                  "For Switzerland AG stands for Aktiengesellschaft."])
def test_a_short_legal_form_after_common_or_function_words_is_no_company(text):
    assert _companies(text) == []


@pytest.mark.parametrize(("text", "name"), [("Invoice from Lindqvist Bygg AB today", "Lindqvist Bygg AB"),
                                            ("signed by Vetrerie Murano SA", "Vetrerie Murano SA")])
def test_a_short_legal_form_after_a_name_word_is_a_company(text, name):
    assert name in _companies(text)


@pytest.mark.parametrize(("header", "field"), [
    ("delivery_street", "street"), ("zip9", "postal"), ("homeTown", "town"), ("Shipping Address", "street"),
    ("ZIP / Post Code", "postal"), ("Postal Address", "street"), ("Village/Town", "town")])
def test_an_address_header_is_read_by_its_words(header, field):
    assert field_of(header) == field


@pytest.mark.parametrize("header", ["Email Address", "ip_address", "WalletAddress", "Company Name"])
def test_a_header_with_an_address_word_of_no_place_heads_no_address(header):
    assert field_of(header) is None


def test_cells_under_a_compound_address_header_are_places():
    text = "client;billing_street;zip5;city_name\n4;Vinohradská 1511/230;13000;Brno\n5;Via Roma 14;00184;Roma\n"
    spans = {text[r.start:r.end] for r in AddressColumnRecognizer().analyze(text, ["LOCATION"])}
    assert spans == {"Vinohradská 1511/230", "13000", "Brno", "Via Roma 14", "00184", "Roma"}


@pytest.mark.parametrize(("text", "code"), [("PSC / Postcode: 602 00", "602 00"), ("zip: 31-155 Kraków", "31-155")])
def test_a_labelled_postcode_written_in_two_groups_is_masked_whole(text, code):
    assert found(CurationPostalCodeRecognizer(), "LOCATION", text) == [code]


def test_a_year_after_the_penal_code_abbreviation_is_no_postcode():
    assert found(CurationPostalCodeRecognizer(), "LOCATION", "conforme al art. 22 del C.P. 2003 vigente") == []


@pytest.mark.parametrize(("link", "number"), [
    ("https://wa.me/+14155550199?text=hello", "+14155550199"),
    ("whatsapp://send?phone=4915123456789", "4915123456789"),
    ("viber://add?number=%2B4915123456789", "%2B4915123456789"),
    ("https://signal.me/#p/+4915123456789", "+4915123456789"),
])
def test_the_number_in_a_messaging_link_is_a_phone_number(link, number):
    assert found(MessagingLinkPhoneRecognizer(), "PHONE_NUMBER", link) == [number]


def _filled(text: str, read: dict[str, str]) -> dict[str, str]:
    """The cells column_names adds to NER's `read` cells (cell text -> label)."""
    entities = [NerEntity(label, text.index(cell), text.index(cell) + len(cell)) for cell, label in read.items()]
    return {text[e.start_char:e.end_char]: e.label_ for e in column_names(entities, text)[len(entities):]}


def test_a_given_name_column_is_filled_by_its_header_alone():
    text = "ref,given_name,dept\n1,Wilhelmina,Audit\n2,Cosmo,Legal\n3,Ottilie,Sales\n"
    assert _filled(text, {}) == {"Wilhelmina": "PERSON", "Cosmo": "PERSON", "Ottilie": "PERSON"}


def test_a_first_row_of_one_word_names_is_data_not_a_header():
    text = "Wilhelmina,Brackenbury,Audit\nCosmo,Penhaligon,Legal\nOttilie,Ashcombe,Sales\nBertram,Quenby,Audit\n"
    read = {"Wilhelmina": "PERSON", "Cosmo": "PERSON", "Ottilie": "PERSON"}
    assert _filled(text, read) == {"Bertram": "PERSON"}


def test_a_product_column_half_read_as_names_is_not_filled():
    text = ("sku,item,price\n10,Garden Trowel,4.99\n11,Copper Kettle,29.00\n12,Wool Blanket,45.00\n"
            "13,Bird Feeder,12.50\n")
    assert _filled(text, {"Garden Trowel": "PERSON", "Copper Kettle": "ORGANIZATION"}) == {}


def test_a_contact_column_half_read_as_names_is_filled():
    text = ("sku,contact,price\n10,Wilhelmina Brackenbury,4.99\n11,Cosmo Penhaligon,29.00\n"
            "12,Ottilie Ashcombe,45.00\n13,Bertram Quenby,12.50\n")
    read = {"Wilhelmina Brackenbury": "PERSON", "Cosmo Penhaligon": "PERSON"}
    assert _filled(text, read) == {"Ottilie Ashcombe": "PERSON", "Bertram Quenby": "PERSON"}


def test_a_semicolon_row_with_decimal_commas_is_read_by_its_semicolons():
    text = ("payee;amount;ccy\nWilhelmina Brackenbury;1 250,00;EUR\nCosmo Penhaligon;980,50;EUR\n"
            "Ottilie Ashcombe;2 000,00;EUR\n")
    assert _filled(text, {"Wilhelmina Brackenbury": "PERSON", "Cosmo Penhaligon": "PERSON"}) == {
        "Ottilie Ashcombe": "PERSON"}


def test_a_sentence_over_a_comma_heads_no_address_column():
    assert field_of("2. Removals: the new address for the driver is Kiln Row 4") is None
