"""Business English through the whole engine: numbers and line ends that must not change what is masked.
Issue 17: a 12-digit number that happens to pass the My Number check digit is no personal data
without the number's name, and a letter saved with Windows line ends is anonymized as with "\\n"."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "The 1234 5678 9018 units were counted twice.",    # check digit right, no My Number nearby
    "Tracking code 123456789018 was issued.",
])
def test_twelve_digits_with_a_right_check_digit_need_the_my_number_name(anonymizer, text):
    (out,) = anonymizer.anonymize([text], "en")
    assert out.text == text


@pytest.mark.parametrize("text", ["Her My Number is 1234 5678 9018.", "マイナンバー 1234-5678-9018 (kojin bango)",
                                  "Individual number 123456789018 on file."])
def test_a_my_number_after_its_name_is_still_found(anonymizer, text):
    (out,) = anonymizer.anonymize([text], "en")
    assert out.counts.get("JP_MY_NUMBER") == 1


LETTER = ("Bill to:\nCastelmare Textiles GmbH\nLindenstraße 12\n80331 München\nGermany\nTel. +49 89 1234567\n\n"
          "Dear Ms. Keller,\nplease find the invoice for 12 units attached.\n")


@pytest.mark.parametrize("line_end", ["\r\n", "\r"])
def test_windows_and_old_mac_line_ends_are_anonymized_as_unix_ones(anonymizer, line_end):
    (unix,) = anonymizer.anonymize([LETTER], "en")
    (other,) = anonymizer.anonymize([LETTER.replace("\n", line_end)], "en")
    assert other.text == unix.text.replace("\n", line_end)
    assert other.counts == unix.counts
    assert unix.counts["LOCATION"] >= 3   # the street, its postal code and town, the country
