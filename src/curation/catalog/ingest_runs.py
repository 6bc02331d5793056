"""Ingest runs, sources, files and per-item outcomes: what was read and what became of it."""

from __future__ import annotations

import json
from collections.abc import Iterable

from curation.catalog.bulk import bulk_insert, by_keys
from curation.catalog.schema import now
from curation.documents import CleanDocument, ItemOutcome
from curation.faults import crash_point

_FILES = (("path", "str"), ("digest", "str"), ("source", "str"), ("run_id", "str"), ("n_items", "int"))
_ITEMS = (("run_id", "str"), ("source", "str"), ("path", "str"), ("record", "int"), ("outcome", "str"),
          ("reason", "str"), ("message", "str"), ("doc_id", "str"), ("provenance", "str"))
_DOCUMENTS = (("doc_id", "str"), ("dataset", "str"), ("source", "str"), ("path", "str"), ("record", "int"),
              ("language", "str"), ("license_expression", "str"), ("license_evidence", "str"),
              ("license_class", "str"), ("license_reason", "str"), ("text_anonymized", "str"),
              ("n_chars", "int"), ("n_tokens", "int"), ("dup_key", "str"), ("residual_pii", "int"),
              ("ingest_run_id", "str"), ("created_at", "ts"), ("provenance", "str"))
_PII_COUNTS = (("doc_id", "str"), ("entity_type", "str"), ("n", "int"))


class IngestRunQueries:
    def start_run(self, run_id: str, dataset: str, inbox: str, policy_digest: str) -> None:
        with self.connect() as con:
            con.execute("INSERT INTO ingest_runs VALUES (?, ?, ?, ?, ?, NULL, NULL)",
                        [run_id, dataset, inbox, policy_digest, now()])

    def finish_run(self, run_id: str, counts: dict, audit_record: dict | None = None) -> None:
        with self.transaction() as con:
            con.execute("UPDATE ingest_runs SET finished_at = ?, counts = ? WHERE run_id = ?",
                        [now(), json.dumps(counts), run_id])
            self._to_outbox(con, [audit_record] if audit_record else [])

    def upsert_source(self, name: str, license: str | None, owner: str | None, purpose: str | None,
                      language: str | None) -> None:
        with self.connect() as con:
            con.execute(
                """INSERT INTO sources (name, license, owner, purpose, language) VALUES (?, ?, ?, ?, ?)
                   ON CONFLICT (name) DO UPDATE SET license = excluded.license, owner = excluded.owner,
                   purpose = excluded.purpose, language = excluded.language""",
                [name, license, owner, purpose, language])

    def allow_source(self, name: str, reviewer: str, comment: str) -> bool:
        with self.connect() as con:
            found = con.execute("SELECT count(*) FROM sources WHERE name = ?", [name]).fetchone()[0]
            if found:
                con.execute("UPDATE sources SET allowed_by = ?, allowed_at = ?, allow_comment = ? WHERE name = ?",
                            [reviewer, now(), comment, name])
            return bool(found)

    def processed_files(self) -> set[tuple[str, str]]:
        with self.connect() as con:
            return set(con.execute("SELECT path, digest FROM files").fetchall())

    def known_doc_ids(self, doc_ids: Iterable[str]) -> set[str]:
        ids = list(set(doc_ids))
        if not ids:
            return set()
        with self.connect() as con:  # by primary key (by_keys): `IN (SELECT unnest(?))` reads every doc_id
            return {r[0] for r in by_keys(con, "SELECT doc_id FROM (SELECT unnest(?::VARCHAR[]) AS doc_id) k "
                                               "JOIN documents USING (doc_id)", sorted(ids))}

    def commit_batch(self, run_id: str, dataset: str, files: list[tuple[str, str, str, int]],
                     items: list[ItemOutcome], documents: list[CleanDocument],
                     audit_records: list[dict] = ()) -> None:
        """One batch of input files: file records (path, digest, source, items), per-item outcomes,
        documents with their PII counts and features, and the audit records that describe them
        (delivered to the log after the commit: an outbox)."""
        created = now()
        with self.transaction() as con:  # one INSERT … SELECT over Arrow per table (bulk_insert)
            bulk_insert(con, "files", _FILES, [(p, d, s, run_id, n) for p, d, s, n in files],
                        on_conflict_do_nothing=True)
            bulk_insert(con, "ingest_items", _ITEMS,
                        [(run_id, i.source, i.path, i.record, i.outcome, i.reason, i.message, i.doc_id,
                          i.provenance or None) for i in items])
            bulk_insert(con, "documents", _DOCUMENTS,
                        [(doc.doc_id, dataset, doc.source, doc.path, doc.record, doc.language,
                          doc.license_expression, doc.license_evidence, doc.license_class, doc.license_reason,
                          doc.text_anonymized, doc.n_chars, doc.n_tokens, doc.dup_key, sum(doc.residual.values()),
                          run_id, created, doc.provenance or None) for doc in documents],
                        on_conflict_do_nothing=True)
            bulk_insert(con, "pii_counts", _PII_COUNTS,
                        [(d.doc_id, entity, n) for d in documents for entity, n in d.pii_counts.items()],
                        on_conflict_do_nothing=True)
            self._to_outbox(con, audit_records)
            crash_point("catalog.batch_uncommitted")  # killed inside the transaction: DuckDB rolls it back
            self.insert_features(con, dataset, [d.features for d in documents if d.features])

    def run_items(self, run_id: str) -> list[dict]:
        return self._rows("SELECT * FROM ingest_items WHERE run_id = ? ORDER BY path, record", [run_id])

    def run_item_tally(self, run_id: str) -> tuple[dict[str, int], int]:
        """({outcome: items} of a run, how many of its items repeat an earlier one's (path, record)),
        counted in the catalog: the accounting check reads two numbers per outcome, not every row."""
        with self.connect() as con:
            outcomes = dict(con.execute("SELECT outcome, count(*) FROM ingest_items WHERE run_id = ? GROUP BY 1",
                                        [run_id]).fetchall())
            repeated = con.execute("SELECT count(*) - count(DISTINCT (path, record)) FROM ingest_items "
                                   "WHERE run_id = ?", [run_id]).fetchone()[0]
        return outcomes, int(repeated)

    def sources(self) -> list[dict]:
        return self._rows("SELECT * FROM sources ORDER BY name")

    def doc_ids_of_source(self, source: str) -> list[str]:
        return [r["doc_id"] for r in self._rows("SELECT doc_id FROM documents WHERE source = ?", [source])]

    def ingest_runs(self, dataset: str) -> list[dict]:
        return self._rows("SELECT * FROM ingest_runs WHERE dataset = ? ORDER BY started_at", [dataset])

    def outcome_counts(self, dataset: str, until=None) -> list[dict]:
        """Items by outcome and reason over the dataset's ingest runs (up to `until`)."""
        return self._rows(
            """SELECT i.outcome, i.reason, count(*)::INTEGER AS n FROM ingest_items i
               JOIN ingest_runs r USING (run_id) WHERE r.dataset = ? AND (? IS NULL OR r.started_at <= ?)
               GROUP BY 1, 2 ORDER BY 1, 2""", [dataset, until, until])

    def source_exists(self, source: str) -> bool:
        with self.connect() as con:
            return bool(con.execute("SELECT count(*) FROM sources WHERE name = ?", [source]).fetchone()[0])

    def accounting_violations(self) -> list[str]:
        """Every recorded file's items add up, every item has one valid outcome, every stored
        document is backed by an accepted item. Returns one sentence per violation."""
        checks = {
            "files whose recorded item count differs from the items recorded for them":
                """SELECT f.path || ' (run ' || f.run_id || '): ' || f.n_items || ' read, '
                          || count(i.path) || ' recorded'
                   FROM files f LEFT JOIN ingest_items i ON i.run_id = f.run_id AND i.path = f.path
                   GROUP BY f.path, f.run_id, f.n_items HAVING count(i.path) <> f.n_items""",
            "items with an unknown outcome":
                """SELECT path || ' record ' || coalesce(record::VARCHAR, '-') || ': ' || coalesce(outcome, 'NULL')
                   FROM ingest_items WHERE outcome NOT IN ('accepted', 'license_review', 'duplicate', 'quarantined')
                   OR outcome IS NULL""",
            "quarantined items without a reason or message":
                """SELECT path || ' record ' || coalesce(record::VARCHAR, '-') FROM ingest_items
                   WHERE outcome = 'quarantined' AND (reason IS NULL OR message IS NULL OR reason = '')""",
            "an input item recorded twice in one run":
                """SELECT path || ' record ' || coalesce(record::VARCHAR, '-') || ' in run ' || run_id
                   FROM ingest_items GROUP BY run_id, path, record HAVING count(*) > 1""",
            "documents stored without an accepted item":
                """SELECT d.doc_id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM ingest_items i
                   WHERE i.doc_id = d.doc_id AND i.outcome IN ('accepted', 'license_review'))""",
            "accepted items whose document is missing":
                """SELECT i.path || ' → ' || i.doc_id FROM ingest_items i
                   WHERE i.outcome IN ('accepted', 'license_review')
                   AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.doc_id = i.doc_id)""",
        }
        problems = []
        with self.connect() as con:
            for what, sql in checks.items():
                rows = [r[0] for r in con.execute(sql).fetchall()]
                if rows:
                    problems.append(f"{len(rows)} {what}: {', '.join(rows[:5])}" + (" …" if len(rows) > 5 else ""))
        return problems

    def unfinished_runs(self) -> list[dict]:
        return self._rows("SELECT run_id, dataset, started_at FROM ingest_runs WHERE finished_at IS NULL "
                          "ORDER BY started_at")

    def input_paths(self) -> set[str]:
        """Every input path the catalog names (files, items, documents)."""
        with self.connect() as con:
            return {r[0] for r in con.execute("SELECT path FROM files UNION SELECT path FROM ingest_items "
                                              "UNION SELECT path FROM documents").fetchall() if r[0] is not None}

    def replace_input_paths(self, mapping: dict[str, str], withheld: str) -> None:
        """Rename input paths (old → new) everywhere, in one transaction; the messages of the renamed
        items are replaced by `withheld` (they quoted the old path and input values)."""
        with self.transaction() as con:
            for old, new in mapping.items():
                con.execute("DELETE FROM files WHERE path = ? AND digest IN (SELECT digest FROM files WHERE path = ?)",
                            [old, new])
                con.execute("UPDATE files SET path = ? WHERE path = ?", [new, old])
                con.execute("UPDATE ingest_items SET path = ?, message = ? || ' (' || reason || ')' WHERE path = ?",
                            [new, withheld, old])
                con.execute("UPDATE documents SET path = ? WHERE path = ?", [new, old])

    def license_values(self) -> dict[str, set[str]]:
        """Declared and recorded license values: {"sources": ..., "evidence": ...} (for scrubbing)."""
        with self.connect() as con:
            sources = {r[0] for r in con.execute("SELECT license FROM sources WHERE license IS NOT NULL").fetchall()}
            evidence = {r[0] for r in con.execute("SELECT DISTINCT license_evidence FROM documents "
                                                  "WHERE license_evidence LIKE 'conflict: %'").fetchall()}
        return {"sources": sources, "evidence": evidence}

    def replace_license_values(self, sources: dict[str, str], evidence: dict[str, str]) -> None:
        with self.transaction() as con:
            for old, new in sources.items():
                con.execute("UPDATE sources SET license = ? WHERE license = ?", [new, old])
            for old, new in evidence.items():
                con.execute("UPDATE documents SET license_evidence = ? WHERE license_evidence = ?", [new, old])

    def file_digests(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for path, digest in self.processed_files():
            out.setdefault(path, set()).add(digest)
        return out
