"""Decoding throughput of `curation evaluate`: generated tokens/s of the same greedy, batched,
seeded `curation.training.generation.generate` an evaluation uses, at a few batch sizes.

Prints the device (CPU model and threads, or the GPU and whether it ran in bf16), then per model
and batch size: prompts, generated tokens, seconds, tokens/s. Timing starts after one warm-up
batch. The last line is `tokens_per_s=<x> device=<cpu|cuda>` for the first model at the largest
batch size.

    python bench/evaluate.py                                   # the policy's tiny model (random weights)
    python bench/evaluate.py --base-model data/base_models/SmolLM2-135M-Instruct

Prompts are synthetic (seeded random business words): greedy decoding of random or untrained
weights runs to max_new_tokens like any other, so the figure is the decoder's, not the text's.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

WORDS = ("report customer invoice contract review team quarter revenue policy access account support "
         "schedule release update request service storage export billing meeting project budget risk").split()


def prompts(n: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 24))) for _ in range(n)]


def tiny_model(folder: Path):
    """The policy's tiny model with a tokenizer trained on synthetic text, saved to `folder`."""
    import transformers

    from curation.policy import load_policy
    from curation.training.data import train_tokenizer
    from curation.training.trainer import build_tiny_model

    params = load_policy(ROOT / "policies" / "default.yaml").training
    transformers.set_seed(0)
    tokenizer = train_tokenizer(prompts(400, seed=1), params.tiny_model.vocab_size)
    model = build_tiny_model(params, tokenizer)
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-model", type=Path, help="a local causal-LM folder (default: the tiny model)")
    parser.add_argument("--batch-sizes", default="1,8,32")
    parser.add_argument("--prompts", type=int, default=64)
    parser.add_argument("--max-new-tokens", type=int, default=32)
    args = parser.parse_args()

    from curation.training.trainer import quiet_progress

    with quiet_progress():
        run(args)


def run(args: argparse.Namespace) -> None:
    from curation.training.device import select_device
    from curation.training.eval_models import load_causal_lm
    from curation.training.generation import generate, prepare

    device = select_device()
    print(f"device: {device.device} {device.name}; threads {device.threads}; bf16 {device.bf16}")
    with tempfile.TemporaryDirectory(prefix="bench-evaluate-") as tmp:
        folder = args.base_model or tiny_model(Path(tmp))
        model, tokenizer = load_causal_lm(folder, device)
        model = prepare(model, device, seed=0)
        name = args.base_model.name if args.base_model else "tiny-from-config"
        params = sum(p.numel() for p in model.parameters())
        print(f"model: {name} ({params / 1e6:.1f}M parameters); {args.prompts} prompts, "
              f"{args.max_new_tokens} new tokens each, greedy")
        texts = prompts(args.prompts)
        sizes = [int(b) for b in args.batch_sizes.split(",")]
        generate(model, tokenizer, texts[:max(sizes)], max_new_tokens=4, batch_size=max(sizes), device=device)
        print(f"{'batch':>6} {'tokens':>8} {'seconds':>8} {'tokens/s':>9}")
        best = 0.0
        for size in sizes:
            g = generate(model, tokenizer, texts, max_new_tokens=args.max_new_tokens, batch_size=size, device=device)
            print(f"{size:>6} {g.new_tokens:>8} {g.seconds:>8.2f} {g.tokens_per_second:>9.1f}")
            best = g.tokens_per_second
    print(f"tokens_per_s={best:.1f} device={device.device}")


if __name__ == "__main__":
    main()
