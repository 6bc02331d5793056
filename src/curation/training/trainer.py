"""Fine-tuning on an approved dataset version: device choice, tokenizer, packing, Trainer, model card.

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
import os
import re
import resource
import shutil
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

# Must be set before transformers/huggingface_hub are first imported (they read it at import time).
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

from curation.policy import TrainingPolicy  # noqa: E402

# torch/transformers/peft are imported inside the functions: `import curation.training` stays cheap.

if TYPE_CHECKING:
    from transformers import PreTrainedTokenizerFast

log = logging.getLogger(__name__)

PAD, EOS = "<|pad|>", "<|endoftext|>"
TINY_BASE = "tiny-from-config"
PLAN_FILE = "run_plan.json"
CHECKPOINTS = "checkpoints"
_CHECKPOINT_DIR = re.compile(r"^checkpoint-(\d+)$")
_WORD = re.compile(r"\w+")
# Settings that do not change the weights a run ends with: a resumed run may differ in them.
_NOT_IN_PLAN = ("save_steps", "keep_checkpoints")
# Files a tokenizer is loaded from; their hashes identify "the tokenizer" of a base model folder.
_TOKENIZER_FILES = re.compile(r"^(tokenizer.*|special_tokens_map\.json|added_tokens\.json|vocab\.json|"
                              r"merges\.txt|chat_template\.jinja|.*\.model)$")
# Dense bf16 tensor-core peak per GPU (no sparsity), FLOP/s; matched on torch.cuda.get_device_name().
# CURATION_PEAK_TFLOPS overrides (a GPU not listed here gets mfu None).
PEAK_BF16_FLOPS = [("H100 PCIe", 756e12), ("H100", 989e12), ("H200", 989e12), ("GH200", 989e12),
                   ("B200", 2250e12), ("A100", 312e12), ("L40S", 362e12), ("L40", 181e12),
                   ("L4", 121e12), ("A10", 125e12), ("RTX 4090", 165e12), ("RTX 6000 Ada", 364e12)]


class TrainingError(RuntimeError):
    """A training run that cannot start or finish; the message says why in plain words."""


@dataclass(frozen=True)
class DeviceChoice:
    device: str  # "cuda" | "cpu"
    bf16: bool
    threads: int
    name: str = ""  # GPU or CPU model, for the record


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


def select_device() -> DeviceChoice:
    """CUDA (bf16 where the GPU supports it), else CPU with a thread count that doesn't oversubscribe."""
    import torch

    if torch.cuda.is_available():
        return DeviceChoice("cuda", bool(torch.cuda.is_bf16_supported()), torch.get_num_threads(),
                            torch.cuda.get_device_name(0))
    # Small models spend most of a step in short ops whose intra-op threads spin and synchronise;
    # on a shared/busy box every thread beyond the free cores makes that worse (measured: 1 thread
    # was 10x faster than 2 on a busy 2-core machine). Use half the cores we may run on, at most 8
    # (tiny matmuls gain nothing beyond that). CURATION_TORCH_THREADS overrides.
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    threads = int(os.environ.get("CURATION_TORCH_THREADS") or min(8, max(1, cores // 2)))
    torch.set_num_threads(threads)
    return DeviceChoice("cpu", False, threads, _cpu_name())


def _cpu_name() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    import platform

    return platform.processor() or platform.machine()


def split_key(text: str) -> str:
    """What decides a document's side of the split: its words, case-folded (same rule as ingest's
    dup_key), so documents that differ only in case, punctuation or spacing stay together."""
    return hashlib.sha256(" ".join(_WORD.findall(text.casefold())).encode()).hexdigest()


def split_by_doc(docs: list[tuple[str, str]], eval_fraction: float, seed: int
                 ) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Split (doc_id, text) pairs by a hash of seed + the text's split_key.

    A document always lands on the same side whatever else is in the list, and duplicates (same
    words, any ids) share a side, so a held-out document never has a copy in the training set.
    """
    def score(key: str) -> float:
        return int(hashlib.sha256(f"{seed}:{key}".encode()).hexdigest(), 16) / 2**256

    scores = {doc_id: score(split_key(text)) for doc_id, text in docs}
    train = [d for d in docs if scores[d[0]] >= eval_fraction]
    evals = [d for d in docs if scores[d[0]] < eval_fraction]
    if len({scores[d] for d, _ in docs}) >= 2 and (not evals or not train):
        # Every document fell on one side: move the extreme group (all copies of one text) across.
        side = min if not evals else max
        edge = side(scores.values())
        moved = [d for d in docs if scores[d[0]] == edge]
        kept = [d for d in docs if scores[d[0]] != edge]
        train, evals = (kept, moved) if not evals else (moved, kept)
    return train, evals


def train_tokenizer(texts: list[str], vocab_size: int) -> PreTrainedTokenizerFast:
    """Byte-level BPE trained on `texts`, with its own pad token distinct from eos (no unk needed)."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=vocab_size, special_tokens=[PAD, EOS], show_progress=False,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    tok.train_from_iterator(texts, trainer=trainer)
    return PreTrainedTokenizerFast(tokenizer_object=tok, bos_token=EOS, eos_token=EOS, pad_token=PAD)


def pack(tokenizer, texts: list[str], block_size: int) -> list[dict[str, Any]]:
    """Concatenate the documents' tokens, eos after each, and cut into full block_size blocks."""
    import torch

    ids: list[int] = []
    for row in tokenizer(texts, add_special_tokens=False, verbose=False)["input_ids"]:
        ids.extend(row)
        if tokenizer.eos_token_id is not None:
            ids.append(tokenizer.eos_token_id)
    blocks = []
    for start in range(0, len(ids) - block_size + 1, block_size):
        block = torch.tensor(ids[start:start + block_size], dtype=torch.long)
        blocks.append({"input_ids": block, "attention_mask": torch.ones_like(block), "labels": block})
    return blocks


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def files_sha256(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): sha256_file(p)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def combined_sha256(hashes: dict[str, str]) -> str:
    """One hash over named files: sha256 of the sorted 'relative/path  sha256' lines."""
    return hashlib.sha256("".join(f"{name}  {h}\n" for name, h in sorted(hashes.items())).encode()).hexdigest()


def folder_sha256(folder: Path) -> str:
    return combined_sha256(files_sha256(folder))


def library_versions() -> dict[str, str]:
    out = {}
    for name in ("torch", "transformers", "tokenizers", "peft", "accelerate"):
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


# ---- checkpoints and the output folder ---------------------------------------------------------

def last_checkpoint(output_dir: Path) -> Path | None:
    """The newest complete checkpoint under output_dir/checkpoints, or None.

    The Trainer writes trainer_state.json last, so a folder without a readable one (the process
    died while saving) is skipped and the previous checkpoint is used.
    """
    folder = Path(output_dir) / CHECKPOINTS
    if not folder.is_dir():
        return None
    found = sorted(((int(m.group(1)), p) for p in folder.iterdir()
                    if p.is_dir() and (m := _CHECKPOINT_DIR.match(p.name))), reverse=True)
    for step, path in found:
        with contextlib.suppress(OSError, ValueError):
            if json.loads((path / "trainer_state.json").read_text())["global_step"] == step:
                return path
    return None


def checkpoint_step(path: Path | None) -> int | None:
    return int(_CHECKPOINT_DIR.match(path.name).group(1)) if path else None


@contextlib.contextmanager
def output_lock(output_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock on output_dir while a run writes there; the OS drops it if the process
    dies (even by SIGKILL), so a stale lock never blocks a resume."""
    import fcntl

    output_dir.mkdir(parents=True, exist_ok=True)
    with (output_dir / ".lock").open("a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise TrainingError(f"{output_dir}: another process is training into this folder") from None
        fh.truncate(0)
        fh.write(f"{os.getpid()}\n")
        fh.flush()
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def is_locked(output_dir: Path) -> bool:
    """True while some process holds output_lock on output_dir."""
    try:
        with output_lock(Path(output_dir)):
            return False
    except TrainingError:
        return True


# ---- models --------------------------------------------------------------------------------------

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
    tok_files = {k: v for k, v in files.items() if _TOKENIZER_FILES.match(Path(k).name)}
    if not use_lora:
        return _Model(model, tokenizer, "full", str(base_model), files, tok_files,
                      params.full_finetune_learning_rate)
    from peft import LoraConfig, get_peft_model

    lora = params.lora
    model = get_peft_model(model, LoraConfig(task_type="CAUSAL_LM", r=lora.r, lora_alpha=lora.alpha,
                                             lora_dropout=lora.dropout, target_modules=lora.target_modules))
    return _Model(model, tokenizer, "lora", str(base_model), files, tok_files, lora.learning_rate)


def model_flops_per_token(model, seq_len: int) -> float:
    """Training FLOPs per token: 6 per weight that learns, 4 per frozen weight (forward and input
    gradients, no weight gradient), plus attention scores 12·layers·hidden·seq_len (PaLM, app. B).
    The input embedding is a lookup, not a matmul; a tied output head is a matmul and counts."""
    config = model.config
    embeddings = model.get_input_embeddings().weight
    tied = any(p is embeddings for p in model.get_output_embeddings().parameters())
    trainable = frozen = 0
    for param in model.parameters():
        if param is embeddings and not tied:
            continue
        if param.requires_grad:
            trainable += param.numel()
        else:
            frozen += param.numel()
    layers = getattr(config, "num_hidden_layers", 0)
    hidden = getattr(config, "hidden_size", 0)
    return float(6 * trainable + 4 * frozen + 12 * layers * hidden * seq_len)


def peak_flops(device: DeviceChoice) -> float | None:
    """Dense bf16 peak of the GPU in FLOP/s (CURATION_PEAK_TFLOPS overrides); None on CPU or unknown."""
    if device.device != "cuda":
        return None
    if os.environ.get("CURATION_PEAK_TFLOPS"):
        return float(os.environ["CURATION_PEAK_TFLOPS"]) * 1e12
    # Whole words only: an "A10G" is not an "A10", a "GH200" not an "H200".
    return next((flops for name, flops in PEAK_BF16_FLOPS if re.search(rf"\b{re.escape(name)}\b", device.name)),
                None)


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


def _peak_memory(device: DeviceChoice) -> int:
    if device.device == "cuda":
        import torch

        return int(torch.cuda.max_memory_allocated())
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) * 1024  # Linux: kilobytes


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
    _check_plan(output_dir, {"base_model_sha256": base_sha, "data_sha256": data_sha,
                             "hyperparameters": {k: v for k, v in hyper.items() if k not in _NOT_IN_PLAN}},
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
        _drop_checkpoints_after(output_dir, checkpoint_step(checkpoint))
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
        m.tokenizer_files = {k: v for k, v in output_files.items() if _TOKENIZER_FILES.match(k)}

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
        peak_memory_bytes=_peak_memory(device), flops_per_token=flops_per_token,
        mfu=round(tokens_per_second * flops_per_token / peak, 4) if peak else None,
        loss_log=loss_log, base_model_files_sha256=m.base_files, tokenizer_files_sha256=m.tokenizer_files,
        output_files_sha256={f"model/{k}": v for k, v in output_files.items()},
        library_versions=library_versions(),
    )


def _check_plan(output_dir: Path, plan: dict, *, resuming: bool) -> None:
    """Write output_dir/run_plan.json, or, when resuming, refuse checkpoints made from another plan."""
    path = output_dir / PLAN_FILE
    plan = json.loads(json.dumps(plan, sort_keys=True))  # the form it takes on disk
    if resuming and path.exists():
        before = json.loads(path.read_text(encoding="utf-8"))
        changed = sorted(k for k in plan if plan[k] != before.get(k))
        if changed:
            names = {"base_model_sha256": "base model", "data_sha256": "data", "hyperparameters": "hyperparameters"}
            raise TrainingError(f"{output_dir}: cannot resume, its checkpoints were made with different "
                                f"{' and '.join(names.get(k, k) for k in changed)}")
    path.write_text(json.dumps(plan, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _drop_checkpoints_after(output_dir: Path, step: int) -> None:
    """Remove checkpoint folders newer than the one resumed from (half-written by a killed run)."""
    for path in (output_dir / CHECKPOINTS).iterdir():
        if (m := _CHECKPOINT_DIR.match(path.name)) and int(m.group(1)) > step:
            shutil.rmtree(path)


def _ppl(loss: float) -> float:
    return math.exp(loss) if loss < 700 else float("inf")


# ---- model card ----------------------------------------------------------------------------------

def _card_license(license_expr: str | None) -> list[str]:
    if not license_expr:
        return ["license: other"]
    if all(c.isalnum() or c in ".-" for c in license_expr):  # a single SPDX id
        return [f"license: {license_expr.lower()}"]
    return ["license: other", f"license_name: {json.dumps(license_expr)}"]


def _how_to_load(r: TrainingResult) -> list[str]:
    if r.adapter:
        code = ["from peft import PeftModel", "from transformers import AutoModelForCausalLM, AutoTokenizer",
                "", f"base = AutoModelForCausalLM.from_pretrained({r.base_model!r})",
                'model = PeftModel.from_pretrained(base, "model")  # this folder\'s model/',
                'tokenizer = AutoTokenizer.from_pretrained("model")',
                "# model.merge_and_unload() gives plain weights for serving"]
    else:
        code = ["from transformers import AutoModelForCausalLM, AutoTokenizer", "",
                'model = AutoModelForCausalLM.from_pretrained("model")  # this folder\'s model/',
                'tokenizer = AutoTokenizer.from_pretrained("model")']
    return ["## How to load", "", "```python", *code, "```"]


def write_model_card(output_dir: Path, result: TrainingResult, dataset_version_id: str,
                     dataset_card: str, *, license: str | None = None, run_id: str | None = None) -> Path:
    """Write output_dir/README.md, a Hugging Face model card for this run, and return its path.

    dataset_card is the dataset card's text (embedded, headings demoted) or a one-line reference
    (a path or a markdown link). license is the dataset's SPDX expression, when the caller knows it.
    """
    output_dir = Path(output_dir)
    r = result
    header = ["---", *_card_license(license)]
    if r.base_model != TINY_BASE:
        header.append(f"base_model: {json.dumps(r.base_model)}")
    header += [f"library_name: {'peft' if r.adapter else 'transformers'}",
               "pipeline_tag: text-generation", "datasets:", f"  - {json.dumps(dataset_version_id)}",
               "tags:", "  - curation", "  - causal-lm", *(["  - lora"] if r.adapter else []), "---"]
    kind = {"lora": "LoRA adapter", "full": "full fine-tune", "from-scratch": "tiny model trained from scratch"}
    memory = (f"peak GPU memory allocated {r.peak_memory_bytes / 2**20:.0f} MiB" if r.device == "cuda" else
              f"peak resident memory of the training process {r.peak_memory_bytes / 2**20:.0f} MiB")
    lines = [
        *header, "", f"# Fine-tuned model ({kind.get(r.mode, r.mode)})", "",
        *([f"- Training run: `{run_id}`"] if run_id else []),
        f"- Dataset version: `{dataset_version_id}`",
        f"- Base model: `{r.base_model}` (sha256 `{r.base_model_sha256}`)",
        f"- Tokenizer sha256: `{r.tokenizer_sha256}`",
        (f"- Device: {r.device} {r.device_name} (bf16: {r.bf16}); seed {r.seed}; {r.train_steps} steps"
         + (f", resumed from step {r.resumed_from_step}" if r.resumed_from_step else "")
         + f"; {r.train_seconds} s in the last attempt"),
        (f"- Throughput: {r.tokens_per_second:.0f} tokens/s; {memory}"
         + (f"; model FLOPs utilisation {r.mfu:.1%}" if r.mfu is not None else "")),
        (f"- Documents: {r.n_train_docs} train / {r.n_eval_docs} eval (split by a hash of the text, so "
         f"duplicates share a side); blocks of {r.hyperparameters.get('block_size')} tokens: "
         f"{r.n_train_blocks} train / {r.n_eval_blocks} eval"),
        "", "## Evaluation (held-out documents)", "",
        "| | loss | perplexity |", "|---|---|---|",
        f"| before | {r.eval_loss_before:.4f} | {r.perplexity_before:.2f} |",
        f"| after | {r.eval_loss_after:.4f} | {r.perplexity_after:.2f} |",
        "", "## Intended use and limits", "",
        ("A proof-of-concept fine-tune on the dataset version above, trained on its anonymized text only. "
         "The held-out loss measures fit to that data, not the quality or safety of generated text: "
         "evaluate on your own task before any use, and keep this card with the weights."),
        "", *_how_to_load(r),
        "", "## Hyperparameters", "", "```json", json.dumps(r.hyperparameters, indent=2, sort_keys=True),
        "```", "", "## Libraries", "", *(f"- {k} {v}" for k, v in sorted(r.library_versions.items())),
        "", "## Files (sha256)", "", *(f"- `{k}` `{v}`" for k, v in sorted(r.output_files_sha256.items())),
        "", "## Training data", "",
    ]
    body = dataset_card.strip()
    if "\n" not in body:
        lines.append(f"Dataset card: {body}")
    else:
        if body.startswith("---"):  # drop the dataset card's own YAML header
            end = body.find("\n---", 3)
            body = body[end + 4:].strip() if end != -1 else body
        lines += [("#" + ln if ln.startswith("#") else ln) for ln in body.splitlines()]
    path = output_dir / "README.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
