"""Connections to the catalog's DuckDB file, taken under a lock file that other processes wait on."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from curation.catalog.schema import SCHEMA
from curation.locking import exclusive


class CatalogConnection:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._pinned: duckdb.DuckDBPyConnection | None = None
        with self.connect() as con:
            con.execute(SCHEMA)

    @property
    def lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".connection.lock")

    @contextmanager
    def session(self) -> Iterator[None]:
        """Hold one connection (and the connection lock) for a short run of operations, such as a
        version build. Opening DuckDB costs 10-80 ms here."""
        if self._pinned is not None:
            yield
            return
        with exclusive(self.lock_path):
            self._pinned = duckdb.connect(str(self.path))
            try:
                yield
            finally:
                self._pinned.close()
                self._pinned = None

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection for one operation. DuckDB lets one process at a time open the file and
        fails at once otherwise, so connections are taken under a lock file that other processes
        wait on (the CLI beside a served flow, two flows, a report writer)."""
        if self._pinned is not None:
            yield self._pinned
            return
        with exclusive(self.lock_path):
            con = duckdb.connect(str(self.path))
            try:
                yield con
            finally:
                con.close()

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
