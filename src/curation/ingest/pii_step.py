"""The PII step of ingestion: candidates → CleanDocuments, in chunks that can run anywhere.

Anonymize + residual re-scan is the costly and pure part of ingestion. It is cut into
`PiiChunk`s of one language (plain data, cheap to send to a Dask worker) and mapped by a
`ChunkMapper`: in this process by default, or as one task per chunk on a flow's task runner.
"""

from __future__ import annotations

import hashlib
import re
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from curation.documents import CleanDocument
from curation.ingest.filters import Candidate
from curation.pii import Anonymizer
from curation.policy import PiiPolicy, Policy

_WORD = re.compile(r"\w+")


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


# Takes the chunks of a batch and the PII policy; returns anonymize_chunk's result for each chunk,
# in order (a flow: one task per chunk on its task runner).
ChunkMapper = Callable[[list[PiiChunk], PiiPolicy], list[PiiChunkResult]]


@dataclass(frozen=True)
class PiiFanOut:
    """How a run's PII step runs: `map_chunks` over chunks of `task_docs` documents of one
    language (None: one chunk per language and batch), each carrying the run's key fingerprint."""

    map_chunks: ChunkMapper
    task_docs: int | None
    key_id: str | None
    # Starts the first chunk of a batch at once and returns what waits for them all (in this
    # process: the PII worker processes work while the caller commits its previous batch).
    # None: the chunks are mapped when waited for.
    start_chunks: Callable[[list[PiiChunk]], Callable[[], list[PiiChunkResult]]] | None = None
    # Starts this process's PII worker processes ahead of need (Anonymizer.start_workers); None
    # when a flow's task runner is the parallelism.
    start_workers: Callable[[], bool] | None = None
    # Stops what this fan-out started (the PII worker processes); the run calls it when it ends.
    close: Callable[[], None] = lambda: None


def fan_out(policy: Policy, map_chunks: ChunkMapper | None) -> PiiFanOut:
    """In this process (one call per language and batch, which may use the policy's PII worker
    processes) unless a flow passes `map_chunks`."""
    if map_chunks is None:
        anonymizer = Anonymizer(policy.pii)

        def start(chunks: list[PiiChunk]) -> Callable[[], list[PiiChunkResult]]:
            # The worker pool takes one submission at a time: the first chunk now, the rest
            # (another language, rarely) when waited for.
            first = _start_chunk(anonymizer, chunks[0]) if chunks else None
            return lambda: ([first()] if first else []) + [_run_chunk(anonymizer, c) for c in chunks[1:]]

        def in_process(chunks: list[PiiChunk], _pii: PiiPolicy) -> list[PiiChunkResult]:
            return start(chunks)()

        return PiiFanOut(in_process, None, anonymizer.key_id, start, anonymizer.start_workers, anonymizer.close)
    from curation.pii.operators import key_id, policy_key

    key = policy_key(policy.pii)
    return PiiFanOut(map_chunks, policy.pii.task_docs, key_id(key) if key else None)


def anonymize_chunk(chunk: PiiChunk, pii: PiiPolicy) -> PiiChunkResult:
    """Anonymize one chunk and re-scan the result; a pure function of its arguments, safe to run
    in a task on another process or machine. The Anonymizer, and the models behind it, are built
    once per process and policy; it starts no worker processes of its own (the task runner is
    the parallelism), and calls in one process take turns, as a spaCy pipeline is not shared
    safely between threads."""
    anonymizer, lock = _chunk_anonymizer(pii.model_dump_json())
    if anonymizer.key_id != chunk.key_id:
        from curation.pii.operators import PiiKeyError, key_path

        raise PiiKeyError(f"PII worker on {socket.gethostname()}: pseudonym key {anonymizer.key_id} at "
                          f"{key_path(pii)} is not the run's key {chunk.key_id}; copy the run's key file to "
                          "every worker (or point CURATION_PII_KEY_FILE at a shared copy)")
    with lock:
        return _run_chunk(anonymizer, chunk)


@lru_cache(maxsize=4)
def _chunk_anonymizer(pii_json: str) -> tuple[Anonymizer, threading.Lock]:
    pii = PiiPolicy.model_validate_json(pii_json).model_copy(update={"processes": 1})
    return Anonymizer(pii), threading.Lock()


def _run_chunk(anonymizer: Anonymizer, chunk: PiiChunk) -> PiiChunkResult:
    return _start_chunk(anonymizer, chunk)()


def _start_chunk(anonymizer: Anonymizer, chunk: PiiChunk) -> Callable[[], PiiChunkResult]:
    finish = anonymizer.anonymize_later(list(chunk.texts), chunk.language, chunk.known_pii or None)

    def result() -> PiiChunkResult:
        results = finish()
        residual = anonymizer.residual_entities([r.text for r in results], chunk.language)
        return PiiChunkResult(chunk.doc_ids, tuple(r.text for r in results), tuple(r.counts for r in results),
                              tuple(residual))
    return result


def dup_key(text: str) -> str:
    """Exact-duplicate key that ignores case, punctuation and spacing differences."""
    return hashlib.sha256(" ".join(_WORD.findall(text.casefold())).encode()).hexdigest()


def anonymize(candidates: list[Candidate], pii: PiiPolicy, how: PiiFanOut) -> list[CleanDocument]:
    """One CleanDocument per candidate, in the candidates' order of language then arrival; the
    residual re-scan's findings ride along in `residual` (a filter decides on them)."""
    return anonymize_later(candidates, pii, how)()


def anonymize_later(candidates: list[Candidate], pii: PiiPolicy, how: PiiFanOut) -> Callable[[], list[CleanDocument]]:
    """`anonymize`, started (see PiiFanOut.start_chunks): the returned function waits for the
    result, so the caller can finish its previous batch meanwhile."""
    parts, chunks = [], []
    for language in sorted({c.language for c in candidates}):
        group = [c for c in candidates if c.language == language]
        size = how.task_docs or len(group)
        for start in range(0, len(group), size):
            part = group[start:start + size]
            parts.append(part)
            known = tuple(c.doc.known_pii for c in part)
            chunks.append(PiiChunk(language, tuple(c.doc.doc_id for c in part), tuple(c.doc.text for c in part),
                                   how.key_id, known if any(known) else ()))
    if how.start_chunks is not None:
        waiting = how.start_chunks(chunks)
    else:
        def waiting() -> list[PiiChunkResult]:
            return list(how.map_chunks(chunks, pii)) if chunks else []

    def result() -> list[CleanDocument]:
        results = waiting()
        if [r.doc_ids for r in results] != [c.doc_ids for c in chunks]:
            raise RuntimeError("PII results came back for other documents than were sent, or out of order")
        return [_clean(c, text, counts, left)
                for part, out in zip(parts, results, strict=True)
                for c, text, counts, left in zip(part, out.texts, out.counts, out.residual, strict=True)]
    return result


def _clean(c: Candidate, text: str, counts: dict[str, int], residual: dict[str, int]) -> CleanDocument:
    d = c.doc
    return CleanDocument(
        doc_id=d.doc_id, source=d.source, path=d.path, record=d.record, language=c.language,
        language_confidence=round(c.language_confidence, 4), text_anonymized=text, pii_counts=dict(counts),
        residual=dict(residual), license_expression=c.license.expression, license_evidence=c.license.evidence,
        license_class=c.license.license_class, license_reason=c.license.reason, n_chars=len(text),
        n_tokens=len(_WORD.findall(text)), dup_key=dup_key(d.text), provenance=d.provenance)
