"""The ingest run's progress on its flow run page: a Prefect progress artifact whose description
says the stage and counts, refreshed every few seconds from a background thread (a batch's PII
step can take longer than a steward waits for a sign of life), and a log line at each stage."""

from __future__ import annotations

import contextvars
import threading
from contextlib import contextmanager

from prefect import get_run_logger
from prefect.artifacts import create_progress_artifact, update_progress_artifact
from prefect.context import FlowRunContext, TaskRunContext

from curation.ingest.progress import IngestProgress

REFRESH_S = 5.0  # the bound is 10 s between updates; half of it leaves room for a slow server


class ProgressReporter:
    """Keeps the latest IngestProgress; `publish` pushes it to the artifact when it changed. The
    artifact is created with the first report, so a scheduled run that finds nothing new costs
    no API call here."""

    def __init__(self, key: str):
        self.key = key
        self.logger = get_run_logger()
        self.latest: IngestProgress | None = None
        self.shown: str | None = None
        self.artifact_id = None
        self.lock = threading.Lock()

    def __call__(self, progress: IngestProgress) -> None:
        with self.lock:
            stage_changed = self.latest is None or progress.stage != self.latest.stage
            self.latest = progress
        if stage_changed:
            self.logger.info(progress.line())

    def publish(self) -> None:
        with self.lock:
            progress = self.latest
        if progress is None or progress.line() == self.shown:
            return
        if self.artifact_id is None:
            self.artifact_id = create_progress_artifact(progress.percent, key=self.key, description=progress.line())
        else:
            update_progress_artifact(self.artifact_id, progress.percent, description=progress.line())
        self.shown = progress.line()


@contextmanager
def reported_progress(key: str):
    """Yields the callback for `ingest_and_build(progress=...)`; publishes every REFRESH_S seconds
    while the block runs, and once more at its end. Outside a flow or task run (a task called
    bare, `.fn`, as the benches do) there is no run page: yields None."""
    if FlowRunContext.get() is None and TaskRunContext.get() is None:
        yield None
        return
    reporter = ProgressReporter(key)
    stop = threading.Event()

    def heartbeat() -> None:
        while not stop.wait(REFRESH_S):
            try:
                reporter.publish()
            except Exception as exc:  # a progress update must never stop the ingest
                reporter.logger.warning(f"progress artifact not updated: {type(exc).__name__}")

    # Run in a copy of this context: Prefect's run context is a context variable, and an artifact
    # created outside it would not belong to this flow run.
    thread = threading.Thread(target=contextvars.copy_context().run, args=(heartbeat,), name="ingest-progress",
                              daemon=True)
    thread.start()
    try:
        yield reporter
    finally:
        stop.set()
        thread.join()
        reporter.publish()
