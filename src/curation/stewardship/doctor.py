"""`curation doctor`: the checks an operator paged at night runs first. Read-only.

It proves nothing was lost or counted twice (the accounting invariant over the catalog), that
every dataset version still matches its manifest, that the audit chain and its checkpoints
verify, and it lists what is pending: inbox files not ingested yet, runs that never finished,
staging folders left by a crash.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from curation.datasets import versions
from curation.audit.log import verify
from curation.sources import discover
from curation.workspace import Workspace


@dataclass
class Diagnosis:
    violations: list[str] = field(default_factory=list)  # something is wrong: exit non-zero
    notes: list[str] = field(default_factory=list)  # worth knowing, not wrong

    @property
    def healthy(self) -> bool:
        return not self.violations


def diagnose(ws: Workspace, inbox: Path | None = None, public_keys: list | None = None) -> Diagnosis:
    result = Diagnosis()
    catalog = ws.catalog()
    result.violations += [f"accounting: {p}" for p in catalog.accounting_violations()]
    result.violations += version_problems(ws)
    check = verify(ws.audit_dir, public_keys=public_keys)
    if not check.ok and check.n_records:
        result.violations.append(f"audit: broken at seq {check.first_bad_seq}: {check.reason}")
    for run in catalog.unfinished_runs():
        result.notes.append(f"ingest run {run['run_id'][:12]} ({run['dataset']}) started {run['started_at']} "
                            "never finished (crash or kill); its committed batches stand, a rerun does the rest")
    if inbox is not None and Path(inbox).is_dir():
        known = catalog.file_digests()
        pending = [u.rel for u in discover(Path(inbox)) if u.digest not in known.get(u.rel, set())]
        if pending:
            result.notes.append(f"{len(pending)} inbox file(s) not ingested yet: {', '.join(pending[:5])}"
                                + (" …" if len(pending) > 5 else ""))
    stale = sorted(str(p) for p in ws.datasets.glob("*/.staging-*")) if ws.datasets.exists() else []
    if stale:
        result.notes.append(f"{len(stale)} staging folder(s) left by an interrupted build (removed by the next "
                            f"build): {', '.join(stale[:3])}")
    return result


def version_problems(ws: Workspace) -> list[str]:
    """Every registered version that is not revoked must match its manifest."""
    problems = []
    for version in ws.catalog().versions():
        if version["status"] == "revoked":
            continue
        try:
            versions.verify_version(Path(version["path"]))
        except versions.VersionError as exc:
            problems.append(f"version {version['version_id'][:16]} ({version['status']}): {exc}")
    return problems
