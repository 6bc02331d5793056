"""Where spaCy's memory zones open and close: around each analysis, or kept open across analyses.

A memory zone frees, when it closes, the strings, lexemes and tokenizer-cache entries spaCy made
inside it: over 100,000s of documents the vocabulary would otherwise grow by millions of strings.
Closing one after every call also throws away the tokenizer cache and the lexemes of every word
seen, which the next call rebuilds (measured, en_core_web_md: tokenizer 3.87 against 0.60 ms per
document when the zone closes every 50 documents). A process whose pipelines serve nothing but
PiiEngine.analyze (a PII worker process, worker.py) keeps one zone open and cycles it after a
character budget instead. Any other process keeps a zone per call: a Doc that other code makes
with a shared pipeline inside a kept zone would be invalid once the zone cycles.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

# Characters analyzed under one kept zone before it is closed and a new one opened. 2 M characters
# is about 2,000 business documents: the zone's strings and lexemes stay in the tens of MiB (a few
# hundred thousand new words at most), small beside a worker's ≈ 380 MiB, while the cache lives
# over hundreds of the ingest's 16-document tasks.
ZONE_CHARS = 2_000_000


class MemoryZones:
    """The memory zones of this process's spaCy pipelines: one per `around` call (the default), or,
    after `keep_open`, one per pipeline kept open over calls until `budget` characters have gone
    through, then closed and opened anew. `close` frees a kept zone and returns to one per call."""

    def __init__(self) -> None:
        self.budget: int | None = None  # None: a zone per call
        self._kept = contextlib.ExitStack()
        self._open: set[int] = set()  # id() of the pipelines whose zone is kept open
        self._chars = 0  # characters analyzed under the kept zones

    def keep_open(self, budget: int = ZONE_CHARS) -> None:
        """Keep zones open across calls from now on, cycling them every `budget` characters."""
        if budget < 1:
            raise ValueError("memory zone budget must be at least one character")
        self.budget = budget

    @contextlib.contextmanager
    def around(self, pipelines: list, n_chars: int) -> Iterator[None]:
        """The zone under which `pipelines` analyze `n_chars` characters; Docs made in it must not
        outlive the block."""
        if self.budget is None:
            with contextlib.ExitStack() as zones:
                for nlp in pipelines:
                    zones.enter_context(nlp.memory_zone())
                yield
            return
        if self._chars >= self.budget:
            self._cycle()
        for nlp in pipelines:
            if id(nlp) not in self._open:  # spaCy's zones must not nest: one per pipeline
                self._kept.enter_context(nlp.memory_zone())
                self._open.add(id(nlp))
        self._chars += n_chars
        yield

    def close(self) -> None:
        """Free the kept zones (a worker that stops) and go back to one zone per call."""
        self._cycle()
        self.budget = None

    def _cycle(self) -> None:
        self._kept.close()
        self._kept = contextlib.ExitStack()
        self._open = set()
        self._chars = 0


# This process's zones: the pipelines are cached per process (nlp_models.load_ner_pipeline), so
# their zones are too.
ZONES = MemoryZones()
