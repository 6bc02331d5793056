"""Business documents in English with table columns: names that NER runs across a column gap are
cut at it, and the names in each column stay masked (text written for these tests)."""

from __future__ import annotations

import pytest

from curation.pii.assembly import engine_for
from curation.pii.column_gaps import TABLE_GAPS_KEY, column_gaps
from curation.pii.spans import COLUMN_GAPS_KEY
from curation.pii.text_view import squeeze_spaces


@pytest.fixture(scope="module")
def nlp_engine(policy):
    return engine_for("en", policy.pii).nlp_engine


def names(nlp_engine, text: str) -> list[str]:
    """The texts of the name entities the engine finds in `text`."""
    found = nlp_engine.process_text(text, "en").entities
    return [text[e.start_char:e.end_char] for e in found if e.label_ in ("PERSON", "ORGANIZATION", "LOCATION")]


def test_gaps_are_offsets_of_the_squeezed_text():
    text = "Anna Berg   Tom Weiss\tX\nJohn  Smith"
    squeezed, offsets = squeeze_spaces(text)
    gaps = column_gaps(text, offsets)
    assert squeezed == "Anna Berg Tom Weiss X\nJohn Smith"
    assert sorted(gaps[COLUMN_GAPS_KEY]) == [9, 19, 26]
    assert all(squeezed[g] == " " for g in gaps[COLUMN_GAPS_KEY])
    assert sorted(gaps[TABLE_GAPS_KEY]) == [9, 19]  # a lone double space may be a typo inside a name


def test_a_single_no_break_space_is_no_gap():
    text = "Ref\u00a0No 4410"
    assert column_gaps(text, squeeze_spaces(text)[1]) == {}


def test_two_people_in_two_columns_are_two_names(nlp_engine):
    text = ("Owner               Reviewer\n"
            "Margaret Holloway   Dennis Ocampo\n")
    found = names(nlp_engine, text)
    assert "Margaret Holloway" in found and "Dennis Ocampo" in found
    assert not any("Holloway" in n and "Dennis" in n for n in found)


def test_a_column_label_after_a_tab_is_cut_off_the_name(nlp_engine):
    found = names(nlp_engine, "Manager:\tHelen Carter\tBackup:\tOwen Pryce\n")
    assert "Helen Carter" in found and "Owen Pryce" in found
    assert not any("Backup" in n for n in found)


def test_a_double_space_typed_inside_a_name_keeps_the_name_whole(nlp_engine):
    assert "John  Smith" in names(nlp_engine, "The lease was signed by John  Smith on 3 May.")
