"""Scheduled ingestion over an inbox that did not change: how much does it cost next to the first run?

Runs the stage the `ingest-scheduled` deployment runs (flows/ingest.py's task, its bare function:
no Prefect server is needed) in a fresh workspace, four times:

1. first run over N new documents (cold process: models load during it, as in a flow run's process);
2. the same inbox again: nothing new, so it stops after one sha256 per file and one catalog query;
3. the manual `ingest` deployment over the same unchanged inbox (no early stop): no document is
   read or analyzed, but the checks run and the version is rebuilt (same content, same id);
4. one new file of M documents: the work follows what arrived, not what the inbox holds.

The last line is `ratio=<unchanged / first>`; the issue asks for < 0.05.

    python bench/incremental.py                 # 1,000 documents in 10 files, then 50 new
    python bench/incremental.py --docs 5000 --files 50
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # flows/

SUBJECTS = ["The export to CSV", "The billing page", "The mobile app", "Search", "The audit page", "Two-factor reset",
            "The onboarding e-mail", "Invoice generation", "The storage quota", "Scheduled exports"]
PROBLEMS = ["fails with a timeout after ten minutes", "shows the wrong currency for customers in Canada",
            "crashes on older Android versions", "is slow for large workspaces", "links to an old help page",
            "runs twice when the clock changes", "misses the tax line on Sundays", "counts archived projects"]
PEOPLE = ["Alice Whitfield", "Robert Kim", "Hana Sato", "Omar Haddad", "Lena Novak"]


def tickets(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return [f"Ticket {seed}-{i}: {rnd.choice(SUBJECTS)} {rnd.choice(PROBLEMS)}; reported by {rnd.choice(PEOPLE)} "
            f"({rnd.choice(PEOPLE).split()[0].lower()}@example.com), case {rnd.randrange(10**6)}." for i in range(n)]


def write_source(inbox: Path, name: str, texts: list[str], files: int) -> None:
    folder = inbox / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "SOURCE.yaml").write_text("license: MIT\nlanguage: en\n")
    per = max(1, -(-len(texts) // files))
    for k in range(0, len(texts), per):
        (folder / f"part-{k // per:04d}.jsonl").write_text(
            "\n".join(json.dumps({"text": t}) for t in texts[k:k + per]) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=1000, help="documents in the first run")
    parser.add_argument("--files", type=int, default=10, help="files they are spread over")
    parser.add_argument("--new", type=int, default=50, help="documents in the file that arrives later")
    args = parser.parse_args()

    base = Path(tempfile.mkdtemp(prefix="curation-bench-incremental-"))
    root = base / "ws"
    shutil.copytree(ROOT / "policies", root / "policies")
    (root / "audit_logs").mkdir(parents=True)
    os.environ.update({"CURATION_HOME": str(root), "CURATION_KEY_DIR": str(base / "keys"), "HF_HUB_OFFLINE": "1"})
    inbox = root / "data" / "inbox"
    write_source(inbox, "tickets", tickets(args.docs, 1), args.files)

    from flows.ingest import (
        ingest_task,  # the scheduled flow's stage; .fn runs it without Prefect
    )

    def run(only_new: bool) -> tuple[float, dict]:
        start = time.perf_counter()
        result = ingest_task.fn(str(inbox), "bench", None, "bench", only_new, None)
        return time.perf_counter() - start, result

    try:
        first, r1 = run(True)
        unchanged, r2 = run(True)
        manual, r3 = run(False)
        write_source(inbox, "late", tickets(args.new, 2), 1)
        late, r4 = run(True)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    assert r2["skipped"] and not r1["skipped"] and r3["summary"]["files_unchanged"] == args.files
    print(f"{'run':<52} {'seconds':>8} {'accepted':>9}")
    print(f"{'1. first, ' + str(args.docs) + ' documents in ' + str(args.files) + ' files (cold process)':<52} "
          f"{first:8.2f} {r1['summary']['outcomes'].get('accepted', 0):9d}")
    print(f"{'2. scheduled, inbox unchanged (stops early)':<52} {unchanged:8.3f} {0:9d}")
    print(f"{'3. manual ingest, inbox unchanged (rebuilds version)':<52} {manual:8.2f} "
          f"{r3['summary']['outcomes'].get('accepted', 0):9d}")
    print(f"{'4. scheduled, one new file of ' + str(args.new) + ' documents':<52} {late:8.2f} "
          f"{r4['summary']['outcomes'].get('accepted', 0):9d}")
    print(f"ratio={unchanged / first:.4f}")


if __name__ == "__main__":
    main()
