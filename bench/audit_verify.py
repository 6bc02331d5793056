"""Time and memory of `audit verify` on a large log: a fresh log of N records (one signed checkpoint
per 10,000, the rate of a busy ingest), pinned key, verified in a fresh process as `curation audit
verify` does (`audit.trust.verify_installation`).

    python bench/audit_verify.py                    # 200,000 records
    python bench/audit_verify.py --records 1000000

Last line: `records=… log_mib=… verify_s=… peak_rss_mib=…` (peak RSS of the verifying process).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

VERIFY = """
import json, resource, sys, time
from pathlib import Path
from curation.audit.trust import verify_installation
root = Path(sys.argv[1])
start = time.perf_counter()
found = verify_installation(root / "audit", root / "keys", root / "pinned.pem")
print(json.dumps({"ok": found.ok, "summary": found.summary(), "s": time.perf_counter() - start,
                  "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def build(root: Path, n_records: int, per_checkpoint: int) -> None:
    """A log as ingest writes it: outbox-sized batches of document records, a milestone per batch."""
    from curation.audit.log import AuditLog
    from curation.audit.signing import Signer, public_pem
    from curation.audit.trust import pin_record

    signer = Signer(root / "keys")
    (root / "pinned.pem").write_text(public_pem(signer.public_key), encoding="utf-8")
    log = AuditLog(root / "audit", signer=signer)
    log.append_many([pin_record(signer.public_key)])  # as `curation audit export-key` records it
    written = 1
    while written < n_records:
        n = min(per_checkpoint, n_records - written)
        log.append_many([{"event": "document.accepted", "subject": f"doc{written + i:012d}",
                          "data": {"dataset": "bench", "pii_counts": {"PERSON": 2}, "sha256": "0" * 64}}
                         for i in range(n - 1)] + [{"event": "ingest.finished", "subject": "run", "data": {}}])
        written += n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--per-checkpoint", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="audit-verify-") as tmp:
        root = Path(tmp)
        start = time.perf_counter()
        build(root, args.records, args.per_checkpoint)
        log_mib = (root / "audit" / "audit.jsonl").stat().st_size / 2**20
        print(f"built {args.records} records ({log_mib:.0f} MiB) in {time.perf_counter() - start:.1f} s")
        out = subprocess.run([sys.executable, "-c", VERIFY, str(root)], capture_output=True, text=True, check=True)
        found = json.loads(out.stdout.strip().splitlines()[-1])
        print(found["summary"])
        if not found["ok"]:
            raise SystemExit("verification failed")
        print(f"records={args.records} log_mib={log_mib:.0f} verify_s={found['s']:.2f} "
              f"peak_rss_mib={found['rss_mib']:.0f}")


if __name__ == "__main__":
    main()
