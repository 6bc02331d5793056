"""An ingest run holds one catalog connection from start to finish, yet another process that
wants the catalog (the CLI, the UI, a report writer) is served while the run waits for a batch's
per-document work, and sees the batches committed so far."""

import subprocess
import sys

from conftest import make_workspace, workspace_env
from tests_helpers import TICKETS_EN

from curation.ingest import pipeline, run
from curation.ingest.doc_work import run_task
from curation.policy import load_policy

COUNT_DOCUMENTS = """
import sys
from curation.catalog import Catalog
print(Catalog(sys.argv[1])._rows("SELECT count(*) AS n FROM documents")[0]["n"])
"""


def tickets_inbox(inbox, files: int) -> None:
    """An inbox with one MIT source, tickets, of `files` English tickets."""
    (inbox / "tickets").mkdir(parents=True)
    (inbox / "tickets" / "SOURCE.yaml").write_text("license: MIT\n")
    for i, text in enumerate(TICKETS_EN[:files]):
        (inbox / "tickets" / f"{i}.txt").write_text(text)


def test_another_process_reads_the_catalog_while_the_run_waits_for_each_batch(tmp_path, monkeypatch):
    monkeypatch.setattr(run, "FILES_PER_BATCH", 2)
    tickets_inbox(tmp_path / "inbox", 6)
    seen: list[int] = []  # documents another process counted in the catalog, one read per batch

    def slow_runner(units):
        """A task runner: while the run waits for its results, another process reads the catalog
        (it would wait for the run's end, past the timeout, if the run kept the catalog)."""
        def waiting():
            counted = subprocess.run([sys.executable, "-c", COUNT_DOCUMENTS, str(ws.catalog_path)],
                                     capture_output=True, text=True, timeout=60, check=True)
            seen.append(int(counted.stdout))
            return [run_task(u) for u in units]
        return waiting

    with workspace_env(make_workspace(tmp_path / "ws")) as ws:
        result = pipeline.ingest_and_build(ws, tmp_path / "inbox", "tickets", load_policy(ws.default_policy),
                                           map_units=slow_runner)
    assert result.summary.outcomes["accepted"] == 6
    # batch N's wait comes after batch N-1 committed (run_batches): the reader sees them as they land
    assert seen == [0, 2, 4]


def test_another_process_reads_the_catalog_while_the_run_reads_its_files(tmp_path, monkeypatch):
    """Reading a batch's files (PDF parsing, OCR: minutes) needs no catalog: another process that
    asks for it meanwhile is served at once, not after the batch's reading (it would wait past
    the timeout if the run kept the catalog while reading)."""
    monkeypatch.setattr(run, "FILES_PER_BATCH", 2)
    tickets_inbox(tmp_path / "inbox", 4)
    seen: list[int] = []
    real_read = run.read_unit

    def read_while_another_reads(unit, *args, **kwargs):
        """The run's reader of one file, which lets another process read the catalog first."""
        counted = subprocess.run([sys.executable, "-c", COUNT_DOCUMENTS, str(ws.catalog_path)],
                                 capture_output=True, text=True, timeout=30, check=True)
        seen.append(int(counted.stdout))
        return real_read(unit, *args, **kwargs)

    monkeypatch.setattr(run, "read_unit", read_while_another_reads)
    with workspace_env(make_workspace(tmp_path / "ws")) as ws:
        result = pipeline.ingest_and_build(ws, tmp_path / "inbox", "tickets", load_policy(ws.default_policy))
    assert result.summary.outcomes["accepted"] == 4
    assert seen == [0, 0, 0, 0]  # served at each file; run_batches reads batch 2 before batch 1 commits
