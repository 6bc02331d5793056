"""Review flow: pauses until a steward approves or rejects a dataset version in the Prefect UI."""

from typing import Literal

from prefect import flow, pause_flow_run
from prefect.artifacts import create_markdown_artifact
from prefect.input import RunInput
from pydantic import Field

from curation.datasets import review_evidence, versions
from flows.run_context import (
    Steward,
    artifact_key,
    pending_reviews,
    plain_failure,
    policy,
    publish_pending_reviews,
    publish_report_link,
    record_request,
    report_url,
    run_identity,
    workspace,
    write_version_report,
)

RESUME_POLL_SECONDS = 5  # how soon the run notices the Resume button (Prefect's default: 10 s)


class ReviewDecision(RunInput):
    """The form shown on the paused run's Resume button."""

    decision: Literal["approve", "reject"] = Field(description="Approve: the version may be used for training.")
    # Required: the open-source Prefect server records no user identity.
    reviewer: Steward = Field(description="Your name, as it should appear in the audit log.")
    comment: str = Field(default="", description="Why (kept in the catalog; the audit log keeps its hash).")


def review_description(version: dict, expectations: list[dict], pii: dict[str, int], report: str,
                       changes: list[str] = ()) -> str:
    """What the steward sees above the form: the facts to decide on, and where to read more."""
    failed = [e for e in expectations if not e["success"]]
    lines = [(f"Dataset **{version['dataset']}** version `{version['version_id'][:16]}` "
              f"({version['n_rows']} documents) awaits your review."), "",
             (f"- Expectations: {len(expectations) - len(failed)} passed, {len(failed)} failed"
              + "".join(f"\n  - FAIL {e['expectation']} ({e['severity']}): {e['message']}" for e in failed)),
             ("- PII replaced: " + (", ".join(f"{k} {v}" for k, v in sorted(pii.items())) or "none found")),
             f"- Report: [{report}]({report}) · [dataset card]({report}#dataset-card) (in the report)",
             "- A sample of anonymized records per source and the items left out, by reason: the "
             "`review-evidence` artifact of this run", "", *changes, "",
             ("Approve to allow fine-tuning on this version, or reject it. Your name is recorded in the "
              "audit log with this flow run's id.")]
    return "\n".join(lines)


@flow(name="review", log_prints=True)
@plain_failure
def review_flow(version_id: str = "", *, requested_by: Steward, timeout_hours: float = 72.0) -> str:
    """Wait for a steward's decision on a pending_review dataset version and record it.

    Args:
        version_id: Dataset version to review (id or a unique prefix); empty: the newest version
            waiting for review (the `pending-reviews` artifact lists them all).
        requested_by: Your name (who asked for this review). Prefect records no user identity.
        timeout_hours: How long the run waits for a decision before it fails.
    """
    ws = workspace()
    if not version_id.strip():
        pending = pending_reviews(ws)
        if not pending:
            print("no dataset version is waiting for review")
            return "nothing_pending"
        version_id = pending[0]["version_id"]
    record_request("review", requested_by, {"version_id": version_id, "timeout_hours": timeout_hours},
                   subject=version_id)
    catalog = ws.catalog()
    version = versions.resolve(catalog, version_id)
    if version["status"] != "pending_review":
        print(f"version {version['version_id']} is {version['status']}: nothing to review")
        return version["status"]
    report = write_version_report(ws, version["version_id"])
    evidence = review_evidence.gather(catalog, version)
    create_markdown_artifact(review_evidence.to_markdown(evidence),
                             key=artifact_key("review-evidence", version["dataset"]),
                             description="Sample of anonymized records, items left out, changes since the last approved version")
    description = review_description(version, catalog.expectations(version["check_run_id"]),
                                     {t: now for t, (_, now) in evidence.pii.items() if now},  # this version's totals
                                     report_url(ws, report), review_evidence.changes_markdown(evidence))
    print(f"waiting for a decision on version {version['version_id']}: open this run and press Resume")
    decision = pause_flow_run(wait_for_input=ReviewDecision.with_initial_data(description=description),
                              timeout=int(timeout_hours * 3600), poll_interval=RESUME_POLL_SECONDS)
    run_id, deployment = run_identity()
    decided = versions.decide(ws.catalog(), ws.audit(), version["version_id"], decision.decision,
                              decision.reviewer, decision.comment, flow_run_id=run_id, deployment=deployment,
                              lineage=ws.lineage(), stewards=policy(None).review.stewards)
    print(f"version {decided['version_id']} {decided['status']} by {decision.reviewer}")
    create_markdown_artifact(
        f"# Review of `{decided['version_id']}`\n\n**{decided['status']}** by {decision.reviewer}"
        f" (flow run `{run_id}`, deployment `{deployment}`). The comment is in the catalog and the report.",
        key=artifact_key("review", version["dataset"]), description="Review decision")
    publish_report_link(ws, decided["version_id"], version["dataset"],
                        write_version_report(ws, decided["version_id"]), "Report with the review decision")
    publish_pending_reviews(ws)
    return decided["status"]
