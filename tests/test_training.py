"""Real (tiny) transformers training on CPU: no mocks. The whole file runs in well under a minute."""

from __future__ import annotations

import json

import pytest

from curation.policy import TinyModel, TrainingPolicy
from curation.training import (TINY_BASE, TrainingError, finetune, select_device, split_by_doc,
                               train_tokenizer, write_model_card)

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
DOCS = [(f"doc-{i:02d}", f"{EN[i % 5]} {JA[i % 5]} {EN[(i + 1) % 5]}") for i in range(40)]

PARAMS = TrainingPolicy(
    seed=7, max_steps=20, learning_rate=3e-3, batch_size=4, block_size=32, eval_fraction=0.2,
    tiny_model=TinyModel(hidden_size=32, num_layers=1, num_heads=2, vocab_size=400),
)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp("run")
    return out, finetune(DOCS, out, PARAMS)


def test_eval_loss_goes_down(run):
    _, result = run
    assert result.device == "cpu" or result.device == "cuda"
    assert result.train_steps == PARAMS.max_steps
    assert result.eval_loss_after < result.eval_loss_before
    assert result.perplexity_after < result.perplexity_before
    assert result.n_train_docs + result.n_eval_docs == len(DOCS)
    assert result.n_eval_blocks >= 1 and result.n_train_blocks >= 1
    assert result.base_model == TINY_BASE and len(result.base_model_sha256) == 64
    assert result.loss_log and result.loss_log[-1]["loss"] < result.loss_log[0]["loss"]
    assert {"torch", "transformers", "tokenizers", "peft"} <= set(result.library_versions)
    assert json.loads(result.to_json())["eval_loss_after"] == result.eval_loss_after


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


@pytest.mark.parametrize("fraction", [1e-9, 0.999999999])
def test_split_keeps_one_doc_on_each_side(fraction):
    train, evals = split_by_doc(DOCS[:2], fraction, seed=3)
    assert len(train) == 1 and len(evals) == 1


def test_same_seed_same_weights(run, tmp_path):
    _, first = run
    second = finetune(DOCS, tmp_path, PARAMS)
    assert second.output_files_sha256 == first.output_files_sha256
    assert second.base_model_sha256 == first.base_model_sha256
    assert second.eval_loss_after == first.eval_loss_after


def test_missing_base_model_folder(tmp_path):
    missing = tmp_path / "no-such-model"
    with pytest.raises(TrainingError, match="no-such-model: base model folder not found"):
        finetune(DOCS, tmp_path / "out", PARAMS, base_model=missing)


def test_too_little_text_says_how_much(tmp_path):
    docs = [("a", "short text"), ("b", "tiny")]
    with pytest.raises(TrainingError, match=r"gave \d+ tokens, a block needs 32"):
        finetune(docs, tmp_path, PARAMS)


def test_model_card(run):
    out, result = run
    card = write_model_card(out, result, "ds-version-abc123", "---\nlicense: mit\n---\n# Dataset\nSmall.",
                            license="MIT").read_text(encoding="utf-8")
    header = card.split("---")[1]
    assert "ds-version-abc123" in header and "license: mit" in header
    assert result.base_model_sha256 in card and TINY_BASE in card
    assert f"{result.eval_loss_after:.4f}" in card
    assert result.output_files_sha256["model/model.safetensors"] in card
    assert "## Dataset" in card and "license: mit\n---\n# Dataset" not in card


def test_saved_model_reloads_and_generates(run):
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    out, result = run
    model = AutoModelForCausalLM.from_pretrained(out / "model", local_files_only=True)
    tok = AutoTokenizer.from_pretrained(out / "model", local_files_only=True)
    assert tok.pad_token != tok.eos_token
    ids = tok("The cat sat", return_tensors="pt")
    with torch.no_grad():
        gen = model.generate(**ids, max_new_tokens=5, do_sample=False, pad_token_id=tok.pad_token_id)
    assert gen.shape[1] > ids["input_ids"].shape[1]
    assert isinstance(tok.decode(gen[0]), str)


def test_lora_on_local_base_model(run, tmp_path):
    out, tiny = run
    result = finetune(DOCS, tmp_path, PARAMS, base_model=out / "model")
    assert result.adapter and result.base_model == str(out / "model")
    assert "model/adapter_model.safetensors" in result.output_files_sha256
    assert result.eval_loss_after <= result.eval_loss_before
    card = write_model_card(tmp_path, result, "v1", "data/datasets/x/v1/README.md").read_text()
    assert f"base_model: \"{out / 'model'}\"" in card and "library_name: peft" in card


def test_tokenizer_roundtrips_japanese():
    tok = train_tokenizer([t for _, t in DOCS], 300)
    text = "猫は公園を走ります。The cat runs."
    assert tok.decode(tok(text)["input_ids"]) == text
    assert tok.pad_token_id != tok.eos_token_id


def test_select_device_on_cpu():
    choice = select_device()
    assert choice.device in {"cpu", "cuda"} and choice.threads >= 1
    if choice.device == "cpu":
        assert choice.bf16 is False
