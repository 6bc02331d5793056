"""The ingest flow on local threads vs a Dask LocalCluster, over the same inbox.

Each run starts cold, as a served flow run does: the threads run loads the models in this
process, the Dask run starts its cluster and each worker loads them. Only the PII step runs on
the task runner (one `anonymize documents` task per `pii.task_docs` documents); reading, the
catalog and the checks stay in the flow's process. Needs no Prefect server (a temporary one is
started first, outside the timings).

    python bench/dask_ingest.py                        # 3,000 documents, 2 workers
    python bench/dask_ingest.py --docs 10000 --workers 4

On the shared 2-core development machine (load 1.0-1.6), 3,000 documents: threads 44.9 s, Dask
with 2 workers 52.2 s. Two cores give the cluster nothing to gain: its workers, the flow's
process and the Prefect server share them, and each worker loads its own models. The cluster
pays off with more cores or machines than the flow's process can use.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # flows/

from incremental import tickets, write_source  # bench/, beside this file


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--files", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2, help="Dask worker processes (one thread each)")
    args = parser.parse_args()

    os.environ.update({"HF_HUB_OFFLINE": "1", "DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"})
    from prefect.testing.utilities import prefect_test_harness

    from flows.runners import task_runner
    from flows.ingest import ingest_flow

    base = Path(tempfile.mkdtemp(prefix="curation-bench-dask-"))
    inbox = base / "inbox"
    write_source(inbox, "tickets", tickets(args.docs, 1), args.files)
    rows = []
    try:
        with prefect_test_harness(server_startup_timeout=120):
            for kind in ("threads", "dask"):
                root = base / kind
                shutil.copytree(ROOT / "policies", root / "policies")
                (root / "audit_logs").mkdir(parents=True)
                os.environ.update({"CURATION_HOME": str(root), "CURATION_KEY_DIR": str(base / "keys")})
                flow = ingest_flow.with_options(task_runner=task_runner(kind, workers=args.workers))
                start = time.perf_counter()
                result = flow(requested_by="bench", inbox=str(inbox), dataset="bench")
                rows.append((kind, time.perf_counter() - start, result["summary"]["outcomes"].get("accepted", 0),
                             os.getloadavg()[0]))
    finally:
        shutil.rmtree(base, ignore_errors=True)
    print(f"{'task runner':<28} {'seconds':>8} {'accepted':>9} {'load 1 min':>11}")
    for kind, seconds, accepted, load in rows:
        name = f"dask, {args.workers} worker processes" if kind == "dask" else "threads (default)"
        print(f"{name:<28} {seconds:8.1f} {accepted:9d} {load:11.1f}")
    print(f"cpus={os.cpu_count()} docs={args.docs} speedup={rows[0][1] / rows[1][1]:.2f}")


if __name__ == "__main__":
    main()
