"""`curation doctor`: the checks an operator paged at night runs first. Read-only.

It proves nothing was lost or counted twice (the accounting invariant over the catalog), that
every dataset version still matches its manifest, that the audit chain and its checkpoints
verify (the same verification as `curation audit verify`: a missing log where work was done is a
violation), that state files are owner-only, and it lists what is pending: inbox files not ingested
yet (by stored name), runs that never finished, staging folders left by a crash.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from curation.audit import signing
from curation.audit.log import LOG_NAME
from curation.audit.trust import CHAIN_ONLY, verify_installation
from curation.datasets import versions
from curation.permissions import exposed
from curation.sources import discover
from curation.stewardship import scrub
from curation.workspace import Workspace


@dataclass
class Diagnosis:
    violations: list[str] = field(default_factory=list)  # something is wrong: exit non-zero
    notes: list[str] = field(default_factory=list)  # worth knowing, not wrong

    @property
    def healthy(self) -> bool:
        return not self.violations


def diagnose(ws: Workspace, inbox: Path | None = None, public_key_files: list[Path] | None = None) -> Diagnosis:
    result = Diagnosis()
    catalog = ws.catalog()
    result.violations += [f"accounting: {p}" for p in catalog.accounting_violations()]
    result.violations += version_problems(ws)
    result.violations += audit_problems(ws, catalog, result.notes, public_key_files)
    if left := scrub.pending(catalog):
        result.violations.append(f"catalog: {left} input path(s) or license value(s) recorded before stored names; "
                                 "the next ingest run replaces them")
    if loose := exposed(ws.private_paths()):
        result.violations.append(f"permissions: {len(loose)} state file(s)/folder(s) readable by group or others "
                                 f"(chmod -R go-rwx them), e.g. {loose[0].relative_to(ws.root)}")
    for run in catalog.unfinished_runs():
        result.notes.append(f"ingest run {run['run_id'][:12]} ({run['dataset']}) started {run['started_at']} "
                            "never finished (crash or kill); its committed batches stand, a rerun does the rest")
    if inbox is not None and Path(inbox).is_dir():
        known = catalog.file_digests()
        pending = [u.stored for u in discover(Path(inbox)) if u.digest not in known.get(u.stored, set())]
        if pending:
            result.notes.append(f"{len(pending)} inbox file(s) not ingested yet: {', '.join(pending[:5])}"
                                + (" …" if len(pending) > 5 else ""))
    stale = sorted(p.relative_to(ws.datasets).as_posix() for p in ws.datasets.glob("*/.staging-*")) \
        if ws.datasets.exists() else []
    if stale:
        result.notes.append(f"{len(stale)} staging folder(s) of anonymized text left by an interrupted build "
                            f"(removed by the next ingest run): {', '.join(stale)}")
    return result


def audit_problems(ws: Workspace, catalog, notes: list[str], public_key_files: list[Path] | None = None) -> list[str]:
    """What `curation audit verify` would fail on, as violations; trust and the unsigned tail as notes."""
    log = ws.audit_dir / LOG_NAME
    worked = bool(catalog.processed_files() or catalog.versions()) or (ws.audit_dir / signing.CHECKPOINTS).exists()
    if not log.exists():
        return ["audit: audit.jsonl is missing although the catalog holds work"] if worked else []
    try:
        check = verify_installation(ws.audit_dir, ws.key_dir, ws.pinned_key_path, public_key_files)
    except (OSError, ValueError) as exc:
        return [f"audit: cannot verify ({exc})"]
    if not check.ok:
        return [f"audit: {check.summary()}"]
    if check.trust == CHAIN_ONLY:
        notes.append("audit: chain only, not authenticated (pin the public key with `curation audit export-key`)")
    if check.result.after_last_checkpoint:
        notes.append(f"audit: {check.result.after_last_checkpoint} record(s) after the last signed checkpoint "
                     "(`curation audit checkpoint` signs them)")
    return []


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
