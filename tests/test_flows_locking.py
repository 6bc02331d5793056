"""The catalog's ingest lock across processes: a second run waits, a dead holder frees it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from curation.locking import LockTimeout, exclusive, ingest_lock, ingest_lock_path

HOLD = """
import sys, time
from curation.locking import ingest_lock
with ingest_lock(sys.argv[1]):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def holder(catalog, seconds: float) -> subprocess.Popen:
    """Another process that takes the ingest lock of `catalog` and keeps it `seconds` long."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(catalog), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_a_second_run_waits_for_the_lock_held_by_another_process(tmp_path):
    catalog = tmp_path / "catalog.duckdb"
    other = holder(catalog, 1.5)
    told: list[str] = []
    start = time.monotonic()
    with ingest_lock(catalog, on_wait=told.append):
        waited = time.monotonic() - start
    other.wait(timeout=10)
    assert waited >= 1.0 and told and f"pid {other.pid}" in told[0]


def test_waiting_has_a_limit_and_names_the_holder(tmp_path):
    other = holder(tmp_path / "c.duckdb", 30)
    try:
        with pytest.raises(LockTimeout, match=f"pid {other.pid}"), ingest_lock(tmp_path / "c.duckdb", timeout=0.5):
            pass
    finally:
        other.kill()
        other.wait()


def test_a_killed_holder_leaves_no_stale_lock(tmp_path):
    other = holder(tmp_path / "c.duckdb", 30)
    os.kill(other.pid, signal.SIGKILL)
    other.wait()
    with ingest_lock(tmp_path / "c.duckdb", timeout=2):
        assert ingest_lock_path(tmp_path / "c.duckdb").exists()


def test_the_holding_thread_may_take_the_lock_again(tmp_path):
    with exclusive(tmp_path / "x.lock", timeout=1), exclusive(tmp_path / "x.lock", timeout=1):
        pass
