"""The PII part of ingestion's per-document work: texts of one language → anonymized, re-scanned.

Anonymize + residual re-scan is the costly and pure part of ingestion. A `PiiChunk` holds texts
of one language; `anonymize_here` runs it with a given Anonymizer in this process (doc_work.py
calls it in the PII worker processes, in Dask tasks and in the ingest's process), and
`process_anonymizer` is the Anonymizer a Dask worker keeps for a policy.
"""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass, field
from functools import lru_cache

from curation.pii import Anonymizer
from curation.policy import PiiPolicy


@dataclass(frozen=True)
class PiiChunk:
    """Documents of one language for one PII call."""

    language: str
    doc_ids: tuple[str, ...]
    texts: tuple[str, ...]
    # Per text, values known to be personal data (RawDocument.known_pii), masked wherever they occur;
    # () when no document has any. Never in a repr: a task runner may log its arguments.
    known_pii: tuple[tuple[tuple[str, str], ...], ...] = field(default=(), repr=False)


@dataclass(frozen=True)
class PiiChunkResult:
    """Per document of a PiiChunk, in its order: anonymized text, entities replaced by type, and
    the types a residual re-scan still found (empty: none)."""

    doc_ids: tuple[str, ...]
    texts: tuple[str, ...]
    counts: tuple[dict[str, int], ...]
    residual: tuple[dict[str, int], ...]


@lru_cache(maxsize=4)
def process_anonymizer(pii_json: str) -> tuple[Anonymizer, threading.Lock]:
    """This process's Anonymizer for a PII policy, for tasks sent to it (a Dask worker): it starts
    no worker processes of its own (the task runner is the parallelism), and calls take turns
    under the lock, as a spaCy pipeline is not shared safely between threads."""
    pii = PiiPolicy.model_validate_json(pii_json).model_copy(update={"processes": 1})
    return Anonymizer(pii), threading.Lock()


def check_key(anonymizer: Anonymizer, key_id: str | None, pii: PiiPolicy) -> None:
    """Refuse to anonymize with a pseudonym key other than the run's (the same person would get
    another pseudonym here)."""
    if anonymizer.key_id != key_id:
        from curation.pii.operators import PiiKeyError, key_path

        raise PiiKeyError(f"PII worker on {socket.gethostname()}: pseudonym key {anonymizer.key_id} at "
                          f"{key_path(pii)} is not the run's key {key_id}; copy the run's key file to "
                          "every worker (or point CURATION_PII_KEY_FILE at a shared copy)")


def anonymize_here(anonymizer: Anonymizer, chunk: PiiChunk) -> PiiChunkResult:
    """The chunk anonymized and re-scanned by `anonymizer` in this process, whatever its size.
    The caller has checked the anonymizer's key (check_key, once per WorkUnit)."""
    results = anonymizer.anonymize_in_process(list(chunk.texts), chunk.language, chunk.known_pii or None)
    return PiiChunkResult(chunk.doc_ids, tuple(r.text for r in results), tuple(r.counts for r in results),
                          tuple(r.residual for r in results))
