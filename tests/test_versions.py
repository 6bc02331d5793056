"""Dataset versions: the review gate, hash pinning, idempotent rebuilds and blocking checks."""

from __future__ import annotations

import json

import pytest
from tests_helpers import TICKETS_EN
from typer.testing import CliRunner

from curation.cli import app
from curation.datasets import versions
from curation.ingest import pipeline
from curation.policy import load_policy
from curation.training.handoff import NotApproved, approved_documents

TICKETS = TICKETS_EN[:6]


@pytest.fixture
def inbox(workspace):
    src = workspace.root / "inbox" / "tickets"
    src.mkdir(parents=True)
    (src / "SOURCE.yaml").write_text("license: Apache-2.0\nowner: Support\npurpose: tickets\nlanguage: en\n")
    (src / "t.jsonl").write_text("\n".join(json.dumps({"text": t}) for t in TICKETS) + "\n")
    return workspace.root / "inbox"


def build(workspace, inbox, policy_path=None):
    policy = load_policy(policy_path or workspace.default_policy)
    return pipeline.ingest_and_build(workspace, inbox, "tickets", policy)


def test_new_version_is_pending_and_refused_for_training(workspace, inbox):
    result = build(workspace, inbox)
    assert result.build.status == "pending_review"
    with pytest.raises(NotApproved, match="pending_review, not approved"):
        approved_documents(workspace.catalog(), result.build.version_id)
    cli = CliRunner().invoke(app, ["finetune", result.build.version_id[:12]])
    assert cli.exit_code == 1 and "not approved" in cli.output


def test_rejected_version_cannot_be_approved_later(workspace, inbox):
    vid = build(workspace, inbox).build.version_id
    versions.decide(workspace.catalog(), workspace.audit(), vid, "reject", "Dana", "too few documents")
    with pytest.raises(versions.VersionError, match="rejected"):
        versions.decide(workspace.catalog(), workspace.audit(), vid, "approve", "Dana", "changed my mind")


def test_altered_shard_is_refused_even_when_approved(workspace, inbox):
    vid = build(workspace, inbox).build.version_id
    result = CliRunner().invoke(app, ["review", vid, "--approve", "--reviewer", "Dana", "--comment", "ok"])
    assert result.exit_code == 0, result.output
    shard = next((workspace.datasets / "tickets" / vid).glob("part-*.parquet"))
    data = bytearray(shard.read_bytes())
    data[len(data) // 2] ^= 0xFF
    shard.write_bytes(bytes(data))
    with pytest.raises(versions.VersionError, match="altered"):
        approved_documents(workspace.catalog(), vid)


def test_rerun_is_idempotent_and_gives_the_same_version(workspace, inbox):
    first = build(workspace, inbox)
    second = build(workspace, inbox)
    assert second.summary.files_unchanged == second.summary.files_seen == 1
    assert sum(second.summary.outcomes.values()) == 0
    assert second.build.version_id == first.build.version_id and not second.build.created
    assert len(workspace.catalog().versions()) == 1


def test_copied_file_counts_as_duplicate_not_reprocessed(workspace, inbox):
    build(workspace, inbox)
    (inbox / "tickets" / "copy.jsonl").write_bytes((inbox / "tickets" / "t.jsonl").read_bytes())
    again = build(workspace, inbox)
    assert again.summary.outcomes == {"duplicate": len(TICKETS)}


def test_failing_critical_expectation_blocks_the_version(workspace, inbox):
    # Toxicity above its bound is critical: one abusive ticket in six is far above 1 %.
    (inbox / "tickets" / "rant.txt").write_text("You are an idiot and this product is worthless, I will hurt you.")
    result = build(workspace, inbox)
    assert result.build.status == "blocked" and result.build.version_id is None
    failed = [o for o in result.build.outcomes if not o.success and o.severity == "critical"]
    assert failed and all(o.unexpected_doc_ids for o in failed)
    assert workspace.catalog().versions() == []


def test_document_with_an_identifier_left_after_anonymization_is_quarantined(workspace, inbox):
    # A policy that keeps e-mail addresses leaves them in the text: the residual re-scan catches it.
    text = workspace.default_policy.read_text().replace(
        "  operators:\n", "  operators:\n    EMAIL_ADDRESS: {type: keep}\n")
    leaky = workspace.default_policy.with_name("leaky.yaml")
    leaky.write_text(text)
    (inbox / "tickets" / "mail.txt").write_text("Please forward the invoice to ops.lead@example.com today.")
    result = build(workspace, inbox, leaky)
    assert result.summary.reasons["residual_pii"] == 1
    assert "ops.lead@example.com" not in workspace.catalog_path.read_bytes().decode("utf-8", "ignore")


def test_steward_allowing_a_review_source_adds_it_to_the_next_version(workspace, inbox):
    sa = inbox / "forum"
    sa.mkdir()
    (sa / "SOURCE.yaml").write_text("license: CC-BY-SA-4.0\n")
    (sa / "post.txt").write_text("A forum answer explaining how to configure the export scheduler.")
    before = build(workspace, inbox).build
    assert before.held_for_review and before.held_for_review[0]["source"] == "forum"
    ok = CliRunner().invoke(app, ["sources", "allow", "forum", "--reviewer", "Dana", "--comment", "SA ok for internal"])
    assert ok.exit_code == 0, ok.output
    after = build(workspace, inbox).build
    assert after.n_rows == before.n_rows + 1 and after.version_id != before.version_id


def test_ingest_reports_each_stage_with_counts_that_end_at_the_summary(workspace, inbox):
    seen = []
    result = pipeline.ingest_and_build(workspace, inbox, "tickets", load_policy(workspace.default_policy),
                                       progress=seen.append)
    stages = [p.stage for p in seen]
    assert stages[0] == "reading" and stages[-1] == "done"
    assert stages.index("anonymizing") < stages.index("committing") < stages.index("checks and version")
    assert seen[-1].outcomes == result.summary.outcomes and seen[-1].percent == 100.0
    assert [p.files_done for p in seen] == sorted(p.files_done for p in seen)  # never goes back
    assert all(str(inbox) not in p.line() for p in seen)  # counts and stages, no paths


def test_only_the_policys_stewards_may_decide_when_it_names_them(workspace, inbox):
    vid = build(workspace, inbox).build.version_id
    path = workspace.default_policy
    path.write_text(path.read_text(encoding="utf-8").replace("  stewards: []", "  stewards: [Dana Ito, Ken Mori]"),
                    encoding="utf-8")
    assert load_policy(path).review.stewards == ["Dana Ito", "Ken Mori"]
    refused = CliRunner().invoke(app, ["review", vid, "--approve", "--reviewer", "Mallory", "--comment", "ok"])
    assert refused.exit_code == 1 and "'Mallory' is not one of the policy's stewards" in refused.output
    assert workspace.catalog().version(vid)["status"] == "pending_review"
    allowed = CliRunner().invoke(app, ["review", vid, "--approve", "--reviewer", "Ken Mori", "--comment", "ok"])
    assert allowed.exit_code == 0, allowed.output
    assert workspace.catalog().version(vid)["status"] == "approved"


def test_a_declared_canary_is_recorded_by_hash_and_pinned_under_the_version_id(workspace, inbox):
    from curation.training.privacy_probe import canary_sha256

    canary = "violet-harbor-9137"
    before = build(workspace, inbox).build
    yaml = inbox / "tickets" / "SOURCE.yaml"
    yaml.write_text(yaml.read_text() + f"canaries: [{canary}]\n")
    after = build(workspace, inbox).build  # no new file: the canary alone makes a new version
    build(workspace, inbox)  # recorded once
    pinned = [{"sha256": canary_sha256(canary), "n_chars": len(canary), "source": "tickets"}]
    assert workspace.catalog().canaries() == pinned
    assert after.version_id != before.version_id
    manifest = versions.verify_version(after.path)  # the pinned list is under the version id
    assert manifest["canaries"] == pinned and versions.read_manifest(before.path)["canaries"] == []
    audit = "".join(p.read_text(encoding="utf-8") for p in workspace.audit_dir.rglob("*") if p.is_file())
    assert canary not in (after.path / "manifest.json").read_text() + audit
    assert canary not in json.dumps(workspace.catalog().versions(), default=str)


def test_build_version_records_under_the_callers_audit_context(workspace, inbox):
    from curation.audit.context import AuditContext

    policy = load_policy(workspace.default_policy)
    pipeline.ingest_and_build(workspace, inbox, "tickets", policy, actor="Dana", flow_run_id="flow-1")
    versions.build_version(workspace.catalog(), "tickets", policy, workspace.datasets, workspace.audit(),
                           context=AuditContext("Ken", "flow-2", "another digest"))
    checks = [r for r in workspace.audit().records() if r["event"] == "checks.run"]
    assert [(r["actor"], r["flow_run_id"]) for r in checks] == [("Dana", "flow-1"), ("Ken", "flow-2")]
    assert {r["policy_digest"] for r in checks} == {policy.digest}  # the build's own policy
