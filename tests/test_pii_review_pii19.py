"""People's and companies' names beside the business-text shapes that name no one (identifier
labels, document nouns, job nouns, company units) stay masked, and those shapes stay unmasked
(review of the business-precision rules; sentences written for these tests)."""

from __future__ import annotations

import pytest
from test_pii_organization_precision import cleaned, nlp  # noqa: F401 (nlp: the fixture cleaned needs)

from curation.pii.recognizers.en.person import CurationPersonRecognizer
from curation.pii.role_shapes import trailing_unit


@pytest.mark.parametrize(("text", "value", "label"), [
    # A name in capitals before a number is a person's or a company's, not an identifier's label.
    ("Ward 7 admission. Patient: HOLLIS 04/11/1975, allergies none.", "HOLLIS", "PERSON"),
    ("Keys are with PRIYA 07700 900456 after six.", "PRIYA", "PERSON"),
    ("Collected by: DARREN 555-0188 (van 3)", "DARREN", "PERSON"),
    ("Donations to UNICEF 0300 330 5699 are welcome.", "UNICEF", "ORGANIZATION"),
    ("The fleet car is an AUDI 4412 estate.", "AUDI", "ORGANIZATION"),
    # A person beside a document noun: the person stays; a glued noun is cut off.
    ("Please file the Tom Baxter memo with the rest.", "Tom Baxter", "PERSON"),
    ("I scanned the Ruth Ellison letter this morning.", "Ruth Ellison", "PERSON"),
    # A document noun inside a company's name with its legal form.
    ("The Lease Finance Company in Derby called back.", "Lease Finance Company", "ORGANIZATION"),
    # A job noun after a common word is a surname after a salutation or a sign-off, and any job noun
    # after an honorific.
    ("Dear Hope Buyer, your order has shipped.", "Hope Buyer", "PERSON"),
    ("Dr. Frank Planner will see you now.", "Frank Planner", "PERSON"),
    ("Mrs Senior Clerk signed the form.", "Senior Clerk", "PERSON"),
    ("Kind regards,\nFaith Cashier", "Faith Cashier", "PERSON"),
])
def test_names_beside_business_shapes_stay_masked(nlp, text, value, label):
    assert cleaned(nlp, text, value, label) == value


@pytest.mark.parametrize(("text", "value", "label", "kept"), [
    ("MEETING NOTES\nAGENDA: CLARA PENHALIGON REPORT\nItems below", "CLARA PENHALIGON REPORT", "PERSON",
     "CLARA PENHALIGON"),
    ("Legal sent over the Harriet Quayle Contract today.", "Harriet Quayle Contract", "PERSON", "Harriet Quayle"),
    ("SUMMARY FOR OSWALD KRANTZ\nAll tasks done.", "SUMMARY FOR OSWALD KRANTZ", "PERSON", "OSWALD KRANTZ"),
    ("Halden Mutual Insurance — Notice of Claim Receipt\nPolicy 44", "Halden Mutual Insurance — Notice of Claim Receipt",
     "ORGANIZATION", "Halden Mutual Insurance"),
])
def test_a_document_noun_glued_to_a_name_is_cut_off(nlp, text, value, label, kept):
    assert cleaned(nlp, text, value, label) == kept


@pytest.mark.parametrize(("text", "value", "label"), [
    # Labels of identifiers (a closed list) before their values.
    ("Ship to the depot, AWB 7734 2210 on the box.", "AWB", "ORGANIZATION"),
    ("Her SSN: 078-05-1120 is on file.", "SSN", "ORGANIZATION"),
    ("Register with EORI GB123456789000 first.", "EORI", "ORGANIZATION"),
    ("Open the firewall for SFTP: 10.20.30.40 tonight.", "SFTP", "ORGANIZATION"),
    # The bank's letters inside an IBAN written in groups.
    ("Pay into NL12 KQRB 3344 5566 77 by Friday.", "KQRB", "PERSON"),
    ("Pay into GB33 WXYZ 6016 1331 9268 19 by Friday.", "WXYZ", "ORGANIZATION"),
    # Document titles: capitals with a document noun inside, common words beside a document noun.
    ("SERVICE AGREEMENT\nbetween the parties below", "SERVICE AGREEMENT", "ORGANIZATION"),
    ("Find the Delivery Receipt in the box.", "Delivery", "ORGANIZATION"),
    # Job titles built from title modifiers, outside a greeting.
    ("She was promoted to Night Supervisor last year.", "Night Supervisor", "ORGANIZATION"),
    ("Ask the Duty Manager at reception.", "Duty Manager", "ORGANIZATION"),
    ("Dear Hiring Manager, my CV is attached.", "Hiring Manager", "PERSON"),
    ("We offer you the post of Senior Pipeline Engineer from May.", "Senior Pipeline Engineer", "ORGANIZATION"),
    # Currency codes and a code's first part.
    ("Total in NOK: 4,120.00", "NOK", "ORGANIZATION"),
    ("Consignment: QRT-UK-551230", "QRT", "ORGANIZATION"),
])
def test_labels_titles_and_job_titles_still_name_no_one(nlp, text, value, label):
    assert cleaned(nlp, text, value, label) is None


def test_the_person_recognizer_drops_only_units_and_closed_list_job_titles():
    assert CurationPersonRecognizer().score("Hope Buyer") == 0.6
    assert CurationPersonRecognizer().score("Hiring Manager") is None
    assert CurationPersonRecognizer().score("Customer Services") is None  # a unit signs as a unit


def test_a_company_name_ending_in_a_line_of_business_stays_whole():
    assert trailing_unit(["Northgate", "Data", "Services"]) == 0
    assert trailing_unit(["Meridale", "Health", "Services"]) == 0
    assert trailing_unit(["Quarry", "Lane", "Customer", "Services"]) == 2  # two name words before the unit
    assert trailing_unit(["Pellow", "Accounts", "Payable"]) == 2  # a department every company has
    assert trailing_unit(["Pellow", "Human", "Resources"]) == 2


def test_the_stage_masks_people_in_capitals_and_beside_documents(anonymizer):
    text = ("Patient: HOLLIS 04/11/1975\nCollected by: DARREN 555-0188\n"
            "Please file the Tom Baxter memo.\nDear Hope Buyer, thanks.\nMr. Will Clerk called.\n"
            "Questions: Accounts Payable. Amex card ending 1008.")
    (out,) = anonymizer.anonymize([text], "en")
    for name in ("HOLLIS", "DARREN", "Baxter", "Hope Buyer", "Will Clerk"):
        assert name not in out.text
    for kept in ("Accounts Payable", "Amex card ending", "memo"):
        assert kept in out.text
