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
    assert env["PREFECT_SERVER_UI_SHOW_PROMOTIONAL_CONTENT"] == "false"
    # One address for every link: the UI's API calls, Prefect's links and the flows' links.
    assert env["CURATION_PUBLIC_URL"] == env["PREFECT_UI_URL"] == "http://127.0.0.1:4321"
    assert env["PREFECT_UI_API_URL"] == "http://127.0.0.1:4321/api"
    assert "PREFECT_SERVER_API_AUTH_STRING" not in env and "PREFECT_API_AUTH_STRING" not in env


def test_behind_a_proxy_the_browser_uses_the_public_address_and_local_clients_loopback(policy, tmp_path):
    env = server_env(tmp_path, policy, port=4321, host="0.0.0.0", public_url="https://curation.example.internal/",
                     auth="steward:pw")
    assert env["PREFECT_API_URL"] == "http://127.0.0.1:4321/api"  # the runner and flow runs on this machine
    assert env["CURATION_PUBLIC_URL"] == env["PREFECT_UI_URL"] == "https://curation.example.internal"
    assert env["PREFECT_UI_API_URL"] == "https://curation.example.internal/api"
    # The server demands the login; the clients started with it send it.
    assert env["PREFECT_SERVER_API_AUTH_STRING"] == env["PREFECT_API_AUTH_STRING"] == "steward:pw"


def test_prefect_reads_the_server_env_as_meant(policy, tmp_path):
    """Prefect parses these variables itself: a bare number of seconds for the retention made
    `prefect server start` exit at once."""
    probe = ("from prefect.settings import get_current_settings as g; s = g(); "
             "print(s.server.events.retention_period.days, s.server.ui.v2_enabled, s.server.analytics_enabled, "
             "s.server.ui.show_promotional_content, s.server.ui.api_url, s.ui_url, "
             "s.server.api.auth_string.get_secret_value(), s.api.auth_string.get_secret_value())")
    env = {**os.environ, **server_env(tmp_path, policy, port=4321, public_url="https://c.example", auth="u:p")}
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == [str(policy.audit.retention_days), "False", "False", "False",
                                  "https://c.example/api", "https://c.example", "u:p", "u:p"]


def test_serve_refuses_to_start_without_a_configured_server(tmp_path):
    """Without PREFECT_API_URL Prefect would serve into a temporary server that forgets every run."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env["PREFECT_HOME"] = str(tmp_path / ".prefect")  # no profile that names a server either
    curation = os.path.join(os.path.dirname(sys.executable), "curation")
    out = subprocess.run([curation, "serve"], env=env, capture_output=True, text=True, timeout=120, check=False)
    assert out.returncode == 1 and "PREFECT_API_URL is not set" in out.stdout


def curation_ui(*args: str, **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "CURATION_PUBLIC"))}
    curation = os.path.join(os.path.dirname(sys.executable), "curation")
    return subprocess.run([curation, "ui", *args], env={**environ, **env}, capture_output=True, text=True,
                          timeout=120, check=False)


def test_ui_refuses_to_listen_beyond_loopback_without_a_login(tmp_path):
    out = curation_ui("--host", "0.0.0.0", "--port", "4999", PREFECT_HOME=str(tmp_path / ".prefect"))
    assert out.returncode == 1, out.stdout + out.stderr
    (line,) = out.stdout.strip().splitlines()  # one line, naming the setting and what to do
    assert "PREFECT_SERVER_API_AUTH_STRING=user:password" in line and "127.0.0.1" in line
    assert not (tmp_path / ".prefect").exists()  # refused before anything started


def test_ui_on_every_address_needs_the_public_address_stewards_open(tmp_path):
    out = curation_ui("--host", "0.0.0.0", "--port", "4999", PREFECT_SERVER_API_AUTH_STRING="steward:pw")
    assert out.returncode == 1 and "--public-url" in out.stdout and "CURATION_PUBLIC_URL" in out.stdout


def test_a_login_without_a_password_is_refused_too():
    out = curation_ui("--host", "10.1.2.3", PREFECT_SERVER_API_AUTH_STRING="steward")
    assert out.returncode == 1 and "user:password" in out.stdout
