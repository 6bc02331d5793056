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

A waiter also holds a shared lock on `<lock>.waiting` while it waits, so that a holder that
keeps the lock for long (an ingest run's catalog connection) can see that someone waits
(`someone_waits`) and let them in at its next pause (`CatalogConnection.serving_others`).
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
    waiting = None  # fd of `<lock>.waiting`, share-locked from the first failed try until the lock is ours
    try:
        deadline = None if timeout is None else time.monotonic() + timeout
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if waiting is None:
                    waiting = os.open(_waiting_path(key), os.O_RDWR | os.O_CREAT, 0o600)
                    fcntl.flock(waiting, fcntl.LOCK_SH)  # a holder's someone_waits() takes it only for an instant
                if not told and on_wait is not None:
                    on_wait(_holder(key))
                    told = True
                if deadline is not None and time.monotonic() >= deadline:
                    raise LockTimeout(f"{key}: still held after {timeout:.0f} s by {_holder(key)}") from None
                time.sleep(poll)
        if waiting is not None:  # ours now: a holder pausing for waiters may go on
            os.close(waiting)
            waiting = None
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
        if waiting is not None:  # gave up waiting (LockTimeout, or the caller was interrupted)
            os.close(waiting)
        os.close(fd)


def someone_waits(path: Path) -> bool:
    """Whether another process or thread is waiting in `exclusive(path)` now. Cheap (two system
    calls), for a holder that checks it between steps."""
    try:
        fd = os.open(_waiting_path(str(Path(path).resolve())), os.O_RDWR)
    except FileNotFoundError:  # nobody ever waited for this lock
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # drops the instant exclusive lock, if taken
    return False


def _waiting_path(key: str) -> str:
    return key + ".waiting"


def _holder(path: str) -> str:
    try:
        info = json.loads(Path(path).read_text() or "{}")
    except (OSError, ValueError):
        info = {}
    return f"pid {info['pid']} on {info['host']} since {info['since']}" if info else "another run"
