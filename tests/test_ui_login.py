"""`curation ui` bound beyond loopback, as a steward on another machine meets it: the server asks
for Prefect's login, the deployments it serves still run (its clients send the credential), and
every link a steward is shown starts with the one public address and loads through it (issue 21).

A real `curation ui --host 0.0.0.0` on a free port, a real review run from its deployment, and the
steward's path in headless Chromium: log in, open the paused run, follow the report and card links
from the Resume form, approve.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import make_workspace, workspace_env
from test_flows import REVIEWER, STEWARD, _postgres, write_policy, write_tickets
from test_ui import CHROMIUM, FLAGS, fill_resume_form, hosts
from tests_helpers import TICKETS_EN

from flows import postgres

pytestmark = pytest.mark.e2e

LOGIN = "steward:correct horse 7"


@dataclass
class Served:
    root: Path
    ui: str  # the public address: here the server's own, on loopback
    version_id: str
    run_id: str


def api(served: Served, path: str, body: dict | None = None, login: str | None = LOGIN):
    """A JSON call to the server's API; `login`: the credential sent (None: none)."""
    headers = {"Content-Type": "application/json"}
    if login:
        headers["Authorization"] = "Basic " + base64.b64encode(login.encode()).decode()
    request = urllib.request.Request(f"{served.ui}/api/{path}", headers=headers,
                                     data=json.dumps(body).encode() if body is not None else None)
    for attempt in range(5):
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.load(response)
        except urllib.error.HTTPError as exc:  # 503: SQLite busy under load; the server says retry
            if exc.code != 503 or attempt == 4:
                raise
            time.sleep(2)


def status_of(url: str, login: str | None = None) -> int:
    request = urllib.request.Request(url)
    if login:
        request.add_header("Authorization", "Basic " + base64.b64encode(login.encode()).decode())
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def wait_for_state(served: Served, run_id: str, state: str, timeout: float = 300) -> dict:
    deadline = time.time() + timeout
    while time.time() < deadline:
        run = api(served, f"flow_runs/{run_id}")
        if run["state_type"] == state:
            return run
        if run["state_type"] in ("FAILED", "CRASHED", "CANCELLED"):
            raise AssertionError(f"review run ended {run['state_type']}: {run['state']['message']}")
        time.sleep(2)
    raise TimeoutError(f"review run not {state} within {timeout} s")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A pending_review version, `curation ui --host 0.0.0.0` with a login over its workspace, and
    a review run started from the served deployment, paused for the steward."""
    from curation.ingest import pipeline
    from curation.policy import load_policy
    from flows.server import free_port

    base = Path(tempfile.mkdtemp(prefix="curation-login-"))
    root = make_workspace(base / "ws")
    write_policy(root, review={"stewards": [REVIEWER]})
    with workspace_env(root) as ws:
        write_tickets(ws.inbox / "faq", TICKETS_EN[:12])
        version_id = pipeline.ingest_and_build(ws, ws.inbox, "faq", load_policy(ws.default_policy),
                                               actor=STEWARD).build.version_id
    port = free_port()
    ui = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "CURATION_PUBLIC"))}
    env.update(CURATION_HOME=str(root), CURATION_KEY_DIR=str(base / "keys"), HF_HUB_OFFLINE="1",
               PREFECT_SERVER_API_AUTH_STRING=LOGIN)
    # Prefect on PostgreSQL where it is installed, as in production: under load SQLite answered a
    # steward's Resume with 503 Service Unavailable (tests/test_flows.py runs on it too).
    if database_url := _postgres(base):
        env["PREFECT_API_DATABASE_CONNECTION_URL"] = database_url
    proc = subprocess.Popen([str(Path(sys.executable).with_name("curation")), "ui", "--host", "0.0.0.0", "--port",
                             str(port), "--public-url", ui], cwd=root, env=env, stdout=open(base / "ui.log", "wb"),  # noqa: SIM115
                            stderr=subprocess.STDOUT, start_new_session=True)
    try:
        served = Served(root, ui, version_id, "")
        deadline = time.time() + 300  # a server start takes 25-60 s on a loaded 2-core machine
        while True:
            try:
                deployment = api(served, "deployments/name/review/review")
                break
            except OSError:
                if time.time() > deadline or proc.poll() is not None:
                    raise AssertionError("curation ui did not serve review/review: "
                                         + (base / "ui.log").read_text(errors="replace")[-2000:]) from None
                time.sleep(2)
        run = api(served, f"deployments/{deployment['id']}/create_flow_run",
                  {"parameters": {"version_id": version_id, "requested_by": STEWARD}})
        served.run_id = run["id"]
        wait_for_state(served, served.run_id, "PAUSED")
        yield served
    finally:
        os.killpg(proc.pid, 15)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
        if database_url:
            postgres.stop(base)
        shutil.rmtree(base, ignore_errors=True)


def test_the_api_and_the_reports_demand_the_login(served):
    with pytest.raises(urllib.error.HTTPError) as refused:
        api(served, "deployments/name/review/review", login=None)
    assert refused.value.code == 401
    assert status_of(f"{served.ui}/api/flow_runs/{served.run_id}", login="steward:wrong") == 401
    report = f"{served.ui}/reports/{served.version_id}.html"
    assert status_of(report) == 401 and status_of(report, login=LOGIN) == 200
    assert api(served, f"flow_runs/{served.run_id}")["state_type"] == "PAUSED"  # with the login


def test_the_served_deployment_ran_with_the_login_and_linked_the_public_address(served):
    """The review run reached its pause: its process read the deployment and wrote its artifacts
    through the authenticated API. Every address it published starts with the public one."""
    artifacts = api(served, "artifacts/filter", {"artifacts": {"flow_run_id": {"any_": [served.run_id]}}})
    assert {a["key"] for a in artifacts} >= {"review-evidence-faq"}
    urls = re.findall(r"(?:https?|file)://[^\s)\]>\"']+", json.dumps(artifacts))
    assert all(u.startswith(served.ui + "/") for u in urls), urls


def test_a_steward_logs_in_follows_the_links_of_the_resume_form_and_approves(served):
    from playwright.sync_api import sync_playwright

    user, password = LOGIN.split(":", 1)
    profile = tempfile.mkdtemp(prefix="curation-chromium-")
    requested: list[str] = []
    try:
        with sync_playwright() as p:
            context = p.chromium.launch_persistent_context(
                profile, executable_path=CHROMIUM, args=FLAGS, headless=True, viewport={"width": 1400, "height": 1000},
                http_credentials={"username": user, "password": password})  # the report's Basic challenge
            context.on("request", lambda request: requested.append(request.url))
            page = context.new_page()
            page.goto(f"{served.ui}/dashboard", wait_until="networkidle")
            page.locator("input[type=password]").fill(LOGIN)  # Prefect's login page
            page.get_by_role("button", name="Login").click()
            page.wait_for_load_state("networkidle")
            page.goto(f"{served.ui}/flow-runs/flow-run/{served.run_id}", wait_until="networkidle")
            form = fill_resume_form(page, "approve", REVIEWER, "Report and card read.")
            links = [a.get_attribute("href") for a in form.locator("a[href]").all()]
            report = f"{served.ui}/reports/{served.version_id}.html"
            assert report in links and f"{report}#dataset-card" in links, links
            assert all(link.startswith(served.ui + "/") for link in links), links

            card = context.new_page()  # the link as a steward follows it, through the same origin
            card.goto(f"{report}#dataset-card", wait_until="load")
            card.locator("#dataset-card").wait_for()
            assert "Dataset card" in card.locator("#dataset-card").inner_text()
            card.close()

            with page.expect_response(lambda r: r.url.endswith(f"/flow_runs/{served.run_id}/resume")) as response:
                form.get_by_role("button", name="Submit").click()
            assert response.value.ok, response.value.text()
            context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    wait_for_state(served, served.run_id, "COMPLETED")
    assert hosts(requested) == {served.ui.split("/")[2]}, sorted(hosts(requested))

    link = api(served, "artifacts/filter", {"artifacts": {"key": {"any_": ["report-faq"]}}})[0]["data"]
    assert f"]({served.ui}/reports/{served.version_id}.html)" in link
    with workspace_env(served.root) as ws:
        (review,) = ws.catalog().reviews(served.version_id)
    assert (review["reviewer"], review["flow_run_id"]) == (REVIEWER, served.run_id)
