"""What every flow needs: the workspace, the policy, the run's identity."""

from __future__ import annotations

from pathlib import Path

from curation.policy import Policy, load_policy
from curation.workspace import Workspace


def workspace() -> Workspace:
    return Workspace.from_env()


def policy(policy_file: str | None) -> Policy:
    ws = workspace()
    return load_policy(Path(policy_file) if policy_file else ws.default_policy)


def run_identity() -> tuple[str | None, str | None]:
    """(flow run id, deployment name) of the current run, for the audit trail."""
    from prefect.runtime import deployment, flow_run

    return (str(flow_run.id) if flow_run.id else None), deployment.name
