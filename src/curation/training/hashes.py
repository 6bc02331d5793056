"""sha256 of files and folders, and the library versions a run used: what makes a run's inputs and outputs identifiable."""

from __future__ import annotations

import hashlib
import re
from importlib import metadata
from pathlib import Path


# Files a tokenizer is loaded from; their hashes identify "the tokenizer" of a base model folder.
TOKENIZER_FILES = re.compile(r"^(tokenizer.*|special_tokens_map\.json|added_tokens\.json|vocab\.json|"
                              r"merges\.txt|chat_template\.jinja|.*\.model)$")


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def files_sha256(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): sha256_file(p)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def combined_sha256(hashes: dict[str, str]) -> str:
    """One hash over named files: sha256 of the sorted 'relative/path  sha256' lines."""
    return hashlib.sha256("".join(f"{name}  {h}\n" for name, h in sorted(hashes.items())).encode()).hexdigest()


def folder_sha256(folder: Path) -> str:
    return combined_sha256(files_sha256(folder))


def library_versions() -> dict[str, str]:
    out = {}
    for name in ("torch", "transformers", "tokenizers", "peft", "accelerate"):
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


# ---- checkpoints and the output folder ---------------------------------------------------------
