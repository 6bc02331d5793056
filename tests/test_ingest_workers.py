"""An ingest whose per-document work (doc_work.py: language, license, filters, PII, features) runs on
the PII worker processes, batches overlapping (run.run_batches), records what an ingest in one
process records, and leaves no worker process behind."""

import os
from pathlib import Path

from conftest import make_workspace, workspace_env
from tests_helpers import TICKETS_EN

from curation.ingest import pipeline, run
from curation.pii import Anonymizer
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


def ingest(root: Path, processes: int) -> dict:
    """The catalog rows that do not depend on run ids or clocks: documents, features (near-duplicate
    clusters included), PII counts and every item's outcome."""
    inbox = root / "inbox"
    tickets = TICKETS_EN[:12]
    # An exact copy (06.txt: its original is in an earlier batch) and a near-duplicate (15.txt).
    texts = tickets[:6] + [tickets[1]] + tickets[6:] + JAPANESE + [tickets[0] + " Thanks"]
    for i, text in enumerate(texts):
        folder = inbox / ("kaigi" if text in JAPANESE else "tickets")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "SOURCE.yaml").write_text("license: MIT\n")
        (folder / f"{i:02d}.txt").write_text(text)
    denied = inbox / "partner"  # refused before PII, in the per-document work
    denied.mkdir()
    (denied / "SOURCE.yaml").write_text("license: CC-BY-NC-4.0\n")
    (denied / "note.txt").write_text(tickets[2])
    with workspace_env(make_workspace(root)) as workspace:
        policy = load_policy(workspace.default_policy)
        pii = policy.pii.model_copy(update={"processes": processes, "parallel_after_chars": 1})
        result = pipeline.ingest_and_build(workspace, inbox, "tickets", policy.model_copy(update={"pii": pii}))
        assert result.summary.outcomes["accepted"] >= 12
        rows = workspace.catalog()._rows
        return {"outcomes": dict(result.summary.outcomes),
                "documents": rows("SELECT doc_id, source, language, license_class, "
                                  "text_anonymized, n_chars, n_tokens, dup_key, residual_pii FROM documents ORDER BY doc_id"),
                "features": rows("SELECT * EXCLUDE (computed_at) FROM features ORDER BY doc_id"),
                "pii_counts": rows("SELECT * FROM pii_counts ORDER BY ALL"),
                "items": rows("SELECT source, record, outcome, reason, message, doc_id FROM ingest_items ORDER BY ALL")}


def test_workers_and_overlapping_batches_record_what_one_process_records(tmp_path, monkeypatch):
    monkeypatch.setattr(run, "FILES_PER_BATCH", 4)  # five batches, each overlapping the next
    in_process = ingest(tmp_path / "one", processes=1)
    sent = []  # the units the worker processes were given: the test must not pass by running here
    submit_calls = Anonymizer.submit_calls
    monkeypatch.setattr(Anonymizer, "submit_calls",
                        lambda self, task, units: sent.extend(units) or submit_calls(self, task, units))
    with_workers = ingest(tmp_path / "two", processes=2)
    # Every batch but the last (one document: too small to pay a worker) went to the workers, the
    # copy included (its text was claimed: the workers refuse nothing and skip its PII).
    paths = {d.path for unit in sent for d in unit.documents}
    assert len(paths) == 16 and "tickets/06.txt" in paths
    assert with_workers == in_process
    assert in_process["outcomes"]["duplicate"] == 1  # the exact copy, claimed by an earlier batch
    assert [i["outcome"] for i in in_process["items"] if i["source"] == "partner"] == ["quarantined"]
    assert any(f["near_dup_of"] for f in in_process["features"])  # the near-duplicate found its original
    assert worker_children() == []  # the run stopped the workers it started


def test_a_failing_document_is_named_by_its_stored_file_never_by_its_text(tmp_path):
    """A source folder a worker cannot reach (a Dask worker on another machine without the inbox)
    would decide licenses without the LICENSE files beside the document: refused, and the error
    names the stored file name and the exception type, not the text or the input file name."""
    import pytest

    from curation.documents import RawDocument, SourceInfo
    from curation.errors import plain_errors
    from curation.ingest.doc_work import DocumentWorkError, WorkUnit
    from curation.ingest.doc_work import run as run_unit
    from curation import licenses

    policy = load_policy(Path(__file__).resolve().parents[1] / "policies" / "default.yaml")
    text = "Contact Jane Roe at jane.roe@example.com about the renewal."
    doc = RawDocument("tickets", "tickets/jane_roe_cv.txt", 0, text)
    source = SourceInfo("tickets", license="MIT", folder=str(tmp_path / "not-mounted"))
    anonymizer = Anonymizer(policy.pii)
    unit = WorkUnit((doc,), {doc.path: source}, licenses.rules_for(policy), policy, anonymizer.key_id)
    with pytest.raises(DocumentWorkError) as raised:
        run_unit(unit, anonymizer)
    message = str(raised.value)
    assert "record 0" in message and "FileNotFoundError" in message and message.startswith("tickets/")
    assert "jane" not in message.lower() and "Roe" not in message
    assert isinstance(raised.value, plain_errors())  # one line in the CLI and the flows, no traceback


def test_a_library_error_in_a_worker_reaches_the_parent_without_its_message():
    from curation.pii.worker import _reported

    assert _reported(ValueError("Jane Roe's text")) == "ValueError (message withheld: it may quote a document)"
    from curation.checks.quality import LexiconError

    assert _reported(LexiconError("policy.yaml: bad lexicon")) == "LexiconError: policy.yaml: bad lexicon"


def test_a_bad_lexicon_stops_the_run_in_this_process_before_any_worker_starts(tmp_path):
    import pytest

    from curation.checks.quality import LexiconError
    from curation.ingest.fan_out import FanOut

    policy = load_policy(Path(__file__).resolve().parents[1] / "policies" / "default.yaml")
    bad = policy.model_copy(update={"quality": policy.quality.model_copy(update={"lexicons": [str(tmp_path / "none.yaml")]})})
    with pytest.raises(LexiconError, match="none.yaml"):
        FanOut(bad)
    assert worker_children() == []


def test_workers_started_by_a_run_are_stopped_when_it_fails_before_its_first_batch(tmp_path):
    import pytest

    inbox = tmp_path / "inbox" / "tickets"
    inbox.mkdir(parents=True)
    (inbox / "SOURCE.yaml").write_text("license: MIT\n")
    for i, text in enumerate(TICKETS_EN[:4]):
        (inbox / f"{i:02d}.txt").write_text(text)

    def progress(state) -> None:  # a caller's progress display that fails (a closed UI session)
        raise ConnectionError("progress display gone")

    with workspace_env(make_workspace(tmp_path / "ws")) as workspace:
        policy = load_policy(workspace.default_policy)
        pii = policy.pii.model_copy(update={"processes": 2, "parallel_after_chars": 1})
        with pytest.raises(ConnectionError):
            run.ingest(tmp_path / "inbox", "tickets", policy.model_copy(update={"pii": pii}),
                       workspace.catalog(), workspace.audit(), progress=progress)
    assert worker_children() == []
