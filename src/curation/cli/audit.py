"""`curation audit`: verify and read the audit trail."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from curation.cli.common import console, fail, workspace

app = typer.Typer(help="Verify and read the audit trail.", no_args_is_help=True)


@app.command("verify")
def audit_verify(log_dir: Annotated[Optional[Path], typer.Option(help="Audit log folder.")] = None) -> None:
    """Walk the hash chain; exit 0 only when the log is intact."""
    from curation.audit import verify

    result = verify(log_dir or workspace().audit_dir)
    if result.ok:
        console.print(f"audit log intact: {result.n_records} records, last hash {result.last_hash[:16]}")
    else:
        fail(f"audit log broken at seq {result.first_bad_seq}: {result.reason}")


@app.command("show")
def audit_show(dataset: Annotated[Optional[str], typer.Option(help="Dataset name or version id.")] = None,
               doc_id: Annotated[Optional[str], typer.Option()] = None,
               event: Annotated[Optional[str], typer.Option(help="Event type prefix, e.g. review.")] = None,
               since: Annotated[Optional[str], typer.Option(help="ISO date/time.")] = None,
               as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Audit records filtered by dataset/version, document, event type and time."""
    from curation.audit import select

    records = select(workspace().audit().records(), dataset=dataset, doc_id=doc_id, event=event, since=since)
    if as_json:
        sys.stdout.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
        return
    table = Table("seq", "ts", "event", "actor", "subject")
    for r in records:
        table.add_row(str(r["seq"]), r["ts"][:19], r["event"], r["actor"], str(r["subject"])[:24])
    console.print(table)
