"""`curation audit`: verify, read and sign the audit trail."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich import box
from rich.table import Table

from curation.cli.support import console, fail, workspace

app = typer.Typer(help="Verify, read and sign the audit trail.", no_args_is_help=True)


@app.command("verify")
def audit_verify(
    log_dir: Annotated[Optional[Path], typer.Option(help="Audit log folder.")] = None,
    checkpoint: Annotated[Optional[list[Path]], typer.Option(
        help="Checkpoint file kept elsewhere (repeatable): shows a truncated or rewritten log.")] = None,
    public_key: Annotated[Optional[list[Path]], typer.Option(
        help="Trusted public key PEM (repeatable; from `audit export-key`). Default: the key pinned by "
             "`audit export-key`; the key folder's key is never trusted by itself.")] = None,
) -> None:
    """Check the hash chain and every signed checkpoint; exit 0 only when the log is intact.

    Fails when a given key finds no signed checkpoint covering the log, when a named checkpoint
    file is missing, and when the key folder's key is not the pinned one (nor endorsed by it).
    Without a given or pinned key it checks the chain only and says so."""
    from curation.audit.trust import verify_installation

    ws = workspace()
    try:
        check = verify_installation(log_dir or ws.audit_dir, ws.key_dir, ws.pinned_key_path,
                                    list(public_key or []), list(checkpoint or []))
    except (OSError, ValueError) as exc:
        fail(str(exc))
    if not check.ok:
        fail(check.summary())
    console.print(check.summary(), highlight=False)


@app.command("show")
def audit_show(dataset: Annotated[Optional[str], typer.Option(help="Dataset name, or a version id (or prefix).")] = None,
               doc_id: Annotated[Optional[str], typer.Option()] = None,
               source: Annotated[Optional[str], typer.Option(help="Source folder name.")] = None,
               event: Annotated[Optional[str], typer.Option(help="Event type prefix, e.g. review.")] = None,
               path: Annotated[Optional[str], typer.Option(
                   help="Input file path relative to the inbox (records hold only its sha256).")] = None,
               since: Annotated[Optional[str], typer.Option(help="ISO date/time.")] = None,
               until: Annotated[Optional[str], typer.Option(help="ISO date/time.")] = None,
               as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Audit records filtered by dataset or version, document, source, event type and time.

    With a version id: its review and training records, plus the dataset's history up to its
    creation (what was quarantined or held out, and why). The table shows 12 hex of the policy
    digest; `--json` prints every record whole (full digest, data)."""
    from curation.audit.log import select

    ws = workspace()
    audit = ws.audit()
    filters: dict = {"doc_id": doc_id, "source": source, "event": event, "since": since, "until": until,
                     "path": path}
    version = ws.catalog().version(dataset) if dataset and ws.catalog_path.exists() else None
    if version:
        created = [r["seq"] for r in audit.records() if r["event"] == "version.created"
                   and r["subject"] == version["version_id"]]
        filters.update(version_id=version["version_id"], dataset=version["dataset"],
                       history_until_seq=created[0] if created else None)
    else:
        filters["dataset"] = dataset
    records = select(audit.records(), **filters)
    if as_json:
        sys.stdout.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
        return
    console.print(records_table(records))


def records_table(records: list[dict]) -> Table:
    """The records as a table that fits 80 columns: two lines a record, long values folded onto
    the next line, never cut. The policy digest shows its first 12 hex (`--json`: all of it)."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_lines=True)
    table.add_column("seq / time", no_wrap=True)
    for header in ("event / actor", "subject / detail"):
        table.add_column(header, overflow="fold")
    table.add_column("policy / flow run", no_wrap=True)
    for r in records:
        data = r.get("data") or {}
        detail = data.get("reason") or data.get("decision") or (
            f"file sha256 {data['path_sha256'][:12]}" if data.get("path_sha256") else "")
        run = r.get("flow_run_id") or "-"
        table.add_row(f"{r['seq']}\n{r['ts'][:10]}\n{r['ts'][11:19]}", f"{r['event']}\n{r['actor']}",
                      f"{r['subject']}\n{detail}", f"{(r.get('policy_digest') or '-')[:12]}\n"
                      # a flow run id (36) on two lines, broken after a dash, keeps the subject its room
                      + (f"{run[:19]}\n{run[19:]}" if len(run) > 19 else run))
    return table


@app.command("export-key")
def audit_export_key(repin: Annotated[bool, typer.Option(
        help="Replace the pinned key with the current one (after a deliberate key change).")] = False) -> None:
    """Print this installation's audit public key (PEM) for reviewers to keep, and pin it
    (data/audit_pinned_key.pem) if none is pinned: `audit verify` and `doctor` then trust it.
    The pin is recorded in the log (key id only), so a pin file deleted later fails verification."""
    from curation.audit.signing import Signer, key_id, public_pem
    from curation.audit.trust import pin_key, pin_record, recorded_pin

    ws = workspace()
    signer = Signer(ws.key_dir)
    recorded = recorded_pin(ws.audit_dir)
    if not repin and recorded not in (None, key_id(signer.public_key)) and not ws.pinned_key_path.exists():
        # The pin file was deleted and the key folder holds another key: pinning it quietly would
        # make a swapped key look deliberate.
        fail(f"the log records key {recorded} as pinned, but the pin file is missing and the key folder holds "
             f"key {key_id(signer.public_key)}; restore the pin file, or pass --repin after a deliberate key change")
    sys.stdout.write(public_pem(signer.public_key))
    pinned = pin_key(ws.pinned_key_path, signer.public_key, replace=repin)
    if pinned:  # recorded and signed at once: deleting the pin file later cannot pass for "never pinned"
        audit = ws.audit()
        audit.append_many([{**pin_record(signer.public_key), "actor": "cli"}])
        audit.checkpoint("audit.key_pinned")
    note = "pinned" if pinned else "a key was already pinned (kept; --repin replaces it)"
    console.print(f"key id {key_id(signer.public_key)}; {note}: {ws.pinned_key_path}", style="dim", highlight=False)


@app.command("rotate-key")
def audit_rotate_key(actor: Annotated[str, typer.Option(help="Who rotates the key.")]) -> None:
    """Replace the signing key; the new public key, signed by the old one, is recorded in the log."""
    record = workspace().audit().rotate_key(actor)
    console.print(f"key rotated at seq {record['seq']}: old {record['data']['old_key_id']} → "
                  f"new {record['data']['new_key_id']}; export the new key for reviewers")


@app.command("checkpoint")
def audit_checkpoint() -> None:
    """Sign the current end of the log now (before copying checkpoints.jsonl elsewhere)."""
    cp = workspace().audit().checkpoint("manual")
    if cp is None:
        fail("the audit log is empty")
    console.print(f"checkpoint at seq {cp.seq} ({cp.hash[:16]}) signed by key {cp.key_id}")


@app.command("locate")
def audit_locate(name: Annotated[str, typer.Argument(
                     help="A stored name from the catalog or a report (source/0123456789abcdef.ext), "
                          "or a path_sha256 (prefix) from an audit record.")],
                 inbox: Annotated[Optional[Path], typer.Option(help="Inbox to search (default: data/inbox).")] = None
                 ) -> None:
    """Find the inbox file behind a stored name. The catalog and the log never keep file names
    (they can be personal data): this hashes the inbox's paths now and prints the match here only."""
    from curation.audit.log import path_digest
    from curation.sources import discover

    folder = inbox or workspace().inbox
    if not Path(folder).is_dir():
        fail("inbox folder not found")
    key = name.strip().lower()
    found = [u.rel for u in discover(Path(folder))
             if u.stored == name.strip() or (len(key) >= 8 and (path_digest(u.stored).startswith(key)
                                                                or path_digest(u.rel).startswith(key)))]
    if not found:
        fail("no file in the inbox has that stored name or path hash")
    for rel in found:
        console.print(rel, highlight=False, markup=False)
