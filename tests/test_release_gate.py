"""The PII release gate: a version built under `pii.release_gate` carries the analyzer's score on
the company's labelled documents (card, audit record, catalog) and cannot be approved below it."""

from __future__ import annotations

import json

import pytest
import yaml

from curation.datasets import versions
from curation.ingest import pipeline
from curation.policy import PolicyError, load_policy
from tests_helpers import TICKETS_EN

# Labelled the way a company labels its own documents: an e-mail address and a phone number the
# analyzer finds reliably, and one "person" that is an ordinary word no analyzer would mask.
EMAIL_DOC = "Please write to dana.whitfield@example.com before Friday."
PHONE_DOC = "Call the desk on +1 415 555 0173 if the portal is down."
WORD_DOC = "The blue folder is on the shelf."


def labelled_file(path, *, word_as_person: bool) -> str:
    def row(doc_id: str, text: str, entity: str, value: str) -> dict:
        start = text.index(value)
        return {"id": doc_id, "text": text,
                "spans": [{"type": entity, "start": start, "end": start + len(value), "value": value}]}

    rows = [row("e1", EMAIL_DOC, "EMAIL_ADDRESS", "dana.whitfield@example.com"),
            row("p1", PHONE_DOC, "PHONE_NUMBER", "+1 415 555 0173")]
    if word_as_person:
        rows.append(row("w1", WORD_DOC, "PERSON", "blue"))
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path.name


def gated_policy(workspace, gate: dict):
    path = workspace.root / "policies" / "default.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["pii"]["release_gate"] = gate
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return load_policy(path)


def build(workspace, policy):
    src = workspace.root / "inbox" / "tickets"
    src.mkdir(parents=True, exist_ok=True)
    (src / "SOURCE.yaml").write_text("license: Apache-2.0\nlanguage: en\n")
    (src / "t.jsonl").write_text("\n".join(json.dumps({"text": t}) for t in TICKETS_EN[:6]) + "\n")
    return pipeline.ingest_and_build(workspace, workspace.root / "inbox", "tickets", policy).build


def test_a_version_below_the_gate_records_why_and_cannot_be_approved(workspace):
    name = labelled_file(workspace.root / "policies" / "labelled.jsonl", word_as_person=True)
    policy = gated_policy(workspace, {"labelled": name, "min_masked": 0.5, "min_recall": {"PERSON": 0.9}})
    build_result = build(workspace, policy)
    catalog = workspace.catalog()
    gate = catalog.version(build_result.version_id)["release_gate"]
    assert gate["passed"] is False and gate["n_documents"] == 3
    assert gate["recall"]["PERSON"] == 0.0 and gate["recall"]["EMAIL_ADDRESS"] == 1.0
    assert gate["failures"] == ["PERSON recall 0.0000 < 0.9000"]
    card = (build_result.path / "README.md").read_text(encoding="utf-8")
    assert "## PII release gate" in card and "This version cannot be approved: PERSON recall" in card
    with pytest.raises(versions.VersionError, match="below the policy's PII release gate"):
        versions.decide(catalog, workspace.audit(), build_result.version_id, "approve", "Dana", "looks fine")
    assert catalog.version(build_result.version_id)["status"] == "pending_review"
    rejected = versions.decide(catalog, workspace.audit(), build_result.version_id, "reject", "Dana", "gate")
    assert rejected["status"] == "rejected"


def test_a_version_that_meets_the_gate_is_approved_and_its_audit_record_carries_the_figures(workspace):
    name = labelled_file(workspace.root / "policies" / "labelled.jsonl", word_as_person=False)
    policy = gated_policy(workspace, {"labelled": name, "min_masked": 0.95,
                                      "min_recall": {"EMAIL_ADDRESS": 1.0, "PHONE_NUMBER": 0.9}})
    build_result = build(workspace, policy)
    approved = versions.decide(workspace.catalog(), workspace.audit(), build_result.version_id, "approve", "Dana", "ok")
    assert approved["status"] == "approved"
    created = [r for r in workspace.audit().records() if r["event"] == "version.created"][-1]
    gate = created["data"]["release_gate"]
    assert gate["passed"] is True and gate["masked"] == 1.0 and gate["failures"] == []
    log = (workspace.audit_dir / "audit.jsonl").read_text(encoding="utf-8")
    assert "dana.whitfield" not in log and "555 0173" not in log  # figures and hashes, never values


def test_the_labelled_file_is_part_of_the_policy_digest(workspace):
    path = workspace.root / "policies" / "labelled.jsonl"
    name = labelled_file(path, word_as_person=False)
    before = gated_policy(workspace, {"labelled": name, "min_masked": 0.9}).digest
    labelled_file(path, word_as_person=True)
    after = load_policy(workspace.root / "policies" / "default.yaml").digest
    assert before != after


def test_a_gate_naming_a_missing_file_is_a_policy_error(workspace):
    with pytest.raises(PolicyError, match=r"pii.release_gate.labelled': .*nope.jsonl not found"):
        gated_policy(workspace, {"labelled": "nope.jsonl", "min_masked": 0.9})


def test_a_minimum_recall_outside_0_1_is_a_policy_error(workspace):
    name = labelled_file(workspace.root / "policies" / "labelled.jsonl", word_as_person=False)
    with pytest.raises(PolicyError, match="between 0 and 1"):
        gated_policy(workspace, {"labelled": name, "min_masked": 0.9, "min_recall": {"PERSON": 90}})
