"""Near-duplicate lookup of one ingest batch against catalogs of 10,000 and 1,000,000 documents
(issue 20): does its cost follow the batch or the catalog?

A real catalog file is filled through Arrow with synthetic rows shaped like an ingest's: documents
(1 % retracted), features with a 128-permutation MinHash, and one lsh_bands row per band (the
policy's banding: 12 bands at threshold 0.8). The lookup of a batch (64 documents × the policy's
bands; 3 of the 64 share all their bands with catalog documents, one of them retracted) is timed
through `Catalog.near_dup_candidates` (band rows from the dataset's BandIndex, loaded once and timed
apart), and, for comparison in the same process and on the same
batches, through the single join the catalog ran before (`BEFORE`, below); both must return the same
candidates. The 1M catalog is the 10k one grown in place, then opened again as a new process would.

    python bench/near_dup_lookup.py                         # 10k and 1M
    python bench/near_dup_lookup.py --large 200000 --keep /tmp/ndl

Last line: `lookup_ms_10k=… lookup_ms_1m=… ratio=… index_load_ms_1m=… index_mib_1m=…`: the current
lookup on a fresh connection per batch, as `ingest` makes it (medians over --repeats), and the
one-time load of the dataset's band index (catalog.band_index) at 1M documents.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

from curation.catalog import Catalog
from curation.checks.quality import extractor
from curation.policy import load_policy

ROOT = Path(__file__).resolve().parents[1]
DATASET = "bench"
BATCH_DOCS = 64
# The lookup as it was before issue 20: one join over every band row, feature and document.
BEFORE = """SELECT b.doc_id, b.band, b.bucket, f.near_dup_cluster, f.minhash
            FROM (SELECT DISTINCT unnest(?) AS band, unnest(?) AS bucket) k
            JOIN lsh_bands b ON b.band = k.band AND b.bucket = k.bucket AND b.dataset = ?
            JOIN features f USING (doc_id) JOIN documents d USING (doc_id)
            WHERE d.retracted_at IS NULL"""


def doc_id(i: int) -> str:
    return f"{i:064x}"


def buckets(start: int, stop: int, n_bands: int) -> np.ndarray:
    """The band keys of documents start..stop-1: (stop-start, n_bands) signed 64-bit, a function of
    (document, band) alone (splitmix64), so a batch can name an existing document's keys."""
    x = np.arange(start * n_bands, stop * n_bands, dtype=np.uint64) + np.uint64(0x9E3779B97F4A7C15)
    with np.errstate(over="ignore"):
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        x = x ^ (x >> np.uint64(31))
    return x.view(np.int64).reshape(stop - start, n_bands)


def fill(catalog: Catalog, start: int, stop: int, n_bands: int, num_perm: int, chunk: int = 100_000) -> None:
    """Documents start..stop-1 with features and band rows, in chunks of `chunk` documents."""
    with catalog.connect() as con:
        for lo in range(start, stop, chunk):
            hi = min(lo + chunk, stop)
            n = hi - lo
            ids = pa.array([doc_id(i) for i in range(lo, hi)], pa.string())
            retracted = pa.array([None if i % 100 != 50 else 1 for i in range(lo, hi)], pa.int8())
            docs = pa.table({"doc_id": ids, "retracted": retracted})
            rng = np.random.default_rng([11, lo])
            minhash = rng.integers(0, 2**32, (n, num_perm), dtype=np.uint32).tobytes()
            offsets = pa.array(np.arange(0, n + 1, dtype=np.int32) * num_perm * 4)
            features = pa.table({"doc_id": ids, "minhash": pa.BinaryArray.from_buffers(
                pa.binary(), n, [None, offsets.buffers()[1], pa.py_buffer(minhash)])})
            keys = buckets(lo, hi, n_bands)
            bands = pa.table({"band": np.tile(np.arange(n_bands, dtype=np.int16), n),
                              "bucket": keys.reshape(-1),
                              "doc_id": pa.array(np.repeat(np.array(ids.to_pylist(), dtype=object), n_bands),
                                                 pa.string())})
            for name, table in (("_docs", docs), ("_features", features), ("_bands", bands)):
                con.register(name, table)
            con.execute("BEGIN TRANSACTION")
            con.execute(f"""INSERT INTO documents (doc_id, dataset, source, language, text_anonymized, created_at,
                                                   retracted_at)
                            SELECT doc_id, '{DATASET}', 'src' || (hash(doc_id) % 5), 'en', NULL, now(),
                                   CASE WHEN retracted IS NOT NULL THEN now() END FROM _docs""")
            con.execute("""INSERT INTO features (doc_id, n_words, near_dup_cluster, minhash, computed_at)
                           SELECT doc_id, 100, doc_id, minhash, now() FROM _features""")
            con.execute(f"INSERT INTO lsh_bands (dataset, band, bucket, doc_id) "
                        f"SELECT '{DATASET}', band, bucket, doc_id FROM _bands")
            con.execute("COMMIT")
            for name in ("_docs", "_features", "_bands"):
                con.unregister(name)


def batches(n_docs: int, n_bands: int, repeats: int, seed: int = 3) -> list[list[tuple[int, int]]]:
    """Per repeat, one batch of (band, bucket) pairs: 61 new documents and 3 whose bands all match
    catalog documents (one of the three lies on a retracted document's index, i % 100 == 50)."""
    rng = np.random.default_rng(seed)
    out = []
    for r in range(repeats):
        fresh = rng.integers(-2**63, 2**63 - 1, (BATCH_DOCS - 3, n_bands), dtype=np.int64)
        known = [int(rng.integers(0, n_docs)) for _ in range(2)] + [(int(rng.integers(0, n_docs // 100)) * 100 + 50)
                                                                     % n_docs]
        rows = list(fresh) + [buckets(i, i + 1, n_bands)[0] for i in known]
        out.append([(band, int(key)) for row in rows for band, key in enumerate(row)])
    return out


def before(catalog: Catalog, bands: list[tuple[int, int]]) -> list[dict]:
    return catalog._rows(BEFORE, [[b for b, _ in bands], [k for _, k in bands], DATASET])


def key_of(rows: list[dict]) -> list[tuple]:
    return sorted((r["doc_id"], r["band"], r["bucket"], r["near_dup_cluster"], r["minhash"]) for r in rows)


def timed(fn) -> tuple[float, list[dict]]:
    start = time.perf_counter()
    rows = fn()
    return (time.perf_counter() - start) * 1000, rows


def measure(catalog: Catalog, n_docs: int, n_bands: int, repeats: int, warmup: int) -> dict[str, float]:
    """Median ms per batch lookup, now and before, on a held connection (after `warmup` batches)
    and on a fresh connection per lookup; candidates per batch. Now and before are interleaved
    on the same batches and must find the same candidates."""
    def both(bands: list[tuple[int, int]]) -> tuple[float, float, int]:
        now_ms, new = timed(lambda: catalog.near_dup_candidates(DATASET, bands))
        before_ms, old = timed(lambda: before(catalog, bands))
        if key_of(new) != key_of(old):
            raise SystemExit(f"the lookup's candidates differ from the join's at {n_docs} documents")
        return now_ms, before_ms, len(new)

    out: dict[str, float] = {}
    catalog._band_indexes().clear()  # the first lookup of a run loads the dataset's band index
    start = time.perf_counter()
    catalog.near_dup_candidates(DATASET, batches(n_docs, n_bands, 1, seed=4)[0])
    out["index_load_ms"] = (time.perf_counter() - start) * 1000
    index = catalog._band_indexes()[DATASET]
    out["index_mib"] = (index.buckets.nbytes + index.bands.nbytes + index.codes.nbytes
                        + sum(map(len, index.doc_ids)) + 57 * len(index.doc_ids)) / 2**20  # str objects
    fresh = [both(bands) for bands in batches(n_docs, n_bands, repeats, seed=5)]  # each call connects
    with catalog.session():  # one connection held, as a run that kept its connection would
        for bands in batches(n_docs, n_bands, warmup, seed=6):
            both(bands)
        held = [both(bands) for bands in batches(n_docs, n_bands, repeats, seed=7)]
    for label, runs in (("fresh", fresh), ("held", held)):
        out[f"{label}_now"] = statistics.median(r[0] for r in runs)
        out[f"{label}_before"] = statistics.median(r[1] for r in runs)
    out["found"] = statistics.median(r[2] for r in held)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", type=int, default=10_000)
    ap.add_argument("--large", type=int, default=1_000_000)
    ap.add_argument("--repeats", type=int, default=15)
    ap.add_argument("--warmup", type=int, default=40, help="batches looked up on the held connection first")
    ap.add_argument("--keep", type=Path, help="keep the catalog in this folder")
    args = ap.parse_args()
    quality = extractor(load_policy(ROOT / "policies" / "default.yaml"))
    n_bands, num_perm = len(quality.hashranges), quality.num_perm
    print(f"policy: {num_perm} permutations, {n_bands} bands; batch {BATCH_DOCS} documents = "
          f"{BATCH_DOCS * n_bands} band keys")
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "catalog.duckdb"
        path.unlink(missing_ok=True)
        results = {}
        catalog = Catalog(path)
        t = time.perf_counter()
        fill(catalog, 0, args.small, n_bands, num_perm)
        print(f"filled {args.small:,} documents in {time.perf_counter() - t:.1f} s")
        results["small"] = measure(catalog, args.small, n_bands, args.repeats, args.warmup)
        t = time.perf_counter()
        fill(catalog, args.small, args.large, n_bands, num_perm)
        print(f"grew to {args.large:,} documents in {time.perf_counter() - t:.1f} s")
        catalog = Catalog(path)  # a new process's catalog: no band index loaded
        results["large"] = measure(catalog, args.large, n_bands, args.repeats, args.warmup)
        small, large = results["small"], results["large"]
        for label, n in (("small", args.small), ("large", args.large)):
            r = results[label]
            print(f"{n:>9,} documents, {r['found']:.0f} candidate rows per batch (the same as the join's): "
                  f"held connection {r['held_now']:7.2f} ms (before: {r['held_before']:7.2f}); "
                  f"fresh connection {r['fresh_now']:7.2f} ms (before: {r['fresh_before']:7.2f})")
        print(f"file {path.stat().st_size / 2**20:,.0f} MiB; peak RSS "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB; "
              f"load average {os.getloadavg()[0]:.2f}")
        for label, n in (("small", args.small), ("large", args.large)):
            print(f"{n:>9,} documents: band index loaded in {results[label]['index_load_ms']:,.0f} ms, "
                  f"≈ {results[label]['index_mib']:,.0f} MiB")
        for mode in ("fresh", "held"):
            for when in ("before", "now"):
                print(f"{mode} connection, {when}: lookup_ms_10k={small[f'{mode}_{when}']:.2f} "
                      f"lookup_ms_1m={large[f'{mode}_{when}']:.2f} "
                      f"ratio={large[f'{mode}_{when}'] / small[f'{mode}_{when}']:.2f}")
        print(f"lookup_ms_10k={small['fresh_now']:.2f} lookup_ms_1m={large['fresh_now']:.2f} "
              f"ratio={large['fresh_now'] / small['fresh_now']:.2f} index_load_ms_1m={large['index_load_ms']:.0f} "
              f"index_mib_1m={large['index_mib']:.0f}")


if __name__ == "__main__":
    main()
