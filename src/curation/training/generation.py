"""Batched, deterministic decoding and per-document held-out loss, for evaluating a trained model.

Greedy decoding (no sampling), prompts sorted by length into fixed batches, left padding, the seed
set before anything runs: the same model, prompts and settings give the same text. On CUDA the
weights run in bf16 where the GPU supports it, with deterministic kernels asked for.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass

from curation.training.device import DeviceChoice

# torch/transformers are imported inside the functions: importing this module stays cheap.


@dataclass
class Generations:
    texts: list[str]  # the continuation only, decoded, in prompt order
    token_ids: list[list[int]]  # the continuation's tokens, up to and including the first eos
    new_tokens: int  # tokens generated (pad after eos not counted)
    seconds: float  # wall time of the generate calls

    @property
    def tokens_per_second(self) -> float:
        return self.new_tokens / self.seconds if self.seconds else 0.0


def prepare(model, device: DeviceChoice, seed: int):
    """Put `model` on the device in eval mode (bf16 on a GPU that has it) and seed everything."""
    import torch
    import transformers

    transformers.set_seed(seed)
    if device.device == "cuda":
        os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")
        torch.backends.cudnn.deterministic = True
        torch.backends.cudnn.benchmark = False
        # Process-wide. warn_only: an op without a deterministic CUDA kernel warns (naming it)
        # instead of failing the evaluation.
        torch.use_deterministic_algorithms(True, warn_only=True)
        model = model.to("cuda", dtype=torch.bfloat16 if device.bf16 else torch.float32)
    return model.eval()


def encode_prompt(tokenizer, text: str) -> list[int]:
    """Token ids of a prompt, starting with the tokenizer's bos token when it has one (for the
    tiny model bos is eos, the token that precedes every document in its training blocks)."""
    ids = tokenizer(text, add_special_tokens=True, verbose=False)["input_ids"]
    bos = tokenizer.bos_token_id
    if bos is not None and (not ids or ids[0] != bos):
        ids = [bos, *ids]
    return ids


def generate(model, tokenizer, prompts: Sequence[str | Sequence[int]], *, max_new_tokens: int,
             batch_size: int, device: DeviceChoice) -> Generations:
    """Greedy continuations of `prompts` (text, or token ids already encoded), `batch_size` at a time."""
    import torch

    encoded = [list(p) if not isinstance(p, str) else encode_prompt(tokenizer, p) for p in prompts]
    limit = getattr(model.config, "max_position_embeddings", None)
    if limit:  # a prompt longer than the model's context keeps its end, where the answer follows
        keep = max(1, limit - max_new_tokens)
        encoded = [ids[-keep:] for ids in encoded]
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id
    eos = tokenizer.eos_token_id
    order = sorted(range(len(encoded)), key=lambda i: (len(encoded[i]), i))  # fewer pads per batch
    out_ids: list[list[int]] = [[] for _ in encoded]
    seconds = 0.0
    with torch.inference_mode():
        for start in range(0, len(order), batch_size):
            batch = order[start:start + batch_size]
            width = max(len(encoded[i]) for i in batch)
            ids = torch.full((len(batch), width), pad, dtype=torch.long)
            mask = torch.zeros((len(batch), width), dtype=torch.long)
            for row, i in enumerate(batch):  # left padding: every prompt ends where generation starts
                ids[row, width - len(encoded[i]):] = torch.tensor(encoded[i], dtype=torch.long)
                mask[row, width - len(encoded[i]):] = 1
            ids, mask = ids.to(model.device), mask.to(model.device)
            _sync(device)
            began = time.perf_counter()
            result = model.generate(input_ids=ids, attention_mask=mask, max_new_tokens=max_new_tokens,
                                    do_sample=False, num_beams=1, pad_token_id=pad, eos_token_id=eos)
            _sync(device)
            seconds += time.perf_counter() - began
            for row, i in enumerate(batch):
                new = result[row, width:].tolist()
                if eos is not None and eos in new:
                    new = new[:new.index(eos) + 1]
                out_ids[i] = new
    texts = [tokenizer.decode([t for t in ids if t != eos], skip_special_tokens=True) for ids in out_ids]
    return Generations(texts, out_ids, sum(len(t) for t in out_ids), seconds)


def document_losses(model, tokenizer, texts: Sequence[str], *, block_size: int, batch_size: int
                    ) -> list[tuple[float, int]]:
    """Per document, (summed negative log-likelihood in nats, predicted tokens): the document is
    bos + its tokens + eos, cut into windows of block_size tokens (each window predicts its own
    tokens after the first). exp(Σ nll / Σ tokens) over documents is their perplexity."""
    import torch

    windows: list[tuple[int, list[int]]] = []
    for doc, text in enumerate(texts):
        ids = encode_prompt(tokenizer, text)
        if tokenizer.eos_token_id is not None:
            ids.append(tokenizer.eos_token_id)
        for start in range(0, max(1, len(ids) - 1), block_size):
            window = ids[start:start + block_size + 1]  # overlap one token: every token is predicted once
            if len(window) >= 2:
                windows.append((doc, window))
    totals = [[0.0, 0] for _ in texts]
    with torch.inference_mode():
        for start in range(0, len(windows), batch_size):
            batch = windows[start:start + batch_size]
            width = max(len(w) for _, w in batch)
            ids = torch.zeros((len(batch), width), dtype=torch.long)
            mask = torch.zeros((len(batch), width), dtype=torch.long)
            for row, (_, w) in enumerate(batch):  # right padding, masked out of the loss below
                ids[row, :len(w)] = torch.tensor(w, dtype=torch.long)
                mask[row, :len(w)] = 1
            ids, mask = ids.to(model.device), mask.to(model.device)
            logits = model(input_ids=ids, attention_mask=mask).logits.float()
            nll = torch.nn.functional.cross_entropy(logits[:, :-1].transpose(1, 2), ids[:, 1:], reduction="none")
            nll = (nll * mask[:, 1:]).sum(dim=1).tolist()
            for row, (doc, w) in enumerate(batch):
                totals[doc][0] += nll[row]
                totals[doc][1] += len(w) - 1
    return [(float(n), int(k)) for n, k in totals]


def perplexity(losses: Sequence[tuple[float, int]]) -> float:
    tokens = sum(k for _, k in losses)
    if not tokens:
        return float("nan")
    mean = sum(n for n, _ in losses) / tokens
    return math.exp(mean) if mean < 700 else float("inf")


def _sync(device: DeviceChoice) -> None:
    if device.device == "cuda":
        import torch

        torch.cuda.synchronize()  # CUDA is asynchronous: time finished work only
