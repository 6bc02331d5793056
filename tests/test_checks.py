"""Expectation suites with real Great Expectations (no mocks), on the default suite file."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path

import pandas as pd
import pytest

from curation.checks import TYPES, ChecksError, blocking, load_suite, run_suite

ROOT = Path(__file__).resolve().parents[1]
SUITE = ROOT / "policies" / "expectations" / "documents.yaml"
PARAMS = {"policy.languages": ["en", "ja"], "policy.min_chars": 20, "policy.max_chars": 1_000_000}


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


def test_duplicate_dup_key_names_both_documents():
    df = clean_frame()
    df.loc[7, "dup_key"] = df.loc[3, "dup_key"]
    outcomes = run_suite(df, SUITE, PARAMS)
    assert failing(outcomes) == {"dup_key_unique"}
    o = by_name(outcomes)["dup_key_unique"]
    assert sorted(o.unexpected_doc_ids) == sorted([_id(3), _id(7)])
    assert o.severity == "critical" and blocking(outcomes) == [o]
    assert o.message.startswith("2 of 40 documents duplicate another document")


def test_residual_pii_blocks_with_the_doc_id():
    df = clean_frame()
    df.loc[5, "residual_pii"] = 2
    outcomes = run_suite(df, SUITE, PARAMS)
    assert failing(outcomes) == {"no_residual_pii"}
    o = by_name(outcomes)["no_residual_pii"]
    assert o.unexpected_doc_ids == [_id(5)]
    assert o.observed["unexpected_count"] == 1 and o.observed["element_count"] == 40
    assert o.bounds == {"min_value": 0, "max_value": 0}
    assert o.message.startswith("1 of 40 documents have residual PII above 0")
    assert _id(5)[:12] in o.message
    assert [b.name for b in blocking(outcomes)] == ["no_residual_pii"]
    json.dumps([asdict(x) for x in outcomes])


def test_short_document_is_a_warning_not_blocking():
    df = clean_frame()
    df.loc[9, "n_chars"] = 3
    outcomes = run_suite(df, SUITE, PARAMS)
    assert failing(outcomes) == {"length_in_range"}
    o = by_name(outcomes)["length_in_range"]
    assert o.severity == "warning" and o.unexpected_doc_ids == [_id(9)]
    assert o.bounds == {"min_value": 20, "max_value": 1_000_000}
    assert blocking(outcomes) == []


def test_language_and_licence_failures_with_nulls():
    df = clean_frame()
    df.loc[1, "language"] = "de"
    df.loc[2, "language"] = None
    df.loc[4, "license_class"] = "review"
    outcomes = by_name(run_suite(df, SUITE, PARAMS))
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
