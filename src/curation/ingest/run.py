"""The ingest run: inbox files → anonymized, license-classed documents in the catalog.

Each batch of files goes through the same steps (steps.py): read → drop documents the catalog
holds → the per-document work (doc_work.py: language and license → filters → PII → features),
on the PII worker processes or a flow's task runner → drop texts this run already took →
residual filter → near-duplicate clusters → record and commit. Every
input item ends in exactly one outcome — accepted, license_review (held until a steward allows
the source), duplicate, or quarantined with a reason — and each batch commits in one
transaction, so a rerun after a crash redoes only what did not commit.
"""

from __future__ import annotations

import copy
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path

from curation import licenses
from curation.audit import outbox
from curation.audit.context import AuditContext
from curation.audit.log import AuditLog
from curation.catalog import Catalog
from curation.datasets.names import check_dataset_name
from curation.faults import crash_point
from curation.ingest import filters, steps
from curation.ingest.fan_out import FanOut, UnitMapper
from curation.ingest.outcomes import BatchOutcomes, IngestSummary, check_accounting
from curation.ingest.progress import IngestProgress, ProgressCallback
from curation.policy import Policy
from curation.sources import InputUnit, ReaderOptions, discover, read_unit
from curation.stewardship import scrub

FILES_PER_BATCH = 64


def unread(catalog: Catalog, units: list[InputUnit]) -> list[InputUnit]:
    """The files the catalog has not read yet (same path and bytes count as read): one query."""
    done = catalog.processed_files()
    return [u for u in units if (u.stored, u.digest) not in done]


def ingest(inbox: Path, dataset: str, policy: Policy, catalog: Catalog, audit: AuditLog, *,
           context: AuditContext | None = None,
           progress: ProgressCallback | None = None,
           map_units: UnitMapper | None = None,
           units: list[InputUnit] | None = None) -> IngestSummary:
    """Read every new file under `inbox` into the catalog; returns the run's counts.

    The run holds one catalog connection from its start to its finish (a session: opening and
    closing DuckDB twice a batch cost more than the batch's own catalog work), and lets whoever
    waits for the catalog in while this process reads files or waits for the per-document work, so a steward's
    review or a report in another process is served between batches rather than after the whole run.
    `map_units`, if given, runs the per-document work of each batch (doc_work.py) as units of
    `pii.task_docs` documents (a flow's task runner, see fan_out.UnitMapper); without it, a batch
    goes to the policy's PII worker processes once they pay off, or runs here. `units`: the inbox's
    files if the caller has discovered them already (discovery hashes every file)."""
    check_dataset_name(dataset)
    inbox = Path(inbox)
    if not inbox.is_dir():
        raise FileNotFoundError(f"{inbox}: inbox folder not found")
    context = (context or AuditContext()).under_policy(policy.digest)
    run_id = uuid.uuid4().hex
    summary = IngestSummary(run_id, dataset)

    outbox.deliver(catalog, audit, recovering=True)  # records a killed run committed but never logged
    if scrubbed := scrub.scrub_catalog(catalog):  # file names and input values from older versions
        context.record(audit, "catalog.scrubbed", "catalog", {"values_replaced": scrubbed})
    crash_point("ingest.recovered")
    units = list(discover(inbox)) if units is None else units
    fan_out: FanOut | None = None
    try:  # from the workers' start on: whatever fails, they are stopped (finally)
        with catalog.session():
            catalog.start_run(run_id, dataset, str(inbox), policy.digest)
            context.record(audit, "ingest.started", run_id, {"dataset": dataset, "policy": policy.source_file})
            summary.files_seen = len(units)
            pending = unread(catalog, units)
            summary.files_unchanged = len(units) - len(pending)
            for source in {u.source_name: u.source for u in pending if u.source}.values():
                # The declared license is kept only as a valid SPDX expression: anything else is free text.
                license = source.license if filters.valid_spdx(source.license) else (
                    None if source.license is None else "invalid SPDX expression")
                catalog.upsert_source(source.name, license, source.owner, source.purpose, source.language)

            state = IngestProgress("reading", 0, len(pending))

            def report(stage: str) -> None:
                if progress:
                    state.stage = stage
                    progress(copy.deepcopy(state))

            def committed(batch: Batch) -> None:
                step.finish(batch).add_to(summary)
                crash_point("ingest.batch_committed")
                outbox.deliver(catalog, audit)
                state.files_done, state.outcomes = state.files_done + len(batch.files), Counter(summary.outcomes)
                report("reading" if state.files_done < len(pending) else "checks and version")

            with catalog.serving_others():  # loading the lexicons and starting workers need no catalog
                fan_out = FanOut(policy, map_units)
                if map_units is None and sum(input_bytes(u) for u in pending) >= policy.pii.parallel_after_chars:
                    fan_out.start_workers()  # they load their models while the first batch is read
            step = BatchStep(policy, catalog, fan_out, context, run_id, dataset, report)
            report("reading")
            run_batches(step, [pending[i:i + FILES_PER_BATCH] for i in range(0, len(pending), FILES_PER_BATCH)],
                        committed)
            check_accounting(catalog, run_id, summary)
            catalog.finish_run(run_id, summary.as_dict(),
                               context.entry("ingest.finished", run_id, summary.as_dict()))
            crash_point("ingest.finished")
            outbox.deliver(catalog, audit)
    finally:  # after the session: the catalog is free while the workers exit (a second or more)
        if fan_out is not None:
            fan_out.close()  # the PII worker processes, if the run started them (stopping since the last batch)
    return summary


def run_batches(step: BatchStep, batches: list[list[InputUnit]], committed: Callable[[Batch], None]) -> None:
    """Each batch through `step`, pipelined: batch N+1 is read and queued for the per-document
    work before this process waits for batch N, so the workers go from N straight on to N+1
    while this process claims, commits and audits N (`committed`). At most one batch waits
    ahead of the one being worked on. Commits keep their order, so a crash still leaves whole
    batches committed and a rerun redoes the rest. A text in both N and N+1 may be anonymized
    twice (N's claims come after N+1 started), but N+1's copy is still a Duplicate: the claims
    (DropRepeated) run in order, at collect. While this process reads a batch, hands it to the
    per-document work or waits for that work, whoever waits for the catalog gets it (`serving_others`)."""
    previous: Batch | None = None
    for units in batches:
        batch = step.prepare(units)
        step.start_work(batch)
        if previous is not None:
            step.collect(previous)
            committed(previous)
        previous = batch
    if previous is not None:
        step.collect(previous)
        step.fan_out.release_workers()  # they stop while this process commits the last batch
        committed(previous)


def reader_options(policy: Policy) -> ReaderOptions:
    """The policy's `inputs` settings of the same names (a field added to both cannot be forgotten here)."""
    values = {f.name: getattr(policy.inputs, f.name) for f in fields(ReaderOptions)}
    return ReaderOptions(**values | {"ocr_languages": tuple(values["ocr_languages"])})


class BatchStep:
    """One batch of files: read, then each step of steps.py in turn, then one catalog transaction.
    What a step drops is recorded in the batch's BatchOutcomes, the rest goes on to the next step."""

    def __init__(self, policy: Policy, catalog: Catalog, fan_out: FanOut, context: AuditContext,
                 run_id: str, dataset: str, report: Callable[[str], None] = lambda stage: None):
        self.policy, self.catalog, self.fan_out, self.context = policy, catalog, fan_out, context
        self.run_id, self.dataset, self.report = run_id, dataset, report
        self.seen_in_run: set[str] = set()  # doc_ids that went on to PII earlier in this run
        self.reader_options = reader_options(policy)
        self._overrides: list[dict] | None = None  # the stewards' overrides self._rules were built with
        self._rules: licenses.LicenseRules | None = None

    def license_rules(self) -> licenses.LicenseRules:
        """The license rules as they stand now: the classes file is read once per run, and again
        only when a steward recorded an override since (one small query per batch, so an
        override made during a run counts from the next batch)."""
        overrides = self.catalog.license_overrides()
        if overrides != self._overrides:
            self._overrides, self._rules = overrides, licenses.rules_for(self.policy, self.catalog)
        return self._rules

    def steps_for(self, units: list[InputUnit]) -> list[steps.Step]:
        """The steps of a batch of `units`, in order."""
        return [steps.DropKnown(self.catalog),
                steps.Work(self.policy, self.fan_out, {u.rel: u.source for u in units},
                           self.license_rules(), self.seen_in_run),
                steps.DropRepeated(self.seen_in_run),
                steps.NearDuplicates(self.policy, self.catalog, self.dataset)]

    def prepare(self, units: list[InputUnit]) -> Batch:
        """Read the files and run the steps before the per-document work."""
        out = BatchOutcomes(self.dataset)
        limit = self.policy.inputs.max_file_mb * 2**20
        with self.catalog.serving_others():  # reading (parsing, OCR: minutes) needs no catalog
            read = [(unit, list(read_unit(unit, limit, self.reader_options))) for unit in units]
        files = [(unit.stored, unit.digest, unit.source_name, len(items)) for unit, items in read]
        documents = out.settle([item for _, items in read for item in items])  # what the readers refused
        with self.catalog.session():  # one connection for the batch's lookups
            before, (work, *after) = split_at_work(self.steps_for(units))
            documents = self._run_steps(before, documents, out)
        return Batch(out, files, documents, work, after)

    def start_work(self, batch: Batch) -> None:
        """Hand the batch's documents to the per-document work (to the worker processes, when they run)."""
        self.report(batch.work.progress)
        with self.catalog.serving_others():  # handing a batch to a cluster can take a while
            batch.work_result = batch.work.start(batch.documents)

    def collect(self, batch: Batch) -> None:
        """Wait for the batch's per-document work, then claim its texts (DropRepeated)."""
        claims, *batch.after_work = batch.after_work
        assert isinstance(claims, steps.DropRepeated), "the claims must be the first step after the work"
        with self.catalog.serving_others():  # the work does not touch the catalog
            results = batch.work_result()
        batch.documents = batch.out.settle(claims.run(results))

    def finish(self, batch: Batch) -> BatchOutcomes:
        """The steps after the claims, then the batch's one catalog transaction (in the caller's
        catalog session)."""
        out = batch.out
        for doc in self._run_steps(batch.after_work, batch.documents, out):
            out.keep(doc)
        self.report("committing")
        crash_point("ingest.before_commit")
        self.catalog.commit_batch(self.run_id, self.dataset, batch.files, out.items, out.documents,
                                  out.audit_records(self.context))
        return out

    def _run_steps(self, to_run: list[steps.Step], documents: list, out: BatchOutcomes) -> list:
        for step in to_run:
            if step.progress:
                self.report(step.progress)
            documents = out.settle(step.run(documents))
        return documents


@dataclass
class Batch:
    """A batch between its steps: what it recorded so far, its files, the documents going on."""

    out: BatchOutcomes
    files: list[tuple[str, str, str | None, int]]  # stored name, digest, source, items read
    documents: list
    work: steps.Work
    after_work: list[steps.Step]  # DropRepeated first: collect runs it
    work_result: Callable[[], list] = lambda: []


def split_at_work(batch_steps: list[steps.Step]) -> tuple[list[steps.Step], list[steps.Step]]:
    """The steps before the per-document work, and that work with the steps after it."""
    at = next(i for i, step in enumerate(batch_steps) if isinstance(step, steps.Work))
    return batch_steps[:at], batch_steps[at:]


def input_bytes(unit: InputUnit) -> int:
    """The size of an input file (0 for what is not a regular file): how much work a run holds."""
    try:
        return unit.path.stat().st_size if unit.kind == "file" else 0
    except OSError:
        return 0
