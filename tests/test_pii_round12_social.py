"""Names in posts that plain Presidio masks and span clean-up dropped (round twelve, pii34; sentences
written for these tests): a numbered road, a place name ending in "An", a Reddit account. Span clean-up
(`pii/spans.py`) keeps each of them."""

from __future__ import annotations

import pytest

def _masked(anonymizer, text: str) -> str:
    return anonymizer.anonymize_in_process([text], "en")[0].text


@pytest.mark.parametrize(("text", "road"), [
    ("Queues on the M62 again this morning, nothing moving past Brighouse", "M62"),
    ("Someone tell me why the M25 is closed all weekend", "M25"),
])
def test_a_numbered_road_after_the_is_masked(anonymizer, text, road):
    assert road not in _masked(anonymizer, text)


@pytest.mark.parametrize(("text", "kept"), [
    ("Please print the agenda on the A4 paper in the tray.", "A4"),
    ("Her Spanish is at the B2 level now.", "B2"),
])
def test_a_paper_size_or_a_level_is_not_a_road(anonymizer, text, kept):
    assert kept in _masked(anonymizer, text)


def test_a_place_name_ending_in_an_article_shaped_word_is_masked_whole(anonymizer):
    masked = _masked(anonymizer, "Spent a week in Hoi An and loved every lantern-lit street")
    assert "Hoi" not in masked and " An " not in masked


def test_a_reddit_account_is_masked_as_a_person(anonymizer):
    result = anonymizer.anonymize_in_process(["u/harbour_lights is right, you should never sign anything on the spot."], "en")[0]
    assert "harbour_lights" not in result.text and result.counts.get("PERSON") == 1


@pytest.mark.parametrize(("text", "road"), [
    ("Stuck off M25 junction 10 for an hour", "M25"),
])
def test_a_road_without_the_is_masked_where_the_sentence_talks_of_the_road(anonymizer, text, road):
    assert road not in _masked(anonymizer, text)


@pytest.mark.parametrize(("text", "kept"), [
    ("Print it on the A4 and staple it.", "A4"),
    ("The A15 chip is faster than the old one.", "A15"),
    ("You can file it on I-485 later this year.", "I-485"),
])
def test_a_road_shaped_code_with_no_word_of_the_road_is_not_masked(anonymizer, text, kept):
    assert kept in _masked(anonymizer, text)
