"""Training data from a version's documents: the train/eval split by document, the tokenizer trained on them, packed blocks."""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from transformers import PreTrainedTokenizerFast


PAD, EOS = "<|pad|>", "<|endoftext|>"
_WORD = re.compile(r"\w+")


def split_key(text: str) -> str:
    """What decides a document's side of the split: its words, case-folded (same rule as ingest's
    dup_key), so documents that differ only in case, punctuation or spacing stay together."""
    return hashlib.sha256(" ".join(_WORD.findall(text.casefold())).encode()).hexdigest()


def split_by_doc(docs: list[tuple[str, str]], eval_fraction: float, seed: int
                 ) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Split (doc_id, text) pairs by a hash of seed + the text's split_key.

    A document always lands on the same side whatever else is in the list, and duplicates (same
    words, any ids) share a side, so a held-out document never has a copy in the training set.
    """
    def score(key: str) -> float:
        return int(hashlib.sha256(f"{seed}:{key}".encode()).hexdigest(), 16) / 2**256

    scores = {doc_id: score(split_key(text)) for doc_id, text in docs}
    train = [d for d in docs if scores[d[0]] >= eval_fraction]
    evals = [d for d in docs if scores[d[0]] < eval_fraction]
    if len({scores[d] for d, _ in docs}) >= 2 and (not evals or not train):
        # Every document fell on one side: move the extreme group (all copies of one text) across.
        side = min if not evals else max
        edge = side(scores.values())
        moved = [d for d in docs if scores[d[0]] == edge]
        kept = [d for d in docs if scores[d[0]] != edge]
        train, evals = (kept, moved) if not evals else (moved, kept)
    return train, evals


def train_tokenizer(texts: list[str], vocab_size: int) -> PreTrainedTokenizerFast:
    """Byte-level BPE trained on `texts`, with its own pad token distinct from eos (no unk needed)."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=vocab_size, special_tokens=[PAD, EOS], show_progress=False,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    tok.train_from_iterator(texts, trainer=trainer)
    return PreTrainedTokenizerFast(tokenizer_object=tok, bos_token=EOS, eos_token=EOS, pad_token=PAD)


def pack(tokenizer, texts: list[str], block_size: int) -> list[dict[str, Any]]:
    """Concatenate the documents' tokens, eos after each, and cut into full block_size blocks."""
    import torch

    ids: list[int] = []
    for row in tokenizer(texts, add_special_tokens=False, verbose=False)["input_ids"]:
        ids.extend(row)
        if tokenizer.eos_token_id is not None:
            ids.append(tokenizer.eos_token_id)
    blocks = []
    for start in range(0, len(ids) - block_size + 1, block_size):
        block = torch.tensor(ids[start:start + block_size], dtype=torch.long)
        blocks.append({"input_ids": block, "attention_mask": torch.ones_like(block), "labels": block})
    return blocks
