"""Real (tiny) transformers training on CPU: no mocks. The whole file runs in well under a minute."""

from __future__ import annotations

import json
import shutil

import pytest
from transformers import TrainerCallback

from curation.policy import LoraSettings, TinyModel, TrainingPolicy
from curation.training.card import write_model_card
from curation.training.checkpoints import is_locked, last_checkpoint, output_lock
from curation.training.data import split_by_doc, split_key, train_tokenizer
from curation.training.device import model_flops_per_token, select_device
from curation.training.errors import TrainingError
from curation.training.trainer import TINY_BASE, finetune

EN = [
    "The cat sat on the mat and the dog slept on the rug.",
    "Every morning the small cat drinks warm milk in the kitchen.",
    "The dog runs in the park with the cat after lunch.",
    "Our team reviews the quarterly report every Monday morning.",
    "Please send the signed contract to the legal department.",
]
JA = [
    "猫はマットの上に座り、犬は敷物の上で眠りました。",
    "毎朝、小さな猫は台所で温かい牛乳を飲みます。",
    "昼食の後、犬は猫と一緒に公園を走ります。",
    "私たちのチームは毎週月曜日の朝に四半期報告書を確認します。",
    "署名済みの契約書を法務部に送ってください。",
]
# 40 different texts (no two alike, so train and eval share no document).
DOCS = [(f"doc-{i:02d}", f"{EN[i % 5]} {JA[(i // 5) % 5]} {EN[(i + 1 + i // 25) % 5]} (note {i})")
        for i in range(40)]

PARAMS = TrainingPolicy(
    seed=7, max_steps=20, learning_rate=3e-3, batch_size=4, block_size=32, eval_fraction=0.2, save_steps=5,
    lora=LoraSettings(learning_rate=3e-3), full_finetune_learning_rate=1e-3,
    tiny_model=TinyModel(hidden_size=32, num_layers=1, num_heads=2, vocab_size=400),
)


class StopAt(TrainerCallback):
    """Simulates a crash: raises at the end of `step`, after that step's work but before its save."""

    def __init__(self, step: int):
        self.step = step

    def on_step_end(self, args, state, control, **kwargs):
        if state.global_step == self.step:
            raise RuntimeError(f"simulated crash at step {self.step}")


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp("run")
    return out, finetune(DOCS, out, PARAMS)


@pytest.fixture(scope="module")
def lora_run(run, tmp_path_factory):
    out = tmp_path_factory.mktemp("lora")
    return out, finetune(DOCS, out, PARAMS, base_model=run[0] / "model")


def test_eval_loss_goes_down(run):
    _, result = run
    assert result.device == "cpu" or result.device == "cuda"
    assert result.train_steps == PARAMS.max_steps and result.mode == "from-scratch"
    assert result.eval_loss_after < result.eval_loss_before
    assert result.perplexity_after < result.perplexity_before
    assert result.n_train_docs + result.n_eval_docs == len(DOCS)
    assert result.n_eval_blocks >= 1 and result.n_train_blocks >= 1
    assert result.base_model == TINY_BASE and len(result.base_model_sha256) == 64
    assert result.loss_log and result.loss_log[-1]["loss"] < result.loss_log[0]["loss"]
    assert {"torch", "transformers", "tokenizers", "peft"} <= set(result.library_versions)
    assert json.loads(result.to_json())["eval_loss_after"] == result.eval_loss_after


def test_throughput_and_memory_are_measured(run):
    _, result = run
    assert result.train_tokens == PARAMS.max_steps * PARAMS.batch_size * PARAMS.block_size
    assert result.tokens_per_second > 0 and result.peak_memory_bytes > 50 * 2**20
    assert result.flops_per_token > 0
    if result.device == "cpu":
        assert result.mfu is None and result.threads >= 1


def test_split_by_doc_is_stable_and_disjoint():
    train, evals = split_by_doc(DOCS, 0.2, seed=1)
    assert {d for d, _ in train}.isdisjoint({d for d, _ in evals})
    assert len(train) + len(evals) == len(DOCS) and train and evals
    # Same doc, same side: independent of order and of the other documents present.
    eval_ids = {d for d, _ in evals}
    train2, evals2 = split_by_doc(list(reversed(DOCS)) + [("doc-new", "x")], 0.2, seed=1)
    assert eval_ids == {d for d, _ in evals2} - {"doc-new"}
    assert {d for d, _ in train} == {d for d, _ in train2} - {"doc-new"}
    # A different seed gives a different split.
    assert {d for d, _ in split_by_doc(DOCS, 0.2, seed=2)[1]} != eval_ids


def test_duplicates_never_straddle_the_split():
    # Each text also appears under another id, in upper case and with other punctuation/spacing.
    copies = [(f"copy-{d}", "  " + t.upper().replace(".", "!") + " ") for d, t in DOCS]
    assert split_key(DOCS[0][1]) == split_key(copies[0][1])
    for seed in range(5):
        train, evals = split_by_doc(DOCS + copies, 0.2, seed=seed)
        train_keys = {split_key(t) for _, t in train}
        assert evals and train_keys.isdisjoint(split_key(t) for _, t in evals)


@pytest.mark.parametrize("fraction", [1e-9, 0.999999999])
def test_split_keeps_one_doc_on_each_side(fraction):
    train, evals = split_by_doc(DOCS[:2], fraction, seed=3)
    assert len(train) == 1 and len(evals) == 1


def test_copies_of_one_text_cannot_be_split(tmp_path):
    with pytest.raises(TrainingError, match="at least 2 different documents"):
        finetune([("a", "Same text here."), ("b", "same text, here!")], tmp_path, PARAMS)


def test_same_seed_same_weights(run, tmp_path):
    _, first = run
    second = finetune(DOCS, tmp_path, PARAMS)
    assert second.output_files_sha256 == first.output_files_sha256
    assert second.base_model_sha256 == first.base_model_sha256
    assert second.eval_loss_after == first.eval_loss_after


def test_same_seed_same_lora_adapter(lora_run, run, tmp_path):
    _, first = lora_run
    second = finetune(DOCS, tmp_path, PARAMS, base_model=run[0] / "model")
    key = "model/adapter_model.safetensors"
    assert second.output_files_sha256[key] == first.output_files_sha256[key]
    other_seed = finetune(DOCS, tmp_path / "seed8", PARAMS.model_copy(update={"seed": 8}),
                          base_model=run[0] / "model")
    assert other_seed.output_files_sha256[key] != first.output_files_sha256[key]


def test_missing_base_model_folder(tmp_path):
    missing = tmp_path / "no-such-model"
    with pytest.raises(TrainingError, match="no-such-model: base model folder not found"):
        finetune(DOCS, tmp_path / "out", PARAMS, base_model=missing)


def test_folder_without_config_is_not_a_model(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(TrainingError, match="no config.json"):
        finetune(DOCS, tmp_path / "out", PARAMS, base_model=tmp_path / "empty")


def test_too_little_text_says_how_much(tmp_path):
    docs = [("a", "short text"), ("b", "tiny")]
    with pytest.raises(TrainingError, match=r"gave \d+ tokens, a block needs 32"):
        finetune(docs, tmp_path, PARAMS)


def test_model_card(run):
    out, result = run
    card = write_model_card(out, result, "ds-version-abc123", "---\nlicense: mit\n---\n# Dataset\nSmall.",
                            license="MIT", run_id="run-42").read_text(encoding="utf-8")
    header = card.split("---")[1]
    assert "ds-version-abc123" in header and "license: mit" in header
    assert result.base_model_sha256 in card and TINY_BASE in card and "run-42" in card
    assert f"{result.eval_loss_after:.4f}" in card and "tokens/s" in card
    assert result.output_files_sha256["model/model.safetensors"] in card
    assert "## Dataset" in card and "license: mit\n---\n# Dataset" not in card


def test_saved_model_reloads_and_generates(run):
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    out, _ = run
    model = AutoModelForCausalLM.from_pretrained(out / "model", local_files_only=True)
    tok = AutoTokenizer.from_pretrained(out / "model", local_files_only=True)
    assert tok.pad_token != tok.eos_token
    ids = tok("The cat sat", return_tensors="pt")
    with torch.no_grad():
        gen = model.generate(**ids, max_new_tokens=5, do_sample=False, pad_token_id=tok.pad_token_id)
    assert gen.shape[1] > ids["input_ids"].shape[1]
    assert isinstance(tok.decode(gen[0]), str)


def test_lora_on_local_base_model(lora_run, run, tmp_path):
    out, result = lora_run
    base = run[0] / "model"
    assert result.adapter and result.mode == "lora" and result.base_model == str(base)
    assert result.hyperparameters["effective_learning_rate"] == PARAMS.lora.learning_rate
    assert "model/adapter_model.safetensors" in result.output_files_sha256
    assert result.eval_loss_after < result.eval_loss_before
    # The base's tokenizer files are hashed one by one, and the base folder as a whole.
    assert set(result.tokenizer_files_sha256) == {"tokenizer.json", "tokenizer_config.json"}
    assert "model.safetensors" in result.base_model_files_sha256
    card = write_model_card(out, result, "v1", "data/datasets/x/v1/README.md").read_text()
    assert f"base_model: \"{base}\"" in card and "library_name: peft" in card
    assert "PeftModel.from_pretrained" in card


def test_full_finetune_of_a_base_model(run, tmp_path):
    result = finetune(DOCS, tmp_path, PARAMS.model_copy(update={"full_finetune": True}), base_model=run[0] / "model")
    assert result.mode == "full" and not result.adapter
    assert result.hyperparameters["effective_learning_rate"] == PARAMS.full_finetune_learning_rate
    assert "model/model.safetensors" in result.output_files_sha256
    assert result.eval_loss_after < result.eval_loss_before
    assert result.output_files_sha256["model/model.safetensors"] != run[1].output_files_sha256["model/model.safetensors"]


def test_flops_per_token_counts_frozen_weights_as_four(lora_run, run):
    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    base = AutoModelForCausalLM.from_pretrained(run[0] / "model")
    n = sum(p.numel() for p in base.parameters())  # tied embeddings: counted once, as the output head
    attention = 12 * base.config.num_hidden_layers * base.config.hidden_size * 32
    assert model_flops_per_token(base, 32) == 6 * n + attention
    lora = PeftModel.from_pretrained(base, lora_run[0] / "model", is_trainable=True)
    trainable = sum(p.numel() for p in lora.parameters() if p.requires_grad)
    assert trainable and model_flops_per_token(lora, 32) == 4 * n + 6 * trainable + attention


def test_interrupted_run_resumes_to_the_same_weights(run, tmp_path):
    out = tmp_path / "run"
    with pytest.raises(RuntimeError, match="simulated crash at step 12"):
        finetune(DOCS, out, PARAMS, callbacks=[StopAt(12)])
    assert last_checkpoint(out).name == "checkpoint-10"
    assert not (out / "model").exists()
    resumed = finetune(DOCS, out, PARAMS, resume=True)
    assert resumed.resumed_from_step == 10 and resumed.train_steps == PARAMS.max_steps
    assert resumed.train_tokens == 10 * PARAMS.batch_size * PARAMS.block_size
    assert resumed.output_files_sha256 == run[1].output_files_sha256  # bit-identical on CPU
    assert resumed.loss_log == run[1].loss_log
    assert not (out / "checkpoints").exists()  # dropped once finished (keep_checkpoints: false)


def test_lora_run_resumes_to_the_same_adapter(lora_run, run, tmp_path):
    with pytest.raises(RuntimeError):
        finetune(DOCS, tmp_path, PARAMS, base_model=run[0] / "model", callbacks=[StopAt(7)])
    resumed = finetune(DOCS, tmp_path, PARAMS, base_model=run[0] / "model", resume=True)
    assert resumed.resumed_from_step == 5
    assert resumed.output_files_sha256 == lora_run[1].output_files_sha256


def test_half_written_checkpoint_is_skipped(tmp_path):
    with pytest.raises(RuntimeError):
        finetune(DOCS, tmp_path, PARAMS, callbacks=[StopAt(12)])
    # A process killed while saving step 15 leaves a folder without trainer_state.json.
    partial = tmp_path / "checkpoints" / "checkpoint-15"
    shutil.copytree(tmp_path / "checkpoints" / "checkpoint-10", partial)
    (partial / "trainer_state.json").unlink()
    assert last_checkpoint(tmp_path).name == "checkpoint-10"
    resumed = finetune(DOCS, tmp_path, PARAMS.model_copy(update={"keep_checkpoints": True}), resume=True)
    assert resumed.resumed_from_step == 10


def test_resume_refuses_checkpoints_of_other_data(tmp_path):
    with pytest.raises(RuntimeError):
        finetune(DOCS, tmp_path, PARAMS, callbacks=[StopAt(6)])
    with pytest.raises(TrainingError, match="different data"):
        finetune(DOCS[:-1], tmp_path, PARAMS, resume=True)
    with pytest.raises(TrainingError, match="different hyperparameters"):
        finetune(DOCS, tmp_path, PARAMS.model_copy(update={"max_steps": 30}), resume=True)


def test_a_finished_output_folder_is_not_reused(run):
    out, _ = run
    with pytest.raises(TrainingError, match="already holds a training run"):
        finetune(DOCS, out, PARAMS)


def test_a_folder_being_trained_into_is_locked(tmp_path):
    assert not is_locked(tmp_path)
    with output_lock(tmp_path):
        assert is_locked(tmp_path)
        with pytest.raises(TrainingError, match="another process is training into this folder"):
            finetune(DOCS, tmp_path, PARAMS)
    assert not is_locked(tmp_path)


def test_tokenizer_roundtrips_japanese():
    tok = train_tokenizer([t for _, t in DOCS], 300)
    text = "猫は公園を走ります。The cat runs."
    assert tok.decode(tok(text)["input_ids"]) == text
    assert tok.pad_token_id != tok.eos_token_id


def test_select_device_on_cpu():
    choice = select_device()
    assert choice.device in {"cpu", "cuda"} and choice.threads >= 1 and choice.name
    if choice.device == "cpu":
        assert choice.bf16 is False


@pytest.mark.parametrize(("name", "tflops"), [
    ("NVIDIA H100 80GB HBM3", 989), ("NVIDIA H100 PCIe", 756), ("NVIDIA H200", 989),
    ("NVIDIA A100-SXM4-80GB", 312), ("NVIDIA L40S", 362), ("NVIDIA A10G", None), ("Tesla T4", None)])
def test_peak_flops_matches_whole_gpu_names(name, tflops):
    from curation.training.device import DeviceChoice, peak_flops

    peak = peak_flops(DeviceChoice("cuda", True, 1, name))
    assert (peak and round(peak / 1e12)) == tflops
    assert peak_flops(DeviceChoice("cpu", False, 1, name)) is None
