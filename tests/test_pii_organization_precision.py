"""Name spans NER finds in business documents that name no one: codes, currencies, card schemes,
identifier labels, document titles, job titles, company units, table columns; and the names beside
them that stay masked (sentences written for these tests)."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from curation.pii.assembly import engine_for
from curation.pii.role_shapes import names_role_or_unit, trailing_unit
from curation.pii.spans import COLUMN_GAPS_KEY, clean_entity


@pytest.fixture(scope="module")
def nlp(policy):
    return engine_for("en", policy.pii).nlp_engine.nlp["en"]


def cleaned(nlp, text: str, value: str, label: str = "ORGANIZATION") -> str | None:
    """What clean_entity keeps of the tokens of `value` (its first occurrence in `text`) labelled `label`."""
    doc = nlp(text)
    start = text.index(value)
    span = doc.char_span(start, start + len(value), label=label, alignment_mode="expand")
    ent = clean_entity(Span(doc, span.start, span.end, label=label))
    return None if ent is None else text[ent.start_char:ent.end_char]


@pytest.mark.parametrize(("text", "value"), [
    ("Back-ordered: 450 units QX-7781-RD until Friday.", "QX-7781-RD"),
    ("Replace filter part LM-20/B4 at the next visit.", "LM-20/B4"),
    ("Taxi to the port   CHF 86.50 paid in cash", "CHF"),
    ("Dinner for six came to 1,240 SEK in total.", "SEK"),
    ("Paid with my Mastercard ending 5521 yesterday.", "Mastercard ending"),
    ("The booking was charged to a Discover card ending 3318 last week.", "Discover"),
    ("Please quote your NHS 485 777 3344 on every letter.", "NHS"),
    ("Consignment note: CMR 0045-88312, two pallets.", "CMR"),
])
def test_codes_currencies_card_schemes_and_identifier_labels_name_no_one(nlp, text, value):
    assert cleaned(nlp, text, value) is None


@pytest.mark.parametrize(("text", "value", "label"), [
    ("EXPENSE CLAIM EC-5512\nSubmitted by: Ola Nordmann", "EXPENSE CLAIM EC-5512", "ORGANIZATION"),
    ("Attached is the signed Rental Agreement for the flat.", "Rental Agreement", "ORGANIZATION"),
    ("PURCHASE ORDER\nSupplier: Brightwater Foods", "PURCHASE ORDER", "LOCATION"),
    ("RECHNUNG / INVOICE 2026-118\nKunde: Alpenblick Hotel", "RECHNUNG / INVOICE", "PERSON"),
    ("2019-2023  Senior Site Engineer, Harland Marine, Belfast", "Senior Site Engineer", "ORGANIZATION"),
    ("She joined the ward as Charge Nurse in 2020.", "Charge Nurse", "ORGANIZATION"),
    ("Please copy Customer Service on the reply.", "Customer Service", "ORGANIZATION"),
    ("Dear Accounts Receivable, the credit note is attached.", "Accounts Receivable", "ORGANIZATION"),
    ("Kind regards,\nMember Services", "Member Services", "PERSON"),
    ("Approved by the Landlord on 3 May.", "Landlord", "PERSON"),
])
def test_document_titles_job_titles_and_company_units_name_no_one(nlp, text, value, label):
    assert cleaned(nlp, text, value, label) is None


@pytest.mark.parametrize(("text", "value", "label", "kept"), [
    # The company's own name before its unit stays.
    ("Write to Tillbury Freight Customer Services today.", "Tillbury Freight Customer Services", "ORGANIZATION",
     "Tillbury Freight"),
    # A name, an acronym before a year, a region before its postcode.
    ("We met Rose Driver at the fair.", "Rose Driver", "PERSON", "Rose Driver"),
    ("According to IBM 2024 was a good year.", "IBM", "ORGANIZATION", "IBM"),
    ("Montreal, QC H3B 2Y5, Canada", "QC", "ORGANIZATION", "QC"),
    ("Surry Hills NSW 2010, Australia", "NSW", "ORGANIZATION", "NSW"),
    # A scheme named as a company, not beside a card; a currency code with no amount.
    ("Visa reported higher fees this quarter.", "Visa", "ORGANIZATION", "Visa"),
    ("Enter to win a $50 Visa card today!", "Visa", "ORGANIZATION", "Visa"),
    # A company whose name ends in a unit word, a unit named after its company.
    ("the Commerce Department said no", "Commerce Department", "ORGANIZATION", "Commerce Department"),
    ("He works for Gabriel Resources in Toronto.", "Gabriel Resources", "ORGANIZATION", "Gabriel Resources"),
    # A title word inside a name that is not a document's title.
    ("She reads the Financial Times at Halvorsen Quote Partners.", "Halvorsen Quote Partners", "ORGANIZATION",
     "Halvorsen Quote Partners"),
    # A name with an extra space typed inside it is one name, not two cells.
    ("Please call Mr Oskar  Lindqvist about it.", "Oskar  Lindqvist", "PERSON", "Oskar  Lindqvist"),
])
def test_names_beside_those_shapes_stay(nlp, text, value, label, kept):
    assert cleaned(nlp, text, value, label) == kept


@pytest.mark.parametrize(("text", "value", "label", "kept"), [
    ("Guest 2: Teodora Vasile   DOB 4 Jan 1990", "Teodora Vasile   DOB", "PERSON", "Teodora Vasile"),
    ("03 MAR  Ryokan: Kinosaki Onsen", "MAR  Ryokan", "LOCATION", "Ryokan"),
    ("14/02  Ferry Helsinki → Tallinn        EUR 62", "Helsinki → Tallinn        EUR", "LOCATION",
     "Helsinki → Tallinn"),
])
def test_a_name_stays_inside_its_table_cell(nlp, text, value, label, kept):
    assert cleaned(nlp, text, value, label) == kept


def test_a_column_gap_squeezed_out_of_the_text_still_ends_the_cell(nlp):
    # The text NER reads has the gap made one space (text_view.squeeze_spaces); its offset is kept.
    text = "Guest 2: Teodora Vasile DOB 4 Jan 1990"
    doc = nlp(text)
    doc.user_data[COLUMN_GAPS_KEY] = frozenset({text.index(" DOB")})
    start = text.index("Teodora")
    span = doc.char_span(start, text.index(" 4 Jan"), label="PERSON")
    ent = clean_entity(span)
    assert text[ent.start_char:ent.end_char] == "Teodora Vasile"
    doc.user_data[COLUMN_GAPS_KEY] = frozenset({text.index(" Vasile")})  # between two names: a typo
    name = doc.char_span(start, text.index(" DOB"), label="PERSON")
    ent = clean_entity(name)
    assert text[ent.start_char:ent.end_char] == "Teodora Vasile"


def test_role_and_unit_shapes():
    assert names_role_or_unit(["Maintenance", "Planner"])
    assert names_role_or_unit(["Technical", "Support"])
    assert not names_role_or_unit(["Support"])  # a unit end alone is a word of any name
    assert not names_role_or_unit(["Diamond", "Head"])  # a place ending in an ambiguous head
    assert not names_role_or_unit(["Harbour", "Gazette", "Editor"])  # a name of words before a role
    assert trailing_unit(["Orvano", "Human", "Resources"]) == 2
    assert trailing_unit(["Global", "Customer", "Services"]) == 0  # no name of its own before the unit


def test_the_stage_masks_the_company_but_not_the_document_furniture(anonymizer):
    text = ("PURCHASE ORDER PO-55120\nSupplier: Kestrelmoor Textiles Ltd, Leeds\n"
            "Item KT-4410-GR, 300 units, GBP 2,450.00\nPaid by Visa ending 0042.\n"
            "Questions: Accounts Payable, Dunmore Shipping Ltd")
    (out,) = anonymizer.anonymize([text], "en")
    assert "Kestrelmoor" not in out.text and "Dunmore" not in out.text
    for kept in ("PURCHASE ORDER", "KT-4410-GR", "GBP 2,450.00", "Visa ending", "Accounts Payable"):
        assert kept in out.text
