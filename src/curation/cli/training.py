"""`curation finetune`: training on an approved dataset version."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from curation.cli.common import PolicyOpt, console, guard, load_policy, workspace


@guard
def finetune(version: str,
             base_model: Annotated[Optional[Path], typer.Option(help="Local causal-LM folder; default: a tiny model from config.")] = None,
             output: Annotated[Optional[Path], typer.Option(help="Output folder (default: data/models/<run_id>).")] = None,
             policy: PolicyOpt = None) -> None:
    """Fine-tune on an approved, unaltered dataset version."""
    from curation.finetune import finetune_version

    ws = workspace()
    out = finetune_version(ws.catalog(), ws.audit(), load_policy(policy), version, base_model=base_model,
                           output_root=ws.models, output_dir=output)
    r = out.result
    console.print(f"run {out.run_id} on {r.device}: eval loss {r.eval_loss_before:.3f} → {r.eval_loss_after:.3f}; "
                  f"model in {out.output_dir}")
