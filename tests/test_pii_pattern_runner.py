"""The fast pattern loop (pii/pattern_runner.py): Presidio's results, less work."""

from __future__ import annotations

from presidio_analyzer.predefined_recognizers import UsBankRecognizer, UsPassportRecognizer, UsSsnRecognizer

from curation.pii.pattern_runner import runner_for

TEXT = ("SSN 536-22-1847 and 536 22 1847, also 53622-1847 and 536221847; passport A12345678, "
        "account 12345678901, card ref 123-456789.")


def spans(results, threshold: float) -> list[tuple]:
    return sorted((r.entity_type, r.start, r.end, r.score) for r in results if r.score >= threshold)


def test_min_score_runner_finds_what_the_full_runner_finds_at_that_score():
    ssn = UsSsnRecognizer()
    full = runner_for(ssn)(text=TEXT, entities=["US_SSN"], nlp_artifacts=None)
    assert spans(full, 0.0) != spans(full, 0.5)  # the text has low-scored SSN shapes too
    lean = runner_for(ssn, 0.5)(text=TEXT, entities=["US_SSN"], nlp_artifacts=None)
    assert spans(lean, 0.5) == spans(full, 0.5) and spans(full, 0.5)


def test_recognizer_without_a_pattern_at_min_score_has_no_runner():
    assert runner_for(UsPassportRecognizer(), 0.5) is None
    assert runner_for(UsBankRecognizer(), 0.5) is None
    assert runner_for(UsPassportRecognizer(), 0.05) is not None


def test_digit_gate_skips_only_texts_without_eight_digits_in_a_row():
    passport = runner_for(UsPassportRecognizer())
    assert {TEXT[r.start:r.end] for r in passport(text=TEXT, entities=None, nlp_artifacts=None)} == {"A12345678", "536221847"}
    assert passport(text="passport A1234567 and 1234 5678", entities=None, nlp_artifacts=None) == []
