"""Connections to the catalog's DuckDB file, taken under a lock file that other processes wait on."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import duckdb

from curation.catalog.schema import SCHEMA
from curation.locking import exclusive, lent, someone_waits

log = logging.getLogger(__name__)

# How often a held connection looks for waiters while its holder waits on other work
# (`serving_others`); how long nobody must have waited before it takes the catalog back, and
# how long at most it lets others go first (see CatalogConnection._after_others).
WAITERS_POLL_S = 0.1
WAITERS_GRACE_S = 0.3
WAITERS_FIRST_S = 5.0
# A session that waited longer than this to take the catalog (back) says so in the log.
HOLD_SLOW_S = 3.0


class CatalogSessionError(RuntimeError):
    """A session could not let others use the catalog, or not take it back; names the file."""


class CatalogConnection:
    _serving = False  # inside serving_others: the connection may be given away meanwhile

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._pinned: duckdb.DuckDBPyConnection | None = None
        self._pinned_lock: ExitStack | None = None  # the connection lock while a session holds it
        with self.connect() as con:
            con.execute(SCHEMA)

    @property
    def lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".connection.lock")

    @contextmanager
    def session(self) -> Iterator[None]:
        """Hold one connection (and the connection lock) for a run of operations, such as a version
        build or a whole ingest run: opening DuckDB costs 15-80 ms here, and closing it after a
        write checkpoints its write-ahead log (40 ms after an ingest batch, 4 ms without the
        checkpoint). Another process that needs the catalog meanwhile waits, or is let in where
        the holder waits on other work (`serving_others`). Nested sessions share the outer one."""
        self._check_not_serving()
        if self._pinned is not None:
            yield
            return
        self._hold()
        try:
            yield
        finally:
            self._let_go()

    @contextmanager
    def serving_others(self) -> Iterator[None]:
        """For a block in which this thread waits on other work and leaves the catalog alone (an
        ingest run reading its files or waiting for its per-document work): whoever waits for the
        catalog meanwhile, another process or thread, gets it (the session's connection is closed
        and its lock let go), and the session takes it back after them when the block ends.
        Outside a session, nothing to do. The block must not use the catalog: `connect` and
        `session` raise inside it. Raises CatalogSessionError if letting others in or taking the
        catalog back failed."""
        if self._pinned_lock is None:
            yield
            return
        stop, let_go = threading.Event(), threading.Event()
        failed: list[Exception] = []

        def watch() -> None:
            try:
                while not someone_waits(self.lock_path):
                    if stop.wait(WAITERS_POLL_S):
                        return
                let_go.set()
                self._let_go()
            except Exception as error:  # re-raised on the session's thread after the block
                failed.append(error)

        watcher = threading.Thread(target=watch, name="catalog-waiters", daemon=True)
        was_serving, self._serving = self._serving, True
        try:
            with lent(self.lock_path):  # this thread's nested exclusive() must wait like others
                watcher.start()
                try:
                    yield
                finally:
                    stop.set()
                    watcher.join()
        except BaseException:  # the block's own error goes on; the watcher's is not lost
            if failed:
                log.warning("%s: letting others use the catalog failed too: %s", self.path, type(failed[0]).__name__)
            raise
        finally:
            self._serving = was_serving
        try:  # not on the block's exception: the session ends without its connection then
            if failed:
                raise failed[0]
            self._take_back(let_go.is_set())
        except Exception as error:  # one line naming the catalog file; the cause stays chained
            raise CatalogSessionError(f"{self.path}: could not let others use the catalog and take it back: "
                                      f"{type(error).__name__}: {_first_line(error)}") from error

    def _take_back(self, let_go: bool) -> None:
        """After a serving_others block: serve who came too late for the watcher, then take the
        catalog back after them if it was let go."""
        if not let_go and someone_waits(self.lock_path):
            # came while the block ran, too short for the watcher to look again: served now, as
            # they would be at every block, however little the holder waits on its work
            let_go = True
            self._let_go()
        if let_go:
            self._after_others()
            self._hold()

    def _after_others(self) -> None:
        """Let those who waited go first, and finish what they do: a client's operations each take
        the lock anew, so take it back only once nobody waited for WAITERS_GRACE_S, as long as
        WAITERS_FIRST_S in all (then it takes its turn after the one waiting for the lock itself)."""
        start = quiet_since = time.monotonic()
        while (now := time.monotonic()) - start < WAITERS_FIRST_S:
            if someone_waits(self.lock_path):
                quiet_since = now
            elif now - quiet_since >= WAITERS_GRACE_S:
                return
            time.sleep(WAITERS_POLL_S / 2)

    def _hold(self) -> None:
        """Take the connection lock and open the session's connection."""
        lock = ExitStack()
        asked = time.monotonic()
        lock.enter_context(exclusive(self.lock_path))
        if (waited := time.monotonic() - asked) > HOLD_SLOW_S:
            log.warning("%s: the session waited %.1f s for the catalog's connection lock", self.path, waited)
        try:
            self._pinned = duckdb.connect(str(self.path))
        except BaseException:
            lock.close()
            raise
        self._pinned_lock = lock

    def _let_go(self) -> None:
        """Close the session's connection (DuckDB checkpoints its log then) and let its lock go."""
        con, lock = self._pinned, self._pinned_lock
        self._pinned = self._pinned_lock = None
        try:
            if con is not None:
                con.close()
        finally:
            if lock is not None:
                lock.close()

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection for one operation. DuckDB lets one process at a time open the file and
        fails at once otherwise, so connections are taken under a lock file that other processes
        wait on (the CLI beside a served flow, two flows, a report writer)."""
        self._check_not_serving()
        if self._pinned is not None:
            yield self._pinned
            return
        with exclusive(self.lock_path):
            con = duckdb.connect(str(self.path))
            try:
                yield con
            finally:
                con.close()

    def _check_not_serving(self) -> None:
        if self._serving:
            raise RuntimeError(f"{self.path}: catalog used inside serving_others, where its connection "
                               "may be given to another process at any moment")

    def rewrite_file(self) -> None:
        """Rewrite the catalog file from its live rows (COPY FROM DATABASE into a fresh file, then an
        atomic rename): DuckDB leaves replaced values in free blocks of the file, and values scrubbed
        for being personal data must not linger there. Owner-only like the original."""
        import os

        if self._pinned is not None:
            raise RuntimeError("rewrite_file inside a session")
        fresh = self.path.with_name(self.path.name + ".rewrite")
        with exclusive(self.lock_path):
            for leftover in (fresh, fresh.with_name(fresh.name + ".wal")):
                leftover.unlink(missing_ok=True)
            con = duckdb.connect(str(self.path))
            try:
                con.execute("CHECKPOINT")
                name = con.execute("SELECT current_database()").fetchone()[0]
                con.execute("ATTACH ? AS fresh", [str(fresh)])
                con.execute(f'COPY FROM DATABASE "{name}" TO fresh')
                con.execute("DETACH fresh")
            finally:
                con.close()
            os.chmod(fresh, 0o600)
            with open(fresh, "rb") as fh:
                os.fsync(fh.fileno())
            os.replace(fresh, self.path)
            self.path.with_name(self.path.name + ".wal").unlink(missing_ok=True)

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self.connect() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                yield con
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                self._rolled_back()
                raise

    def _rolled_back(self) -> None:
        """Forget what was kept in memory of writes that a rollback undid (see DocumentQueries)."""

    def _rows(self, sql: str, params: list | None = None) -> list[dict[str, Any]]:
        with self.connect() as con:
            cur = con.execute(sql, params or [])
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _first_line(error: BaseException) -> str:
    return (str(error).splitlines() or [""])[0]
