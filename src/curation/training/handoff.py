"""The training hand-off: only an approved, unaltered version is read; every run is recorded.

A version is read only when approved and its shards still match its manifest; every run —
finished or failed — is recorded in the catalog and the audit log.

A run that died (killed, out of memory, Ctrl-C) keeps its checkpoints; `finetune_version(...,
resume=RUN_ID)` continues it with the hyperparameters it was started with.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from curation.audit.context import AuditContext
from curation.audit.log import AuditLog
from curation.catalog import Catalog
from curation.datasets import versions
from curation.policy import Policy, TrainingPolicy
from curation.training.errors import (
    TrainingError,  # cheap: training imports torch only when it trains
)


class NotApproved(versions.VersionError):
    pass


class RunError(TrainingError):
    """A run that cannot be started or resumed as asked (bad override, unknown or finished run)."""


@dataclass
class FinetuneOutcome:
    run_id: str
    version_id: str
    output_dir: Path
    result: object  # curation.training.trainer.TrainingResult


def approved_documents(catalog: Catalog, version_id: str) -> tuple[dict, list[tuple[str, str]]]:
    """(version, [(doc_id, text)]) of an approved, unaltered version; raises with the reason otherwise."""
    import pyarrow.parquet as pq

    version = versions.resolve(catalog, version_id)
    if version["status"] != "approved":
        raise NotApproved(f"version {version['version_id']} is {version['status']}, not approved: "
                          "a steward must approve it (curation review VERSION --approve ...) before training")
    manifest = versions.verify_version(Path(version["path"]))
    docs = []
    for shard in manifest["shards"]:
        table = pq.read_table(Path(version["path"]) / shard["name"], columns=["doc_id", "text"])
        docs.extend(zip(table.column("doc_id").to_pylist(), table.column("text").to_pylist(), strict=True))
    return version, docs


def with_overrides(params: TrainingPolicy, overrides: dict[str, Any] | None) -> TrainingPolicy:
    """The policy's training section with command-line values put in; dotted keys reach sub-sections
    (`lora.r`). Values are validated like the policy file's; the message names the bad one."""
    data = params.model_dump()
    for key, value in (overrides or {}).items():
        *parents, leaf = key.split(".")
        target = data
        for part in parents:
            if not isinstance(target.get(part), dict):
                raise RunError(f"unknown training setting '{key}'")
            target = target[part]
        target[leaf] = value
    try:
        return TrainingPolicy.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise RunError(f"invalid training setting: {problems}") from None


def learning_rate_key(params: TrainingPolicy, *, base_model: bool, full_finetune: bool | None = None) -> str:
    """The policy key that "the learning rate of this run" sets: the tiny model's (no base model),
    full fine-tuning's or LoRA's (full_finetune None: as the policy says)."""
    if not base_model:
        return "learning_rate"
    full = params.full_finetune if full_finetune is None else full_finetune
    return "full_finetune_learning_rate" if full else "lora.learning_rate"


def finetune_version(catalog: Catalog, audit: AuditLog, policy: Policy, version_id: str, *,
                     base_model: Path | None = None, output_root: Path = Path("data/models"),
                     output_dir: Path | None = None, actor: str = "system", flow_run_id: str | None = None,
                     overrides: dict[str, Any] | None = None, resume: str | None = None,
                     callbacks: Sequence[Any] = (), lineage=None) -> FinetuneOutcome:
    """Fine-tune on an approved version and record the run; returns where the model went.

    overrides replace training settings of the policy (keys as in the policy's training section).
    resume is the id (or a unique prefix) of an unfinished run of this version: it continues from
    its last checkpoint with its recorded base model and settings. A run that raises is recorded
    as failed (with the error) before the exception goes on, with a note saying how to resume it.
    """
    if lineage is not None:  # an OpenLineage run around the whole training run: version in, model out
        pinned = versions.resolve(catalog, version_id)
        with lineage.run("finetune", [(f"dataset:{pinned['dataset']}", pinned["version_id"])]) as outputs:
            out = finetune_version(catalog, audit, policy, version_id, base_model=base_model, output_root=output_root,
                                   output_dir=output_dir, actor=actor, flow_run_id=flow_run_id, overrides=overrides,
                                   resume=resume, callbacks=callbacks)
            outputs.append((f"model:{out.run_id}", out.run_id))
        return out
    from curation.training import card, checkpoints, hashes, trainer

    overrides = {k: v for k, v in (overrides or {}).items() if v is not None}
    if resume:
        run, params, base_model, out = _resumable_run(catalog, version_id, resume, base_model=base_model,
                                                      output_dir=output_dir, overrides=overrides)
        run_id = run["run_id"]
    else:
        params = with_overrides(policy.training, overrides)
        if base_model is not None and not Path(base_model).is_dir():
            raise TrainingError(f"{base_model}: base model folder not found")
        run_id = uuid.uuid4().hex
        out = Path(output_dir) if output_dir else Path(output_root) / run_id
        if (out / checkpoints.PLAN_FILE).exists():
            raise RunError(f"{out} already holds a training run; choose another output folder")
    version, docs = approved_documents(catalog, version_id)  # again on resume: approval may be revoked
    vid = version["version_id"]
    base = str(base_model) if base_model else trainer.TINY_BASE
    context = AuditContext(actor, flow_run_id, version["policy_digest"])
    log = lambda event, data: context.record(audit, event, run_id, {"version_id": vid, "run_id": run_id, **data})  # noqa: E731
    if resume:
        checkpoint = checkpoints.checkpoint_step(checkpoints.last_checkpoint(out))
        attempt = catalog.restart_training(run_id)
        log("training.resumed", {"attempt": attempt, "previous_status": run["status"],
                                 "previous_error": run["error"], "from_step": checkpoint})
    else:
        catalog.start_training(run_id, vid, base)
        catalog.plan_training(run_id, str(out), params.model_dump())
        log("training.started", {"base_model": base, "n_documents": len(docs), "output_dir": str(out),
                                 "hyperparameters": params.model_dump(),
                                 "overrides": overrides})
    try:
        result = trainer.finetune(docs, out, params, base_model=Path(base_model) if base_model else None,
                                   resume=bool(resume), callbacks=callbacks)
        card_path = card.write_model_card(out, result, vid, _dataset_card_link(version, out),
                                         license=_single_license(version), run_id=run_id)
        record = {"run_id": run_id, "dataset_version_id": vid, **json.loads(result.to_json()),
                  "model_card_sha256": hashes.sha256_file(card_path)}
        (out / "training_record.json").write_text(json.dumps(record, indent=2, sort_keys=True) + "\n",
                                                  encoding="utf-8")
    except BaseException as exc:  # Ctrl-C too: the run must not stay "running" in the catalog
        error = f"{type(exc).__name__}: {exc}"
        step = checkpoints.checkpoint_step(checkpoints.last_checkpoint(out))
        catalog.finish_training(run_id, "failed", output_dir=str(out), error=error)
        log("training.failed", {"error": error, "resumable_from_step": step})
        exc.add_note(f"training run {run_id} recorded as failed"
                     + (f"; resume from step {step}: curation finetune {vid[:12]} --resume {run_id[:12]}"
                        if step else ""))
        raise
    catalog.finish_training(run_id, "finished", record, str(out))
    log("training.finished", {k: v for k, v in record.items() if k not in ("loss_log", "output_dir")})
    return FinetuneOutcome(run_id, vid, out, result)


def _resumable_run(catalog: Catalog, version_id: str, run_id: str, **not_allowed):
    """(run row, its recorded TrainingPolicy, base model or None, output folder) of a run to resume."""
    from curation.training import checkpoints, trainer

    given = [name for name, value in not_allowed.items() if value]
    if given:
        raise RunError(f"a resumed run keeps its recorded settings; drop {', '.join(given)}")
    run = catalog.training_run(run_id)
    if run is None:
        raise RunError(f"training run '{run_id}' not found (or the prefix is ambiguous)")
    version = versions.resolve(catalog, version_id)
    if run["version_id"] != version["version_id"]:
        raise RunError(f"training run {run['run_id']} trained version {run['version_id']}, "
                       f"not {version['version_id']}")
    if run["status"] == "finished":
        raise RunError(f"training run {run['run_id']} already finished; its model is in {run['output_dir']}")
    if not run.get("params") or not run.get("output_dir"):
        raise RunError(f"training run {run['run_id']} has no recorded plan (started by an older version)")
    out = Path(run["output_dir"])
    if checkpoints.is_locked(out):
        raise RunError(f"training run {run['run_id']} is still running (another process holds {out})")
    params = TrainingPolicy.model_validate(json.loads(run["params"]))
    base = None if run["base_model"] == trainer.TINY_BASE else Path(run["base_model"])
    return run, params, base, out


def _dataset_card_link(version: dict, model_dir: Path) -> str:
    """A markdown link from the model card to the dataset card, with the card's hash."""
    from curation.training.hashes import sha256_file

    card = Path(version["path"]) / "README.md"
    rel = Path(os.path.relpath(card.resolve(), Path(model_dir).resolve())).as_posix()
    digest = f"sha256 `{sha256_file(card)}`" if card.is_file() else "missing when this model was trained"
    return f"[{version['version_id'][:16]} dataset card]({rel}) ({digest})"


def _single_license(version: dict) -> str | None:
    manifest = versions.read_manifest(Path(version["path"]))
    return " AND ".join(manifest["licenses"]) if manifest["licenses"] else None
