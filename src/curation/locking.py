"""Exclusive file locks with waiting, so that concurrent runs queue instead of colliding.

DuckDB lets one process at a time open the catalog for writing; a second process that tries
fails at once ("Could not set lock on file"). Two ingest runs at the same time (the schedule
fires while a steward starts one from the UI, or two runs on a Dask cluster) must neither fail
nor read the same new files twice, so an ingest run holds `ingest_lock(catalog_path)` from its
first catalog access to its last: the second run waits, then finds those files already read.

The lock is `flock(2)` on a file beside the catalog: the kernel drops it when its holder exits,
however it exits, so a killed run never leaves a stale lock. It excludes other processes and
other threads of the same process (each holder opens its own file description); a thread that
already holds a lock may take it again (nested `with`).
"""

from __future__ import annotations

import fcntl
import json
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_held = threading.local()  # lock path -> how many nested `with` blocks this thread is in


class LockTimeout(TimeoutError):
    """The lock stayed taken longer than the caller was willing to wait; names the holder."""


def ingest_lock_path(catalog_path: Path) -> Path:
    return Path(f"{catalog_path}.ingest.lock")


@contextmanager
def ingest_lock(catalog_path: Path, *, timeout: float | None = None,
                on_wait=None) -> Iterator[None]:
    """One ingest run at a time on the catalog at `catalog_path` (see the module docstring)."""
    with exclusive(ingest_lock_path(catalog_path), timeout=timeout, on_wait=on_wait):
        yield


@contextmanager
def exclusive(path: Path, *, timeout: float | None = None, poll: float = 0.2,
              on_wait=None) -> Iterator[None]:
    """Hold an exclusive lock on `path` (created if missing), waiting for it as long as `timeout`
    seconds (None: as long as it takes). `on_wait(holder)` is called once if the lock is taken,
    with what the holder wrote about itself (pid, host, since). Raises LockTimeout."""
    key = str(Path(path).resolve())
    depth = getattr(_held, "depth", None)
    if depth is None:
        depth = _held.depth = {}
    if depth.get(key):
        depth[key] += 1
        try:
            yield
        finally:
            depth[key] -= 1
        return
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(key, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = None if timeout is None else time.monotonic() + timeout
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not told and on_wait is not None:
                    on_wait(_holder(key))
                    told = True
                if deadline is not None and time.monotonic() >= deadline:
                    raise LockTimeout(f"{key}: still held after {timeout:.0f} s by {_holder(key)}") from None
                time.sleep(poll)
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps({"pid": os.getpid(), "host": os.uname().nodename,
                                  "since": time.strftime("%Y-%m-%dT%H:%M:%S%z")}).encode(), 0)
        depth[key] = 1
        try:
            yield
        finally:
            depth.pop(key, None)
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _holder(path: str) -> str:
    try:
        info = json.loads(Path(path).read_text() or "{}")
    except (OSError, ValueError):
        info = {}
    return f"pid {info['pid']} on {info['host']} since {info['since']}" if info else "another run"
