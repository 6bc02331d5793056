"""A local Prefect server for stewards: state inside the project, no analytics, the v1 UI only
(the v2 UI fetches an analytics configuration from the internet on every page load), event
retention raised to the policy's audit retention, and the HTML reports on the same origin
(`flows/server_app.py`): one address for every link a steward is shown.

Bound beyond loopback it requires Prefect's login (PREFECT_SERVER_API_AUTH_STRING); the flow runs
and the runner started here send it (PREFECT_API_AUTH_STRING).
"""

from __future__ import annotations

import ipaddress
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from curation.policy import Policy

# The address stewards open (scheme, host, port, optional path), as a reverse proxy publishes it;
# the flows start every link they publish with it. `curation ui` sets it (default: its own address).
PUBLIC_URL_ENV = "CURATION_PUBLIC_URL"
# The folder the server publishes read-only under /reports/ (flows/server_app.py).
REPORTS_DIR_ENV = "CURATION_REPORTS_DIR"
SERVER_AUTH_ENV = "PREFECT_SERVER_API_AUTH_STRING"
WILDCARD_HOSTS = ("0.0.0.0", "::", "")


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and localhost: addresses no other machine can reach."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class BindingError(ValueError):
    """A server address refused before anything starts; the message is one line naming the setting."""


def check_binding(host: str, public_url: str | None, auth: str | None) -> None:
    """Refuse (BindingError) a binding other machines can reach without a login, or a
    wildcard binding without the public address stewards open."""
    if is_loopback(host):
        return
    if not auth or ":" not in auth or auth.startswith(":") or auth.endswith(":"):
        raise BindingError(f"--host {host} lets other machines in: set {SERVER_AUTH_ENV}=user:password "
                           "(the login Prefect then asks for) or bind to 127.0.0.1 behind a proxy")
    if host in WILDCARD_HOSTS and not public_url:
        raise BindingError(f"--host {host}: set --public-url (or {PUBLIC_URL_ENV}) to the address stewards "
                           "open, e.g. http://curation.example.internal:4200")


def local_address(host: str, port: int) -> str:
    """Where processes on this machine reach the server (a wildcard binding answers on loopback)."""
    host = "127.0.0.1" if host in WILDCARD_HOSTS else host
    return f"http://{f'[{host}]' if ':' in host else host}:{port}"


def server_env(root: Path, policy: Policy, port: int = 4200, *, host: str = "127.0.0.1",
               public_url: str | None = None, auth: str | None = None) -> dict[str, str]:
    """Environment of the server and of every process that talks to it (flow runs, CLI).
    `public_url`: the address stewards open (default: the server's own); `auth`: user:password."""
    local = local_address(host, port)
    public = (public_url or local).rstrip("/")
    env = {
        "PREFECT_HOME": str(root / ".prefect"),
        "PREFECT_API_URL": f"{local}/api",
        "PREFECT_UI_URL": public,  # Prefect's own links (run pages in logs)
        "PREFECT_UI_API_URL": f"{public}/api",  # where the browser's UI calls the API
        PUBLIC_URL_ENV: public,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_SERVER_UI_V2_ENABLED": "false",
        "PREFECT_SERVER_UI_SHOW_PROMOTIONAL_CONTENT": "false",  # upgrade banners, community sign-up
        # An ISO 8601 duration: Prefect reads a bare number of seconds from the environment as
        # an invalid time and refuses to start.
        "PREFECT_SERVER_EVENTS_RETENTION_PERIOD": f"P{policy.audit.retention_days}D",
    }
    if auth:
        env[SERVER_AUTH_ENV] = env["PREFECT_API_AUTH_STRING"] = auth
    return env


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(root: Path, policy: Policy, port: int = 4200, timeout: float = 180, log: Path | None = None, *,
          host: str = "127.0.0.1", public_url: str | None = None, auth: str | None = None,
          reports: Path | None = None, database_url: str | None = None) -> subprocess.Popen:
    """Start the Prefect server (flows/server_app.py) on `host`:`port`, state in `root`/.prefect,
    `reports` published under /reports/, and wait until its API answers; then point this
    process's environment at it. `log`: file for the server's output. `database_url`: Prefect's
    database (PostgreSQL, flows/postgres.py) for this server only; default SQLite under `root`."""
    check_binding(host, public_url, auth)
    env = {**os.environ, **server_env(root, policy, port, host=host, public_url=public_url, auth=auth),
           "PREFECT__SERVER_FINAL": "1"}
    if database_url:
        env["PREFECT_API_DATABASE_CONNECTION_URL"] = database_url
    if reports:
        reports.mkdir(parents=True, exist_ok=True)
        env[REPORTS_DIR_ENV] = str(reports)
    (root / ".prefect").mkdir(parents=True, exist_ok=True)
    out = open(log, "ab") if log else None  # noqa: SIM115 (the child keeps it open)
    # What `prefect server start` runs, with our app factory around Prefect's.
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "--app-dir", str(Path(__file__).resolve().parents[1]),
                             "--factory", "flows.server_app:create_app", "--host", host, "--port", str(port)],
                            env=env, stdout=out, stderr=subprocess.STDOUT if out else None, start_new_session=True)
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"prefect server exited with status {proc.returncode}"
                               + (f" (output in {log})" if log else ""))
        try:
            with urllib.request.urlopen(f"{local_address(host, port)}/api/health", timeout=2):
                os.environ.update(server_env(root, policy, port, host=host, public_url=public_url, auth=auth))
                return proc
        except OSError:
            time.sleep(1)
    stop(proc)
    raise TimeoutError(f"prefect server did not answer on {local_address(host, port)} within {timeout:.0f} s")


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
