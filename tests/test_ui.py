"""A steward in the Prefect UI, driven in headless Chromium (Debian's `chromium`, Playwright with
`executable_path`): the paused review is resumed through its form, no page of the steward's path
asks any host but the local server, and the v2 UI (which calls an analytics host) cannot be reached
from the v1 UI's banner or menu.

The README's screenshots come from docs/ui/screenshots.py, which drives the same form.
"""

from __future__ import annotations

import contextvars
import shutil
import tempfile
import threading
import time
from pathlib import Path

import pytest
from test_flows import STEWARD, live_stack, write_tickets
from tests_helpers import TICKETS_EN

pytestmark = pytest.mark.e2e

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium itself calls Google's hosts at start.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def live():
    """The Prefect server and runner of tests/test_flows.py: one per session."""
    yield from live_stack()


@pytest.fixture(scope="module")
def browser():
    """A fresh Chromium profile; yields (context, requested URLs)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: `apt-get install chromium` (.ci/run installs it)")
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="curation-chromium-")
    requested: list[str] = []
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, args=FLAGS, headless=True,
                                                       viewport={"width": 1400, "height": 1000})
        context.on("request", lambda request: requested.append(request.url))
        yield context, requested
        context.close()
    shutil.rmtree(profile, ignore_errors=True)


def fill_resume_form(page, decision: str, reviewer: str, comment: str):
    """On a paused run's page: press Resume and fill the review form (docs/ui/screenshots.py takes
    the same steps). Returns the form, not yet submitted."""
    page.get_by_role("button", name="Resume").click()
    form = page.locator(".p-modal__card")
    form.get_by_text("awaits your review").wait_for()
    # The decision is a select: it opens from the keyboard (a synthetic click toggles it shut).
    form.locator(".p-select-button__control").focus()
    page.keyboard.press("Space")
    page.locator(".p-select-option", has_text=decision).click()
    for label, value in (("Reviewer", reviewer), ("Comment", comment)):
        form.locator(".schema-form-property", has=page.locator(".schema-form-property__label", has_text=label)) \
            .locator("textarea, input").fill(value)
    return form


def hosts(urls: list[str]) -> set[str]:
    return {u.split("/")[2] for u in urls if u.startswith(("http://", "https://", "ws://", "wss://"))}


@pytest.fixture(scope="module")
def paused_review(live, tmp_path_factory):
    """A pending_review version and the review flow paused on it, run from this process (the UI
    does not care which process waits on the pause): (run id, thread, outcome)."""
    from conftest import make_workspace, workspace_env

    from curation.ingest import pipeline
    from curation.policy import load_policy
    from flows.review import review_flow

    root = make_workspace(tmp_path_factory.mktemp("ui") / "ws")
    with workspace_env(root) as ws:
        write_tickets(ws.inbox / "faq", TICKETS_EN[:12])
        built = pipeline.ingest_and_build(ws, ws.inbox, "faq", load_policy(ws.default_policy), actor=STEWARD)
        outcome: dict = {}
        # The thread runs in a copy of this context: it holds the Prefect settings of `live`.
        run = lambda: outcome.update(status=review_flow(built.build.version_id, requested_by=STEWARD))
        worker = threading.Thread(target=contextvars.copy_context().run, args=(run,), daemon=True)
        worker.start()
        yield ws, built.build.version_id, paused_run(built.build.version_id), worker, outcome


def paused_run(version_id: str, timeout: float = 120) -> str:
    from prefect import get_client
    from prefect.client.schemas.filters import (
        FlowRunFilter,
        FlowRunFilterState,
        FlowRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType

    deadline = time.time() + timeout
    with get_client(sync_client=True) as client:
        while time.time() < deadline:
            for run in client.read_flow_runs(flow_run_filter=FlowRunFilter(
                    state=FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType.PAUSED])))):
                if run.parameters.get("version_id") == version_id:
                    return str(run.id)
            time.sleep(1)
    raise TimeoutError(f"no paused review of {version_id} within {timeout} s")


def test_steward_resumes_the_paused_review_in_the_ui_and_the_run_completes(live, browser, paused_review):
    ws, version_id, review_id, worker, outcome = paused_review
    context, requested = browser
    page = context.new_page()
    page.goto(f"{live.ui}/deployments", wait_until="networkidle")
    page.goto(f"{live.ui}/flow-runs/flow-run/{review_id}", wait_until="networkidle")
    form = fill_resume_form(page, "approve", "Uma UI-Reviewer", "Checked the report and the card.")
    for _ in range(3):  # SQLite under load can refuse a write ("database is locked"): submit again
        with page.expect_response(lambda r: r.url.endswith(f"/flow_runs/{review_id}/resume")) as response:
            form.get_by_role("button", name="Submit").click()
        if response.value.ok:
            break
        page.wait_for_timeout(2000)
    assert response.value.ok, response.value.text()
    worker.join(timeout=120)
    assert outcome == {"status": "approved"}
    page.reload(wait_until="networkidle")
    page.get_by_text("Completed").first.wait_for()

    assert ws.catalog().version(version_id)["status"] == "approved"
    (review,) = ws.catalog().reviews(version_id)
    assert (review["reviewer"], review["flow_run_id"]) == ("Uma UI-Reviewer", review_id)
    assert hosts(requested) == {live.ui.split("/")[2]}, sorted(hosts(requested))


def test_artifacts_render_in_the_ui_from_local_requests_only(live, browser, paused_review):
    context, requested = browser
    before = len(requested)
    page = context.new_page()
    for path in ("/dashboard", "/flow-runs", "/artifacts"):
        page.goto(live.ui + path, wait_until="networkidle")
    page.get_by_text("review-faq", exact=True).click()  # the key's history
    page.locator("a[href^='/artifacts/artifact/']").first.click()  # its newest artifact
    page.get_by_text("Uma UI-Reviewer").first.wait_for()
    assert hosts(requested[before:]) == {live.ui.split("/")[2]}


def local_only(requested: list[str], ui: str) -> bool:
    return hosts(requested) == {ui.split("/")[2]}


def test_the_dashboard_offers_no_v2_ui(live, browser):
    """The v2 UI asks an analytics host for its configuration on every page load: the server lists
    only v1 (flows/server_app.py), so neither the dashboard's "Try V2 UI" banner nor the menu's
    "Switch to V2 UI" entry is there to click."""
    context, requested = browser
    before = len(requested)
    page = context.new_page()
    with page.expect_response(lambda r: r.url.endswith("/ui-settings")) as settings:
        page.goto(f"{live.ui}/dashboard", wait_until="networkidle")
    assert settings.value.json()["available_uis"] == ["v1"]
    page.get_by_text("Settings", exact=True).wait_for()  # the menu is drawn, its last entry included
    page.locator("[class*=workspace-dashboard]").first.wait_for()  # and the dashboard
    assert page.get_by_text("Try V2 UI").count() == 0 and page.get_by_text("Switch to V2 UI").count() == 0
    assert local_only(requested[before:], live.ui), sorted(hosts(requested[before:]))
    page.close()


def test_the_v2_banner_and_menu_entry_lead_nowhere_off_the_machine(live, browser):
    """Were they shown (settings as Prefect itself reports them, e.g. to a browser holding an older
    page), clicking them reaches the server's 404 for /v2, and no request leaves the machine."""
    context, requested = browser
    before = len(requested)
    page = context.new_page()

    def offer_v2(route):
        settings = route.fetch().json()
        route.fulfill(json={**settings, "available_uis": ["v1", "v2"], "v2_base_url": "/v2"})

    page.route("**/ui-settings", offer_v2)
    for clicked in ("Try V2 UI", "Switch to V2 UI"):
        page.goto(f"{live.ui}/dashboard", wait_until="networkidle")
        with page.expect_navigation(url="**/v2/**") as landed:
            page.get_by_text(clicked, exact=True).click()
        assert landed.value.status == 404, clicked
        page.wait_for_timeout(3000)  # time for any script of a page to call out
    assert local_only(requested[before:], live.ui), sorted(hosts(requested[before:]))
    page.close()


def test_the_v2_ui_is_not_served(live, browser):
    context, requested = browser
    before = len(requested)
    page = context.new_page()
    response = page.goto(f"{live.ui}/v2/dashboard", wait_until="load")
    assert response.status == 404
    page.wait_for_timeout(3000)
    assert local_only(requested[before:], live.ui), sorted(hosts(requested[before:]))
    page.close()
