"""The whole chain: ingest → review (pauses for a steward) → fine-tune when approved."""

from prefect import flow
from prefect.artifacts import create_markdown_artifact

from curation.datasets.names import check_dataset_name
from flows.finetune import NO_OVERRIDES, TrainingOverrides, finetune_flow
from flows.ingest import ingest_flow
from flows.review import review_flow
from flows.run_context import (
    DatasetName,
    Steward,
    artifact_key,
    plain_failure,
    record_request,
)


@flow(name="curate", log_prints=True)
@plain_failure
def curate_flow(requested_by: Steward, inbox: str = "", dataset: DatasetName = "default", policy_file: str = "",
                base_model: str = "", overrides: TrainingOverrides = NO_OVERRIDES,
                review_timeout_hours: float = 72.0) -> dict:
    """Ingest the inbox, wait for a steward's review of the new version, and fine-tune on it if it
    is approved. The review step pauses: open its run and press Resume to decide.

    Args:
        requested_by: Your name. Prefect records no user identity; this name goes into the audit log.
        inbox: Folder to read (empty: the workspace's data/inbox).
        dataset: Dataset the documents belong to.
        policy_file: Policy file (empty: policies/default.yaml).
        base_model: Local model folder to fine-tune (empty: the tiny model built from the policy).
        overrides: Training settings for this run only.
        review_timeout_hours: How long the review waits for a decision.
    """
    check_dataset_name(dataset)  # before the name reaches the audit log or the file system
    record_request("curate", requested_by, {"inbox": inbox, "dataset": dataset, "policy_file": policy_file,
                                            "base_model": base_model})
    ingested = ingest_flow(requested_by=requested_by, inbox=inbox, dataset=dataset, policy_file=policy_file)
    status, trained = ingested["status"], None
    if ingested["version_id"] and status == "pending_review":
        status = review_flow(ingested["version_id"], requested_by=requested_by, timeout_hours=review_timeout_hours)
    if ingested["version_id"] and status == "approved":
        trained = finetune_flow(ingested["version_id"], requested_by=requested_by, base_model=base_model,
                                policy_file=policy_file, overrides=overrides)
    lines = [f"# Curation of dataset `{dataset}`", "",
             f"1. ingest: version `{ingested['version_id']}` ({ingested['status']})",
             f"2. review: **{status}**",
             "3. fine-tune: " + (f"run `{trained['run_id']}`, eval loss {trained['eval_loss_before']:.3f} → "
                                 f"{trained['eval_loss_after']:.3f}" if trained else "not run (version not approved)")]
    create_markdown_artifact("\n".join(lines), key=artifact_key("curate", dataset), description="Curation chain")
    return {"ingest": ingested, "review": status, "finetune": trained}
