"""Names in social posts whose capitals say little: shouted sentences inside a post, names of
several words written in lower case (recognizers/en/caseless_name.py, truecase.py); posts
written for these tests."""

from __future__ import annotations

import pytest

from curation.pii.assembly import engine_for
from curation.pii.recognizers.en.caseless_name import shouted_sentences
from curation.pii.truecase import name_neighbours, truecased


@pytest.fixture(scope="module")
def engine(policy):
    return engine_for("en", policy.pii)


def masked(engine, text: str) -> list[str]:
    return [text[r.start:r.end] for r in engine.analyze([text], 8)[0]]


def test_a_name_in_a_short_shouted_sentence_of_a_post_is_found(engine):
    # Too short for a headline, too capitalised for a lower-case stretch: read by neither before.
    assert any("PRIYA" in m for m in masked(engine, "MASSIVE CONGRATS PRIYA!!! so proud of you, drinks on me"))


def test_a_shouted_sentence_without_a_name_stays_unmasked(engine):
    assert masked(engine, "STOP RIGHT THERE. not ready for monday yet") == []


def test_shouted_sentences_are_runs_of_capitals_in_lines_with_lower_case_writing():
    text = ("WELL DONE ARTHUR!! see you soon. NHS. ok\nKYC — INDIVIDUAL CLIENT\n"
            "I CANNOT BELIEVE WHAT JUST HAPPENED AT THE GAME")
    # "NHS." is one word: an acronym, not a shout; a line in capitals alone is a heading, or a
    # headline from six words on (capitalised_lines).
    assert [text[s:e] for s, e in shouted_sentences(text)] == ["WELL DONE ARTHUR!!"]
    # A post of one line in capitals is shouted however short.
    assert shouted_sentences("GUYS SAM GOT THE JOB") == [(0, 20)]
    # A headline holding a handle has lower-case letters, and is still read once, as a headline.
    assert shouted_sentences("THANKS @jo_b FOR THE BEST NIGHT EVER. SEE YOU ALL SOON") == []


def test_name_like_words_beside_a_raised_word_are_candidates_but_not_a_sentence_opener():
    view, raised = truecased("tom hardy and kev park, hardy perennials. wow amy")
    found = [(view[n.span[0]:n.span[1]], view[n.partner[0]:n.partner[1]], n.after) for n in name_neighbours(view, raised)]
    # "hardy" after "Tom" is the surname slot; "park" is a common word; the second "hardy"
    # stands beside no name; "wow" opens its sentence: its capitals are the sentence's.
    assert found == [("hardy", "Tom", True)]


@pytest.mark.parametrize("text,name", [
    ("watched a tom hardy film last night, so good", "tom hardy"),
    ("moved to stoke newington last year", "stoke newington"),
    ("GOOD LUCK TOM HARDY. see ya", "TOM HARDY"),
    ("heard taylor swift on the radio", "taylor swift"),
    ("me and jade prince went out", "jade prince"),
    # a name in a shouted post
    ("GUYS SAM GOT THE JOB", "SAM"),
    ("OMG JESSICA IS HERE", "JESSICA"),
    ("HAPPY RETIREMENT SHEILA", "SHEILA"),
])
def test_a_name_of_a_post_is_masked_whole(engine, text, name):
    assert any(name in m for m in masked(engine, text))


@pytest.mark.parametrize("text,name,word", [
    ("wow amy looks great", "amy", "wow"),
    ("yay tom got the job", "tom", "yay"),
    ("CONGRATS DAVE AND SUE", "DAVE", "CONGRATS"),
])
def test_an_interjection_before_a_name_is_not_part_of_it(engine, text, name, word):
    found = masked(engine, text)
    assert any(name in m for m in found) and not any(word in m for m in found)


@pytest.mark.parametrize("text,word", [
    ("cardiff rose to the top", "rose"),
    ("paris rose to the occasion", "rose"),
    ("london fox hunting ban", "fox"),
])
def test_a_word_after_a_place_is_no_surname(engine, text, word):
    assert not any(word in m for m in masked(engine, text))


def test_a_name_like_word_alone_stays_unmasked(engine):
    assert masked(engine, "the hardy plants in my garden survived the frost") == []


def test_a_long_line_of_capitals_without_lower_case_writing_gives_no_shouted_sentences():
    # The line of runs holds no lower-case letter (the "ok" is on the next line): a heading-like
    # block, not a post with a shout in it; and every run was once checked against the whole line.
    text = ("NHS. GO TEAM GO. " * 3000)[:50_000] + "\nok"
    assert shouted_sentences(text) == []


def test_a_page_without_line_breaks_is_no_one_line_post():
    # 50 KB in capitals with no line break is a file, not a shouted post (MAX_LINE_CHARS).
    assert shouted_sentences(("GO TEAM GO. " * 4300)[:50_000]) == []
    assert shouted_sentences("GO TEAM GO. ") == [(0, 11)]  # a post of one line is


def test_shouted_runs_of_many_lines_are_found_per_line():
    text = "GO TEAM GO. ok\n" * 300 + "BIG NIGHT WITH KENDRICK IN GLASGOW\nGO TEAM GO. ok"
    found = shouted_sentences(text)
    # the heading line (six words, capitals) is read as a headline, not as a shouted sentence
    assert len(found) == 301 and all(text[s:e] == "GO TEAM GO." for s, e in found)
