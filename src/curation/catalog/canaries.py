"""Canaries the stewards declared in SOURCE.yaml: sha256, length and source, never the value."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from curation.catalog.schema import now


class CanaryQueries:
    def record_canaries(self, canaries: Iterable) -> int:
        """Record declared canaries (objects with sha256, n_chars and source, e.g.
        training.privacy_probe.Canary); one already recorded is kept as it was. Returns how many
        were new. A canary is never forgotten: documents ingested under it may still hold it."""
        rows = sorted({(c.source, c.sha256, int(c.n_chars)) for c in canaries})
        if not rows:
            return 0
        with self.transaction() as con:
            before = con.execute("SELECT count(*) FROM source_canaries").fetchone()[0]
            at = now()
            con.executemany("INSERT INTO source_canaries VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                            [[*row, at] for row in rows])
            return con.execute("SELECT count(*) FROM source_canaries").fetchone()[0] - before

    def canaries(self, sources: Sequence[str] | None = None) -> list[dict]:
        """Recorded canaries ({source, sha256, n_chars}) of `sources` (all when None), sorted."""
        if sources is None:
            return self._rows("SELECT source, sha256, n_chars FROM source_canaries ORDER BY source, sha256")
        return self._rows("SELECT source, sha256, n_chars FROM source_canaries WHERE source IN (SELECT unnest(?)) "
                          "ORDER BY source, sha256", [list(sources)])
