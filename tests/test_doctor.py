import json

import duckdb
import pytest
from typer.testing import CliRunner

from curation.ingest import pipeline
from curation.cli import app
from curation.policy import load_policy
from curation.sources.paths import stored_path

from tests_helpers import TICKETS_EN


@pytest.fixture
def ingested(workspace):
    src = workspace.root / "data" / "inbox" / "tickets"
    src.mkdir(parents=True)
    (src / "SOURCE.yaml").write_text("license: MIT\n")
    (src / "t.jsonl").write_text("\n".join(json.dumps({"text": t}) for t in TICKETS_EN[:6]) + "\n{broken\n")
    build = pipeline.ingest_and_build(workspace, workspace.inbox, "tickets", load_policy(workspace.default_policy)).build
    return workspace, build


def test_doctor_is_healthy_after_a_normal_run(ingested):
    result = CliRunner().invoke(app, ["doctor"])
    assert result.exit_code == 0 and "healthy" in result.output, result.output


def test_doctor_names_a_lost_item(ingested):
    workspace, _ = ingested
    with duckdb.connect(str(workspace.catalog_path)) as con:
        con.execute("DELETE FROM ingest_items WHERE outcome = 'quarantined'")
    result = CliRunner().invoke(app, ["doctor"], env={"COLUMNS": "300"})
    assert result.exit_code == 1 and stored_path("tickets/t.jsonl") in result.output
    assert "7 read, 6 recorded" in result.output


def test_doctor_lists_inbox_files_not_yet_ingested(ingested):
    workspace, _ = ingested
    (workspace.inbox / "tickets" / "new.txt").write_text("A new note that arrived after the last run.")
    result = CliRunner().invoke(app, ["doctor"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert f"1 inbox file(s) not ingested yet: {stored_path('tickets/new.txt')}" in result.output


def test_datasets_verify_catches_an_altered_shard(ingested):
    _, build = ingested
    assert CliRunner().invoke(app, ["datasets", "verify"]).exit_code == 0
    shard = next(build.path.glob("part-*.parquet"))
    shard.write_bytes(shard.read_bytes()[:-10] + b"0123456789")
    result = CliRunner().invoke(app, ["datasets", "verify"])
    assert result.exit_code == 1 and "altered" in result.output
    report = CliRunner().invoke(app, ["report", build.version_id])
    assert report.exit_code == 1 and "altered" in report.output
