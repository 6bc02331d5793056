"""When and where flow runs execute: the policy's cron schedule for unattended ingestion and the
task runner (local threads by default, a Dask cluster on request).

The task runner is chosen per installation (`curation serve --task-runner dask --dask-address
tcp://scheduler:8786`, which sets CURATION_TASK_RUNNER and CURATION_DASK_ADDRESS for the flow
runs it starts), not in the policy: where tasks run does not change what they produce, so it should not change
the policy digest that every audit record and dataset version carries.
"""

from __future__ import annotations

import os
from typing import Literal

from curation.policy import ScheduleConfig

TaskRunnerKind = Literal["threads", "dask"]
TASK_RUNNER_ENV = "CURATION_TASK_RUNNER"
DASK_ADDRESS_ENV = "CURATION_DASK_ADDRESS"


def cron_schedule(config: ScheduleConfig):
    """The Prefect schedule of the `ingest-scheduled` deployment. A plain cron string would be
    read as UTC; the policy's time zone is passed explicitly."""
    from prefect.schedules import Cron

    return Cron(config.cron, timezone=config.timezone, active=config.active)


def task_runner(kind: TaskRunnerKind = "threads", address: str | None = None, *, workers: int | None = None):
    """A Prefect task runner. threads: Prefect's thread pool in the flow's process. dask: the Dask
    scheduler at `address` (tcp://host:8786), or, without one, a LocalCluster of `workers`
    single-threaded worker processes started for the flow run and stopped after it."""
    if kind == "threads":
        from prefect.task_runners import ThreadPoolTaskRunner

        return ThreadPoolTaskRunner(max_workers=workers)
    if kind != "dask":
        raise ValueError(f"task runner '{kind}' unknown; allowed: threads, dask")
    from prefect_dask import DaskTaskRunner

    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(cluster_kwargs={"n_workers": workers or 2, "threads_per_worker": 1, "processes": True,
                                          "dashboard_address": None})


def task_runner_from_env():
    """The task runner named by CURATION_TASK_RUNNER / CURATION_DASK_ADDRESS (default: threads).
    An address alone means dask."""
    address = os.environ.get(DASK_ADDRESS_ENV) or None
    kind = os.environ.get(TASK_RUNNER_ENV) or ("dask" if address else "threads")
    return task_runner(kind, address)  # type: ignore[arg-type]

