"""A steward allows a source the policy holds for license review: its documents join the next version."""

from __future__ import annotations

import hashlib

from curation.audit.context import AuditContext
from curation.audit.log import AuditLog
from curation.catalog import Catalog


class SourceError(ValueError):
    """A source decision that cannot be recorded; the message says why."""


def allow_source(catalog: Catalog, audit: AuditLog, source: str, reviewer: str, comment: str, *,
                 flow_run_id: str | None = None) -> None:
    """Record that `reviewer` allows `source` (catalog and audit log; the comment only as sha256)."""
    if not reviewer.strip():
        raise SourceError("a reviewer name is required: Prefect records no user identity")
    if not catalog.allow_source(source, reviewer, comment):
        raise SourceError(f"source '{source}' not found (see `curation sources list`)")
    AuditContext(reviewer, flow_run_id).record(audit, "source.allowed", source, {
        "source": source, "reviewer": reviewer, "comment_sha256": hashlib.sha256(comment.encode()).hexdigest()})
