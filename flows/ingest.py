"""Ingest flow: inbox → anonymized, checked documents → a pending_review dataset version.

Served twice (flows/deployments.py): `ingest`, started by a steward from the UI's form, and
`ingest-scheduled`, started by the policy's cron schedule, which stops early when no new file
has arrived. The stage runs in the flow's own process, under the catalog's ingest lock, so two
runs at the same time queue instead of colliding; its per-document work (language, license,
filters, PII, features: ingest/doc_work.py) fans out on a Dask cluster as one `process documents`
task per `pii.task_docs` documents, and the flow's process keeps only the catalog lookups, the
claims, the commits and the audit (on local threads the work goes to the policy's PII worker
processes: spaCy pipelines do not run in two threads at once). Those tasks get and return
document text, which Prefect keeps in memory only: no result persistence, no cache key, and
task runs store no parameter values.
"""

from collections.abc import Callable
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.states import Failed
from prefect.task_runners import ThreadPoolTaskRunner

from curation.datasets.names import check_dataset_name
from curation.datasets.report import checks_markdown, failing_documents
from curation.ingest.doc_work import DocResult, WorkUnit, run_task
from curation.ingest.pipeline import ingest_and_build
from flows.progress import reported_progress
from flows.run_context import (
    DatasetName,
    Steward,
    artifact_key,
    plain_failure,
    policy,
    publish_pending_reviews,
    publish_report_link,
    record_request,
    workspace,
    write_version_report,
)
from flows.runners import task_runner_from_env

QUARANTINE_COLUMNS = ("path", "record", "reason", "message")


def worth_a_retry(task, task_run, state) -> bool:
    """Retry a unit that failed for its worker's sake (a lost worker, memory), not one whose own
    document failed (DocumentWorkError) or whose worker holds another pseudonym key (PiiKeyError):
    those fail the same way again."""
    from curation.ingest.doc_work import DocumentWorkError
    from curation.pii.operators import PiiKeyError

    return not isinstance(state.data, DocumentWorkError | PiiKeyError)


@task(name="process documents", cache_policy=NO_CACHE, persist_result=False, retries=1,
      retry_condition_fn=worth_a_retry)
def process_documents(unit: WorkUnit) -> list[DocResult]:
    """Language, license, filters, PII and features of a unit's documents (a pure step: a retry is safe)."""
    return run_task(unit)


def work_on_task_runner(units: list[WorkUnit]) -> Callable[[], list[list[DocResult]]]:
    """One `process documents` task per unit on the flow's task runner, submitted now; returns
    what waits for their results, in order."""
    return process_documents.map(units).result


def work_mapper():
    """The per-document work's mapper for this flow run: tasks on a Dask (or any process-based)
    task runner; None on local threads, where a spaCy pipeline cannot run in two threads at once,
    so tasks would take turns on one core while the in-process path uses the policy's worker processes."""
    context = FlowRunContext.get()
    if context is None or isinstance(context.task_runner, ThreadPoolTaskRunner):
        return None
    return work_on_task_runner


@task(name="ingest and build version", cache_policy=NO_CACHE, persist_result=False)
def ingest_task(inbox: str, dataset: str, policy_file: str | None, requested_by: str, only_new: bool,
                flow_run_id: str | None) -> dict:
    """The ingest stage and the version build; returns counts, reasons and paths, never text.
    Called, not submitted: it runs in the flow's process, next to the catalog and its lock, and
    submits its per-document tasks to the flow's task runner (run bare, `.fn`, it anonymizes in process).
    The report and the artifacts read what this run committed."""
    from curation.errors import plain_errors

    try:
        return _ingest_and_report(inbox, dataset, policy_file, requested_by, only_new, flow_run_id)
    except plain_errors() as exc:  # the flow ends Failed with this line (no traceback in the task log)
        return {"failed": str(exc)}


def _ingest_and_report(inbox: str, dataset: str, policy_file: str | None, requested_by: str, only_new: bool,
                       flow_run_id: str | None) -> dict:
    ws = workspace()
    source = Path(inbox) if inbox else ws.inbox

    def waiting(holder: str) -> None:
        get_run_logger().info(f"another ingest run holds the catalog ({holder}); waiting for it to finish")

    with reported_progress(artifact_key("ingest-progress", dataset)) as progress:
        result = ingest_and_build(ws, source, dataset, policy(policy_file), actor=requested_by,
                                  flow_run_id=flow_run_id, map_units=work_mapper(), only_new=only_new,
                                  on_wait=waiting, progress=progress)
    if result is None:
        return {"skipped": True, "dataset": dataset, "inbox": str(source)}
    catalog = ws.catalog()
    quarantined = [{k: item[k] for k in QUARANTINE_COLUMNS} for item in catalog.run_items(result.summary.run_id)
                   if item["outcome"] == "quarantined"]
    build = result.build
    report = str(write_version_report(ws, build.version_id)) if build.version_id else None
    expectations = catalog.expectations(build.check_run_id)
    return {"skipped": False, "checks_markdown": checks_markdown(expectations),
            "failing": [{"doc_id": d["doc_id"], "severity": d["severity"], "reasons": "; ".join(d["reasons"])}
                        for d in failing_documents(expectations, limit=1000)], "summary": result.summary.as_dict(), "version_id": build.version_id,
            "status": build.status, "n_rows": build.n_rows, "created": build.created, "report": report,
            "held_for_review": build.held_for_review, "quarantined": quarantined,
            "expectations": [{"name": o.name, "severity": o.severity, "success": o.success, "message": o.message}
                             for o in build.outcomes]}


def summary_markdown(result: dict) -> str:
    """Counts, types, reasons and decisions: artifacts never carry document text."""
    s = result["summary"]
    status = result["status"]
    lines = [f"# Ingest of dataset `{s['dataset']}`", "",
             f"- files seen: {s['files_seen']} (unchanged since an earlier run: {s['files_unchanged']})",
             *[f"- {k}: {v}" for k, v in sorted(s["outcomes"].items())],
             "", "## Quarantine reasons", *([f"- {k}: {v}" for k, v in sorted(s["quarantine_reasons"].items())]
                                           or ["- none"]),
             "", "## PII replaced, by type", *([f"- {k}: {v}" for k, v in sorted(s["pii"].items())] or ["- none found"]),
             "", "## Licenses", *([f"- {k}: {v}" for k, v in sorted(s["licenses"].items())] or ["- none"]),
             "", "## Expectations", *[f"- {'PASS' if e['success'] else 'FAIL'} {e['name']} ({e['severity']})"
                                      + ("" if e["success"] else f": {e['message']}") for e in result["expectations"]]]
    for held in result["held_for_review"]:
        lines.append(f"- held out for license review: {held['n']} document(s) of `{held['source']}` "
                     f"({held['license_expression']})")
    lines += ["", "## Decision", ""]
    if result["version_id"]:
        same = "" if result["created"] else " (same content as an existing version)"
        lines.append(f"Dataset version `{result['version_id']}` ({result['n_rows']} documents): **{status}**{same}.")
        if status == "pending_review":
            lines.append("A steward approves or rejects it with the `review` deployment: an empty version id "
                         "reviews the newest pending version (the `pending-reviews` artifact lists them all).")
    else:
        lines.append(f"No dataset version: **{status}** (a critical expectation failed, or no document "
                     "was accepted); see the expectations above.")
    return "\n".join(lines)


@flow(name="ingest", log_prints=True, task_runner=task_runner_from_env())
@plain_failure
def ingest_flow(requested_by: Steward, inbox: str = "", dataset: DatasetName = "default", policy_file: str = "",
                only_new: bool = False) -> dict:
    """Read new files from the inbox, anonymize personal data, classify licenses, run the quality
    checks and write a dataset version that waits for a steward's review.

    Args:
        requested_by: Your name. Prefect records no user identity; this name goes into the audit log.
        inbox: Folder to read (empty: the workspace's data/inbox). Files already read are skipped.
        dataset: Dataset the documents belong to.
        policy_file: Policy file (empty: policies/default.yaml).
        only_new: Stop without building a version when no new file has arrived (scheduled runs).
    """
    check_dataset_name(dataset)  # before the name reaches the audit log or the file system
    run_id, _ = record_request("ingest", requested_by, {"inbox": inbox, "dataset": dataset,
                                                        "policy_file": policy_file, "only_new": only_new})
    result = ingest_task(inbox, dataset, policy_file or None, requested_by, only_new, run_id)
    if "failed" in result:
        get_run_logger().error(result["failed"])
        return Failed(message=result["failed"])
    publish(result)
    return result


def publish(result: dict) -> None:
    """The run's artifacts: summary (markdown), quarantined items (table), link to the report."""
    if result["skipped"]:
        print(f"no new file in {result['inbox']}: nothing to do")
        create_markdown_artifact(f"# Ingest of dataset `{result['dataset']}`\n\nNo new file in the inbox since "
                                 "the last run: nothing was read, no version was built.",
                                 key=artifact_key("ingest", result["dataset"]), description="Ingest summary")
        return
    s = result["summary"]
    dataset = s["dataset"]
    print(f"files {s['files_seen']} (unchanged {s['files_unchanged']}); outcomes {dict(sorted(s['outcomes'].items()))}; "
          f"version {result['version_id']} {result['status']}")
    create_markdown_artifact(summary_markdown(result), key=artifact_key("ingest", dataset),
                             description="Ingest summary: counts, PII by type, licenses, expectations, decision")
    rows = result["quarantined"]
    create_table_artifact({c: [r[c] for r in rows] for c in QUARANTINE_COLUMNS},
                          key=artifact_key("quarantine", dataset),
                          description=f"{len(rows)} item(s) quarantined by this run, with reasons")
    # The same check results as the HTML report: per expectation, and per failing document.
    create_markdown_artifact(result["checks_markdown"], key=artifact_key("checks", dataset),
                             description="Expectation results, bias metrics against their bounds")
    create_table_artifact({c: [r[c] for r in result["failing"]] for c in ("doc_id", "severity", "reasons")},
                          key=artifact_key("failing-documents", dataset),
                          description="Documents named by failed expectations, with the reasons")
    publish_pending_reviews(workspace())
    if result["report"]:
        publish_report_link(workspace(), result["version_id"], dataset, Path(result["report"]),
                            "Dataset version report (self-contained HTML)")
