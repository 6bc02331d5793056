"""Ingest flow: inbox → anonymized, checked documents → a pending_review dataset version."""

from __future__ import annotations

from pathlib import Path

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact

from curation import pipeline
from flows.common import policy, run_identity, workspace


@task(name="ingest and build version")
def ingest_task(inbox: str, dataset: str, policy_file: str | None, requested_by: str) -> dict:
    ws = workspace()
    run_id, _ = run_identity()
    result = pipeline.ingest_and_build(ws, Path(inbox) if inbox else ws.inbox, dataset, policy(policy_file),
                                       actor=requested_by, flow_run_id=run_id)
    return {"summary": result.summary.as_dict(), "version_id": result.build.version_id,
            "status": result.build.status,
            "expectations": [{"name": o.name, "severity": o.severity, "success": o.success, "message": o.message}
                             for o in result.build.outcomes]}


def summary_markdown(result: dict) -> str:
    """Counts, types and decisions only: artifacts never carry document text."""
    s = result["summary"]
    lines = [f"# Ingest of dataset `{s['dataset']}`", "",
             f"- files seen: {s['files_seen']} (unchanged since an earlier run: {s['files_unchanged']})",
             *[f"- {k}: {v}" for k, v in sorted(s["outcomes"].items())],
             "", "## Quarantine reasons", *[f"- {k}: {v}" for k, v in sorted(s["quarantine_reasons"].items())],
             "", "## PII replaced", *[f"- {k}: {v}" for k, v in sorted(s["pii"].items())],
             "", "## Licenses", *[f"- {k}: {v}" for k, v in sorted(s["licenses"].items())],
             "", "## Expectations", *[f"- {'✅' if e['success'] else '❌'} {e['name']} ({e['severity']})"
                                      for e in result["expectations"]],
             "", f"**Dataset version**: `{result['version_id']}` — {result['status']}"]
    return "\n".join(lines)


@flow(name="ingest", log_prints=True)
def ingest_flow(inbox: str = "", dataset: str = "default", policy_file: str = "",
                requested_by: str = "scheduler") -> dict:
    """Read new files from the inbox, anonymize PII, classify licenses, run the checks and write a
    dataset version awaiting review. `requested_by`: your name (Prefect records no user identity)."""
    result = ingest_task(inbox, dataset, policy_file or None, requested_by)
    create_markdown_artifact(summary_markdown(result), key="ingest-summary", description="Ingest summary")
    return result
