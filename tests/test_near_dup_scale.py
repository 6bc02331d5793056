"""The near-duplicate lookup of a batch goes through indexes (issue 20): band rows by bucket, then
documents and features by primary key, so its cost follows the batch, not the catalog. It must
find what the single join over every band row, feature and document found before."""

from __future__ import annotations

import random
import re

import pytest

import curation.catalog.bulk as catalog_bulk
import curation.catalog.documents as catalog_documents
from curation.catalog import Catalog
from curation.checks import quality

# The lookup as it was before issue 20, kept as the specification of its result.
JOIN_BEFORE = """SELECT b.doc_id, b.band, b.bucket, f.near_dup_cluster, f.minhash
                 FROM (SELECT DISTINCT unnest(?) AS band, unnest(?) AS bucket) k
                 JOIN lsh_bands b ON b.band = k.band AND b.bucket = k.bucket AND b.dataset = ?
                 JOIN features f USING (doc_id) JOIN documents d USING (doc_id)
                 WHERE d.retracted_at IS NULL"""
WORDS = [f"w{i}" for i in range(400)]


def text(seed: int, changed: int = 0) -> str:
    """300 words from a seed; `changed` words at the end replaced (a near-duplicate of the seed's)."""
    words = random.Random(seed).choices(WORDS, k=300)
    return " ".join(words[:300 - changed] + ["changed"] * changed)


def annotate_and_store(catalog: Catalog, dataset: str, policy, docs: dict[str, str]) -> list[dict]:
    rows = [{"doc_id": doc_id, "text_anonymized": body} for doc_id, body in docs.items()]
    quality.annotate(rows, policy, catalog, dataset)
    with catalog.transaction() as con:
        con.executemany("INSERT INTO documents (doc_id, dataset, text_anonymized) VALUES (?, ?, ?)",
                        [(r["doc_id"], dataset, r["text_anonymized"]) for r in rows])
        catalog.insert_features(con, dataset, [r["features"] for r in rows])
    return rows


def band_keys(policy, docs: dict[str, str]) -> list[tuple[int, int]]:
    ex = quality.extractor(policy)
    keys = []
    for doc_id, body in docs.items():
        _, m = ex.features(doc_id, body)
        keys.extend(enumerate(ex.band_keys(m.hashvalues)))
    return keys


def canonical(rows: list[dict]) -> list[tuple]:
    return sorted((r["doc_id"], r["band"], r["bucket"], r["near_dup_cluster"], r["minhash"]) for r in rows)


@pytest.fixture
def catalog(tmp_path, policy) -> Catalog:
    """Two datasets holding the same texts, near-duplicate pairs, and one retracted document."""
    catalog = Catalog(tmp_path / "catalog.duckdb")
    base = {f"a{i}": text(i) for i in range(30)} | {f"near{i}": text(i, changed=3) for i in range(5)}
    annotate_and_store(catalog, "alpha", policy, base)
    annotate_and_store(catalog, "beta", policy, {f"b{i}": text(i) for i in range(10)})
    catalog.retract("r1", ["a2"], "owner asked", "steward")
    return catalog


def test_the_lookup_finds_what_the_former_join_found(catalog, policy):
    batch = {f"new{i}": text(i, changed=2) for i in range(8)} | {"unrelated": text(999)}
    keys = band_keys(policy, batch)
    found = catalog.near_dup_candidates("alpha", keys)
    expected = catalog._rows(JOIN_BEFORE, [[b for b, _ in keys], [k for _, k in keys], "alpha"])
    assert canonical(found) == canonical(expected)
    found_docs = {r["doc_id"] for r in found}
    assert {"a0", "a1", "near0", "a7"} <= found_docs  # near-duplicates of the batch in this dataset
    assert "a2" not in found_docs  # retracted
    assert not any(d.startswith("b") for d in found_docs)  # the same texts in another dataset


def test_a_batch_without_near_duplicates_finds_nothing(catalog, policy):
    assert catalog.near_dup_candidates("alpha", band_keys(policy, {"x": text(12345)})) == []
    assert catalog.near_dup_candidates("alpha", []) == []


def test_every_table_of_the_lookup_is_read_through_its_index(catalog, policy, monkeypatch):
    scans: list[tuple[str, str]] = []
    real = catalog_documents.by_keys

    def explained(con, sql, keys, params=()):
        rows = real(con, "EXPLAIN ANALYZE " + sql, keys, params)
        plan = "\n".join(r[1] for r in rows)
        scans.extend(re.findall(r"Table: \S+\.(\w+)\s.*?Type: ([A-Za-z ]+?)\s*│", plan, re.DOTALL))
        return real(con, sql, keys, params)

    monkeypatch.setattr(catalog_documents, "by_keys", explained)
    assert catalog.near_dup_candidates("alpha", band_keys(policy, {f"new{i}": text(i) for i in range(4)}))
    assert sorted(scans) == [("documents", "Index Scan"), ("features", "Index Scan"), ("lsh_bands", "Index Scan")]


def test_with_the_default_filter_threshold_the_band_join_reads_the_whole_table(catalog, policy):
    """Why by_keys raises dynamic_or_filter_threshold: at DuckDB's default the same query scans."""
    keys = sorted({k for _, k in band_keys(policy, {f"new{i}": text(i) for i in range(8)})})
    with catalog.connect() as con:
        plan = "\n".join(r[1] for r in con.execute(
            "EXPLAIN ANALYZE SELECT b.doc_id FROM (SELECT unnest(?::BIGINT[]) AS bucket) k "
            "JOIN lsh_bands b USING (bucket)", [keys]).fetchall())
    assert len(keys) > 50
    assert "Sequential Scan" in plan and "Index Scan" not in plan


def test_an_older_catalog_gets_the_band_index_when_opened(tmp_path, policy):
    path = tmp_path / "old.duckdb"
    old = Catalog(path)
    with old.connect() as con:
        con.execute("DROP INDEX lsh_bands_bucket")  # as a catalog written before issue 20
    rows = annotate_and_store(old, "alpha", policy, {f"a{i}": text(i) for i in range(5)})
    reopened = Catalog(path)
    assert reopened._rows("SELECT index_name FROM duckdb_indexes() WHERE table_name = 'lsh_bands'") == [
        {"index_name": "lsh_bands_bucket"}]
    keys = band_keys(policy, {"n": text(3, changed=1)})
    assert {r["doc_id"] for r in reopened.near_dup_candidates("alpha", keys)} == {"a3"}
    assert len(rows) == 5


def test_features_stored_twice_keep_one_set_of_band_rows(catalog, policy):
    before = catalog._rows("SELECT count(*) AS n FROM lsh_bands")[0]["n"]
    rows = [{"doc_id": "a0", "text_anonymized": text(0)}, {"doc_id": "a1", "text_anonymized": text(1)}]
    quality.annotate(rows, policy, catalog, "alpha")
    catalog.add_features("alpha", [r["features"] for r in rows])
    assert catalog._rows("SELECT count(*) AS n FROM lsh_bands")[0]["n"] == before


def test_lookups_longer_than_one_slice_find_every_key(catalog, policy, monkeypatch):
    monkeypatch.setattr(catalog_bulk, "KEYS_PER_LOOKUP", 3)
    keys = band_keys(policy, {f"new{i}": text(i, changed=2) for i in range(8)})
    expected = catalog._rows(JOIN_BEFORE, [[b for b, _ in keys], [k for _, k in keys], "alpha"])
    assert canonical(catalog.near_dup_candidates("alpha", keys)) == canonical(expected)
    assert catalog.known_doc_ids(["a0", "a1", "a2", "a3", "b1", "nope", "a4"]) == {"a0", "a1", "a2", "a3", "a4", "b1"}
