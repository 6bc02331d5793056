"""Records that travel between stages. Raw text only ever lives in `RawDocument`, in memory."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

# Every input item ends in exactly one of these.
Outcome = Literal["accepted", "license_review", "duplicate", "quarantined"]


def normalize_text(text: str) -> str:
    """NFC, unified newlines, trailing spaces dropped: the form that `doc_id` is computed over.

    NFC (not NFKC) so that full-width Japanese text keeps its characters; only encoding
    noise that does not change what a reader sees is folded away.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class SourceInfo:
    """What a source folder's SOURCE.yaml declares."""

    name: str
    license: str | None = None
    owner: str | None = None
    purpose: str | None = None
    language: str | None = None
    text_field: str = "text"
    license_field: str | None = "license"
    spreadsheet_documents: str = "sheet"  # XLSX: one document per sheet, or "row": one per row
    folder: str | None = None  # the source folder: LICENSE / README files there are license evidence
    # Secret strings the steward planted in this source's documents; `curation evaluate` checks that
    # no model reproduces them. Clear values live only here, in memory: store and log sha256 only.
    canaries: tuple[str, ...] = field(default=(), repr=False)


@dataclass
class RawDocument:
    """A document as read from the inbox. Its text must never be written anywhere."""

    source: str
    path: str  # relative to the inbox
    record: int  # 0 for whole-file formats, line/row index otherwise
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)
    provenance: str = ""  # where in the file: "page 3", "sheet 2 row 14" (never an input value)
    # Values the reader knows are personal data, as (entity type, value): an e-mail's header names and
    # addresses, a document's author. The PII step masks them wherever they occur in the text. In
    # memory only, like the text.
    known_pii: tuple[tuple[str, str], ...] = field(default=(), repr=False)

    @property
    def doc_id(self) -> str:
        return sha256_text(self.text)


@dataclass(frozen=True)
class Quarantine:
    """An input item refused with a machine-readable reason code and a sentence for people."""

    source: str
    path: str
    record: int | None
    reason: str
    message: str
    doc_id: str | None = None
    provenance: str = ""


@dataclass
class CleanDocument:
    """A document after anonymization: the only form of a document that reaches the catalog."""

    doc_id: str
    source: str
    path: str
    record: int
    language: str
    language_confidence: float
    text_anonymized: str
    pii_counts: dict[str, int]  # entities replaced, by type
    residual: dict[str, int]  # high-confidence identifiers a re-scan of the output still found
    license_expression: str | None
    license_evidence: str
    license_class: str
    license_reason: str
    n_chars: int = 0
    n_tokens: int = 0
    dup_key: str = ""
    features: dict[str, Any] | None = None  # checks.quality features, near-duplicate cluster included
    provenance: str = ""  # RawDocument.provenance


@dataclass(frozen=True)
class ItemOutcome:
    """What became of one input item: the row of `ingest_items` and of its audit record."""

    source: str
    path: str
    record: int | None
    outcome: Outcome
    reason: str
    message: str
    doc_id: str | None = None
    provenance: str = ""

    @classmethod
    def quarantined(cls, q: Quarantine) -> ItemOutcome:
        return cls(q.source, q.path, q.record, "quarantined", q.reason, q.message, q.doc_id, q.provenance)
