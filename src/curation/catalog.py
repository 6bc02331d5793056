"""The catalog: the only module that speaks SQL. One DuckDB file holds everything but raw text.

Writes for one batch of input files happen in one transaction keyed by (file path, file digest)
and doc_id, so a rerun after a crash redoes exactly the batches that did not commit.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from curation.faults import crash_point
from curation.locking import exclusive

SCHEMA = """
CREATE TABLE IF NOT EXISTS ingest_runs (
    run_id VARCHAR PRIMARY KEY, dataset VARCHAR, inbox VARCHAR, policy_digest VARCHAR,
    started_at TIMESTAMPTZ, finished_at TIMESTAMPTZ, counts JSON);
CREATE TABLE IF NOT EXISTS sources (
    name VARCHAR PRIMARY KEY, license VARCHAR, owner VARCHAR, purpose VARCHAR, language VARCHAR,
    allowed_by VARCHAR, allowed_at TIMESTAMPTZ, allow_comment VARCHAR);
CREATE TABLE IF NOT EXISTS files (
    path VARCHAR, digest VARCHAR, source VARCHAR, run_id VARCHAR, n_items INTEGER,
    PRIMARY KEY (path, digest));
CREATE TABLE IF NOT EXISTS ingest_items (
    run_id VARCHAR, source VARCHAR, path VARCHAR, record INTEGER, outcome VARCHAR,
    reason VARCHAR, message VARCHAR, doc_id VARCHAR);
CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY, dataset VARCHAR, source VARCHAR, path VARCHAR, record INTEGER,
    language VARCHAR, license_expression VARCHAR, license_evidence VARCHAR, license_class VARCHAR,
    license_reason VARCHAR, text_anonymized VARCHAR, n_chars INTEGER, n_tokens INTEGER,
    dup_key VARCHAR, residual_pii INTEGER, ingest_run_id VARCHAR, created_at TIMESTAMPTZ);
CREATE TABLE IF NOT EXISTS pii_counts (doc_id VARCHAR, entity_type VARCHAR, n INTEGER,
    PRIMARY KEY (doc_id, entity_type));
CREATE TABLE IF NOT EXISTS expectation_results (
    check_run_id VARCHAR, dataset VARCHAR, version_id VARCHAR, expectation VARCHAR,
    expectation_type VARCHAR, severity VARCHAR, success BOOLEAN, observed JSON, bounds JSON,
    unexpected_doc_ids JSON, message VARCHAR, created_at TIMESTAMPTZ);
CREATE TABLE IF NOT EXISTS dataset_versions (
    version_id VARCHAR PRIMARY KEY, dataset VARCHAR, status VARCHAR, path VARCHAR,
    n_rows INTEGER, policy_digest VARCHAR, check_run_id VARCHAR, created_at TIMESTAMPTZ);
CREATE TABLE IF NOT EXISTS reviews (
    version_id VARCHAR, decision VARCHAR, reviewer VARCHAR, comment VARCHAR,
    flow_run_id VARCHAR, audit_seq BIGINT, decided_at TIMESTAMPTZ);
CREATE TABLE IF NOT EXISTS training_runs (
    run_id VARCHAR PRIMARY KEY, version_id VARCHAR, status VARCHAR, base_model VARCHAR,
    base_model_sha256 VARCHAR, device VARCHAR, record JSON, output_dir VARCHAR, error VARCHAR,
    started_at TIMESTAMPTZ, finished_at TIMESTAMPTZ);
CREATE TABLE IF NOT EXISTS retractions (
    retraction_id VARCHAR, doc_id VARCHAR, source VARCHAR, reason VARCHAR, reviewer VARCHAR,
    retracted_at TIMESTAMPTZ);
ALTER TABLE documents ADD COLUMN IF NOT EXISTS retracted_at TIMESTAMPTZ;
CREATE SEQUENCE IF NOT EXISTS audit_outbox_seq;
CREATE TABLE IF NOT EXISTS audit_outbox (
    n BIGINT DEFAULT nextval('audit_outbox_seq'), key VARCHAR PRIMARY KEY, event VARCHAR, subject VARCHAR,
    data JSON, actor VARCHAR, flow_run_id VARCHAR, policy_digest VARCHAR);
ALTER TABLE training_runs ADD COLUMN IF NOT EXISTS params JSON;
ALTER TABLE training_runs ADD COLUMN IF NOT EXISTS attempts INTEGER;
CREATE TABLE IF NOT EXISTS license_overrides (
    source VARCHAR, expression VARCHAR, reviewer VARCHAR, reason VARCHAR, audit_seq BIGINT,
    decided_at TIMESTAMPTZ);
CREATE TABLE IF NOT EXISTS features (
    doc_id VARCHAR PRIMARY KEY, language_confidence DOUBLE, n_words INTEGER, n_lines INTEGER,
    dup_line_frac DOUBLE, dup_line_char_frac DOUBLE, top_2gram_char_frac DOUBLE,
    top_3gram_char_frac DOUBLE, top_4gram_char_frac DOUBLE, dup_5gram_char_frac DOUBLE,
    dup_6gram_char_frac DOUBLE, dup_7gram_char_frac DOUBLE, dup_8gram_char_frac DOUBLE,
    dup_9gram_char_frac DOUBLE, dup_10gram_char_frac DOUBLE, non_text_share DOUBLE,
    profanity_hits INTEGER, insult_hits INTEGER, threat_hits INTEGER, identity_attack_hits INTEGER,
    gender_male_terms INTEGER, gender_female_terms INTEGER, age_terms INTEGER, nationality_terms INTEGER,
    religion_terms INTEGER, near_dup_cluster VARCHAR, near_dup_of VARCHAR, near_dup_similarity DOUBLE,
    minhash BLOB, computed_at TIMESTAMPTZ);
CREATE TABLE IF NOT EXISTS lsh_bands (dataset VARCHAR, band SMALLINT, bucket BIGINT, doc_id VARCHAR);
"""


def now() -> datetime:
    return datetime.now(UTC)


class Catalog:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._pinned: duckdb.DuckDBPyConnection | None = None
        with self.connect() as con:
            con.execute(SCHEMA)

    @property
    def lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".connection.lock")

    @contextmanager
    def session(self) -> Iterator[None]:
        """Hold one connection (and the connection lock) for a short run of operations, such as a
        version build. Opening DuckDB costs 10-80 ms here."""
        if self._pinned is not None:
            yield
            return
        with exclusive(self.lock_path):
            self._pinned = duckdb.connect(str(self.path))
            try:
                yield
            finally:
                self._pinned.close()
                self._pinned = None

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection for one operation. DuckDB lets one process at a time open the file and
        fails at once otherwise, so connections are taken under a lock file that other processes
        wait on (the CLI beside a served flow, two flows, a report writer)."""
        if self._pinned is not None:
            yield self._pinned
            return
        with exclusive(self.lock_path):
            con = duckdb.connect(str(self.path))
            try:
                yield con
            finally:
                con.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self.connect() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                yield con
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise

    def _rows(self, sql: str, params: list | None = None) -> list[dict[str, Any]]:
        with self.connect() as con:
            cur = con.execute(sql, params or [])
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    # ---- ingest ---------------------------------------------------------------------------
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
        with self.connect() as con:
            rows = con.execute("SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?))", [ids]).fetchall()
        return {r[0] for r in rows}

    def commit_batch(self, run_id: str, dataset: str, files: list[tuple[str, str, str, int]],
                     items: list[tuple], documents: list[dict], pii: list[tuple[str, str, int]],
                     audit_records: list[dict] = ()) -> None:
        """One batch of input files: file records, per-item outcomes, documents, PII counts, and the
        audit records that describe them (delivered to the log after the commit: an outbox)."""
        with self.transaction() as con:
            if files:
                con.executemany("INSERT INTO files VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                                [(p, d, s, run_id, n) for p, d, s, n in files])
            if items:
                con.executemany("INSERT INTO ingest_items VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                [(run_id, *item) for item in items])
            for doc in documents:
                con.execute(
                    """INSERT INTO documents (doc_id, dataset, source, path, record, language,
                       license_expression, license_evidence, license_class, license_reason, text_anonymized,
                       n_chars, n_tokens, dup_key, residual_pii, ingest_run_id, created_at)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                    [doc["doc_id"], dataset, doc["source"], doc["path"], doc["record"], doc["language"],
                     doc["license_expression"], doc["license_evidence"], doc["license_class"],
                     doc["license_reason"], doc["text_anonymized"], doc["n_chars"], doc["n_tokens"],
                     doc["dup_key"], doc["residual_pii"], run_id, now()])
            if pii:
                con.executemany("INSERT INTO pii_counts VALUES (?, ?, ?) ON CONFLICT DO NOTHING", pii)
            self._to_outbox(con, audit_records)
            crash_point("catalog.batch_uncommitted")  # killed inside the transaction: DuckDB rolls it back
            self.insert_features(con, dataset, [d["features"] for d in documents if d.get("features")])

    def run_items(self, run_id: str) -> list[dict]:
        return self._rows("SELECT * FROM ingest_items WHERE run_id = ? ORDER BY path, record", [run_id])

    def pii_totals(self, *, run_id: str | None = None, doc_ids: list[str] | None = None) -> dict[str, int]:
        """PII entities replaced, by type, over one ingest run or a list of documents."""
        if doc_ids is not None:
            where, params = "WHERE p.doc_id IN (SELECT unnest(?))", [doc_ids]
        else:
            where, params = "JOIN documents d USING (doc_id) WHERE d.ingest_run_id = ?", [run_id]
        rows = self._rows(f"SELECT entity_type, sum(n)::INTEGER AS n FROM pii_counts p {where} "
                          "GROUP BY 1 ORDER BY 1", params)
        return {r["entity_type"]: r["n"] for r in rows}

    def pii_counts_for(self, doc_id: str) -> dict[str, int]:
        return {r["entity_type"]: r["n"] for r in
                self._rows("SELECT entity_type, n FROM pii_counts WHERE doc_id = ?", [doc_id])}

    # ---- documents for checks and versions --------------------------------------------------
    _EFFECTIVE = """
        SELECT d.*, CASE WHEN d.license_class = 'review' AND s.allowed_by IS NOT NULL THEN 'allow'
                    ELSE d.license_class END AS effective_license_class
        FROM documents d LEFT JOIN sources s ON s.name = d.source
        WHERE d.dataset = ? AND d.retracted_at IS NULL"""

    def feature_frame(self, dataset: str):
        """Per-document features of the documents a new version would contain (a pandas frame)."""
        with self.connect() as con:  # through Arrow: 1.7x faster than .df() on a million rows
            con.execute("SET enable_progress_bar = false")
            return con.sql(
                f"""SELECT doc_id, source, language, effective_license_class AS license_class, n_chars,
                    n_tokens, residual_pii, dup_key, f.* EXCLUDE (doc_id, minhash, computed_at)
                    FROM ({self._EFFECTIVE}) LEFT JOIN features f USING (doc_id)
                    WHERE effective_license_class = 'allow' ORDER BY doc_id""", params=[dataset]
            ).to_arrow_table().to_pandas()

    def held_for_review(self, dataset: str) -> list[dict]:
        return self._rows(f"""SELECT source, license_expression, count(*)::INTEGER AS n FROM ({self._EFFECTIVE})
                              WHERE effective_license_class = 'review' GROUP BY 1, 2 ORDER BY 1""", [dataset])

    def version_rows(self, dataset: str, doc_ids: list[str]) -> list[dict]:
        return self._rows(
            """SELECT doc_id, source, language, license_expression AS license, text_anonymized AS text
               FROM documents WHERE dataset = ? AND doc_id IN (SELECT unnest(?)) ORDER BY doc_id""",
            [dataset, doc_ids])

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

    # ---- dataset versions, reviews, training ------------------------------------------------
    def add_version(self, version_id: str, dataset: str, path: str, n_rows: int, policy_digest: str,
                    check_run_id: str, audit_record: dict | None = None) -> bool:
        """Register a version as pending_review; False when it already exists (same content)."""
        with self.transaction() as con:
            if con.execute("SELECT 1 FROM dataset_versions WHERE version_id = ?", [version_id]).fetchone():
                return False
            self._to_outbox(con, [audit_record] if audit_record else [])
            con.execute("INSERT INTO dataset_versions VALUES (?, ?, 'pending_review', ?, ?, ?, ?, ?)",
                        [version_id, dataset, path, n_rows, policy_digest, check_run_id, now()])
            con.execute("UPDATE expectation_results SET version_id = ? WHERE check_run_id = ?",
                        [version_id, check_run_id])
            return True

    def version(self, version_id: str) -> dict | None:
        rows = self._rows("SELECT * FROM dataset_versions WHERE version_id = ? OR version_id LIKE ? || '%'",
                          [version_id, version_id])
        return rows[0] if len(rows) == 1 else None

    def versions(self) -> list[dict]:
        return self._rows("SELECT * FROM dataset_versions ORDER BY created_at")

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

    def start_training(self, run_id: str, version_id: str, base_model: str) -> None:
        with self.connect() as con:
            con.execute("INSERT INTO training_runs (run_id, version_id, status, base_model, started_at) "
                        "VALUES (?, ?, 'running', ?, ?)", [run_id, version_id, base_model, now()])

    def finish_training(self, run_id: str, status: str, record: dict | None = None,
                        output_dir: str | None = None, error: str | None = None) -> None:
        record = record or {}
        with self.connect() as con:
            con.execute(
                """UPDATE training_runs SET status = ?, base_model_sha256 = ?, device = ?, record = ?,
                   output_dir = ?, error = ?, finished_at = ? WHERE run_id = ?""",
                [status, record.get("base_model_sha256"), record.get("device"), json.dumps(record, default=str),
                 output_dir, error, now(), run_id])

    def training_runs(self, version_id: str | None = None) -> list[dict]:
        if version_id:
            return self._rows("SELECT * FROM training_runs WHERE version_id = ? ORDER BY started_at", [version_id])
        return self._rows("SELECT * FROM training_runs ORDER BY started_at")

    def sources(self) -> list[dict]:
        return self._rows("SELECT * FROM sources ORDER BY name")

    # ---- retraction ---------------------------------------------------------------------------
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

    def doc_ids_of_source(self, source: str) -> list[str]:
        return [r["doc_id"] for r in self._rows("SELECT doc_id FROM documents WHERE source = ?", [source])]

    def revoke_versions(self, version_ids: list[str]) -> None:
        with self.connect() as con:
            con.execute("UPDATE dataset_versions SET status = 'revoked' WHERE version_id IN (SELECT unnest(?))",
                        [version_ids])

    def retractions(self) -> list[dict]:
        return self._rows("SELECT * FROM retractions ORDER BY retracted_at")


    # ---- compliance reporting -----------------------------------------------------------------
    def ingest_runs(self, dataset: str) -> list[dict]:
        return self._rows("SELECT * FROM ingest_runs WHERE dataset = ? ORDER BY started_at", [dataset])

    def outcome_counts(self, dataset: str, until=None) -> list[dict]:
        """Items by outcome and reason over the dataset's ingest runs (up to `until`)."""
        return self._rows(
            """SELECT i.outcome, i.reason, count(*)::INTEGER AS n FROM ingest_items i
               JOIN ingest_runs r USING (run_id) WHERE r.dataset = ? AND (? IS NULL OR r.started_at <= ?)
               GROUP BY 1, 2 ORDER BY 1, 2""", [dataset, until, until])

    # ---- training runs: plan and resume -------------------------------------------------------
    def plan_training(self, run_id: str, output_dir: str, params: dict) -> None:
        """Record where a started run writes and the hyperparameters it must be resumed with."""
        with self.connect() as con:
            con.execute("UPDATE training_runs SET output_dir = ?, params = ?, attempts = 1 WHERE run_id = ?",
                        [output_dir, json.dumps(params, default=str), run_id])

    def training_run(self, run_id: str) -> dict | None:
        """One training run by id or unique id prefix; None when no run (or several) match."""
        rows = self._rows("SELECT * FROM training_runs WHERE starts_with(run_id, ?)", [run_id])
        return rows[0] if len(rows) == 1 else None

    def restart_training(self, run_id: str) -> int:
        """Mark an interrupted or failed run as running again; returns its attempt number."""
        with self.connect() as con:
            con.execute("""UPDATE training_runs SET status = 'running', error = NULL, finished_at = NULL,
                           attempts = coalesce(attempts, 1) + 1 WHERE run_id = ?""", [run_id])
            return int(con.execute("SELECT attempts FROM training_runs WHERE run_id = ?", [run_id]).fetchone()[0])

    # ---- license overrides ------------------------------------------------------------------
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

    def source_exists(self, source: str) -> bool:
        with self.connect() as con:
            return bool(con.execute("SELECT count(*) FROM sources WHERE name = ?", [source]).fetchone()[0])

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

    # ---- consistency (curation doctor) --------------------------------------------------------
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

    def file_digests(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for path, digest in self.processed_files():
            out.setdefault(path, set()).add(digest)
        return out

    # ---- document features and dataset-level metrics (quality.py, bias.py) -------------------
    _FEATURE_COLUMNS = (
        "doc_id", "language_confidence", "n_words", "n_lines", "dup_line_frac", "dup_line_char_frac",
        "top_2gram_char_frac", "top_3gram_char_frac", "top_4gram_char_frac", "dup_5gram_char_frac",
        "dup_6gram_char_frac", "dup_7gram_char_frac", "dup_8gram_char_frac", "dup_9gram_char_frac",
        "dup_10gram_char_frac", "non_text_share", "profanity_hits", "insult_hits", "threat_hits",
        "identity_attack_hits", "gender_male_terms", "gender_female_terms", "age_terms",
        "nationality_terms", "religion_terms", "near_dup_cluster", "near_dup_of", "near_dup_similarity",
        "minhash")

    def insert_features(self, con: duckdb.DuckDBPyConnection, dataset: str, rows: list[dict]) -> None:
        """Feature rows (quality.FeatureExtractor) and their LSH band keys, inside the caller's
        transaction; a document that already has features keeps them (idempotent reruns)."""
        if not rows:
            return
        import pyarrow as pa

        cols = self._FEATURE_COLUMNS
        batch = pa.Table.from_pylist([{c: r.get(c) for c in cols} for r in rows]).append_column(
            "computed_at", pa.array([now()] * len(rows), pa.timestamp("us", tz="UTC")))
        bands = pa.Table.from_pylist([{"dataset": dataset, "band": i, "bucket": key, "doc_id": r["doc_id"]}
                                      for r in rows for i, key in enumerate(r.get("bands") or [])],
                                     schema=pa.schema([("dataset", pa.string()), ("band", pa.int16()),
                                                       ("bucket", pa.int64()), ("doc_id", pa.string())]))
        con.register("_new_features", batch)
        con.register("_new_bands", bands)
        try:
            con.execute("""INSERT INTO lsh_bands SELECT * FROM _new_bands
                           WHERE doc_id NOT IN (SELECT doc_id FROM features)""")
            con.execute(f"INSERT INTO features ({', '.join(cols)}, computed_at) "
                        f"SELECT {', '.join(cols)}, computed_at FROM _new_features ON CONFLICT DO NOTHING")
        finally:
            con.unregister("_new_features")
            con.unregister("_new_bands")

    def add_features(self, dataset: str, rows: list[dict]) -> None:
        """Feature rows computed outside an ingest batch (backfill), in their own transaction."""
        with self.transaction() as con:
            self.insert_features(con, dataset, rows)

    def near_dup_candidates(self, dataset: str, bands: list[tuple[int, int]]) -> list[dict]:
        """Earlier documents of `dataset` (not retracted) sharing an LSH band key with one of
        `bands` [(band, bucket)]: doc_id, band, bucket, near_dup_cluster, minhash."""
        if not bands:
            return []
        return self._rows(
            """SELECT b.doc_id, b.band, b.bucket, f.near_dup_cluster, f.minhash
               FROM (SELECT DISTINCT unnest(?) AS band, unnest(?) AS bucket) k
               JOIN lsh_bands b ON b.band = k.band AND b.bucket = k.bucket AND b.dataset = ?
               JOIN features f USING (doc_id) JOIN documents d USING (doc_id)
               WHERE d.retracted_at IS NULL""",
            [[b for b, _ in bands], [k for _, k in bands], dataset])

    def documents_without_features(self, dataset: str, limit: int) -> list[dict]:
        """Documents of `dataset` (not retracted) with no feature row: doc_id, text_anonymized."""
        return self._rows(
            """SELECT d.doc_id, d.text_anonymized FROM documents d ANTI JOIN features f USING (doc_id)
               WHERE d.dataset = ? AND d.retracted_at IS NULL ORDER BY d.created_at, d.doc_id LIMIT ?""",
            [dataset, limit])

    def quarantine_by_reason(self, dataset: str, max_doc_ids: int) -> tuple[int, list[dict]]:
        """(input items of the dataset, [{reason, n, doc_ids}]) from the ingest ledger, each item
        (path, record) counted once with its latest outcome; at most `max_doc_ids` ids per reason."""
        latest = """SELECT * FROM (
                        SELECT i.*, row_number() OVER (PARTITION BY i.path, i.record
                                                       ORDER BY r.started_at DESC) AS k
                        FROM ingest_items i JOIN ingest_runs r USING (run_id) WHERE r.dataset = ?)
                    WHERE k = 1"""
        with self.connect() as con:
            total = con.execute(f"SELECT count(*) FROM ({latest})", [dataset]).fetchone()[0]
            rows = con.execute(
                f"""SELECT reason, count(*)::INTEGER AS n,
                           list(doc_id ORDER BY doc_id) FILTER (WHERE doc_id IS NOT NULL)[1:?] AS doc_ids
                    FROM ({latest}) WHERE outcome = 'quarantined' GROUP BY reason ORDER BY reason""",
                [max_doc_ids, dataset]).fetchall()
        return int(total), [{"reason": r, "n": n, "doc_ids": ids or []} for r, n, ids in rows]

    def documents_profile(self, doc_ids: list[str]) -> list[dict]:
        """Per document: source, language, license, length and feature counts (reports)."""
        return self._rows(
            """SELECT d.doc_id, d.source, d.language, d.license_expression AS license, d.n_chars, d.n_tokens,
                      f.n_words, f.gender_male_terms, f.gender_female_terms, f.age_terms,
                      f.nationality_terms, f.religion_terms
               FROM documents d LEFT JOIN features f USING (doc_id)
               WHERE d.doc_id IN (SELECT unnest(?)) ORDER BY d.doc_id""", [doc_ids])

    # ---- audit outbox ---------------------------------------------------------------------------
    @staticmethod
    def _to_outbox(con: duckdb.DuckDBPyConnection, records) -> None:
        """Audit records committed with the state they describe; `outbox.deliver` appends them."""
        if records:
            con.executemany(
                "INSERT INTO audit_outbox (key, event, subject, data, actor, flow_run_id, policy_digest) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
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
