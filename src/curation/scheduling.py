"""When and where flow runs execute: the policy's cron schedule for unattended ingestion, the
task runner (local threads by default, a Dask cluster on request), and the cheap look at the
inbox that lets a scheduled run with nothing new stop before any PII work.

The task runner is chosen per installation (`curation serve --task-runner dask --dask-address
tcp://scheduler:8786`, which sets CURATION_TASK_RUNNER and CURATION_DASK_ADDRESS for the flow
runs it starts), not in the policy: where tasks run does not change what they produce, so it should not change
the policy digest that every audit record and dataset version carries.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from curation.catalog import Catalog
from curation.policy import ScheduleConfig
from curation.sources import InputUnit, discover

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


def new_files(catalog: Catalog, inbox: Path) -> list[InputUnit]:
    """Files under `inbox` the catalog has not read yet (same path and bytes count as read).
    Costs one sha256 per file and one catalog query: no document is parsed or analyzed."""
    done = catalog.processed_files()
    return [u for u in discover(Path(inbox)) if (u.rel, u.digest) not in done]
