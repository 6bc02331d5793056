"""The ingest flow on local threads vs a Dask LocalCluster of 1, 2, … workers, over the same inbox.

Each run starts cold, as a served flow run does: the threads run loads the models in this
process (and the policy's PII worker processes, when the inbox holds enough text), the Dask runs
start their cluster and each worker loads them. On Dask each `process documents` task does a
unit's per-document work (language, license, filters, PII, features: ingest/doc_work.py); the
flow's process reads, looks up known documents and near-duplicates, claims, clusters, commits
and writes the audit. Needs no Prefect server (a temporary one is started first, outside the timings).

Per run: wall seconds of the flow, documents per second of the ingest stage (version build
aside), and the serial part: the ingest stage's time in the flow's process outside the per-
document work (its start and the wait for it), per document. `serial_ceiling_docs_per_s` (1000 /
that figure) is what one flow can reach however many workers do the work.

    python bench/dask_ingest.py                              # 3,000 documents; 1 and 2 workers
    python bench/dask_ingest.py --docs 10000 --workers 1 2 4

Last line: `cpus=… docs=… threads_docs_per_s=… dask_docs_per_s=<per worker count> serial_ms_per_doc=…
serial_ceiling_docs_per_s=…` (the serial figure of the largest cluster).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # flows/

from incremental import tickets, write_source  # bench/, beside this file


def timed(owner, attr: str, seconds: dict, key: str) -> None:
    """Add the wall time of every call of owner.attr to seconds[key]."""
    original = getattr(owner, attr)

    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            seconds[key] += time.perf_counter() - start

    setattr(owner, attr, wrapper)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--files", type=int, default=10)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2],
                        help="Dask worker processes (one thread each), one run per number")
    args = parser.parse_args()

    os.environ.update({"HF_HUB_OFFLINE": "1", "DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"})
    from prefect.testing.utilities import prefect_test_harness

    from curation.ingest import pipeline, run
    from flows.ingest import ingest_flow
    from flows.runners import task_runner

    seconds: dict[str, float] = defaultdict(float)
    timed(pipeline, "ingest", seconds, "ingest")
    try:
        from curation.ingest import fan_out

        timed(fan_out.FanOut, "start", seconds, "work")
    except ImportError:  # a checkout from before the per-document work unit: its PII step alone
        from curation.ingest import pii_step

        timed(pii_step, "anonymize_later", seconds, "work")
    timed(run.BatchStep, "collect", seconds, "work")  # waiting for the work (and the batch's claims)

    base = Path(tempfile.mkdtemp(prefix="curation-bench-dask-"))
    inbox = base / "inbox"
    write_source(inbox, "tickets", tickets(args.docs, 1), args.files)
    rows = []
    try:
        with prefect_test_harness(server_startup_timeout=120):
            for kind, workers in [("threads", None)] + [("dask", n) for n in args.workers]:
                root = base / f"{kind}-{workers}"
                shutil.copytree(ROOT / "policies", root / "policies")
                (root / "audit_logs").mkdir(parents=True)
                os.environ.update({"CURATION_HOME": str(root), "CURATION_KEY_DIR": str(base / "keys")})
                flow = ingest_flow.with_options(task_runner=task_runner(kind, workers=workers))
                seconds.clear()
                start = time.perf_counter()
                result = flow(requested_by="bench", inbox=str(inbox), dataset="bench")
                rows.append((kind, workers, time.perf_counter() - start, seconds["ingest"], seconds["work"],
                             result["summary"]["outcomes"].get("accepted", 0), os.getloadavg()[0]))
    finally:
        shutil.rmtree(base, ignore_errors=True)
    print(f"{'task runner':<28} {'flow s':>7} {'ingest s':>9} {'docs/s':>7} {'serial ms/doc':>14} "
          f"{'accepted':>9} {'load 1 min':>11}")
    for kind, workers, wall, ingest_s, work_s, accepted, load in rows:
        name = f"dask, {workers} worker process(es)" if kind == "dask" else "threads (default)"
        print(f"{name:<28} {wall:7.1f} {ingest_s:9.1f} {args.docs / ingest_s:7.1f} "
              f"{(ingest_s - work_s) * 1000 / args.docs:14.2f} {accepted:9d} {load:11.1f}")
    serial_ms = (rows[-1][3] - rows[-1][4]) * 1000 / args.docs
    dask = ",".join(f"{n}:{args.docs / r[3]:.1f}" for n, r in zip(args.workers, rows[1:], strict=True))
    print(f"cpus={os.cpu_count()} docs={args.docs} threads_docs_per_s={args.docs / rows[0][3]:.1f} "
          f"dask_docs_per_s={dask} serial_ms_per_doc={serial_ms:.2f} serial_ceiling_docs_per_s={1000 / serial_ms:.0f}")


if __name__ == "__main__":
    main()
