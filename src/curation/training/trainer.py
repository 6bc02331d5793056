"""Fine-tuning on an approved dataset version: the model, the Trainer loop and the run's result.

Pure library code: the caller verifies the dataset version, records the run (audit, catalog) and
decides where the output goes. Nothing here touches the network: the hub is switched off before
transformers is imported, and a base model is only ever read from a local folder.

An output folder holds one run: `run_plan.json` (what the run was started with), `checkpoints/`
while it trains (so an interrupted run resumes), then `model/` (full weights or a LoRA adapter,
with the tokenizer) and `README.md` (the model card).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import math
import shutil
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from curation.policy import TrainingPolicy
from curation.training.checkpoints import (
    CHECKPOINTS,
    NOT_IN_PLAN,
    PLAN_FILE,
    check_plan,
    checkpoint_step,
    drop_checkpoints_after,
    last_checkpoint,
    output_lock,
)
from curation.training.data import pack, split_by_doc, train_tokenizer
from curation.training.device import DeviceChoice, model_flops_per_token, peak_flops, peak_memory, select_device
from curation.training.errors import TrainingError
from curation.training.hashes import TOKENIZER_FILES, combined_sha256, files_sha256, library_versions

# torch/transformers/peft are imported inside the functions: importing this module stays cheap.

log = logging.getLogger(__name__)

TINY_BASE = "tiny-from-config"


@dataclass
class TrainingResult:
    output_dir: str
    device: str
    bf16: bool
    base_model: str
    base_model_sha256: str
    tokenizer_sha256: str
    hyperparameters: dict[str, Any]
    seed: int
    n_train_docs: int
    n_eval_docs: int
    n_train_blocks: int
    n_eval_blocks: int
    eval_loss_before: float
    eval_loss_after: float
    perplexity_before: float
    perplexity_after: float
    train_steps: int
    train_seconds: float  # this attempt's training loop only (a resumed run counts from its checkpoint)
    adapter: bool  # True: output_dir/model holds a peft LoRA adapter for base_model
    mode: str = "from-scratch"  # from-scratch | lora | full
    device_name: str = ""
    threads: int = 0
    resumed_from_step: int | None = None
    data_sha256: str = ""  # the train/eval split: doc ids and text hashes
    train_tokens: int = 0  # tokens this attempt trained on
    tokens_per_second: float = 0.0  # training throughput after the first step of this attempt
    peak_memory_bytes: int = 0  # CUDA: max allocated; CPU: the process's peak resident set
    flops_per_token: float = 0.0  # model FLOPs per trained token (see model_flops_per_token)
    mfu: float | None = None  # model FLOPs utilisation on a GPU with known peak; None on CPU
    loss_log: list[dict[str, float]] = field(default_factory=list)  # [{"step", "loss"}] while training
    base_model_files_sha256: dict[str, str] = field(default_factory=dict)
    tokenizer_files_sha256: dict[str, str] = field(default_factory=dict)
    output_files_sha256: dict[str, str] = field(default_factory=dict)
    library_versions: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True, ensure_ascii=False, indent=2)


def build_tiny_model(params: TrainingPolicy, tokenizer):
    from transformers import LlamaConfig, LlamaForCausalLM

    tiny = params.tiny_model
    if tiny.hidden_size % tiny.num_heads:
        raise TrainingError(f"tiny_model.hidden_size {tiny.hidden_size} must be a multiple of "
                            f"tiny_model.num_heads {tiny.num_heads}")
    config = LlamaConfig(
        vocab_size=len(tokenizer), hidden_size=tiny.hidden_size, intermediate_size=4 * tiny.hidden_size,
        num_hidden_layers=tiny.num_layers, num_attention_heads=tiny.num_heads,
        num_key_value_heads=tiny.num_heads, max_position_embeddings=max(512, params.block_size),
        tie_word_embeddings=True, pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.eos_token_id, eos_token_id=tokenizer.eos_token_id,
    )
    return LlamaForCausalLM(config)


@dataclass
class _Model:
    model: Any
    tokenizer: Any
    mode: str  # from-scratch | lora | full
    base_name: str
    base_files: dict[str, str]
    tokenizer_files: dict[str, str]
    learning_rate: float


def _load_model(params: TrainingPolicy, base_model: Path | None, use_lora: bool, device: DeviceChoice,
                train_texts: list[str], scratch: Path) -> _Model:
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    if base_model is None:
        tokenizer = train_tokenizer(train_texts, params.tiny_model.vocab_size)
        model = build_tiny_model(params, tokenizer)
        model.save_pretrained(scratch / "initial")  # hash of the initial weights = the "base model"
        return _Model(model, tokenizer, "from-scratch", TINY_BASE, files_sha256(scratch / "initial"), {},
                      params.learning_rate)
    files = files_sha256(base_model)
    # LoRA on a GPU: the frozen base in bf16 (half the memory, full speed), adapter weights in fp32
    # (peft keeps them so). Full fine-tuning keeps fp32 master weights; the Trainer autocasts to bf16.
    dtype = torch.bfloat16 if device.bf16 and use_lora else torch.float32
    try:
        tokenizer = AutoTokenizer.from_pretrained(base_model, local_files_only=True)
        model = AutoModelForCausalLM.from_pretrained(base_model, local_files_only=True, dtype=dtype)
    except (OSError, ValueError) as exc:
        raise TrainingError(f"{base_model}: cannot load a causal LM and tokenizer ({exc})") from exc
    tok_files = {k: v for k, v in files.items() if TOKENIZER_FILES.match(Path(k).name)}
    if not use_lora:
        return _Model(model, tokenizer, "full", str(base_model), files, tok_files,
                      params.full_finetune_learning_rate)
    from peft import LoraConfig, get_peft_model

    lora = params.lora
    model = get_peft_model(model, LoraConfig(task_type="CAUSAL_LM", r=lora.r, lora_alpha=lora.alpha,
                                             lora_dropout=lora.dropout, target_modules=lora.target_modules))
    return _Model(model, tokenizer, "lora", str(base_model), files, tok_files, lora.learning_rate)


def _throughput_callback(cuda: bool):
    """A TrainerCallback timing optimizer steps; steps_per_second() leaves out the first step of an
    attempt (warm-up: allocations, kernel selection)."""
    from transformers import TrainerCallback

    class Throughput(TrainerCallback):
        def __init__(self):
            self.times: list[float] = []

        def on_step_end(self, args, state, control, **kwargs):
            if cuda:
                import torch

                torch.cuda.synchronize()  # CUDA is asynchronous: time finished work only
            self.times.append(time.perf_counter())

        def steps_per_second(self) -> float | None:
            if len(self.times) < 2:
                return None
            return (len(self.times) - 1) / (self.times[-1] - self.times[0])

    return Throughput()


@contextlib.contextmanager
def quiet_progress():
    """No tqdm bars from save/load while we run (they flood logs); restore the caller's setting."""
    from transformers.utils import logging as hf_logging

    was_on = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        if was_on:
            hf_logging.enable_progress_bar()


# ---- the run -------------------------------------------------------------------------------------


def finetune(docs: list[tuple[str, str]], output_dir: Path, params: TrainingPolicy,
             base_model: Path | None = None, *, use_lora: bool | None = None, resume: bool = False,
             callbacks: Sequence[Any] = ()) -> TrainingResult:
    """Train on (doc_id, text) pairs; save model (or LoRA adapter) and tokenizer to output_dir/model.

    Without base_model a tiny Llama is built from params.tiny_model with a tokenizer trained on the
    train split. With base_model (a local folder) that model and its tokenizer are loaded and a LoRA
    adapter is trained (use_lora, default: not params.full_finetune) or every weight is.

    Checkpoints go to output_dir/checkpoints every params.save_steps steps. With resume, training
    continues from the newest complete one (from the start if there is none), after checking that
    the data, base model and hyperparameters are those the run was started with. callbacks are
    extra transformers TrainerCallbacks (progress reporting).
    """
    output_dir = Path(output_dir)
    if base_model is not None:
        base_model = Path(base_model)
        if not base_model.is_dir():
            raise TrainingError(f"{base_model}: base model folder not found")
        if not any(base_model.glob("config.json")):
            raise TrainingError(f"{base_model}: no config.json, not a transformers model folder")
    if use_lora is None:
        use_lora = not params.full_finetune
    if not resume and (output_dir / PLAN_FILE).exists():
        raise TrainingError(f"{output_dir}: already holds a training run ({PLAN_FILE}); "
                            "resume it or choose another output folder")
    with (quiet_progress(), output_lock(output_dir),
          tempfile.TemporaryDirectory(prefix="curation-trainer-") as scratch):
        return _finetune(docs, output_dir, params, base_model, use_lora, resume, list(callbacks), Path(scratch))


def _finetune(docs, output_dir: Path, params: TrainingPolicy, base_model: Path | None, use_lora: bool,
              resume: bool, callbacks: list, scratch: Path) -> TrainingResult:
    import transformers
    from transformers import PrinterCallback, Trainer, TrainingArguments, default_data_collator

    device = select_device()
    train_docs, eval_docs = split_by_doc(docs, params.eval_fraction, params.seed)
    if not train_docs or not eval_docs:
        raise TrainingError(f"need at least 2 different documents to train and evaluate, got {len(docs)}")
    transformers.set_seed(params.seed)  # seeds python, numpy and torch before any weight is made
    m = _load_model(params, base_model, use_lora, device, [t for _, t in train_docs], scratch)
    train_blocks = pack(m.tokenizer, [t for _, t in train_docs], params.block_size)
    eval_blocks = pack(m.tokenizer, [t for _, t in eval_docs], params.block_size)
    for name, blocks, part in (("eval", eval_blocks, eval_docs), ("train", train_blocks, train_docs)):
        if not blocks:
            n_tokens = len(pack(m.tokenizer, [t for _, t in part], 1))
            raise TrainingError(
                f"too little text for one {name} block: {len(part)} {name} document(s) gave {n_tokens} "
                f"tokens, a block needs {params.block_size} (add documents or lower training.block_size)")

    checkpoint = last_checkpoint(output_dir) if resume else None
    args = TrainingArguments(
        output_dir=str(output_dir / CHECKPOINTS), max_steps=params.max_steps,
        per_device_train_batch_size=params.batch_size, per_device_eval_batch_size=params.batch_size,
        gradient_accumulation_steps=params.gradient_accumulation_steps, learning_rate=m.learning_rate,
        warmup_steps=params.warmup_steps, weight_decay=params.weight_decay,
        lr_scheduler_type=params.lr_scheduler, seed=params.seed, data_seed=params.seed,
        bf16=device.bf16, use_cpu=device.device == "cpu", report_to="none",
        save_strategy="steps" if params.save_steps else "no", save_steps=params.save_steps or 500,
        save_total_limit=2, eval_strategy="no", logging_steps=max(1, params.max_steps // 10),
        disable_tqdm=True, dataloader_num_workers=0,
    )
    hyper = params.model_dump() | {
        "mode": m.mode, "effective_learning_rate": m.learning_rate,
        "lora": params.lora.model_dump() if m.mode == "lora" else None,
        "tiny_model": params.tiny_model.model_dump() if m.mode == "from-scratch" else None,
        "precision": "bf16 mixed" if device.bf16 else "fp32",
        "tokens_per_step": params.batch_size * params.gradient_accumulation_steps * params.block_size,
        "optimizer": str(getattr(args.optim, "value", args.optim)), "max_grad_norm": args.max_grad_norm}
    data_sha = combined_sha256({f"{side}/{doc_id}": hashlib.sha256(text.encode()).hexdigest()
                                for side, part in (("train", train_docs), ("eval", eval_docs))
                                for doc_id, text in part})
    base_sha = combined_sha256(m.base_files)
    check_plan(output_dir, {"base_model_sha256": base_sha, "data_sha256": data_sha,
                             "hyperparameters": {k: v for k, v in hyper.items() if k not in NOT_IN_PLAN}},
                resuming=checkpoint is not None)

    timer = _throughput_callback(device.device == "cuda")
    trainer = Trainer(model=m.model, args=args, train_dataset=train_blocks, eval_dataset=eval_blocks,
                      data_collator=default_data_collator, processing_class=m.tokenizer,
                      callbacks=[timer, *callbacks])
    trainer.remove_callback(PrinterCallback)  # disable_tqdm adds it; it print()s every log line
    loss_before = float(trainer.evaluate()["eval_loss"])
    if device.device == "cuda":
        import torch

        torch.cuda.reset_peak_memory_stats()
    if checkpoint is not None:
        drop_checkpoints_after(output_dir, checkpoint_step(checkpoint))
        log.info("resuming from %s", checkpoint)
    started = time.perf_counter()
    out = trainer.train(resume_from_checkpoint=str(checkpoint) if checkpoint else None)
    train_seconds = time.perf_counter() - started
    loss_after = float(trainer.evaluate()["eval_loss"])

    model_dir = output_dir / "model"
    if model_dir.exists():
        shutil.rmtree(model_dir)  # left by an earlier attempt that died while saving
    model_dir.mkdir(parents=True)
    trainer.model.save_pretrained(model_dir)
    m.tokenizer.save_pretrained(model_dir)
    if m.mode == "lora":  # peft writes a placeholder card there; the run's card is output_dir/README.md
        (model_dir / "README.md").unlink(missing_ok=True)
    if not params.keep_checkpoints:
        shutil.rmtree(output_dir / CHECKPOINTS, ignore_errors=True)
    output_files = files_sha256(model_dir)
    if m.mode == "from-scratch":
        m.tokenizer_files = {k: v for k, v in output_files.items() if TOKENIZER_FILES.match(k)}

    steps_done = int(out.global_step) - (checkpoint_step(checkpoint) or 0)
    tokens_per_step = hyper["tokens_per_step"]
    per_second = timer.steps_per_second() or (steps_done / train_seconds if train_seconds else 0.0)
    flops_per_token = model_flops_per_token(trainer.model, params.block_size)
    peak = peak_flops(device)
    tokens_per_second = per_second * tokens_per_step
    loss_log = [{"step": e["step"], "loss": e["loss"]} for e in trainer.state.log_history if "loss" in e]
    log.info("trained %d steps in %.1f s on %s: eval loss %.4f -> %.4f", steps_done, train_seconds,
             device.device, loss_before, loss_after)
    return TrainingResult(
        output_dir=str(output_dir), device=device.device, bf16=device.bf16, base_model=m.base_name,
        base_model_sha256=base_sha, tokenizer_sha256=combined_sha256(m.tokenizer_files),
        hyperparameters=hyper, seed=params.seed, n_train_docs=len(train_docs), n_eval_docs=len(eval_docs),
        n_train_blocks=len(train_blocks), n_eval_blocks=len(eval_blocks), eval_loss_before=loss_before,
        eval_loss_after=loss_after, perplexity_before=_ppl(loss_before), perplexity_after=_ppl(loss_after),
        train_steps=int(out.global_step), train_seconds=round(train_seconds, 3), adapter=m.mode == "lora",
        mode=m.mode, device_name=device.name, threads=device.threads,
        resumed_from_step=checkpoint_step(checkpoint), data_sha256=data_sha,
        train_tokens=steps_done * tokens_per_step, tokens_per_second=round(tokens_per_second, 2),
        peak_memory_bytes=peak_memory(device), flops_per_token=flops_per_token,
        mfu=round(tokens_per_second * flops_per_token / peak, 4) if peak else None,
        loss_log=loss_log, base_model_files_sha256=m.base_files, tokenizer_files_sha256=m.tokenizer_files,
        output_files_sha256={f"model/{k}": v for k, v in output_files.items()},
        library_versions=library_versions(),
    )


def _ppl(loss: float) -> float:
    return math.exp(loss) if loss < 700 else float("inf")


# ---- model card ----------------------------------------------------------------------------------
