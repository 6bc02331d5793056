import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from curation.ingest import pipeline
from curation.policy import load_policy


def make_notes_inbox(workspace):
    src = workspace.root / "inbox" / "notes"
    src.mkdir(parents=True)
    (src / "SOURCE.yaml").write_text("license: MIT\n")
    (src / "a.txt").write_text("Notes from the planning meeting about the export scheduler and its retries.")


@pytest.fixture
def endpoint():
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}", received
    server.shutdown()


def test_ingest_emits_openlineage_events_with_the_version_facet(workspace, endpoint, monkeypatch):
    url, received = endpoint
    monkeypatch.setenv("OPENLINEAGE_URL", url)
    make_notes_inbox(workspace)
    build = pipeline.ingest_and_build(workspace, workspace.root / "inbox", "notes",
                                      load_policy(workspace.default_policy)).build
    events = [json.loads(line) for line in (workspace.audit_dir / "lineage.jsonl").read_text().splitlines()]
    assert [(e["job"]["name"], e["eventType"]) for e in events] == [
        ("ingest", "START"), ("ingest", "COMPLETE"), ("build_version", "START"), ("build_version", "COMPLETE")]
    (output,) = events[-1]["outputs"]
    assert output["name"] == "dataset:notes"
    assert output["facets"]["version"]["datasetVersion"] == build.version_id
    assert len(received) == 4 and received[-1]["run"]["runId"] == events[-1]["run"]["runId"]


def test_a_dead_lineage_endpoint_does_not_stop_the_run(workspace, monkeypatch):
    monkeypatch.setenv("OPENLINEAGE_URL", "http://127.0.0.1:9")  # nothing listens on the discard port
    make_notes_inbox(workspace)
    result = pipeline.ingest_and_build(workspace, workspace.root / "inbox", "notes", load_policy(workspace.default_policy))
    assert result.build.status == "pending_review"


def test_review_emits_a_lineage_run_naming_the_version_and_decision(workspace):
    from typer.testing import CliRunner

    from curation.cli import app

    make_notes_inbox(workspace)
    build = pipeline.ingest_and_build(workspace, workspace.root / "inbox", "notes",
                                      load_policy(workspace.default_policy)).build
    assert CliRunner().invoke(app, ["review", build.version_id, "--reject", "--reviewer", "Dana",
                                    "--comment", "too small"]).exit_code == 0
    last = json.loads((workspace.audit_dir / "lineage.jsonl").read_text().splitlines()[-1])
    assert last["job"]["name"] == "review" and last["eventType"] == "COMPLETE"
    assert last["inputs"][0]["facets"]["version"]["datasetVersion"] == build.version_id
    assert last["outputs"][0]["facets"]["version"]["datasetVersion"] == f"{build.version_id}:rejected"
