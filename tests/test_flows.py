"""The chained Prefect flow under a real (test) Prefect server: ingest → pause for review → finetune."""

from __future__ import annotations

import json
import threading
import time

import pytest

from tests_helpers import TICKETS_EN

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def prefect_server():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield


def paused_run_id(flow_name: str, timeout: float = 180) -> str:
    from prefect import get_client
    from prefect.client.schemas.filters import FlowFilter, FlowFilterName, FlowRunFilter, FlowRunFilterState, \
        FlowRunFilterStateType
    from prefect.client.schemas.objects import StateType

    deadline = time.time() + timeout
    with get_client(sync_client=True) as client:
        while time.time() < deadline:
            runs = client.read_flow_runs(
                flow_filter=FlowFilter(name=FlowFilterName(any_=[flow_name])),
                flow_run_filter=FlowRunFilter(state=FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType.PAUSED]))))
            if runs:
                return str(runs[0].id)
            time.sleep(1)
    raise TimeoutError(f"no paused {flow_name} run within {timeout} s")


def test_curate_flow_pauses_for_review_and_trains_after_approval(prefect_server, workspace):
    from prefect.flow_runs import resume_flow_run

    from flows.curate import curate_flow

    src = workspace.root / "inbox" / "tickets"
    src.mkdir(parents=True)
    (src / "SOURCE.yaml").write_text("license: MIT\nlanguage: en\n")
    (src / "t.jsonl").write_text("\n".join(json.dumps({"text": t}) for t in TICKETS_EN) + "\n")

    outcome: dict = {}
    worker = threading.Thread(target=lambda: outcome.update(result=curate_flow(
        inbox=str(workspace.root / "inbox"), dataset="tickets", requested_by="Sam Steward")))
    worker.start()
    run_id = paused_run_id("review")
    version = workspace.catalog().versions()[0]
    assert version["status"] == "pending_review"
    resume_flow_run(run_id, run_input={"decision": "approve", "reviewer": "Rita Reviewer", "comment": "looks fine"})
    worker.join(timeout=600)
    assert not worker.is_alive()

    result = outcome["result"]
    assert result["review"] == "approved"
    assert result["finetune"]["eval_loss_after"] < result["finetune"]["eval_loss_before"]
    (review,) = workspace.catalog().reviews(version["version_id"])
    assert review["reviewer"] == "Rita Reviewer" and review["flow_run_id"] == run_id
    events = [r["event"] for r in workspace.audit().records()]
    assert "review.approved" in events and "training.finished" in events
