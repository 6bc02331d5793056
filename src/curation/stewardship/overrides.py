"""A steward's license decision for a source (`curation license override`).

Recorded in the audit log and the catalog; applied at once to the source's documents already in
the catalog, and to its license-quarantined files on the next ingest (they are read again).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from license_expression import ExpressionError

from curation.licenses import spdx
from curation.licenses.classes import Override
from curation.licenses.evidence import override_decision
from curation.audit.context import AuditContext


class OverrideError(ValueError):
    """An override that cannot be recorded; the message says why."""


@dataclass(frozen=True)
class OverrideResult:
    source: str
    expression: str
    license_class: str  # what the override means under the policy: allow | review | deny
    reason: str
    documents_updated: int
    files_to_reread: list[str]
    audit_seq: int


def record_override(catalog, audit, policy, source: str, expression: str, reviewer: str, reason: str,
                    *, flow_run_id: str | None = None) -> OverrideResult:
    """Record that `source`'s documents are under `expression`, decided by `reviewer` for `reason`."""
    from curation.licenses import rules_for

    if not reviewer.strip():
        raise OverrideError("a reviewer name is required (--reviewer NAME)")
    if not reason.strip():
        raise OverrideError("a reason is required (--reason TEXT), e.g. the contract that grants the use")
    try:
        normalized = spdx.normalize(expression)
    except ExpressionError as exc:
        raise OverrideError(f"'{expression}' is not a valid SPDX expression ({exc}); "
                            "name a contract as LicenseRef-<name>") from None
    if not catalog.source_exists(source):
        raise OverrideError(f"source '{source}' not found (see `curation sources list`)")
    rules = rules_for(policy, catalog)
    previous = rules.overrides.get(source)
    decision = override_decision(Override(source, normalized, reviewer, reason), [], rules)
    context = AuditContext(reviewer, flow_run_id, policy.digest)
    record = context.record(audit, "license.override", source, {
        "source": source, "expression": normalized, "reviewer": reviewer,
        "reason_sha256": hashlib.sha256(reason.encode()).hexdigest(),
        "license_class": decision.license_class, "license_reason": decision.reason,
        "previous": previous.expression if previous else None,
        "classes_sha256": rules.classes_sha256})
    catalog.add_license_override(source, normalized, reviewer, reason, record["seq"])
    updated = catalog.relicense_source(source, normalized, "override", decision.license_class, decision.reason)
    reread = catalog.forget_license_quarantined_files(source)
    return OverrideResult(source, normalized, decision.license_class, decision.reason, updated, reread, record["seq"])
