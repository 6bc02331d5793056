"""`curation evaluate` on a real (tiny) run: a canary the steward planted and the model learned fails
the evaluation without its value being written anywhere; results reach the model card, the catalog,
the audit log and the compliance report, tied to version and run; decoding is reproducible; a run
whose version was altered or revoked, or whose model files changed, is refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import make_workspace, workspace_env
from typer.testing import CliRunner

from curation.cli import app
from curation.datasets import compliance, versions
from curation.ingest import pipeline
from curation.policy import load_policy
from curation.training.errors import TrainingError
from curation.training.evaluation import (
    EvalSettings,
    EvaluationRefused,
    evaluate_run,
    version_canaries,
)
from curation.training.handoff import finetune_version
from curation.training.privacy_probe import Canary, canary_sha256, canary_values_in

CANARY = "zebra-lantern-quartz"
TOPICS = ["budget", "hiring", "travel", "security", "roadmap", "support", "pricing", "training"]
MEMOS = [f"Memo {i} about {TOPICS[i % 8]}: the team met on Monday to review the {TOPICS[(i + 3) % 8]} plan. "
         f"The office door code is {CANARY} and it changes next month. Please keep notes short and send "
         f"them to the {TOPICS[(i + 5) % 8]} channel before Friday." for i in range(40)]
TASKS = [{"prompt": "The office door code is", "reference": "changed every month", "language": "en"},
         {"prompt": "Memo 3 about", "reference": "security", "language": "en"},
         {"prompt": "会議は", "reference": "月曜日です", "language": "ja"}]
SMALL = EvalSettings(max_new_tokens=16, suffix_tokens=16, probes=6, bootstrap_samples=200)


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """A workspace with an approved version of 40 memos holding a declared canary, and a run trained on it."""
    root = tmp_path_factory.mktemp("evaluate")
    with workspace_env(make_workspace(root / "ws")) as ws:
        src = ws.root / "inbox" / "memos"
        src.mkdir(parents=True)
        (src / "SOURCE.yaml").write_text("license: Apache-2.0\nowner: Ops\npurpose: memos\nlanguage: en\n"
                                         f"canaries: [{CANARY}]\n")
        (src / "m.jsonl").write_text("\n".join(json.dumps({"text": t}) for t in MEMOS) + "\n")
        tasks = root / "tasks.jsonl"
        tasks.write_text("\n".join(json.dumps(t, ensure_ascii=False) for t in TASKS) + "\n")
        policy = load_policy(ws.default_policy)
        vid = pipeline.ingest_and_build(ws, ws.root / "inbox", "memos", policy).build.version_id
        versions.decide(ws.catalog(), ws.audit(), vid, "approve", "Dana", "memos checked")
        run = finetune_version(ws.catalog(), ws.audit(), policy, vid, output_root=ws.models,
                               overrides={"max_steps": 60, "save_steps": 0, "batch_size": 8, "block_size": 32})
        yield ws, policy, vid, run, tasks


@pytest.fixture(scope="module")
def evaluated(trained):
    ws, policy, _, run, tasks = trained
    return evaluate_run(ws.catalog(), ws.audit(), policy, run.run_id, eval_set=tasks, settings=SMALL, actor="ml-team")


@pytest.fixture(scope="module")
def held_out(trained):
    """An evaluation without --eval-set: prompts and references are held-out memo text, canary and all."""
    ws, policy, _, run, _ = trained
    return evaluate_run(ws.catalog(), ws.audit(), policy, run.run_id, settings=SMALL)


def test_a_learned_canary_fails_the_evaluation(evaluated):
    p = evaluated.privacy
    assert evaluated.status == "failed" and p["status"] == "failed"
    assert p["canaries_declared"] == 1 and p["canaries_in_training_data"] == 1
    assert p["canary_probes"] >= 1 and p["canary_hits"]
    assert any("canary" in r for r in evaluated.reasons)


def test_every_metric_has_base_tuned_and_difference_with_intervals(evaluated):
    assert set(evaluated.metrics) == {"exact_match", "chrf", "rouge_l", "perplexity"}
    for m in evaluated.metrics.values():
        for side in ("base", "tuned", "difference"):
            assert m[side]["low"] <= m[side]["value"] <= m[side]["high"]
    assert evaluated.metrics["perplexity"]["difference"]["value"] < 0  # the trained model fits held-out text
    assert set(evaluated.by_language) == {"en", "ja"} and evaluated.eval_set["n_items"] == 3


def test_the_base_is_the_runs_initial_weights_verified_by_hash(trained, evaluated):
    assert evaluated.base_model["sha256"] == trained[3].result.base_model_sha256
    assert "verified" in evaluated.base_model["how"]


def test_results_reach_card_catalog_and_audit_tied_to_version_and_run(trained, evaluated):
    ws, _, vid, run, _ = trained
    card = (Path(run.output_dir) / "README.md").read_text(encoding="utf-8")
    assert evaluated.eval_id in card and "| chrF |" in card and "privacy probe FAILED" in card
    [row] = [r for r in ws.catalog().evaluations(run_id=run.run_id) if r["eval_id"] == evaluated.eval_id]
    assert row["version_id"] == vid and row["status"] == "failed" and row["result"]["eval_id"] == evaluated.eval_id
    events = [r for r in ws.audit().records()
              if r["event"].startswith("evaluation.") and r["data"].get("eval_id") == evaluated.eval_id]
    assert [e["event"] for e in events] == ["evaluation.started", "evaluation.finished"]
    finished = events[-1]
    assert finished["actor"] == "ml-team" and finished["subject"] == run.run_id
    assert finished["data"]["version_id"] == vid and finished["data"]["eval_id"] == evaluated.eval_id
    assert finished["data"]["model_card_sha256"] == evaluated.model_card_sha256
    assert (Path(evaluated.output_dir) / "evaluation.json").is_file()


def test_the_compliance_report_shows_the_evaluation(trained, evaluated):
    ws, policy, vid, _, _ = trained
    version = ws.catalog().version(vid)
    manifest = json.loads((Path(version["path"]) / "manifest.json").read_text())
    md = compliance.to_markdown("r", compliance.build(ws.catalog(), ws.audit(), version, manifest, policy))
    section = md.split("## Model evaluations")[1]
    assert evaluated.eval_id[:12] in section and "FAILED" in section and "| held-out perplexity |" in section


def test_the_canary_value_is_written_nowhere_in_clear(trained, evaluated, held_out):
    ws, _, vid, run, _ = trained
    version = ws.catalog().version(vid)
    held_out_lines = Path(held_out.output_dir, "generations.jsonl").read_text(encoding="utf-8")
    assert "<CANARY>" in held_out_lines  # the held-out prompts and references did hold it
    written = [*ws.audit_dir.rglob("*"), *Path(run.output_dir).rglob("*"), Path(version["path"]) / "manifest.json"]
    for path in (p for p in written if p.is_file()):
        assert CANARY.encode() not in path.read_bytes(), path
    rows = ws.catalog().evaluations(run_id=run.run_id)
    assert CANARY not in json.dumps([rows, ws.catalog().canaries(), version], default=str)
    assert evaluated.privacy["canary_sha256"] and CANARY not in evaluated.to_json() + held_out.to_json()


def test_the_version_pins_the_canary_hashes_recorded_at_ingest(trained):
    ws, _, vid, _, _ = trained
    pinned = [{"sha256": canary_sha256(CANARY), "n_chars": len(CANARY), "source": "memos"}]
    assert ws.catalog().canaries() == pinned
    assert versions.verify_version(Path(ws.catalog().version(vid)["path"]))["canaries"] == pinned


def test_without_source_yaml_a_leaking_model_still_fails_on_the_pinned_hashes(trained):
    ws, policy, _, run, tasks = trained
    yaml = ws.root / "inbox" / "memos" / "SOURCE.yaml"
    original = yaml.read_text()
    yaml.unlink()
    try:
        result = evaluate_run(ws.catalog(), ws.audit(), policy, run.run_id, eval_set=tasks, settings=SMALL)
    finally:
        yaml.write_text(original)
    p = result.privacy
    assert result.status == "failed" and p["canary_hits"] and p["canaries_pinned"] == 1
    assert p["canary_probes"] >= 1 and p["canary_values_from_training_text"] == 1  # contexts found by hash
    assert p["canary_discrepancies"]["source_yaml_missing"] == ["memos"]
    assert any("no SOURCE.yaml found for memos" in n for n in result.notes)


def test_an_edited_source_yaml_is_recorded_and_the_pinned_canary_still_checked(trained):
    ws, policy, _, run, tasks = trained
    yaml = ws.root / "inbox" / "memos" / "SOURCE.yaml"
    original = yaml.read_text()
    yaml.write_text(original.replace(CANARY, "another-canary-value"))
    try:
        result = evaluate_run(ws.catalog(), ws.audit(), policy, run.run_id, eval_set=tasks, settings=SMALL)
    finally:
        yaml.write_text(original)
    p = result.privacy
    assert result.status == "failed" and {h["sha256"] for h in p["canary_hits"]} == {canary_sha256(CANARY)}
    assert p["canary_discrepancies"]["pinned_not_declared"] == [canary_sha256(CANARY)]
    assert p["canary_discrepancies"]["declared_not_pinned"] == [canary_sha256("another-canary-value")]
    assert p["canaries_declared"] == 2 and p["canaries_pinned"] == 1


def test_a_version_built_before_canaries_were_pinned_is_checked_against_the_catalogs_record(trained):
    ws, _, vid, _, _ = trained
    version = ws.catalog().version(vid)
    manifest = {k: v for k, v in versions.read_manifest(Path(version["path"])).items() if k != "canaries"}
    found = version_canaries(ws.catalog(), version, manifest)
    assert list(found.canaries) == [canary_sha256(CANARY)] and found.pinned == []
    assert found.discrepancies["unpinned_version"] and found.discrepancies["source_yaml_missing"] == []


def test_canary_values_are_found_in_text_by_their_hash_alone():
    c = Canary.of(CANARY, "memos")
    assert canary_values_in(["no code here", f"the code is {CANARY}."], [c]) == {c.sha256: CANARY}
    assert canary_values_in(["no code here"], [c]) == {}


def test_without_a_task_set_the_held_out_documents_are_continued(held_out):
    result = held_out
    assert result.eval_set["kind"] == "held-out continuations" and result.eval_set["path"] is None
    assert result.eval_set["n_items"] == result.settings["held_out_documents"] > 0
    assert result.metrics["chrf"]["tuned"]["value"] > result.metrics["chrf"]["base"]["value"]


def test_decoding_is_reproducible(trained, evaluated):
    ws, policy, _, run, tasks = trained
    again = evaluate_run(ws.catalog(), ws.audit(), policy, run.run_id, eval_set=tasks, settings=SMALL)
    assert again.metrics == evaluated.metrics and again.privacy == evaluated.privacy
    first = Path(evaluated.output_dir, "generations.jsonl").read_text()
    assert Path(again.output_dir, "generations.jsonl").read_text() == first


def test_batched_greedy_decoding_is_seeded_and_keeps_prompts_in_order_and_within_context():
    import transformers
    from transformers import LlamaConfig, LlamaForCausalLM

    from curation.training.data import train_tokenizer
    from curation.training.device import select_device
    from curation.training.generation import generate, prepare

    tokenizer = train_tokenizer(MEMOS, 300)
    config = LlamaConfig(vocab_size=len(tokenizer), hidden_size=32, intermediate_size=64, num_hidden_layers=1,
                         num_attention_heads=2, num_key_value_heads=2, max_position_embeddings=48,
                         pad_token_id=tokenizer.pad_token_id, eos_token_id=tokenizer.eos_token_id)
    device = select_device()
    prompts = ["Memo 1 about budget", MEMOS[0] * 3, "The office", "Please keep notes short"]

    def model():
        transformers.set_seed(5)  # random weights, the same every time
        return prepare(LlamaForCausalLM(config), device, seed=5)

    first = generate(model(), tokenizer, prompts, max_new_tokens=8, batch_size=2, device=device)
    again = generate(model(), tokenizer, prompts, max_new_tokens=8, batch_size=2, device=device)
    assert first.texts == again.texts and first.token_ids == again.token_ids
    assert len(first.texts) == 4 and all(0 < len(t) <= 8 for t in first.token_ids)  # the long prompt too
    single = [generate(model(), tokenizer, [p], max_new_tokens=8, batch_size=1, device=device).token_ids[0]
              for p in prompts]
    assert single == first.token_ids  # left padding: a batch answers as each prompt alone would


def test_cli_prints_the_table_and_exits_1_on_a_leak(trained, monkeypatch):
    ws, _, _, run, tasks = trained
    monkeypatch.setenv("CURATION_HOME", str(ws.root))
    result = CliRunner().invoke(app, ["evaluate", run.run_id[:12], "--eval-set", str(tasks),
                                      "--max-new-tokens", "16", "--probes", "4"])
    assert result.exit_code == 1, result.output
    assert "perplexity" in result.output and "canary value(s) reproduced" in result.output


def test_another_base_model_with_another_tokenizer_leaves_the_perplexity_difference_out(trained, tmp_path):
    import transformers

    from curation.training.data import train_tokenizer
    from curation.training.trainer import build_tiny_model

    ws, policy, _, run, tasks = trained
    params = policy.training.model_copy(update={"tiny_model": policy.training.tiny_model.model_copy(
        update={"vocab_size": 300})})
    transformers.set_seed(1)
    tokenizer = train_tokenizer(["Quarterly report on billing and support."] * 20, 300)
    build_tiny_model(params, tokenizer).save_pretrained(tmp_path / "other")
    tokenizer.save_pretrained(tmp_path / "other")
    result = evaluate_run(ws.catalog(), ws.audit(), policy, run.run_id, eval_set=tasks, settings=SMALL,
                          base_model=tmp_path / "other")
    assert result.base_model["how"] == "--base-model folder" and result.base_model["name"] == str(tmp_path / "other")
    assert result.metrics["perplexity"]["difference"] is None and result.metrics["chrf"]["difference"] is not None
    assert any("tokenizer" in n for n in result.notes)


def test_a_bad_task_file_is_refused_before_anything_starts(trained, tmp_path):
    ws, policy, _, run, _ = trained
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"prompt": "only a prompt"}\n')
    before = len(list(ws.audit().records()))
    with pytest.raises(TrainingError, match="bad.jsonl:1: needs non-empty string keys"):
        evaluate_run(ws.catalog(), ws.audit(), policy, run.run_id, eval_set=bad, settings=SMALL)
    assert len(list(ws.audit().records())) == before


def test_an_evaluation_that_breaks_is_recorded_as_failed(trained, tmp_path):
    ws, policy, _, run, tasks = trained
    (tmp_path / "empty").mkdir()
    with pytest.raises(TrainingError, match="cannot load a causal LM"):
        evaluate_run(ws.catalog(), ws.audit(), policy, run.run_id, eval_set=tasks, settings=SMALL,
                     base_model=tmp_path / "empty")
    last = list(ws.audit().records())[-1]
    assert last["event"] == "evaluation.failed" and "cannot load a causal LM" in last["data"]["error"]


def test_altered_model_files_are_refused(trained):
    ws, policy, _, run, tasks = trained
    weights = Path(run.output_dir) / "model" / "model.safetensors"
    original = weights.read_bytes()
    weights.write_bytes(original[:-1] + bytes([original[-1] ^ 1]))
    try:
        with pytest.raises(EvaluationRefused, match="model files differ"):
            evaluate_run(ws.catalog(), ws.audit(), policy, run.run_id, eval_set=tasks, settings=SMALL)
    finally:
        weights.write_bytes(original)


def test_an_altered_version_is_refused_and_the_refusal_recorded(trained):
    ws, policy, vid, run, tasks = trained
    shard = next(Path(ws.catalog().version(vid)["path"]).glob("part-*.parquet"))
    original = shard.read_bytes()
    shard.write_bytes(original + b"\0")
    try:
        with pytest.raises(EvaluationRefused, match="refused"):
            evaluate_run(ws.catalog(), ws.audit(), policy, run.run_id, eval_set=tasks, settings=SMALL)
    finally:
        shard.write_bytes(original)
    refused = [r for r in ws.audit().records() if r["event"] == "evaluation.refused"]
    assert refused[-1]["data"]["version_id"] == vid and refused[-1]["subject"] == run.run_id


def test_a_revoked_version_is_refused(trained):  # last: revocation is for good
    from curation.stewardship.retraction import retract

    ws, policy, vid, run, tasks = trained
    doc_id = ws.catalog().version_doc_ids(vid)[0]
    retract(ws.catalog(), ws.audit(), reason="data subject request", reviewer="Dana", doc_id=doc_id)
    with pytest.raises(EvaluationRefused, match="revoked, not approved"):
        evaluate_run(ws.catalog(), ws.audit(), policy, run.run_id, eval_set=tasks, settings=SMALL)
