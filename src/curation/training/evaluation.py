"""`curation evaluate`: the PoC's numbers, task metrics against the base model and a privacy probe.

Does the fine-tuned model do the company's task better than the model it started from, and does it
give back personal data it was trained on?

For one finished training run:
1. the gate: the run's dataset version must still be approved and match its manifest hashes, the
   split must be the one the run trained on, and the model files must be those the run wrote;
   otherwise the evaluation is refused (and the refusal recorded);
2. the task set (`{"prompt", "reference"}` lines, English or Japanese; default: continuations of the
   held-out documents) is answered by the base model and by the fine-tuned one, greedy and batched;
   exact match, chrF and ROUGE-L per item, held-out perplexity per document, each with a paired
   bootstrap 95% interval and the difference tuned − base;
3. the privacy probe (privacy_probe.py) on every evaluation, against the canary hashes the version
   pins (SOURCE.yaml only lends clear values for canary-context probes); any leak fails it;
   prompts, references and answers are stored only as the policy's analyzer and the canary
   redaction leave them;
4. the results go to the run folder (evaluations/<eval_id>/), the model card, the catalog and the
   audit log, each naming the version and run.
"""

from __future__ import annotations

import hashlib
import json
import logging
import unicodedata
import uuid
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from curation.audit.context import AuditContext
from curation.audit.log import AuditLog
from curation.catalog import Catalog
from curation.datasets import versions
from curation.permissions import private_dir
from curation.policy import Policy, TrainingPolicy
from curation.training import metrics
from curation.training.errors import TrainingError
from curation.training.eval_models import run_models
from curation.training.tasks import answer_of, held_out_tasks, read_eval_set

log = logging.getLogger(__name__)

class EvaluationRefused(TrainingError):
    """The run may not be evaluated: its version is not approved or was altered, or its model
    files or split are not those the run recorded."""


@dataclass
class EvalSettings:
    max_new_tokens: int = 32
    batch_size: int = 8
    seed: int = 0
    bootstrap_samples: int = 1000
    probes: int = 32  # training-document prefixes the privacy probe prompts with (canaries come on top)
    prefix_tokens: int = 32
    suffix_tokens: int = 32
    max_items: int = 500  # task items evaluated (the first ones of the file)
    held_out_docs: int = 500  # held-out documents scored for perplexity (the first ones of the split)


@dataclass
class EvaluationResult:
    eval_id: str
    run_id: str
    version_id: str
    status: str  # passed | failed (a leak)
    reasons: list[str]
    eval_set: dict[str, Any]
    base_model: dict[str, Any]
    tuned_model: dict[str, Any]
    device: dict[str, Any]
    settings: dict[str, Any]
    metrics: dict[str, dict]  # name -> Paired.to_dict(); perplexity may be absent
    by_language: dict[str, dict[str, dict]]
    throughput: dict[str, Any]
    privacy: dict[str, Any]
    output_dir: str = ""
    model_card_sha256: str = ""
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True, ensure_ascii=False, indent=2)


# ---- the gate ----------------------------------------------------------------------------------


def _refuse(catalog: Catalog, audit: AuditLog, context: AuditContext, run: dict, reason: str):
    context.record(audit, "evaluation.refused", run["run_id"],
                   {"run_id": run["run_id"], "version_id": run["version_id"], "reason": reason})
    raise EvaluationRefused(f"evaluation of run {run['run_id'][:12]} refused: {reason}")


def _gate(catalog: Catalog, audit: AuditLog, run_id: str, context: AuditContext):
    """(run, record, params, version, docs) of a finished run whose version is approved and intact."""
    from curation.training.handoff import approved_documents
    from curation.training.hashes import files_sha256

    run = catalog.training_run(run_id)
    if run is None:
        raise TrainingError(f"training run '{run_id}' not found (or the prefix is ambiguous)")
    if run["status"] != "finished":
        raise TrainingError(f"training run {run['run_id'][:12]} is {run['status']}, not finished: nothing to evaluate")
    record = json.loads(run["record"])
    version = catalog.version(run["version_id"])
    context = context.under_policy(version["policy_digest"] if version else None)
    try:
        version, docs = approved_documents(catalog, run["version_id"])
    except versions.VersionError as exc:
        _refuse(catalog, audit, context, run, str(exc))
    out = Path(run["output_dir"])
    model_dir = out / "model"
    found = {f"model/{k}": v for k, v in files_sha256(model_dir).items()} if model_dir.is_dir() else {}
    changed = sorted(k for k in set(found) | set(record["output_files_sha256"])
                     if found.get(k) != record["output_files_sha256"].get(k))
    if changed:
        _refuse(catalog, audit, context, run, f"model files differ from those the run wrote: {', '.join(changed[:5])}")
    params = TrainingPolicy.model_validate(json.loads(run["params"]))
    return run, record, params, version, docs, context


# ---- canaries ----------------------------------------------------------------------------------


@dataclass
class VersionCanaries:
    """The canaries an evaluation checks, and what the inbox says of them. Clear values stay in memory."""

    canaries: dict[str, Any]  # sha256 -> privacy_probe.Canary: pinned, recorded since, declared now
    pinned: list[str]  # sha256 of those the version's manifest pins
    values: dict[str, str]  # sha256 -> clear value, from SOURCE.yaml where its hash is one checked
    source_yaml_read: list[str]
    discrepancies: dict[str, Any]  # sources and sha256 only


def version_canaries(catalog: Catalog, version: dict, manifest: dict) -> VersionCanaries:
    """The canaries to check generations of a run on this version against: those pinned in its
    manifest (the authority: under the version id), plus any recorded in the catalog or declared in
    SOURCE.yaml for its sources since (checking more costs nothing). SOURCE.yaml, in the inboxes
    the dataset was ingested from, only lends clear values for canary-context probes; where it is
    gone or no longer declares a pinned canary, that is recorded in `discrepancies`, and the
    caller finds the value in the training text by hash (privacy_probe.canary_values_in)."""
    from curation.sources.source_yaml import SourceYamlError, read_source_yaml
    from curation.training.privacy_probe import Canary

    sources = manifest.get("sources", [])
    legacy = "canaries" not in manifest  # built before canaries were pinned
    pinned = {c.sha256: c for c in map(Canary.from_record, manifest.get("canaries", []))}
    canaries = dict(pinned)
    recorded = [Canary.from_record(r) for r in catalog.canaries(sources)]
    canaries.update({c.sha256: c for c in recorded if c.sha256 not in canaries})
    values: dict[str, str] = {}
    read: list[str] = []
    missing: list[str] = []
    declared: set[str] = set()
    inboxes = list(dict.fromkeys(r["inbox"] for r in reversed(catalog.ingest_runs(version["dataset"])) if r["inbox"]))
    for source in sources:
        for inbox in inboxes:
            folder = Path(inbox) / source
            if not (folder / "SOURCE.yaml").is_file():
                continue
            try:
                info = read_source_yaml(folder)
            except SourceYamlError as exc:
                log.warning("canaries of %s not read: %s", source, exc)
                continue
            read.append(str(folder / "SOURCE.yaml"))
            for value in info.canaries:
                c = Canary.of(value, source)
                canaries.setdefault(c.sha256, c)
                declared.add(c.sha256)
                values[c.sha256] = unicodedata.normalize("NFC", value.strip())
            break
        else:
            missing.append(source)
    yaml_sources = set(sources) - set(missing)
    discrepancies = {
        "unpinned_version": legacy,
        "source_yaml_missing": sorted(s for s in missing if legacy or any(c.source == s for c in pinned.values())),
        "pinned_not_declared": sorted(d for d, c in pinned.items() if c.source in yaml_sources and d not in declared),
        "declared_not_pinned": sorted(declared - set(pinned)) if not legacy else [],
        "recorded_not_pinned": sorted({c.sha256 for c in recorded} - set(pinned)) if not legacy else [],
    }
    return VersionCanaries(canaries, sorted(pinned), values, read, discrepancies)


def _documents_of(version: dict, manifest: dict) -> dict[str, tuple[str, str]]:
    """doc_id -> (language, source) of the version's documents."""
    import pyarrow.parquet as pq

    out = {}
    for shard in manifest["shards"]:
        table = pq.read_table(Path(version["path"]) / shard["name"], columns=["doc_id", "language", "source"])
        out.update(zip(table.column("doc_id").to_pylist(),
                       zip(table.column("language").to_pylist(), table.column("source").to_pylist(), strict=True),
                       strict=True))
    return out


# ---- the evaluation ----------------------------------------------------------------------------


def evaluate_run(catalog: Catalog, audit: AuditLog, policy: Policy, run_id: str, *, eval_set: Path | None = None,
                 base_model: Path | None = None, settings: EvalSettings | None = None, actor: str = "system",
                 flow_run_id: str | None = None, anonymizer=None) -> EvaluationResult:
    """Evaluate a finished run against its base model and probe it for leaks; record everything.

    Raises EvaluationRefused (recorded in the audit log) for a run whose version is no longer
    approved or was altered, or whose model files changed. A leak does not raise: the result's
    status is "failed" and its reasons say why. anonymizer: a curation.pii.Anonymizer to reuse.
    """
    from curation.training.data import split_by_doc
    from curation.training.hashes import combined_sha256

    s = settings or EvalSettings()
    if eval_set is not None:
        read_eval_set(eval_set, s.max_items)  # a bad file is the caller's error, not a failed evaluation
    if base_model is not None and not Path(base_model).is_dir():
        raise TrainingError(f"{base_model}: base model folder not found")
    context = AuditContext(actor, flow_run_id, policy.digest or None)
    run, record, params, version, docs, context = _gate(catalog, audit, run_id, context)
    run_id, vid = run["run_id"], version["version_id"]
    train_docs, eval_docs = split_by_doc(docs, params.eval_fraction, params.seed)
    data_sha = combined_sha256({f"{side}/{doc_id}": hashlib.sha256(text.encode()).hexdigest()
                                for side, part in (("train", train_docs), ("eval", eval_docs))
                                for doc_id, text in part})
    if record.get("data_sha256") and data_sha != record["data_sha256"]:
        _refuse(catalog, audit, context, run, "the version's documents no longer split into the run's train/eval sets")
    manifest = versions.read_manifest(Path(version["path"]))
    eval_id = uuid.uuid4().hex
    out_dir = Path(run["output_dir"]) / "evaluations" / eval_id
    audit_data = {"run_id": run_id, "version_id": vid, "eval_id": eval_id}
    context.record(audit, "evaluation.started", run_id, {**audit_data, "eval_set": str(eval_set) if eval_set else None,
                                                         "base_model": str(base_model) if base_model else None,
                                                         "settings": asdict(s)})
    try:
        return _evaluate(catalog, audit, policy, s, run, record, params, version, context, train_docs, eval_docs,
                         manifest, eval_id, out_dir, audit_data, eval_set, base_model, anonymizer)
    except BaseException as exc:  # Ctrl-C too: a started evaluation ends in the audit log either way
        context.record(audit, "evaluation.failed", run_id, {**audit_data, "error": f"{type(exc).__name__}: {exc}"})
        raise


def _evaluate(catalog, audit, policy, s, run, record, params, version, context, train_docs, eval_docs, manifest,
              eval_id, out_dir, audit_data, eval_set, base_model, anonymizer) -> EvaluationResult:
    from curation.training import generation, privacy_probe
    from curation.training.device import select_device
    from curation.training.hashes import combined_sha256, sha256_file
    from curation.training.trainer import quiet_progress

    run_id, vid = run["run_id"], version["version_id"]
    device = select_device()
    with quiet_progress():
        tuned, tok, base, base_tok, base_info = run_models(run, record, params, base_model, device)
        tuned = generation.prepare(tuned, device, s.seed)
        base = generation.prepare(base, device, s.seed)

        # -- the task set, answered by both models
        if eval_set is not None:
            items = read_eval_set(eval_set, s.max_items)  # read twice: checked before anything starts
            set_info = {"kind": "file", "path": str(eval_set), "sha256": sha256_file(Path(eval_set))}
        else:
            items = held_out_tasks(eval_docs, tok, prefix_tokens=s.prefix_tokens, suffix_tokens=s.suffix_tokens,
                                   max_items=s.max_items)
            set_info = {"kind": "held-out continuations", "path": None, "sha256": None}
        if not items:
            raise TrainingError("no evaluation items: the held-out documents are too short for "
                                f"{s.prefix_tokens}-token prompts; pass --eval-set")
        from curation.pii import detect_language

        for item in items:
            item["language"] = item["language"] or detect_language(item["prompt"] + "\n" + item["reference"])
        set_info |= {"n_items": len(items), "languages": dict(sorted(Counter(i["language"] for i in items).items()))}
        prompts = [i["prompt"] for i in items]
        gen_base = generation.generate(base, base_tok, prompts, max_new_tokens=s.max_new_tokens,
                                       batch_size=s.batch_size, device=device)
        gen_tuned = generation.generate(tuned, tok, prompts, max_new_tokens=s.max_new_tokens,
                                        batch_size=s.batch_size, device=device)
        refs = [i["reference"] for i in items]
        # A task's answer is its first sentence; a continuation is compared whole with the document's.
        answer = answer_of if eval_set is not None else str.strip
        scores_base = metrics.score_items([answer(t) for t in gen_base.texts], refs)
        scores_tuned = metrics.score_items([answer(t) for t in gen_tuned.texts], refs)
        results = {name: metrics.paired_bootstrap(scores_base[name], scores_tuned[name],
                                                  samples=s.bootstrap_samples, seed=s.seed).to_dict()
                   for name in metrics.TASK_METRICS}
        by_language: dict[str, dict[str, dict]] = {}
        for language in sorted({i["language"] for i in items}):
            idx = [k for k, i in enumerate(items) if i["language"] == language]
            by_language[language] = {name: metrics.paired_bootstrap(
                [scores_base[name][k] for k in idx], [scores_tuned[name][k] for k in idx],
                samples=s.bootstrap_samples, seed=s.seed).to_dict() for name in metrics.TASK_METRICS}

        # -- held-out perplexity, per document, on the documents the run did not train on
        notes = []
        eval_texts = [t for _, t in eval_docs[:s.held_out_docs]]
        block = params.block_size
        loss_tuned = generation.document_losses(tuned, tok, eval_texts, block_size=block, batch_size=s.batch_size)
        loss_base = generation.document_losses(base, base_tok, eval_texts, block_size=block, batch_size=s.batch_size)
        ppl = metrics.paired_bootstrap_ratio([n for n, _ in loss_base], [k for _, k in loss_base],
                                             [n for n, _ in loss_tuned], [k for _, k in loss_tuned],
                                             transform=_exp, samples=s.bootstrap_samples, seed=s.seed).to_dict()
        if base_tok.get_vocab() != tok.get_vocab():
            ppl["difference"] = None
            notes.append("perplexities are per token of each model's own tokenizer, which differ: "
                         "their difference is not comparable and is left out")
        results["perplexity"] = ppl

        # -- the privacy probe
        found = version_canaries(catalog, version, manifest)
        canaries, canary_values = found.canaries, dict(found.values)
        documents = _documents_of(version, manifest)
        unlent: dict[str, list] = {}  # values SOURCE.yaml did not lend, by source: found in its training text by hash
        for sha, c in canaries.items():
            if sha not in canary_values:
                unlent.setdefault(c.source, []).append(c)
        for source, group in unlent.items():  # one pass over a source's documents for all its canaries
            canary_values |= privacy_probe.canary_values_in(
                (t for d, t in train_docs if documents.get(d, (None, None))[1] == source), group)
        in_training = {digest for digest, value in canary_values.items()
                       if any(value in unicodedata.normalize("NFC", t) for _, t in train_docs)}
        recovered = sorted(d for d in in_training if d not in found.values)
        found.values.clear()  # the clear values live on in canary_values only, until the probes are built
        gone = found.discrepancies["source_yaml_missing"]
        if gone:
            notes.append(f"no SOURCE.yaml found for {', '.join(gone)} in the inbox(es) the dataset was ingested "
                         "from: checked against the version's pinned canary hashes, canary contexts found in the "
                         "training text by hash")
        if found.discrepancies["pinned_not_declared"]:
            notes.append(f"{len(found.discrepancies['pinned_not_declared'])} canary(ies) pinned in the version are no "
                         "longer declared in SOURCE.yaml: checked against the pinned hashes all the same")
        if found.discrepancies["declared_not_pinned"]:
            notes.append(f"{len(found.discrepancies['declared_not_pinned'])} canary(ies) declared in SOURCE.yaml are "
                         "not pinned in the version: checked too")
        if found.discrepancies["unpinned_version"]:
            notes.append("the version pins no canaries (built before they were pinned): checked against those the "
                         "catalog recorded and SOURCE.yaml declares for its sources")
        train3 = [(d, t, documents.get(d, (None, None))[0] or "en") for d, t in train_docs]
        probes = privacy_probe.build_probes(train3, tok, n=s.probes, prefix_tokens=s.prefix_tokens,
                                            suffix_tokens=s.suffix_tokens, seed=s.seed,
                                            canary_values={d: canary_values[d] for d in sorted(in_training)})
        gen_probe = generation.generate(tuned, tok, [p.prompt_ids for p in probes], max_new_tokens=s.suffix_tokens,
                                        batch_size=s.batch_size, device=device)
        del canary_values  # clear values are not needed past this point
    if anonymizer is None:
        from curation.pii import Anonymizer

        anonymizer = Anonymizer(policy.pii)
    training = privacy_probe.TrainingText([t for _, t in train_docs])
    canary_list = list(canaries.values())
    scan_probe = privacy_probe.scan(gen_probe.texts, [p.language for p in probes], anonymizer, training,
                                    canary_list, where="probe", doc_ids=[p.doc_id for p in probes])
    item_langs = [i["language"] for i in items]
    scan_task = privacy_probe.scan(gen_tuned.texts, item_langs, anonymizer, training, canary_list, where="task")
    # The base model never saw the training data: its hits are not leaks (a prompt that holds the
    # value, say), but its generations are stored, so they are redacted alike.
    scan_base = privacy_probe.scan(gen_base.texts, item_langs, anonymizer, training, canary_list, where="task")
    # Prompts and references are stored too; without --eval-set they are held-out document text.
    stored_prompts = privacy_probe.scan(prompts, item_langs, anonymizer, training, canary_list, where="prompt")
    stored_refs = privacy_probe.scan(refs, item_langs, anonymizer, training, canary_list, where="reference")
    leaks = scan_probe.leaks + scan_task.leaks
    hits = scan_probe.canary_hits + scan_task.canary_hits
    privacy = {
        "status": "failed" if leaks else "passed",
        "probes": len(probes), "prefix_probes": sum(p.kind == "prefix" for p in probes),
        "canary_probes": sum(p.kind == "canary" for p in probes),
        "prefix_tokens": s.prefix_tokens, "continuation_tokens": s.suffix_tokens,
        "canaries_declared": len(canary_list), "canaries_pinned": len(found.pinned),
        "canaries_in_training_data": len(in_training), "canary_values_from_training_text": len(recovered),
        "canary_sha256": sorted(canaries), "source_yaml_read": found.source_yaml_read,
        "canary_discrepancies": found.discrepancies,
        "canary_hits": [{"sha256": c.sha256, "source": c.source, "where": where, "doc_id": doc}
                        for c, where, doc in hits],
        "found_by_type": _merge(scan_probe.counts_by_type(), scan_task.counts_by_type()),
        "leaked_by_type": _merge(scan_probe.counts_by_type(in_training_data=True),
                                 scan_task.counts_by_type(in_training_data=True)),
        "leaked_documents": sorted({f.doc_id for f in scan_probe.findings if f.in_training_data and f.doc_id}),
        "base_found_by_type": scan_base.counts_by_type(), "base_canary_hits": len(scan_base.canary_hits),
        "leaks": leaks,
        "verbatim_continuation_share": round(privacy_probe.verbatim_share(
            [g for g in gen_probe.token_ids], [p.continuation_ids for p in probes]), 4),
    }
    reasons = []
    if hits:
        reasons.append(f"{len(hits)} canary value(s) reproduced in generations")
    leaked = privacy["leaked_by_type"]
    if leaked:
        reasons.append("values found in training text reproduced: "
                       + ", ".join(f"{k} {v}" for k, v in leaked.items()))
    if canary_list and len(in_training) < len(canary_list):
        notes.append(f"{len(canary_list) - len(in_training)} declared canary value(s) are not in the training "
                     "text (replaced by the anonymizer, or in no approved document): they test nothing")

    result = EvaluationResult(
        eval_id=eval_id, run_id=run_id, version_id=vid, status="failed" if leaks else "passed", reasons=reasons,
        eval_set=set_info, base_model=base_info,
        tuned_model={"path": str(Path(run["output_dir"]) / "model"), "mode": record.get("mode"),
                     "files_sha256": combined_sha256(record["output_files_sha256"])},
        device={"device": device.device, "name": device.name, "bf16": device.bf16, "threads": device.threads},
        settings=asdict(s) | {"decoding": "greedy", "bootstrap_level": 0.95, "held_out_documents": len(eval_texts),
                              "block_size": block},
        metrics=results, by_language=by_language,
        throughput={"base_tokens_per_second": round(gen_base.tokens_per_second, 1),
                    "tuned_tokens_per_second": round(gen_tuned.tokens_per_second, 1),
                    "probe_tokens_per_second": round(gen_probe.tokens_per_second, 1),
                    "generated_tokens": gen_base.new_tokens + gen_tuned.new_tokens + gen_probe.new_tokens,
                    "generation_seconds": round(gen_base.seconds + gen_tuned.seconds + gen_probe.seconds, 3)},
        privacy=privacy, output_dir=str(out_dir), notes=notes)
    _write(out_dir, result, items, stored_prompts.anonymized, stored_refs.anonymized, scan_base.anonymized,
           scan_task.anonymized, scores_base, scores_tuned)
    from curation.training import card

    card_path = card.add_evaluation(Path(run["output_dir"]), result)
    result.model_card_sha256 = sha256_file(card_path)
    (out_dir / "evaluation.json").write_text(result.to_json() + "\n", encoding="utf-8")
    catalog.record_evaluation(eval_id, run_id, vid, result.status, json.loads(result.to_json()))
    context.record(audit, "evaluation.finished", run_id, {
        **audit_data, "status": result.status, "reasons": reasons, "eval_set": set_info,
        "base_model": base_info, "metrics": results,
        "privacy": {k: v for k, v in privacy.items() if k != "source_yaml_read"},
        "device": result.device, "model_card_sha256": result.model_card_sha256,
        "evaluation_sha256": sha256_file(out_dir / "evaluation.json")})
    return result


def _exp(x):
    import numpy as np

    return np.exp(np.minimum(x, 700))


def _merge(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    return dict(sorted((Counter(a) + Counter(b)).items()))


def _write(out_dir: Path, result: EvaluationResult, items, prompts, references, base_texts, tuned_texts,
           scores_base, scores_tuned) -> None:
    """evaluation.json and generations.jsonl: prompt, reference and both answers each as the
    policy's analyzer and the canary redaction left them (scores are of the texts as generated)."""
    for folder in (out_dir.parent.parent, out_dir.parent, out_dir):  # the run's, evaluations/, this one's
        private_dir(folder)  # existing ones too, whatever mode they were made with
    with (out_dir / "generations.jsonl").open("w", encoding="utf-8") as fh:
        for k, item in enumerate(items):
            fh.write(json.dumps({
                "prompt": prompts[k], "reference": references[k], "language": item["language"],
                "base": base_texts[k], "tuned": tuned_texts[k],
                "scores": {name: {"base": round(scores_base[name][k], 2), "tuned": round(scores_tuned[name][k], 2)}
                           for name in scores_base}}, ensure_ascii=False) + "\n")
    (out_dir / "evaluation.json").write_text(result.to_json() + "\n", encoding="utf-8")
