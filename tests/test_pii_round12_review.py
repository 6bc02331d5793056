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
