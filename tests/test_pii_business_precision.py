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


# Issue 17 (pii21): a postal code beside a capital needs no street line; a code of its own shape
# is not swallowed by a name NER reads over its town.
@pytest.mark.parametrize("text", ["Riyadh 12214", "Doha 24321\nQatar", "Customer:\nMs A. Rahman\nRiyadh 12214"])
def test_a_postal_code_after_a_capital_is_masked_without_a_street_line(anonymizer, text):
    (out,) = anonymizer.anonymize([text], "en")
    assert "12214" not in out.text and "24321" not in out.text
    assert out.counts.get("LOCATION", 0) >= 1


@pytest.mark.parametrize("text", ["Port 8080", "Version 12214", "Paris 2024"])
def test_a_number_beside_a_field_word_or_a_year_beside_a_capital_stays(anonymizer, text):
    (out,) = anonymizer.anonymize([text], "en")
    assert text.split()[1] in out.text


@pytest.mark.parametrize("text", ["Leeds LS1 4AP", "Leeds LS1 4AP\nUnited Kingdom", "Sheffield S1 2HE"])
def test_a_uk_postcode_with_its_town_is_a_location_not_a_name(anonymizer, text):
    (out,) = anonymizer.anonymize([text], "en")
    assert "PERSON" not in out.counts and "ORGANIZATION" not in out.counts
    assert text.split("\n")[0].split()[-1] not in out.text


@pytest.mark.parametrize("text,kept", [
    ("For quotes email the sales team at quotes at brightpath.io", "email the sales team at "),
    ("Ref 020 7946 0958", "Ref 020 7946 0958"),                # a reference, not a phone
])
def test_spelled_address_after_a_mail_word_is_masked_and_a_reference_is_kept(anonymizer, text, kept):
    (out,) = anonymizer.anonymize([text], "en")
    assert kept in out.text
    assert "brightpath" not in out.text
