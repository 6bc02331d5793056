"""The one ingest path: new inbox files → catalog → a dataset version waiting for review.

The CLI and the flows both call `ingest_and_build`; flows add retries, artifacts and the
review pause around it. It takes the catalog's ingest lock, once, for the whole path.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from curation.audit.context import AuditContext
from curation.datasets import versions
from curation.datasets.names import check_dataset_name
from curation.ingest.fan_out import UnitMapper
from curation.ingest.outcomes import IngestSummary
from curation.ingest.progress import IngestProgress, ProgressCallback
from curation.ingest.run import ingest, unread
from curation.locking import ingest_lock
from curation.policy import Policy
from curation.sources import discover
from curation.training.privacy_probe import declared_canaries
from curation.workspace import Workspace


@dataclass
class IngestResult:
    summary: IngestSummary
    build: versions.BuildResult


def ingest_and_build(ws: Workspace, inbox: Path, dataset: str, policy: Policy, *, actor: str = "system",
                     flow_run_id: str | None = None, progress: ProgressCallback | None = None,
                     map_units: UnitMapper | None = None, only_new: bool = False,
                     on_wait: Callable[[str], None] | None = None) -> IngestResult | None:
    """Ingest new inbox files, then check the dataset and write a pending_review version.

    One run at a time per catalog: a second one waits (`on_wait(holder)` is told who holds it).
    `only_new`: return None, reading nothing, when no file is new (scheduled runs).
    `progress(IngestProgress)`: stage and counts at every stage boundary. `map_units`: where the per-document work runs (see
    curation.ingest.run.ingest); default in this process."""
    check_dataset_name(dataset)  # it names a folder under data/datasets
    context = AuditContext(actor, flow_run_id, policy.digest)
    with ingest_lock(ws.catalog_path, on_wait=on_wait):
        catalog, audit, lineage = ws.catalog(), ws.audit(), ws.lineage()
        versions.remove_stale_staging(ws.datasets)  # a killed build's anonymized text: gone at the next run
        units = list(discover(Path(inbox))) if Path(inbox).is_dir() else None  # ingest names a missing inbox
        catalog.record_canaries(declared_canaries(u.source for u in units or ()))  # hashes: build_version pins them
        if only_new and units is not None and not unread(catalog, units):
            return None
        with lineage.run("ingest", [(f"inbox:{Path(inbox).resolve()}", None)]) as outputs:
            summary = ingest(inbox, dataset, policy, catalog, audit, context=context, progress=progress,
                             map_units=map_units, units=units)
            outputs.append((f"catalog:{dataset}", summary.run_id))
        with lineage.run("build_version", [(f"catalog:{dataset}", summary.run_id)]) as outputs:
            build = versions.build_version(catalog, dataset, policy, ws.datasets, audit, context=context)
            if build.version_id:
                outputs.append((f"dataset:{dataset}", build.version_id))
        if progress:
            progress(IngestProgress("done", summary.files_seen - summary.files_unchanged,
                                    summary.files_seen - summary.files_unchanged, Counter(summary.outcomes)))
        return IngestResult(summary, build)
