"""The task set an evaluation answers, and what part of a generation counts as the answer.

The tasks are the company's `{"prompt", "reference"}` lines, or continuations of the held-out
documents.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from curation.training.errors import TrainingError


def read_eval_set(path: Path, max_items: int) -> list[dict[str, str]]:
    """`{"prompt", "reference"[, "language"]}` lines; errors name the file and the line."""
    path = Path(path)
    if not path.is_file():
        raise TrainingError(f"{path}: evaluation set not found")
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise TrainingError(f"{path}:{n}: not JSON ({exc.msg})") from None
        if not isinstance(row, dict) or not all(isinstance(row.get(k), str) and row[k].strip()
                                                for k in ("prompt", "reference")):
            raise TrainingError(f"{path}:{n}: needs non-empty string keys 'prompt' and 'reference'")
        language = row.get("language")
        if language is not None and language not in ("en", "ja"):
            raise TrainingError(f"{path}:{n}: key 'language' is '{language}'; allowed: en, ja")
        items.append({"prompt": row["prompt"], "reference": row["reference"], "language": language})
        if len(items) >= max_items:
            break
    if not items:
        raise TrainingError(f"{path}: no evaluation items")
    return items


def held_out_tasks(eval_docs: list[tuple[str, str]], tokenizer, *, prefix_tokens: int, suffix_tokens: int,
                   max_items: int) -> list[dict[str, str]]:
    """Without a task set: continue each held-out document from its first prefix_tokens tokens, the
    reference being what the document really says next (suffix_tokens tokens)."""
    items = []
    for _, text in eval_docs[:max_items]:
        ids = tokenizer(text, add_special_tokens=False, verbose=False)["input_ids"]
        if len(ids) < prefix_tokens + 4:
            continue
        cut = prefix_tokens
        items.append({"prompt": tokenizer.decode(ids[:cut]), "language": None,
                      "reference": tokenizer.decode(ids[cut:cut + suffix_tokens]).strip()})
    return items


_SENTENCE_END = re.compile(r"(?<=[。！？])|(?<=[.!?])(?=\s)")


def answer_of(text: str) -> str:
    """The answer in a generation: its first line, up to the end of its first sentence. A
    completion model does not stop after answering; what it says next is not the answer."""
    line = text.strip().split("\n", 1)[0]
    return _SENTENCE_END.split(line, 1)[0].strip()
