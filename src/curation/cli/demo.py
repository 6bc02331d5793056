"""`curation demo`: the whole path on the bundled samples, as a steward would run it, printed."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from curation.audit.log import verify
from curation.cli.ingest_view import print_ingest, progress_bar
from curation.datasets import versions
from curation.ingest.pipeline import ingest_and_build
from curation.policy import Policy
from curation.workspace import Workspace

DEMO_STEWARD = "demo-steward"
# The demo's task set (English and Japanese): beside the samples, since a file among them would be ingested.
SAMPLE_TASKS = Path(__file__).resolve().parents[3] / "data" / "samples_tasks.jsonl"


def demo(ws: Workspace, samples: Path, policy: Policy, console: Console) -> None:
    """Ingest the samples, approve as the demo steward, fine-tune the tiny model, verify the audit log,
    then evaluate the model against its untrained start on the sample task set and print the table."""
    from curation.training.handoff import (
        finetune_version,  # imports torch: only when training
    )

    console.rule("1. ingest → anonymize → licenses → checks → dataset version")
    with progress_bar() as progress:
        result = ingest_and_build(ws, samples, "demo", policy, actor=DEMO_STEWARD, progress=progress)
    catalog = ws.catalog()
    print_ingest(console, result, catalog)
    version_id = result.build.version_id
    if version_id is None:
        raise versions.VersionError(f"demo stopped: no dataset version ({result.build.status})")

    console.rule("2. review")
    version = catalog.version(version_id)
    if version["status"] == "pending_review":
        version = versions.decide(catalog, ws.audit(), version_id, "approve", DEMO_STEWARD,
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
        raise versions.VersionError("audit log failed verification")

    console.rule("5. evaluate (sample task set, held-out perplexity, privacy probe)")
    from curation.cli.training import print_evaluation
    from curation.training.evaluation import evaluate_run

    tasks = ws.root / "data" / "samples_tasks.jsonl"
    evaluation = evaluate_run(catalog, ws.audit(), policy, out.run_id, actor=DEMO_STEWARD,
                              eval_set=tasks if tasks.is_file() else SAMPLE_TASKS)
    print_evaluation(console, evaluation)
    if evaluation.status != "passed":
        raise versions.VersionError("evaluation failed: " + "; ".join(evaluation.reasons))
