"""A dataset's LSH band rows in memory, sorted by bucket, for the near-duplicate lookup.

The lookup of a batch then costs microseconds, whatever the size of the catalog.

Why not the table's ART index alone: DuckDB loads an ART index lazily, block by block, into each
connection, and an ingest opens the catalog for every call, so the 768 random keys of a batch read
most of the index again each time (35 ms at 10k documents, 370 ms at 1M: bench/near_dup_lookup.py).
Held here, the rows cost 14 bytes each (bucket, band, document code) plus the document ids once:
≈ 200 MB at 1M documents of 12 bands, loaded once per process in one sorted scan.

It stays true by counting: only ingest runs add band rows (and never delete them), so the table's
row count tells whether anybody else wrote since the load. The rows this process writes are
added as it writes them (`add`), and a transaction that rolls back drops the indexes (a count
alone could not tell a rolled-back write from another process's write of as many rows).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import numpy as np

# New rows are kept in a dict until there are this many, then merged into the sorted arrays.
MERGE_AT = 200_000


@dataclass
class BandIndex:
    dataset: str
    buckets: np.ndarray  # int64, sorted
    bands: np.ndarray  # int16, in the order of buckets
    codes: np.ndarray  # int32 index into doc_ids
    doc_ids: list[str]
    rows_in_table: int  # lsh_bands rows (every dataset) when loaded, plus the rows added since
    pending: dict[int, list[tuple[int, str]]] = field(default_factory=dict)  # bucket -> [(band, doc_id)]
    n_pending: int = 0

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection, dataset: str) -> BandIndex:
        """The band rows of `dataset`, read in one scan sorted by bucket. Document ids are numbered
        in the database, so that only one copy of each reaches Python."""
        rows_in_table = table_rows(con)
        con.execute("""CREATE OR REPLACE TEMP TABLE _band_docs AS
                       SELECT doc_id, (row_number() OVER (ORDER BY doc_id) - 1)::INTEGER AS code
                       FROM (SELECT DISTINCT doc_id FROM lsh_bands WHERE dataset = ?)""", [dataset])
        try:
            doc_ids = [r[0] for r in con.execute("SELECT doc_id FROM _band_docs ORDER BY code").fetchall()]
            cols = con.execute("""SELECT b.bucket, b.band, d.code FROM lsh_bands b JOIN _band_docs d USING (doc_id)
                                  WHERE b.dataset = ? ORDER BY b.bucket""", [dataset]).fetchnumpy()
        finally:
            con.execute("DROP TABLE IF EXISTS _band_docs")
        return cls(dataset, np.asarray(cols["bucket"], dtype=np.int64), np.asarray(cols["band"], dtype=np.int16),
                   np.asarray(cols["code"], dtype=np.int32), doc_ids, rows_in_table)

    def add(self, rows: list[tuple[int, int, str]]) -> None:
        """Band rows (band, bucket, doc_id) of `dataset` this process has just written."""
        for band, bucket, doc_id in rows:
            self.pending.setdefault(bucket, []).append((band, doc_id))
        self.n_pending += len(rows)
        self.rows_in_table += len(rows)
        if self.n_pending >= MERGE_AT:
            self._merge()

    def other_rows_added(self, n: int) -> None:
        """Rows of another dataset written by this process: not indexed here, but counted."""
        self.rows_in_table += n

    def lookup(self, wanted: set[tuple[int, int]]) -> list[tuple[str, int, int]]:
        """(doc_id, band, bucket) of every indexed row whose (band, bucket) is in `wanted`."""
        keys = np.unique(np.fromiter((bucket for _, bucket in wanted), dtype=np.int64, count=len(wanted)))
        lo = np.searchsorted(self.buckets, keys, side="left")
        hi = np.searchsorted(self.buckets, keys, side="right")
        hits = []
        for a, b in zip(lo[lo < hi].tolist(), hi[lo < hi].tolist(), strict=True):
            for i in range(a, b):
                band, bucket = int(self.bands[i]), int(self.buckets[i])
                if (band, bucket) in wanted:
                    hits.append((self.doc_ids[self.codes[i]], band, bucket))
        for band, bucket in wanted:
            hits.extend((doc_id, band, bucket) for b, doc_id in self.pending.get(bucket, ()) if b == band)
        return hits

    def _merge(self) -> None:
        codes_of = {doc_id: i for i, doc_id in enumerate(self.doc_ids)}
        new = [(bucket, band, codes_of.setdefault(doc_id, len(codes_of)))
               for bucket, pairs in self.pending.items() for band, doc_id in pairs]
        self.doc_ids = sorted(codes_of, key=codes_of.__getitem__)
        buckets = np.concatenate([self.buckets, np.array([r[0] for r in new], dtype=np.int64)])
        order = np.argsort(buckets, kind="stable")
        self.buckets = buckets[order]
        self.bands = np.concatenate([self.bands, np.array([r[1] for r in new], dtype=np.int16)])[order]
        self.codes = np.concatenate([self.codes, np.array([r[2] for r in new], dtype=np.int32)])[order]
        self.pending, self.n_pending = {}, 0


def table_rows(con: duckdb.DuckDBPyConnection) -> int:
    """Rows of lsh_bands, every dataset: what tells an index whether it is still the table's.
    From the table's storage metadata (`estimated_size` is its row count, deleted rows included,
    and no band row is ever deleted), not `count(*)`, which reads the whole column: 12 M rows at
    1M documents."""
    return int(con.execute("""SELECT estimated_size FROM duckdb_tables()
                              WHERE database_name = current_database() AND schema_name = 'main'
                                    AND table_name = 'lsh_bands'""").fetchone()[0])
