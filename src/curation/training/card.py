"""The model card of a training run: what it was trained on, how, with which result, and how to load it."""

from __future__ import annotations

import json
from pathlib import Path


from curation.training.trainer import TINY_BASE, TrainingResult


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


EVAL_START = "<!-- curation evaluate: start -->"
EVAL_END = "<!-- curation evaluate: end -->"


def add_evaluation(output_dir: Path, result) -> Path:
    """Put an evaluation's results (curation.training.evaluation.EvaluationResult) into the run's
    model card, under "Evaluation on tasks and privacy probe"; a later evaluation replaces the
    section. The rest of the card is left as training wrote it. Returns the card's path."""
    from dataclasses import asdict

    from curation.training.eval_table import markdown

    path = Path(output_dir) / "README.md"
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    section = "\n".join([EVAL_START, "## Evaluation on tasks and privacy probe (curation evaluate)", "",
                         *markdown(asdict(result)), EVAL_END])
    if EVAL_START in text and EVAL_END in text:
        head, rest = text.split(EVAL_START, 1)
        text = head + section + rest.split(EVAL_END, 1)[1]
    else:  # right after the training evaluation, before "Intended use and limits"
        anchor = "## Intended use and limits"
        text = text.replace(anchor, section + "\n\n" + anchor, 1) if anchor in text else text + "\n" + section + "\n"
    path.write_text(text, encoding="utf-8")
    return path
