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

Waiters queue: a caller first takes `<lock>.queue`, then waits for the lock itself, and lets the
queue go once the lock is its own. So at most one caller waits for the lock itself, and a holder
that takes the lock again at once (a client whose operations each take it anew) finds the queue
taken by that caller and waits behind it, instead of winning every time against a waiter that
polls. Without a timeout both waits block in the kernel, which hands the lock over the moment it
is let go; with one, they poll.

A waiter also holds a shared lock on `<lock>.waiting` while it waits, so that a holder that
keeps the lock for long (an ingest run's catalog connection) can see that someone waits
(`someone_waits`) and let them in at its next pause (`CatalogConnection.serving_others`, which
lets the lock go from another thread: `lent`).
"""

from __future__ import annotations

import fcntl
import json
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass
class _Hold:
    """This process's hold on one lock: the thread in which a nested `with` counts as held (None
    while the hold is lent, see `lent`). Only the outermost `with` lets the lock go."""

    thread: int | None


# Lock path -> this process's hold on it. One a path at most: other threads of the process wait
# for the flock like other processes do. Guarded, as the hold may be let go from another thread.
_holds: dict[str, _Hold] = {}
_holds_guard = threading.Lock()


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
    seconds (None: as long as it takes), behind whoever already waits. `on_wait(holder)` is
    called once if the lock is taken, with what the holder wrote about itself (pid, host, since).
    Raises LockTimeout. A thread that holds the lock may take it again (nested `with`)."""
    key = str(Path(path).resolve())
    me = threading.get_ident()
    with _holds_guard:
        hold = _holds.get(key)
        nested = hold is not None and hold.thread == me
    if nested:  # the outer `with` lets it go
        yield
        return
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(key, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        _take(key, fd, timeout, poll, on_wait)
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps({"pid": os.getpid(), "host": os.uname().nodename,
                                  "since": time.strftime("%Y-%m-%dT%H:%M:%S%z")}).encode(), 0)
        hold = _Hold(me)
        with _holds_guard:
            _holds[key] = hold
        try:
            yield
        finally:  # in whichever thread lets the hold go
            with _holds_guard:
                if _holds.get(key) is hold:
                    del _holds[key]
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _take(key: str, fd: int, timeout: float | None, poll: float, on_wait) -> None:
    """Take the flock on `fd` (the lock file `key`) through the queue (see the module docstring)."""
    queue = os.open(key + ".queue", os.O_RDWR | os.O_CREAT, 0o600)
    waiting = None  # fd of `<lock>.waiting`, share-locked from the first failed try until the lock is ours
    deadline = None if timeout is None else time.monotonic() + timeout
    try:
        for target in (queue, fd):
            if _taken(target):
                continue
            if waiting is None:
                waiting = os.open(_waiting_path(key), os.O_RDWR | os.O_CREAT, 0o600)
                fcntl.flock(waiting, fcntl.LOCK_SH)  # a holder's someone_waits() takes it only for an instant
                if on_wait is not None:
                    on_wait(_holder(key))
            if deadline is None:
                fcntl.flock(target, fcntl.LOCK_EX)
                continue
            while not _taken(target):
                if time.monotonic() >= deadline:
                    raise LockTimeout(f"{key}: still held after {timeout:.0f} s by {_holder(key)}")
                time.sleep(poll)
    finally:  # the lock is ours, or the caller gave up (LockTimeout, interrupted): the next may queue
        os.close(queue)
        if waiting is not None:
            os.close(waiting)


def _taken(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


@contextmanager
def lent(path: Path) -> Iterator[None]:
    """For a block during which this thread's hold on `path` may be let go from another thread
    (CatalogConnection.serving_others): `exclusive(path)` in this thread then waits for the lock
    like any other caller, rather than counting as nested in a hold that may be gone. The hold
    counts again after the block if it was not let go."""
    key = str(Path(path).resolve())
    me = threading.get_ident()
    with _holds_guard:
        hold = _holds.get(key)
        if hold is None or hold.thread != me:
            hold = None
        else:
            hold.thread = None
    try:
        yield
    finally:
        if hold is not None:
            with _holds_guard:
                if _holds.get(key) is hold:
                    hold.thread = me


def someone_waits(path: Path) -> bool:
    """Whether another process or thread is waiting in `exclusive(path)` now. Cheap (two system
    calls), for a holder that checks it between steps."""
    try:
        fd = os.open(_waiting_path(str(Path(path).resolve())), os.O_RDWR)
    except FileNotFoundError:  # nobody ever waited for this lock
        return False
    try:
        return not _taken(fd)  # a waiter's shared lock keeps it from us
    finally:
        os.close(fd)  # drops the instant exclusive lock, if taken


def _waiting_path(key: str) -> str:
    return key + ".waiting"


def _holder(path: str) -> str:
    try:
        info = json.loads(Path(path).read_text() or "{}")
    except (OSError, ValueError):
        info = {}
    return f"pid {info['pid']} on {info['host']} since {info['since']}" if info else "another run"
