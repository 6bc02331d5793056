"""Where a batch's per-document work (doc_work.py) runs: PII worker processes, a flow's task runner, or here.

In the ingest's own process by default, handing each batch to the policy's PII worker processes
once they pay off (pii.parallel_after_chars); a flow on a process-based task runner passes a
`UnitMapper` instead, which runs units of `pii.task_docs` documents as its tasks.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from curation.checks import quality
from curation.ingest import doc_work
from curation.ingest.doc_work import DocResult, WorkUnit
from curation.pii import Anonymizer
from curation.policy import Policy

# Takes a batch's units and starts doc_work.run_task on each (a flow: one task per unit on its task
# runner); returns what waits for their results, in order. Started, not awaited: the cluster works
# on batch N while the ingest's process commits batch N-1.
UnitMapper = Callable[[list[WorkUnit]], Callable[[], list[list[DocResult]]]]


class FanOut:
    """A run's way of doing its batches' per-document work, and the worker processes it started."""

    def __init__(self, policy: Policy, map_units: UnitMapper | None = None):
        self.policy, self.map_units = policy, map_units
        # The lexicons load here once, so that a bad lexicon file stops the run in this process
        # with its one-line error, not in a worker as a traceback.
        quality.extractor(policy)
        # Only this process's own path holds an Anonymizer (its worker pool); a task runner's
        # workers build their own.
        self.anonymizer = Anonymizer(policy.pii) if map_units is None else None
        if self.anonymizer is not None:
            self.key_id = self.anonymizer.key_id
        else:
            from curation.pii.operators import key_id, policy_key

            key = policy_key(policy.pii)
            self.key_id = key_id(key) if key else None
        # Hands the batches to the worker processes one after the other (their pool takes one
        # submission at a time), so the workers go on to the next batch the moment one is done,
        # while this process still commits it. Started with the first batch for the workers.
        self._queue: ThreadPoolExecutor | None = None
        self._closing = threading.Lock()  # close() against a queued batch starting new workers
        self._closed = False

    def start(self, unit: WorkUnit) -> Callable[[], list[DocResult]]:
        """Start the unit's work; the returned function waits for its results, per document in
        order. On the worker processes or a task runner the work runs while the caller commits its
        previous batch; in this process it is done when waited for."""
        if not unit.documents:
            return list
        if self.map_units is not None:
            parts = unit.parts(self.policy.pii.task_docs)
            waiting = self.map_units(parts)
            return lambda: _joined(waiting(), parts)
        size = self.anonymizer.worker_part_size(len(unit.documents), unit.work_chars())
        if size is None:
            return lambda: doc_work.run(unit, self.anonymizer)
        parts = unit.parts(size)
        done: Future = self._dispatcher().submit(self._on_workers, parts)
        return lambda: _joined(done.result(), parts)

    def _on_workers(self, parts: list[WorkUnit]) -> list[list[DocResult]]:
        """One batch's parts on the worker processes (the queue's thread), once the batch before is done."""
        with self._closing:
            if self._closed:
                raise RuntimeError("the run stopped before this batch's per-document work started")
            pending = self.anonymizer.submit_calls(doc_work.run, parts)
        try:
            return pending.result()
        except BaseException:
            with self._closing:  # the run stops at this batch: a batch queued behind it must not
                self._closed = True  # start new workers
            raise

    def start_workers(self) -> bool:
        """Start the PII worker processes ahead of need (they load their models while the run
        reads its first batch); False where a task runner is the parallelism."""
        return self.anonymizer.start_workers() if self.anonymizer is not None else False

    def release_workers(self) -> None:
        """No batch is left for the worker processes: they stop now, in the background, while
        this process commits the last batch (a worker's exit takes a second or more)."""
        if self.anonymizer is not None:
            self._dispatcher().submit(self._stop_workers)

    def _dispatcher(self) -> ThreadPoolExecutor:
        if self._queue is None:
            self._queue = ThreadPoolExecutor(1, thread_name_prefix="pii-batches")
        return self._queue

    def _stop_workers(self) -> None:
        with self._closing:
            self._closed = True
            self.anonymizer.close()

    def close(self) -> None:
        """Stop the worker processes this fan-out started, if any, with a batch they still work on
        or one queued behind it (the run failed or was stopped: their results are not wanted)."""
        with self._closing:
            self._closed = True
            if self.anonymizer is not None:
                self.anonymizer.close()  # a batch in flight fails at once: its workers are killed
        if self._queue is not None:
            self._queue.shutdown(wait=True, cancel_futures=True)


def _joined(results: list[list[DocResult]], parts: list[WorkUnit]) -> list[DocResult]:
    """The parts' results in order, checked document by document against what was sent."""
    if [None if r is None else len(r) for r in results] != [len(p.documents) for p in parts]:
        raise RuntimeError("per-document results came back for other documents than were sent")
    joined = [r for part in results for r in part]
    sent = [d for p in parts for d in p.documents]
    if any(r is not None and r.doc_id != d.doc_id for r, d in zip(joined, sent, strict=True)):
        raise RuntimeError("per-document results came back in another order than the documents were sent")
    return joined
