"""Round twelve's review (issue 17): leaks and over-masking of the record, table and name rules
merged this round. Each case in the tests' own words, with the neighbour that must keep its reading."""

from __future__ import annotations

import pytest

from curation.pii.record_cells import record_cells


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
