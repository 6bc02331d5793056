"""Batched analyze + anonymize of one language's texts, and the residual re-scan of what comes out.

The policy picks the entity types, thresholds, allow/deny lists and operators. Large batches are
split over worker processes when the policy allows (`pii.processes`); results come back in order.

The residual re-scan runs every recognizer except NER over the anonymized text, at
`pii.residual_threshold`, ignoring our own placeholders and pseudonyms. It can only find what an
operator left (keep, a partial mask, an allow-listed value) or a number glued together across a
placeholder: the pattern recognizers are deterministic, and everything they found in the original
was replaced. NER is not re-run: on text full of `<PERSON>` its hits are guesses about the
placeholders' neighbours, not leftovers (bench/pii_quality.py counts them), and skipping it halves
the cost of the stage.
"""

from __future__ import annotations

import atexit
import os
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from curation.pii.assembly import engine_for
from curation.pii.engine import PiiEngine
from curation.pii.known import KnownPii, with_known
from curation.pii.mixed import OTHER, analyze_foreign_runs
from curation.pii.overlaps import anonymize_text
from curation.pii.worker_pool import PendingBatches, WorkerPool
from curation.policy import PiiPolicy

# Our placeholders (<PERSON>) and pseudonyms (<PERSON_7f3a9c01>).
PLACEHOLDER = re.compile(r"<[A-Z][A-Z0-9_]*?(?:_[0-9a-f]{4,32})?>")
CHUNK = 256  # most documents per task sent to a worker process
CHUNKS_PER_WORKER = 4  # smaller tasks for smaller batches: a worker left with one long task idles the others


# NER cost per character relative to English (measured: GiNZA 24x en_core_web_sm), for deciding
# when worker processes pay off.
NER_COST = {"ja": 24}


@dataclass(frozen=True)
class Entity:
    type: str
    start: int
    end: int
    score: float


@dataclass
class AnonymizedText:
    text: str
    counts: dict[str, int]
    entities: list[Entity] = field(default_factory=list)  # offsets into the original text
    residual: dict[str, int] = field(default_factory=dict)  # types found again in `text`


class Anonymizer:
    """Per-language Presidio analyzers and one AnonymizerEngine, configured by the policy."""

    def __init__(self, policy: PiiPolicy):
        from presidio_anonymizer import AnonymizerEngine

        from curation.pii.operators import operator_configs

        self.policy = policy
        self.engine = AnonymizerEngine()
        entities = set(policy.entities) | set(policy.operators) | set(policy.deny_lists)
        self.operators, self.key_id = operator_configs(policy, entities)
        self._literal_values = [op.new_value for op in policy.operators.values() if op.new_value]
        self._allowed = frozenset(policy.allow_list)
        self._pool = None
        self._work_seen = 0  # characters anonymized, weighted by NER_COST: when workers pay off
        self._residual_memo: dict[tuple[str, str], dict[str, int]] = {}

    # ---- analysis ---------------------------------------------------------------------------
    def _engine(self, language: str) -> PiiEngine:
        return engine_for(language, self.policy)

    def _operators_for(self, results) -> dict:
        ops = self.operators
        missing = {r.entity_type for r in results} - ops.keys()
        if missing and self.policy.default_operator.type == "pseudonym":
            # A custom operator sees only the text: give each type its own pseudonym function.
            from curation.pii.operators import operator_configs

            extra, _ = operator_configs(self.policy, missing)
            ops.update({e: extra[e] for e in missing})
        return ops

    def anonymize(self, texts: Sequence[str], language: str,
                  known: Sequence[KnownPii] | None = None) -> list[AnonymizedText]:
        """Anonymize a batch of texts of one language; counts are of entities actually replaced.
        `known`, per text: values known to be personal data (RawDocument.known_pii), masked wherever
        they occur in it (pii/known.py) with the operator of their type."""
        return self.anonymize_later(texts, language, known)()

    def anonymize_later(self, texts: Sequence[str], language: str,
                        known: Sequence[KnownPii] | None = None) -> Callable[[], list[AnonymizedText]]:
        """`anonymize`, started: a batch for the worker processes is handed to them at once and
        the returned function waits for it, so the caller can do other work meanwhile (the
        ingest commits its previous batch); a batch for this process is done when it is called."""
        texts = list(texts)
        known = list(known) if known and any(known) else None
        if known is not None and len(known) != len(texts):
            raise ValueError("known values must be given per text")
        self._work_seen += sum(map(len, texts)) * NER_COST.get(language, 1)
        if self._use_workers(len(texts)):
            pending = self._submit_parallel(texts, language, known)

            def finish() -> list[AnonymizedText]:
                try:
                    return [item for part in pending.result() for item in part]
                except RuntimeError:
                    self._pool = None  # closed by the failure; a later batch starts new workers
                    raise
        else:
            def finish() -> list[AnonymizedText]:
                return self.anonymize_in_process(texts, language, known)

        def done() -> list[AnonymizedText]:
            out = finish()
            self._residual_memo = {(language, r.text): r.residual for r in out}
            return out
        return done

    def anonymize_in_process(self, texts: list[str], language: str,
                             known: Sequence[KnownPii] | None = None) -> list[AnonymizedText]:
        """`anonymize` in this process, whatever the batch size (what each worker process runs)."""
        engine = self._engine(language)
        analyzed = engine.analyze(texts, self.policy.batch_size)
        other = OTHER.get(language)
        if other in self.policy.models:  # names and addresses written in the other script
            analyzed = analyze_foreign_runs(texts, language, analyzed, lambda: self._engine(other),
                                            self.policy.batch_size)
        if known:
            analyzed = [with_known(text, results, values, self._allowed) if values else results
                        for text, results, values in zip(texts, analyzed, known, strict=True)]
        out = []
        for text, results in zip(texts, analyzed, strict=True):
            # Presidio's anonymize, without its quadratic steps on long texts with many results (overlaps.py).
            anonymized, replaced = anonymize_text(self.engine, text, results, self._operators_for(results))
            counts = Counter(replaced)
            entities = sorted((Entity(r.entity_type, r.start, r.end, round(float(r.score), 4)) for r in results),
                              key=lambda e: (e.start, e.end))
            out.append(AnonymizedText(anonymized, dict(sorted(counts.items())), entities))
        for item, residual in zip(out, self._residual(engine, [o.text for o in out]), strict=True):
            item.residual = residual
        return out

    # ---- residual re-scan -------------------------------------------------------------------
    def _residual(self, engine: PiiEngine, anonymized: list[str]) -> list[dict[str, int]]:
        out = []
        for text, results in zip(anonymized, engine.analyze_patterns(anonymized, self.policy.residual_threshold),
                                 strict=True):
            protected = [m.span() for m in PLACEHOLDER.finditer(text)]
            for value in self._literal_values:
                protected.extend(m.span() for m in re.finditer(re.escape(value), text))
            left = Counter(r.entity_type for r in results
                           if not any(s < r.end and r.start < e for s, e in protected))
            out.append(dict(sorted(left.items())))
        return out

    def residual_entities(self, anonymized: Sequence[str], language: str) -> list[dict[str, int]]:
        """Per text, the entity types (and how many) that a re-scan still finds at or above the
        policy's residual threshold, outside our placeholders. Empty dict: nothing left."""
        anonymized = list(anonymized)
        memo = self._residual_memo
        if all((language, t) in memo for t in anonymized):
            return [dict(memo[(language, t)]) for t in anonymized]
        return self._residual(self._engine(language), anonymized)

    def residual_counts(self, anonymized: Sequence[str], language: str) -> list[int]:
        """Number of identifiers still found in each anonymized text (see residual_entities)."""
        return [sum(r.values()) for r in self.residual_entities(anonymized, language)]

    # ---- worker processes -------------------------------------------------------------------
    def _use_workers(self, n_texts: int) -> bool:
        """Whether a batch of `n_texts` goes to the worker processes (see pii.parallel_after_chars):
        a large batch always; once the workers run or this anonymizer has seen enough work to repay
        their start, any batch that gives each worker two documents or more."""
        workers = self._workers()
        if workers <= 1:
            return False
        if n_texts >= self.policy.parallel_min_docs:
            return True
        due = self._pool is not None or self._work_seen >= self.policy.parallel_after_chars
        return due and n_texts >= 2 * workers

    def _workers(self) -> int:
        """Worker processes for a large batch: the policy's number, 0 meaning one per CPU."""
        return self.policy.processes or os.cpu_count() or 1

    def start_workers(self) -> bool:
        """Start the worker processes now, if the policy gives more than one: they load their
        models while this process goes on, and take every later batch of two documents per
        worker. For a caller that knows a run holds enough work (see pii.parallel_after_chars)."""
        if self._pool is None and self._workers() > 1:
            # Each worker loads its own models once and keeps them for later batches.
            self._pool = WorkerPool(self._workers(), self.policy.model_dump_json())
            atexit.register(self.close)
        return self._pool is not None

    def _part_size(self, n_texts: int) -> int:
        return max(16, min(CHUNK, -(-n_texts // (self._workers() * CHUNKS_PER_WORKER))))

    def worker_part_size(self, n_texts: int, work: int) -> int | None:
        """For a caller that sends its own tasks to the worker processes (the ingest's per-document
        work, ingest/fan_out.py): counts `work` (characters, weighted by NER_COST) as anonymized
        and returns how many of the `n_texts` documents to put in one task when the workers take
        this batch (started if need be), None when it is for this process (see _use_workers)."""
        self._work_seen += work
        if not self._use_workers(n_texts):
            return None
        self.start_workers()
        return self._part_size(n_texts)

    def submit_calls(self, task: Callable, payloads: list) -> PendingBatches:
        """`task(payload, the worker's Anonymizer)` for each payload on the worker processes,
        returning at once; `task` is a module-level function (it is pickled by name)."""
        if self._pool is not None and not self._pool.procs:
            self._pool = None  # closed by a failed batch: this one starts new workers
        self.start_workers()
        return self._pool.submit_calls(task, payloads)

    def _submit_parallel(self, texts: list[str], language: str, known: list[KnownPii] | None) -> PendingBatches:
        self.start_workers()
        size = self._part_size(len(texts))
        # A task is (texts, known values per text or None); see worker.py.
        chunks = [(texts[i:i + size], known[i:i + size] if known else None) for i in range(0, len(texts), size)]
        return self._pool.submit(language, chunks)

    def close(self) -> None:
        """Stop the worker processes, if any were started."""
        if self._pool is not None:
            self._pool.close()
            self._pool = None
