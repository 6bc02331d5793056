"""The training hand-off on a real approved version: every run is recorded (finished, failed,
killed), an interrupted run resumes to the weights an uninterrupted one ends with, and the CLI
flags override the policy."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import make_workspace
from test_training import StopAt
from tests_helpers import TICKETS_EN
from typer.testing import CliRunner

from curation.datasets import versions

from curation.ingest import pipeline
from curation.audit.log import verify
from curation.cli import app
from curation.training.handoff import RunError, finetune_version, learning_rate_key, with_overrides
from curation.policy import load_policy
from curation.training.checkpoints import last_checkpoint
from curation.training.errors import TrainingError
from curation.training.hashes import sha256_file
from curation.workspace import Workspace

SMALL = {"max_steps": 30, "save_steps": 5, "batch_size": 4, "block_size": 32}
FLAGS = ["--max-steps", "30", "--save-steps", "5", "--batch-size", "4", "--block-size", "32"]


@pytest.fixture(scope="module")
def approved(tmp_path_factory):
    """A workspace holding one approved version of 30 support tickets."""
    ws = Workspace(make_workspace(tmp_path_factory.mktemp("finetune") / "ws"))
    src = ws.root / "inbox" / "tickets"
    src.mkdir(parents=True)
    (src / "SOURCE.yaml").write_text("license: Apache-2.0\nowner: Support\npurpose: tickets\nlanguage: en\n")
    (src / "t.jsonl").write_text("\n".join(json.dumps({"text": t}) for t in TICKETS_EN) + "\n")
    policy = load_policy(ws.default_policy)
    vid = pipeline.ingest_and_build(ws, ws.root / "inbox", "tickets", policy).build.version_id
    versions.decide(ws.catalog(), ws.audit(), vid, "approve", "Dana", "tickets checked")
    return ws, policy, vid


@pytest.fixture(scope="module")
def finished(approved):
    ws, policy, vid = approved
    return finetune_version(ws.catalog(), ws.audit(), policy, vid, output_root=ws.models, overrides=SMALL,
                            actor="ml-team")


@pytest.fixture
def home(approved, monkeypatch):
    monkeypatch.setenv("CURATION_HOME", str(approved[0].root))
    return approved


def events(ws, run_id):
    return [r for r in ws.audit().records() if r["subject"] == run_id]


def test_finished_run_is_recorded_in_catalog_audit_and_card(approved, finished):
    ws, _, vid = approved
    row = ws.catalog().training_run(finished.run_id)
    assert row["status"] == "finished" and row["attempts"] == 1 and row["version_id"] == vid
    assert json.loads(row["params"])["max_steps"] == 30
    record = json.loads(row["record"])
    r = finished.result
    assert record["dataset_version_id"] == vid and record["run_id"] == finished.run_id
    assert record["base_model_sha256"] == r.base_model_sha256 and record["seed"] == 42
    assert record["tokenizer_sha256"] and "tokenizer.json" in record["tokenizer_files_sha256"]
    assert record["hyperparameters"]["max_steps"] == 30 and record["hyperparameters"]["mode"] == "from-scratch"
    assert record["device"] == r.device and "torch" in record["library_versions"]
    assert record["eval_loss_after"] < record["eval_loss_before"] and record["tokens_per_second"] > 0
    card = finished.output_dir / "README.md"
    assert record["model_card_sha256"] == sha256_file(card)
    assert json.loads((finished.output_dir / "training_record.json").read_text()) == record

    started, done = events(ws, finished.run_id)
    assert (started["event"], done["event"]) == ("training.started", "training.finished")
    assert started["actor"] == "ml-team" and started["data"]["overrides"] == SMALL
    for key in ("dataset_version_id", "base_model_sha256", "tokenizer_sha256", "hyperparameters", "seed",
                "library_versions", "device", "eval_loss_after", "perplexity_after", "output_files_sha256"):
        assert done["data"][key] == record[key], key
    assert verify(ws.audit_dir).ok


def test_model_card_links_the_dataset_card_by_path_and_hash(approved, finished):
    ws, _, vid = approved
    card = (finished.output_dir / "README.md").read_text(encoding="utf-8")
    link = re.search(r"\]\(([^)]+)\) \(sha256 `([0-9a-f]{64})`\)", card)
    target = (finished.output_dir / link.group(1)).resolve()
    dataset_card = Path(ws.catalog().version(vid)["path"]) / "README.md"
    assert target == dataset_card.resolve() and link.group(2) == sha256_file(dataset_card)
    assert vid in card and finished.run_id in card and finished.result.base_model_sha256 in card


def test_failed_run_is_recorded_with_its_error(approved):
    ws, policy, vid = approved
    with pytest.raises(TrainingError, match="too little text") as info:
        finetune_version(ws.catalog(), ws.audit(), policy, vid, output_root=ws.models,
                         overrides={**SMALL, "block_size": 100_000})
    (note,) = info.value.__notes__
    run_id = re.search(r"training run (\w+) recorded as failed", note).group(1)
    row = ws.catalog().training_run(run_id)
    assert row["status"] == "failed" and row["error"].startswith("TrainingError: too little text")
    failed = events(ws, run_id)[-1]
    assert failed["event"] == "training.failed" and failed["data"]["error"] == row["error"]
    assert failed["data"]["resumable_from_step"] is None


def test_crashed_run_resumes_with_its_recorded_settings(approved, finished):
    ws, policy, vid = approved
    with pytest.raises(RuntimeError, match="simulated crash at step 12") as info:
        finetune_version(ws.catalog(), ws.audit(), policy, vid, output_root=ws.models, overrides=SMALL,
                         callbacks=[StopAt(12)])
    run_id = re.search(r"training run (\w+) recorded as failed", info.value.__notes__[0]).group(1)
    assert f"--resume {run_id[:12]}" in info.value.__notes__[0]
    assert ws.catalog().training_run(run_id)["error"] == "RuntimeError: simulated crash at step 12"

    # The policy passed now is the default one: the run's recorded settings (SMALL) must win.
    resumed = finetune_version(ws.catalog(), ws.audit(), policy, vid, resume=run_id[:12])
    assert resumed.run_id == run_id and resumed.result.resumed_from_step == 10
    assert resumed.result.output_files_sha256 == finished.result.output_files_sha256
    row = ws.catalog().training_run(run_id)
    assert row["status"] == "finished" and row["attempts"] == 2 and row["error"] is None
    trail = events(ws, run_id)
    assert [e["event"] for e in trail] == ["training.started", "training.failed", "training.resumed",
                                           "training.finished"]
    assert trail[1]["data"]["resumable_from_step"] == 10 and trail[2]["data"]["from_step"] == 10


def test_resume_refuses_what_it_cannot_continue(approved, finished):
    ws, policy, vid = approved
    resume = lambda run, **kw: finetune_version(ws.catalog(), ws.audit(), policy, vid, resume=run, **kw)  # noqa: E731
    with pytest.raises(RunError, match="already finished"):
        resume(finished.run_id)
    with pytest.raises(RunError, match="not found"):
        resume("feedfacecafe")
    with pytest.raises(RunError, match="keeps its recorded settings; drop overrides"):
        resume(finished.run_id, overrides={"max_steps": 5})


def test_overrides_are_validated_like_the_policy(policy):
    params = with_overrides(policy.training, {"lora.r": 4, "max_steps": 3, "full_finetune": True})
    assert (params.lora.r, params.max_steps, params.full_finetune) == (4, 3, True)
    assert params.lora.alpha == policy.training.lora.alpha
    with pytest.raises(RunError, match="max_steps: Input should be greater than or equal to 1"):
        with_overrides(policy.training, {"max_steps": 0})
    with pytest.raises(RunError, match="unknown training setting 'optimizer.beta'"):
        with_overrides(policy.training, {"optimizer.beta": 0.9})


def test_learning_rate_flag_sets_the_rate_of_the_runs_mode(policy):
    lora = policy.training.model_copy(update={"full_finetune": False})
    assert learning_rate_key(lora, base_model=False) == "learning_rate"  # tiny model from scratch
    assert learning_rate_key(lora, base_model=True) == "lora.learning_rate"
    assert learning_rate_key(lora, base_model=True, full_finetune=True) == "full_finetune_learning_rate"
    full = policy.training.model_copy(update={"full_finetune": True})
    assert learning_rate_key(full, base_model=True) == "full_finetune_learning_rate"
    assert learning_rate_key(full, base_model=True, full_finetune=False) == "lora.learning_rate"


def test_cli_flags_override_the_policy(home):
    ws, _, vid = home
    result = CliRunner().invoke(app, ["finetune", vid[:12], "--max-steps", "6", "--save-steps", "0",
                                      "--batch-size", "4", "--block-size", "32", "--seed", "3",
                                      "--learning-rate", "0.01"])
    assert result.exit_code == 0, result.output
    run_id = re.search(r"run (\w+) \(from-scratch\)", result.output).group(1)
    params = json.loads(ws.catalog().training_run(run_id)["params"])
    assert (params["max_steps"], params["seed"], params["learning_rate"], params["save_steps"]) == (6, 3, 0.01, 0)


def test_cli_missing_base_model_is_one_line_and_no_run(home, tmp_path):
    ws, _, vid = home
    before = len(ws.catalog().training_runs())
    result = CliRunner().invoke(app, ["finetune", vid, "--base-model", str(tmp_path / "nope")])
    assert result.exit_code == 1 and "nope: base model folder not found" in " ".join(result.output.split())
    assert "Traceback" not in result.output and len(ws.catalog().training_runs()) == before


def test_hub_is_switched_off_before_transformers_loads():
    env = {k: v for k, v in os.environ.items() if k not in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")}
    code = "import curation.training, huggingface_hub.constants as c; print(c.HF_HUB_OFFLINE)"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_killed_run_is_refused_while_alive_and_resumes_after(home, finished, tmp_path):
    """A real process killed with SIGKILL mid-run: nothing in it gets to record anything."""
    ws, _, vid = home
    out = tmp_path / "killed"
    env = {**os.environ, "CURATION_HOME": str(ws.root)}
    proc = subprocess.Popen([str(Path(sys.executable).with_name("curation")), "finetune", vid, "--output",
                             str(out), *FLAGS], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while last_checkpoint(out) is None and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        os.kill(proc.pid, signal.SIGSTOP)  # frozen mid-run, still holding its output folder
        assert proc.poll() is None, proc.stderr.read().decode()
        (row,) = [r for r in ws.catalog().training_runs() if r["output_dir"] == str(out)]
        assert row["status"] == "running"
        busy = CliRunner().invoke(app, ["finetune", vid, "--resume", row["run_id"]])
        assert busy.exit_code == 1 and "still running" in " ".join(busy.output.split())
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert ws.catalog().training_run(row["run_id"])["status"] == "running"  # nobody could say otherwise

    resumed = CliRunner().invoke(app, ["finetune", vid, "--resume", row["run_id"][:10]])
    assert resumed.exit_code == 0, resumed.output
    record = json.loads(ws.catalog().training_run(row["run_id"])["record"])
    assert record["resumed_from_step"] >= 5
    assert record["output_files_sha256"] == finished.result.output_files_sha256
    assert [e["event"] for e in events(ws, row["run_id"])] == ["training.started", "training.resumed",
                                                                 "training.finished"]
