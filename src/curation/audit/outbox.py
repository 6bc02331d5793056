"""Delivery of audit records committed in the catalog's outbox (the transactional outbox pattern).

State changes and the audit records describing them commit in one DuckDB transaction; the
records are then appended to the audit log and removed from the outbox. A process killed in
between leaves them in the outbox, and the next run delivers them — once: a record already in
the log (it carries its outbox key) is not appended again. So after a crash and a rerun the log
holds exactly the records an uninterrupted run would have written.
"""

from __future__ import annotations

from curation.audit.log import AuditLog
from curation.catalog import Catalog
from curation.faults import crash_point


def deliver(catalog: Catalog, audit: AuditLog, *, recovering: bool = False) -> int:
    """Append pending outbox records in commit order; returns how many were appended.

    `recovering`: the outbox may hold records already in the log (a crash after appending but
    before clearing the outbox), so look their keys up first — one pass over the log, paid only
    after a crash."""
    pending = catalog.outbox()
    if not pending:
        return 0
    present: set[str] = set()
    if recovering:
        keys = {row["key"] for row in pending}
        present = {rec["data"].get("outbox_key") for rec in audit.records()} & keys
    todo = [row for row in pending if row["key"] not in present]
    audit.append_many([{"event": row["event"], "subject": row["subject"],
                        "data": {**row["data"], "outbox_key": row["key"]}, "actor": row["actor"],
                        "flow_run_id": row["flow_run_id"], "policy_digest": row["policy_digest"]} for row in todo])
    crash_point("outbox.appended")
    catalog.outbox_done([row["key"] for row in pending])
    return len(todo)
