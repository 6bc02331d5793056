"""Our overlap resolution and piecewise anonymization give exactly Presidio's anonymized text."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

from curation.pii.overlaps import anonymize_text, resolve_overlaps

TYPES = ("PERSON", "LOCATION", "ORGANIZATION")
OPERATORS = {
    "DEFAULT": OperatorConfig("replace"),
    "PERSON": OperatorConfig("replace"),
    # Operators that read the value, so a span cut differently would show in the output.
    "LOCATION": OperatorConfig("mask", {"masking_char": "*", "chars_to_mask": 4, "from_end": False}),
    "ORGANIZATION": OperatorConfig("custom", {"lambda": lambda value: f"[{value.upper()}]"}),
}


def _random_case(rng: random.Random, n_chars: int, n_results: int,
                 shortest: int = 1) -> tuple[str, list[RecognizerResult]]:
    # Few letters and many spaces: results often sit next to each other with only spaces between.
    text = "".join(rng.choice("ab  \n") for _ in range(n_chars))
    results = []
    for _ in range(n_results):
        start = rng.randrange(n_chars - 1)
        end = min(n_chars, start + rng.randint(shortest, 12))
        results.append(RecognizerResult(rng.choice(TYPES), start, end, rng.choice((0.3, 0.5, 0.85, 1.0))))
    return text, results


@pytest.mark.parametrize("seed", range(200))
def test_random_overlapping_results_give_presidio_s_text_and_counts(seed):
    rng = random.Random(seed)
    text, results = _random_case(rng, rng.choice((40, 200, 2000)), rng.choice((3, 20, 150)))
    engine = AnonymizerEngine()
    expected = engine.anonymize(text=text, analyzer_results=results, operators=dict(OPERATORS))
    got, types = anonymize_text(engine, text, results, dict(OPERATORS))
    assert got == expected.text
    assert Counter(types) == Counter(item.entity_type for item in expected.items)


@pytest.mark.parametrize("seed", range(200))
def test_zero_length_results_among_others_give_presidio_s_text_and_counts(seed):
    # A recognizer may return an empty span; Presidio neither merges it into a result around it
    # nor lets it hide the next one, and we must do the same.
    rng = random.Random(seed)
    text, results = _random_case(rng, rng.choice((20, 60, 400)), rng.choice((3, 20, 80)), shortest=0)
    engine = AnonymizerEngine()
    expected = engine.anonymize(text=text, analyzer_results=results, operators=dict(OPERATORS))
    got, types = anonymize_text(engine, text, results, dict(OPERATORS))
    assert got == expected.text
    assert Counter(types) == Counter(item.entity_type for item in expected.items)


def test_an_empty_result_inside_one_of_its_type_does_not_merge_it_with_the_next():
    text = "call 0123456789 or 555"
    results = [RecognizerResult("PHONE_NUMBER", 5, 15, 0.4), RecognizerResult("PHONE_NUMBER", 8, 8, 0.9),
               RecognizerResult("PHONE_NUMBER", 12, 22, 0.5)]
    spans = resolve_overlaps(text, results)
    # (5, 15) and (12, 22) stay apart: after the empty result, (12, 22) is compared with it.
    assert [(s.start, s.end) for s in spans] == [(5, 15), (12, 22)]
    engine = AnonymizerEngine()
    assert anonymize_text(engine, text, results, dict(OPERATORS))[0] == \
        engine.anonymize(text=text, analyzer_results=results, operators=dict(OPERATORS)).text


def test_results_given_are_not_changed():
    text = "Jane Roe  Doe lives in Paris"
    results = [RecognizerResult("PERSON", 0, 8, 0.85), RecognizerResult("PERSON", 10, 13, 0.85),
               RecognizerResult("PERSON", 5, 8, 0.5)]
    anonymize_text(AnonymizerEngine(), text, results, dict(OPERATORS))
    assert [(r.start, r.end, r.score) for r in results] == [(0, 8, 0.85), (10, 13, 0.85), (5, 8, 0.5)]


def test_names_with_spaces_between_become_one_and_a_contained_place_goes():
    text = "Jane  Roe met in Paris"
    spans = resolve_overlaps(text, [RecognizerResult("PERSON", 0, 4, 0.85), RecognizerResult("PERSON", 6, 9, 0.6),
                                    RecognizerResult("LOCATION", 6, 9, 0.5)])
    assert [(s.entity_type, s.start, s.end) for s in spans] == [("PERSON", 0, 9)]


def test_equal_spans_keep_the_higher_score_then_the_later_one():
    spans = resolve_overlaps("Jordan", [RecognizerResult("LOCATION", 0, 6, 0.9), RecognizerResult("PERSON", 0, 6, 0.9)])
    assert [s.entity_type for s in spans] == ["PERSON"]
    spans = resolve_overlaps("Jordan", [RecognizerResult("LOCATION", 0, 6, 0.95), RecognizerResult("PERSON", 0, 6, 0.9)])
    assert [s.entity_type for s in spans] == ["LOCATION"]


def test_a_long_table_is_cut_into_pieces_and_gives_the_same_text():
    rng = random.Random(7)
    rows = [f"| {rng.choice(['Ann', 'Bo', 'Cy'])} {rng.choice(['Lee', 'Ng', 'Roe'])} | {i} | Paris |" for i in range(400)]
    text = "\n".join(rows)
    results, pos = [], 0
    for row in rows:
        name_end = row.index(" |", 2)
        results.append(RecognizerResult("PERSON", pos + 2, pos + name_end, 0.85))
        city = row.rindex("Paris")
        results.append(RecognizerResult("LOCATION", pos + city, pos + city + 5, 0.85))
        pos += len(row) + 1
    engine = AnonymizerEngine()
    got, types = anonymize_text(engine, text, results, dict(OPERATORS))
    assert got == engine.anonymize(text=text, analyzer_results=results, operators=dict(OPERATORS)).text
    assert Counter(types) == {"PERSON": 400, "LOCATION": 400}
