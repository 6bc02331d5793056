"""The PII part of ingestion's per-document work: texts of one language → anonymized, re-scanned.

Anonymize + residual re-scan is the costly and pure part of ingestion. A `PiiChunk` holds texts
of one language (plain data, cheap to send anywhere); `anonymize_here` runs it with a given
Anonymizer in this process (doc_work.py calls it in the PII worker processes and in Dask tasks),
`anonymize_chunk` with the Anonymizer this process keeps for the policy.
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
    """Documents of one language for one PII task: plain data, cheap to send to a Dask worker."""

    language: str
    doc_ids: tuple[str, ...]
    texts: tuple[str, ...]
    # Fingerprint of the pseudonym/hash key where the run started (None: no operator uses one).
    # A worker on another machine must hold the same key, or the same person gets two pseudonyms.
    key_id: str | None = None
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


def anonymize_chunk(chunk: PiiChunk, pii: PiiPolicy) -> PiiChunkResult:
    """Anonymize one chunk and re-scan the result; a pure function of its arguments, safe to run
    in a task on another process or machine. The Anonymizer, and the models behind it, are built
    once per process and policy (see process_anonymizer)."""
    anonymizer, lock = process_anonymizer(pii.model_dump_json())
    with lock:
        return anonymize_here(anonymizer, chunk)


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
    """The chunk anonymized and re-scanned by `anonymizer` in this process, whatever its size."""
    check_key(anonymizer, chunk.key_id, anonymizer.policy)
    results = anonymizer.anonymize_in_process(list(chunk.texts), chunk.language, chunk.known_pii or None)
    return PiiChunkResult(chunk.doc_ids, tuple(r.text for r in results), tuple(r.counts for r in results),
                          tuple(r.residual for r in results))
