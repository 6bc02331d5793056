"""A compliance reviewer's questions, answered from `curation audit show` alone."""

import json

import pytest
from conftest import make_workspace, workspace_env
from tests_helpers import TICKETS_EN
from typer.testing import CliRunner

from curation.ingest import pipeline
from curation.cli import app
from curation.policy import load_policy


def show(*args):
    result = CliRunner().invoke(app, ["audit", "show", *args, "--json"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    with workspace_env(make_workspace(tmp_path_factory.mktemp("show") / "ws")) as workspace:
        yield _train(workspace)


def _train(workspace):
    inbox = workspace.root / "inbox"
    (inbox / "tickets").mkdir(parents=True)
    (inbox / "tickets" / "SOURCE.yaml").write_text("license: MIT\n")
    (inbox / "tickets" / "t.jsonl").write_text("\n".join(json.dumps({"text": t}) for t in TICKETS_EN) + "\n")
    (inbox / "partner").mkdir()
    (inbox / "partner" / "SOURCE.yaml").write_text("license: CC-BY-NC-4.0\n")
    (inbox / "partner" / "brief.txt").write_text("A partner briefing about next year's joint roadmap.")
    policy = load_policy(workspace.default_policy)
    version = pipeline.ingest_and_build(workspace, inbox, "tickets", policy).build.version_id
    assert CliRunner().invoke(app, ["review", version, "--approve", "--reviewer", "Dana Steward",
                                    "--comment", "checked"]).exit_code == 0
    assert CliRunner().invoke(app, ["finetune", version]).exit_code == 0
    return version, policy, workspace


def test_who_approved_the_version_and_under_which_policy(trained):
    version, policy, _ = trained
    (approval,) = show("--dataset", version[:12], "--event", "review.")
    assert approval["actor"] == "Dana Steward" and approval["event"] == "review.approved"
    assert approval["policy_digest"] == policy.digest


def test_what_was_left_out_of_the_version_and_why(trained):
    version, _, _ = trained
    removed = show("--dataset", version, "--event", "document.quarantined")
    assert [(r["data"]["source"], r["data"]["reason"]) for r in removed] == [("partner", "license_noncommercial")]


def test_which_models_were_trained_on_it(trained):
    version, _, _ = trained
    (finished,) = show("--dataset", version, "--event", "training.finished")
    assert finished["data"]["version_id"] == version and finished["data"]["output_files_sha256"]


def test_filter_by_source(trained):
    records = show("--source", "partner")
    assert records and all(r["data"].get("source") == "partner" for r in records)


def test_compliance_report_has_every_required_section_and_no_raw_pii(trained):
    version, _, workspace = trained
    out = workspace.root / "report.html"
    result = CliRunner().invoke(app, ["report", version, "--compliance", "--out", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    md = out.with_suffix(".md").read_text(encoding="utf-8")
    for heading in ("Motivation", "Composition", "Collection process", "Preprocessing", "Uses", "Distribution",
                    "Maintenance", "EU AI Act Art. 10(2)", "(b) origin and original purpose", "(f) bias examination",
                    "(h) data gaps", "APPI", "仮名加工情報", "Review record"):
        assert heading in md and heading in html
    assert "Dana Steward" in md and "covering checkpoint" in md and "seq " in md
    assert "<script" not in html and "http" not in html  # self-contained
    assert "Alice Whitfield" not in md + html  # a name planted in the tickets


def test_training_run_emits_lineage_from_version_to_model(trained):
    version, _, workspace = trained
    events = [json.loads(line) for line in (workspace.audit_dir / "lineage.jsonl").read_text().splitlines()]
    (done,) = [e for e in events if e["job"]["name"] == "finetune" and e["eventType"] == "COMPLETE"]
    assert done["inputs"][0]["facets"]["version"]["datasetVersion"] == version
    assert done["outputs"][0]["name"].startswith("model:")


def test_a_file_named_after_a_person_leaves_only_its_hash_in_the_log(workspace):
    inbox = workspace.root / "inbox"
    (inbox / "hr").mkdir(parents=True)
    (inbox / "hr" / "SOURCE.yaml").write_text("license: LicenseRef-Internal\n")
    (inbox / "hr" / "cv_Margaret_Holloway.txt").write_text("Ten years of logistics planning and fleet routing.")
    (inbox / "hr" / "Margaret_Holloway_scan.pdf").write_bytes(b"%PDF-1.4\x00\x01\x02")  # quarantined, no doc_id
    pipeline.ingest_and_build(workspace, inbox, "hr", load_policy(workspace.default_policy))
    log = (workspace.root / "audit_logs" / "audit.jsonl").read_text(encoding="utf-8")
    assert "Holloway" not in log and "Margaret" not in log
    accepted = show("--path", "hr/cv_Margaret_Holloway.txt")
    assert [r["event"] for r in accepted] == ["document.accepted"]
    quarantined = show("--path", "hr/Margaret_Holloway_scan.pdf")
    assert [(r["event"], r["data"]["reason"]) for r in quarantined] == [("document.quarantined", "unreadable_pdf")]
    assert quarantined[0]["subject"].startswith("file:")


def test_the_table_fits_80_columns_with_time_event_subject_digest_and_run_id_uncut(tmp_path):
    """Issue 21: readable at 80 columns; long values wrap onto the next line, none is cut."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from curation.audit.context import AuditContext
    from curation.workspace import Workspace

    root = make_workspace(tmp_path / "ws")
    env = {**os.environ, "CURATION_HOME": str(root), "CURATION_KEY_DIR": str(tmp_path / "keys"), "COLUMNS": "80"}
    version = "3f2a9c1e" * 8  # subjects are as long as a version id
    run_id = "0b9e1234-5678-4abc-8ef0-123456789abc"
    digest = "ab12cd34ef56" + "0" * 52
    with workspace_env(root):
        AuditContext("Dana Longname-Steward", run_id, digest).record(
            Workspace(root).audit(), "review.approved", version, {"decision": "approved after reading the report"})
    out = subprocess.run([str(Path(sys.executable).with_name("curation")), "audit", "show"], env=env, capture_output=True,
                         text=True, timeout=120, check=False)
    assert out.returncode == 0, out.stdout + out.stderr
    out = out.stdout
    lines = out.splitlines()
    assert max(map(len, lines)) <= 80, out
    assert "…" not in out and "..." not in out, out
    text = "".join(line.strip() for line in lines)
    row = [line.split() for line in lines]
    cells = [c for r in row for c in r]
    assert "review.approved" in cells and "ab12cd34ef56" in cells  # event; the digest's short form
    assert any(c.startswith("20") and len(c) == 10 for c in cells)  # the date, and the time beneath
    assert run_id[:19] in cells and run_id[19:] in cells  # the run id, on two lines
    folded = "".join(c for c in cells if set(c) <= set("3f2a9c1e"))  # the subject folded over lines
    assert version in folded and "approved after reading the report" in " ".join(" ".join(r) for r in row)
    assert "Dana" in text
