import os
import subprocess
import sys

from flows.server import server_env


def test_local_server_env_is_loopback_private_and_keeps_events_as_long_as_the_audit(policy, tmp_path):
    env = server_env(tmp_path, policy, port=4321)
    assert env["PREFECT_API_URL"] == "http://127.0.0.1:4321/api"
    assert env["PREFECT_HOME"] == str(tmp_path / ".prefect")
    assert env["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false" and env["DO_NOT_TRACK"] == "1"
    assert env["PREFECT_SERVER_UI_V2_ENABLED"] == "false"  # the v2 UI calls an analytics host
    assert env["PREFECT_SERVER_EVENTS_RETENTION_PERIOD"] == f"P{policy.audit.retention_days}D"


def test_prefect_reads_the_server_env_as_meant(policy, tmp_path):
    """Prefect parses these variables itself: a bare number of seconds for the retention made
    `prefect server start` exit at once."""
    probe = ("from prefect.settings import get_current_settings as g; s = g(); "
             "print(s.server.events.retention_period.days, s.server.ui.v2_enabled, s.server.analytics_enabled)")
    env = {**os.environ, **server_env(tmp_path, policy, port=4321)}
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == [str(policy.audit.retention_days), "False", "False"]


def test_serve_refuses_to_start_without_a_configured_server(tmp_path):
    """Without PREFECT_API_URL Prefect would serve into a temporary server that forgets every run."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env["PREFECT_HOME"] = str(tmp_path / ".prefect")  # no profile that names a server either
    curation = os.path.join(os.path.dirname(sys.executable), "curation")
    out = subprocess.run([curation, "serve"], env=env, capture_output=True, text=True, timeout=120, check=False)
    assert out.returncode == 1 and "PREFECT_API_URL is not set" in out.stdout
