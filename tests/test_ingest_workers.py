"""An ingest whose PII runs on worker processes, batches overlapping (run.run_batches), records
what an ingest in one process records, and leaves no worker process behind."""

import os
from pathlib import Path

from conftest import make_workspace, workspace_env
from tests_helpers import TICKETS_EN

from curation.ingest import pipeline, run
from curation.policy import load_policy

JAPANESE = ["山田太郎様、来週の打ち合わせは東京本社で行います。", "佐藤花子さんから見積書が届きました。"]


def worker_children() -> list[int]:
    """This process's children that run `curation.pii.worker`."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            cmd = (entry / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
        if ppid == os.getpid() and b"curation.pii.worker" in cmd:
            pids.append(int(entry.name))
    return pids


def ingest(root: Path, processes: int) -> list:
    """Outcomes, then each document's id, anonymized text and language."""
    inbox = root / "inbox"
    for i, text in enumerate(TICKETS_EN[:12] + JAPANESE):
        folder = inbox / ("tickets" if i < 12 else "kaigi")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "SOURCE.yaml").write_text("license: MIT\n")
        (folder / f"{i:02d}.txt").write_text(text)
    with workspace_env(make_workspace(root)) as workspace:
        policy = load_policy(workspace.default_policy)
        pii = policy.pii.model_copy(update={"processes": processes, "parallel_after_chars": 1})
        result = pipeline.ingest_and_build(workspace, inbox, "tickets", policy.model_copy(update={"pii": pii}))
        assert result.summary.outcomes["accepted"] >= 12
        return [dict(result.summary.outcomes)] + [tuple(r.values()) for r in workspace.catalog()._rows(
            "SELECT doc_id, text_anonymized, language FROM documents ORDER BY doc_id")]


def test_workers_and_overlapping_batches_record_what_one_process_records(tmp_path, monkeypatch):
    monkeypatch.setattr(run, "FILES_PER_BATCH", 3)  # five batches, each overlapping the next
    in_process = ingest(tmp_path / "one", processes=1)
    with_workers = ingest(tmp_path / "two", processes=2)
    assert with_workers == in_process
    assert worker_children() == []  # the run stopped the workers it started
