"""Round twelve (issue 17): names in structured business text. Cells of a delimited export, a quoted
attribute value, an e-mail cell that spaCy's URL rule swallowed with the cells before it. Each in
the tests' own words, with a neighbour that must keep its reading."""

from __future__ import annotations

import pytest

from curation.pii.record_cells import record_cells


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


def test_a_glued_delimiter_of_a_record_is_a_line_break_for_ner():
    assert record_cells("3;Ada Byron;Leeds\n") == "3\nAda Byron\nLeeds\n"


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
