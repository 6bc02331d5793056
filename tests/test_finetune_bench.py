"""bench/finetune.py runs end to end on CPU and ends with the line other tools parse."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT


def test_bench_prints_figures_and_the_summary_line():
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "finetune.py"), "--modes", "lora",
                          "--steps", "3", "--batch-size", "2", "--block-size", "32"],
                         capture_output=True, text=True, timeout=300, check=True)
    lines = out.stdout.strip().splitlines()
    assert re.fullmatch(r"tokens_per_s=\d+\.\d mfu=(n/a|0\.\d+)", lines[-1]), lines[-1]
    lora = lines[-2]
    assert lora.lstrip().startswith("lora tiny") and "3 steps of 2x32 tokens" in lora
    assert "tokens/s, peak memory" in lora
    assert "mfu n/a" in lora or " on cuda " in lora  # no utilisation figure without a GPU peak
