"""The audit outbox: records committed with the state they describe, delivered to the log later."""

from __future__ import annotations

import json

import duckdb

from curation.catalog.bulk import bulk_insert

_OUTBOX = (("key", "str"), ("event", "str"), ("subject", "str"), ("data", "str"), ("actor", "str"),
           ("flow_run_id", "str"), ("policy_digest", "str"))

class OutboxQueries:
    @staticmethod
    def _to_outbox(con: duckdb.DuckDBPyConnection, records) -> None:
        """Audit records committed with the state they describe; `outbox.deliver` appends them."""
        # One INSERT … SELECT (bulk_insert): `n` takes the sequence in the records' order.
        bulk_insert(con, "audit_outbox", _OUTBOX,
                    [(r["key"], r["event"], r["subject"], json.dumps(r["data"], ensure_ascii=False), r.get("actor"),
                      r.get("flow_run_id"), r.get("policy_digest")) for r in records])

    def outbox(self) -> list[dict]:
        rows = self._rows("SELECT * FROM audit_outbox ORDER BY n")
        for row in rows:
            row["data"] = json.loads(row["data"])
        return rows

    def outbox_done(self, keys: list[str]) -> None:
        with self.connect() as con:
            con.execute("DELETE FROM audit_outbox WHERE key IN (SELECT unnest(?))", [keys])
