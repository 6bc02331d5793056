"""The anonymize step on long texts with many results: Presidio's `AnonymizerEngine.anonymize` against
curation's `overlaps.anonymize_text`, on the same analyzer results, A/B interleaved.

Two generated documents: a 200 KB staff table (a name, a city, an e-mail and a phone per row: thousands
of results) and a 50 KB forum post (paragraphs that mention people and places). Each is analyzed once
with the policy's English engine (the time is printed, as the scale of the whole stage); then the two
anonymize functions take turns, `--rounds` times each, and the outputs are checked to be identical.

    python bench/pii_anonymize_conflicts.py              # last line: key=value ...
    python bench/pii_anonymize_conflicts.py --rounds 9
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

FIRST = ["Maria", "James", "Aisha", "Tom", "Priya", "Lukas", "Sofia", "Daniel", "Hannah", "Kenji", "Olivia", "Mateo"]
LAST = ["Gonzalez", "Whitfield", "Okafor", "Baker", "Sharma", "Brandt", "Rossi", "Kim", "Novak", "Tanaka", "Evans"]
CITIES = ["Leeds", "Manchester", "Bristol", "Dublin", "Madrid", "Berlin", "Toronto", "Sydney", "Chicago", "Lyon"]
ROLES = ["Sales Manager", "Engineer", "Analyst", "Accountant", "Designer", "Support Lead"]


def staff_table(rng: random.Random, size: int) -> str:
    rows = ["| ID | Name | Role | City | E-mail | Phone |", "|---|---|---|---|---|---|"]
    while sum(map(len, rows)) < size:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        rows.append(f"| {len(rows):05d} | {first} {last} | {rng.choice(ROLES)} | {rng.choice(CITIES)} | "
                    f"{first.lower()}.{last.lower()}@example.com | +44 20 7946 {rng.randrange(10000):04d} |")
    return "\n".join(rows)


def forum_post(rng: random.Random, size: int) -> str:
    out = []
    while sum(map(len, out)) < size:
        a, b = f"{rng.choice(FIRST)} {rng.choice(LAST)}", f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        out.append(f"Thanks {a}, I tried that in {rng.choice(CITIES)} last week and it worked. {b} said the "
                   f"same thing happened to her team in {rng.choice(CITIES)}, so maybe {a.split()[0]} and "
                   f"{b.split()[0]} could compare notes before the meetup.\n")
    return "".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5, help="timed runs of each function per document")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    from presidio_anonymizer import AnonymizerEngine

    from curation.pii.anonymize import Anonymizer
    from curation.pii.overlaps import anonymize_text
    from curation.policy import load_policy

    rng = random.Random(args.seed)
    anonymizer = Anonymizer(load_policy(ROOT / "policies" / "default.yaml").pii)
    engine = AnonymizerEngine()
    fields = [f"load={os.getloadavg()[0]:.2f}"]
    for name, text in (("table200k", staff_table(rng, 200_000)), ("post50k", forum_post(rng, 50_000))):
        t0 = time.perf_counter()
        [results] = anonymizer._engine("en").analyze([text], anonymizer.policy.batch_size)
        analyze_s = time.perf_counter() - t0
        operators = anonymizer._operators_for(results)
        presidio_s, ours_s = [], []
        for _ in range(args.rounds):  # interleaved: the machine's load falls on both alike
            t0 = time.perf_counter()
            expected = engine.anonymize(text=text, analyzer_results=results, operators=dict(operators)).text
            presidio_s.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            got, _ = anonymize_text(engine, text, results, dict(operators))
            ours_s.append(time.perf_counter() - t0)
            assert got == expected, f"{name}: anonymized text differs from Presidio's"
        p, o = statistics.median(presidio_s), statistics.median(ours_s)
        print(f"{name}: {len(text)} chars, {len(results)} results; analyze {analyze_s:.2f} s; anonymize median of "
              f"{args.rounds}: presidio {p * 1000:.1f} ms, curation {o * 1000:.1f} ms ({p / o:.1f}x)")
        fields += [f"{name}_results={len(results)}", f"{name}_analyze_s={analyze_s:.2f}",
                   f"{name}_presidio_ms={p * 1000:.1f}", f"{name}_curation_ms={o * 1000:.1f}",
                   f"{name}_speedup={p / o:.2f}"]
    anonymizer.close()
    print(" ".join(fields))


if __name__ == "__main__":
    main()
