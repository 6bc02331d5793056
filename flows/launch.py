"""`python -m flows.launch`: what `curation serve` and `curation ui` start (the library imports no
Prefect, so the CLI runs orchestration as its own process).

With `--ui-port`, a local Prefect server (flows/server_app.py: API, v1 UI and the reports on one
origin) starts first; Prefect is imported only after that, because its settings are read from the
environment when it is imported.
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
                            dask_address: str | None, console: Console, host: str = "127.0.0.1",
                            public_url: str | None = None) -> None:
    """`curation ui`: a local Prefect server that also publishes the reports, then the deployments.
    Beyond loopback the server requires PREFECT_SERVER_API_AUTH_STRING; this process and its flow
    runs send it."""
    public_url = public_url or os.environ.get(server.PUBLIC_URL_ENV) or None
    auth = os.environ.get(server.SERVER_AUTH_ENV) or None
    proc = server.start(ws.root, policy, port, log=ws.root / ".prefect" / "server.log", host=host,
                        public_url=public_url, auth=auth, reports=ws.reports)
    public = os.environ[server.PUBLIC_URL_ENV]
    console.print(f"Prefect UI and reports on {public} (state in {ws.root / '.prefect'}"
                  + ("; login required" if auth else "") + "); Ctrl-C stops both", highlight=False)
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
    parser.add_argument("--ui-host", default="127.0.0.1", help="address the local server binds to")
    parser.add_argument("--public-url", help="the address stewards open (default: the server's own)")
    args = parser.parse_args(argv)
    console = Console()
    ws = Workspace.from_env()
    try:
        policy = load_policy(args.policy or ws.default_policy)
        if args.ui_port:
            serve_with_local_server(ws, policy, args.ui_port, args.task_runner, args.dask_address, console,
                                    args.ui_host, args.public_url)
        else:
            from flows.deployments import serve_configured

            serve_configured(policy, args.task_runner, args.dask_address)
    except (PolicyError, SystemExit, server.BindingError) as exc:
        if isinstance(exc, SystemExit) and not isinstance(exc.code, str):
            raise
        console.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True, markup=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
