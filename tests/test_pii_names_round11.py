"""Names beside a found name (round pii28; sentences written for these tests, in the tests' own
words): a name coordinated with a found one ("X vs Y", "X and Y") is masked too, and a common word
in that place stays."""

from __future__ import annotations

import pytest

from curation.pii.propagation import coordinated
from curation.pii.spans import NerEntity


def _masked(anonymizer, text: str) -> str:
    return anonymizer.anonymize_in_process([text], "en")[0].text


def _peers(text: str, found: str, label: str = "PERSON") -> list[str]:
    start = text.index(found)
    out = coordinated([NerEntity(label, start, start + len(found))], text)
    return [text[e.start_char:e.end_char] for e in out[1:]]


@pytest.mark.parametrize(("text", "found", "peer"), [
    ("Anyone streaming Swiatek vs Pegula tonight?", "Swiatek", "Pegula"),
    ("Pegula v. Swiatek was the final nobody expected", "Swiatek", "Pegula"),
    ("Ferry delays between Oban and Tobermory all week", "Oban", "Tobermory"),
    ("Drove Cairns → Kuranda → Mareeba in one day", "Kuranda", "Mareeba"),
    ("drove from leeds and york this morning", "leeds", "york"),
    ("Both Ottoline Brack & Ysolde Marrin signed it", "Ottoline Brack", "Ysolde Marrin"),
])
def test_a_name_coordinated_with_a_found_name_is_its_peer(text, found, peer):
    assert peer in _peers(text, found)


@pytest.mark.parametrize(("text", "found"), [
    ("Tamsin and I went to the coast", "Tamsin"),           # a pronoun
    ("Pegula vs Me: a diary", "Pegula"),                      # a function word
    ("Keswick and Reading were both flooded", "Keswick"),     # a common word: not sure enough
    ("Joanna Pryde and Partners won the tender", "Joanna Pryde"),
    ("Pegula vs NOBODY else today", "Pegula"),                # shouted
    ("Pegula and Sharapova-style grunting", "Pegula"),        # part of a longer token
])
def test_a_common_word_or_pronoun_beside_a_name_is_no_peer(text, found):
    assert _peers(text, found) == []


def test_a_coordinated_peer_takes_the_found_names_type():
    text = "Shops in Tobermory and Dervaig close early"
    start = text.index("Tobermory")
    out = coordinated([NerEntity("LOCATION", start, start + 9)], text)
    assert [(e.label_, text[e.start_char:e.end_char]) for e in out[1:]] == [("LOCATION", "Dervaig")]


def test_the_rival_ner_leaves_unread_is_masked_in_a_post(anonymizer):
    out = _masked(anonymizer, "Berrettini vs Mensik on court one")
    assert "Berrettini" not in out and "Mensik" not in out
    assert "court one" in out


def test_a_peer_in_a_title_case_headline_is_masked(anonymizer):
    out = _masked(anonymizer, "Bus Strike Hits Routes From Cleator And Egremont This Week")
    assert "Cleator" not in out and "Egremont" not in out
    assert "Bus Strike Hits Routes" in out and "This Week" in out


@pytest.mark.parametrize(("text", "company", "role"), [
    ("Warm regards,\nOdile Ferrand\nPurchasing, Lumenbrook GmbH\n", "Lumenbrook GmbH", "Purchasing"),
    ("2020–2024  Principal Consultant, Harrowgate Advisory Partners, Leeds", "Harrowgate Advisory Partners",
     "Principal Consultant"),
    ("Referee: Ms Ines Carvalho, Partner, Tavora Legal LLP", "Tavora Legal LLP", "Partner"),
    ("Best,\nRuth Okoye\nCFO, Saltmarsh Holdings\n", "Saltmarsh Holdings", "CFO"),
])
def test_the_signers_role_before_a_company_is_not_the_company(anonymizer, text, company, role):
    out = _masked(anonymizer, text)
    assert company not in out
    assert f"{role}," in out


def test_a_partnership_of_surnames_stays_one_company(anonymizer):
    out = _masked(anonymizer, "We retained Hallam, Pryce and Okafor LLP for the dispute.")
    assert "Hallam" not in out and "Pryce" not in out and "Okafor" not in out


@pytest.mark.parametrize(("text", "label"), [
    ("Cliente: Rosa Villaseñor\nCorreo: rosa.v@example.mx\nFecha de compra: 02/03/2025\n", "Fecha de compra:"),
    ("Laptop: Dell Latitude\nWorkstation IP reservation: 10.1.2.3\n", "Workstation IP reservation:"),
])
def test_a_form_lines_label_is_not_an_organisation(anonymizer, text, label):
    assert label in _masked(anonymizer, text)


def test_a_company_at_the_head_of_a_contact_line_stays_masked(anonymizer):
    out = _masked(anonymizer, "Suppliers\nAcme Widgets Ltd: accounts@acme-widgets.example\n")
    assert "Acme Widgets" not in out


def test_a_label_glued_before_a_company_is_trimmed(anonymizer):
    out = _masked(anonymizer, "Payee bank details\nBank: Sparkasse Oberland, branch Miesbach\n")
    assert "Bank:" in out and "Sparkasse Oberland" not in out


@pytest.mark.parametrize(("text", "name"), [
    ("ORGANIZER;CN=Henrik Dahlberg:mailto:henrik.dahlberg@nordvik.example", "Henrik Dahlberg"),
    ("ATTENDEE;CN=Sofie Lund;ROLE=REQ-PARTICIPANT:mailto:s.lund@nordvik.example", "Sofie Lund"),
    ("ATTENDEE;CN=Pekka Laine;RSVP=TRUE:mailto:pekka.laine@saimaa.example", "Pekka Laine"),
    ("ADR;TYPE=HOME:;;ul. Polna 4/2;Torun;;87-100;Poland", "Polna 4/2;Torun;;87-100;Poland"),  # parts, not fields
    ("Meeting with Sofie Lund 09:00", "Sofie Lund 09:00"),  # a time's colon
])
def test_a_records_next_field_glued_to_a_name_is_cut_off(text, name):
    from curation.pii.spans import _before_field_mark

    start = text.index(name.split()[0])  # the tokenizer's last word runs to the line's end
    assert text[start:_before_field_mark(text, start, len(text))] == name


def test_the_parts_of_a_contact_cards_address_stay_masked(anonymizer):
    out = _masked(anonymizer, "BEGIN:VCARD\nFN:Ewa Zielinska\nADR;TYPE=HOME:;;ul. Polna 4/2;Torun;;87-100;Poland\nEND:VCARD\n")
    assert "Zielinska" not in out and "Polna" not in out
