"""Stewards' license overrides and their effect on a source's documents."""

from __future__ import annotations

from curation.catalog.schema import now


class LicenseQueries:
    def add_license_override(self, source: str, expression: str, reviewer: str, reason: str,
                             audit_seq: int | None) -> None:
        """Record a steward's license decision for a source; the latest one per source applies."""
        with self.connect() as con:
            con.execute("INSERT INTO license_overrides VALUES (?, ?, ?, ?, ?, ?)",
                        [source, expression, reviewer, reason, audit_seq, now()])

    def license_overrides(self) -> list[dict]:
        """The override in force for each source (the latest recorded)."""
        return self._rows("""SELECT source, expression, reviewer, reason, audit_seq, decided_at FROM (
                                 SELECT *, row_number() OVER (PARTITION BY source ORDER BY decided_at DESC) AS k
                                 FROM license_overrides) WHERE k = 1 ORDER BY source""")

    def relicense_source(self, source: str, expression: str, evidence: str, license_class: str,
                         reason: str) -> int:
        """Apply an override to the source's documents already in the catalog; returns how many."""
        with self.transaction() as con:
            n = con.execute("SELECT count(*) FROM documents WHERE source = ?", [source]).fetchone()[0]
            con.execute("""UPDATE documents SET license_expression = ?, license_evidence = ?, license_class = ?,
                           license_reason = ? WHERE source = ?""", [expression, evidence, license_class, reason, source])
            return int(n)

    def forget_license_quarantined_files(self, source: str) -> list[str]:
        """Files of `source` that held a document quarantined for its license: forgotten, so that
        the next ingest reads them again (under a new override). Returns their paths."""
        with self.transaction() as con:
            paths = [r[0] for r in con.execute(
                """SELECT DISTINCT path FROM ingest_items WHERE source = ? AND outcome = 'quarantined'
                   AND reason LIKE 'license_%' ORDER BY 1""", [source]).fetchall()]
            if paths:
                con.execute("DELETE FROM files WHERE source = ? AND path IN (SELECT unnest(?))", [source, paths])
            return paths
