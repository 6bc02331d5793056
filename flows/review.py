"""Review flow: pauses until a steward approves or rejects a dataset version in the Prefect UI."""

from __future__ import annotations

from typing import Literal

from prefect import flow, pause_flow_run
from prefect.input import RunInput

from curation import datasets
from flows.common import run_identity, workspace


class ReviewDecision(RunInput):
    decision: Literal["approve", "reject"]
    reviewer: str  # required: the open-source Prefect server records no user identity
    comment: str = ""


@flow(name="review", log_prints=True)
def review_flow(version_id: str, timeout_hours: float = 72.0) -> str:
    """Wait for a steward's decision on a pending_review version and record it."""
    ws = workspace()
    version = datasets.resolve(ws.catalog(), version_id)
    description = (f"Dataset **{version['dataset']}** version `{version['version_id']}` "
                   f"({version['n_rows']} documents) awaits review. See its README.md card in {version['path']}.")
    decision = pause_flow_run(wait_for_input=ReviewDecision.with_initial_data(description=description),
                              timeout=int(timeout_hours * 3600))
    run_id, deployment = run_identity()
    decided = datasets.decide(ws.catalog(), ws.audit(), version["version_id"], decision.decision,
                              decision.reviewer, decision.comment, flow_run_id=run_id, deployment=deployment,
                              lineage=ws.lineage())
    print(f"version {decided['version_id']} {decided['status']} by {decision.reviewer}")
    return decided["status"]
