"""Fine-tuning throughput: LoRA and full fine-tuning for a fixed number of steps, through the same
`curation.training.finetune` a real run uses (Trainer, packing, device and precision choice).

Prints, per mode, tokens/s (optimizer steps after the first, so start-up is left out), peak memory
(CUDA: max allocated; CPU: the process's peak resident set) and, on a GPU whose bf16 peak is known,
model FLOPs utilisation (CURATION_PEAK_TFLOPS sets the peak for an unlisted GPU). Each mode runs in
its own process so one's peak memory cannot hide in the other's. The last line is
`tokens_per_s=<x> mfu=<y>` for the first mode asked for (LoRA by default); mfu is `n/a` on CPU.

    python bench/finetune.py                                   # CPU: the policy's tiny model
    python bench/finetune.py --base-model data/base_models/SmolLM2-135M-Instruct
    python bench/finetune.py --preset llama-1b --block-size 2048 --batch-size 8   # GPU, from config

The text is synthetic (seeded random words): throughput does not depend on what the words say.
A --preset other than tiny builds random weights from a Llama config with the imported SmolLM2
tokenizer (49,152 tokens; `curation models import-smollm2` first).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SMOLLM2_DIR = ROOT / "data" / "base_models" / "SmolLM2-135M-Instruct"
# hidden, layers, heads, kv heads, intermediate: SmolLM2 360M / 1.7B and Llama-3.2-1B/3B-, Llama-3-8B-shaped.
PRESETS = {
    "smollm2-360m": (960, 32, 15, 5, 2560),
    "smollm2-1.7b": (2048, 24, 32, 32, 8192),
    "llama-1b": (2048, 16, 32, 8, 8192),
    "llama-3b": (3072, 28, 24, 8, 8192),
    "llama-8b": (4096, 32, 32, 8, 14336),
}
WORDS = ("report customer invoice contract review team quarter revenue policy access account support "
         "schedule release update request service storage export billing meeting project budget risk "
         "supplier order delivery warranty audit license model dataset training quality shipment").split()


def corpus(n_tokens: int, seed: int = 0) -> list[tuple[str, str]]:
    """Documents of ~120 words each, enough for about n_tokens tokens, plus a held-out share."""
    rng = random.Random(seed)
    n_docs = max(40, int(n_tokens / 120 * 1.4) + 1)
    return [(f"bench-{i:06d}", " ".join(rng.choice(WORDS) for _ in range(120)) + ".") for i in range(n_docs)]


def build_base(preset: str, folder: Path, docs: list[tuple[str, str]], policy) -> Path:
    """A base model folder with random weights: the policy's tiny model or a Llama-shaped preset."""
    import transformers
    from transformers import AutoTokenizer, LlamaConfig, LlamaForCausalLM

    from curation.training.data import train_tokenizer
    from curation.training.trainer import build_tiny_model

    transformers.set_seed(0)
    if preset == "tiny":
        tokenizer = train_tokenizer([t for _, t in docs], policy.tiny_model.vocab_size)
        model = build_tiny_model(policy, tokenizer)
    else:
        if not SMOLLM2_DIR.is_dir():
            sys.exit(f"preset {preset} uses the SmolLM2 tokenizer: run `curation models import-smollm2` first")
        tokenizer = AutoTokenizer.from_pretrained(SMOLLM2_DIR)
        hidden, layers, heads, kv, inter = PRESETS[preset]
        model = LlamaForCausalLM(LlamaConfig(
            vocab_size=len(tokenizer), hidden_size=hidden, num_hidden_layers=layers, num_attention_heads=heads,
            num_key_value_heads=kv, intermediate_size=inter, max_position_embeddings=8192,
            tie_word_embeddings=True, bos_token_id=tokenizer.bos_token_id, eos_token_id=tokenizer.eos_token_id))
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def run_one(args, mode: str) -> dict:
    """One mode in this process; returns its figures."""
    from curation.policy import load_policy
    from curation.training.trainer import finetune

    policy = load_policy(ROOT / "policies" / "default.yaml").training
    params = policy.model_copy(update={
        "max_steps": args.steps, "batch_size": args.batch_size, "block_size": args.block_size,
        "save_steps": 0, "eval_fraction": 0.05, "full_finetune": mode == "full", "seed": 0})
    docs = corpus(args.steps * args.batch_size * args.block_size)
    with tempfile.TemporaryDirectory(prefix="bench-finetune-") as tmp:
        base = Path(args.base_model) if args.base_model else build_base(args.preset, Path(tmp) / "base", docs, params)
        r = finetune(docs, Path(tmp) / "out", params, base_model=base)
    return {"mode": r.mode, "model": args.base_model or args.preset, "device": r.device,
            "device_name": r.device_name, "threads": r.threads, "precision": r.hyperparameters["precision"],
            "steps": r.train_steps, "batch_size": args.batch_size, "block_size": args.block_size,
            "tokens_per_s": r.tokens_per_second, "peak_memory_mib": round(r.peak_memory_bytes / 2**20),
            "mfu": r.mfu, "flops_per_token": r.flops_per_token, "train_seconds": r.train_seconds,
            "libraries": r.library_versions}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-model", help="local causal-LM folder (default: --preset)")
    parser.add_argument("--preset", default="tiny", choices=["tiny", *PRESETS])
    parser.add_argument("--modes", default="lora,full", help="comma-separated: lora, full")
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--block-size", type=int, default=64)
    parser.add_argument("--json", help="also write every mode's figures to this file")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print("BENCH " + json.dumps(run_one(args, args.child)), flush=True)
        return

    results = []
    for mode in args.modes.split(","):
        cmd = [sys.executable, __file__, "--child", mode, "--preset", args.preset, "--steps", str(args.steps),
               "--batch-size", str(args.batch_size), "--block-size", str(args.block_size),
               *(["--base-model", args.base_model] if args.base_model else [])]
        out = subprocess.run(cmd, capture_output=True, text=True, check=False,
                             env={**os.environ, "HF_HUB_OFFLINE": "1"})
        line = next((ln for ln in out.stdout.splitlines() if ln.startswith("BENCH ")), None)
        if out.returncode or line is None:
            sys.exit(f"{mode} failed:\n{out.stderr[-3000:]}")
        r = json.loads(line[6:])
        results.append(r)
        mfu = f"{r['mfu']:.3f}" if r["mfu"] is not None else "n/a"
        print(f"{r['mode']:>5} {r['model']} on {r['device']} ({r['device_name']}, {r['precision']}, "
              f"{r['threads']} threads): {r['steps']} steps of {r['batch_size']}x{r['block_size']} tokens, "
              f"{r['tokens_per_s']:.0f} tokens/s, peak memory {r['peak_memory_mib']} MiB, mfu {mfu}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n")
    first = results[0]
    print(f"tokens_per_s={first['tokens_per_s']:.1f} mfu={first['mfu'] if first['mfu'] is not None else 'n/a'}")


if __name__ == "__main__":
    main()
