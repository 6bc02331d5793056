"""Kill the ingest at every crash point, rerun each time, and end where an uninterrupted run ends.

Each attempt runs in a forked child of this process (models already loaded, so an attempt costs
about a second) with CURATION_CRASH_AT=N: the child SIGKILLs itself at its N-th crash point.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
from collections import Counter
from pathlib import Path

import duckdb
import pytest
from conftest import ROOT, make_workspace, workspace_env
from tests_helpers import TICKETS_EN

from curation.datasets import versions

from curation.ingest import pipeline
from curation.audit.log import verify
from curation.policy import load_policy
from curation.workspace import Workspace

pytestmark = pytest.mark.e2e
VOLATILE = {"run_id", "outbox_key", "check_run_id", "ts"}
POLICY = ROOT / "policies" / "default.yaml"  # one policy object for the warm parent and every child


def make_inbox(root: Path) -> Path:
    inbox = root / "inbox"
    for name, license_ in (("tickets", "MIT"), ("notes", "CC-BY-4.0"), ("partner", "CC-BY-NC-4.0")):
        (inbox / name).mkdir(parents=True)
        (inbox / name / "SOURCE.yaml").write_text(f"license: {license_}\n")
    for i, text in enumerate(TICKETS_EN[:14]):
        (inbox / "tickets" / f"t{i:02d}.txt").write_text(text)
    (inbox / "notes" / "n.jsonl").write_text(
        "\n".join(json.dumps({"text": t}) for t in TICKETS_EN[14:18]) + "\n{broken\n")
    (inbox / "notes" / "copy.txt").write_text(TICKETS_EN[0])  # a duplicate
    (inbox / "partner" / "p.txt").write_text("A partner note under a non-commercial license only.")
    (inbox / "notes" / "scan.pdf").write_bytes(b"%PDF\x00\x01binary")
    return inbox


def run_in_child(ws: Workspace, inbox: Path, crash_at: int | None, *, files_per_batch: int = 1,
                 workers: int = 1) -> int:
    """Returns the child's signal number if it was killed, else 0. `workers` > 1: every batch of
    four documents or more goes to that many PII worker processes."""
    pid = os.fork()
    if pid == 0:  # child
        code = 1
        try:
            import curation.ingest.run

            curation.ingest.run.FILES_PER_BATCH = files_per_batch  # 1: a batch boundary per file
            if crash_at is not None:
                os.environ["CURATION_CRASH_AT"] = str(crash_at)
            policy = load_policy(POLICY)
            if workers > 1:
                pii = policy.pii.model_copy(update={"processes": workers, "parallel_after_chars": 1})
                policy = policy.model_copy(update={"pii": pii})
            pipeline.ingest_and_build(ws, inbox, "tickets", policy)
            code = 0
        except BaseException:
            import traceback

            traceback.print_exc()
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        return os.WTERMSIG(status)
    assert os.WEXITSTATUS(status) == 0, "the run failed (not killed)"
    return 0


def state(ws: Workspace) -> dict:
    """Everything that must match between a crashed-and-rerun workspace and a clean one."""
    with duckdb.connect(str(ws.catalog_path), read_only=True) as con:
        q = lambda sql: sorted(map(tuple, con.execute(sql).fetchall()))  # noqa: E731
        catalog = {
            "documents": q("SELECT doc_id, source, path, record, md5(text_anonymized), license_class FROM documents"),
            "items": q("SELECT path, record, outcome, reason, doc_id FROM ingest_items"),
            "files": q("SELECT path, digest, n_items FROM files"),
            "pii": q("SELECT * FROM pii_counts"),
            "versions": q("SELECT version_id, status, n_rows FROM dataset_versions"),
            "outbox": q("SELECT key FROM audit_outbox"),
        }
    # Staging folders a kill left behind are not versions (never registered, removed by a later
    # build once stale, reported by `curation doctor`): compare the versions only.
    versions = {p.name: sorted((f.name, hashlib.sha256(f.read_bytes()).hexdigest()) for f in p.iterdir())
                for p in (ws.datasets / "tickets").iterdir() if not p.name.startswith(".staging-")}
    records = Counter(
        json.dumps({k: v for k, v in r.items() if k not in VOLATILE | {"seq", "hash", "prev_hash", "data"}}
                   | {"data": {k: v for k, v in r["data"].items() if k not in VOLATILE}}, sort_keys=True)
        for r in ws.audit().records()
        if r["event"] not in ("ingest.started", "ingest.finished", "checks.run", "audit.torn_write_repaired"))
    return {"catalog": catalog, "versions": versions, "audit": records}


@pytest.fixture(scope="module")
def warm_models():
    """Load the models once in this process so that forked attempts start warm."""
    from curation import licenses
    from curation.pii import Anonymizer

    Anonymizer(load_policy(POLICY).pii).anonymize(["Warm up with Jane Doe at jane@example.com."], "en")
    licenses.detect_text("Licensed under the Apache License, Version 2.0")  # loads the detector's index
    import great_expectations  # noqa: F401


def test_sigkill_at_every_crash_point_then_rerun_matches_an_uninterrupted_run(tmp_path, warm_models):
    with workspace_env(make_workspace(tmp_path / "clean")) as clean:
        assert run_in_child(clean, make_inbox(tmp_path / "clean"), None) == 0
        expected = state(clean)
    with workspace_env(make_workspace(tmp_path / "crashy")) as crashy:
        inbox = make_inbox(tmp_path / "crashy")
        kills = 0
        # Crash point 1 is the start-up recovery; the next ones are a batch's commit boundaries and
        # audit delivery, and, once every file is in, the run's end and the version build's steps
        # (about 8 points). Cycling the target over 1..9 kills at each kind of boundary again and
        # again while attempts that die late still commit a batch; a last attempt without a crash
        # point finishes whatever the kills left.
        for attempt in range(36):
            killed = run_in_child(crashy, inbox, crash_at=1 + attempt % 9)
            # After every kill: no version is visible unless it is complete and matches its manifest.
            for version in crashy.catalog().versions():
                versions.verify_version(Path(version["path"]))
            if killed != signal.SIGKILL:
                break
            kills += 1
        else:
            assert run_in_child(crashy, inbox, crash_at=None) == 0
        assert kills >= 20
        assert verify(crashy.audit_dir).ok
        got = state(crashy)
    assert got["catalog"] == expected["catalog"]
    assert got["versions"] == expected["versions"]
    assert got["audit"] == expected["audit"]


def test_sigkill_with_a_batch_at_the_workers_then_rerun_matches_an_uninterrupted_run(tmp_path, warm_models):
    """Batches of four files on two PII worker processes: the run queues batch N+1's work before it
    waits for batch N, so a kill at a batch's commit boundary always finds the next batch at the
    workers (run.run_batches). Killed there, then inside a later batch's transaction, then at a
    later boundary: the reruns neither lose nor repeat an item, a document or an audit record."""
    batches = {"files_per_batch": 4, "workers": 2}
    with workspace_env(make_workspace(tmp_path / "clean")) as clean:
        assert run_in_child(clean, make_inbox(tmp_path / "clean"), None, **batches) == 0
        expected = state(clean)
    with workspace_env(make_workspace(tmp_path / "crashy")) as crashy:
        inbox = make_inbox(tmp_path / "crashy")
        # 1 is the start-up recovery; then per batch: before the commit, inside its transaction,
        # committed, audit delivered. 4: the first batch committed, the second at the workers.
        assert run_in_child(crashy, inbox, crash_at=4, **batches) == signal.SIGKILL
        with duckdb.connect(str(crashy.catalog_path), read_only=True) as con:
            committed = con.execute("SELECT count(*) FROM files").fetchone()[0]
        assert 0 < committed < len(expected["catalog"]["files"])  # killed mid-run, the first batch in
        # The rerun first delivers the outbox the kill left (1), then recovers (2): 4 is inside
        # the next batch's transaction. The one after finds the outbox empty: 8 is its second
        # batch's commit boundary, its third batch at the workers.
        assert run_in_child(crashy, inbox, crash_at=4, **batches) == signal.SIGKILL
        assert run_in_child(crashy, inbox, crash_at=8, **batches) == signal.SIGKILL
        assert run_in_child(crashy, inbox, None, **batches) == 0
        assert verify(crashy.audit_dir).ok
        got = state(crashy)
    assert got == expected
