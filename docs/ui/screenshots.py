"""Retake the README's screenshots of the steward's path through the Prefect UI.

Starts `curation ui` (Prefect server with the reports on the same address, and the deployments) on
a free port for a throwaway copy of the project whose inbox holds data/samples, then, in headless
Chromium (Debian's `chromium`), starts `curate` from its deployment form as a steward, waits for the
review pause, reads the review evidence, approves in the Resume form, follows its report link and
photographs each step into docs/ui/*.png. Every request the browser makes is recorded: the script
fails if one goes to another host than the server.

    .venv/bin/python docs/ui/screenshots.py        # about 3 minutes on a 2-core machine
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT)]
from test_ui import FLAGS, fill_resume_form

OUT = Path(__file__).resolve().parent


def wait_for(url: str, timeout: float = 240) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(1)
    raise TimeoutError(url)


def main() -> None:
    from playwright.sync_api import sync_playwright

    from flows.server import free_port

    if len(sys.argv) > 1:  # an already running `curation ui`, e.g. http://127.0.0.1:4200
        with sync_playwright() as p:
            context = p.chromium.launch_persistent_context(tempfile.mkdtemp(), executable_path="/usr/bin/chromium",
                                                           args=FLAGS, headless=True,
                                                           viewport={"width": 1400, "height": 900})
            steward_path(context.new_page(), sys.argv[1].rstrip("/"))
        return

    base = Path(tempfile.mkdtemp(prefix="curation-screenshots-"))
    shutil.copytree(ROOT / "policies", base / "policies")
    shutil.copytree(ROOT / "data" / "samples", base / "data" / "inbox")
    (base / "audit_logs").mkdir()
    port = free_port()
    ui = f"http://127.0.0.1:{port}"
    env = {**os.environ, "CURATION_HOME": str(base), "CURATION_KEY_DIR": str(base / ".keys"), "HF_HUB_OFFLINE": "1"}
    proc = subprocess.Popen([str(Path(sys.executable).with_name("curation")), "ui", "--port", str(port)], cwd=base,
                            env=env, stdout=open(base / "ui.log", "wb"), stderr=subprocess.STDOUT,  # noqa: SIM115
                            start_new_session=True)
    try:
        wait_for(f"{ui}/api/deployments/name/curate/curate")
        with sync_playwright() as p:
            context = p.chromium.launch_persistent_context(str(base / ".chromium"), executable_path="/usr/bin/chromium",
                                                           args=FLAGS, headless=True,
                                                           viewport={"width": 1400, "height": 900})
            requested: list[str] = []
            context.on("request", lambda request: requested.append(request.url))
            page = context.new_page()
            steward_path(page, ui)
            context.close()
        others = {u.split("/")[2] for u in requested if "://" in u} - {ui.split("/")[2]}
        if others:
            raise SystemExit(f"requests to other hosts than {ui}: {sorted(others)}")
        print(f"{len(requested)} requests, all to {ui}")
    finally:
        os.killpg(proc.pid, 15)
        proc.wait(timeout=60)
        shutil.rmtree(base, ignore_errors=True)


def api(ui: str, path: str, body: dict | None = None):
    request = urllib.request.Request(f"{ui}/api/{path}", data=json.dumps(body).encode() if body is not None else None,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def latest_run(ui: str, flow: str) -> str | None:
    """Id of the newest run of `flow`, None before the first."""
    body = {"flows": {"name": {"any_": [flow]}}, "sort": "EXPECTED_START_TIME_DESC", "limit": 1}
    runs = api(ui, "flow_runs/filter", body)
    return runs[0]["id"] if runs else None


def run_state(ui: str, run_id: str | None) -> str | None:
    return api(ui, f"flow_runs/{run_id}")["state_type"] if run_id else None


def wait_until(condition, timeout: float = 600) -> None:
    deadline = time.time() + timeout
    while not condition():
        if time.time() > deadline:
            raise TimeoutError("the runs did not get there in time")
        time.sleep(3)


def shot(page, name: str) -> None:
    page.wait_for_timeout(800)  # let charts and markdown settle
    page.screenshot(path=str(OUT / f"{name}.png"))
    print(f"docs/ui/{name}.png")


def steward_path(page, ui: str) -> None:
    page.goto(f"{ui}/deployments", wait_until="networkidle")
    shot(page, "1-deployments")

    # Start curate from its deployment's form, as a steward.
    href = page.locator("a[href^='/deployments/deployment/']", has_text="curate").first.get_attribute("href")
    page.goto(ui + href, wait_until="networkidle")
    page.get_by_role("button", name="Run", exact=True).click()
    page.get_by_text("Custom run").click()
    page.wait_for_load_state("networkidle")
    param = lambda name: page.locator(".schema-form-property", has=page.locator(
        ".schema-form-property__label", has_text=name)).locator("textarea, input").first
    param("requested_by").fill("Sam Steward")
    param("dataset").fill("samples")
    shot(page, "2-curate-form")
    page.get_by_role("button", name="Submit").click()
    page.wait_for_url("**/deployments/deployment/**?tab=Runs", timeout=60_000)
    curate_id = latest_run(ui, "curate")
    curate_url = f"{ui}/flow-runs/flow-run/{curate_id}"

    # Wait for the review pause, then decide in the Resume form.
    wait_until(lambda: run_state(ui, latest_run(ui, "review")) == "PAUSED")
    page.goto(curate_url, wait_until="networkidle")
    page.get_by_text("Subflow Runs").click()
    shot(page, "3-curate-waits-for-review")
    resume(page, ui, curate_id)


def resume(page, ui: str, curate_id: str) -> None:
    page.goto(f"{ui}/artifacts", wait_until="networkidle")
    open_latest_artifact(page, "review-evidence-samples")
    page.get_by_text("What changed").first.wait_for()
    shot(page, "4-review-evidence")
    page.goto(f"{ui}/flow-runs/flow-run/{latest_run(ui, 'review')}", wait_until="networkidle")
    form = fill_resume_form(page, "approve", "Rita Reviewer", "Report read; quarantine reasons and PII counts as expected.")
    report = form.locator("a[href*='/reports/']").first.get_attribute("href")
    shot(page, "5-resume-form")
    form.get_by_role("button", name="Submit").click()

    # The report link of the form, through the same address.
    page.goto(report, wait_until="networkidle")
    shot(page, "6-report")

    # The chain goes on to fine-tuning; then the runs' artifacts.
    wait_until(lambda: run_state(ui, curate_id) == "COMPLETED")
    page.goto(f"{ui}/flow-runs/flow-run/{curate_id}", wait_until="networkidle")
    page.get_by_text("Artifacts").first.click()
    shot(page, "7-curate-completed")
    page.goto(f"{ui}/artifacts", wait_until="networkidle")
    open_latest_artifact(page, "ingest-progress-samples")
    shot(page, "8-ingest-progress")
    page.goto(f"{ui}/artifacts", wait_until="networkidle")
    open_latest_artifact(page, "ingest-samples")
    page.get_by_text("PII replaced, by type").wait_for()
    shot(page, "9-ingest-summary")
    page.goto(f"{ui}/artifacts", wait_until="networkidle")
    open_latest_artifact(page, "quarantine-samples")
    page.get_by_text("license_noncommercial").first.wait_for()
    shot(page, "10-quarantine-table")


def open_latest_artifact(page, key: str) -> None:
    """From the Artifacts page: the key's history, then its newest artifact."""
    page.get_by_text(key, exact=True).click()
    page.locator("a[href^='/artifacts/artifact/']").first.click()
    page.wait_for_load_state("networkidle")


if __name__ == "__main__":
    main()
