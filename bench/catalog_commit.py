"""Per-row cost of `Catalog.commit_batch` (issue 20): documents, PII counts, ingest items and file
records of synthetic batches written into a fresh real catalog, once through the bulk path (one
INSERT … SELECT over Arrow per table) and once row by row (the statements commit_batch ran before,
kept here as the reference), interleaved in one process so that both see the same machine load.
The audit outbox (one record per item, written by `OutboxQueries._to_outbox`) is timed on its own.

    python bench/catalog_commit.py                  # 2,000 documents × 3 PII types, batches of 500
    python bench/catalog_commit.py --docs 4000 --batch 250 --repeats 3

Last line: `bulk_ms_per_doc=… rowwise_ms_per_doc=… speedup=… outbox_ms_per_record=…`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from curation.catalog import Catalog, now
from curation.documents import CleanDocument, ItemOutcome

PII_TYPES = ("PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER")


def batches(n_docs: int, size: int, seed: str) -> list[tuple[list, list, list, list]]:
    out = []
    for start in range(0, n_docs, size):
        docs, items, files, audit = [], [], [], []
        for i in range(start, min(start + size, n_docs)):
            doc_id = f"{seed}{i:060d}"
            path = f"src{i % 5}/{i // 8:016x}.txt"
            docs.append(CleanDocument(
                doc_id=doc_id, source=f"src{i % 5}", path=path, record=i % 8, language="en",
                language_confidence=0.99, text_anonymized="lorem ipsum <PERSON> dolor " * 40,
                pii_counts={t: 1 + (i % 3) for t in PII_TYPES}, residual={}, license_expression="MIT",
                license_evidence="SOURCE.yaml", license_class="allow", license_reason="allowed",
                n_chars=1100, n_tokens=160, dup_key=doc_id, provenance=f"record {i % 8}"))
            items.append(ItemOutcome(f"src{i % 5}", path, i % 8, "accepted", "", "", doc_id, f"record {i % 8}"))
            audit.append({"key": f"{seed}-{i}", "event": "item.accepted", "subject": doc_id,
                          "data": {"outcome": "accepted"}})
            if i % 8 == 0:
                files.append((path, f"digest{i}", f"src{i % 5}", 8))
        out.append((docs, items, files, audit))
    return out


def rowwise_commit(catalog: Catalog, run_id: str, dataset: str, files, items, documents) -> None:
    """commit_batch's inserts as they were before issue 20: one statement per row."""
    with catalog.transaction() as con:
        con.executemany("INSERT INTO files VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        [(p, d, s, run_id, n) for p, d, s, n in files])
        con.executemany("INSERT INTO ingest_items (run_id, source, path, record, outcome, reason, message, "
                        "doc_id, provenance) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [(run_id, i.source, i.path, i.record, i.outcome, i.reason, i.message, i.doc_id,
                          i.provenance or None) for i in items])
        for doc in documents:
            con.execute(
                """INSERT INTO documents (doc_id, dataset, source, path, record, language,
                   license_expression, license_evidence, license_class, license_reason, text_anonymized,
                   n_chars, n_tokens, dup_key, residual_pii, ingest_run_id, created_at, provenance)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                [doc.doc_id, dataset, doc.source, doc.path, doc.record, doc.language,
                 doc.license_expression, doc.license_evidence, doc.license_class,
                 doc.license_reason, doc.text_anonymized, doc.n_chars, doc.n_tokens,
                 doc.dup_key, sum(doc.residual.values()), run_id, now(), doc.provenance or None])
        pii = [(d.doc_id, entity, n) for d in documents for entity, n in d.pii_counts.items()]
        con.executemany("INSERT INTO pii_counts VALUES (?, ?, ?) ON CONFLICT DO NOTHING", pii)


def timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--repeats", type=int, default=2)
    args = ap.parse_args()
    print(f"load average: {os.getloadavg()[0]:.2f}")
    bulk, rowwise, outbox = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for rep in range(args.repeats):
            for how in ("bulk", "rowwise"):  # interleaved: A B A B
                catalog = Catalog(Path(tmp) / f"{how}{rep}.duckdb")
                work = batches(args.docs, args.batch, f"{how[0]}{rep}")
                with catalog.session():
                    seconds = 0.0
                    for docs, items, files, audit in work:
                        if how == "bulk":
                            seconds += timed(catalog.commit_batch, "run", "bench", files, items, docs)
                        else:
                            seconds += timed(rowwise_commit, catalog, "run", "bench", files, items, docs)
                        with catalog.transaction() as con:
                            outbox.append(timed(catalog._to_outbox, con, audit) / len(audit))
                    n = catalog._rows("SELECT count(*) AS n FROM pii_counts")[0]["n"]
                    assert n == args.docs * len(PII_TYPES), n
                (bulk if how == "bulk" else rowwise).append(seconds * 1000 / args.docs)
                print(f"  {how:8s} repeat {rep}: {seconds * 1000 / args.docs:.3f} ms/doc "
                      f"(doc + {len(PII_TYPES)} pii rows + item + ⅛ file)")
    b, r, o = statistics.median(bulk), statistics.median(rowwise), statistics.median(outbox) * 1000
    print(f"load average: {os.getloadavg()[0]:.2f}")
    print(f"bulk_ms_per_doc={b:.3f} rowwise_ms_per_doc={r:.3f} speedup={r / b:.1f} outbox_ms_per_record={o:.3f}")


if __name__ == "__main__":
    main()
