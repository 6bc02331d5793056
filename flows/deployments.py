"""`curation serve` and `curation ui`: serve the flows as deployments on a Prefect server.

ingest, review, finetune and curate start from the UI's forms; ingest-scheduled runs the ingest
flow on the policy's cron schedule, in the policy's time zone, over the workspace's data/inbox.
The `curation` CLI (which imports no Prefect) starts them through `python -m flows.launch`.
"""

from __future__ import annotations

import os
from pathlib import Path

from prefect import serve
from prefect.settings import get_current_settings

from curation.datasets.names import check_dataset_name
from curation.policy import Policy
from flows.curate import curate_flow
from flows.finetune import finetune_flow
from flows.ingest import ingest_flow
from flows.review import review_flow
from flows.runners import DASK_ADDRESS_ENV, TASK_RUNNER_ENV, cron_schedule
from flows.stewardship import release_source_flow, retract_flow

SCHEDULED_BY = "scheduler"  # requested_by of scheduled runs: no person started them


def deployments(policy: Policy) -> list:
    """The deployments, the scheduled one with the policy's schedule."""
    schedule = policy.schedule
    check_dataset_name(schedule.dataset)  # a bad name in the policy fails here, not at 3 a.m.
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
        release_source_flow.to_deployment(name="release-source", tags=["steward"]),
        retract_flow.to_deployment(name="retract", tags=["steward"]),
    ]


def serve_all(policy: Policy) -> None:
    """Serve the deployments until interrupted. Schedules stay active when serving stops: the next
    `curation serve` picks up the runs they scheduled meanwhile."""
    serve(*deployments(policy), pause_on_shutdown=False)


def serve_configured(policy: Policy, task_runner: str, dask_address: str | None) -> None:
    """Serve against PREFECT_API_URL, with the task runner the flow runs will use."""
    if not get_current_settings().api.url:  # Prefect would serve into a throwaway server
        raise SystemExit("PREFECT_API_URL is not set: start a server with `curation ui` (or `prefect server "
                         "start`) and point PREFECT_API_URL at it, e.g. http://127.0.0.1:4200/api")
    os.environ[TASK_RUNNER_ENV] = "dask" if dask_address else task_runner  # read by flows/ingest.py
    if dask_address:
        os.environ[DASK_ADDRESS_ENV] = dask_address
    # Each flow run is a new process that imports its flow from flows/: it needs the same path.
    root = str(Path(__file__).resolve().parents[1])
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p)
    serve_all(policy)

