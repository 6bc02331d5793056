"""Who acts, in which flow run, under which policy: the part every audit record shares.

Stages build one `AuditContext` at their entry and record through it, so actor, flow run id
and policy digest are filled in one place. `entry()` makes a record to commit in the catalog's
outbox with the state it describes (see outbox.py); `record()` appends one to the log now.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from typing import Protocol


class AuditLog(Protocol):
    """What `record` needs of the log (log.AuditLog): described here rather than imported, so
    that the log itself can take an AuditContext (AuditLog.rotate_key) without an import cycle."""

    def append_many(self, entries: list[dict]) -> list[dict]: ...


@dataclass(frozen=True)
class AuditContext:
    actor: str = "system"
    flow_run_id: str | None = None
    policy_digest: str | None = None

    def entry(self, event: str, subject: str, data: dict | None = None) -> dict:
        """An audit record, not yet written: for the outbox, or for `AuditLog.append_many`."""
        return {"key": uuid.uuid4().hex, "event": event, "subject": subject, "data": data or {},
                "actor": self.actor, "flow_run_id": self.flow_run_id, "policy_digest": self.policy_digest}

    def record(self, log: AuditLog, event: str, subject: str, data: dict | None = None) -> dict:
        """Append one record to `log` now; returns it with its seq and hash."""
        return log.append_many([self.entry(event, subject, data)])[0]

    def under_policy(self, digest: str | None) -> AuditContext:
        """The same actor and run, acting under another policy digest (e.g. a version's own)."""
        return replace(self, policy_digest=digest)


SYSTEM = AuditContext()
