"""`curation serve`: serve the flows as deployments on the configured Prefect server.

ingest, review, finetune and curate start from the UI's forms; ingest-scheduled runs the ingest
flow on the policy's cron schedule, in the policy's time zone, over the workspace's data/inbox.
"""

from __future__ import annotations

from pathlib import Path

from prefect import serve

from curation.policy import Policy
from curation.scheduling import cron_schedule
from flows.curate import curate_flow
from flows.finetune import finetune_flow
from flows.ingest import ingest_flow
from flows.review import review_flow

SCHEDULED_BY = "scheduler"  # requested_by of scheduled runs: no person started them


def deployments(policy: Policy) -> list:
    """The five deployments, the scheduled one with the policy's schedule."""
    schedule = policy.schedule
    return [
        ingest_flow.to_deployment(name="ingest", tags=["steward"]),
        ingest_flow.to_deployment(
            name="ingest-scheduled", schedules=[cron_schedule(schedule)], tags=["scheduled"],
            parameters={"requested_by": SCHEDULED_BY, "dataset": schedule.dataset, "only_new": True,
                        "policy_file": str(Path(policy.source_file).resolve())},
            description=f"Reads new files in data/inbox into dataset '{schedule.dataset}' on the policy's "
                        f"schedule ({schedule.cron}, {schedule.timezone}); stops early when nothing is new."),
        review_flow.to_deployment(name="review", tags=["steward"]),
        finetune_flow.to_deployment(name="finetune", tags=["steward"]),
        curate_flow.to_deployment(name="curate", tags=["steward"]),
    ]


def serve_all(policy: Policy) -> None:
    """Serve the deployments until interrupted. Schedules stay active when serving stops: the next
    `curation serve` picks up the runs they scheduled meanwhile."""
    serve(*deployments(policy), pause_on_shutdown=False)
