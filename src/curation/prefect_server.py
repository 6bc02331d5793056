"""A local Prefect server for stewards: loopback only, state inside the project, no analytics,
the v1 UI (the v2 UI fetches an analytics configuration from the internet on every page load),
and event retention raised to the policy's audit retention."""

from __future__ import annotations

import os
import subprocess
import time
import urllib.request
from pathlib import Path

from curation.policy import Policy


def server_env(root: Path, policy: Policy, port: int = 4200) -> dict[str, str]:
    return {
        "PREFECT_HOME": str(root / ".prefect"),
        "PREFECT_API_URL": f"http://127.0.0.1:{port}/api",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_SERVER_UI_V2_ENABLED": "false",
        "PREFECT_SERVER_EVENTS_RETENTION_PERIOD": str(policy.audit.retention_days * 86400),
    }


def start(root: Path, policy: Policy, port: int = 4200, timeout: float = 180) -> subprocess.Popen:
    """Start `prefect server` on 127.0.0.1:`port` and wait until its API answers."""
    env = {**os.environ, **server_env(root, policy, port)}
    (root / ".prefect").mkdir(exist_ok=True)
    prefect = Path(os.sys.executable).with_name("prefect")
    proc = subprocess.Popen([str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port),
                             "--analytics-off"], env=env)
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"prefect server exited with status {proc.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2):
                os.environ.update(server_env(root, policy, port))
                return proc
        except OSError:
            time.sleep(1)
    proc.terminate()
    raise TimeoutError(f"prefect server did not answer on 127.0.0.1:{port} within {timeout:.0f} s")
