"""Scale-out of the ingest stage: its per-document work (language, license, filters, PII, features)
runs as one task per unit of `pii.task_docs` documents, on the flow's task runner; a Dask
LocalCluster gives the same catalog as local threads and as the CLI's in-process path, in a
handful of tasks, never one per document.

Shares the Prefect server of tests/test_flows.py (`live_stack`), without its curate run.
"""

from __future__ import annotations

import math
import os
import time

import pytest
from conftest import make_workspace, workspace_env
from test_flows import (
    STEWARD,
    catalog_contents,
    live_stack,
    write_policy,
    write_tickets,
)
from tests_helpers import TICKETS_EN

N_EN, N_JA, TASK_DOCS = 300, 12, 40
N_PARTNER = 8  # English notes under a share-alike license: anonymized, then held for license review
PEOPLE = ["Alice Whitfield", "Robert Kim", "Dana Okafor", "Lena Schmidt"]


def fill_inbox(inbox, n_en: int = N_EN, n_ja: int = N_JA) -> None:
    """`n_en` distinct English tickets (one in three names a person and an e-mail address) and a
    malformed line, N_PARTNER English notes under CC-BY-SA-4.0, and `n_ja` Japanese inquiries:
    three JSONL files, one ingest batch of two languages."""
    english = []
    for i in range(n_en):
        text = f"Case {i}: {TICKETS_EN[i % 30].split(': ', 1)[1]}"
        if i % 3 == 0:
            who = PEOPLE[i % 4]
            text += f" Contact {who} at {who.split()[0].lower()}.{i}@example.com about it."
        english.append(text)
    write_tickets(inbox / "tickets", english, extra_lines='{"text": 1}\n')
    write_tickets(inbox / "partner", [f"Partner note {i}: shipping to Canada resumes next week." for i in range(N_PARTNER)],
                  license="CC-BY-SA-4.0")
    write_tickets(inbox / "otoiawase", [f"お問い合わせ {i} 件目です。請求書の再発行をお願いします。" for i in range(n_ja)])
    (inbox / "otoiawase" / "SOURCE.yaml").write_text("license: MIT\nlanguage: ja\n")


def feature_rows(root) -> list:
    """The features table without its clock column: near-duplicate clusters included."""
    import duckdb

    with duckdb.connect(str(root / "data" / "catalog.duckdb"), read_only=True) as con:
        return sorted(con.execute("SELECT * EXCLUDE (computed_at) FROM features").fetchall())


def work_task_runs(flow_run_id: str) -> list:
    from prefect import get_client
    from prefect.client.schemas.filters import (
        FlowRunFilter,
        FlowRunFilterId,
        TaskRunFilter,
        TaskRunFilterName,
    )

    with get_client(sync_client=True) as client:
        return client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])),
                                     task_run_filter=TaskRunFilter(name=TaskRunFilterName(like_="process documents")))


def test_units_of_work_give_the_same_catalog_as_one_call_per_batch(tmp_path):
    """The stage without Prefect: units of 7 documents, each pickled and run through
    doc_work.run_task as a task would be, write exactly what the CLI's in-process path writes,
    features and near-duplicate clusters included."""
    import pickle

    from curation.ingest import pipeline
    from curation.ingest.doc_work import run_task
    from curation.policy import load_policy

    inbox = tmp_path / "inbox"
    fill_inbox(inbox, n_en=40, n_ja=5)
    calls: list[int] = []

    def one_by_one(units):
        calls.extend(len(u.documents) for u in units)
        return lambda: [pickle.loads(pickle.dumps(run_task(pickle.loads(pickle.dumps(u))))) for u in units]

    for name, map_units in (("in_process", None), ("chunked", one_by_one)):
        root = make_workspace(tmp_path / name)
        with workspace_env(root) as ws:
            policy = load_policy(write_policy(root, pii={"task_docs": 7}))
            pipeline.ingest_and_build(ws, inbox, "tickets", policy, map_units=map_units)
    assert calls == [7] * 7 + [4]  # the batch's 53 documents (both languages) in units of 7
    chunked, in_process = catalog_contents(tmp_path / "chunked"), catalog_contents(tmp_path / "in_process")
    assert chunked == in_process and len(in_process["documents"]) == 53
    assert feature_rows(tmp_path / "chunked") == feature_rows(tmp_path / "in_process")
    assert in_process["pii_counts"]  # the e-mail addresses and names were found and counted


@pytest.fixture(scope="module")
def live():
    yield from live_stack()


@pytest.mark.e2e
def test_ingest_on_a_dask_cluster_gives_the_same_catalog_as_local_threads(live, tmp_path):
    """The ingest flow on a two-worker LocalCluster and on the default threads, each over its own
    copy of one inbox: the same documents, anonymized texts, PII counts, items and version; the
    per-document work ran on the cluster in ceil(documents / task_docs) tasks, on threads in the
    flow's process (with the policy's worker processes)."""
    from curation.ingest import pii_step
    from flows.ingest import ingest_flow
    from flows.runners import task_runner

    inbox = tmp_path / "inbox"
    fill_inbox(inbox)
    pii_step.process_anonymizer.cache_clear()
    states, seconds = {}, {}
    for kind in ("dask", "threads"):
        root = make_workspace(tmp_path / kind)
        write_policy(root, pii={"task_docs": TASK_DOCS})
        with workspace_env(root):
            flow = ingest_flow.with_options(task_runner=task_runner(kind, workers=2))
            started = time.perf_counter()
            states[kind] = flow(requested_by=STEWARD, inbox=str(inbox), dataset="tickets", return_state=True)
            seconds[kind] = time.perf_counter() - started
        if kind == "dask":  # no PII work happened in this (the flow's) process
            assert pii_step.process_anonymizer.cache_info().currsize == 0
    print(f"ingest flow over {N_EN + N_PARTNER + N_JA} documents, task_docs {TASK_DOCS}: LocalCluster of 2 workers "
          f"{seconds['dask']:.1f} s, threads {seconds['threads']:.1f} s (load average {os.getloadavg()[0]:.1f})")

    threads, dask = catalog_contents(tmp_path / "threads"), catalog_contents(tmp_path / "dask")
    assert dask == threads
    assert feature_rows(tmp_path / "dask") == feature_rows(tmp_path / "threads")
    assert len(dask["documents"]) == N_EN + N_PARTNER + N_JA and dask["pii_counts"]
    outcomes = sorted({item[3] for item in dask["items"]})
    assert outcomes == ["accepted", "license_review", "quarantined"] and dask["versions"][0][1] == "pending_review"
    expected_tasks = math.ceil((N_EN + N_PARTNER + N_JA) / TASK_DOCS)
    runs = work_task_runs(str(states["dask"].state_details.flow_run_id))
    assert len(runs) == expected_tasks  # 8 tasks for 320 documents: none per document
    assert all(r.state and r.state.is_completed() for r in runs)
    # On threads the step runs in the flow's process (with the policy's worker processes), no tasks.
    assert work_task_runs(str(states["threads"].state_details.flow_run_id)) == []


def test_a_worker_with_another_pseudonym_key_refuses_to_anonymize(workspace, tmp_path, monkeypatch):
    """On a remote Dask worker a missing key file would be created afresh: the same person would get
    another pseudonym there. The unit carries the run's key fingerprint; a worker whose key differs
    stops with a message naming its host and the fix."""
    from curation import licenses
    from curation.documents import RawDocument, SourceInfo
    from curation.ingest import doc_work, pii_step
    from curation.pii.operators import PiiKeyError, key_id, policy_key
    from curation.policy import Operator, load_policy

    policy = load_policy(workspace.default_policy)
    pii = policy.pii.model_copy(update={"operators": {**policy.pii.operators, "PERSON": Operator(type="pseudonym")}})
    policy = policy.model_copy(update={"pii": pii})
    monkeypatch.setenv("CURATION_PII_KEY_FILE", str(tmp_path / "run.key"))
    doc = RawDocument("tickets", "tickets/call.txt", 0, "Please call Alice Whitfield today about the delayed invoice.")
    unit = doc_work.WorkUnit((doc,), {doc.path: SourceInfo("tickets", license="MIT")}, licenses.rules_for(policy),
                             policy, key_id(policy_key(pii)))
    pii_step.process_anonymizer.cache_clear()
    (result,) = doc_work.run_task(unit)
    assert result.text_anonymized.startswith("Please call <PERSON_")
    monkeypatch.setenv("CURATION_PII_KEY_FILE", str(tmp_path / "elsewhere.key"))  # as on another machine
    pii_step.process_anonymizer.cache_clear()
    with pytest.raises(PiiKeyError, match=r"is not the run's key .*copy the run's key file"):
        doc_work.run_task(unit)
    pii_step.process_anonymizer.cache_clear()


def test_a_unit_whose_own_document_failed_is_not_retried(tmp_path):
    """`process documents` retries a unit once for its worker's sake (a lost worker); a document
    that fails its own work, or a worker holding another pseudonym key, would fail the same way
    again: the task ends Failed at once."""
    from prefect.states import Failed

    from curation.ingest.doc_work import DocumentWorkError
    from curation.pii.operators import PiiKeyError
    from flows.ingest import process_documents

    retry = process_documents.retry_condition_fn
    assert process_documents.retries == 1 and retry is not None
    assert not retry(process_documents, None, Failed(data=DocumentWorkError("tickets/a.txt record 0: failed")))
    assert not retry(process_documents, None, Failed(data=PiiKeyError("another key")))
    assert retry(process_documents, None, Failed(data=OSError("the worker was lost")))
