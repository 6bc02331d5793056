"""Detection quality of `curation pii scan` on a labelled synthetic English corpus.

Builds the corpus of bench/pii_corpus_en.py (fixed seed), runs the real CLI on it
(`curation pii scan --jsonl ... --language en`), and scores the output against the gold spans:

- per gold type: recall with overlap matching, counting only a detection of an acceptable type
  (a street address found as LOCATION counts, found as PERSON does not), and recall by any type;
- per detected type: precision with overlap matching against gold spans of an acceptable type;
- characters: share of gold-PII characters inside some detected span (pii_masked) and share of
  the other characters inside some detected span (over_masked).

The last line is `pii_masked=<x> over_masked=<y>`.

    python bench/pii_quality.py                       # 2,000 short + 500 long documents
    python bench/pii_quality.py --short 300 --long 50 --misses 20
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pii_corpus_en import GOLD_TYPES, build_corpus

ROOT = Path(__file__).resolve().parents[1]
# Which detected types count as finding a gold span of each type.
ACCEPT = {
    "PERSON": {"PERSON"}, "EMAIL_ADDRESS": {"EMAIL_ADDRESS"}, "PHONE_NUMBER": {"PHONE_NUMBER"},
    "STREET_ADDRESS": {"LOCATION"}, "POSTAL_CODE": {"LOCATION"}, "ORGANIZATION": {"ORGANIZATION"},
    "CREDIT_CARD": {"CREDIT_CARD"}, "IBAN_CODE": {"IBAN_CODE"}, "IP_ADDRESS": {"IP_ADDRESS"},
    "US_SSN": {"US_SSN"}, "EMPLOYEE_ID": {"EMPLOYEE_ID"}, "CUSTOMER_ID": {"CUSTOMER_ID"},
}


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def covered(n: int, spans) -> bytearray:
    mask = bytearray(n)
    for s, e in spans:
        mask[s:e] = b"\x01" * (e - s)
    return mask


def score(docs, predictions: dict[str, list[dict]]):
    """Returns (rows per gold type, rows per detected type, char figures by kind, misses, and
    detections that touch no gold span)."""
    gold_n, gold_hit, gold_any = Counter(), Counter(), Counter()
    pred_n, pred_ok = Counter(), Counter()
    chars = defaultdict(Counter)  # kind -> gold, gold_masked, other, other_masked
    misses, false_pos = [], []
    for d in docs:
        preds = [(p["type"], p["start"], p["end"]) for p in predictions[d.id]]
        for t, s, e in d.spans:
            gold_n[t] += 1
            hit = [p for p in preds if overlaps((s, e), p[1:])]
            gold_any[t] += bool(hit)
            if any(p[0] in ACCEPT[t] for p in hit):
                gold_hit[t] += 1
            else:
                misses.append((t, d.text[s:e], [(p[0], d.text[p[1]:p[2]]) for p in hit], d.id))
        for t, s, e in preds:
            pred_n[t] += 1
            pred_ok[t] += any(t in ACCEPT[g] and overlaps((s, e), (gs, ge)) for g, gs, ge in d.spans)
            if not any(overlaps((s, e), (gs, ge)) for _, gs, ge in d.spans):
                false_pos.append((t, d.text[s:e], d.id))
        gold_mask = covered(len(d.text), [(s, e) for _, s, e in d.spans])
        pred_mask = covered(len(d.text), [(s, e) for _, s, e in preds])
        g = sum(gold_mask)
        gm = sum(1 for a, b in zip(gold_mask, pred_mask, strict=True) if a and b)
        om = sum(1 for a, b in zip(gold_mask, pred_mask, strict=True) if b and not a)
        for kind in (d.kind, "all"):
            c = chars[kind]
            c["gold"] += g
            c["gold_masked"] += gm
            c["other"] += len(d.text) - g
            c["other_masked"] += om
    gold_rows = [(t, gold_n[t], gold_hit[t] / gold_n[t], gold_any[t] / gold_n[t]) for t in GOLD_TYPES if gold_n[t]]
    pred_rows = [(t, pred_n[t], pred_ok[t] / pred_n[t]) for t in sorted(pred_n)]
    return gold_rows, pred_rows, chars, misses, false_pos


def run_scan(docs, policy: str | None, workdir: Path) -> tuple[dict[str, list[dict]], float]:
    src, out = workdir / "in.jsonl", workdir / "out.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps({"id": d.id, "text": d.text}) + "\n" for d in docs)
    cmd = [str(Path(sys.executable).with_name("curation")), "pii", "scan", "--jsonl", str(src), "--out", str(out),
           "--language", "en"] + (["--policy", policy] if policy else [])
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - t0
    preds = {}
    with open(out, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            preds[row["id"]] = row["entities"]
    return preds, elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description="Score `curation pii scan` on a labelled synthetic corpus.")
    ap.add_argument("--short", type=int, default=2000, help="short documents (one template each)")
    ap.add_argument("--long", type=int, default=500, help="long documents (>= 2,000 characters)")
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--policy", default=None, help="policy file (default: the workspace's default.yaml)")
    ap.add_argument("--misses", type=int, default=0, help="print this many missed gold values per type")
    ap.add_argument("--false-positives", type=int, default=0,
                    help="print the most frequent detections that touch no gold span, per type")
    args = ap.parse_args()

    docs = build_corpus(args.short, args.long, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        preds, elapsed = run_scan(docs, args.policy, Path(tmp))
    gold_rows, pred_rows, chars, misses, false_pos = score(docs, preds)

    load = os.getloadavg()
    print(f"corpus: {args.short} short + {args.long} long documents, seed {args.seed}; "
          f"scan took {elapsed:.1f} s (load {load[0]:.2f} {load[1]:.2f} {load[2]:.2f})")
    print(f"\n{'gold type':<16}{'n':>7}{'recall':>9}{'any type':>10}")
    for t, n, r, a in gold_rows:
        print(f"{t:<16}{n:>7}{r:>9.3f}{a:>10.3f}")
    print(f"\n{'detected type':<16}{'n':>7}{'precision':>11}")
    for t, n, p in pred_rows:
        print(f"{t:<16}{n:>7}{p:>11.3f}")
    print(f"\n{'documents':<16}{'pii_masked':>12}{'over_masked':>13}")
    for kind in ("short", "long", "all"):
        c = chars[kind]
        if c["gold"]:
            print(f"{kind:<16}{c['gold_masked'] / c['gold']:>12.4f}{c['other_masked'] / c['other']:>13.4f}")
    if args.misses:
        by_type = defaultdict(list)
        for m in misses:
            by_type[m[0]].append(m)
        for t, ms in sorted(by_type.items()):
            print(f"\nmissed {t} ({len(ms)}):")
            for _, value, hit, doc_id in ms[:args.misses]:
                print(f"  {doc_id} {value!r}  found as {hit}")
    if args.false_positives:
        by_type = defaultdict(Counter)
        for t, value, _ in false_pos:
            by_type[t][value] += 1
        for t, values in sorted(by_type.items()):
            print(f"\nfalse positives {t} ({sum(values.values())}): "
                  + ", ".join(f"{v!r}×{n}" for v, n in values.most_common(args.false_positives)))
    c = chars["all"]
    print(f"\npii_masked={c['gold_masked'] / c['gold']:.4f} over_masked={c['other_masked'] / c['other']:.4f}")


if __name__ == "__main__":
    main()
