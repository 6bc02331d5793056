"""Anonymizer operators per entity type, and the secret key behind pseudonyms and hashes.

The key is 32 random bytes in a file outside everything curation writes (catalog, datasets, audit
log): `pii.key_file` in the policy, else $CURATION_PII_KEY_FILE, else ~/.config/curation/pii.key.
It is created on first use with mode 0600 in a 0700 folder; a key file readable by others, or one
inside the workspace's data/ or audit_logs/, is refused. Whoever holds the key can test a guess
("is <PERSON_7f3a9c01> Jane Doe?"); without it the tokens reveal nothing. Deleting the key breaks
the link between old and new pseudonyms, which is how a data set is cut loose from its sources.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import stat
import unicodedata
from functools import partial
from pathlib import Path

from curation.pii.recognizers.en.national_ids import NATIONAL_ID_TYPES
from curation.policy import KEYED_OPERATORS, Operator, PiiPolicy

KEY_ENV = "CURATION_PII_KEY_FILE"
DEFAULT_KEY = Path("~/.config/curation/pii.key")
# Identifier types whose formatting (width, spaces, dashes, brackets, case) does not change the value.
_CODE_TYPES = {"PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "IP_ADDRESS", "US_BANK_NUMBER",
               "US_PASSPORT", "JP_MY_NUMBER", "JP_POSTAL_CODE", "JP_PHONE_NUMBER", "JP_CORPORATE_NUMBER",
               "JP_BANK_ACCOUNT", "JP_DRIVER_LICENSE", "JP_PASSPORT", *NATIONAL_ID_TYPES}
# After NFKC every digit and letter of an identifier is ASCII; anything else is formatting, including
# the long-vowel mark ー typed as a hyphen (090ー1234ー5678) and labels inside a value (記号 12340 番号 ...).
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_SPACES = re.compile(r"\s+")


class PiiKeyError(PermissionError):
    """The pseudonym key file is missing, unsafe or in a forbidden place."""


def key_path(policy: PiiPolicy) -> Path:
    raw = policy.key_file or os.environ.get(KEY_ENV) or str(DEFAULT_KEY)
    return Path(raw).expanduser().resolve()


def _forbidden_dirs() -> list[Path]:
    from curation.workspace import Workspace

    root = Workspace.from_env().root
    return [(root / "data").resolve(), (root / "audit_logs").resolve()]


def load_or_create_key(path: Path) -> bytes:
    """The key in `path`, created (0600) if missing. Raises PiiKeyError when the file is unsafe."""
    for folder in _forbidden_dirs():
        if path == folder or folder in path.parents:
            raise PiiKeyError(f"{path}: the pseudonym key must not live under {folder} "
                            "(catalog, datasets and audit log are shared; the key is not)")
    if not path.exists():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process created it first: use theirs
            pass
        else:
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_hex(32) + "\n")
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise PiiKeyError(f"{path}: key file is readable by others (mode {mode:o}); run chmod 600 {path}")
    try:
        key = bytes.fromhex(path.read_text().strip())
    except ValueError:
        raise PiiKeyError(f"{path}: not a hex-encoded key") from None
    if len(key) < 16:
        raise PiiKeyError(f"{path}: key shorter than 128 bits")
    return key


def normalize(entity: str, value: str) -> str:
    """The form pseudonyms are computed over: case, width (NFKC: ０９０ is 090) and spacing (and, for
    identifiers, separators) do not make a different person."""
    value = unicodedata.normalize("NFKC", value).casefold().strip()
    if entity in _CODE_TYPES:
        return _NOT_ALNUM.sub("", value)
    return _SPACES.sub(" ", value)


def pseudonym(key: bytes, entity: str, length: int, value: str) -> str:
    digest = hmac.new(key, f"{entity}\x00{normalize(entity, value)}".encode(), hashlib.sha256).hexdigest()
    return f"<{entity}_{digest[:length]}>"


def key_id(key: bytes) -> str:
    """A fingerprint that names the key in records without revealing it."""
    return hmac.new(key, b"curation key id", hashlib.sha256).hexdigest()[:16]


def policy_key(policy: PiiPolicy) -> bytes | None:
    """The secret key the policy's pseudonym/hash operators use (None: no operator uses one)."""
    if not any(op.type in KEYED_OPERATORS for op in (policy.default_operator, *policy.operators.values())):
        return None
    return load_or_create_key(key_path(policy))


def operator_configs(policy: PiiPolicy, entities: set[str]) -> tuple[dict, str | None]:
    """Presidio OperatorConfig per entity type (plus DEFAULT), and the key id when a key is used."""
    from presidio_anonymizer.entities import OperatorConfig

    chosen = {"DEFAULT": policy.default_operator} | {e: policy.operator_for(e) for e in entities} | dict(policy.operators)
    key = policy_key(policy)
    configs = {}
    for entity, op in chosen.items():
        configs[entity] = _config(OperatorConfig, entity, op, key)
    return configs, key_id(key) if key else None


def _config(OperatorConfig, entity: str, op: Operator, key: bytes | None):
    if op.type == "pseudonym":
        if entity == "DEFAULT":
            # Presidio passes only the text to a custom operator; the default needs the type too,
            # so it is resolved per type by the caller (see operator_configs' entities argument).
            return OperatorConfig("custom", {"lambda": partial(pseudonym, key, "PII", op.length)})
        return OperatorConfig("custom", {"lambda": partial(pseudonym, key, entity, op.length)})
    if op.type == "hash":
        salt = hmac.new(key, b"curation hash salt", hashlib.sha256).digest()
        return OperatorConfig("hash", {"hash_type": op.hash_type, "salt": salt})
    return OperatorConfig(op.type, op.presidio_params())
