import json

import pytest
from tests_helpers import TICKETS_EN
from typer.testing import CliRunner

from curation.audit.log import verify
from curation.cli import app
from curation.ingest import pipeline
from curation.policy import load_policy
from curation.stewardship.retraction import retract
from curation.training.handoff import NotApproved, approved_documents


@pytest.fixture
def approved(workspace):
    src = workspace.root / "inbox" / "tickets"
    src.mkdir(parents=True)
    (src / "SOURCE.yaml").write_text("license: MIT\n")
    (src / "t.jsonl").write_text("\n".join(json.dumps({"text": t}) for t in TICKETS_EN[:8]) + "\n")
    other = workspace.root / "inbox" / "faq"
    other.mkdir()
    (other / "SOURCE.yaml").write_text("license: CC0-1.0\n")
    (other / "a.txt").write_text("Answers to the frequently asked questions about exporting reports.")
    built = pipeline.ingest_and_build(workspace, workspace.root / "inbox", "tickets",
                                      load_policy(workspace.default_policy)).build
    CliRunner().invoke(app, ["review", built.version_id, "--approve", "--reviewer", "Dana", "--comment", "ok"])
    return built


def test_retracting_a_source_revokes_versions_and_erases_text(workspace, approved):
    result = CliRunner().invoke(app, ["retract", "--source", "faq", "--reason", "Contract ended on 2026-11-01",
                                      "--reviewer", "Legal"])
    assert result.exit_code == 0, result.output
    catalog = workspace.catalog()
    assert catalog.version(approved.version_id)["status"] == "revoked"
    with pytest.raises(NotApproved, match="revoked"):
        approved_documents(catalog, approved.version_id)
    assert not list(approved.path.glob("part-*.parquet")) and (approved.path / "manifest.json").exists()
    frame = catalog.feature_frame("tickets")
    assert len(frame) == approved.n_rows - 1
    (record,) = [r for r in workspace.audit().records() if r["event"] == "retraction"]
    assert approved.version_id in record["data"]["versions_revoked"]
    assert "Contract ended" not in json.dumps(record)
    assert verify(workspace.audit_dir).ok


def test_retracted_text_is_not_reingested_and_next_version_excludes_it(workspace, approved):
    CliRunner().invoke(app, ["retract", "--source", "faq", "--reason", "withdrawn", "--reviewer", "Legal"])
    (workspace.root / "inbox" / "faq" / "copy.txt").write_text(
        "Answers to the frequently asked questions about exporting reports.")
    again = pipeline.ingest_and_build(workspace, workspace.root / "inbox", "tickets",
                                      load_policy(workspace.default_policy))
    assert again.summary.outcomes == {"duplicate": 1}
    assert again.build.n_rows == approved.n_rows - 1 and again.build.version_id != approved.version_id


def test_the_retraction_record_names_the_reviewer_and_the_flow_run(workspace, approved):
    """What the retract flow passes (its run id) lands in the record, beside the reviewer."""
    retract(workspace.catalog(), workspace.audit(), reason="withdrawn", reviewer="Legal", source="faq",
            flow_run_id="0a1b2c3d-run")
    (record,) = [r for r in workspace.audit().records() if r["event"] == "retraction"]
    assert (record["actor"], record["flow_run_id"]) == ("Legal", "0a1b2c3d-run")


def test_retract_needs_exactly_one_target(workspace):
    result = CliRunner().invoke(app, ["retract", "--reason", "x", "--reviewer", "y"])
    assert result.exit_code == 1 and "exactly one" in result.output
