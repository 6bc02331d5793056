"""A local Prefect server for stewards: loopback only, state inside the project, no analytics,
the v1 UI (the v2 UI fetches an analytics configuration from the internet on every page load),
and event retention raised to the policy's audit retention.

Also the small loopback file server that makes the HTML reports linked from run artifacts
clickable (a browser does not follow file:// links from an http:// page).
"""

from __future__ import annotations

import functools
import http.server
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from curation.policy import Policy

# Where the flows point their report links; `curation ui` sets it to its report server.
REPORTS_URL_ENV = "CURATION_REPORTS_URL"


def server_env(root: Path, policy: Policy, port: int = 4200) -> dict[str, str]:
    """Environment of the server and of every process that talks to it (flow runs, CLI)."""
    return {
        "PREFECT_HOME": str(root / ".prefect"),
        "PREFECT_API_URL": f"http://127.0.0.1:{port}/api",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_SERVER_UI_V2_ENABLED": "false",
        # An ISO 8601 duration: Prefect reads a bare number of seconds from the environment as
        # an invalid time and refuses to start.
        "PREFECT_SERVER_EVENTS_RETENTION_PERIOD": f"P{policy.audit.retention_days}D",
    }


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(root: Path, policy: Policy, port: int = 4200, timeout: float = 180,
          log: Path | None = None) -> subprocess.Popen:
    """Start `prefect server` on 127.0.0.1:`port` (state in `root`/.prefect) and wait until its API
    answers; then point this process's environment at it. `log`: file for the server's output."""
    env = {**os.environ, **server_env(root, policy, port)}
    (root / ".prefect").mkdir(parents=True, exist_ok=True)
    prefect = Path(sys.executable).with_name("prefect")
    out = open(log, "ab") if log else None  # noqa: SIM115 (the child keeps it open)
    proc = subprocess.Popen([str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port),
                             "--analytics-off"], env=env, stdout=out, stderr=subprocess.STDOUT if out else None,
                            start_new_session=True)
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"prefect server exited with status {proc.returncode}"
                               + (f" (output in {log})" if log else ""))
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2):
                os.environ.update(server_env(root, policy, port))
                return proc
        except OSError:
            time.sleep(1)
    stop(proc)
    raise TimeoutError(f"prefect server did not answer on 127.0.0.1:{port} within {timeout:.0f} s")


def stop(proc: subprocess.Popen, timeout: float = 30) -> None:
    """Stop a process started here and its children (the server runs its services as children)."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def serve_reports(directory: Path, port: int = 0) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `directory` read-only on 127.0.0.1:`port` (0: any free port) from a daemon thread;
    returns the server and its base URL. Sets REPORTS_URL_ENV for flow runs started from here."""
    directory.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, name="report-server", daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    os.environ[REPORTS_URL_ENV] = url
    return server, url


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # the stdlib's signature
        pass
