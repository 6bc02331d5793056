"""The steps one batch of documents goes through, each a small object with `run(documents)`.

In the DataTrove manner: a step takes the documents the previous step kept and returns those that
go on together with those it dropped, each in the order they came. A drop is a `Quarantine` (a reason code and
a sentence) or an `outcomes.Duplicate`; no step records anything. BatchStep (run.py) hands every
drop to BatchOutcomes, the one place an item's outcome is recorded, and the next step gets the rest.

    DropKnown     RawDocument → RawDocument          doc_id already in the catalog
    Work          RawDocument → (RawDocument, DocResult)  per document, anywhere (doc_work.py):
                  language, license, filters before PII, PII + residual re-scan, features
    DropRepeated  (RawDocument, DocResult) → CleanDocument  the filters' refusals, then doc_ids
                  claimed by an earlier document of this run, then an identifier the re-scan
                  still found (residual_pii); only what is kept claims its doc_id
    NearDuplicates CleanDocument → CleanDocument     near-duplicate clusters (catalog and batch)

Only DropKnown, DropRepeated and NearDuplicates need the catalog or the run's order; they run in
the ingest's process, everything else where the fan-out sends it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, Protocol

from curation import licenses
from curation.catalog import Catalog
from curation.checks import quality
from curation.documents import CleanDocument, Quarantine, RawDocument, SourceInfo
from curation.ingest import filters
from curation.ingest.doc_work import DocResult, WorkUnit
from curation.ingest.fan_out import FanOut
from curation.ingest.outcomes import Duplicate
from curation.policy import Policy


class Step(Protocol):
    # What the run's progress shows while this step runs (None: the stage shown before it goes on).
    progress: ClassVar[str | None]

    def run(self, documents: list) -> list: ...


@dataclass
class DropKnown:
    """A document whose doc_id (its normalized text's hash) the catalog holds is a Duplicate: the
    same text is never ingested twice."""

    catalog: Catalog
    progress: ClassVar[str | None] = None

    def run(self, documents: list[RawDocument]) -> list[RawDocument | Duplicate]:
        known = self.catalog.known_doc_ids(d.doc_id for d in documents)  # one query per batch
        return [Duplicate(doc) if doc.doc_id in known else doc for doc in documents]


@dataclass
class Work:
    """The per-document work of doc_work.py on the run's fan-out (PII worker processes, a task
    runner, or this process), each document paired with its result."""

    policy: Policy
    fan_out: FanOut
    sources: dict[str, SourceInfo | None]  # by the inbox path a document was read from (RawDocument.path)
    rules: licenses.LicenseRules  # the license classes file and stewards' overrides, as of this batch
    seen_in_run: set[str]  # DropRepeated's: a document already claimed needs no PII
    progress: ClassVar[str | None] = "anonymizing"

    def run(self, documents: list[RawDocument]) -> list[tuple[RawDocument, DocResult]]:
        return self.start(documents)()

    def start(self, documents: list[RawDocument]) -> Callable[[], list[tuple[RawDocument, DocResult]]]:
        """`run`, started: on the worker processes the work goes on while the caller commits its
        previous batch; the returned function waits for the results."""
        unit = WorkUnit(tuple(documents), {d.path: self.sources[d.path] for d in documents}, self.rules,
                        self.policy, self.fan_out.key_id,
                        frozenset(d.doc_id for d in documents if d.doc_id in self.seen_in_run))
        waiting = self.fan_out.start(unit)
        return lambda: list(zip(documents, waiting(), strict=True))


@dataclass
class DropRepeated:
    """The filters' refusals, then: a document whose doc_id an earlier document of this run
    claimed is a Duplicate, and one whose anonymized text still holds an identifier is
    quarantined (filters.residual_pii). Only a document that passed every filter claims its text:
    a copy refused for its source's license or for residual PII must not make a later copy a
    duplicate of nothing (and a rerun after a crash between the two would decide the later copy
    otherwise). The kept documents come out in the order of language, then arrival (the in-batch
    near-duplicate clusters follow it)."""

    seen_in_run: set[str]  # shared by the run's batches
    progress: ClassVar[str | None] = None

    def run(self, worked: list[tuple[RawDocument, DocResult]]) -> list[Quarantine | Duplicate | CleanDocument]:
        refused = [r for _, r in worked if isinstance(r, Quarantine)]
        repeated, kept = [], []
        for doc, result in worked:
            if isinstance(result, Quarantine):
                continue
            if doc.doc_id in self.seen_in_run or result is None:
                repeated.append(Duplicate(doc))
                continue
            if (leaked := filters.residual_pii(result)) is not None:
                refused.append(leaked)
                continue
            self.seen_in_run.add(doc.doc_id)
            kept.append(result)
        return refused + repeated + sorted(kept, key=lambda d: d.language)  # sorted() is stable


@dataclass
class NearDuplicates:
    """Near-duplicate clusters of the documents' features (computed with them, doc_work.py):
    against the dataset's earlier documents in the catalog and the batch's own."""

    policy: Policy
    catalog: Catalog
    dataset: str
    progress: ClassVar[str | None] = None

    def run(self, documents: list[CleanDocument]) -> list[CleanDocument]:
        quality.extractor(self.policy).cluster([d.features for d in documents], self.catalog, self.dataset)
        return documents
