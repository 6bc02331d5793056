"""`curation` command line: each command parses its arguments and calls one library function."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

os.environ.setdefault("HF_HUB_OFFLINE", "1")

app = typer.Typer(help="Governed data curation for fine-tuning LLMs on company documents.",
                  no_args_is_help=True, pretty_exceptions_enable=False)
datasets_app = typer.Typer(help="List and inspect dataset versions.", no_args_is_help=True)
sources_app = typer.Typer(help="List sources; allow a source held for license review.", no_args_is_help=True)
audit_app = typer.Typer(help="Verify and read the audit trail.", no_args_is_help=True)
pii_app = typer.Typer(help="PII detection on JSONL files.", no_args_is_help=True)
license_app = typer.Typer(help="License detection.", no_args_is_help=True)
app.add_typer(datasets_app, name="datasets")
app.add_typer(sources_app, name="sources")
app.add_typer(audit_app, name="audit")
app.add_typer(pii_app, name="pii")
app.add_typer(license_app, name="license")
console = Console()

PolicyOpt = Annotated[Optional[Path], typer.Option("--policy", help="Policy file (default: policies/default.yaml).")]


def _fail(message: str) -> None:
    console.print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(1)


def _workspace():
    from curation.workspace import Workspace

    return Workspace.from_env()


def _policy(path: Path | None):
    from curation.policy import load_policy

    return load_policy(path or _workspace().default_policy)


def _guard(fn):
    """Turn the library's plain-language errors into one red line and exit status 1."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from curation.checks import ChecksError
        from curation.datasets import VersionError
        from curation.ingest import AccountingError
        from curation.policy import PolicyError
        from curation.sources import SourceYamlError

        try:
            return fn(*args, **kwargs)
        except (PolicyError, VersionError, ChecksError, AccountingError, SourceYamlError,
                FileNotFoundError) as exc:
            _fail(str(exc))
        except RuntimeError as exc:
            if type(exc).__name__ == "TrainingError":
                _fail(str(exc))
            raise
    return wrapper


@app.command()
@_guard
def ingest(inbox: Annotated[Optional[Path], typer.Option(help="Drop folder (default: data/inbox).")] = None,
           policy: PolicyOpt = None,
           dataset: Annotated[str, typer.Option(help="Dataset the documents belong to.")] = "default",
           requested_by: Annotated[str, typer.Option(help="Who asked for this run.")] = "cli") -> None:
    """Ingest new files, anonymize, classify licenses, run checks, build a pending_review version."""
    from curation import pipeline

    ws = _workspace()
    result = pipeline.ingest_and_build(ws, inbox or ws.inbox, dataset, _policy(policy), actor=requested_by,
                                       progress=True)
    pipeline.print_ingest(console, result)
    if result.build.status in ("blocked", "empty"):
        raise typer.Exit(2)


@datasets_app.command("list")
def datasets_list() -> None:
    """All dataset versions with their status."""
    table = Table("version_id", "dataset", "status", "rows", "created_at")
    for v in _workspace().catalog().versions():
        table.add_row(v["version_id"][:16], v["dataset"], v["status"], str(v["n_rows"]), str(v["created_at"])[:19])
    console.print(table)


@datasets_app.command("show")
@_guard
def datasets_show(version: str) -> None:
    """Manifest, status, reviews and training runs of one version (id or unique prefix)."""
    from curation import datasets

    cat = _workspace().catalog()
    v = datasets.resolve(cat, version)
    manifest = datasets.verify_version(Path(v["path"]))
    console.print_json(json.dumps({"version": {k: str(x) for k, x in v.items()}, "manifest": manifest,
                                   "reviews": [{k: str(x) for k, x in r.items()} for r in cat.reviews(v["version_id"])],
                                   "training_runs": [{k: str(x) for k, x in t.items() if k != "record"}
                                                     for t in cat.training_runs(v["version_id"])]}))


@sources_app.command("list")
def sources_list() -> None:
    """Sources seen so far, their declared license and whether a steward allowed them."""
    table = Table("source", "license", "owner", "language", "allowed_by")
    for s in _workspace().catalog().sources():
        table.add_row(s["name"], s["license"] or "-", s["owner"] or "-", s["language"] or "-", s["allowed_by"] or "-")
    console.print(table)


@sources_app.command("allow")
@_guard
def sources_allow(source: str, reviewer: Annotated[str, typer.Option(help="Steward's name.")],
                  comment: Annotated[str, typer.Option(help="Why this license is acceptable.")]) -> None:
    """Allow a source whose license the policy puts under review; its documents join the next version."""
    ws = _workspace()
    if not ws.catalog().allow_source(source, reviewer, comment):
        _fail(f"source '{source}' not found (see `curation sources list`)")
    ws.audit().append("source.allowed", source, {"source": source, "reviewer": reviewer}, actor=reviewer)
    console.print(f"source {source} allowed by {reviewer}")


@app.command()
@_guard
def review(version: str, approve: Annotated[bool, typer.Option("--approve")] = False,
           reject: Annotated[bool, typer.Option("--reject")] = False,
           reviewer: Annotated[str, typer.Option(help="Steward's name (recorded in the audit trail).")] = "",
           comment: Annotated[str, typer.Option(help="Reason for the decision.")] = "") -> None:
    """Approve or reject a pending_review dataset version."""
    from curation import datasets

    if approve == reject:
        _fail("give exactly one of --approve or --reject")
    if not reviewer:
        _fail("--reviewer NAME is required")
    ws = _workspace()
    v = datasets.decide(ws.catalog(), ws.audit(), version, "approve" if approve else "reject", reviewer, comment)
    console.print(f"version {v['version_id']} is now {v['status']}")


@app.command()
@_guard
def finetune(version: str,
             base_model: Annotated[Optional[Path], typer.Option(help="Local causal-LM folder; default: a tiny model from config.")] = None,
             output: Annotated[Optional[Path], typer.Option(help="Output folder (default: data/models/<run_id>).")] = None,
             policy: PolicyOpt = None) -> None:
    """Fine-tune on an approved, unaltered dataset version."""
    from curation.finetune import finetune_version

    ws = _workspace()
    out = finetune_version(ws.catalog(), ws.audit(), _policy(policy), version, base_model=base_model,
                           output_root=ws.models, output_dir=output)
    r = out.result
    console.print(f"run {out.run_id} on {r.device}: eval loss {r.eval_loss_before:.3f} → {r.eval_loss_after:.3f}; "
                  f"model in {out.output_dir}")


@audit_app.command("verify")
def audit_verify(log_dir: Annotated[Optional[Path], typer.Option(help="Audit log folder.")] = None) -> None:
    """Walk the hash chain; exit 0 only when the log is intact."""
    from curation.audit import verify

    result = verify(log_dir or _workspace().audit_dir)
    if result.ok:
        console.print(f"audit log intact: {result.n_records} records, last hash {result.last_hash[:16]}")
    else:
        _fail(f"audit log broken at seq {result.first_bad_seq}: {result.reason}")


@audit_app.command("show")
def audit_show(dataset: Annotated[Optional[str], typer.Option(help="Dataset name or version id.")] = None,
               doc_id: Annotated[Optional[str], typer.Option()] = None,
               event: Annotated[Optional[str], typer.Option(help="Event type prefix, e.g. review.")] = None,
               since: Annotated[Optional[str], typer.Option(help="ISO date/time.")] = None,
               as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Audit records filtered by dataset/version, document, event type and time."""
    from curation.audit import select

    records = select(_workspace().audit().records(), dataset=dataset, doc_id=doc_id, event=event, since=since)
    if as_json:
        sys.stdout.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
        return
    table = Table("seq", "ts", "event", "actor", "subject")
    for r in records:
        table.add_row(str(r["seq"]), r["ts"][:19], r["event"], r["actor"], str(r["subject"])[:24])
    console.print(table)


@app.command()
@_guard
def report(version: str, out: Annotated[Optional[Path], typer.Option(help="HTML file to write.")] = None) -> None:
    """Write a self-contained HTML report of a dataset version."""
    from curation import datasets
    from curation.report import write_html_report

    ws = _workspace()
    cat = ws.catalog()
    v = datasets.resolve(cat, version)
    manifest = datasets.verify_version(Path(v["path"]))
    path = write_html_report(out or ws.reports / f"{v['version_id']}.html", version=v, manifest=manifest,
                             card_markdown=(Path(v["path"]) / "README.md").read_text(encoding="utf-8"),
                             expectations=cat.expectations(v["check_run_id"]), reviews=cat.reviews(v["version_id"]),
                             training_runs=cat.training_runs(v["version_id"]))
    console.print(f"report written to {path}")


@pii_app.command("scan")
@_guard
def pii_scan(jsonl: Annotated[Path, typer.Option("--jsonl", help='Input lines {"id","text"}.')],
             out: Annotated[Path, typer.Option("--out", help="Output JSONL.")],
             language: Annotated[str, typer.Option(help="en, ja or auto.")] = "auto",
             policy: PolicyOpt = None) -> None:
    """Detect and anonymize PII in a JSONL file (the interface used to measure detection quality)."""
    from curation.pii.scan import scan_jsonl

    if language not in ("en", "ja", "auto"):
        _fail(f"--language must be en, ja or auto, not '{language}'")
    n = scan_jsonl(jsonl, out, _policy(policy).pii, language)
    console.print(f"{n} documents scanned → {out}")


@license_app.command("detect")
def license_detect(paths: list[Path]) -> None:
    """Print PATH<TAB>SPDX-EXPRESSION<TAB>score for each file; NOASSERTION when unsure."""
    from curation.licenses import detect_text

    for path in paths:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            _fail(f"{path}: cannot read ({exc.strerror})")
        expression, score = detect_text(text)
        sys.stdout.write(f"{path}\t{expression}\t{score:.2f}\n")


@app.command()
def serve() -> None:
    """Serve the Prefect deployments (ingest, review, finetune, curate) against the configured server."""
    sys.path.insert(0, str(_workspace().root))
    from flows.deployments import serve_all

    serve_all()


@app.command()
@_guard
def demo(inbox: Annotated[Optional[Path], typer.Option(help="Sample folder (default: data/samples).")] = None,
         policy: PolicyOpt = None) -> None:
    """The whole path on the bundled samples, ending with a printed summary."""
    from curation import pipeline

    ws = _workspace()
    pipeline.demo(ws, inbox or ws.root / "data" / "samples", _policy(policy), console)


if __name__ == "__main__":
    app()
