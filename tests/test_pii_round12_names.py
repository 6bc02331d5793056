"""Round twelve (issue 17): names in structured business text. Cells of a delimited export, a quoted
attribute value, an e-mail cell that spaCy's URL rule swallowed with the cells before it. Each in
the tests' own words, with a neighbour that must keep its reading."""

from __future__ import annotations

import pytest

from curation.pii.propagation import propagate
from curation.pii.recognizers.en.organization import CurationOrganizationRecognizer
from curation.pii.recognizers.en.person import CurationPersonRecognizer
from curation.pii.record_cells import record_cells
from curation.pii.record_columns import column_names
from curation.pii.spans import NerEntity
from tests_helpers import found


def _masked(anonymizer, text: str) -> str:
    return anonymizer.anonymize_in_process([text], "en")[0].text


# A number glued to the next cell ("41,Evangeline"), a semicolon between cells ("7;Henrietta").
@pytest.mark.parametrize("text", [
    "row,full_name,team\n41,Evangeline Thistlewood,Payroll\n42,Barnaby Crowhurst,Payroll\n",
    "nr;contact;city\n7;Evangeline Thistlewood;Aberdeen\n8;Barnaby Crowhurst;Dundee\n",
])
def test_a_name_in_a_delimited_export_is_masked(anonymizer, text):
    out = _masked(anonymizer, text)
    assert "Thistlewood" not in out and "Crowhurst" not in out


def test_cells_before_an_email_cell_are_read_as_words(anonymizer):
    text = "Leopold Farthingale,Norwich,l.farthingale@example.net\n"
    assert "Farthingale," not in _masked(anonymizer, text)


@pytest.mark.parametrize("text", [
    'Subject: cn="Philippa Marchbank", ou=Audit, c=GB',
    "Issued to CN='Philippa Marchbank' by our internal CA",
])
def test_a_quoted_attribute_value_is_read_as_a_name(anonymizer, text):
    assert "Marchbank" not in _masked(anonymizer, text)


@pytest.mark.parametrize(("row", "cells"), [
    ("3;Ada Byron;Leeds\n", "3\nAda Byron\nLeeds\n"),
    ("3|Ada Byron|Leeds\n", "3\nAda Byron\nLeeds\n"),
])
def test_a_glued_delimiter_of_a_record_is_a_line_break_for_ner(row, cells):
    assert record_cells(row) == cells


def test_a_comma_between_two_words_of_a_record_stays_a_comma():
    # The tokenizer splits it; given name and surname columns are read together as one person.
    assert record_cells("R-7,Ada,Byron,Leeds\n") == "R-7\nAda,Byron,Leeds\n"


@pytest.mark.parametrize("text", [
    "Revenue rose to 3,250,000 this year.",
    "Paris, Lyon, Nice and Lille",
    "N:Byron;Ada;;;\nADR;TYPE=WORK:;;1 Quay St;Leeds;;LS1 1AA;UK\n",
    "One glued comma only: Leeds,UK",
])
def test_text_that_is_no_record_is_read_as_it_is(text):
    assert record_cells(text) == text


def test_a_quoted_attribute_value_loses_its_quotes_for_ner():
    assert record_cells('name="Ada Byron" id=7') == "name= Ada Byron  id=7"


_SUPPLIERS = ("code;supplier;town\n"
              "A1;Larchmont Timber;Inverness\n"
              "A2;Ferncliff Quarry;Penzance\n"
              "A3;Wolds Edge Dairy;Beverley\n"
              "A4;Saltmarsh Rope Makers;Whitby\n")


def _entity(label: str, text: str, value: str) -> NerEntity:
    start = text.index(value)
    return NerEntity(label, start, start + len(value))


def _added(read: list[str], label: str = "ORGANIZATION", text: str = _SUPPLIERS) -> list[str]:
    entities = [_entity(label, text, value) for value in read]
    return [text[e.start_char:e.end_char] for e in column_names(entities, text)[len(entities):]]


def test_a_column_mostly_read_as_companies_gives_its_other_cells_that_type():
    assert _added(["Larchmont Timber", "Ferncliff Quarry", "Wolds Edge Dairy"]) == ["Saltmarsh Rope Makers"]


def test_a_column_with_one_name_read_gives_nothing():
    assert _added(["Larchmont Timber"]) == []


def test_a_header_of_one_word_cells_is_no_name():
    text = "Name,Company,City\nAda Byron,Quill Press,Leeds\nOla Nordmann,Fjord Data,Bergen\nJan Kowal,Wisla Soft,Krakow\n"
    assert _added(["Leeds", "Bergen"], "LOCATION", text) == ["Krakow"]


def test_codes_and_numbers_in_a_name_column_stay():
    text = "id;name\n1;Ada Byron\n2;Ola Nordmann\n3;N/A\n4;TBC\n5;12345\n"
    assert _added(["Ada Byron", "Ola Nordmann"], "PERSON", text) == []


def _companies(text: str) -> list[str]:
    return found(CurationOrganizationRecognizer(), "ORGANIZATION", text)


# Companies registered abroad end in their register's legal form, whatever the script of their words.
@pytest.mark.parametrize(("text", "company"), [
    ("Vendor:\nBrzozowski Transport Sp. z o.o.", "Brzozowski Transport Sp. z o.o."),
    ("Pay to Strojírny Vítkovice s.r.o. by Friday", "Strojírny Vítkovice s.r.o."),
    ("Sold by Ceramiche di Sassuolo S.p.A., Modena", "Ceramiche di Sassuolo S.p.A."),
    ("Importer: Muebles del Norte, S.A. de C.V.", "Muebles del Norte, S.A. de C.V."),
    ("Contractor: Karoo Steel Holdings (Pty) Ltd", "Karoo Steel Holdings (Pty) Ltd"),
    ("Shipper: Chao Phraya Rice Co., Ltd.", "Chao Phraya Rice Co., Ltd."),
    ("She worked at Duna Szoftver Kft. for two years", "Duna Szoftver Kft."),
])
def test_a_company_ending_in_a_legal_form_abroad_is_an_organization(text, company):
    assert company in _companies(text)


@pytest.mark.parametrize("text", [
    "PLEASE CALL ASA ON MONDAY",
    "The Oy was quiet.",
])
def test_a_legal_form_after_no_name_is_no_company(text):
    assert _companies(text) == []


def _people(text: str) -> list[str]:
    return found(CurationPersonRecognizer(), "PERSON", text)


@pytest.mark.parametrize(("text", "name"), [
    ("All the best with the move.\nWith thanks,\nQ. Tallowmere", "Q. Tallowmere"),
    ("Yours faithfully,\n\nPerpetua Hollinsworth\nHead of Estates", "Perpetua Hollinsworth"),
])
def test_a_name_signed_after_a_sign_off_is_a_person(text, name):
    assert name in _people(text)


def test_a_unit_signed_after_a_sign_off_is_no_person():
    assert _people("Yours sincerely,\nPayroll Services") == []


@pytest.mark.parametrize(("text", "name"), [
    ("04/11/25, 18:02 - Philomena Ashgrove: is the van booked?", "Philomena Ashgrove"),
    ("[08:15] Rutger Vanderpoel: on my way", "Rutger Vanderpoel"),
    ("9:41 PM Ysolde: call me\n9:42 PM Bram: ok\n9:44 PM Ysolde: now", "Ysolde"),
])
def test_a_chat_speaker_after_a_time_stamp_is_a_person(text, name):
    assert name in _people(text)


@pytest.mark.parametrize("text", [
    "[08:15] Customer: my parcel is late",
    "[08:14] Bot: welcome",
    "10:30 Support Team: we are on it",
])
def test_a_role_speaking_after_a_time_stamp_is_no_person(text):
    assert _people(text) == []


def test_a_double_barrelled_surname_is_masked_where_it_stands_alone():
    text = "Caller: this is Ignatius Farraday-Lowe.\nOperator: thank you.\nFarraday-Lowe: fine"
    start = text.index("Ignatius")
    entities = propagate([NerEntity("PERSON", start, start + len("Ignatius Farraday-Lowe"))], text)
    assert [text[e.start_char:e.end_char] for e in entities[1:]] == ["Farraday-Lowe"]


def test_a_role_before_a_chat_speaker_is_no_part_of_the_name():
    assert _people("[14:03] Agent Ottoline: hello") == ["Ottoline"]
