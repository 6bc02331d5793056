"""The two models an evaluation compares: the fine-tuned one and the one it started from.

Both are loaded from local folders and checked against the hashes the training run recorded.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from curation.policy import TrainingPolicy
from curation.training.errors import TrainingError


def load_causal_lm(folder: Path, device):
    """(model, tokenizer) from a local folder, in bf16 where the device has it; a pad token set."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    if not Path(folder).is_dir():
        raise TrainingError(f"{folder}: base model folder not found")
    dtype = torch.bfloat16 if device.bf16 else torch.float32
    try:
        tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
        model = AutoModelForCausalLM.from_pretrained(folder, local_files_only=True, dtype=dtype)
    except (OSError, ValueError) as exc:
        raise TrainingError(f"{folder}: cannot load a causal LM and tokenizer ({exc})") from exc
    if tokenizer.pad_token_id is None:
        tokenizer.pad_token = tokenizer.eos_token
    return model, tokenizer


def rebuilt_initial_model(params: TrainingPolicy, tokenizer, expected_sha256: str):
    """The tiny model as it was before training: same config and seed, weights checked against the
    hash the run recorded for its "base model" (its initial weights)."""
    import transformers

    from curation.training.hashes import folder_sha256
    from curation.training.trainer import build_tiny_model

    transformers.set_seed(params.seed)
    model = build_tiny_model(params, tokenizer)
    with tempfile.TemporaryDirectory(prefix="curation-eval-") as tmp:
        model.save_pretrained(tmp)
        digest = folder_sha256(Path(tmp))
    return model, digest == expected_sha256


def run_models(run: dict, record: dict, params: TrainingPolicy, base_override: Path | None, device):
    """(tuned, tuned_tokenizer, base, base_tokenizer, base_info) of a finished run: the fine-tuned model
    (a LoRA adapter on its verified base, or full weights) and the model to compare it with: base_override,
    else the run's own base model (files checked against the recorded hash), else, for the tiny model,
    its initial weights rebuilt from config and seed (checked the same way)."""
    from curation.training.hashes import folder_sha256
    from curation.training.trainer import TINY_BASE

    model_dir = Path(run["output_dir"]) / "model"
    if record["adapter"]:
        from peft import PeftModel

        check_base(Path(record["base_model"]), record["base_model_sha256"])
        frozen, tokenizer = load_causal_lm(Path(record["base_model"]), device)
        tuned = PeftModel.from_pretrained(frozen, model_dir)
    else:
        tuned, tokenizer = load_causal_lm(model_dir, device)
    if base_override is not None:
        base, base_tok = load_causal_lm(Path(base_override), device)
        info = {"name": str(base_override), "sha256": folder_sha256(Path(base_override)),
                "how": "--base-model folder"}
    elif record["base_model"] == TINY_BASE:
        base, verified = rebuilt_initial_model(params, tokenizer, record["base_model_sha256"])
        base_tok = tokenizer
        if not verified:
            raise TrainingError("the tiny model's initial weights could not be rebuilt to the hash the run "
                                "recorded (other library versions?); pass --base-model to compare with a folder")
        info = {"name": TINY_BASE, "sha256": record["base_model_sha256"],
                "how": "the run's initial weights, rebuilt from its config and seed (sha256 verified)"}
    else:
        folder = Path(record["base_model"])
        digest = check_base(folder, record["base_model_sha256"])
        base, base_tok = load_causal_lm(folder, device)
        info = {"name": str(folder), "sha256": digest, "how": "the run's base model (sha256 verified)"}
    return tuned, tokenizer, base, base_tok, info


def check_base(folder: Path, expected: str) -> str:
    """The folder's combined sha256, which must be the one the run recorded for its base model."""
    from curation.training.hashes import folder_sha256

    digest = folder_sha256(folder) if folder.is_dir() else None
    if digest != expected:
        raise TrainingError(f"{folder}: base model files differ from those the run started from "
                            "(sha256 mismatch or missing folder)")
    return digest
