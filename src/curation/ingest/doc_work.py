"""The per-document work of ingestion: a function of the documents and the policy, runnable anywhere.

language → license decision → the filters that need no catalog → PII (analyze, anonymize,
residual re-scan) → features of the anonymized text (MinHash signature and LSH band keys
included). A `WorkUnit` carries a batch's documents (or a share of them) and everything that work
reads; `run` returns, per document in order, a compact picklable result. It runs in the PII worker
processes (fan_out.py), in a flow's Dask task, or in the ingest's own process; what needs the
catalog or the run's order (known-document and near-duplicate lookups, in-run duplicate claims,
commit, audit) stays in the ingest's process (run.py, steps.py).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from curation import licenses
from curation.checks import quality
from curation.documents import CleanDocument, Quarantine, RawDocument, SourceInfo
from curation.ingest import filters
from curation.ingest.pii_step import (
    PiiChunk,
    anonymize_here,
    check_key,
    process_anonymizer,
)
from curation.pii import Anonymizer
from curation.pii.language import detect_language_with_confidence
from curation.pii.operators import PiiKeyError
from curation.policy import Policy
from curation.sources.paths import stored_path

_WORD = re.compile(r"\w+")

# Per document of a WorkUnit, in its order: refused before PII (Quarantine), passed the filters
# but its text was kept by an earlier batch of the run so no PII was spent on it (None), or
# anonymized with its features (CleanDocument; the residual filter and near-duplicate clusters
# are decided by the ingest's process).
DocResult = Quarantine | CleanDocument | None


class DocumentWorkError(RuntimeError):
    """A document's work failed. Names the stored file name, the record and the exception's type,
    never its message: an exception raised over a document's text may quote it, and this message
    travels through worker pipes, Dask and Prefect task logs."""


@dataclass(frozen=True)
class WorkUnit:
    """Documents and what their work reads: plain data, picklable for a worker process or a Dask task."""

    documents: tuple[RawDocument, ...] = field(repr=False)  # raw text: never in a task runner's log
    sources: dict[str, SourceInfo | None] = field(repr=False)  # by RawDocument.path (an input file name)
    rules: licenses.LicenseRules  # the license classes and stewards' overrides as of this batch
    policy: Policy
    key_id: str | None  # the run's pseudonym key fingerprint (pii_step.check_key)
    claimed: frozenset[str] = frozenset()  # doc_ids an earlier batch of the run kept: no PII needed

    def parts(self, size: int | None) -> list[WorkUnit]:
        """This unit cut into units of at most `size` documents (None: itself), in order."""
        if size is None or len(self.documents) <= size:
            return [self]
        return [replace(self, documents=self.documents[i:i + size]) for i in range(0, len(self.documents), size)]

    def work_chars(self) -> int:
        """Characters to anonymize, Japanese counted at its NER cost (when worker processes pay off)."""
        from curation.pii.anonymize import NER_COST

        # The source's declared language: the documents' own is detected by the work itself.
        return sum(len(d.text) * NER_COST.get(getattr(self.sources[d.path], "language", None) or "", 1)
                   for d in self.documents)


def run(unit: WorkUnit, anonymizer: Anonymizer) -> list[DocResult]:
    """The unit's documents through the per-document work with `anonymizer`, in this process."""
    check_key(anonymizer, unit.key_id, unit.policy.pii)
    refusals = filters.before_pii(unit.policy)
    results: list[DocResult] = []
    going_on: list[tuple[int, filters.Candidate]] = []
    for doc in unit.documents:
        try:
            candidate = classify(doc, unit.sources[doc.path], unit.rules)
        except Exception as exc:  # noqa: BLE001 - re-raised without its message (see DocumentWorkError)
            raise DocumentWorkError(f"{stored_path(doc.path)} record {doc.record}: language or license "
                                    f"decision failed ({type(exc).__name__})") from None
        kept, refused = filters.apply(refusals, [candidate])
        results.append(refused[0] if refused else None)
        if kept and doc.doc_id not in unit.claimed:
            going_on.append((len(results) - 1, candidate))
    extractor = quality.extractor(unit.policy)
    for language in sorted({c.language for _, c in going_on}):
        group = [(i, c) for i, c in going_on if c.language == language]
        known = tuple(c.doc.known_pii for _, c in group)
        chunk = PiiChunk(language, tuple(c.doc.doc_id for _, c in group), tuple(c.doc.text for _, c in group),
                         known if any(known) else ())
        try:
            out = anonymize_here(anonymizer, chunk)
            for (i, c), text, counts, residual in zip(group, out.texts, out.counts, out.residual, strict=True):
                doc = clean(c, text, counts, residual)
                doc.features = extractor.document_row(doc.doc_id, text, doc.language_confidence)
                results[i] = doc
        except PiiKeyError:
            raise
        except Exception as exc:  # noqa: BLE001 - re-raised without its message (see DocumentWorkError)
            first = group[0][1].doc
            raise DocumentWorkError(f"{stored_path(first.path)} record {first.record} and {len(group) - 1} more "
                                    f"{language} document(s) of its batch: PII or features failed "
                                    f"({type(exc).__name__})") from None
    return results


def run_task(unit: WorkUnit) -> list[DocResult]:
    """`run` with this process's Anonymizer for the unit's PII policy (a Dask task: built once
    per worker process and policy, calls taking turns)."""
    anonymizer, lock = process_anonymizer(unit.policy.pii.model_dump_json())
    with lock:
        return run(unit, anonymizer)


def classify(doc: RawDocument, source: SourceInfo | None, rules: licenses.LicenseRules) -> filters.Candidate:
    """A document's language and license decision, as a Candidate for the filters."""
    if source is not None and source.folder and not Path(source.folder).is_dir():
        # A Dask worker on another machine without the inbox would decide without the LICENSE and
        # README files beside the document: a different answer, silently. Refuse instead.
        raise FileNotFoundError("the source folder is not reachable here (mount the inbox at the same path)")
    language, confidence = detect_language_with_confidence(doc.text)
    return filters.Candidate(doc, source, licenses.decide(doc, source, rules), language, confidence)


def dup_key(text: str) -> str:
    """Exact-duplicate key that ignores case, punctuation and spacing differences."""
    return hashlib.sha256(" ".join(_WORD.findall(text.casefold())).encode()).hexdigest()


def clean(c: filters.Candidate, text: str, counts: dict[str, int], residual: dict[str, int]) -> CleanDocument:
    """The CleanDocument of an anonymized candidate (features not set yet)."""
    d = c.doc
    return CleanDocument(
        doc_id=d.doc_id, source=d.source, path=d.path, record=d.record, language=c.language,
        language_confidence=round(c.language_confidence, 4), text_anonymized=text, pii_counts=dict(counts),
        residual=dict(residual), license_expression=c.license.expression, license_evidence=c.license.evidence,
        license_class=c.license.license_class, license_reason=c.license.reason, n_chars=len(text),
        n_tokens=len(_WORD.findall(text)), dup_key=dup_key(d.text), provenance=d.provenance)
