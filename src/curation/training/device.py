"""Where a run trains (CUDA with bf16 where supported, else CPU threads) and what that device can do: peak FLOP/s and memory, FLOPs per token."""

from __future__ import annotations

import contextlib
import os
import re
import resource
from dataclasses import dataclass
from pathlib import Path


# Dense bf16 tensor-core peak per GPU (no sparsity), FLOP/s; matched on torch.cuda.get_device_name().
# CURATION_PEAK_TFLOPS overrides (a GPU not listed here gets mfu None).
PEAK_BF16_FLOPS = [("H100 PCIe", 756e12), ("H100", 989e12), ("H200", 989e12), ("GH200", 989e12),
                   ("B200", 2250e12), ("A100", 312e12), ("L40S", 362e12), ("L40", 181e12),
                   ("L4", 121e12), ("A10", 125e12), ("RTX 4090", 165e12), ("RTX 6000 Ada", 364e12)]


@dataclass(frozen=True)
class DeviceChoice:
    device: str  # "cuda" | "cpu"
    bf16: bool
    threads: int
    name: str = ""  # GPU or CPU model, for the record


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


def peak_memory(device: DeviceChoice) -> int:
    if device.device == "cuda":
        import torch

        return int(torch.cuda.max_memory_allocated())
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) * 1024  # Linux: kilobytes
