"""The whole path on the bundled samples, through the real CLI and real components."""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from conftest import ROOT, SAMPLES, make_workspace, workspace_env
from tests_helpers import all_text_under
from typer.testing import CliRunner

from curation.cli import app
from curation.sources.paths import stored_path

pytestmark = pytest.mark.e2e
PLANTED = json.loads((ROOT / "data" / "samples_planted.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    root = make_workspace(tmp_path_factory.mktemp("demo") / "ws")
    old_umask = os.umask(0o022)  # what a shell usually gives: the state must still be owner-only
    try:
        with workspace_env(root):
            result = CliRunner().invoke(app, ["demo", "--inbox", str(SAMPLES)], env={"COLUMNS": "200"})
    finally:
        os.umask(old_umask)
    with workspace_env(root):
        yield root, result


def items(root: Path) -> list[dict]:
    with duckdb.connect(str(root / "data" / "catalog.duckdb"), read_only=True) as con:
        cur = con.execute("SELECT path, record, outcome, reason FROM ingest_items")
        return [dict(zip(("path", "record", "outcome", "reason"), row, strict=False)) for row in cur.fetchall()]


def test_demo_succeeds_and_prints_every_part_of_the_summary(demo_run):
    _, result = demo_run
    assert result.exit_code == 0, result.output
    for part in ("Documents: read", "quarantined", "PII replaced", "Licenses", "Expectations:",
                 "Dataset version", "Review decision: approved", "eval loss before", "audit verify: intact"):
        assert part in result.output


def test_non_commercial_source_is_quarantined(demo_run):
    nc = [i for i in items(demo_run[0]) if i["path"].startswith("partner_nc/")]
    assert len(nc) == 3 and all(i["outcome"] == "quarantined" and i["reason"].startswith("license_") for i in nc)


def test_unlicensed_source_is_quarantined_as_missing_license(demo_run):
    unknown = [i for i in items(demo_run[0]) if i["path"].startswith("scraped_unknown/")]
    assert unknown and all(i["reason"] == "license_missing" for i in unknown)


def test_share_alike_source_is_held_for_review_not_in_version(demo_run):
    root, _ = demo_run
    held = [i for i in items(root) if i["path"].startswith("forum_sharealike/")]
    assert held and all(i["outcome"] == "license_review" for i in held)
    (version,) = (root / "data" / "datasets" / "demo").iterdir()
    sources = set(pq.read_table(version / "part-00000.parquet").column("source").to_pylist())
    assert "forum_sharealike" not in sources and "partner_nc" not in sources


def test_malformed_line_binary_and_duplicate_are_each_handled_with_a_reason(demo_run):
    by_reason = {(i["reason"], i["path"]) for i in items(demo_run[0])}
    assert ("malformed_json", stored_path("support_tickets_en/tickets.jsonl")) in by_reason
    assert ("unreadable_pdf", stored_path("meeting_notes_en/scan_0001.pdf")) in by_reason
    assert any(reason == "duplicate_doc_id" for reason, _ in by_reason)


SHARED_DRIVE = {  # the formats of data/samples/shared_drive_{en,ja} (scripts/make_samples.py)
    "shared_drive_en": {".pdf", ".png", ".docx", ".xlsx", ".pptx", ".eml", ".zip", ".txt"},
    "shared_drive_ja": {".pdf", ".png", ".docx", ".xlsx", ".pptx", ".eml", ".txt"},
}


def test_every_format_of_a_shared_drive_reaches_documents_with_its_place(demo_run):
    """PDF (text and scanned), images, Office files, e-mail, ZIP and legacy encodings are read,
    each document with its provenance; only the archive's unsupported member is quarantined."""
    with duckdb.connect(str(demo_run[0] / "data" / "catalog.duckdb"), read_only=True) as con:
        rows = con.execute("SELECT path, provenance, outcome, reason FROM ingest_items "
                           "WHERE path LIKE 'shared_drive_%'").fetchall()
    for source, formats in SHARED_DRIVE.items():
        accepted = {Path(p).suffix for p, _, outcome, _ in rows if p.startswith(source + "/") and outcome == "accepted"}
        assert accepted == formats, source
    places = {where for _, where, _, _ in rows}
    assert {"page 1", "page 1 (OCR)", "image (OCR)", "sheet 2", "slide 2 and notes", "attachment 1 (.txt)",
            "member 2 (.txt)", "decoded from utf_16_le, byte order mark"} <= places
    assert any(where and where.startswith("decoded from cp932, confidence") for where in places)
    assert [(where, reason) for _, where, outcome, reason in rows if outcome == "quarantined"] == \
        [("member 3", "unsupported_format")]


def test_every_input_item_has_exactly_one_outcome(demo_run):
    rows = items(demo_run[0])
    keys = [(i["path"], i["record"]) for i in rows]
    assert len(keys) == len(set(keys))
    jsonl = [i for i in rows if i["path"] == stored_path("support_tickets_en/tickets.jsonl")]
    assert len(jsonl) == len((SAMPLES / "support_tickets_en" / "tickets.jsonl").read_text().splitlines())


def test_no_planted_email_or_name_leaks_into_data_or_audit_logs(demo_run):
    root, result = demo_run
    assert result.exit_code == 0
    haystack = all_text_under(root / "data") + all_text_under(root / "audit_logs")
    leaked = [v for v in PLANTED["emails"] + PLANTED["person_names"] + PLANTED["phones"] if v in haystack]
    assert leaked == []


def test_audit_log_of_the_demo_verifies_and_an_edit_is_detected(demo_run):
    root, _ = demo_run
    log = root / "audit_logs" / "audit.jsonl"
    ok = CliRunner().invoke(app, ["audit", "verify", "--log-dir", str(root / "audit_logs")])
    assert ok.exit_code == 0, ok.output
    lines = log.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[5] = lines[5].replace('"source":"', '"source":"x', 1)
    tampered = root / "tampered"
    tampered.mkdir()
    (tampered / "audit.jsonl").write_text("".join(lines), encoding="utf-8")
    bad = CliRunner().invoke(app, ["audit", "verify", "--log-dir", str(tampered)])
    assert bad.exit_code == 1 and "seq 5" in bad.output


def test_model_card_names_dataset_version_and_base_model_hash(demo_run):
    root, _ = demo_run
    (version,) = (root / "data" / "datasets" / "demo").iterdir()
    (model,) = (root / "data" / "models").iterdir()
    card = (model / "README.md").read_text(encoding="utf-8")
    assert version.name in card and "tiny-from-config" in card
    manifest = json.loads((version / "manifest.json").read_text())
    assert manifest["version_id"] == version.name and manifest["n_rows"] > 30


def test_everything_the_demo_wrote_is_owner_only(demo_run):
    """Catalog, audit log, versions, the model and reports: 0600 files in 0700 folders, although
    the demo ran under umask 022."""
    from curation.permissions import exposed
    from curation.workspace import Workspace

    root, result = demo_run
    assert result.exit_code == 0
    ws = Workspace(root)
    assert (root / "data" / "models").exists() and exposed(ws.private_paths()) == []
