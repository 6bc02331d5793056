"""A burst of task runs against a Prefect server on SQLite and on PostgreSQL (flows/postgres.py).

A flow submits N small tasks at once on a thread pool; every task run reports its states to the
server. With the client's retries off, a server that cannot keep up answers 503 and the task's
state change fails: the bench counts such failures and the wall time on each database.

    python bench/prefect_burst.py [--tasks 1000] [--threads 64] [--db sqlite,postgres]

Last line: `tasks=… sqlite_failed=… sqlite_s=… postgres_failed=… postgres_s=…`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _until_recorded(api: str, tasks: int, timeout: float = 600) -> tuple[float, int]:
    """Seconds after the flow returned until the server holds every task run in a final state (what
    the UI shows), polling as a UI would; and how many of those requests failed (5xx, refused)."""
    import json
    import urllib.error
    import urllib.request

    start, errors = time.perf_counter(), 0
    body = json.dumps({"task_runs": {"state": {"type": {"any_": ["COMPLETED"]}}}}).encode()
    while time.perf_counter() - start < timeout:
        request = urllib.request.Request(f"{api}/task_runs/count", data=body,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                if int(response.read()) >= tasks:
                    return time.perf_counter() - start, errors
        except (urllib.error.HTTPError, OSError):
            errors += 1
        time.sleep(0.2)
    return float("nan"), errors


def run_burst(db: str, tasks: int, threads: int) -> tuple[int, float, float, int]:
    """(failed task runs, seconds of the flow, seconds until the server recorded every task run,
    failed API requests meanwhile) of one burst against a fresh server on `db`."""
    from curation.policy import load_policy
    from flows import postgres
    from flows.server import free_port, start, stop

    base = Path(tempfile.mkdtemp(prefix=f"burst-{db}-"))
    os.chmod(base, 0o755)  # the postgres user must reach the cluster's folder when we are root
    env_before = dict(os.environ)
    try:
        if db == "postgres":
            os.environ["PREFECT_API_DATABASE_CONNECTION_URL"] = postgres.start(base, free_port())
        port = free_port()
        server = start(base, load_policy(ROOT / "policies" / "default.yaml"), port, log=base / "server.log")
        try:
            code = f"""
import time
from prefect import flow, task
from prefect.task_runners import ThreadPoolTaskRunner

@task
def work(i):
    return i

@flow(task_runner=ThreadPoolTaskRunner(max_workers={threads}))
def burst():
    futures = [work.submit(i) for i in range({tasks})]
    failed = 0
    for f in futures:
        try:
            f.result(raise_on_failure=True)
        except Exception:
            failed += 1
    return failed

t = time.perf_counter()
try:
    failed = burst()
except Exception as exc:
    failed = {tasks}
print("RESULT", failed, time.perf_counter() - t)
"""
            env = {**os.environ, "PREFECT_API_URL": f"http://127.0.0.1:{port}/api",
                   "PREFECT_HOME": str(base / ".prefect"), "PREFECT_CLIENT_MAX_RETRIES": "0",
                   "PREFECT_LOGGING_LEVEL": "ERROR"}
            out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=1800)
            line = [x for x in out.stdout.splitlines() if x.startswith("RESULT")]
            if not line:
                return tasks, float("nan"), float("nan"), 0
            _, failed, seconds = line[-1].split()
            lag, errors = _until_recorded(f"http://127.0.0.1:{port}/api", tasks)
            return int(failed), float(seconds), lag, errors
        finally:
            stop(server)
    finally:
        if db == "postgres":
            postgres.stop(base)
        os.environ.clear()
        os.environ.update(env_before)
        shutil.rmtree(base, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--threads", type=int, default=64)
    parser.add_argument("--db", default="sqlite,postgres")
    args = parser.parse_args()
    figures = [f"tasks={args.tasks}"]
    for db in args.db.split(","):
        failed, seconds, lag, errors = run_burst(db, args.tasks, args.threads)
        print(f"{db}: {failed} of {args.tasks} task runs failed, flow {seconds:.1f} s, every task run "
              f"recorded {lag:.1f} s later, {errors} failed API reads meanwhile", flush=True)
        figures += [f"{db}_failed={failed}", f"{db}_s={seconds:.1f}", f"{db}_record_lag_s={lag:.1f}",
                    f"{db}_api_errors={errors}"]
    print(" ".join(figures))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
