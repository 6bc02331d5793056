"""Values known by the label before them: a birth date after its label, an identifier whose label
sits a few words back behind punctuation, stop words or a plural (texts written for these tests)."""

from __future__ import annotations

import pytest

from curation.pii.assembly import engine_for


@pytest.fixture(scope="module")
def engine(policy):
    return engine_for("en", policy.pii)


def masked_as(engine, text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for r in engine.analyze([text], 8)[0]:
        out.setdefault(text[r.start:r.end], set()).add(r.entity_type)
    return out


@pytest.mark.parametrize("text,date", [
    ("Applicant: Ilse Brandt\nDate of birth: 14/03/1986\nNationality: Austrian", "14/03/1986"),
    ("DOB 1979-11-02, member since 2015-01-01", "1979-11-02"),
    ("Her grandson was born on 3rd of March, 1990 in Dundee.", "3rd of March, 1990"),
    ("D.O.B.: March 14, 1986", "March 14, 1986"),
    ("Birth date (dd/mm/yyyy):\n 31/12/1975", "31/12/1975"),
])
def test_a_birth_date_after_its_label_is_masked(engine, text, date):
    assert "DATE_OF_BIRTH" in masked_as(engine, text).get(date, set())


@pytest.mark.parametrize("text", [
    "Invoice date: 14/03/2024. Due 30/03/2024.",
    "The meeting on 14 March 2024 was moved to 21 March 2024.",
    "Date of birth: 45/45/1999",  # no such date
])
def test_other_dates_are_not_birth_dates(engine, text):
    assert not any("DATE_OF_BIRTH" in types for types in masked_as(engine, text).values())


@pytest.mark.parametrize("text", [
    # the label five words back once punctuation and stop words are not counted
    "Passport number (as printed on the data page): 533380006",
    # a plural label
    "Passports of both travellers:\n  - 533380006\n  - 498112304",
])
def test_a_passport_number_is_masked_whatever_stands_between_it_and_its_label(engine, text):
    assert "533380006" in masked_as(engine, text)


def test_a_nine_digit_number_without_a_label_is_left(engine):
    assert "533380006" not in masked_as(engine, "Order 533380006 shipped on Monday; thanks for your patience.")


@pytest.mark.parametrize("text,date", [
    ("DOB: 1986-03-14T10:30", "1986-03-14"),           # a time after it: the whole date, not 1986-03-1
    ('{"date_of_birth": "1986-03-14"}', "1986-03-14"),
    ("DOB:\n\n14/03/1986", "14/03/1986"),
    ("Date of Birth: Friday, 14 March 1986", "14 March 1986"),
    ("DATE OF BIRTH: 14 MAR 1986", "14 MAR 1986"),
    ("She was born on the 14th of March 1986.", "14th of March 1986"),
    ("DOB: 14-Mar-86", "14-Mar-86"),
])
def test_a_birth_date_in_other_common_layouts_is_masked_whole(engine, text, date):
    assert "DATE_OF_BIRTH" in masked_as(engine, text).get(date, set())


@pytest.mark.parametrize("text", ["date of birth 31 Feb 1986", "DOB 02/30/1990"])
def test_a_birth_date_that_does_not_exist_is_refused(engine, text):
    assert not any("DATE_OF_BIRTH" in types for types in masked_as(engine, text).values())


@pytest.mark.parametrize("text", [
    "The company was born on 1 March 2015 in a garage.",
    "Our small family firm was born on 2 May 2001.",
    "The app is born on 14/03/2019, when the beta opens.",
])
def test_a_thing_born_on_a_date_is_no_birth_date(engine, text):
    # the subject is a company, a firm, an app: a founding or launch date, no person's
    assert not any("DATE_OF_BIRTH" in types for types in masked_as(engine, text).values())


@pytest.mark.parametrize("text,date", [
    ("The founder of the company was born on 1 March 1970.", "1 March 1970"),
    ("Her brother was born on 2 May 2001 in Leeds.", "2 May 2001"),
    ("Sam Roe\nMember, the club\nBorn on 12/03/1990", "12/03/1990"),  # a profile: the club is the line above
])
def test_a_person_born_on_a_date_near_a_company_word_keeps_the_birth_date(engine, text, date):
    assert "DATE_OF_BIRTH" in masked_as(engine, text).get(date, set())


def test_a_stop_word_is_never_a_context_word(engine):
    # "us" is a US_PASSPORT context word and a stop word: an order number after "email us" is no passport
    assert "US_PASSPORT" not in masked_as(engine, "Email us: we shipped 123456789 today.").get("123456789", set())


def test_a_table_rule_ends_the_context_window(engine):
    # the header row names the columns; the rule under it ends the value's context
    text = "Store | Account manager | Region\n-----|-----|-----\n102938475 | Jo | North"
    assert "US_BANK_NUMBER" not in masked_as(engine, text).get("102938475", set())


def test_a_number_that_passes_the_my_number_check_is_a_phone_after_a_phone_word(engine):
    # 015733882104 passes the マイナンバー check digit, as one 12-digit number in ten does.
    assert masked_as(engine, "Emergency phone during the trip: 0157 3388 2104.") == {"0157 3388 2104": {"PHONE_NUMBER"}}
    # After its own name it stays a My Number: that reading scores above the phone one.
    scores = {r.entity_type: r.score for r in engine.analyze(["My Number: 0157 3388 2104"], 8)[0]}
    assert scores["JP_MY_NUMBER"] > scores.get("PHONE_NUMBER", 0)
    assert masked_as(engine, "Batch 0157 3388 2104 shipped.") == {}


# Every month name, whole and by its first three letters, and "Sept" (one tuple builds the pattern).
@pytest.mark.parametrize("month", ["January", "Feb", "MAY", "June", "Jul.", "Sept", "Sept.", "September", "dec"])
def test_a_birth_date_with_any_month_name_is_masked_whole(engine, month):
    text = f"Date of birth: 4 {month} 1990"
    assert "DATE_OF_BIRTH" in masked_as(engine, text).get(f"4 {month} 1990", set())
