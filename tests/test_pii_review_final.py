"""The final review of the English e-mail and phone rules (issue 17): each text that leaked, and the
neighbour that must keep its result."""

from __future__ import annotations

import pytest

from curation.pii.recognizers.en import CurationEmailRecognizer

THRESHOLD = 0.4  # policies/default.yaml pii.score_threshold


def found(recognizer, entity: str, text: str) -> list[str]:
    return [text[r.start:r.end] for r in recognizer.analyze(text, [entity]) if r.score >= THRESHOLD]


# 1: an address-like local part before " at " and a real top-level domain needs a mail or contact
# word near before it, not right before it; the address is masked whole.
# 2: the spaced "@" form counts a contact word right before it as well as a mail word.
@pytest.mark.parametrize("text,addresses", [
    ("Email: Jane Doe (jane.doe at doe-family.net)", ["jane.doe at doe-family.net"]),
    ("Account manager: John Carter, tel 07700 900123, john.carter at acmeltd.com", ["john.carter at acmeltd.com"]),
    ("Reach Priya at priya.nair at finlogic.in for the invoice.", ["priya.nair at finlogic.in"]),
    ("Contact: sarah @ greenfieldco.com for samples.", ["sarah @ greenfieldco.com"]),
    ("write to j_doe2 at example.co.uk soon", ["j_doe2 at example.co.uk"]),
    # Neighbours that stay unmasked: no mail or contact word, a plain local part, no real TLD.
    ("we met jane.doe at gmail.com yesterday", []),
    ("Contact Sam at booking.com for the rooms", []),
    ("Get yours @ amazon.com today", []),
    ("Our Mailchimp list: Sam at booking.com", []),
    ("Email: Jane Doe (jane.doe at doe-family.network)", []),
    ("Contact us for deals, get yours @ amazon.com", []),
])
def test_an_address_after_a_mail_or_contact_word_is_masked_whole(text, addresses):
    assert found(CurationEmailRecognizer(), "EMAIL_ADDRESS", text) == addresses
