"""`curation pii`: PII detection on JSONL files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from curation.cli.support import PolicyOpt, console, fail, guard, load_policy

app = typer.Typer(help="PII detection on JSONL files.", no_args_is_help=True)


@app.command("scan")
@guard
def pii_scan(jsonl: Annotated[Path, typer.Option("--jsonl", help='Input lines {"id","text"}.')],
             out: Annotated[Path, typer.Option("--out", help="Output JSONL.")],
             language: Annotated[str, typer.Option(help="en, ja or auto.")] = "auto",
             policy: PolicyOpt = None) -> None:
    """Detect and anonymize PII in a JSONL file (the interface used to measure detection quality)."""
    from curation.pii.scan import scan_jsonl

    if language not in ("en", "ja", "auto"):
        fail(f"--language must be en, ja or auto, not '{language}'")
    n = scan_jsonl(jsonl, out, load_policy(policy).pii, language)
    console.print(f"{n} documents scanned → {out}")
