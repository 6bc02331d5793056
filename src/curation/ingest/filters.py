"""The keep-or-quarantine decisions of ingestion, one small filter each (in the DataTrove manner).

A filter looks at one candidate and returns None to keep it or a `Quarantine` with a reason
code and a sentence; `apply` runs a list of them and hands back what was kept and what was not.
Recording the outcome is not a filter's business: the ingest loop (run.py) does it in one place.

Messages are stored (catalog, Prefect artifacts): they carry reason codes, kinds, counts and
SPDX ids, never a value from the input. The item's stored path says which file it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from curation.documents import CleanDocument, Quarantine, RawDocument, SourceInfo
from curation.licenses import LicenseDecision, spdx
from curation.policy import Policy


@dataclass
class Candidate:
    """A new document on its way to the PII step, with what was decided about it so far."""

    doc: RawDocument
    source: SourceInfo | None
    license: LicenseDecision
    language: str
    language_confidence: float

    @property
    def where(self) -> str:
        return where(self.doc.path, self.doc.record)


def where(path: str, record: int | None) -> str:
    """How messages name an item: its record when the file holds several (never its path: a file
    name can be personal data, and the stored item has its own path column)."""
    return f"record {record}" if record else "document"


def valid_spdx(expression: str | None) -> bool:
    if not expression:
        return False
    try:
        spdx.normalize(expression)
        return True
    except Exception:  # noqa: BLE001 - any parse failure means: not an SPDX expression
        return False


def shown_license(expression: str | None) -> str:
    """An SPDX expression as messages may show it; anything else is input text and is not shown."""
    if expression is None:
        return "none"
    return expression if valid_spdx(expression) else "an invalid SPDX expression"


def license_message(decision: LicenseDecision) -> str:
    """The license decision in words built from codes and valid SPDX ids only: the decision's own
    message quotes evidence values, file paths and reviewers' reasons verbatim."""
    kinds = sorted({p.kind for p in decision.pieces})
    invalid = sum(1 for p in decision.pieces if not p.valid)
    evidence = f"evidence: {', '.join(kinds)}" if kinds else "no license evidence"
    return (f"license {shown_license(decision.expression)} is classed '{decision.license_class}' "
            f"({decision.reason}; {evidence}" + (f"; {invalid} invalid value(s)" if invalid else "") + ")")


def safe_evidence(evidence: str) -> str:
    """The catalog's license_evidence: the kind, and for a conflict each kind with its expression
    only where that is a valid SPDX expression."""
    if not evidence.startswith("conflict: "):
        return evidence
    parts = []
    for pair in evidence[len("conflict: "):].split("; "):
        kind, _, expression = pair.partition("=")
        parts.append(f"{kind}={shown_license(expression)}")
    return "conflict: " + "; ".join(parts)


class Filter(Protocol):
    def __call__(self, candidate: Candidate) -> Quarantine | None: ...


def _quarantine(c: Candidate, reason: str, message: str) -> Quarantine:
    return Quarantine(c.doc.source, c.doc.path, c.doc.record, reason, f"{c.where}: {message}", c.doc.doc_id)


@dataclass(frozen=True)
class LicenseDenied:
    """The document's license is in a class the policy denies (non-commercial, missing, ...)."""

    def __call__(self, c: Candidate) -> Quarantine | None:
        if c.license.license_class == "deny":
            return _quarantine(c, c.license.reason, license_message(c.license))
        return None


@dataclass(frozen=True)
class LanguageNotAccepted:
    languages: Sequence[str]

    def __call__(self, c: Candidate) -> Quarantine | None:
        if c.language not in self.languages:
            shown = c.language if c.language in ("en", "ja", "und") or (
                len(c.language) <= 3 and c.language.isalpha() and c.language.islower()) else "other"
            return _quarantine(c, "language_not_accepted",
                               f"language '{shown}' is not in the policy's {list(self.languages)}")
        return None


@dataclass(frozen=True)
class LengthOutOfBounds:
    min_chars: int
    max_chars: int

    def __call__(self, c: Candidate) -> Quarantine | None:
        n = len(c.doc.text)
        if not self.min_chars <= n <= self.max_chars:
            return _quarantine(c, "length_out_of_bounds",
                               f"{n} characters, outside [{self.min_chars}, {self.max_chars}]")
        return None


def before_pii(policy: Policy) -> list[Filter]:
    """The filters a candidate passes before its text is anonymized, in order."""
    return [LicenseDenied(), LanguageNotAccepted(policy.languages),
            LengthOutOfBounds(policy.quality.min_chars, policy.quality.max_chars)]


def residual_pii(doc: CleanDocument) -> Quarantine | None:
    """The anonymized text still holds a high-confidence identifier (the residual re-scan found
    it): such a document never reaches the catalog's documents."""
    if not doc.residual:
        return None
    found = ", ".join(f"{entity} x{n}" for entity, n in sorted(doc.residual.items()))
    return Quarantine(doc.source, doc.path, doc.record, "residual_pii",
                      f"{where(doc.path, doc.record)}: the anonymized text still holds "
                      f"{sum(doc.residual.values())} high-confidence identifier(s) ({found})", doc.doc_id)


def apply(filters: Iterable, items: Iterable) -> tuple[list, list[Quarantine]]:
    """(kept items, quarantine records): each item stops at the first filter that refuses it."""
    filters = list(filters)
    kept, refused = [], []
    for item in items:
        verdict = next((q for f in filters if (q := f(item)) is not None), None)
        (kept if verdict is None else refused).append(item if verdict is None else verdict)
    return kept, refused
