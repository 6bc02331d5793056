"""Fine-tune flow: trains on an approved, unaltered dataset version."""

from pathlib import Path

from prefect import flow
from prefect.artifacts import create_markdown_artifact
from pydantic import BaseModel, Field

from curation.training.handoff import finetune_version
from flows.run_context import (
    Steward,
    artifact_key,
    plain_failure,
    policy,
    publish_report_link,
    record_request,
    workspace,
    write_version_report,
)


class TrainingOverrides(BaseModel):
    """Settings that replace the policy's training section for this run; empty keeps the policy's."""

    max_steps: int | None = Field(default=None, ge=1, description="Optimizer steps (policy: training.max_steps).")
    learning_rate: float | None = Field(default=None, gt=0, le=1,
                                        description="Learning rate of this run's mode (tiny model, LoRA or full).")
    batch_size: int | None = Field(default=None, ge=1, description="Blocks per step and device.")
    block_size: int | None = Field(default=None, ge=8, description="Tokens per packed block.")
    seed: int | None = Field(default=None, description="Seed for weights, split and data order.")
    full_finetune: bool | None = Field(default=None, description="With a base model: train every weight, not LoRA.")
    lora_r: int | None = Field(default=None, ge=1, description="LoRA rank.")

    def as_policy_keys(self, base_model: bool, full_finetune_default: bool) -> dict:
        """The overrides under the policy's own key names (`lora.r`, ...), unset ones left out."""
        keys = {"max_steps": self.max_steps, "batch_size": self.batch_size, "block_size": self.block_size,
                "seed": self.seed, "full_finetune": self.full_finetune, "lora.r": self.lora_r}
        if self.learning_rate is not None:
            full = self.full_finetune if self.full_finetune is not None else full_finetune_default
            keys["learning_rate" if not base_model else
                 "full_finetune_learning_rate" if full else "lora.learning_rate"] = self.learning_rate
        return {k: v for k, v in keys.items() if v is not None}


NO_OVERRIDES = TrainingOverrides()


@flow(name="finetune", log_prints=True)
@plain_failure
def finetune_flow(version_id: str, requested_by: Steward, base_model: str = "", policy_file: str = "",
                  overrides: TrainingOverrides = NO_OVERRIDES) -> dict:
    """Fine-tune a model on an approved dataset version; the model card names the version.

    Args:
        version_id: Approved dataset version (id or unique prefix).
        requested_by: Your name. Prefect records no user identity; this name goes into the audit log.
        base_model: Local model folder (empty: the tiny model built from the policy's config).
        policy_file: Policy file whose training section applies (empty: policies/default.yaml).
        overrides: Training settings for this run only.
    """
    ws = workspace()
    pol = policy(policy_file or None)
    keys = overrides.as_policy_keys(bool(base_model), pol.training.full_finetune)
    run_id, _ = record_request("finetune", requested_by, {"version_id": version_id, "base_model": base_model,
                                                          "policy_file": policy_file, "overrides": keys},
                               subject=version_id)
    out = finetune_version(ws.catalog(), ws.audit(), pol, version_id,
                           base_model=Path(base_model) if base_model else None, output_root=ws.models,
                           actor=requested_by, flow_run_id=run_id, overrides=keys)
    r = out.result
    print(f"trained on {r.device}: eval loss {r.eval_loss_before:.3f} → {r.eval_loss_after:.3f}")
    create_markdown_artifact(
        "\n".join([f"# Fine-tuning run `{out.run_id}`", "",
                   f"- dataset version: `{out.version_id}`", f"- base model: {base_model or 'tiny model from config'}",
                   f"- device: {r.device}",
                   (f"- eval loss: {r.eval_loss_before:.3f} → {r.eval_loss_after:.3f} "
                    f"(perplexity {r.perplexity_before:.1f} → {r.perplexity_after:.1f})"),
                   f"- overrides: {keys or 'none'}",
                   f"- model and model card: `{out.output_dir}`"]),
        key=artifact_key("finetune", out.version_id[:12]), description="Fine-tuning result")
    version = ws.catalog().version(out.version_id)
    publish_report_link(ws, out.version_id, version["dataset"], write_version_report(ws, out.version_id),
                        "Report listing the models trained on this version")
    return {"run_id": out.run_id, "output_dir": str(out.output_dir), "eval_loss_before": r.eval_loss_before,
            "eval_loss_after": r.eval_loss_after}
