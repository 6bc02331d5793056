"""`python -m flows.launch`: what `curation serve` and `curation ui` start (the library imports no
Prefect, so the CLI runs orchestration as its own process).

With `--ui-port`, a local Prefect server and the report server start first; Prefect is imported
only after that, because its settings are read from the environment when it is imported.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from rich.console import Console

from curation.policy import Policy, PolicyError, load_policy
from curation.workspace import Workspace
from flows import server


def serve_with_local_server(ws: Workspace, policy: Policy, port: int, task_runner: str,
                            dask_address: str | None, console: Console) -> None:
    """`curation ui`: a local Prefect server and the report server, then the deployments."""
    proc = server.start(ws.root, policy, port, log=ws.root / ".prefect" / "server.log")
    os.environ.update(server.server_env(ws.root, policy, port))
    _, reports = server.serve_reports(ws.reports, port + 1)  # stable links across restarts
    console.print(f"Prefect UI on http://127.0.0.1:{port} (state in {ws.root / '.prefect'}), reports on {reports}; "
                  "Ctrl-C stops both")
    from flows.deployments import serve_configured

    try:
        serve_configured(policy, task_runner, dask_address)
    finally:
        server.stop(proc)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m flows.launch")
    parser.add_argument("--policy", type=Path)
    parser.add_argument("--task-runner", choices=("threads", "dask"), default="threads")
    parser.add_argument("--dask-address")
    parser.add_argument("--ui-port", type=int, help="start a local Prefect server on this port first")
    args = parser.parse_args(argv)
    console = Console()
    ws = Workspace.from_env()
    try:
        policy = load_policy(args.policy or ws.default_policy)
        if args.ui_port:
            serve_with_local_server(ws, policy, args.ui_port, args.task_runner, args.dask_address, console)
        else:
            from flows.deployments import serve_configured

            serve_configured(policy, args.task_runner, args.dask_address)
    except (PolicyError, SystemExit) as exc:
        if isinstance(exc, SystemExit) and not isinstance(exc.code, str):
            raise
        console.print(f"[red]error:[/red] {exc}", highlight=False)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
