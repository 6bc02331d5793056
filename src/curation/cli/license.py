"""`curation license`: license detection."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from curation.cli.common import fail

app = typer.Typer(help="License detection.", no_args_is_help=True)


@app.command("detect")
def license_detect(paths: list[Path]) -> None:
    """Print PATH<TAB>SPDX-EXPRESSION<TAB>score for each file; NOASSERTION when unsure."""
    from curation.licenses import detect_text

    for path in paths:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            fail(f"{path}: cannot read ({exc.strerror})")
        expression, score = detect_text(text)
        sys.stdout.write(f"{path}\t{expression}\t{score:.2f}\n")
