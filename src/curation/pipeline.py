"""The stages chained as a steward runs them, and what the CLI prints about them.

Flows in `flows/` wire the same functions; this module only sequences and summarises.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from curation import datasets
from curation.audit import verify
from curation.ingest import ChunkMapper, IngestSummary, ingest
from curation.locking import ingest_lock
from curation.policy import Policy
from curation.workspace import Workspace

DEMO_STEWARD = "demo-steward"


@dataclass
class IngestResult:
    summary: IngestSummary
    build: datasets.BuildResult


def ingest_and_build(ws: Workspace, inbox: Path, dataset: str, policy: Policy, *, actor: str = "system",
                     flow_run_id: str | None = None, progress: bool = False,
                     map_chunks: ChunkMapper | None = None) -> IngestResult:
    """Ingest new inbox files, then check the dataset and write a pending_review version.
    `map_chunks`: where the PII step runs (see curation.ingest.ingest); default in this process."""
    with ingest_lock(ws.catalog_path):  # one ingest run at a time per catalog; a second one waits
        catalog, audit, lineage = ws.catalog(), ws.audit(), ws.lineage()
        with lineage.run("ingest", [(f"inbox:{Path(inbox).resolve()}", None)]) as outputs:
            if progress:
                with Progress(console=Console(stderr=True), transient=True) as bar:
                    task = bar.add_task("ingesting", total=None)
                    summary = ingest(inbox, dataset, policy, catalog, audit, actor=actor, flow_run_id=flow_run_id,
                                     progress=lambda done, total: bar.update(task, completed=done, total=total),
                                     map_chunks=map_chunks)
            else:
                summary = ingest(inbox, dataset, policy, catalog, audit, actor=actor, flow_run_id=flow_run_id,
                                 map_chunks=map_chunks)
            outputs.append((f"catalog:{dataset}", summary.run_id))
        with lineage.run("build_version", [(f"catalog:{dataset}", summary.run_id)]) as outputs:
            build = datasets.build_version(catalog, dataset, policy, ws.datasets, audit, actor=actor,
                                           flow_run_id=flow_run_id)
            if build.version_id:
                outputs.append((f"dataset:{dataset}", build.version_id))
        return IngestResult(summary, build)


def print_ingest(console: Console, result: IngestResult, catalog=None) -> None:
    s, b = result.summary, result.build
    o = s.outcomes
    console.print(f"[bold]Files[/bold]: {s.files_seen} seen, {s.files_unchanged} unchanged since an earlier run")
    console.print(f"[bold]Documents[/bold]: read {sum(o.values())}, accepted {o['accepted']}, "
                  f"held for license review {o['license_review']}, duplicate {o['duplicate']}, "
                  f"quarantined {o['quarantined']}")
    if catalog is not None:
        table = Table("path", "record", "reason", title="Quarantined (messages: catalog table ingest_items)")
        for item in catalog.run_items(s.run_id):
            if item["outcome"] == "quarantined":
                table.add_row(item["path"], "-" if item["record"] is None else str(item["record"]), item["reason"])
        console.print(table)
    else:
        for reason, n in sorted(s.reasons.items()):
            console.print(f"  quarantined {n} × {reason}")
    console.print("[bold]PII replaced[/bold]: " + (", ".join(f"{k} {v}" for k, v in sorted(s.pii.items())) or "none"))
    console.print("[bold]Licenses[/bold]: " + (", ".join(f"{k}: {v}" for k, v in sorted(s.licenses.items())) or "none"))
    passed = [x.name for x in b.outcomes if x.success]
    failed = [f"{x.name} ({x.severity}): {x.message}" for x in b.outcomes if not x.success]
    console.print(f"[bold]Expectations[/bold]: {len(passed)} passed, {len(failed)} failed")
    for line in failed:
        console.print(f"  [red]FAIL[/red] {line}", highlight=False)
    for held in b.held_for_review:
        console.print(f"  held out for review: {held['n']} document(s) of {held['source']} "
                      f"({held['license_expression']}); `curation sources allow {held['source']}` to include them")
    if b.version_id:
        console.print(f"[bold]Dataset version[/bold]: {b.version_id} ({b.n_rows} documents) status {b.status}"
                      + ("" if b.created else " (same content as an existing version)"))
    else:
        console.print(f"[bold red]No dataset version[/bold red]: {b.status}")


def demo(ws: Workspace, samples: Path, policy: Policy, console: Console) -> None:
    """Ingest the samples, approve as the demo steward, fine-tune the tiny model, verify the audit log."""
    from curation.finetune import finetune_version

    console.rule("1. ingest → anonymize → licenses → checks → dataset version")
    result = ingest_and_build(ws, samples, "demo", policy, actor=DEMO_STEWARD, progress=True)
    catalog = ws.catalog()
    print_ingest(console, result, catalog)
    version_id = result.build.version_id
    if version_id is None:
        raise datasets.VersionError(f"demo stopped: no dataset version ({result.build.status})")

    console.rule("2. review")
    version = catalog.version(version_id)
    if version["status"] == "pending_review":
        version = datasets.decide(catalog, ws.audit(), version_id, "approve", DEMO_STEWARD,
                                  "Demo: samples checked by the demo script.", lineage=ws.lineage())
    console.print(f"[bold]Review decision[/bold]: {version['status']} by "
                  f"{catalog.reviews(version_id)[-1]['reviewer']}")

    console.rule("3. fine-tune (tiny model from config, tokenizer trained on the version)")
    out = finetune_version(catalog, ws.audit(), policy, version_id, output_root=ws.models, actor=DEMO_STEWARD,
                           lineage=ws.lineage())
    r = out.result
    console.print(f"[bold]Training[/bold] on {r.device}: eval loss before {r.eval_loss_before:.3f} → "
                  f"after {r.eval_loss_after:.3f} (perplexity {r.perplexity_before:.1f} → {r.perplexity_after:.1f}); "
                  f"model and card in {out.output_dir}")

    console.rule("4. audit")
    check = verify(ws.audit_dir)
    status = "[green]intact[/green]" if check.ok else f"[red]BROKEN at seq {check.first_bad_seq}: {check.reason}[/red]"
    console.print(f"[bold]audit verify[/bold]: {status}, {check.n_records} records")
    if not check.ok:
        raise datasets.VersionError("audit log failed verification")
