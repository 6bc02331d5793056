"""Expectation suites with real Great Expectations (no mocks), on the default suite file."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path

import pandas as pd
import pytest

from curation.checks.suites import (
    TYPES,
    ChecksError,
    blocking,
    load_suite,
    policy_params,
    run_suite,
)
from curation.policy import load_policy
from curation.checks.quality import COLUMNS as FEATURES

ROOT = Path(__file__).resolve().parents[1]
SUITE = ROOT / "policies" / "expectations" / "documents.yaml"
PARAMS = policy_params(load_policy(ROOT / "policies" / "default.yaml"))


def _id(i: int) -> str:
    return hashlib.sha256(f"doc-{i}".encode()).hexdigest()


def clean_frame(n: int = 40) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": [_id(i) for i in range(n)],
            "source": ["wiki" if i % 2 else "mail" for i in range(n)],
            "language": ["en" if i % 3 else "ja" for i in range(n)],
            "license_class": ["allow"] * n,
            "n_chars": [100 + i for i in range(n)],
            "n_tokens": [20 + i for i in range(n)],
            "residual_pii": [0] * n,
            "dup_key": [f"k{i}" for i in range(n)],
            # quality features as catalog.feature_frame returns them (language confidence not yet filled)
            **{c: [0.0] * n for c in FEATURES if c.endswith(("_frac", "_share"))},
            **{c: [0] * n for c in FEATURES if c.endswith(("_hits", "_terms"))},
            "language_confidence": [None] * n,
            "n_words": [15 + i for i in range(n)],
        }
    )


@pytest.fixture(scope="module")
def clean_outcomes():
    return run_suite(clean_frame(), SUITE, PARAMS)


def by_name(outcomes):
    return {o.name: o for o in outcomes}


def failing(outcomes):
    return {o.name for o in outcomes if not o.success}


def test_clean_frame_passes_every_expectation_in_suite_order(clean_outcomes):
    names = [s.name for s in load_suite(SUITE, PARAMS).expectations]
    assert [o.name for o in clean_outcomes] == names
    assert failing(clean_outcomes) == set(), [o.message for o in clean_outcomes]
    assert all(o.exception is None for o in clean_outcomes)
    assert blocking(clean_outcomes) == []
    json.dumps([asdict(o) for o in clean_outcomes])  # JSON-serialisable


def test_default_suite_covers_the_required_checks():
    suite = load_suite(SUITE, PARAMS)
    got = {(s.type, s.kwargs.get("column"), s.severity) for s in suite.expectations}
    for want in [
        ("ExpectColumnValuesToNotBeNull", "doc_id", "critical"),
        ("ExpectColumnValuesToBeUnique", "doc_id", "critical"),
        ("ExpectColumnValuesToBeInSet", "license_class", "critical"),
        ("ExpectColumnValuesToBeBetween", "residual_pii", "critical"),
        ("ExpectColumnValuesToBeInSet", "language", "critical"),
        ("ExpectColumnValuesToNotBeNull", "language", "critical"),
        ("ExpectColumnValuesToBeBetween", "n_chars", "warning"),
        ("ExpectColumnValuesToBeUnique", "dup_key", "critical"),
        ("ExpectTableRowCountToBeBetween", None, "critical"),
    ]:
        assert want in got
    lang = by_name(suite.expectations)["language_declared"]
    assert lang.kwargs["value_set"] == ["en", "ja"]


def test_every_supported_type_exists_in_gx():
    import great_expectations.expectations as gxe

    assert all(hasattr(gxe, t) for t in TYPES)


def planted_frame() -> pd.DataFrame:
    """One fault per row (so each failing expectation names exactly its planted doc_ids)."""
    df = clean_frame()
    df.loc[7, "dup_key"] = df.loc[3, "dup_key"]
    df.loc[5, "residual_pii"] = 2
    df.loc[9, "n_chars"] = 3
    df.loc[1, "language"] = "de"
    df.loc[2, "language"] = None
    df.loc[4, "license_class"] = "review"
    df.loc[6, "non_text_share"] = None
    df.loc[11, ["dup_line_frac", "dup_line_char_frac", "dup_5gram_char_frac"]] = [0.6, 0.5, 0.4]
    df.loc[12, "top_2gram_char_frac"] = 0.35
    df["language_confidence"] = [None] * 20 + [0.99] * 19 + [0.2]
    return df


@pytest.fixture(scope="module")
def planted():
    return run_suite(planted_frame(), SUITE, PARAMS)


def test_planted_faults_fail_exactly_their_expectations(planted):
    assert failing(planted) == {
        "dup_key_unique", "no_residual_pii", "length_in_range", "language_declared", "language_present",
        "licence_allowed", "features_present", "repeated_lines", "repeated_line_chars", "duplicated_5grams",
        "top_2gram", "language_confidence"}
    assert {o.name for o in blocking(planted)} == {
        "dup_key_unique", "no_residual_pii", "language_declared", "language_present", "licence_allowed",
        "features_present"}
    assert all(o.exception is None for o in planted)
    json.dumps([asdict(x) for x in planted])


def test_duplicate_dup_key_names_both_documents(planted):
    o = by_name(planted)["dup_key_unique"]
    assert sorted(o.unexpected_doc_ids) == sorted([_id(3), _id(7)])
    assert o.severity == "critical"
    assert o.message.startswith("2 of 40 documents duplicate another document")


def test_residual_pii_blocks_with_the_doc_id(planted):
    o = by_name(planted)["no_residual_pii"]
    assert o.unexpected_doc_ids == [_id(5)] and o.severity == "critical"
    assert o.observed["unexpected_count"] == 1 and o.observed["element_count"] == 40
    assert o.bounds == {"min_value": 0, "max_value": 0}
    assert o.message.startswith("1 of 40 documents have residual PII above 0")
    assert _id(5)[:12] in o.message


def test_short_document_is_a_warning_not_blocking(planted):
    o = by_name(planted)["length_in_range"]
    assert o.severity == "warning" and o.unexpected_doc_ids == [_id(9)]
    assert o.bounds == {"min_value": 20, "max_value": 1_000_000}
    assert o not in blocking(planted)


def test_language_and_licence_failures_with_nulls(planted):
    outcomes = by_name(planted)
    assert outcomes["language_declared"].unexpected_doc_ids == [_id(1)]
    assert outcomes["language_present"].unexpected_doc_ids == [_id(2)]
    assert outcomes["licence_allowed"].unexpected_doc_ids == [_id(4)]


def test_empty_frame_fails_row_count():
    outcomes = run_suite(clean_frame(0), SUITE, PARAMS)
    assert failing(outcomes) == {"has_documents"}
    o = by_name(outcomes)["has_documents"]
    assert o.observed == 0 and o.severity == "critical" and blocking(outcomes) == [o]
    assert "observed 0, expected at least 1" in o.message


def test_gx_exception_counts_as_failure(tmp_path):
    suite = tmp_path / "s.yaml"
    suite.write_text(
        "name: s\nexpectations:\n"
        "  - {name: ghost, type: ExpectColumnValuesToBeBetween, kwargs: {column: nope, min_value: 0}}\n"
    )
    (o,) = run_suite(clean_frame(5), suite, PARAMS)
    assert not o.success and o.exception and "nope" in o.exception
    assert blocking([o]) == [o]


def _write(tmp_path, body: str) -> Path:
    p = tmp_path / "bad.yaml"
    p.write_text("name: bad\nexpectations:\n" + body)
    return p


def test_unknown_type_names_file_expectation_and_allowed(tmp_path):
    p = _write(tmp_path, "  - {name: typo, type: ExpectColumnValuesToBeUniq, kwargs: {column: doc_id}}\n")
    with pytest.raises(ChecksError) as e:
        load_suite(p, PARAMS)
    msg = str(e.value)
    assert str(p) in msg and "'typo'" in msg and "ExpectColumnValuesToBeUnique" in msg


def test_unknown_placeholder_names_file_and_allowed(tmp_path):
    p = _write(tmp_path, "  - {name: len, type: ExpectColumnValuesToBeBetween,"
                         " kwargs: {column: n_chars, min_value: '{policy.min_len}'}}\n")
    with pytest.raises(ChecksError) as e:
        run_suite(clean_frame(3), p, PARAMS)
    msg = str(e.value)
    assert str(p) in msg and "'len'" in msg and "policy.min_len" in msg and "policy.min_chars" in msg


@pytest.mark.parametrize(
    "body, fragment",
    [
        ("  - {name: a, type: ExpectColumnToExist, kwargs: {column: x}, severity: fatal}\n", "severity"),
        ("  - {name: a, type: ExpectColumnToExist, kwargs: {column: x}, colour: red}\n", "colour"),
        ("  - {name: a, type: ExpectColumnToExist, kwargs: {column: x}}\n"
         "  - {name: a, type: ExpectColumnToExist, kwargs: {column: y}}\n", "duplicate"),
        ("  - {type: ExpectColumnToExist, kwargs: {column: x}}\n", "name"),
        ("  - {name: a, type: ExpectColumnToExist, kwargs: {column: x}, explain: 'have {nope}'}\n",
         "explain"),
    ],
)
def test_malformed_suite_raises(tmp_path, body, fragment):
    with pytest.raises(ChecksError, match=fragment) as e:
        load_suite(_write(tmp_path, body), PARAMS)
    assert "bad.yaml" in str(e.value)


def test_bad_kwargs_raise_checks_error(tmp_path):
    body = "  - {name: a, type: ExpectColumnValuesToBeInSet, kwargs: {column: x, valueset: [1]}}\n"
    p = _write(tmp_path, body)
    with pytest.raises(ChecksError, match="'a'"):
        run_suite(clean_frame(3), p, PARAMS)


def test_policy_params_expose_every_quality_and_checks_setting():
    policy = load_policy(ROOT / "policies" / "default.yaml")
    params = policy_params(policy)
    assert params["policy.min_chars"] == policy.quality.min_chars  # the original three stay
    assert params["policy.quality.max_dup_line_frac"] == policy.quality.max_dup_line_frac
    assert params["policy.quality.max_top_ngram_char_frac.3"] == policy.quality.max_top_ngram_char_frac[3]
    assert params["policy.checks.max_source_share"] == policy.checks.max_source_share
    assert params["policy.checks.language_mix.ja.max"] == policy.checks.language_mix["ja"].max


def test_repetitive_document_fails_the_gopher_warnings_with_its_doc_id(planted):
    outcomes = by_name(planted)
    for name in ("repeated_lines", "repeated_line_chars", "duplicated_5grams"):
        assert outcomes[name].unexpected_doc_ids == [_id(11)] and outcomes[name].severity == "warning"
    assert outcomes["top_2gram"].unexpected_doc_ids == [_id(12)]
    assert outcomes["top_2gram"].bounds == {"max_value": 0.2}
    assert outcomes["top_2gram"].message.startswith("1 of 40 documents have their most frequent 2-gram over 0.2")


def test_document_without_features_blocks(planted):
    o = by_name(planted)["features_present"]
    assert o.unexpected_doc_ids == [_id(6)] and o in blocking(planted)


def test_low_language_confidence_is_a_warning_and_missing_is_not_judged(planted):
    o = by_name(planted)["language_confidence"]
    assert not o.success and o.severity == "warning" and o.unexpected_doc_ids == [_id(39)]


def test_id_column_and_column_pair_expectation(tmp_path):
    p = _write(tmp_path, "  - {name: under_cap, type: ExpectColumnPairValuesAToBeGreaterThanB,"
                         " kwargs: {column_A: cap, column_B: value, or_equal: true,"
                         " ignore_row_if: either_value_is_missing}}\n")
    df = pd.DataFrame({"metric_id": ["a", "b", "c"], "value": [0.1, 0.9, None], "cap": [0.5, 0.5, 0.5]})
    (o,) = run_suite(df, p, PARAMS, id_column="metric_id")
    assert not o.success and o.unexpected_doc_ids == ["b"] and o.column == "cap"
    with pytest.raises(ChecksError, match="metric_id"):
        run_suite(df.drop(columns="metric_id"), p, PARAMS, id_column="metric_id")
