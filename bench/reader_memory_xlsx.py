"""Reading a large XLSX: rows per second and peak memory of the Excel reader.

Builds an XLSX of about `--mib` MiB (openpyxl write_only; rows of four cells of random words and
digits, which compress about as badly as real text) in a temporary inbox with a SOURCE.yaml, then
reads it through `curation.sources.read_unit` in a fresh process, so that the peak resident set
(resource.getrusage ru_maxrss: libraries included) is the reader's alone. `--mode sheet` (the
default of SOURCE.yaml's spreadsheet_documents) makes the whole sheet one document; `--mode row`
one document per row. The budget (inputs.max_file_mb) is `--max-mb`: the file inflates to about
twice its size.

    python bench/reader_memory_xlsx.py [--mib 50] [--mode sheet|row] [--max-mb 1024]

Last line: file_mib=… rows=… seconds=… peak_rss_mib=…
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ["invoice", "shipment", "請求書", "出荷", "budget", "予算", "meeting", "会議", "report", "報告",
         "customer", "顧客", "delivery", "納品", "quarter", "四半期", "review", "確認", "office", "事務所"]


def row(rng: random.Random, n: int) -> list:
    cells = [" ".join(rng.choices(WORDS, k=6)) + f" {rng.getrandbits(48):x}" for _ in range(3)]
    return [n, *cells]


def build(path: Path, mib: float, seed: int = 7) -> int:
    """Write about `mib` MiB of rows to `path`; the number of rows, from a small calibration file."""
    import openpyxl

    def write(target: Path, rows: int) -> None:
        rng = random.Random(seed)
        workbook = openpyxl.Workbook(write_only=True)
        sheet = workbook.create_sheet("data")
        for n in range(rows):
            sheet.append(row(rng, n))
        workbook.save(target)

    sample = path.with_suffix(".calibration.xlsx")
    write(sample, 5000)
    per_row = sample.stat().st_size / 5000
    sample.unlink()
    rows = int(mib * 2**20 / per_row)
    write(path, rows)
    return rows


def read(inbox: Path, mode: str, max_mb: int) -> dict:
    """Read every unit of `inbox` (in this process); counts, seconds and peak RSS."""
    from curation.sources import discover, read_unit

    started, documents, quarantined, rows = time.perf_counter(), 0, [], 0
    for unit in discover(inbox):
        for item in read_unit(unit, max_bytes=max_mb * 2**20):
            if hasattr(item, "text"):
                documents += 1
                rows += item.text.count("\n") + 1
            else:
                quarantined.append(item.reason)
    return {"seconds": time.perf_counter() - started, "documents": documents, "rows": rows,
            "quarantined": quarantined, "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=float, default=50)
    parser.add_argument("--mode", choices=("sheet", "row"), default="sheet")
    parser.add_argument("--max-mb", type=int, default=1024)
    parser.add_argument("--read", type=Path, help=argparse.SUPPRESS)  # the child: read this inbox
    args = parser.parse_args()
    if args.read:
        print(json.dumps(read(args.read, args.mode, args.max_mb)))
        return
    with tempfile.TemporaryDirectory(prefix="bench-xlsx-") as tmp:
        source = Path(tmp) / "inbox" / "bench"
        source.mkdir(parents=True)
        (source / "SOURCE.yaml").write_text(f"license: MIT\nspreadsheet_documents: {args.mode}\n")
        path = source / "book.xlsx"
        started = time.perf_counter()
        written = build(path, args.mib)
        file_mib = path.stat().st_size / 2**20
        print(f"built {file_mib:.1f} MiB, {written} rows in {time.perf_counter() - started:.0f} s")
        child = subprocess.run([sys.executable, __file__, "--read", str(Path(tmp) / "inbox"), "--mode", args.mode,
                                "--max-mb", str(args.max_mb)], capture_output=True, text=True, check=True)
        result = json.loads(child.stdout.strip().splitlines()[-1])
    assert result["rows"] == written and not result["quarantined"], result
    print(f"mode={args.mode} documents={result['documents']} rows/s={result['rows'] / result['seconds']:.0f}")
    print(f"file_mib={file_mib:.1f} rows={result['rows']} seconds={result['seconds']:.1f} "
          f"peak_rss_mib={result['peak_rss_mib']:.0f}")


if __name__ == "__main__":
    main()
