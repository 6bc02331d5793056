"""Fine-tune flow: trains on an approved, unaltered dataset version."""

from __future__ import annotations

from pathlib import Path

from prefect import flow

from curation.finetune import finetune_version
from flows.common import policy, run_identity, workspace


@flow(name="finetune", log_prints=True)
def finetune_flow(version_id: str, base_model: str = "", policy_file: str = "", requested_by: str = "") -> dict:
    """Fine-tune on `version_id` (must be approved). `base_model`: a local model folder, or empty
    for the tiny from-config model."""
    ws = workspace()
    run_id, _ = run_identity()
    out = finetune_version(ws.catalog(), ws.audit(), policy(policy_file or None), version_id,
                           base_model=Path(base_model) if base_model else None, output_root=ws.models,
                           actor=requested_by or "system", flow_run_id=run_id)
    r = out.result
    print(f"trained on {r.device}: eval loss {r.eval_loss_before:.3f} → {r.eval_loss_after:.3f}")
    return {"run_id": out.run_id, "output_dir": str(out.output_dir), "eval_loss_before": r.eval_loss_before,
            "eval_loss_after": r.eval_loss_after}
