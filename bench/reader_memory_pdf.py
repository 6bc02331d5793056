"""PDF reader memory and speed: a long text PDF (and optionally scanned pages) read through
`sources.read_unit` in a fresh process, so that the peak RSS is the reader's alone.

    .venv/bin/python bench/reader_memory_pdf.py [--pages 200] [--scanned 0] [--max-mb 100]

Builds, in a temporary inbox, `--pages` A4 pages of text (English and Japanese in turn, about
2,500 characters each) and, with `--scanned N`, a second PDF of N image-only pages that go through
Tesseract. A child process reads the inbox twice over: first a tenth of the pages (a baseline of
imports and PDFium), then all of them; pages are closed one at a time, so the two peaks should
differ by little. Last line: `pages=<n> seconds=<s> peak_rss_mib=<MiB> ...`. The load average is
printed beside the figures: on a shared 2-core box they vary with it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from checks_scale import KANJI, WORDS, load  # bench/, beside this file

ROOT = Path(__file__).resolve().parents[1]


def page_text(n: int, rng: random.Random) -> str:
    if n % 2:
        return "。".join("".join(rng.choice(KANJI) for _ in range(30)) for _ in range(40)) + "。"
    return " ".join(rng.choice(WORDS) for _ in range(330)) + "."


def child(inbox: Path, max_mb: int) -> None:
    from curation.documents import RawDocument
    from curation.sources import discover, read_unit

    started = time.perf_counter()
    pages = ocr_pages = problems = 0
    for unit in discover(inbox):
        for item in read_unit(unit, max_bytes=max_mb * 2**20):
            if isinstance(item, RawDocument):
                pages += 1
                ocr_pages += item.provenance.endswith("(OCR)")
            else:
                problems += 1
                print(f"quarantined: {item.reason}", file=sys.stderr)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"pages": pages, "ocr_pages": ocr_pages, "quarantined": problems,
                      "seconds": round(seconds, 2), "peak_rss_mib": round(peak, 1)}))


def build(inbox: Path, pages: int, scanned: int) -> None:
    from scripts.sample_files.pdf import write_pdf, write_scanned_pdf

    rng = random.Random(19)
    source = inbox / "bench"
    source.mkdir(parents=True)
    (source / "SOURCE.yaml").write_text("license: MIT\n")
    # Japanese and English pages in one file: the Japanese font is registered for the whole file.
    write_pdf(source / "long.pdf", [page_text(n, rng) for n in range(pages)], "ja", size=9)
    if scanned:
        write_scanned_pdf(source / "scanned.pdf", [page_text(2 * n, rng)[:600] for n in range(scanned)])


def run_child(inbox: Path, max_mb: int) -> dict:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    out = subprocess.run([sys.executable, __file__, "--child", str(inbox), "--max-mb", str(max_mb)],
                         capture_output=True, text=True, check=True, env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--scanned", type=int, default=0)
    parser.add_argument("--max-mb", type=int, default=100)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.max_mb)
        return
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
        small, large = Path(tmp) / "small", Path(tmp) / "large"
        build(small, max(1, args.pages // 10), 0)
        build(large, args.pages, args.scanned)
        size = sum(p.stat().st_size for p in large.rglob("*.pdf"))
        base = run_child(small, args.max_mb)
        full = run_child(large, args.max_mb)
    print(f"baseline: {base['pages']} pages, peak RSS {base['peak_rss_mib']} MiB")
    print(f"full: {full['pages']} pages ({full['ocr_pages']} by OCR, {full['quarantined']} quarantined) from "
          f"{size / 2**20:.1f} MiB of PDF in {full['seconds']} s = {full['pages'] / full['seconds']:.1f} pages/s, "
          f"peak RSS {full['peak_rss_mib']} MiB ({load()})")
    print(f"pages={full['pages']} seconds={full['seconds']} pages_per_s={full['pages'] / full['seconds']:.1f} "
          f"peak_rss_mib={full['peak_rss_mib']} baseline_peak_rss_mib={base['peak_rss_mib']} "
          f"ocr_pages={full['ocr_pages']}")


if __name__ == "__main__":
    main()
