"""Expectation results, dataset versions, reviews and retractions."""

from __future__ import annotations

import json
from pathlib import Path

from curation.catalog.schema import now


class VersionQueries:
    def store_expectations(self, check_run_id: str, dataset: str, outcomes: list[dict]) -> None:
        with self.transaction() as con:
            con.executemany(
                "INSERT INTO expectation_results VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(check_run_id, dataset, o["name"], o["expectation_type"], o["severity"], o["success"],
                  json.dumps(o["observed"]), json.dumps(o["bounds"]), json.dumps(o["unexpected_doc_ids"]),
                  o["message"], now()) for o in outcomes])

    def expectations(self, check_run_id: str) -> list[dict]:
        return self._rows("SELECT * FROM expectation_results WHERE check_run_id = ? ORDER BY expectation",
                          [check_run_id])

    def add_version(self, version_id: str, dataset: str, path: str, n_rows: int, policy_digest: str,
                    check_run_id: str, audit_record: dict | None = None, *, release_gate: dict | None = None) -> bool:
        """Register a version as pending_review, with its PII release gate result if the policy has
        a gate; False when it already exists (same content)."""
        with self.transaction() as con:
            if con.execute("SELECT 1 FROM dataset_versions WHERE version_id = ?", [version_id]).fetchone():
                return False
            self._to_outbox(con, [audit_record] if audit_record else [])
            con.execute("INSERT INTO dataset_versions (version_id, dataset, status, path, n_rows, policy_digest, "
                        "check_run_id, created_at, release_gate) VALUES (?, ?, 'pending_review', ?, ?, ?, ?, ?, ?)",
                        [version_id, dataset, path, n_rows, policy_digest, check_run_id, now(),
                         json.dumps(release_gate) if release_gate else None])
            con.execute("UPDATE expectation_results SET version_id = ? WHERE check_run_id = ?",
                        [version_id, check_run_id])
            return True

    def version(self, version_id: str) -> dict | None:
        rows = self._rows("SELECT * FROM dataset_versions WHERE version_id = ? OR version_id LIKE ? || '%'",
                          [version_id, version_id])
        return _decoded(rows[0]) if len(rows) == 1 else None

    def versions(self) -> list[dict]:
        return [_decoded(r) for r in self._rows("SELECT * FROM dataset_versions ORDER BY created_at")]

    def version_doc_ids(self, version_id: str) -> list[str]:
        import pyarrow.parquet as pq

        version = self.version(version_id)
        if not version:
            return []
        return [d for shard in sorted(Path(version["path"]).glob("part-*.parquet"))
                for d in pq.read_table(shard, columns=["doc_id"]).column("doc_id").to_pylist()]

    def decide(self, version_id: str, decision: str, reviewer: str, comment: str,
               flow_run_id: str | None, audit_seq: int) -> None:
        status = {"approve": "approved", "reject": "rejected"}[decision]
        with self.transaction() as con:
            con.execute("UPDATE dataset_versions SET status = ? WHERE version_id = ?", [status, version_id])
            con.execute("INSERT INTO reviews VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [version_id, decision, reviewer, comment, flow_run_id, audit_seq, now()])

    def reviews(self, version_id: str) -> list[dict]:
        return self._rows("SELECT * FROM reviews WHERE version_id = ? ORDER BY decided_at", [version_id])

    def retract(self, retraction_id: str, doc_ids: list[str], reason: str, reviewer: str) -> list[str]:
        """Tombstone documents: text erased, doc_id kept (so the same text is never re-ingested)."""
        with self.transaction() as con:
            rows = con.execute("""SELECT doc_id, source FROM documents WHERE doc_id IN (SELECT unnest(?))
                                  AND retracted_at IS NULL""", [doc_ids]).fetchall()
            found = [r[0] for r in rows]
            con.execute("""UPDATE documents SET retracted_at = ?, text_anonymized = NULL
                           WHERE doc_id IN (SELECT unnest(?))""", [now(), found])
            con.executemany("INSERT INTO retractions VALUES (?, ?, ?, ?, ?, ?)",
                            [(retraction_id, d, s, reason, reviewer, now()) for d, s in rows])
        return sorted(found)

    def revoke_versions(self, version_ids: list[str]) -> None:
        with self.connect() as con:
            con.execute("UPDATE dataset_versions SET status = 'revoked' WHERE version_id IN (SELECT unnest(?))",
                        [version_ids])


def _decoded(version: dict) -> dict:
    if isinstance(version.get("release_gate"), str):
        version["release_gate"] = json.loads(version["release_gate"])
    return version
