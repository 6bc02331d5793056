"""What the CLI shows of an ingest run: a progress bar while it runs, the counts and decisions after."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import PurePosixPath

from rich.console import Console
from rich.progress import Progress, TextColumn
from rich.table import Table

from curation.ingest.pipeline import IngestResult
from curation.ingest.progress import IngestProgress


@contextmanager
def progress_bar() -> Iterator:
    """A transient bar on stderr with the stage and counts; yields the callback ingest reports to."""
    with Progress(*Progress.get_default_columns(), TextColumn("{task.fields[counts]}"),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("looking for new files", total=100, counts="")

        def show(p: IngestProgress) -> None:
            o = p.outcomes
            bar.update(task, description=p.stage, completed=p.percent,
                       counts=f"files {p.files_done}/{p.files_total} · accepted {o['accepted']} · "
                              f"held {o['license_review']} · duplicate {o['duplicate']} · quarantined {o['quarantined']}")

        yield show


def by_format(items: list[dict]) -> str:
    """Items of a run by the format of their file (the stored name keeps a known extension), as
    "items/accepted or held": ".pdf 6/5"; a dataset folder or a file without a known extension is
    "other"."""
    counts: dict[str, list[int]] = {}
    for item in items:
        suffix = PurePosixPath(item["path"]).suffix or "other"
        n = counts.setdefault(suffix, [0, 0])
        n[0] += 1
        n[1] += item["outcome"] in ("accepted", "license_review")
    return ", ".join(f"{suffix} {n}/{kept}" for suffix, (n, kept) in sorted(counts.items())) or "none"


def print_ingest(console: Console, result: IngestResult, catalog=None) -> None:
    """Counts, quarantine reasons (per item when `catalog` is given), PII, licenses, checks, version."""
    s, b = result.summary, result.build
    o = s.outcomes
    console.print(f"[bold]Files[/bold]: {s.files_seen} seen, {s.files_unchanged} unchanged since an earlier run")
    console.print(f"[bold]Documents[/bold]: read {sum(o.values())}, accepted {o['accepted']}, "
                  f"held for license review {o['license_review']}, duplicate {o['duplicate']}, "
                  f"quarantined {o['quarantined']}")
    if catalog is not None:
        items = catalog.run_items(s.run_id)
        console.print("[bold]By format[/bold] (items/accepted or held): " + by_format(items))
        table = Table("path", "record", "where", "reason", title="Quarantined (messages: catalog table ingest_items)")
        for item in items:
            if item["outcome"] == "quarantined":
                table.add_row(item["path"], "-" if item["record"] is None else str(item["record"]),
                              item.get("provenance") or "", item["reason"])
        console.print(table)
    else:
        for reason, n in sorted(s.reasons.items()):
            console.print(f"  quarantined {n} × {reason}")
    console.print("[bold]PII replaced[/bold]: " + (", ".join(f"{k} {v}" for k, v in sorted(s.pii.items())) or "none"))
    console.print("[bold]Licenses[/bold]: " + (", ".join(f"{k}: {v}" for k, v in sorted(s.licenses.items())) or "none"))
    passed = [x.name for x in b.outcomes if x.success]
    failed = [f"{x.name} ({x.severity}): {x.message}" for x in b.outcomes if not x.success]
    console.print(f"[bold]Expectations[/bold]: {len(passed)} passed, {len(failed)} failed")
    for line in failed:
        console.print(f"  [red]FAIL[/red] {line}", highlight=False)
    for held in b.held_for_review:
        console.print(f"  held out for review: {held['n']} document(s) of {held['source']} "
                      f"({held['license_expression']}); `curation sources allow {held['source']} --reviewer NAME "
                      "--comment TEXT` (or the release-source deployment) to include them")
    if b.version_id:
        console.print(f"[bold]Dataset version[/bold]: {b.version_id} ({b.n_rows} documents) status {b.status}"
                      + ("" if b.created else " (same content as an existing version)"))
    else:
        console.print(f"[bold red]No dataset version[/bold red]: {b.status}")
