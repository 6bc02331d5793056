"""The final review of the English e-mail and phone rules (issue 17): each text that leaked, and the
neighbour that must keep its result."""

from __future__ import annotations

import pytest

from curation.pii.recognizers.en import CurationEmailRecognizer, CurationPhoneRecognizer
from tests_helpers import found

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


# 3: a trunk-0 number grouped as a national number after a bare business label is the line to call;
# "no.", "number" or "is" makes it the reference, and an unspaced or 12-digit one stays a reference.
@pytest.mark.parametrize("text,numbers", [
    ("Booking: 020 7946 0958 (Mrs Patel)", ["020 7946 0958"]),
    ("Booking: 07700 900123 (mobile)", ["07700 900123"]),
    ("Booking: 2024 0311 2287", []),                    # no trunk 0
    ("Booking: 0157 3388 2104", []),                    # 12 digits: no national number
    ("Booking no. 020 7946 0958", []),
    ("Order number is 0161 496 0066, please call us back.", []),
    ("Order 07717560855 was split.", []),
    ("Batch 0157 3388 2104 shipped.", []),
    ("NHS 012 345 6789", []),
])
def test_a_national_number_after_a_bare_business_label_is_a_phone(text, numbers):
    assert found(CurationPhoneRecognizer(), "PHONE_NUMBER", text) == numbers
