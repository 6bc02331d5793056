"""Catalog.commit_batch writes each table with one INSERT … SELECT over Arrow (issue 20): the rows
it stores, its idempotence on a rerun and its all-or-nothing transaction are those of the
row-by-row statements it replaced."""

from __future__ import annotations

import pytest

from curation.catalog import Catalog
from curation.documents import CleanDocument, ItemOutcome


def clean(i: int, *, text: str = "", pii: dict[str, int] | None = None, provenance: str = "") -> CleanDocument:
    return CleanDocument(
        doc_id=f"doc{i:03d}", source="tickets", path=f"tickets/{i:016x}.txt", record=i, language="en",
        language_confidence=0.99, text_anonymized=text or f"Ticket {i} from <PERSON> about the printer.",
        pii_counts={"PERSON": 1, "EMAIL_ADDRESS": 2} if pii is None else pii, residual={"US_SSN": 1} if i == 2 else {},
        license_expression="MIT", license_evidence="SOURCE.yaml", license_class="allow",
        license_reason="declared", n_chars=40 + i, n_tokens=7, dup_key=f"key{i}", provenance=provenance)


def accepted(doc: CleanDocument) -> ItemOutcome:
    return ItemOutcome(doc.source, doc.path, doc.record, "accepted", "", "", doc.doc_id, doc.provenance)


def commit(catalog: Catalog, run_id: str, docs: list[CleanDocument], audit: list[dict] = ()) -> None:
    catalog.commit_batch(run_id, "tickets", [(d.path, "digest", d.source, 1) for d in docs],
                         [accepted(d) for d in docs], docs, list(audit))


def table(catalog: Catalog, sql: str) -> list[tuple]:
    with catalog.connect() as con:
        return con.execute(sql).fetchall()


@pytest.fixture
def catalog(tmp_path) -> Catalog:
    return Catalog(tmp_path / "catalog.duckdb")


def test_every_column_of_documents_items_and_pii_counts_is_stored(catalog):
    docs = [clean(1, provenance="page 3"), clean(2, pii={}), clean(3)]
    commit(catalog, "run-1", docs)
    rows = catalog._rows("SELECT * FROM documents ORDER BY doc_id")
    assert [r["doc_id"] for r in rows] == ["doc001", "doc002", "doc003"]
    first = rows[0]
    assert {k: first[k] for k in ("dataset", "source", "path", "record", "language", "license_expression",
                                  "license_evidence", "license_class", "license_reason", "text_anonymized",
                                  "n_chars", "n_tokens", "dup_key", "residual_pii", "ingest_run_id",
                                  "provenance", "retracted_at")} == {
        "dataset": "tickets", "source": "tickets", "path": docs[0].path, "record": 1, "language": "en",
        "license_expression": "MIT", "license_evidence": "SOURCE.yaml", "license_class": "allow",
        "license_reason": "declared", "text_anonymized": docs[0].text_anonymized, "n_chars": 41, "n_tokens": 7,
        "dup_key": "key1", "residual_pii": 0, "ingest_run_id": "run-1", "provenance": "page 3",
        "retracted_at": None}
    assert first["created_at"] is not None
    assert rows[1]["residual_pii"] == 1 and rows[1]["provenance"] is None  # "" is stored as NULL, as before
    assert table(catalog, "SELECT * FROM pii_counts ORDER BY doc_id, entity_type") == [
        ("doc001", "EMAIL_ADDRESS", 2), ("doc001", "PERSON", 1), ("doc003", "EMAIL_ADDRESS", 2),
        ("doc003", "PERSON", 1)]
    assert table(catalog, "SELECT run_id, path, record, outcome, doc_id, provenance FROM ingest_items "
                          "ORDER BY doc_id") == [
        ("run-1", docs[0].path, 1, "accepted", "doc001", "page 3"), ("run-1", docs[1].path, 2, "accepted", "doc002", None),
        ("run-1", docs[2].path, 3, "accepted", "doc003", None)]
    assert table(catalog, "SELECT path, digest, source, run_id, n_items FROM files ORDER BY path") == [
        (d.path, "digest", "tickets", "run-1", 1) for d in docs]


def test_a_rerun_of_the_same_batch_keeps_one_document_one_pii_row_and_one_file_row_each(catalog):
    docs = [clean(i) for i in range(5)]
    commit(catalog, "run-1", docs)
    commit(catalog, "run-2", docs)
    assert table(catalog, "SELECT count(*), count(DISTINCT doc_id) FROM documents") == [(5, 5)]
    assert table(catalog, "SELECT count(*) FROM pii_counts") == [(10,)]
    assert table(catalog, "SELECT count(*) FROM files") == [(5,)]
    assert table(catalog, "SELECT DISTINCT ingest_run_id FROM documents") == [("run-1",)]  # the first write stays


def test_a_document_already_in_the_catalog_keeps_its_row_while_the_rest_of_the_batch_is_stored(catalog):
    commit(catalog, "run-1", [clean(1, text="first text", pii={"PERSON": 5})])
    commit(catalog, "run-2", [clean(1, text="second text", pii={"PERSON": 9, "LOCATION": 1}), clean(2)])
    assert table(catalog, "SELECT doc_id, text_anonymized, ingest_run_id FROM documents ORDER BY doc_id") == [
        ("doc001", "first text", "run-1"), ("doc002", clean(2).text_anonymized, "run-2")]
    # pii_counts is keyed by (doc_id, entity_type): the new type of the known document is added, as row by row
    assert table(catalog, "SELECT * FROM pii_counts WHERE doc_id = 'doc001' ORDER BY entity_type") == [
        ("doc001", "LOCATION", 1), ("doc001", "PERSON", 5)]


def test_a_document_twice_in_one_batch_is_stored_once_with_its_first_values(catalog):
    commit(catalog, "run-1", [clean(1, text="first"), clean(1, text="second")])
    assert table(catalog, "SELECT text_anonymized FROM documents") == [("first",)]


def test_a_failure_inside_the_batch_leaves_no_row_of_it(catalog, monkeypatch):
    commit(catalog, "run-1", [clean(1)])

    def fail(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Catalog, "insert_features", fail)  # the last write of the transaction
    with pytest.raises(RuntimeError, match="disk full"):
        commit(catalog, "run-2", [clean(2), clean(3)],
               [{"key": "k2", "event": "ingest.item", "subject": "doc002", "data": {}}])
    assert table(catalog, "SELECT doc_id FROM documents") == [("doc001",)]
    assert table(catalog, "SELECT count(*) FROM pii_counts") == [(2,)]
    assert table(catalog, "SELECT count(*) FROM ingest_items") == [(1,)]
    assert table(catalog, "SELECT count(*) FROM files") == [(1,)]
    assert table(catalog, "SELECT count(*) FROM audit_outbox") == [(0,)]


def test_an_empty_batch_writes_nothing(catalog):
    catalog.commit_batch("run-1", "tickets", [], [], [])
    assert table(catalog, "SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM ingest_items)") == [(0,)]
