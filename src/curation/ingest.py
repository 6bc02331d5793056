"""The ingest stage: inbox files → anonymized, license-classed documents in the catalog.

Every input item ends in exactly one outcome — accepted, license_review (held until a steward
allows the source), duplicate, or quarantined with a reason — and each batch of files commits in
one transaction, so a rerun after a crash redoes only what did not commit.

The PII step of a batch (anonymize + residual re-scan, the costly and pure part) can be fanned
out: `ingest(map_chunks=...)` hands it chunks of `pii.task_docs` documents of one language as
plain data, and a flow maps `anonymize_chunk` over them on its task runner (threads, a Dask
cluster). Reading, decisions and every catalog write stay in the calling process.
"""

from __future__ import annotations

import hashlib
import re
import socket
import threading
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from curation import licenses, outbox, quality
from curation.audit import AuditLog, path_digest
from curation.catalog import Catalog
from curation.faults import crash_point
from curation.models import Quarantine, RawDocument, SourceInfo
from curation.pii import Anonymizer
from curation.pii.language import detect_language_with_confidence
from curation.policy import PiiPolicy, Policy
from curation.sources import InputUnit, discover, read_unit

FILES_PER_BATCH = 64
_WORD = re.compile(r"\w+")


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
class PiiChunk:
    """Documents of one language for one PII task: plain data, cheap to send to a Dask worker."""

    language: str
    doc_ids: tuple[str, ...]
    texts: tuple[str, ...]
    # Fingerprint of the pseudonym/hash key where the run started (None: no operator uses one).
    # A worker on another machine must hold the same key, or the same person gets two pseudonyms.
    key_id: str | None = None


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
    results = anonymizer.anonymize(list(chunk.texts), chunk.language)
    residual = anonymizer.residual_entities([r.text for r in results], chunk.language)
    return PiiChunkResult(chunk.doc_ids, tuple(r.text for r in results), tuple(r.counts for r in results),
                          tuple(residual))


def dup_key(text: str) -> str:
    """Exact-duplicate key that ignores case, punctuation and spacing differences."""
    return hashlib.sha256(" ".join(_WORD.findall(text.casefold())).encode()).hexdigest()


def ingest(inbox: Path, dataset: str, policy: Policy, catalog: Catalog, audit: AuditLog, *,
           actor: str = "system", flow_run_id: str | None = None,
           progress: Callable[[int, int], None] | None = None,
           map_chunks: ChunkMapper | None = None) -> IngestSummary:
    """Read every new file under `inbox` into the catalog; returns the run's counts.

    Each catalog call takes the catalog's connection lock only for itself, so a steward's review
    or a report in another process is served between batches rather than after the whole run.
    `map_chunks`, if given, runs the PII step of each batch over chunks of `pii.task_docs`
    documents (see ChunkMapper); without it, each language of a batch is anonymized here in one
    call (which may use the policy's PII worker processes)."""
    inbox = Path(inbox)
    if not inbox.is_dir():
        raise FileNotFoundError(f"{inbox}: inbox folder not found")
    run_id = uuid.uuid4().hex
    summary = IngestSummary(run_id, dataset)
    def record(event: str, subject: str, data: dict) -> dict:
        """An audit record to commit with the state it describes (see outbox.py)."""
        return {"key": uuid.uuid4().hex, "event": event, "subject": subject, "data": data, "actor": actor,
                "flow_run_id": flow_run_id, "policy_digest": policy.digest}

    outbox.deliver(catalog, audit, recovering=True)  # records a killed run committed but never logged
    crash_point("ingest.recovered")
    catalog.start_run(run_id, dataset, str(inbox), policy.digest)
    audit.append("ingest.started", run_id, {"dataset": dataset, "policy": policy.source_file},
                 actor=actor, flow_run_id=flow_run_id, policy_digest=policy.digest)

    units = list(discover(inbox))
    summary.files_seen = len(units)
    done = catalog.processed_files()
    pending = [u for u in units if (u.rel, u.digest) not in done]
    summary.files_unchanged = len(units) - len(pending)
    for source in {u.source_name: u.source for u in pending if u.source}.values():
        catalog.upsert_source(source.name, source.license, source.owner, source.purpose, source.language)

    if map_chunks is None:
        anonymizer = Anonymizer(policy.pii)

        def in_process(chunks: list[PiiChunk], _pii: PiiPolicy) -> list[PiiChunkResult]:
            return [_run_chunk(anonymizer, chunk) for chunk in chunks]

        fan_out = PiiFanOut(in_process, None, anonymizer.key_id)
    else:
        from curation.pii.operators import key_id, policy_key

        key = policy_key(policy.pii)
        fan_out = PiiFanOut(map_chunks, policy.pii.task_docs, key_id(key) if key else None)
    seen_in_run: set[str] = set()
    for start in range(0, len(pending), FILES_PER_BATCH):
        batch = pending[start:start + FILES_PER_BATCH]
        _ingest_batch(batch, dataset, policy, catalog, fan_out, seen_in_run, summary, run_id, record)
        crash_point("ingest.batch_committed")
        outbox.deliver(catalog, audit)
        if progress:
            progress(min(start + FILES_PER_BATCH, len(pending)), len(pending))

    _check_accounting(catalog, run_id, summary)
    catalog.finish_run(run_id, summary.as_dict(), record("ingest.finished", run_id, summary.as_dict()))
    crash_point("ingest.finished")
    outbox.deliver(catalog, audit)
    return summary


def _ingest_batch(units: list[InputUnit], dataset: str, policy: Policy, catalog: Catalog,
                  fan_out: PiiFanOut, seen_in_run: set[str], summary: IngestSummary, run_id: str,
                  record) -> None:
    items: list[tuple] = []  # (source, path, record, outcome, reason, message, doc_id)
    files: list[tuple[str, str, str, int]] = []
    candidates: list[tuple[RawDocument, SourceInfo, licenses.LicenseDecision, str]] = []
    confidence: dict[str, float] = {}  # doc_id -> confidence of its detected language
    rules = licenses.rules_for(policy, catalog)  # the license classes file and stewards' overrides

    def quarantine(q: Quarantine) -> None:
        items.append((q.source, q.path, q.record, "quarantined", q.reason, q.message, q.doc_id))

    read = [(unit, list(read_unit(unit, policy.inputs.max_file_mb * 2**20))) for unit in units]
    known = catalog.known_doc_ids(d.doc_id for _, out in read for d in out if isinstance(d, RawDocument))
    for unit, out in read:
        files.append((unit.rel, unit.digest, unit.source_name, len(out)))
        for item in out:
            if isinstance(item, Quarantine):
                quarantine(item)
                continue
            doc_id = item.doc_id
            if doc_id in known or doc_id in seen_in_run:
                items.append((item.source, item.path, item.record, "duplicate", "duplicate_doc_id",
                              f"{item.path}: same normalized text as an already ingested document", doc_id))
                continue
            seen_in_run.add(doc_id)
            decision = licenses.decide(item, unit.source, rules)
            language, confidence[doc_id] = detect_language_with_confidence(item.text)
            where = f"{item.path}" + (f" record {item.record}" if item.record else "")
            if decision.license_class == "deny":
                quarantine(Quarantine(item.source, item.path, item.record, decision.reason,
                                      f"{where}: {decision.message}", doc_id))
            elif language not in policy.languages:
                quarantine(Quarantine(item.source, item.path, item.record, "language_not_accepted",
                                      f"{where}: language '{language}' is not in the policy's {policy.languages}", doc_id))
            elif not policy.quality.min_chars <= len(item.text) <= policy.quality.max_chars:
                quarantine(Quarantine(item.source, item.path, item.record, "length_out_of_bounds",
                                      f"{where}: {len(item.text)} characters, outside "
                                      f"[{policy.quality.min_chars}, {policy.quality.max_chars}]", doc_id))
            else:
                candidates.append((item, unit.source, decision, language))

    documents, pii_rows, leaks = _anonymize(candidates, policy.pii, fan_out)
    for doc in documents:  # a feature the document suite checks (quality.min_language_confidence)
        doc["language_confidence"] = round(confidence[doc["doc_id"]], 4)
    for leak in leaks:  # the residual re-scan found identifiers the anonymizer left
        quarantine(leak)
    quality.annotate(documents, policy, catalog, dataset)  # features of the anonymized text
    for doc in documents:
        outcome = "accepted" if doc["license_class"] == "allow" else "license_review"
        items.append((doc["source"], doc["path"], doc["record"], outcome, doc["license_reason"],
                      f"{doc['path']}: {doc['license_expression']} ({doc['license_class']})", doc["doc_id"]))
    pii_by_doc: dict[str, dict[str, int]] = {}
    for doc_id, entity, n in pii_rows:
        pii_by_doc.setdefault(doc_id, {})[entity] = n
    # One audit record per item, committed with the items themselves: the log never claims what
    # the catalog does not hold, and a crash cannot leave committed items unlogged.
    # The file's path only as sha256: a file name can name a person, and the log is never edited.
    records = [record(f"document.{outcome}", doc_id or f"file:{path_digest(path)[:16]}",
                      {"dataset": summary.dataset, "source": source, "path_sha256": path_digest(path), "record": rec,
                       "reason": reason, "doc_id": doc_id, "pii_counts": pii_by_doc.get(doc_id, {}) if doc_id else {}})
               for source, path, rec, outcome, reason, _message, doc_id in items]
    crash_point("ingest.before_commit")
    catalog.commit_batch(run_id, dataset, files, items, documents, pii_rows, records)
    for _source, _path, _rec, outcome, reason, _message, _doc_id in items:
        summary.outcomes[outcome] += 1
        if outcome == "quarantined":
            summary.reasons[reason] += 1
    for doc in documents:
        summary.licenses[f"{doc['license_expression']} ({doc['license_class']})"] += 1
        for entity, n in pii_by_doc.get(doc["doc_id"], {}).items():
            summary.pii[entity] += n


def _anonymize(candidates, pii: PiiPolicy,
               fan_out: PiiFanOut) -> tuple[list[dict], list[tuple[str, str, int]], list[Quarantine]]:
    """Anonymize candidates grouped by language, in the chunks `fan_out` says; returns catalog rows (no raw text in them) and a quarantine
    record for each document whose anonymized text still holds a high-confidence identifier
    (residual re-scan): such a document never reaches the catalog's documents."""
    parts, chunks = [], []
    for language in sorted({c[3] for c in candidates}):
        group = [c for c in candidates if c[3] == language]
        size = fan_out.task_docs or len(group)
        for start in range(0, len(group), size):
            part = group[start:start + size]
            parts.append(part)
            chunks.append(PiiChunk(language, tuple(doc.doc_id for doc, *_ in part),
                                   tuple(doc.text for doc, *_ in part), fan_out.key_id))
    results = list(fan_out.map_chunks(chunks, pii)) if chunks else []
    if [r.doc_ids for r in results] != [c.doc_ids for c in chunks]:
        raise RuntimeError("PII results came back for other documents than were sent, or out of order")
    documents, pii_rows, leaks = [], [], []
    for part, out in zip(parts, results, strict=True):
        for (doc, _source, decision, language), text, counts, left in zip(part, out.texts, out.counts, out.residual,
                                                                           strict=True):
            if left:
                where = f"{doc.path}" + (f" record {doc.record}" if doc.record else "")
                found = ", ".join(f"{entity} x{n}" for entity, n in sorted(left.items()))
                leaks.append(Quarantine(doc.source, doc.path, doc.record, "residual_pii",
                                        f"{where}: the anonymized text still holds {sum(left.values())} "
                                        f"high-confidence identifier(s) ({found})", doc.doc_id))
                continue
            documents.append({
                "doc_id": doc.doc_id, "source": doc.source, "path": doc.path, "record": doc.record,
                "language": language, "license_expression": decision.expression,
                "license_evidence": decision.evidence, "license_class": decision.license_class,
                "license_reason": decision.reason, "text_anonymized": text,
                "n_chars": len(text), "n_tokens": len(_WORD.findall(text)),
                "dup_key": dup_key(doc.text), "residual_pii": 0,
            })
            pii_rows.extend((doc.doc_id, entity, n) for entity, n in counts.items())
    return documents, pii_rows, leaks


def _check_accounting(catalog: Catalog, run_id: str, summary: IngestSummary) -> None:
    """Every item read is recorded exactly once: outcomes add up to what the files held."""
    items = catalog.run_items(run_id)
    recorded = Counter(i["outcome"] for i in items)
    if recorded != summary.outcomes:
        raise AccountingError(f"ingest run {run_id}: catalog holds {dict(recorded)} but the run counted "
                              f"{dict(summary.outcomes)}")
    keys = [(i["path"], i["record"]) for i in items]
    if len(keys) != len(set(keys)):
        raise AccountingError(f"ingest run {run_id}: an input item was recorded twice")
