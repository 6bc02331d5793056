"""`curation` command line: each command parses its arguments and calls one library function."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Annotated, Optional

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # before anything can import transformers

import json  # noqa: E402

import typer  # noqa: E402
from rich.table import Table  # noqa: E402

from curation.cli import audit, license, pii, training  # noqa: E402
from curation.cli.support import PolicyOpt, console, fail, guard, load_policy, workspace  # noqa: E402

app = typer.Typer(help="Governed data curation for fine-tuning LLMs on company documents.",
                  no_args_is_help=True, pretty_exceptions_enable=False)
datasets_app = typer.Typer(help="List and inspect dataset versions.", no_args_is_help=True)
sources_app = typer.Typer(help="List sources; allow a source held for license review.", no_args_is_help=True)
app.add_typer(datasets_app, name="datasets")
app.add_typer(sources_app, name="sources")
app.add_typer(audit.app, name="audit")
app.add_typer(pii.app, name="pii")
app.add_typer(license.app, name="license")
app.command()(training.finetune)
app.command()(training.evaluate)
app.add_typer(training.models_app, name="models")


@app.command()
@guard
def ingest(inbox: Annotated[Optional[Path], typer.Option(help="Drop folder (default: data/inbox).")] = None,
           policy: PolicyOpt = None,
           dataset: Annotated[str, typer.Option(help="Dataset the documents belong to.")] = "default",
           requested_by: Annotated[str, typer.Option(help="Who asked for this run.")] = "cli") -> None:
    """Ingest new files, anonymize, classify licenses, run checks, build a pending_review version."""
    from curation.cli.ingest_view import print_ingest, progress_bar
    from curation.datasets.names import check_dataset_name
    from curation.ingest.pipeline import ingest_and_build

    check_dataset_name(dataset)
    ws = workspace()
    with progress_bar() as progress:
        result = ingest_and_build(ws, inbox or ws.inbox, dataset, load_policy(policy), actor=requested_by,
                                  progress=progress)
    print_ingest(console, result)
    if result.build.status in ("blocked", "empty"):
        raise typer.Exit(2)


@datasets_app.command("list")
def datasets_list() -> None:
    """All dataset versions with their status."""
    table = Table("version_id", "dataset", "status", "rows", "created_at")
    for v in workspace().catalog().versions():
        table.add_row(v["version_id"][:16], v["dataset"], v["status"], str(v["n_rows"]), str(v["created_at"])[:19])
    console.print(table)


@datasets_app.command("show")
@guard
def datasets_show(version: str) -> None:
    """Manifest, status, reviews and training runs of one version (id or unique prefix)."""
    from curation.datasets import versions

    cat = workspace().catalog()
    v = versions.resolve(cat, version)
    manifest = versions.verify_version(Path(v["path"]))
    console.print_json(json.dumps({"version": {k: str(x) for k, x in v.items()}, "manifest": manifest,
                                   "reviews": [{k: str(x) for k, x in r.items()} for r in cat.reviews(v["version_id"])],
                                   "training_runs": [{k: str(x) for k, x in t.items() if k != "record"}
                                                     for t in cat.training_runs(v["version_id"])]}))


@datasets_app.command("verify")
def datasets_verify() -> None:
    """Re-hash every dataset version against its manifest; exit 1 if any does not match."""
    from curation.stewardship.doctor import version_problems

    ws = workspace()
    problems = version_problems(ws)
    for problem in problems:
        console.print(f"[red]MISMATCH[/red] {problem}", highlight=False)
    checked = [v for v in ws.catalog().versions() if v["status"] != "revoked"]
    if problems:
        raise typer.Exit(1)
    console.print(f"{len(checked)} version(s) match their manifests")


@app.command()
def doctor(inbox: Annotated[Optional[Path], typer.Option(help="Inbox to compare with the catalog.")] = None) -> None:
    """Check accounting, versions and the audit log; list what is pending. Exit 1 on any violation."""
    from curation.stewardship.doctor import diagnose

    ws = workspace()
    result = diagnose(ws, inbox or ws.inbox)
    for note in result.notes:
        console.print(f"note: {note}", highlight=False)
    for violation in result.violations:
        console.print(f"[red]VIOLATION[/red] {violation}", highlight=False)
    if not result.healthy:
        raise typer.Exit(1)
    console.print("healthy: every input item has exactly one outcome, versions match, audit log verifies")


@sources_app.command("list")
def sources_list() -> None:
    """Sources seen so far, their declared license and whether a steward allowed them."""
    table = Table("source", "license", "owner", "language", "allowed_by")
    for s in workspace().catalog().sources():
        table.add_row(s["name"], s["license"] or "-", s["owner"] or "-", s["language"] or "-", s["allowed_by"] or "-")
    console.print(table)


@sources_app.command("allow")
@guard
def sources_allow(source: str, reviewer: Annotated[str, typer.Option(help="Steward's name.")],
                  comment: Annotated[str, typer.Option(help="Why this license is acceptable.")]) -> None:
    """Allow a source whose license the policy puts under review; its documents join the next version."""
    from curation.stewardship.sources import allow_source

    ws = workspace()
    allow_source(ws.catalog(), ws.audit(), source, reviewer, comment)
    console.print(f"source {source} allowed by {reviewer}")


@app.command()
@guard
def review(version: str, approve: Annotated[bool, typer.Option("--approve")] = False,
           reject: Annotated[bool, typer.Option("--reject")] = False,
           reviewer: Annotated[str, typer.Option(help="Steward's name (recorded in the audit trail).")] = "",
           comment: Annotated[str, typer.Option(help="Reason for the decision.")] = "",
           policy: PolicyOpt = None) -> None:
    """Approve or reject a pending_review dataset version (the reviewer must be one of the
    policy's review.stewards when it names any)."""
    from curation.datasets import versions

    if approve == reject:
        fail("give exactly one of --approve or --reject")
    if not reviewer:
        fail("--reviewer NAME is required")
    ws = workspace()
    v = versions.decide(ws.catalog(), ws.audit(), version, "approve" if approve else "reject", reviewer, comment,
                        lineage=ws.lineage(), stewards=load_policy(policy).review.stewards)
    console.print(f"version {v['version_id']} is now {v['status']}")


@app.command()
@guard
def retract(source: Annotated[Optional[str], typer.Option(help="Retract every document of this source.")] = None,
            doc: Annotated[Optional[str], typer.Option("--doc", help="Retract one document (doc_id).")] = None,
            reason: Annotated[str, typer.Option(help="Why (kept in the catalog; the audit log keeps its hash).")] = "",
            reviewer: Annotated[str, typer.Option(help="Who decided.")] = "") -> None:
    """Retract documents: erase their text, revoke every version holding them, list affected models."""
    from curation.stewardship.retraction import RetractionError
    from curation.stewardship.retraction import retract as do_retract

    ws = workspace()
    try:
        result = do_retract(ws.catalog(), ws.audit(), reason=reason, reviewer=reviewer, source=source, doc_id=doc)
    except RetractionError as exc:
        fail(str(exc))
    console.print(f"retracted {len(result.doc_ids)} document(s); versions revoked: "
                  f"{', '.join(v[:16] for v in result.versions_revoked) or 'none'}")
    for model in result.models_affected:
        console.print(f"  model trained on them: run {model['run_id']} in {model['output_dir']}")


@app.command()
@guard
def report(version: str, out: Annotated[Optional[Path], typer.Option(help="HTML file to write.")] = None,
           compliance: Annotated[bool, typer.Option(
               "--compliance", help="Write the compliance report (HTML + Markdown) instead.")] = False,
           policy: PolicyOpt = None) -> None:
    """Write a self-contained HTML report of a dataset version (or, with --compliance, its compliance report)."""
    from curation.datasets import compliance as compliance_report
    from curation.datasets import versions
    from curation.datasets.report_writer import version_manifest, write_version_report

    ws = workspace()
    cat = ws.catalog()
    v = versions.resolve(cat, version)
    if compliance:
        paths = compliance_report.write(cat, ws.audit(), v, version_manifest(v), load_policy(policy),
                                        out or ws.reports / f"{v['version_id']}-compliance.html")
        console.print("compliance report written to " + " and ".join(str(p) for p in paths))
        return
    path = write_version_report(cat, v["version_id"], out or ws.reports / f"{v['version_id']}.html")
    console.print(f"report written to {path}")


TaskRunnerOpt = Annotated[str, typer.Option(
    "--task-runner", help="Where ingest tasks run: threads (in the flow run's process) or dask.")]
DaskAddressOpt = Annotated[Optional[str], typer.Option(
    help="Dask scheduler, e.g. tcp://10.0.0.5:8786 (implies --task-runner dask; default: a local cluster).")]


@app.command()
@guard
def ui(port: Annotated[int, typer.Option(help="Port of the server.")] = 4200,
       host: Annotated[str, typer.Option(help="Address to bind; beyond 127.0.0.1 a login is required "
                                              "(PREFECT_SERVER_API_AUTH_STRING=user:password).")] = "127.0.0.1",
       public_url: Annotated[Optional[str], typer.Option(
           help="The address stewards open, e.g. https://curation.example.internal behind a proxy "
                "(default: CURATION_PUBLIC_URL, else http://HOST:PORT); every link starts with it.")] = None,
       policy: PolicyOpt = None, task_runner: TaskRunnerOpt = "threads", dask_address: DaskAddressOpt = None) -> None:
    """Start a local Prefect server (no analytics, v1 UI, the HTML reports on the same address) and
    serve the deployments."""
    # flows/server.py refuses a binding beyond loopback without a login, before anything starts.
    extra = ["--ui-port", str(port), "--ui-host", host] + (["--public-url", public_url] if public_url else [])
    _run_deployments(policy, task_runner, dask_address, extra)


@app.command()
@guard
def serve(policy: PolicyOpt = None, task_runner: TaskRunnerOpt = "threads", dask_address: DaskAddressOpt = None) -> None:
    """Serve the Prefect deployments (ingest, ingest-scheduled, review, finetune, curate) against the
    configured server (PREFECT_API_URL); ingest-scheduled follows the policy's schedule section."""
    _run_deployments(policy, task_runner, dask_address, [])


def _run_deployments(policy: Path | None, task_runner: str, dask_address: str | None, extra: list[str]) -> None:
    """Orchestration lives in flows/ (this library imports no Prefect): run it as its own process."""
    if task_runner not in ("threads", "dask"):
        fail(f"--task-runner {task_runner}: allowed are threads, dask")
    load_policy(policy)  # a policy error is one line here, before anything starts
    root = Path(__file__).resolve().parents[3]  # the checkout that holds flows/ next to src/
    if not (root / "flows").is_dir():
        fail(f"{root}: no flows/ folder beside src/; run `curation serve` from a checkout of curation")
    args = [sys.executable, "-m", "flows.launch", "--task-runner", task_runner, *extra]
    if policy:
        args += ["--policy", str(Path(policy).resolve())]
    if dask_address:
        args += ["--dask-address", dask_address]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(root), os.environ.get("PYTHONPATH")) if p)}
    try:
        code = subprocess.run(args, env=env, check=False).returncode
    except KeyboardInterrupt:
        code = 130
    if code:
        raise typer.Exit(code)


@app.command()
@guard
def demo(inbox: Annotated[Optional[Path], typer.Option(help="Sample folder (default: data/samples).")] = None,
         policy: PolicyOpt = None) -> None:
    """The whole path on the bundled samples, ending with a printed summary."""
    from curation.cli.demo import demo as run_demo

    ws = workspace()
    run_demo(ws, inbox or ws.root / "data" / "samples", load_policy(policy), console)


if __name__ == "__main__":
    app()
