"""Fine-tuning on an approved dataset version: device choice, tokenizer, packing, Trainer, model card.

Pure library code: the caller verifies the dataset version, records the run (audit, catalog) and
decides where the output goes. Nothing here touches the network: the hub is switched off before
transformers is imported, and a base model is only ever read from a local folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import math
import os
import tempfile
import time
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
# LoRA settings used when a base model folder is given (the policy has no LoRA section yet).
LORA = {"r": 8, "lora_alpha": 16, "lora_dropout": 0.0, "target_modules": "all-linear"}


class TrainingError(RuntimeError):
    """A training run that cannot start or finish; the message says why in plain words."""


@dataclass(frozen=True)
class DeviceChoice:
    device: str  # "cuda" | "cpu"
    bf16: bool
    threads: int


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
    train_seconds: float
    adapter: bool  # True: output_dir/model holds a peft LoRA adapter for base_model
    loss_log: list[dict[str, float]] = field(default_factory=list)  # [{"step", "loss"}] while training
    output_files_sha256: dict[str, str] = field(default_factory=dict)
    library_versions: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True, ensure_ascii=False, indent=2)


def select_device() -> DeviceChoice:
    """CUDA (bf16 where the GPU supports it), else CPU with a thread count that doesn't oversubscribe."""
    import torch

    if torch.cuda.is_available():
        return DeviceChoice("cuda", bool(torch.cuda.is_bf16_supported()), torch.get_num_threads())
    # Small models spend most of a step in short ops whose intra-op threads spin and synchronise;
    # on a shared/busy box every thread beyond the free cores makes that worse (measured: 1 thread
    # was 10x faster than 2 on a busy 2-core machine). Use half the cores we may run on, at most 8
    # (tiny matmuls gain nothing beyond that). CURATION_TORCH_THREADS overrides.
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    threads = int(os.environ.get("CURATION_TORCH_THREADS") or min(8, max(1, cores // 2)))
    torch.set_num_threads(threads)
    return DeviceChoice("cpu", False, threads)


def split_by_doc(docs: list[tuple[str, str]], eval_fraction: float, seed: int
                 ) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Split (doc_id, text) pairs by a hash of seed+doc_id: a document always lands on the same side."""
    def score(doc_id: str) -> float:
        return int(hashlib.sha256(f"{seed}:{doc_id}".encode()).hexdigest(), 16) / 2**256

    scored = sorted(docs, key=lambda d: (score(d[0]), d[0]))
    train = [d for d in docs if score(d[0]) >= eval_fraction]
    evals = [d for d in docs if score(d[0]) < eval_fraction]
    if len(docs) >= 2 and not evals:  # lowest-scoring doc goes to eval
        evals, train = [scored[0]], [d for d in docs if d[0] != scored[0][0]]
    elif len(docs) >= 2 and not train:  # highest-scoring doc goes to train
        train, evals = [scored[-1]], [d for d in docs if d[0] != scored[-1][0]]
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


def folder_sha256(folder: Path) -> str:
    """One hash over a folder: sha256 of the sorted 'relative/path  sha256' lines of its files."""
    lines = "".join(f"{name}  {h}\n" for name, h in files_sha256(folder).items())
    return hashlib.sha256(lines.encode()).hexdigest()


def library_versions() -> dict[str, str]:
    out = {}
    for name in ("torch", "transformers", "tokenizers", "peft", "accelerate"):
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def _tiny_model(params: TrainingPolicy, tokenizer):
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


@contextlib.contextmanager
def _quiet_progress():
    """No tqdm bars from save/load while we run (they flood logs); restore the caller's setting."""
    from transformers.utils import logging as hf_logging

    was_on = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        if was_on:
            hf_logging.enable_progress_bar()


def finetune(docs: list[tuple[str, str]], output_dir: Path, params: TrainingPolicy,
             base_model: Path | None = None, *, use_lora: bool = True) -> TrainingResult:
    """Train on (doc_id, text) pairs; save model (or LoRA adapter) and tokenizer to output_dir/model.

    Without base_model a tiny Llama is built from params.tiny_model with a tokenizer trained on the
    train split. With base_model (a local folder) that model and its tokenizer are loaded and, with
    use_lora, a LoRA adapter is trained and saved instead of the full weights.
    """
    with _quiet_progress(), tempfile.TemporaryDirectory(prefix="curation-trainer-") as scratch:
        return _finetune(docs, Path(output_dir), params, base_model, use_lora, Path(scratch))


def _finetune(docs, output_dir: Path, params: TrainingPolicy, base_model: Path | None,
              use_lora: bool, scratch: Path) -> TrainingResult:
    import torch
    import transformers
    from transformers import (AutoModelForCausalLM, AutoTokenizer, PrinterCallback, Trainer,
                              TrainingArguments, default_data_collator)

    if base_model is not None:
        base_model = Path(base_model)
        if not base_model.is_dir():
            raise TrainingError(f"{base_model}: base model folder not found")
    device = select_device()
    train_docs, eval_docs = split_by_doc(docs, params.eval_fraction, params.seed)
    if not train_docs or not eval_docs:
        raise TrainingError(f"need at least 2 documents to train and evaluate, got {len(docs)}")
    transformers.set_seed(params.seed)  # seeds python, numpy and torch before any weight is made

    adapter = False
    if base_model is None:
        tokenizer = train_tokenizer([t for _, t in train_docs], params.tiny_model.vocab_size)
        model = _tiny_model(params, tokenizer)
        model.save_pretrained(scratch / "initial")  # hash of the initial weights = the "base model"
        base_sha = folder_sha256(scratch / "initial")
        base_name = TINY_BASE
    else:
        base_sha, base_name = folder_sha256(base_model), str(base_model)
        try:
            tokenizer = AutoTokenizer.from_pretrained(base_model, local_files_only=True)
            model = AutoModelForCausalLM.from_pretrained(base_model, local_files_only=True,
                                                         dtype=torch.float32)
        except (OSError, ValueError) as exc:
            raise TrainingError(f"{base_model}: cannot load a causal LM and tokenizer ({exc})") from exc
        if use_lora:
            from peft import LoraConfig, get_peft_model

            model = get_peft_model(model, LoraConfig(task_type="CAUSAL_LM", **LORA))
            adapter = True

    train_blocks = pack(tokenizer, [t for _, t in train_docs], params.block_size)
    eval_blocks = pack(tokenizer, [t for _, t in eval_docs], params.block_size)
    for name, blocks, part in (("eval", eval_blocks, eval_docs), ("train", train_blocks, train_docs)):
        if not blocks:
            n_tokens = len(pack(tokenizer, [t for _, t in part], 1))
            raise TrainingError(
                f"too little text for one {name} block: {len(part)} {name} document(s) gave {n_tokens} "
                f"tokens, a block needs {params.block_size} (add documents or lower training.block_size)")

    args = TrainingArguments(
        output_dir=str(scratch / "trainer"), max_steps=params.max_steps,
        per_device_train_batch_size=params.batch_size, per_device_eval_batch_size=params.batch_size,
        learning_rate=params.learning_rate, seed=params.seed, data_seed=params.seed,
        bf16=device.bf16, use_cpu=device.device == "cpu", report_to="none", save_strategy="no",
        eval_strategy="no", logging_steps=max(1, params.max_steps // 10), disable_tqdm=True,
        dataloader_num_workers=0,
    )
    hyper = params.model_dump() | {
        "lora": LORA if adapter else None, "optimizer": str(getattr(args.optim, "value", args.optim)),
        "lr_scheduler": str(getattr(args.lr_scheduler_type, "value", args.lr_scheduler_type)),
        "warmup_steps": args.warmup_steps, "weight_decay": args.weight_decay}
    trainer = Trainer(model=model, args=args, train_dataset=train_blocks, eval_dataset=eval_blocks,
                      data_collator=default_data_collator, processing_class=tokenizer)
    trainer.remove_callback(PrinterCallback)  # disable_tqdm adds it; it print()s every log line
    loss_before = float(trainer.evaluate()["eval_loss"])
    started = time.perf_counter()
    out = trainer.train()
    train_seconds = time.perf_counter() - started
    loss_after = float(trainer.evaluate()["eval_loss"])

    model_dir = output_dir / "model"
    model_dir.mkdir(parents=True, exist_ok=True)
    trainer.model.save_pretrained(model_dir)
    tokenizer.save_pretrained(model_dir)
    if adapter:  # peft writes a placeholder card there; the run's card is output_dir/README.md
        (model_dir / "README.md").unlink(missing_ok=True)
    loss_log = [{"step": e["step"], "loss": e["loss"]} for e in trainer.state.log_history if "loss" in e]
    log.info("trained %d steps in %.1f s on %s: eval loss %.4f -> %.4f", out.global_step,
             train_seconds, device.device, loss_before, loss_after)
    tok_file = model_dir / "tokenizer.json"
    tok_sha = sha256_file(tok_file) if tok_file.exists() else folder_sha256(model_dir)
    return TrainingResult(
        output_dir=str(output_dir), device=device.device, bf16=device.bf16, base_model=base_name,
        base_model_sha256=base_sha, tokenizer_sha256=tok_sha, hyperparameters=hyper, seed=params.seed,
        n_train_docs=len(train_docs), n_eval_docs=len(eval_docs), n_train_blocks=len(train_blocks),
        n_eval_blocks=len(eval_blocks), eval_loss_before=loss_before, eval_loss_after=loss_after,
        perplexity_before=_ppl(loss_before), perplexity_after=_ppl(loss_after),
        train_steps=int(out.global_step), train_seconds=round(train_seconds, 3), adapter=adapter,
        loss_log=loss_log, output_files_sha256={f"model/{k}": v for k, v in files_sha256(model_dir).items()},
        library_versions=library_versions(),
    )


def _ppl(loss: float) -> float:
    return math.exp(loss) if loss < 700 else float("inf")


def _card_license(license_expr: str | None) -> list[str]:
    if not license_expr:
        return ["license: other"]
    if all(c.isalnum() or c in ".-" for c in license_expr):  # a single SPDX id
        return [f"license: {license_expr.lower()}"]
    return ["license: other", f"license_name: {json.dumps(license_expr)}"]


def write_model_card(output_dir: Path, result: TrainingResult, dataset_version_id: str,
                     dataset_card: str, *, license: str | None = None) -> Path:
    """Write output_dir/README.md, a Hugging Face model card for this run, and return its path.

    dataset_card is the dataset card's text (embedded, headings demoted) or a one-line reference.
    license is the dataset's SPDX expression, when the caller knows it.
    """
    output_dir = Path(output_dir)
    header = ["---", *_card_license(license)]
    if result.base_model != TINY_BASE:
        header.append(f"base_model: {json.dumps(result.base_model)}")
    header += [f"library_name: {'peft' if result.adapter else 'transformers'}",
               "pipeline_tag: text-generation", "datasets:", f"  - {json.dumps(dataset_version_id)}",
               "tags:", "  - curation", "  - causal-lm", *(["  - lora"] if result.adapter else []), "---"]
    r = result
    lines = [
        *header, "", f"# Fine-tuned model ({'LoRA adapter' if r.adapter else 'full weights'})", "",
        f"- Dataset version: `{dataset_version_id}`",
        f"- Base model: `{r.base_model}` (sha256 `{r.base_model_sha256}`)",
        f"- Tokenizer sha256: `{r.tokenizer_sha256}`",
        f"- Device: {r.device} (bf16: {r.bf16}); seed {r.seed}; {r.train_steps} steps in {r.train_seconds} s",
        f"- Documents: {r.n_train_docs} train / {r.n_eval_docs} eval (split by doc_id hash); "
        f"blocks: {r.n_train_blocks} train / {r.n_eval_blocks} eval",
        "", "## Evaluation (held-out documents)", "",
        "| | loss | perplexity |", "|---|---|---|",
        f"| before | {r.eval_loss_before:.4f} | {r.perplexity_before:.2f} |",
        f"| after | {r.eval_loss_after:.4f} | {r.perplexity_after:.2f} |",
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
