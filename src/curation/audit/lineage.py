"""OpenLineage run events for each stage: the audit log's story, for lineage tools.

Lineage tools (Marquez, DataHub, ...) see which inputs a run read and which dataset version or
model it wrote.

Events go to `audit_logs/lineage.jsonl`, and also to `OPENLINEAGE_URL` when it is set. A lineage
endpoint that is down never stops a run: the file is the record, the endpoint a copy.
"""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

NAMESPACE = "curation"
PRODUCER = "https://github.com/curation/curation"
log = logging.getLogger(__name__)


def _now() -> str:
    return datetime.now(UTC).isoformat()


class Lineage:
    def __init__(self, file: Path, url: str | None = None):
        self.file = Path(file)
        self.url = url if url is not None else os.environ.get("OPENLINEAGE_URL")

    def _transports(self):
        from openlineage.client.transport.file import FileConfig, FileTransport
        from openlineage.client.transport.http import HttpConfig, HttpTransport

        self.file.parent.mkdir(parents=True, exist_ok=True)
        transports = [FileTransport(FileConfig(log_file_path=str(self.file), append=True))]
        if self.url:
            transports.append(HttpTransport(HttpConfig(url=self.url, timeout=5)))
        return transports

    def emit(self, job: str, run_id: str, state: str, inputs: list[tuple[str, str | None]],
             outputs: list[tuple[str, str | None]]) -> None:
        """One RunEvent; datasets are (name, version or None)."""
        from openlineage.client.event_v2 import (
            InputDataset,
            Job,
            OutputDataset,
            Run,
            RunEvent,
            RunState,
        )
        from openlineage.client.facet_v2 import dataset_version_dataset

        def facets(version: str | None) -> dict:
            return {"version": dataset_version_dataset.DatasetVersionDatasetFacet(datasetVersion=version)} if version else {}

        event = RunEvent(
            eventType=getattr(RunState, state), eventTime=_now(), producer=PRODUCER,
            run=Run(runId=run_id), job=Job(namespace=NAMESPACE, name=job),
            inputs=[InputDataset(namespace=NAMESPACE, name=n, facets=facets(v)) for n, v in inputs],
            outputs=[OutputDataset(namespace=NAMESPACE, name=n, facets=facets(v)) for n, v in outputs],
        )
        for transport in self._transports():
            try:
                transport.emit(event)
            except Exception as exc:  # noqa: BLE001 - lineage must not stop the pipeline
                log.warning("lineage event for %s not sent to %s: %s", job, type(transport).__name__, exc)

    @contextmanager
    def run(self, job: str, inputs: list[tuple[str, str | None]]) -> Iterator[list[tuple[str, str | None]]]:
        """START now; COMPLETE with the outputs the block appends to the yielded list, or FAIL."""
        run_id = str(uuid.uuid4())
        outputs: list[tuple[str, str | None]] = []
        self.emit(job, run_id, "START", inputs, [])
        try:
            yield outputs
        except BaseException:
            self.emit(job, run_id, "FAIL", inputs, outputs)
            raise
        self.emit(job, run_id, "COMPLETE", inputs, outputs)
