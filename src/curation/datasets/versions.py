"""Dataset versions: build (checks → shards → manifest → card), verify, and the review state machine.

A version lives in `data/datasets/<name>/<version_id>/` as `part-*.parquet` + `manifest.json` +
`README.md`. Its id is the sha256 of its manifest (sorted shard names and hashes, row count,
policy digest, sources), so the same documents under the same policy give the same id, and a
changed byte in a shard is caught by `verify_version`.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from curation import licenses
from curation.audit import outbox
from curation.audit.context import AuditContext
from curation.audit.log import AuditLog, canonical
from curation.catalog import Catalog
from curation.checks import bias, quality, suites
from curation.datasets import card, release_gate
from curation.datasets.names import check_dataset_name
from curation.faults import crash_point
from curation.permissions import make_private
from curation.policy import Policy
from curation.sources.files import file_digest

ROWS_PER_SHARD = 10_000
TRANSITIONS = {"pending_review": {"approve": "approved", "reject": "rejected"}}


class VersionError(RuntimeError):
    """A version that cannot be built, found, decided or trusted; the message says why."""


@dataclass
class BuildResult:
    version_id: str | None
    status: str  # pending_review | approved | rejected | blocked | empty
    path: Path | None
    n_rows: int
    check_run_id: str
    outcomes: list[suites.ExpectationOutcome]
    held_for_review: list[dict]
    created: bool


def manifest_id(manifest: dict) -> str:
    body = {k: manifest[k] for k in ("dataset", "shards", "n_rows", "policy_digest", "sources")}
    if manifest.get("canaries"):  # absent or empty: the id of a version without canaries is unchanged
        body["canaries"] = manifest["canaries"]
    return hashlib.sha256(canonical(body).encode()).hexdigest()


def build_version(catalog: Catalog, dataset: str, policy: Policy, datasets_root: Path, audit: AuditLog,
                  *, context: AuditContext | None = None, actor: str = "system",
                  flow_run_id: str | None = None) -> BuildResult:
    """Run the expectation suite over the dataset's candidate documents and, unless a critical
    expectation fails, write a pending_review version of them. The manifest pins the canaries
    recorded for the version's sources (sha256, length, source). `context`: the caller's audit
    context (its actor and flow run; the policy digest is this policy's); without one, `actor`
    and `flow_run_id` make it."""
    context = (context or AuditContext(actor, flow_run_id)).under_policy(policy.digest)
    with catalog.session():  # one DuckDB connection for the whole build
        return _build_version(catalog, dataset, policy, datasets_root, audit, context)


def _build_version(catalog: Catalog, dataset: str, policy: Policy, datasets_root: Path, audit: AuditLog,
                   context: AuditContext) -> BuildResult:
    log = lambda event, subject, data: context.record(audit, event, subject, data)  # noqa: E731
    quality.backfill(catalog, dataset, policy)  # features of documents ingested before they existed
    frame = catalog.feature_frame(dataset)
    outcomes = suites.run_suite(frame, Path(policy.checks.suite), suites.policy_params(policy))
    outcomes += bias.check_catalog(catalog, dataset, frame, policy)[0]  # dataset-level metrics
    check_run_id = uuid.uuid4().hex
    catalog.store_expectations(check_run_id, dataset, [asdict(o) for o in outcomes])
    crash_point("build.checks_stored")
    held = catalog.held_for_review(dataset)
    log("checks.run", check_run_id, {
        "dataset": dataset, "n_documents": len(frame),
        "passed": [o.name for o in outcomes if o.success],
        "failed": [{"name": o.name, "severity": o.severity, "doc_ids": o.unexpected_doc_ids}
                   for o in outcomes if not o.success]})
    blocking = suites.blocking(outcomes)
    if blocking or frame.empty:
        status = "blocked" if blocking else "empty"
        log("version.blocked", dataset, {"dataset": dataset, "check_run_id": check_run_id,
                                         "blocking": [o.name for o in blocking]})
        return BuildResult(None, status, None, len(frame), check_run_id, outcomes, held, False)

    rows = catalog.version_rows(dataset, frame["doc_id"].tolist())
    root = Path(datasets_root) / dataset
    root.mkdir(parents=True, exist_ok=True)
    _remove_stale_staging(root)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=root))
    try:
        canaries = catalog.canaries(sorted({r["source"] for r in rows}))
        manifest = _write_shards(rows, staging, dataset, policy, canaries)
        version_id = manifest["version_id"]
        final = root / version_id
        gate = release_gate.judge(policy.pii)  # None unless the policy sets pii.release_gate
        stats = {"pii": catalog.pii_totals(doc_ids=[r["doc_id"] for r in rows]),
                 "outcomes": [asdict(o) for o in outcomes], "held_for_review": held,
                 "release_gate": gate.to_dict() if gate else None}
        license_rules = licenses.rules_for(policy, catalog)  # card's license section and ATTRIBUTION.md
        stats["licenses"] = licenses.card_section(rows, catalog.sources(), license_rules)
        (staging / "ATTRIBUTION.md").write_text(
            licenses.attribution_markdown(rows, catalog.sources(), license_rules), encoding="utf-8")
        (staging / "README.md").write_text(card.dataset_card(manifest, rows, stats, policy), encoding="utf-8")
        crash_point("build.staged")
        if final.exists():
            shutil.rmtree(staging)  # same content as an existing version: keep the existing one
        else:
            os.replace(staging, final)  # atomic: a version is either complete or absent
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    crash_point("build.renamed")
    announcement = context.entry("version.created", version_id, {
        "version_id": version_id, "dataset": dataset, "n_rows": len(rows), "shards": manifest["shards"],
        "sources": manifest["sources"], "check_run_id": check_run_id, "held_for_review": held,
        "release_gate": stats["release_gate"]})
    # Registered and announced in one transaction (outbox), so a kill cannot leave it unannounced.
    created = catalog.add_version(version_id, dataset, str(final), len(rows), policy.digest, check_run_id,
                                  announcement, release_gate=stats["release_gate"])
    crash_point("build.registered")
    outbox.deliver(catalog, audit)
    current = catalog.version(version_id)
    return BuildResult(version_id, current["status"], final, len(rows), check_run_id, outcomes, held, created)


def _remove_stale_staging(root: Path) -> list[str]:
    """Staging folders are renamed into place when complete; one left behind is from a killed
    build and holds anonymized text: removed at once. Safe because builds run under the ingest
    lock (ingest.pipeline), so no other build is writing one. Returns the names removed."""
    removed = []
    for stale in sorted(Path(root).glob(".staging-*")):
        shutil.rmtree(stale, ignore_errors=True)
        removed.append(stale.name)
    return removed


def remove_stale_staging(datasets_root: Path) -> list[str]:
    """`_remove_stale_staging` for every dataset folder under `datasets_root`."""
    root = Path(datasets_root)
    return [name for folder in sorted(root.iterdir()) if folder.is_dir() and not folder.is_symlink()
            for name in _remove_stale_staging(folder)] if root.is_dir() else []


def _write_shards(rows: list[dict], folder: Path, dataset: str, policy: Policy, canaries: list[dict]) -> dict:
    import pyarrow as pa
    import pyarrow.parquet as pq

    check_dataset_name(dataset)
    make_private(folder)
    shards = []
    for index in range(0, max(len(rows), 1), ROWS_PER_SHARD):
        part = rows[index:index + ROWS_PER_SHARD]
        name = f"part-{index // ROWS_PER_SHARD:05d}.parquet"
        table = pa.Table.from_pylist(part, schema=pa.schema([
            ("doc_id", pa.string()), ("source", pa.string()), ("language", pa.string()),
            ("license", pa.string()), ("text", pa.string())]))
        pq.write_table(table, folder / name, compression="zstd")
        make_private(folder / name)  # anonymized text is still personal data: owner only
        shards.append({"name": name, "sha256": file_digest(folder / name), "rows": len(part)})
    manifest = {
        "dataset": dataset, "shards": shards, "n_rows": len(rows), "policy_digest": policy.digest,
        "sources": sorted({r["source"] for r in rows}),
        "licenses": sorted({r["license"] for r in rows if r["license"]}),
        "languages": sorted({r["language"] for r in rows}),
        # Under the version id: an evaluation checks generations against these hashes, whatever
        # the inbox's SOURCE.yaml says by then.
        "canaries": [{"sha256": c["sha256"], "n_chars": int(c["n_chars"]), "source": c["source"]}
                     for c in sorted(canaries, key=lambda c: (c["source"], c["sha256"]))],
    }
    manifest["version_id"] = manifest_id(manifest)
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    make_private(folder / "manifest.json")
    return manifest


def read_manifest(path: Path) -> dict:
    """A version folder's manifest.json as written, not checked against the shards (see verify_version)."""
    manifest_path = Path(path) / "manifest.json"
    if not manifest_path.exists():
        raise VersionError(f"{path}: no manifest.json")
    return json.loads(manifest_path.read_text(encoding="utf-8"))


def verify_version(path: Path) -> dict:
    """Re-hash every shard against the manifest and the manifest against the version id."""
    manifest_path = Path(path) / "manifest.json"
    manifest = read_manifest(path)
    if manifest_id(manifest) != manifest.get("version_id") or Path(path).name != manifest.get("version_id"):
        raise VersionError(f"{manifest_path}: manifest does not match version id {Path(path).name} (edited)")
    for shard in manifest["shards"]:
        shard_path = Path(path) / shard["name"]
        if not shard_path.exists():
            raise VersionError(f"{shard_path}: shard listed in the manifest is missing")
        if file_digest(shard_path) != shard["sha256"]:
            raise VersionError(f"{shard_path}: sha256 differs from the manifest (the shard was altered)")
    extra = sorted(p.name for p in Path(path).glob("part-*.parquet")
                   if p.name not in {s["name"] for s in manifest["shards"]})
    if extra:
        raise VersionError(f"{path}: shards not in the manifest: {extra}")
    return manifest


def resolve(catalog: Catalog, version_id: str) -> dict:
    version = catalog.version(version_id)
    if version is None:
        raise VersionError(f"dataset version '{version_id}' not found (see `curation datasets list`)")
    return version


def decide(catalog: Catalog, audit: AuditLog, version_id: str, decision: str, reviewer: str, comment: str,
           *, flow_run_id: str | None = None, deployment: str | None = None, lineage=None,
           stewards: Sequence[str] = ()) -> dict:
    """Move a pending_review version to approved or rejected, recording who decided and why
    (audit log, and an OpenLineage run when `lineage` is given). `stewards`: the policy's
    review.stewards; when not empty, the reviewer must be one of them."""
    if stewards and reviewer.strip() not in stewards:
        raise VersionError(f"reviewer '{reviewer.strip()}' is not one of the policy's stewards (review.stewards)")
    if lineage is None:
        return _decide(catalog, audit, version_id, decision, reviewer, comment, flow_run_id, deployment)
    version = resolve(catalog, version_id)
    pinned = [(f"dataset:{version['dataset']}", version["version_id"])]
    with lineage.run("review", pinned) as outputs:
        decided = _decide(catalog, audit, version_id, decision, reviewer, comment, flow_run_id, deployment)
        outputs.append((f"review:{version['dataset']}", f"{version['version_id']}:{decided['status']}"))
    return decided


def _decide(catalog: Catalog, audit: AuditLog, version_id: str, decision: str, reviewer: str, comment: str,
            flow_run_id: str | None, deployment: str | None) -> dict:
    version = resolve(catalog, version_id)
    if not reviewer.strip():
        raise VersionError("a reviewer name is required: Prefect records no user identity")
    allowed = TRANSITIONS.get(version["status"], {})
    if decision not in allowed:
        raise VersionError(f"version {version['version_id']} is {version['status']}; "
                           f"'{decision}' is only possible from pending_review")
    gate = version.get("release_gate")
    if decision == "approve" and gate and not gate["passed"]:
        raise VersionError(f"version {version['version_id']} is below the policy's PII release gate "
                           f"({'; '.join(gate['failures'])}): it cannot be approved; improve detection or "
                           "the policy and build a new version")
    verify_version(Path(version["path"]))
    context = AuditContext(reviewer, flow_run_id, version["policy_digest"])
    record = context.record(audit, f"review.{decision}d", version["version_id"], {
        "version_id": version["version_id"], "dataset": version["dataset"], "decision": decision,
        "reviewer": reviewer, "comment_sha256": hashlib.sha256(comment.encode()).hexdigest(),
        "deployment": deployment})
    catalog.decide(version["version_id"], decision, reviewer, comment, flow_run_id, record["seq"])
    return catalog.version(version["version_id"])


def purge_shards(path: Path) -> list[str]:
    """Delete a revoked version's Parquet shards (the only files holding text); the manifest and
    card stay as the record of what the version was."""
    removed = []
    for shard in sorted(Path(path).glob("part-*.parquet")):
        shard.unlink()
        removed.append(shard.name)
    return removed
