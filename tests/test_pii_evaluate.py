"""`curation pii evaluate` and curation.pii.evaluate: scoring detections against labelled documents."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from curation.cli import app
from curation.pii.evaluate import (
    LabelledDoc,
    LabelledFileError,
    Span,
    load_labelled,
    score,
)

# "Call Jane Roe at Acme Corp today."  Jane Roe: 5..13, Acme Corp: 17..26, today: 27..32
CALL = LabelledDoc("call", "Call Jane Roe at Acme Corp today.",
                   (Span("PERSON", 5, 13), Span("ORGANIZATION", 17, 26)))
# "I love iPhone and Bob."  iPhone (a product, ignored): 7..13, Bob: 18..21
PRODUCT = LabelledDoc("product", "I love iPhone and Bob.", (Span("PERSON", 18, 21),), (Span("PRODUCT", 7, 13),))


def write_jsonl(path, rows) -> str:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows),
                    encoding="utf-8")
    return str(path)


def gold_row(doc: LabelledDoc) -> dict:
    return {"id": doc.id, "text": doc.text,
            "spans": [{"type": s.type, "start": s.start, "end": s.end, "value": doc.text[s.start:s.end]}
                      for s in doc.spans],
            "ignored_spans": [{"type": s.type, "start": s.start, "end": s.end} for s in doc.ignored]}


# ---- scoring ------------------------------------------------------------------------------------

def test_recall_counts_masked_characters_of_any_type_and_exact_type_separately():
    # Half the name masked; the company masked, but as a place; one word masked that is nobody.
    preds = {"call": [{"type": "PERSON", "start": 5, "end": 9}, {"type": "LOCATION", "start": 17, "end": 26},
                      {"type": "PERSON", "start": 27, "end": 32}]}
    result = score([CALL], preds)
    recall = {r.type: r for r in result.recall}
    assert (recall["PERSON"].masked.num, recall["PERSON"].masked.den) == (4, 8)
    assert (recall["ORGANIZATION"].masked.num, recall["ORGANIZATION"].exact.num) == (9, 0)
    assert (result.masked.num, result.masked.den) == (13, 17)
    assert (result.over_masked.num, result.over_masked.den) == (5, 16)
    assert (result.precision.num, result.precision.den) == (13, 18)


def test_precision_per_detected_type_is_by_characters():
    preds = {"call": [{"type": "PERSON", "start": 5, "end": 9}, {"type": "LOCATION", "start": 17, "end": 26},
                      {"type": "PERSON", "start": 27, "end": 32}]}
    precision = {p.type: p for p in score([CALL], preds).precision_by_type}
    assert precision["PERSON"].detections == 2
    assert (precision["PERSON"].in_gold.num, precision["PERSON"].in_gold.den) == (4, 9)
    assert (precision["LOCATION"].in_gold.value, precision["LOCATION"].exact.value) == (1.0, 0.0)


def test_overlapping_detections_count_each_character_once():
    preds = {"call": [{"type": "PERSON", "start": 5, "end": 13}, {"type": "PERSON", "start": 5, "end": 9},
                      {"type": "LOCATION", "start": 8, "end": 13}]}
    result = score([CALL], preds)
    assert (result.masked.num, result.precision.den) == (8, 8)


def test_a_street_address_found_as_location_is_type_exact():
    doc = LabelledDoc("a", "Lives at 12 Elm St.", (Span("STREET_ADDRESS", 9, 18),))
    result = score([doc], {"a": [{"type": "LOCATION", "start": 9, "end": 18}]})
    assert result.recall[0].exact.value == 1.0


def test_ignored_spans_give_neither_credit_nor_penalty():
    preds = {"product": [{"type": "ORGANIZATION", "start": 7, "end": 13}]}
    result = score([PRODUCT], preds)
    assert result.over_masked.num == 0
    assert result.over_masked.den == len(PRODUCT.text) - 3 - 6
    assert result.precision.den == 0 and result.precision.value is None
    assert result.masked.num == 0


def test_documents_without_predictions_count_as_nothing_masked():
    result = score([CALL, PRODUCT], {})
    assert result.masked.value == 0.0 and result.over_masked.value == 0.0
    assert result.precision_by_type == []


def test_objects_with_type_start_end_are_accepted_as_predictions():
    result = score([PRODUCT], {"product": [Span("PERSON", 18, 21)]})
    assert result.masked.value == 1.0


# ---- confidence interval ------------------------------------------------------------------------

def halves(n: int) -> tuple[list[LabelledDoc], dict]:
    """n one-name documents, every other one masked: masked share 0.5."""
    docs = [LabelledDoc(f"d{i}", "Bob was here.", (Span("PERSON", 0, 3),)) for i in range(n)]
    return docs, {f"d{i}": [Span("PERSON", 0, 3)] for i in range(0, n, 2)}


def test_confidence_interval_surrounds_the_estimate_and_narrows_with_more_documents():
    small = score(*halves(10))
    large = score(*halves(1000))
    for r in (small.masked, large.masked):
        assert 0.0 <= r.low <= r.value <= r.high <= 1.0
    assert small.masked.low < 0.35 and small.masked.high > 0.65
    assert large.masked.high - large.masked.low < 0.1


def test_confidence_interval_is_reproducible_and_degenerate_when_every_document_agrees():
    docs, preds = halves(40)
    assert score(docs, preds).masked.low == score(docs, preds).masked.low
    all_masked = {d.id: [Span("PERSON", 0, 3)] for d in docs}
    r = score(docs, all_masked).masked
    assert (r.low, r.value, r.high) == (1.0, 1.0, 1.0)


# ---- worst misses -------------------------------------------------------------------------------

def test_worst_misses_are_offsets_and_types_most_unmasked_first():
    preds = {"call": [{"type": "PERSON", "start": 5, "end": 9}]}
    result = score([CALL, PRODUCT], preds, worst=5)
    person = result.worst_misses["PERSON"]
    assert [(m.doc_id, m.start, m.end, m.unmasked) for m in person] == [("call", 5, 13, 4), ("product", 18, 21, 3)]
    assert result.worst_misses["ORGANIZATION"][0].unmasked == 9


def test_evaluation_report_holds_no_text_of_the_documents():
    result = score([CALL, PRODUCT], {})
    dumped = json.dumps(result.to_dict())
    for value in ("Jane", "Roe", "Acme", "Bob", "iPhone"):
        assert value not in dumped
    assert set(result.to_dict()["worst_misses"]["PERSON"][0]) == {"doc_id", "start", "end", "type", "unmasked"}


# ---- reading labelled files ---------------------------------------------------------------------

def test_labelled_file_round_trips(tmp_path):
    docs = load_labelled(write_jsonl(tmp_path / "g.jsonl", [gold_row(CALL), gold_row(PRODUCT)]))
    assert docs == [CALL, PRODUCT]


@pytest.mark.parametrize(("rows", "reason"), [
    ([gold_row(CALL), "{not json"], "line 2 is not valid JSON"),
    ([{"id": "x", "text": "short", "spans": [{"type": "PERSON", "start": 2, "end": 40}]}],
     "line 1: spans #1: offsets 2..40 out of range for a text of 5 characters"),
    ([{"id": "x", "text": "short", "spans": [{"type": "PERSON", "start": 3, "end": 3}]}], "out of range"),
    ([{"id": "x", "text": "short", "ignored_spans": [{"type": "PRODUCT", "start": "0", "end": 2}]}],
     "ignored_spans #1 needs integer 'start' and 'end'"),
    ([{"id": "x", "spans": []}], "line 1 has no string 'text'"),
    ([gold_row(CALL), gold_row(CALL)], "line 2: id 'call' appears twice"),
    (["[1, 2]"], "line 1 is not a JSON object"),
    ([""], "no labelled documents"),
])
def test_bad_labelled_files_are_named_with_line_and_reason(tmp_path, rows, reason):
    path = write_jsonl(tmp_path / "bad.jsonl", rows)
    with pytest.raises(LabelledFileError) as err:
        load_labelled(path)
    assert str(err.value).startswith(f"{path}: ") and reason in str(err.value)


def test_a_value_that_does_not_match_the_text_is_an_error_that_does_not_repeat_it(tmp_path):
    row = {"id": "x", "text": "Call Jane Roe.", "spans": [{"type": "PERSON", "start": 5, "end": 13,
                                                           "value": "Jane Doe"}]}
    with pytest.raises(LabelledFileError) as err:
        load_labelled(write_jsonl(tmp_path / "g.jsonl", [row]))
    assert "'value' is not the text at offsets 5..13" in str(err.value)
    assert "Jane" not in str(err.value)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(LabelledFileError, match="nope.jsonl: cannot read labelled file"):
        load_labelled(tmp_path / "nope.jsonl")


# ---- the command --------------------------------------------------------------------------------

@pytest.mark.parametrize(("rows", "reason"), [
    (None, "cannot read labelled file"),
    ([gold_row(CALL), "{not json"], "line 2 is not valid JSON"),
    ([{"id": "x", "text": "short", "spans": [{"type": "PERSON", "start": 2, "end": 40}]}], "out of range"),
])
def test_evaluate_command_rejects_bad_input_in_one_line(workspace, tmp_path, rows, reason):
    path = tmp_path / "bad.jsonl"
    if rows is not None:
        write_jsonl(path, rows)
    result = CliRunner().invoke(app, ["pii", "evaluate", "--labelled", str(path)])
    assert result.exit_code == 1
    message = result.output.replace("\n", "")  # the console wraps at its width, not the message
    assert message.startswith("error: ") and message.count("error:") == 1
    assert "bad.jsonl" in message and reason in message


NAMES = ("Margaret Holloway", "Hiroshi Tanaka", "Oakridge Logistics")


@pytest.fixture(scope="module")
def small_gold(tmp_path_factory):
    rows = []
    for i in range(6):
        text = (f"Ticket {i}: Margaret Holloway of Oakridge Logistics called about the invoice; "
                f"Hiroshi Tanaka will reply by Friday.")
        spans = [{"type": t, "start": text.index(v), "end": text.index(v) + len(v), "value": v}
                 for t, v in zip(("PERSON", "PERSON", "ORGANIZATION"), NAMES, strict=True)]
        rows.append({"id": f"t{i}", "text": text, "spans": spans, "ignored_spans": []})
    return write_jsonl(tmp_path_factory.mktemp("gold") / "small.jsonl", rows)


def test_evaluate_command_prints_figures_and_no_values(workspace, small_gold):
    result = CliRunner().invoke(app, ["pii", "evaluate", "--labelled", small_gold, "--language", "en"])
    assert result.exit_code == 0, result.output
    assert "gold PII masked" in result.output and "PERSON" in result.output and "ORGANIZATION" in result.output
    for name in NAMES:
        for word in name.split():
            assert word not in result.output


def test_evaluate_command_json_has_the_masked_share_with_its_interval(workspace, small_gold):
    result = CliRunner().invoke(app, ["pii", "evaluate", "--labelled", small_gold, "--language", "en", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    masked = figures["masked"]
    assert figures["documents"] == 6 and masked["den"] == 6 * sum(len(n) for n in NAMES)
    assert masked["ci95"][0] <= masked["value"] <= masked["ci95"][1]
    assert {r["type"] for r in figures["recall"]} == {"PERSON", "ORGANIZATION"}


def test_evaluate_command_names_a_language_the_policy_has_no_model_for(workspace, tmp_path):
    path = write_jsonl(tmp_path / "de.jsonl", [{**gold_row(CALL), "language": "de"}])
    result = CliRunner().invoke(app, ["pii", "evaluate", "--labelled", path])
    message = result.output.replace("\n", "")
    assert result.exit_code == 1 and "['de']" in message and "pii.models" in message
