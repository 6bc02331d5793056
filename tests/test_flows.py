"""The flows on a real Prefect server with the deployments served by `curation serve`, as a steward
and the scheduler use them: curate triggered and resumed through the API, scheduled ingestion,
two ingest runs at once, and no personal data in what Prefect stores (a Dask cluster: see
tests/test_flows_dask.py).

One server and one `curation serve` process are shared by this module and tests/test_ui.py
(`live`, below): starting a server costs 25-50 s on a small machine.
"""

from __future__ import annotations

import atexit
import contextvars
import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
import yaml
from conftest import make_workspace
from tests_helpers import TICKETS_EN, all_text_under

from curation.sources.paths import stored_path
from flows import postgres

pytestmark = pytest.mark.e2e

# Planted in the inbox of the served workspace: neither may reach Prefect's database.
PLANTED_NAME = "Margaret Thornbury"
PLANTED_EMAIL = "margaret.thornbury@example.com"
# Canaries (issue: nothing leaked, whatever happens): unique values of every kind, searched for in
# every file the whole path writes and in Prefect's database.
PLANTED_PHONE = "(617) 555-0142"
PLANTED_MY_NUMBER = "4829 1730 5620"  # check digit valid (番号法施行令 第8条)
PLANTED_JA_PHONE = "090-4821-7730"
# Values that are not document text: a broken SOURCE.yaml's snippet, a personal file name, CSV and
# Parquet column names, an invalid license value (issue 18). Messages name their kind, never them.
PLANTED_YAML = "Quentin Ashgrove-Pell"
PLANTED_FILE = "cv_jane_roe"
PLANTED_CSV_COLUMN = "salary_of_hiroshi_kondo"
PLANTED_PARQUET_COLUMN = "ssn_of_akiko_mori"
PLANTED_LICENSE = "Licensed solely to Quentin"
CANARIES = [PLANTED_NAME, PLANTED_EMAIL, PLANTED_PHONE, PLANTED_MY_NUMBER, PLANTED_JA_PHONE, PLANTED_YAML,
            PLANTED_FILE, PLANTED_CSV_COLUMN, PLANTED_PARQUET_COLUMN, PLANTED_LICENSE]
# What those add to the curate run's ingest: the named file and the CSV row are accepted; the
# Parquet file (no text column), the broken source and the unlicensed one are quarantined.
EXTRA_ACCEPTED = 2
EXTRA_QUARANTINED = ["unexpected_schema", "invalid_source_yaml", "license_invalid"]
STEWARD = "Sam Steward"
REVIEWER = "Rita Reviewer"
SCHEDULE = {"cron": "30 1 * * 1-5", "timezone": "Asia/Tokyo", "dataset": "nightly", "active": True}


@dataclass
class Live:
    """A Prefect server on a free loopback port and `curation serve` against it, for a workspace."""

    root: Path  # CURATION_HOME of the served flow runs
    api: str
    ui: str
    prefect_home: Path
    server: subprocess.Popen
    runner: subprocess.Popen
    env: dict


def write_policy(root: Path, **sections) -> Path:
    """The project's default policy with some sections replaced (comments are not kept)."""
    path = root / "policies" / "default.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key, value in sections.items():
        data[key] = {**data.get(key, {}), **value}
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def write_tickets(folder: Path, texts: list[str], license: str = "MIT", extra_lines: str = "") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "SOURCE.yaml").write_text(f"license: {license}\nlanguage: en\n")
    (folder / "t.jsonl").write_text("\n".join(json.dumps({"text": t}) for t in texts) + "\n" + extra_lines)


def plant_non_text_canaries(inbox: Path) -> None:
    """The sources and files whose names, columns and SOURCE.yaml values are canaries."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    tickets = inbox / "tickets"
    # Texts of their own: a near-copy of a ticket would be dropped as a duplicate.
    (tickets / f"{PLANTED_FILE}.txt").write_text("Ticket 950: the badge reader at the east entrance rejects "
                                                 "cards issued before March; facilities ordered a firmware fix.")
    (tickets / "columns.csv").write_text(f"text,{PLANTED_CSV_COLUMN}\n\"Ticket 951: the nightly wiki backup finished "
                                         "late because the storage node rebooted during the copy.\",x\n")
    pq.write_table(pa.table({PLANTED_PARQUET_COLUMN: ["x"]}), tickets / "columns.parquet")
    broken = inbox / "vendor_notes"
    broken.mkdir(parents=True, exist_ok=True)
    (broken / "SOURCE.yaml").write_text(f"license: MIT\nowner: {PLANTED_YAML}: {PLANTED_EMAIL}\n")
    (broken / "a.txt").write_text("Ticket 952: the vendor's delivery notes arrive as scans without a text layer.")
    unlicensed = inbox / "licensed"
    unlicensed.mkdir(parents=True, exist_ok=True)
    (unlicensed / "SOURCE.yaml").write_text(f"license: {PLANTED_LICENSE} {PLANTED_YAML}\n")
    (unlicensed / "a.txt").write_text("Ticket 953: the licensed vendor manual is missing its index pages.")


def wait_for_deployments(api: str, timeout: float = 120) -> None:
    import urllib.request

    names = ["ingest/ingest", "ingest/ingest-scheduled", "review/review", "finetune/finetune", "curate/curate"]
    deadline = time.time() + timeout
    while names and time.time() < deadline:
        try:
            with urllib.request.urlopen(f"{api}/deployments/name/{names[0]}", timeout=2):
                names.pop(0)
        except OSError:
            time.sleep(1)
    if names:
        raise TimeoutError(f"`curation serve` did not register {names} within {timeout} s")


def prefect_database(live: Live) -> bytes:
    """What Prefect's database holds, as bytes: a plain `pg_dump` of the PostgreSQL database (long
    values are compressed in its files), or the SQLite files themselves."""
    cluster, password_file, _ = postgres.paths(live.prefect_home.parent)
    if not (cluster / "postmaster.pid").exists():
        return b"".join(p.read_bytes() for p in live.prefect_home.glob("*.db*"))
    port = (cluster / "postmaster.pid").read_text().splitlines()[3].strip()
    return subprocess.run([str(postgres.bin_dir() / "pg_dump"), "-h", "127.0.0.1", "-p", port, "-U", postgres.USER,
                           postgres.DATABASE], env={**os.environ, "PGPASSWORD": password_file.read_text().strip()},
                          check=True, capture_output=True).stdout


def _postgres(base: Path) -> str | None:
    """The flows and UI tests run on the production setup, Prefect on PostgreSQL (flows/postgres.py),
    where its server programs are installed (`make test` installs them; tests/test_prefect_postgres.py
    fails without them); elsewhere on SQLite."""
    from flows.server import free_port

    try:
        postgres.bin_dir()
    except postgres.PostgresUnavailable:
        return None
    os.chmod(base, 0o755)  # under root the cluster runs as the postgres user, who must reach it
    return postgres.start(base, free_port())


@functools.cache
def _live() -> Live:
    from curation.policy import load_policy
    from flows.server import free_port, server_env, start, stop

    base = Path(tempfile.mkdtemp(prefix="curation-live-"))
    root = make_workspace(base / "ws")
    # Short training keeps the chain quick; the schedule differs from the default on purpose.
    policy_file = write_policy(root, training={"max_steps": 20, "save_steps": 0}, schedule=SCHEDULE)
    policy = load_policy(policy_file)
    port = free_port()
    database_url = _postgres(base)
    server = start(base, policy, port, log=base / "prefect-server.log", reports=root / "data" / "reports",
                   database_url=database_url)
    env = {**os.environ, **server_env(base, policy, port), "CURATION_HOME": str(root),
           "CURATION_KEY_DIR": str(base / "keys"), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    runner = subprocess.Popen([str(Path(sys.executable).with_name("curation")), "serve"], cwd=root, env=env,
                              stdout=open(base / "serve.log", "ab"), stderr=subprocess.STDOUT,  # noqa: SIM115
                              start_new_session=True)
    live = Live(root, f"http://127.0.0.1:{port}/api", f"http://127.0.0.1:{port}", base / ".prefect", server, runner, env)
    keep = os.environ.get("CURATION_KEEP_LIVE")  # debugging: keep logs, state and workspace
    atexit.register(lambda: (stop(runner), stop(server), database_url and postgres.stop(base),
                             keep or shutil.rmtree(base, ignore_errors=True)))
    wait_for_deployments(live.api)
    return live


def live_stack():
    """The shared server and runner, with this process's Prefect client pointed at them; a
    generator for the `live` fixture of each module that needs it (tests/test_ui.py too)."""
    from prefect.settings import PREFECT_API_URL, PREFECT_HOME, temporary_settings

    stack = _live()
    with temporary_settings(updates={PREFECT_API_URL: stack.api, PREFECT_HOME: stack.prefect_home}):
        yield stack


@pytest.fixture(scope="session")
def live():
    yield from live_stack()


def wait_for_run(run_id: str, *, states: tuple[str, ...] = ("COMPLETED",), timeout: float = 300):
    """The flow run once it reaches one of `states`; fails fast if it ends otherwise."""
    from prefect import get_client

    deadline = time.time() + timeout
    with get_client(sync_client=True) as client:
        while time.time() < deadline:
            run = client.read_flow_run(run_id)
            if run.state and run.state.type.value in states:
                return run
            if run.state and run.state.is_final():
                raise AssertionError(f"flow run {run.name} ended {run.state.type.value}: {run.state.message}")
            time.sleep(1)
    raise TimeoutError(f"flow run {run_id} not {states} within {timeout} s")


def paused_child(parent_id: str, flow_name: str, timeout: float = 240) -> str:
    """The id of the paused `flow_name` subflow run of `parent_id` (waits for the pause)."""
    from prefect import get_client
    from prefect.client.schemas.filters import (
        FlowFilter,
        FlowFilterName,
        FlowRunFilter,
        FlowRunFilterParentFlowRunId,
    )

    deadline = time.time() + timeout
    with get_client(sync_client=True) as client:
        while time.time() < deadline:
            runs = client.read_flow_runs(
                flow_filter=FlowFilter(name=FlowFilterName(any_=[flow_name])),
                flow_run_filter=FlowRunFilter(parent_flow_run_id=FlowRunFilterParentFlowRunId(any_=[parent_id])))
            if runs and runs[0].state and runs[0].state.is_paused():
                return str(runs[0].id)
            parent = client.read_flow_run(parent_id)
            if parent.state and parent.state.is_final():
                raise AssertionError(f"curate run ended {parent.state.type.value} before pausing: {parent.state.message}")
            time.sleep(1)
    raise TimeoutError(f"no paused {flow_name} run under {parent_id} within {timeout} s")


def artifacts_of(run_ids: list[str]) -> list:
    from prefect import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    with get_client(sync_client=True) as client:
        return client.read_artifacts(artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=run_ids)))


def child_runs(parent_id: str) -> dict[str, str]:
    """flow name -> run id of the subflow runs of `parent_id`."""
    from prefect import get_client
    from prefect.client.schemas.filters import (
        FlowRunFilter,
        FlowRunFilterParentFlowRunId,
    )

    with get_client(sync_client=True) as client:
        runs = client.read_flow_runs(
            flow_run_filter=FlowRunFilter(parent_flow_run_id=FlowRunFilterParentFlowRunId(any_=[parent_id])))
        flows = {f.id: f.name for f in client.read_flows()}
        return {flows[r.flow_id]: str(r.id) for r in runs}


@pytest.fixture(scope="module", autouse=True)
def curate_started(live):
    """The curate deployment triggered through the API as soon as the runner serves it: the served
    run works in its own process while the tests before `curated` run here."""
    from prefect.deployments import run_deployment

    write_tickets(live.root / "data" / "inbox" / "tickets",
                  [*TICKETS_EN, f"Ticket 900: {PLANTED_NAME} asks that invoices go to {PLANTED_EMAIL} from now on.",
                   f"Ticket 901: {PLANTED_NAME} can be reached on {PLANTED_PHONE} for the invoice question."],
                  extra_lines=f'{{"text": "broken line of {PLANTED_NAME} <{PLANTED_EMAIL}>"\n')
    ja = live.root / "data" / "inbox" / "otoiawase"
    ja.mkdir(parents=True, exist_ok=True)
    (ja / "SOURCE.yaml").write_text("license: MIT\nlanguage: ja\n")
    (ja / "q.txt").write_text(f"田中様、お問い合わせの件です。マイナンバーは {PLANTED_MY_NUMBER} で登録済みです。"
                              f"折り返しは {PLANTED_JA_PHONE} までお願いします。", encoding="utf-8")
    plant_non_text_canaries(live.root / "data" / "inbox")
    run = run_deployment("curate/curate", parameters={"requested_by": STEWARD, "dataset": "tickets"}, timeout=0)
    return str(run.id), time.time()


@pytest.fixture(scope="module")
def curated(live, curate_started):
    """The curate run, its review resumed through the API with an approval, run to completion."""
    from prefect.flow_runs import resume_flow_run

    run_id, started = curate_started
    review_id = paused_child(run_id, "review")
    resume_flow_run(review_id, run_input={"decision": "approve", "reviewer": REVIEWER, "comment": "spot-checked 5"})
    done = wait_for_run(run_id)
    print(f"curate through the served deployment: {time.time() - started:.0f} s")
    return {"run": done, "review_id": review_id, "children": child_runs(run_id)}


def test_scheduled_deployment_follows_the_policys_cron_and_time_zone(live):
    from prefect import get_client

    with get_client(sync_client=True) as client:
        deployment = client.read_deployment_by_name("ingest/ingest-scheduled")
    (schedule,) = deployment.schedules
    assert (schedule.schedule.cron, schedule.schedule.timezone, schedule.active) == ("30 1 * * 1-5", "Asia/Tokyo", True)
    assert deployment.parameters["only_new"] is True and deployment.parameters["dataset"] == "nightly"
    assert deployment.parameters["requested_by"] == "scheduler"


def task_seconds(flow_run_id: str) -> float:
    """Time spent in the task runs of a flow run: the run's own work, without Prefect's bookkeeping."""
    from prefect import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    with get_client(sync_client=True) as client:
        tasks = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])))
    return sum(t.total_run_time.total_seconds() for t in tasks)


def test_scheduled_runs_ingest_only_new_files_and_skip_an_unchanged_inbox(live, workspace):
    """The flow with the parameters the scheduler passes: new files, more new files arriving in
    between, then nothing new, twice (which must start no ingest and cost < 5 % of the first)."""
    from prefect import get_client

    from flows.ingest import ingest_flow

    with get_client(sync_client=True) as client:
        scheduled = client.read_deployment_by_name("ingest/ingest-scheduled").parameters
    params = {**scheduled, "policy_file": ""}  # this test's workspace, not the served one
    cases = [f"Case {i}: {TICKETS_EN[i % 30].split(': ', 1)[1]}" for i in range(120)]
    write_tickets(workspace.inbox / "tickets", cases[:100])
    first = ingest_flow(**params, return_state=True)
    write_tickets(workspace.inbox / "more", cases[100:])
    second = ingest_flow(**params, return_state=True)
    unchanged = [ingest_flow(**params, return_state=True) for _ in range(2)]

    a, b, *c = (s.result() for s in (first, second, *unchanged))
    assert a["summary"]["outcomes"] == {"accepted": 100} and a["summary"]["files_unchanged"] == 0
    assert b["summary"]["outcomes"] == {"accepted": 20} and b["summary"]["files_unchanged"] == 1
    assert c == [{"skipped": True, "dataset": "nightly", "inbox": str(workspace.inbox)}] * 2
    catalog = workspace.catalog()
    assert len(catalog.ingest_runs("nightly")) == 2  # the unchanged runs started no ingest at all
    assert [v["n_rows"] for v in catalog.versions()] == [100, 120]
    first_s = task_seconds(str(first.state_details.flow_run_id))
    skip_s = min(task_seconds(str(s.state_details.flow_run_id)) for s in unchanged)
    # The time itself is bench/incremental.py's figure (timed assertions fail on a loaded machine).
    print(f"first scheduled run {first_s:.2f} s of task time, run over the unchanged inbox {skip_s:.3f} s "
          f"({100 * skip_s / first_s:.1f} %)")


def catalog_contents(root: Path) -> dict:
    """Catalog rows that do not depend on run ids or clocks."""
    with duckdb.connect(str(root / "data" / "catalog.duckdb"), read_only=True) as con:
        q = lambda sql: sorted(con.execute(sql).fetchall())
        return {
            "documents": q("SELECT doc_id, source, path, record, language, license_expression, license_class, "
                           "text_anonymized, n_chars, dup_key, residual_pii FROM documents"),
            "pii_counts": q("SELECT * FROM pii_counts"),
            "items": q("SELECT source, path, record, outcome, reason, message, doc_id FROM ingest_items"),
            "files": q("SELECT path, digest, n_items FROM files"),
            "versions": q("SELECT version_id, status, n_rows FROM dataset_versions"),
        }


def test_curate_deployment_pauses_for_review_and_trains_after_approval(live, curated):
    from curation.audit.log import verify
    from curation.workspace import Workspace

    ws = Workspace(live.root)
    (version,) = ws.catalog().versions()
    assert version["status"] == "approved"
    (review,) = ws.catalog().reviews(version["version_id"])
    assert review["reviewer"] == REVIEWER and review["flow_run_id"] == curated["review_id"]
    (training,) = ws.catalog().training_runs(version["version_id"])
    assert training["status"] == "finished" and (Path(training["output_dir"]) / "README.md").is_file()
    assert verify(ws.audit_dir).ok
    records = list(ws.audit().records())
    approved = next(r for r in records if r["event"] == "review.approved")
    assert approved["actor"] == REVIEWER and approved["flow_run_id"] == curated["review_id"]
    assert approved["data"]["deployment"] == "curate"
    started = [r for r in records if r["event"] == "flow_run.started"]
    assert {r["data"]["flow"] for r in started} == {"curate", "ingest", "review", "finetune"}
    assert all(r["actor"] == STEWARD and r["data"]["deployment"] == "curate" and r["flow_run_id"] for r in started)


def test_each_run_publishes_summary_quarantine_table_and_report_link(live, curated):
    by_key = {a.key: a for a in artifacts_of([curated["children"]["ingest"]])}
    summary = by_key["ingest-tickets"].data
    for part in (f"accepted: {len(TICKETS_EN) + 3 + EXTRA_ACCEPTED}", f"quarantined: {1 + len(EXTRA_QUARANTINED)}",
                 "malformed_json: 1", "## PII replaced, by type", "PERSON",
                 "EMAIL_ADDRESS", "MIT (allow)", "## Expectations", "pending_review"):
        assert part in summary, part
    assert "expectations pass" in by_key["checks-tickets"].data  # the HTML report's check results too
    assert "failing-documents-tickets" in by_key
    table = json.loads(by_key["quarantine-tickets"].data)  # columns: path, record, reason, message
    assert sorted(table["reason"]) == sorted(["malformed_json", *EXTRA_QUARANTINED])
    assert table["path"][table["reason"].index("malformed_json")] == stored_path("tickets/t.jsonl")
    link = by_key["report-tickets"].data  # a link artifact is stored as markdown: [text](url)
    assert link.startswith("[HTML report of tickets version") and link.endswith(".html)")
    keys = {a.key for a in artifacts_of(list(curated["children"].values()) + [str(curated["run"].id)])}
    assert {"review-tickets", "curate-tickets"} <= keys and any(k.startswith("finetune-") for k in keys)


def test_pending_reviews_are_listed_until_a_steward_decides(live, curated):
    """The ingest run lists its version among those waiting for review (with its report); the
    review run, once decided, publishes the list again without it."""
    waiting = json.loads({a.key: a for a in artifacts_of([curated["children"]["ingest"]])}["pending-reviews"].data)
    assert "tickets" in waiting["dataset"]
    version = waiting["version"][waiting["dataset"].index("tickets")]
    assert len(version) == 16 and waiting["report"][waiting["dataset"].index("tickets")].endswith(".html")
    after = json.loads({a.key: a for a in artifacts_of([curated["children"]["review"]])}["pending-reviews"].data)
    assert version not in after["version"]


def test_a_review_without_a_version_id_says_when_none_is_pending(live, workspace):
    from flows.review import review_flow

    assert review_flow(requested_by="Dana") == "nothing_pending"


def test_the_pending_reviews_are_listed_newest_first(workspace):
    """What a review without a version id takes: the first of `pending_reviews`, the newest."""
    from curation.ingest import pipeline
    from curation.policy import load_policy
    from flows.run_context import pending_reviews

    policy = load_policy(workspace.default_policy)
    built = []
    for dataset, texts in (("older", TICKETS_EN[:10]), ("newer", TICKETS_EN[10:20])):
        write_tickets(workspace.root / dataset / "tickets", texts)  # an inbox per dataset, one source each
        built.append(pipeline.ingest_and_build(workspace, workspace.root / dataset, dataset, policy).build.version_id)
    assert [v["version_id"] for v in pending_reviews(workspace)] == built[::-1]


def test_every_link_the_runs_publish_starts_with_the_public_address_and_is_served(live, curated):
    """Issue 21: one address for every link a steward is shown (CURATION_PUBLIC_URL, here the
    server's own); the report behind it is served by the same server, under /reports/."""
    import re
    import urllib.request

    runs = list(curated["children"].values()) + [str(curated["run"].id)]
    published = " ".join(f"{a.data} {a.description or ''}" for a in artifacts_of(runs))
    urls = re.findall(r"(?:https?|file)://[^\s)\]>\"']+", published)
    assert urls and all(u.startswith(live.ui + "/") for u in urls), urls
    report = next(u for u in urls if "/reports/" in u)
    with urllib.request.urlopen(report, timeout=30) as response:
        assert "Dataset card" in response.read().decode("utf-8")


def test_the_ingest_run_shows_its_progress_with_stage_and_counts(live, curated):
    progress = {a.key: a for a in artifacts_of([curated["children"]["ingest"]])}["ingest-progress-tickets"]
    assert progress.type == "progress" and float(progress.data) == 100.0
    assert progress.description.startswith("done: ") and f"accepted {len(TICKETS_EN) + 3 + EXTRA_ACCEPTED}" in progress.description


def test_prefect_stores_no_raw_personal_data_in_artifacts_or_logs(live, curated):
    from prefect import get_client
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId

    runs = list(curated["children"].values()) + [str(curated["run"].id)]
    with get_client(sync_client=True) as client:
        logs = client.read_logs(log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=runs)))
    stored = [f"{a.data or ''} {a.description or ''}" for a in artifacts_of(runs)] + [log.message for log in logs]
    assert logs and stored and not [s for s in stored if PLANTED_EMAIL in s or PLANTED_NAME in s]
    # Everything Prefect stored: its database (PostgreSQL's dump, or SQLite with its WAL).
    raw = prefect_database(live)
    assert REVIEWER.encode() in raw  # the scan sees what Prefect does store (the resume form's input)
    assert PLANTED_EMAIL.encode() not in raw and PLANTED_NAME.encode() not in raw


def test_canaries_appear_nowhere_the_whole_path_wrote(live, curated):
    """After ingest, review, fine-tuning and the Prefect flows: no canary in data/ (outside the
    inbox), audit_logs/, the model output, or Prefect's database (its artifact, artifact_collection
    and events tables among the rest), whether it was document text or a file name, a column name,
    a broken SOURCE.yaml's snippet or a license value."""
    written = "\n".join(all_text_under(live.root / "data" / name) for name in ("datasets", "models", "reports")
                        if (live.root / "data" / name).exists())
    written += all_text_under(live.root / "data" / "catalog.duckdb")
    written += all_text_under(live.root / "audit_logs") + all_text_under(live.prefect_home)
    database = prefect_database(live)
    assert all(table in database for table in (b"artifact_collection", b"artifact", b"events"))  # scanned too
    written += database.decode("utf-8", "replace")  # PostgreSQL compresses long values on disk
    assert (live.root / "data" / "models").exists() and written
    assert [c for c in CANARIES if c in written] == []


def test_two_ingest_runs_at_once_neither_fail_nor_lose_or_duplicate_a_document(live, workspace):
    """Two ingest flow runs started together on one catalog (a steward's run and the schedule
    firing, say): the second waits for the first's catalog lock, then finds nothing new."""
    from prefect import get_client
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId

    from curation.locking import ingest_lock
    from flows.ingest import ingest_flow

    write_tickets(workspace.inbox / "a", [f"Shipment {i}: the parcel to Lisbon is delayed by customs." for i in range(15)])
    write_tickets(workspace.inbox / "b", [f"Refund {i}: the duplicate charge was reversed today." for i in range(15)])
    states: list = []
    run = lambda who: states.append(ingest_flow(requested_by=who, dataset="concurrent", return_state=True))
    threads = [threading.Thread(target=contextvars.copy_context().run, args=(run, who)) for who in (STEWARD, "scheduler")]
    # Someone else (a CLI ingest, say) holds the catalog while both runs start, so that both
    # certainly meet the lock; then it lets go and the two runs sort it out between them.
    with ingest_lock(workspace.catalog_path):
        started = time.time()
        for t in threads:
            t.start()
        while len(running_ingest_tasks(since=started)) < 2 and time.time() - started < 120:
            time.sleep(0.5)
    for t in threads:
        t.join(timeout=300)
    assert len(states) == 2 and all(s.is_completed() for s in states)

    with duckdb.connect(str(workspace.catalog_path), read_only=True) as con:
        docs = con.execute("SELECT count(*), count(DISTINCT doc_id) FROM documents").fetchone()
        ledger = con.execute("SELECT outcome, count(*) FROM ingest_items GROUP BY 1").fetchall()
        unchanged = sorted(json.loads(c)["files_unchanged"] for (c,) in con.execute("SELECT counts FROM ingest_runs").fetchall())
    assert docs == (30, 30) and ledger == [("accepted", 30)]
    assert unchanged == [0, 2]  # the run that waited found both files already read
    runs = [str(s.state_details.flow_run_id) for s in states]
    deadline = time.time() + 15  # run logs reach the server in batches
    while time.time() < deadline:
        with get_client(sync_client=True) as client:
            logs = client.read_logs(log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=runs)))
        if sum("waiting for it to finish" in log.message for log in logs) == 2:
            break
        time.sleep(1)
    assert sum("waiting for it to finish" in log.message for log in logs) == 2  # both met the lock


def running_ingest_tasks(since: float) -> list:
    from datetime import UTC, datetime

    from prefect import get_client
    from prefect.client.schemas.filters import (
        TaskRunFilter,
        TaskRunFilterName,
        TaskRunFilterStartTime,
        TaskRunFilterState,
        TaskRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType

    with get_client(sync_client=True) as client:
        return client.read_task_runs(task_run_filter=TaskRunFilter(
            name=TaskRunFilterName(like_="ingest and build version"),
            start_time=TaskRunFilterStartTime(after_=datetime.fromtimestamp(since, UTC)),
            state=TaskRunFilterState(type=TaskRunFilterStateType(any_=[StateType.RUNNING]))))


def test_a_flow_fails_with_the_one_line_reason_the_cli_prints(live, workspace):
    from prefect import get_client
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId

    from flows.ingest import ingest_flow

    state = ingest_flow(requested_by="Dana", inbox=str(workspace.root / "no-such-inbox"), return_state=True)
    assert state.is_failed() and state.message == f"{workspace.root / 'no-such-inbox'}: inbox folder not found"
    with get_client(sync_client=True) as client:
        logs = client.read_logs(log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(
            any_=[state.state_details.flow_run_id])))
    assert not [log for log in logs if "Traceback" in log.message]


def test_a_steward_releases_a_held_source_and_retracts_it_without_the_cli(live, workspace):
    from flows.ingest import ingest_flow
    from flows.stewardship import release_source_flow, retract_flow

    write_tickets(workspace.inbox / "forum", TICKETS_EN[:3], license="CC-BY-SA-4.0")
    held = ingest_flow(requested_by="Dana", dataset="forum")
    assert held["version_id"] is None and held["held_for_review"][0]["source"] == "forum"
    assert release_source_flow(source="forum", requested_by="Dana", comment="share-alike is fine here") == "allowed"
    built = ingest_flow(requested_by="Dana", dataset="forum")
    assert built["n_rows"] == 3 and built["status"] == "pending_review"
    retracted = retract_flow(requested_by="Dana", reason="the forum asked us to", source="forum")
    assert retracted["doc_ids"] == 3 and retracted["versions_revoked"] == [built["version_id"]]
    records = list(workspace.audit().records())
    events = [r["event"] for r in records]
    assert "source.allowed" in events and "retraction" in events
    (started,) = [r for r in records if r["event"] == "flow_run.started" and r["data"]["flow"] == "retract"]
    (retraction,) = [r for r in records if r["event"] == "retraction"]
    assert retraction["flow_run_id"] == started["flow_run_id"] is not None
    missing = release_source_flow(source="nope", requested_by="Dana", comment="x", return_state=True)
    assert missing.is_failed() and "source 'nope' not found" in missing.message
