"""Round thirteen of names in structured business text (issue 17): the value of a form field that
names a person, a list of attendees, "approved by", with particles, initials and hyphens in any
script's capitals; and the values of such fields that are no one's name."""

from __future__ import annotations

import pytest

from curation.pii.recognizers.en import CurationPersonRecognizer
from curation.pii.recognizers.en.person_fields import field_names
from tests_helpers import found


def names(text: str) -> list[str]:
    return [text[a:b] for a, b in field_names(text)]


@pytest.mark.parametrize("text,expected", [
    ("Applicant: Ngozi Eze-Okafor\nDate of birth: 04.07.1988", ["Ngozi Eze-Okafor"]),
    ("FULL NAME: Henrik Åberg\nNationality: Swedish", ["Henrik Åberg"]),
    ("Passenger: Thandiwe Nkosi   Seat: 14C   Guide: Émile Roussel", ["Thandiwe Nkosi", "Émile Roussel"]),
    ("Emergency contact: Kalani Akana (brother), +1 808 555 0117", ["Kalani Akana"]),
    ("Tenant: Femke van der Meulen\nUnit: 4B", ["Femke van der Meulen"]),
    ("Policyholder: Yusuf al-Hashimi", ["Yusuf al-Hashimi"]),
    ("Patient: Ana de la Fuente | Ward 6", ["Ana de la Fuente"]),
    ("Reviewer: T. R. Okonjo", ["T. R. Okonjo"]),
])
def test_the_value_of_a_person_field_is_a_name(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Attendees: Rangi Parata (chair), Beatriz Lopes (treasurer), Oskar Nyström",
     ["Rangi Parata", "Beatriz Lopes", "Oskar Nyström"]),
    ("Bill to: Dermot Hanley & Saoirse Hanley\nFlat 2", ["Dermot Hanley", "Saoirse Hanley"]),
    ("Apologies: Wanza Mutua and Ikaika Kahale", ["Wanza Mutua", "Ikaika Kahale"]),
])
def test_every_name_of_a_list_of_people_is_a_name(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Purchase order approved by Lindiwe Khumalo on 4 May.", ["Lindiwe Khumalo"]),
    ("Ticket opened by Jarosław Wróbel (IT).", ["Jarosław Wróbel"]),
])
def test_who_did_it_after_by_is_a_name(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text", [
    "Owner: Finance Team",
    "Driver: Available",
    "Name: Invoice Template",
    "Owner: Harbourside Logistics Ltd",
    "Guest: Room 12",
    "Agent: Customer Service",
    "Project name: Atlas Rollout",       # a thing's name, not the form's person field
])
def test_a_role_unit_company_or_word_in_a_person_field_is_no_name(text):
    assert names(text) == []


def test_the_person_recognizer_reports_a_fields_name():
    assert found(CurationPersonRecognizer(), "PERSON", "Driver: Rutendo Chikwanha\nVehicle: KDA 214X") == ["Rutendo Chikwanha"]


@pytest.mark.parametrize("text", [
    "CALLER: I'm not sure it was me.\nAGENT: We'll look into it.",   # a speaker's sentence, not a field value
    "Bill to: Kestrel Joinery GmbH\nPO 4471",                         # a company with its legal form after it
    "Policyholder: Tidewater Marine Ltd",
    "Snag list closed by August, signed by December",                  # a deadline after "by"
])
def test_a_sentence_a_company_or_a_date_after_a_person_label_is_no_name(text):
    assert names(text) == []


def test_a_title_before_a_fields_name_is_left_out():
    assert names("Present: Deputy Principal Mrs Aoife Brennan, Tomasz Zieliński") == ["Aoife Brennan", "Tomasz Zieliński"]
