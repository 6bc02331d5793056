"""License detection on large files: seconds and peak memory of `curation license detect` per file.

Builds, in a temporary folder, files of 100 KB, 1 MB and 4 MB of four kinds:
  readme   this project's README.md repeated, with a "## License" section at the end
  source   a long Python source file under an Apache-2.0 header
  log      a log whose every line repeats license words ("license check: MIT OK, GPL-3.0 found")
  oneline  the README's words with no line break at all
  quote    a stray quote mark, then one paragraph of lines that name licenses (a sentence held open)
and runs `curation license detect FILE --explain` on each in this process (typer's CliRunner; the
ScanCode index is loaded once, before the first file is timed). Prints per file its seconds, its
answer and the peak resident set so far (ru_maxrss: the process's peak, the 1.4 GB index included),
then a last line `max_s=… peak_rss_mib=…`. The project's standard: every file under 10 s.

    python bench/license_large.py [--sizes 100k,1m,4m] [--kinds readme,source,log,oneline,quote] [--timeout 120]

A file that runs past `--timeout` seconds is stopped (SIGALRM) and counted at the timeout.
"""

from __future__ import annotations

import argparse
import resource
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES = {"100k": 100_000, "1m": 1_000_000, "4m": 4_000_000}

APACHE_HEADER = """# Copyright 2024 The Kumo Authors
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
"""

SOURCE_BODY = '''

def parse_record_{n}(line: str, sep: str = ",") -> dict:
    """Split one record into fields; empty fields are None."""
    fields = [f.strip() or None for f in line.split(sep)]
    return {{"id": fields[0], "values": fields[1:], "n": {n}}}
'''

LOG_LINE = ("2024-05-0{d} 12:{m:02d}:{s:02d} INFO license-check: package pkg{n} declares MIT, dependency dep{n} is "
            "GPL-3.0-or-later (copyleft), see LICENSE; CC BY-NC 4.0 data skipped\n")

QUOTE_LINE = "Note {n}: the vendored parser is licensed under the MIT License, its test data under CC BY 4.0.\n"

LICENSE_SECTION = "\n\n## License\n\nThis project is licensed under the MIT License. See `LICENSE` for details.\n"


def _fill(unit, size: int) -> str:
    parts, total, n = [], 0, 0
    while total < size:
        piece = unit(n)
        parts.append(piece)
        total += len(piece.encode())
        n += 1
    return "".join(parts)


def build(kind: str, size: int) -> str:
    """The text of one file of `kind` of about `size` bytes (UTF-8)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    if kind == "readme":
        return _fill(lambda n: readme, size - len(LICENSE_SECTION))[: size - len(LICENSE_SECTION)] + LICENSE_SECTION
    if kind == "source":
        return APACHE_HEADER + _fill(lambda n: SOURCE_BODY.format(n=n), size - len(APACHE_HEADER))
    if kind == "log":
        return _fill(lambda n: LOG_LINE.format(d=n % 9 + 1, m=n // 60 % 60, s=n % 60, n=n), size)
    if kind == "oneline":
        flat = " ".join(readme.split()) + " "
        return (_fill(lambda n: flat, size)[: size - len(LICENSE_SECTION)] + LICENSE_SECTION).replace("\n", " ")
    if kind == "quote":
        lead = "# Notes\n\nThe changelog says \"fixed. "
        return lead + _fill(lambda n: QUOTE_LINE.format(n=n), size - len(lead) - len(LICENSE_SECTION)) + LICENSE_SECTION
    raise ValueError(f"unknown kind {kind!r}")


class FileTimeout(Exception):
    pass


def _alarm(signum, frame):
    raise FileTimeout()


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100k,1m,4m")
    ap.add_argument("--kinds", default="readme,source,log,oneline,quote")
    ap.add_argument("--timeout", type=int, default=120)
    args = ap.parse_args()
    from typer.testing import CliRunner

    from curation.cli.license import app
    from curation.licenses.scancode_matches import scancode_index

    scancode_index()  # loaded once per process; not any file's time
    runner = CliRunner()
    signal.signal(signal.SIGALRM, _alarm)
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        policy = ROOT / "policies" / "default.yaml"
        for size_name in args.sizes.split(","):
            for kind in args.kinds.split(","):
                path = Path(tmp) / f"{kind}_{size_name}.txt"
                path.write_text(build(kind, SIZES[size_name]), encoding="utf-8")
                started = time.perf_counter()
                signal.alarm(args.timeout)
                try:
                    result = runner.invoke(app, ["detect", str(path), "--explain", "--policy", str(policy)])
                    answer = result.stdout.split("\n", 1)[0].split("\t")[1:2] if result.exit_code == 0 else None
                    answer = answer[0] if answer else f"error: {result.stdout.strip()[-200:] or result.exception!r}"
                except FileTimeout:
                    answer = "timeout"
                finally:
                    signal.alarm(0)
                seconds = time.perf_counter() - started
                if answer == "timeout" or isinstance(getattr(result, "exception", None), FileTimeout):
                    answer, seconds = "timeout", max(seconds, args.timeout)
                worst = max(worst, seconds)
                print(f"{path.name}\tbytes={path.stat().st_size}\tseconds={seconds:.2f}\t"
                      f"peak_rss_mib={peak_rss_mib():.0f}\t{answer}", flush=True)
    print(f"max_s={worst:.2f} peak_rss_mib={peak_rss_mib():.0f}")


if __name__ == "__main__":
    sys.exit(main())
