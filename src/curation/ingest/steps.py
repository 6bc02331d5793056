"""The steps one batch of documents goes through, each a small object with `run(documents)`.

In the DataTrove manner: a step takes the documents the previous step kept and returns those that
go on together with those it dropped, each in the order they came. A drop is a `Quarantine` (a reason code and
a sentence) or an `outcomes.Duplicate`; no step records anything. BatchStep (run.py) hands every
drop to BatchOutcomes, the one place an item's outcome is recorded, and the next step gets the rest.

    DropKnown    RawDocument → RawDocument     doc_id already in the catalog
    Classify     RawDocument → Candidate       language and license decided (drops nothing)
    Filter       Candidate → Candidate         the policy's filters before PII (filters.before_pii)
    DropRepeated Candidate → Candidate         doc_id claimed by an earlier candidate of this run
    Anonymize    Candidate → CleanDocument     PII replaced, residual re-scan (pii_step)
    Filter       CleanDocument → CleanDocument an identifier the re-scan still found (residual_pii)
    AddFeatures  CleanDocument → CleanDocument features for the checks, near-duplicates included
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Protocol

from curation import licenses
from curation.catalog import Catalog
from curation.checks import quality
from curation.documents import CleanDocument, RawDocument, SourceInfo
from curation.ingest import filters, pii_step
from curation.ingest.outcomes import Duplicate
from curation.pii.language import detect_language_with_confidence
from curation.policy import PiiPolicy, Policy


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
class DropRepeated:
    """A candidate whose doc_id an earlier candidate of this run claimed is a Duplicate. After the
    filters, so that only a document going on to PII claims its text: a copy refused for its
    source's license must not make a copy from an allowed source a duplicate of nothing."""

    seen_in_run: set[str]  # shared by the run's batches
    progress: ClassVar[str | None] = None

    def run(self, documents: list[filters.Candidate]) -> list[filters.Candidate | Duplicate]:
        out: list[filters.Candidate | Duplicate] = []
        for c in documents:
            if c.doc.doc_id in self.seen_in_run:
                out.append(Duplicate(c.doc))
                continue
            self.seen_in_run.add(c.doc.doc_id)
            out.append(c)
        return out


@dataclass
class Classify:
    """Each document's language and license decision, as a Candidate for the filters."""

    sources: dict[str, SourceInfo]  # by the inbox path a document was read from (RawDocument.path)
    rules: licenses.LicenseRules  # the license classes file and stewards' overrides, as of this batch
    progress: ClassVar[str | None] = None

    def run(self, documents: list[RawDocument]) -> list[filters.Candidate]:
        out = []
        for doc in documents:
            source = self.sources[doc.path]
            language, confidence = detect_language_with_confidence(doc.text)
            out.append(filters.Candidate(doc, source, licenses.decide(doc, source, self.rules), language, confidence))
        return out


@dataclass
class Filter:
    """Keep-or-quarantine filters (filters.py): each item stops at the first that refuses it."""

    filters: Sequence[filters.Filter]
    progress: ClassVar[str | None] = None

    def run(self, documents: list) -> list:
        kept, refused = filters.apply(self.filters, documents)
        return kept + refused  # each in the order it came; which is which, BatchOutcomes tells


@dataclass
class Anonymize:
    """PII replaced in each candidate's text, and the result re-scanned (pii_step)."""

    pii: PiiPolicy
    fan_out: pii_step.PiiFanOut
    progress: ClassVar[str | None] = "anonymizing"

    def run(self, documents: list[filters.Candidate]) -> list[CleanDocument]:
        return self.start(documents)()

    def start(self, documents: list[filters.Candidate]) -> Callable[[], list[CleanDocument]]:
        """`run`, started: the PII worker processes work on it while the caller goes on; the
        returned function waits for the result (pii_step.anonymize_later)."""
        return pii_step.anonymize_later(documents, self.pii, self.fan_out)


@dataclass
class AddFeatures:
    """Features of the anonymized text for the checks, near-duplicate clusters included (against
    the dataset's earlier documents in the catalog and the batch's own)."""

    policy: Policy
    catalog: Catalog
    dataset: str
    progress: ClassVar[str | None] = None

    def run(self, documents: list[CleanDocument]) -> list[CleanDocument]:
        rows = [{"doc_id": d.doc_id, "text_anonymized": d.text_anonymized,
                 "language_confidence": d.language_confidence} for d in documents]  # quality takes catalog rows
        quality.annotate(rows, self.policy, self.catalog, self.dataset)
        for doc, row in zip(documents, rows, strict=True):
            doc.features = row["features"]
        return documents

