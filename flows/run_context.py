"""What every flow needs: the workspace, the policy, who asked and where (for the audit trail),
the HTML report a run links to, and artifact keys."""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import Annotated

from pydantic import StringConstraints

from curation.audit.context import AuditContext
from curation.policy import Policy, load_policy
from curation.workspace import Workspace

# A person's name, required: the open-source Prefect server records no user identity, so the
# name typed into the form is the only record of who started a run or decided on a version.
Steward = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
# A dataset name becomes a folder under data/datasets: the form refuses anything else
# (curation.datasets.names checks the same again in the library).
DatasetName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_][A-Za-z0-9._-]{0,63}$")]


def plain_failure(fn):
    """A flow whose library errors (a policy typo, a missing inbox, an unknown version) end the run
    as Failed with the one line the CLI prints, instead of a traceback in the run log.

    Prefect builds the form from the wrapper's signature and resolves string annotations in the
    wrapper's module, not the flow's: modules whose flows use this keep real annotations (no
    `from __future__ import annotations`)."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from prefect import get_run_logger
        from prefect.context import FlowRunContext
        from prefect.states import Failed

        from curation.errors import plain_errors

        try:
            return fn(*args, **kwargs)
        except plain_errors() as exc:
            if FlowRunContext.get() is None:  # called bare (`flow.fn`): no run to fail, the error is the caller's
                raise
            get_run_logger().error(str(exc))
            return Failed(message=str(exc))

    return wrapper


def workspace() -> Workspace:
    return Workspace.from_env()


def policy(policy_file: str | None) -> Policy:
    ws = workspace()
    return load_policy(Path(policy_file) if policy_file else ws.default_policy)


def run_identity() -> tuple[str | None, str | None]:
    """(flow run id, deployment name) of the current run, for the audit trail. A subflow reports
    the deployment its parent was started from; a run started outside a deployment, None."""
    from prefect.runtime import deployment, flow_run

    return (str(flow_run.id) if flow_run.id else None), deployment.name


def record_request(flow_name: str, requested_by: str, parameters: dict, subject: str = "") -> tuple[str | None, str | None]:
    """Append `flow_run.started` to the audit log: who started which flow from which deployment,
    with which parameters (names and paths, never document text). Returns run_identity()."""
    from prefect.runtime import flow_run

    run_id, deployment = run_identity()
    parent = flow_run.parent_flow_run_id
    AuditContext(requested_by, run_id).record(workspace().audit(), "flow_run.started", subject or flow_name, {
        "flow": flow_name, "deployment": deployment, "parent_flow_run_id": str(parent) if parent else None,
        "parameters": parameters})
    return run_id, deployment


def artifact_key(*parts: str) -> str:
    """Prefect artifact keys allow lower-case letters, digits and dashes only."""
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9-]", "-", "-".join(parts).lower())).strip("-")[:100]


def write_version_report(ws: Workspace, version_id: str) -> Path:
    """(Re)write data/reports/<version_id>.html, the page `curation report` writes; returns its path."""
    from curation.datasets.report_writer import write_version_report as write

    return write(ws.catalog(), version_id, ws.reports / f"{version_id}.html")


def report_url(ws: Workspace, path: Path) -> str:
    """Where a steward's browser finds a report: under /reports/ of the public address of `curation
    ui` (CURATION_PUBLIC_URL, the one origin of every link a steward is shown), else the file itself."""
    from flows.server import PUBLIC_URL_ENV

    base = os.environ.get(PUBLIC_URL_ENV)
    if base:
        return base.rstrip("/") + "/reports/" + Path(path).resolve().relative_to(ws.reports.resolve()).as_posix()
    return Path(path).resolve().as_uri()


def publish_report_link(ws: Workspace, version_id: str, dataset: str, report: Path, description: str) -> str:
    """Publish a link artifact to a version's HTML report (see write_version_report); returns the URL."""
    from prefect.artifacts import create_link_artifact

    url = report_url(ws, report)
    create_link_artifact(url, link_text=f"HTML report of {dataset} version {version_id[:12]}",
                         key=artifact_key("report", dataset), description=description)
    return url


def pending_reviews(ws: Workspace) -> list[dict]:
    """Dataset versions waiting for a steward, newest first."""
    return sorted((v for v in ws.catalog().versions() if v["status"] == "pending_review"),
                  key=lambda v: v["created_at"], reverse=True)


def publish_pending_reviews(ws: Workspace) -> None:
    """The `pending-reviews` table artifact: every version waiting for a decision, with its report;
    the `review` deployment with an empty version id takes the first row."""
    from prefect.artifacts import create_table_artifact

    rows = pending_reviews(ws)
    reports = [ws.reports / f"{v['version_id']}.html" for v in rows]
    create_table_artifact(
        {"dataset": [v["dataset"] for v in rows], "version": [v["version_id"][:16] for v in rows],
         "documents": [v["n_rows"] for v in rows], "created": [str(v["created_at"])[:19] for v in rows],
         "report": [report_url(ws, r) if r.exists() else "" for r in reports]},
        key="pending-reviews",
        description=f"{len(rows)} dataset version(s) waiting for review; run the `review` deployment "
                    "(an empty version id reviews the newest)")
