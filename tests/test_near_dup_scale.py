"""The near-duplicate lookup of a batch goes through indexes (issue 20): band rows through the
dataset's BandIndex held in memory, then documents and features by primary key, so its cost
follows the batch, not the catalog. It must find what the single join over every band row, feature
and document found before, and stay true when band rows are written after it was loaded."""

from __future__ import annotations

import random
import re

import pytest

import curation.catalog.band_index as band_index
import curation.catalog.bulk as catalog_bulk
import curation.catalog.documents as catalog_documents
from curation.catalog import Catalog
from curation.catalog.band_index import BandIndex
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


def test_documents_and_features_are_read_through_their_index(catalog, policy, monkeypatch):
    scans: list[tuple[str, str]] = []
    real = catalog_documents.by_keys

    def explained(con, sql, keys, params=()):
        rows = real(con, "EXPLAIN ANALYZE " + sql, keys, params)
        plan = "\n".join(r[1] for r in rows)
        # Plans print side by side: the tables read and their scan types, each in plan order.
        scans.append((sorted(re.findall(r"Table: \S+\.(\w+)", plan)),
                      sorted(re.findall(r"Type: (Index Scan|Sequential Scan)", plan))))
        return real(con, sql, keys, params)

    monkeypatch.setattr(catalog_documents, "by_keys", explained)
    assert catalog.near_dup_candidates("alpha", band_keys(policy, {f"new{i}": text(i) for i in range(4)}))
    assert scans == [(["documents", "features"], ["Index Scan", "Index Scan"])]


@pytest.fixture
def loads(monkeypatch) -> list[str]:
    """The datasets whose band index was loaded from the table, in order."""
    seen: list[str] = []
    real = BandIndex.load.__func__

    def counted(cls, con, dataset):
        seen.append(dataset)
        return real(cls, con, dataset)

    monkeypatch.setattr(BandIndex, "load", classmethod(counted))
    return seen


@pytest.fixture
def catalog_unloaded(catalog) -> Catalog:
    """The catalog fixture with no band index loaded yet."""
    catalog._band_indexes().clear()
    return catalog


def test_the_band_index_is_loaded_once_and_follows_this_catalogs_writes(catalog_unloaded, policy, loads):
    keys = band_keys(policy, {"n": text(40, changed=1)})
    assert catalog_unloaded.near_dup_candidates("alpha", keys) == []
    annotate_and_store(catalog_unloaded, "alpha", policy, {"a40": text(40)})  # written through this catalog
    annotate_and_store(catalog_unloaded, "beta", policy, {"b40": text(40)})  # another dataset's rows counted
    assert {r["doc_id"] for r in catalog_unloaded.near_dup_candidates("alpha", keys)} == {"a40"}
    assert loads == ["alpha", "beta"]  # beta's index for beta's own lookup; alpha's not loaded again


def test_band_rows_written_by_another_process_reload_the_index(catalog_unloaded, tmp_path, policy, loads):
    keys = band_keys(policy, {"n": text(41, changed=1)})
    assert catalog_unloaded.near_dup_candidates("alpha", keys) == []
    other = Catalog(tmp_path / "catalog.duckdb")  # another process's connection to the same file
    annotate_and_store(other, "alpha", policy, {"a41": text(41)})
    assert {r["doc_id"] for r in catalog_unloaded.near_dup_candidates("alpha", keys)} == {"a41"}
    assert loads == ["alpha", "alpha", "alpha"]  # ours, the other catalog's, ours again


def test_a_write_that_rolled_back_is_not_found(catalog_unloaded, policy, loads):
    keys = band_keys(policy, {"n": text(42, changed=1)})
    catalog_unloaded.near_dup_candidates("alpha", keys)
    rows = [{"doc_id": "a42", "text_anonymized": text(42)}]
    quality.annotate(rows, policy, catalog_unloaded, "alpha")
    with pytest.raises(RuntimeError), catalog_unloaded.transaction() as con:
        catalog_unloaded.insert_features(con, "alpha", [r["features"] for r in rows])
        raise RuntimeError("the batch failed after its features were written")
    assert catalog_unloaded.near_dup_candidates("alpha", keys) == []
    assert loads == ["alpha", "alpha"]  # the count fell short of the index's: loaded again


def test_a_rollback_balanced_by_another_writers_rows_still_finds_them(catalog_unloaded, tmp_path, policy):
    """The count alone would match: this catalog's 12 rolled-back band rows, the other's 12 new ones."""
    keys = band_keys(policy, {"n": text(45, changed=1)})
    assert catalog_unloaded.near_dup_candidates("alpha", keys) == []
    rows = [{"doc_id": "gone", "text_anonymized": text(46)}]
    quality.annotate(rows, policy, catalog_unloaded, "alpha")
    with pytest.raises(RuntimeError), catalog_unloaded.transaction() as con:
        catalog_unloaded.insert_features(con, "alpha", [r["features"] for r in rows])
        raise RuntimeError("the batch failed after its features were written")
    other = Catalog(tmp_path / "catalog.duckdb")
    annotate_and_store(other, "alpha", policy, {"a45": text(45)})
    assert {r["doc_id"] for r in catalog_unloaded.near_dup_candidates("alpha", keys)} == {"a45"}


def test_new_rows_merged_into_the_sorted_arrays_are_found(catalog, policy, monkeypatch):
    monkeypatch.setattr(band_index, "MERGE_AT", 5)
    keys = band_keys(policy, {"n": text(43, changed=1)})
    catalog.near_dup_candidates("alpha", keys)
    annotate_and_store(catalog, "alpha", policy, {"a43": text(43), "a44": text(44)})
    index = catalog._band_indexes()["alpha"]
    assert index.n_pending == 0 and "a43" in index.doc_ids
    assert list(index.buckets) == sorted(index.buckets)
    assert {r["doc_id"] for r in catalog.near_dup_candidates("alpha", keys)} == {"a43"}


def test_with_the_default_filter_threshold_a_key_join_reads_the_whole_table(catalog):
    """Why by_keys raises dynamic_or_filter_threshold: at DuckDB's default the same query scans."""
    keys = [f"a{i}" for i in range(30)] + [f"missing{i}" for i in range(30)]
    sql = "SELECT d.doc_id FROM (SELECT unnest(?::VARCHAR[]) AS doc_id) k JOIN documents d USING (doc_id)"
    with catalog.connect() as con:
        plan = "\n".join(r[1] for r in con.execute("EXPLAIN ANALYZE " + sql, [keys]).fetchall())
        assert "Sequential Scan" in plan and "Index Scan" not in plan
        assert len(catalog_bulk.by_keys(con, sql, keys)) == 30


def test_an_older_catalogs_art_index_on_band_rows_is_dropped_when_opened(tmp_path, policy):
    path = tmp_path / "old.duckdb"
    old = Catalog(path)
    with old.connect() as con:
        con.execute("CREATE INDEX lsh_bands_bucket ON lsh_bands (bucket)")  # as catalogs of December 2026
    rows = annotate_and_store(old, "alpha", policy, {f"a{i}": text(i) for i in range(5)})
    reopened = Catalog(path)
    assert reopened._rows("SELECT index_name FROM duckdb_indexes() WHERE table_name = 'lsh_bands'") == []
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
    keys = band_keys(policy, {f"new{i}": text(i, changed=2) for i in range(30)})
    expected = catalog._rows(JOIN_BEFORE, [[b for b, _ in keys], [k for _, k in keys], "alpha"])
    assert canonical(catalog.near_dup_candidates("alpha", keys)) == canonical(expected)
    assert catalog.known_doc_ids(["a0", "a1", "a2", "a3", "b1", "nope", "a4"]) == {"a0", "a1", "a2", "a3", "a4", "b1"}
