"""Checks at scale: document features (throughput) and the expectation suites over 1,000,000
synthetic catalog rows (seconds, peak RSS).

    .venv/bin/python bench/checks_scale.py [--rows 1000000] [--feature-docs 20000] [--keep DIR]

1. Feature extraction: `--feature-docs` synthetic documents (English and Japanese, 2 % near-
   duplicates, a few toxic ones) through quality.annotate in ingest-sized batches of 500, against a
   real catalog so that each batch's near-duplicate lookup sees the earlier ones; the features
   are stored with Catalog.add_features. Reported as documents/s, with the LSH's recall on the
   planted pairs whose true Jaccard similarity reaches the policy's threshold.
2. Catalog: `--rows` documents with features, and their ingest ledger (quarantined items
   included), generated in DuckDB by SQL (synthetic fixture data, not application code). Skewed on
   purpose so that warnings fire with their doc_ids: one dominant source, 0.1 % repetitive
   documents, 0.2 % toxic ones, near-duplicate clusters.
3. Checks, in a fresh process (so peak RSS is theirs alone), exactly as build_version runs them:
   backfill (nothing missing), feature_frame, the per-document suite, the dataset metrics and
   their suite, and storing every result. Timed per step; "seconds" includes importing Great
   Expectations (a one-shot CLI run pays it).

Last line: `seconds=<checks s> peak_rss_mib=<checks peak RSS MiB>`. The machine's load average is
printed beside the figures: on a shared 2-core box they vary 2x with it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATASET = "bench"
WORDS = ("invoice report server export schedule customer account release budget meeting project deadline "
         "update ticket backlog review module database query index cache latency storage quota plan team "
         "office printer network access password login session page button screen mobile desktop version "
         "patch build deploy pipeline metric dashboard chart table column row file folder upload download "
         "backup restore archive contract vendor partner price order shipment delivery warehouse stock "
         "supplier payment refund currency tax audit policy training course workshop agenda minutes summary "
         "action owner status risk issue bug fix test coverage design draft proposal approval request "
         "feedback survey result target quarter month week morning afternoon calendar room floor").split()
KANJI = "会議資料予算計画報告確認連絡担当期限変更対応顧客契約請求発注納品在庫倉庫出荷送付検討共有作成修正提出承認"


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f}"


def synthetic_text(i: int, rng: random.Random) -> str:
    if i % 4 == 3:  # Japanese
        return "".join(rng.choice(KANJI) for _ in range(rng.randint(80, 400))) + ("彼女は" if i % 8 == 3 else "彼は")
    words = [rng.choice(WORDS) for _ in range(rng.randint(40, 220))]
    if i % 500 == 0:
        words.append("idiot")
    words.insert(len(words) // 2, "she" if i % 3 else "he")
    return " ".join(words)


def feature_phase(db: Path, n_docs: int, policy) -> dict:
    from curation.checks import quality
    from curation.catalog import Catalog

    catalog = Catalog(db)
    rng = random.Random(7)
    texts = [synthetic_text(i, rng) for i in range(n_docs)]
    for i in range(0, n_docs, 50):  # 2 % near-duplicates: one word changed
        words = texts[i].split(" ")
        words[len(words) // 3] = "zebra"
        texts[i + 1] = " ".join(words)
    rows = [{"doc_id": hashlib.sha256(t.encode()).hexdigest(), "text_anonymized": t} for t in texts]
    quality.extractor(policy)  # lexicons compiled, LSH bands chosen: once per process
    start = time.perf_counter()
    for b in range(0, n_docs, 500):
        batch = rows[b:b + 500]
        quality.annotate(batch, policy, catalog, DATASET)
        catalog.add_features(DATASET, [r["features"] for r in batch])
    seconds = time.perf_counter() - start
    # LSH quality on the planted pairs: their true Jaccard similarity (5-token shingles, as hashed)
    # against what the index found.
    k, threshold = policy.quality.shingle_size, policy.quality.near_duplicate_threshold

    def shingles(text: str) -> set[str]:
        words = [w.lower() for w in quality._TOKEN.findall(text)]
        return {"\x1f".join(words[j:j + k]) for j in range(max(len(words) - k + 1, 1))}

    similar = found = false_hits = 0
    for i in range(0, n_docs - 1, 50):
        a, b = shingles(texts[i]), shingles(texts[i + 1])
        truly = len(a & b) / len(a | b) >= threshold
        hit = rows[i + 1]["features"]["near_dup_of"] == rows[i]["doc_id"]
        similar += truly
        found += hit and truly
        false_hits += hit and not truly
    flagged = sum(1 for r in rows if r["features"]["near_dup_of"])
    return {"docs": n_docs, "seconds": round(seconds, 2), "docs_per_s": round(n_docs / seconds, 1),
            "pairs": len(range(0, n_docs - 1, 50)), "similar": similar, "found": found,
            "false_hits": false_hits, "flagged": flagged, "mean_chars": round(sum(map(len, texts)) / n_docs)}


def build_catalog(db: Path, n: int) -> float:
    """n documents + features + ledger by SQL; synthetic values, skewed on purpose."""
    import duckdb

    from curation.catalog import Catalog

    Catalog(db)  # the schema, as the application creates it
    start = time.perf_counter()
    run_id = uuid.uuid4().hex
    con = duckdb.connect(str(db))
    con.execute("INSERT INTO ingest_runs VALUES (?, ?, 'inbox', 'bench', now(), now(), NULL)", [run_id, DATASET])
    con.execute(f"""
        CREATE TEMP TABLE g AS SELECT i, sha256('doc-' || i::VARCHAR) AS doc_id, hash(i) AS h FROM range({n}) r(i)""")
    con.execute(f"""
        INSERT INTO documents (doc_id, dataset, source, path, record, language, license_expression,
            license_evidence, license_class, license_reason, text_anonymized, n_chars, n_tokens, dup_key,
            residual_pii, ingest_run_id, created_at)
        SELECT doc_id, '{DATASET}',
               CASE WHEN h % 100 < 84 THEN 'crm' WHEN h % 100 < 88 THEN 'wiki' WHEN h % 100 < 91 THEN 'mail'
                    WHEN h % 100 < 95 THEN 'notes' WHEN h % 100 < 98 THEN 'faq' ELSE 'forum' END,
               'src/' || i::VARCHAR || '.jsonl', i::INTEGER,
               CASE WHEN h % 10 < 7 THEN 'en' ELSE 'ja' END, 'MIT', 'bench', 'allow', 'license_allowed',
               'synthetic anonymized text ' || i::VARCHAR,
               (50 + (h >> 8) % 4000)::INTEGER, (10 + (h >> 8) % 700)::INTEGER, doc_id, 0, '{run_id}', now()
        FROM g""")
    con.execute("""
        INSERT INTO features (doc_id, language_confidence, n_words, n_lines, dup_line_frac, dup_line_char_frac,
            top_2gram_char_frac, top_3gram_char_frac, top_4gram_char_frac, dup_5gram_char_frac,
            dup_6gram_char_frac, dup_7gram_char_frac, dup_8gram_char_frac, dup_9gram_char_frac,
            dup_10gram_char_frac, non_text_share, profanity_hits, insult_hits, threat_hits,
            identity_attack_hits, gender_male_terms, gender_female_terms, age_terms, nationality_terms,
            religion_terms, near_dup_cluster, near_dup_of, near_dup_similarity, minhash, computed_at)
        SELECT doc_id, NULL, (10 + (h >> 8) % 700)::INTEGER, (1 + (h >> 12) % 40)::INTEGER,
               CASE WHEN h % 1000 = 1 THEN 0.5 ELSE ((h >> 16) % 100) / 1000.0 END,
               CASE WHEN h % 1000 = 1 THEN 0.4 ELSE ((h >> 18) % 100) / 1000.0 END,
               ((h >> 20) % 150) / 1000.0, ((h >> 22) % 140) / 1000.0, ((h >> 24) % 130) / 1000.0,
               CASE WHEN h % 1000 = 2 THEN 0.3 ELSE ((h >> 26) % 80) / 1000.0 END,
               ((h >> 28) % 70) / 1000.0, ((h >> 30) % 60) / 1000.0, ((h >> 32) % 50) / 1000.0,
               ((h >> 34) % 40) / 1000.0, ((h >> 36) % 30) / 1000.0, ((h >> 38) % 100) / 1000.0,
               CASE WHEN h % 1000 < 2 THEN 1 ELSE 0 END, 0, 0, 0,
               ((h >> 40) % 4)::INTEGER, ((h >> 42) % 3)::INTEGER, 0, ((h >> 44) % 2)::INTEGER, 0,
               CASE WHEN h % 100 < 3 THEN sha256('doc-' || (i - i % 3)::VARCHAR) ELSE doc_id END,
               NULL, NULL, NULL, now()
        FROM g""")
    con.execute("""
        INSERT INTO ingest_items SELECT ?, 'src', 'src/' || i::VARCHAR || '.jsonl', i::INTEGER, 'accepted',
               'license_allowed', 'ok', doc_id FROM g""", [run_id])
    con.execute(f"""
        INSERT INTO ingest_items SELECT ?, 'scraped', 'scraped/' || i::VARCHAR || '.txt', NULL, 'quarantined',
               CASE i % 3 WHEN 0 THEN 'license_missing' WHEN 1 THEN 'length_out_of_bounds' ELSE 'residual_pii' END,
               'held back', sha256('q-' || i::VARCHAR) FROM range({n // 30}) r(i)""", [run_id])
    con.close()
    return time.perf_counter() - start


def checks_phase(db: str, policy_file: str) -> None:
    """Runs in a fresh process; prints one JSON line."""
    t0 = time.perf_counter()
    steps: dict[str, float] = {}

    def step(name: str, since: float) -> float:
        now = time.perf_counter()
        steps[name] = round(now - since, 2)
        return now

    import great_expectations  # noqa: F401  (≈ 7 s on this machine; counted in the total)

    from curation.checks import bias

    from curation.checks import suites

    from curation.checks import quality
    from curation.catalog import Catalog
    from curation.policy import load_policy

    t = step("import", t0)
    policy = load_policy(policy_file)
    catalog = Catalog(db)
    quality.backfill(catalog, DATASET, policy)
    t = step("backfill", t)
    frame = catalog.feature_frame(DATASET)
    t = step("feature_frame", t)
    outcomes = suites.run_suite(frame, Path(policy.checks.suite), suites.policy_params(policy))
    t = step("documents_suite", t)
    metric_outcomes, _ = bias.check_catalog(catalog, DATASET, frame, policy)
    outcomes += metric_outcomes
    t = step("dataset_metrics_and_suite", t)
    from dataclasses import asdict

    catalog.store_expectations(uuid.uuid4().hex, DATASET, [asdict(o) for o in outcomes])
    step("store_results", t)
    print(json.dumps({
        "seconds": round(time.perf_counter() - t0, 2), "steps": steps, "rows": len(frame),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "failed": {o.name: len(o.unexpected_doc_ids) for o in outcomes if not o.success},
        "exceptions": [o.name for o in outcomes if o.exception]}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--feature-docs", type=int, default=20_000)
    parser.add_argument("--keep", type=Path, help="folder for the catalogs (default: a temporary one)")
    parser.add_argument("--checks-only", nargs=2, metavar=("DB", "POLICY"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.checks_only:
        checks_phase(*args.checks_only)
        return
    sys.path.insert(0, str(ROOT / "src"))
    from curation.policy import load_policy

    policy_file = ROOT / "policies" / "default.yaml"
    policy = load_policy(policy_file)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="checks-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"{load()} (start)")

    feat = feature_phase(folder / "features.duckdb", args.feature_docs, policy)
    print(f"feature extraction: {feat['docs']} documents (mean {feat['mean_chars']} chars) in {feat['seconds']} s = "
          f"{feat['docs_per_s']} docs/s (features, MinHash, LSH lookups, catalog writes); {load()}")
    print(f"near-duplicates: {feat['pairs']} planted pairs (one word changed), {feat['similar']} of them at true "
          f"Jaccard >= {policy.quality.near_duplicate_threshold}: {feat['found']} found by MinHash LSH, "
          f"{feat['false_hits']} found below the threshold; {feat['flagged']} documents flagged in all")

    db = folder / "catalog.duckdb"
    if db.exists():
        db.unlink()
    built = build_catalog(db, args.rows)
    print(f"synthetic catalog: {args.rows} documents with features + ledger in {built:.1f} s "
          f"({db.stat().st_size / 2**20:.0f} MiB)")

    proc = subprocess.run([sys.executable, __file__, "--checks-only", str(db), str(policy_file)],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.exit(f"checks failed:\n{proc.stderr[-3000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    print(f"checks over {result['rows']} rows: {result['seconds']} s, steps {result['steps']}; {load()}")
    print(f"failed (doc_ids listed): {result['failed']}; evaluation errors: {result['exceptions'] or 'none'}")
    print(f"seconds={result['seconds']} peak_rss_mib={result['peak_rss_mib']}")


if __name__ == "__main__":
    main()
