"""The whole chain: ingest → review (pauses for a steward) → fine-tune when approved."""

from __future__ import annotations

from prefect import flow

from curation.datasets import resolve
from flows.common import workspace
from flows.finetune import finetune_flow
from flows.ingest import ingest_flow
from flows.review import review_flow


@flow(name="curate", log_prints=True)
def curate_flow(inbox: str = "", dataset: str = "default", policy_file: str = "", requested_by: str = "",
                base_model: str = "") -> dict:
    """Ingest the inbox, wait for a steward's review, and fine-tune if the version is approved."""
    ingested = ingest_flow(inbox, dataset, policy_file, requested_by or "system")
    if not ingested["version_id"]:
        return {"ingest": ingested, "review": None, "finetune": None}
    status = resolve(workspace().catalog(), ingested["version_id"])["status"]
    if status == "pending_review":
        status = review_flow(ingested["version_id"])
    trained = finetune_flow(ingested["version_id"], base_model, policy_file, requested_by) if status == "approved" else None
    return {"ingest": ingested, "review": status, "finetune": trained}
