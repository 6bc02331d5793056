"""What an ingest run counts and proves: per-item outcomes, the run's summary, the accounting check.

`BatchOutcomes` is the one place an item's outcome is recorded: it takes what each ingest step
(steps.py) dropped, a Quarantine or a `Duplicate`, and the documents left at the end; it keeps the
`ingest_items` rows, makes the audit record of each (committed with the items: the log never claims what the
catalog does not hold), and adds the counts to the run's `IngestSummary` once the batch commits.
It is also where an item's path becomes its stored name (`sources.paths.stored_path`): what reaches
the catalog and the log never holds the input's file name.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from curation.audit.context import AuditContext
from curation.audit.log import path_digest
from curation.catalog import Catalog
from curation.documents import CleanDocument, ItemOutcome, Quarantine, RawDocument
from curation.ingest.filters import safe_evidence, shown_license
from curation.sources.paths import stored_path


@dataclass
class IngestSummary:
    run_id: str
    dataset: str
    files_seen: int = 0
    files_unchanged: int = 0  # already ingested in an earlier run (same path and bytes)
    outcomes: Counter = field(default_factory=Counter)  # accepted / license_review / duplicate / quarantined
    reasons: Counter = field(default_factory=Counter)  # quarantine reason → count
    pii: Counter = field(default_factory=Counter)
    licenses: Counter = field(default_factory=Counter)  # "expr (class)" → documents

    def as_dict(self) -> dict:
        return {"run_id": self.run_id, "dataset": self.dataset, "files_seen": self.files_seen,
                "files_unchanged": self.files_unchanged, "outcomes": dict(self.outcomes),
                "quarantine_reasons": dict(self.reasons), "pii": dict(self.pii),
                "licenses": dict(self.licenses)}


class AccountingError(RuntimeError):
    """Items read and items recorded disagree: something was lost or counted twice."""


@dataclass(frozen=True)
class Duplicate:
    """A document dropped because its doc_id is already in the catalog or earlier in the run."""

    doc: RawDocument


@dataclass
class BatchOutcomes:
    """The outcomes of one batch of files, recorded as they are decided."""

    dataset: str
    items: list[ItemOutcome] = field(default_factory=list)
    documents: list[CleanDocument] = field(default_factory=list)

    def settle(self, items: list) -> list:
        """The items that go on to the next step; each Quarantine and Duplicate among `items` is
        recorded here instead."""
        kept = []
        for item in items:
            if isinstance(item, Quarantine):
                self.quarantine(item)
            elif isinstance(item, Duplicate):
                self.duplicate(item.doc)
            else:
                kept.append(item)
        return kept

    def quarantine(self, q: Quarantine) -> None:
        self.items.append(ItemOutcome.quarantined(replace(q, path=stored_path(q.path))))

    def duplicate(self, doc: RawDocument) -> None:
        self.items.append(ItemOutcome(doc.source, stored_path(doc.path), doc.record, "duplicate", "duplicate_doc_id",
                                      "same normalized text as an already ingested document", doc.doc_id,
                                      doc.provenance))

    def keep(self, doc: CleanDocument) -> None:
        """Accepted if its license class allows it, else held until a steward allows the source."""
        outcome = "accepted" if doc.license_class == "allow" else "license_review"
        doc.path = stored_path(doc.path)
        doc.license_evidence = safe_evidence(doc.license_evidence)
        self.documents.append(doc)
        self.items.append(ItemOutcome(doc.source, doc.path, doc.record, outcome, doc.license_reason,
                                      f"{shown_license(doc.license_expression)} ({doc.license_class})", doc.doc_id,
                                      doc.provenance))

    def audit_records(self, context: AuditContext) -> list[dict]:
        """One audit record per item. The file only as the sha256 of its stored name: a file name
        can name a person, and the log is never edited."""
        pii = {d.doc_id: d.pii_counts for d in self.documents}
        return [context.entry(f"document.{i.outcome}", i.doc_id or f"file:{path_digest(i.path)[:16]}",
                              {"dataset": self.dataset, "source": i.source, "path_sha256": path_digest(i.path),
                               "record": i.record, "reason": i.reason, "doc_id": i.doc_id,
                               "pii_counts": pii.get(i.doc_id, {}) if i.doc_id else {}})
                for i in self.items]

    def add_to(self, summary: IngestSummary) -> None:
        for item in self.items:
            summary.outcomes[item.outcome] += 1
            if item.outcome == "quarantined":
                summary.reasons[item.reason] += 1
        for doc in self.documents:
            summary.licenses[f"{doc.license_expression} ({doc.license_class})"] += 1
            summary.pii.update(doc.pii_counts)


def check_accounting(catalog: Catalog, run_id: str, summary: IngestSummary) -> None:
    """Every item read is recorded exactly once: outcomes add up to what the files held."""
    recorded, repeated = catalog.run_item_tally(run_id)
    if Counter(recorded) != summary.outcomes:
        raise AccountingError(f"ingest run {run_id}: catalog holds {recorded} but the run counted "
                              f"{dict(summary.outcomes)}")
    if repeated:
        raise AccountingError(f"ingest run {run_id}: an input item was recorded twice")
