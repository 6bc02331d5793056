"""Where a batch's per-document work (doc_work.py) runs: PII worker processes, a flow's task runner, or here.

In the ingest's own process by default, handing each batch to the policy's PII worker processes
once they pay off (pii.parallel_after_chars); a flow on a process-based task runner passes a
`UnitMapper` instead, which runs units of `pii.task_docs` documents as its tasks.
"""

from __future__ import annotations

from collections.abc import Callable

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
        pending = self.anonymizer.submit_calls(doc_work.run, parts)
        return lambda: _joined(pending.result(), parts)

    def start_workers(self) -> bool:
        """Start the PII worker processes ahead of need (they load their models while the run
        reads its first batch); False where a task runner is the parallelism."""
        return self.anonymizer.start_workers() if self.anonymizer is not None else False

    def close(self) -> None:
        """Stop the worker processes this fan-out started, if any."""
        if self.anonymizer is not None:
            self.anonymizer.close()


def _joined(results: list[list[DocResult]], parts: list[WorkUnit]) -> list[DocResult]:
    """The parts' results in order, checked document by document against what was sent."""
    if [None if r is None else len(r) for r in results] != [len(p.documents) for p in parts]:
        raise RuntimeError("per-document results came back for other documents than were sent")
    joined = [r for part in results for r in part]
    sent = [d for p in parts for d in p.documents]
    if any(r is not None and r.doc_id != d.doc_id for r, d in zip(joined, sent, strict=True)):
        raise RuntimeError("per-document results came back in another order than the documents were sent")
    return joined
