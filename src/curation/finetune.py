"""The training hand-off: only an approved version whose shards still match its manifest is read,
and every run — finished or failed — is recorded in the catalog and the audit log."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path

from curation import datasets
from curation.audit import AuditLog
from curation.catalog import Catalog
from curation.policy import Policy


class NotApproved(datasets.VersionError):
    pass


@dataclass
class FinetuneOutcome:
    run_id: str
    version_id: str
    output_dir: Path
    result: object  # training.TrainingResult


def approved_documents(catalog: Catalog, version_id: str) -> tuple[dict, list[tuple[str, str]]]:
    """(version, [(doc_id, text)]) of an approved, unaltered version; raises with the reason otherwise."""
    import pyarrow.parquet as pq

    version = datasets.resolve(catalog, version_id)
    if version["status"] != "approved":
        raise NotApproved(f"version {version['version_id']} is {version['status']}, not approved: "
                          "a steward must approve it (curation review VERSION --approve ...) before training")
    manifest = datasets.verify_version(Path(version["path"]))
    docs = []
    for shard in manifest["shards"]:
        table = pq.read_table(Path(version["path"]) / shard["name"], columns=["doc_id", "text"])
        docs.extend(zip(table.column("doc_id").to_pylist(), table.column("text").to_pylist(), strict=True))
    return version, docs


def finetune_version(catalog: Catalog, audit: AuditLog, policy: Policy, version_id: str, *,
                     base_model: Path | None = None, output_root: Path = Path("data/models"),
                     output_dir: Path | None = None, actor: str = "system",
                     flow_run_id: str | None = None) -> FinetuneOutcome:
    from curation import training

    version, docs = approved_documents(catalog, version_id)
    vid = version["version_id"]
    run_id = uuid.uuid4().hex
    out = Path(output_dir) if output_dir else Path(output_root) / run_id
    base = str(base_model) if base_model else "tiny-from-config"
    log = lambda event, data: audit.append(  # noqa: E731
        event, run_id, {"version_id": vid, "run_id": run_id, **data}, actor=actor,
        flow_run_id=flow_run_id, policy_digest=version["policy_digest"])
    catalog.start_training(run_id, vid, base)
    log("training.started", {"base_model": base, "n_documents": len(docs),
                             "hyperparameters": policy.training.model_dump()})
    try:
        result = training.finetune(docs, out, policy.training, base_model=Path(base_model) if base_model else None)
        card = (Path(version["path"]) / "README.md")
        training.write_model_card(out, result, vid, str(card), license=_single_license(version))
        record = json.loads(result.to_json())
    except Exception as exc:
        catalog.finish_training(run_id, "failed", error=f"{type(exc).__name__}: {exc}")
        log("training.failed", {"error": f"{type(exc).__name__}: {exc}"})
        raise
    catalog.finish_training(run_id, "finished", record, str(out))
    log("training.finished", {
        "device": result.device, "base_model_sha256": result.base_model_sha256,
        "eval_loss_before": result.eval_loss_before, "eval_loss_after": result.eval_loss_after,
        "output_files_sha256": result.output_files_sha256})
    return FinetuneOutcome(run_id, vid, out, result)


def _single_license(version: dict) -> str | None:
    manifest = json.loads((Path(version["path"]) / "manifest.json").read_text(encoding="utf-8"))
    return " AND ".join(manifest["licenses"]) if manifest["licenses"] else None
