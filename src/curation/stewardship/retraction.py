"""Retraction: take documents back (a person's objection, a withdrawn source) after the fact.

Documents are tombstoned (text erased, doc_id kept so the same text is never ingested again),
every dataset version containing them is revoked (fine-tuning refuses it) and its shards are
deleted (manifest and card stay as the record of what it was), and the models
trained on those versions are listed for their owners to act on. The audit record holds
doc_ids, version ids, run ids and a hash of the reason, never the reason's words, which
may name a person; the words stay in the catalog.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass

from curation.audit.context import AuditContext
from curation.audit.log import AuditLog
from curation.catalog import Catalog
from curation.datasets import versions


class RetractionError(ValueError):
    pass


@dataclass
class RetractionResult:
    retraction_id: str
    doc_ids: list[str]
    versions_revoked: list[str]
    models_affected: list[dict]


def retract(catalog: Catalog, audit: AuditLog, *, reason: str, reviewer: str, source: str | None = None,
            doc_id: str | None = None, flow_run_id: str | None = None) -> RetractionResult:
    """Retract every document of `source`, or the one `doc_id`, for `reviewer`'s `reason`; the
    `retraction` audit record names `reviewer` and, for a flow, the run (`flow_run_id`)."""
    if (source is None) == (doc_id is None):
        raise RetractionError("give exactly one of a source or a doc_id")
    if not reviewer.strip() or not reason.strip():
        raise RetractionError("a reviewer name and a reason are required")
    wanted = catalog.doc_ids_of_source(source) if source else [doc_id]
    retraction_id = uuid.uuid4().hex
    doc_ids = catalog.retract(retraction_id, wanted, reason, reviewer)
    if not doc_ids:
        raise RetractionError(f"no document to retract for {'source ' + source if source else 'doc_id ' + doc_id}")
    hit = set(doc_ids)
    revoked = [v["version_id"] for v in catalog.versions()
                if v["status"] != "revoked" and hit & set(catalog.version_doc_ids(v["version_id"]))]
    catalog.revoke_versions(revoked)
    for version_id in revoked:
        versions.purge_shards(versions.resolve(catalog, version_id)["path"])
    models = [{"run_id": t["run_id"], "version_id": t["version_id"], "output_dir": t["output_dir"],
               "status": t["status"]} for v in revoked for t in catalog.training_runs(v)]
    AuditContext(reviewer, flow_run_id).record(audit, "retraction", retraction_id, {
        "source": source, "doc_ids": doc_ids, "versions_revoked": revoked,
        "models_affected": [m["run_id"] for m in models],
        "reason_sha256": hashlib.sha256(reason.encode()).hexdigest()})
    return RetractionResult(retraction_id, doc_ids, revoked, models)
