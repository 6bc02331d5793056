"""The residual re-scan inside ingest: a document whose anonymized text still holds a
high-confidence identifier is quarantined with the reason, and the value is written nowhere."""

from __future__ import annotations

import json

from tests_helpers import TICKETS_EN

from curation.ingest import pipeline
from curation.policy import load_policy

ADDRESS = "ops.lead@example.com"


def test_document_with_an_identifier_left_is_quarantined_with_types_and_counts(workspace):
    inbox = workspace.root / "inbox" / "tickets"
    inbox.mkdir(parents=True)
    (inbox / "SOURCE.yaml").write_text("license: Apache-2.0\nowner: Support\npurpose: tickets\nlanguage: en\n")
    (inbox / "t.jsonl").write_text("\n".join(json.dumps({"text": t}) for t in TICKETS_EN[:4]) + "\n")
    (inbox / "mail.txt").write_text(f"Please forward the invoice to {ADDRESS} today.")
    # A policy that keeps e-mail addresses: the anonymizer leaves them, the re-scan must not.
    leaky = workspace.default_policy.with_name("leaky.yaml")
    leaky.write_text(workspace.default_policy.read_text().replace(
        "  operators:\n", "  operators:\n    EMAIL_ADDRESS: {type: keep}\n"))

    result = pipeline.ingest_and_build(workspace, workspace.root / "inbox", "tickets", load_policy(leaky))

    assert result.summary.outcomes["quarantined"] == 1 and result.summary.reasons == {"residual_pii": 1}
    items = workspace.catalog().run_items(result.summary.run_id)
    (item,) = [i for i in items if i["outcome"] == "quarantined"]
    assert item["reason"] == "residual_pii" and item["path"].endswith(".txt") and "mail" not in item["path"]
    assert "EMAIL_ADDRESS x1" in item["message"] and ADDRESS not in item["message"]
    # The other documents still make a version; the leaking one is not in it, nor anywhere on disk.
    assert result.build.version_id and result.build.n_rows == 4
    for path in [*workspace.root.rglob("*.parquet"), *workspace.root.rglob("*.jsonl"),
                 *workspace.root.rglob("*.duckdb"), *workspace.root.rglob("*.md")]:
        if "inbox" not in path.parts:
            assert ADDRESS.encode() not in path.read_bytes(), path


def test_a_copy_of_a_text_quarantined_for_residual_pii_is_quarantined_too_not_a_duplicate(workspace):
    # Only a kept document claims its text: a later copy of a refused one is judged on its own, as
    # a rerun after a crash between the two copies would judge it.
    inbox = workspace.root / "inbox" / "tickets"
    inbox.mkdir(parents=True)
    (inbox / "SOURCE.yaml").write_text("license: Apache-2.0\nowner: Support\npurpose: tickets\nlanguage: en\n")
    (inbox / "t.jsonl").write_text("\n".join(json.dumps({"text": t}) for t in TICKETS_EN[:4]) + "\n")
    for name in ("mail.txt", "mail-copy.txt"):
        (inbox / name).write_text(f"Please forward the invoice to {ADDRESS} today.")
    leaky = workspace.default_policy.with_name("leaky.yaml")
    leaky.write_text(workspace.default_policy.read_text().replace(
        "  operators:\n", "  operators:\n    EMAIL_ADDRESS: {type: keep}\n"))

    result = pipeline.ingest_and_build(workspace, workspace.root / "inbox", "tickets", load_policy(leaky))

    assert result.summary.reasons == {"residual_pii": 2}
    assert result.summary.outcomes.get("duplicate", 0) == 0 and result.summary.outcomes["accepted"] == 4
