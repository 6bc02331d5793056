"""The catalog's tables: created on open, extended in place by `ADD COLUMN IF NOT EXISTS`."""

from datetime import UTC, datetime

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
ALTER TABLE dataset_versions ADD COLUMN IF NOT EXISTS release_gate JSON;
CREATE TABLE IF NOT EXISTS evaluations (
    eval_id VARCHAR PRIMARY KEY, run_id VARCHAR, version_id VARCHAR, status VARCHAR, result JSON,
    created_at TIMESTAMPTZ);
-- Where in its file an item came from ("page 3", "sheet 2 row 14"): words and numbers, never input values.
ALTER TABLE documents ADD COLUMN IF NOT EXISTS provenance VARCHAR;
ALTER TABLE ingest_items ADD COLUMN IF NOT EXISTS provenance VARCHAR;
CREATE TABLE IF NOT EXISTS lsh_bands (dataset VARCHAR, band SMALLINT, bucket BIGINT, doc_id VARCHAR);
-- The near-duplicate lookup reads band rows from an in-memory index loaded once per process
-- (catalog/band_index.py), not through an ART index on bucket: DuckDB reloads an ART index into
-- every connection, which made the lookup grow with the catalog. Catalogs of December 2026 had
-- one; it cost every band row's insert and 0.5 GB at 1M documents, and nothing reads it now.
DROP INDEX IF EXISTS lsh_bands_bucket;
-- Canaries the stewards declared in SOURCE.yaml, recorded at ingest by hash and length (never the
-- value), so that an evaluation does not depend on the inbox: build_version pins them per version.
CREATE TABLE IF NOT EXISTS source_canaries (
    source VARCHAR, sha256 VARCHAR, n_chars INTEGER, declared_at TIMESTAMPTZ, PRIMARY KEY (source, sha256));
"""


def now() -> datetime:
    return datetime.now(UTC)
