"""Ed25519 keys and signed checkpoints of the audit log.

A checkpoint signs `(seq, hash)` of an audit record: copied somewhere the operators cannot write,
it lets a reviewer prove later that the log was not cut short or rewritten (a hash chain alone
cannot show a cut tail). The private key lives outside `audit_logs/` (mode 0600); reviewers get
the public key from `curation audit export-key`. Rotating the key appends an audit record holding
the new public key signed by the old one, so trust passes from key to key inside the log itself.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

KEY_FILE = "audit_ed25519.pem"
CHECKPOINTS = "checkpoints.jsonl"


def default_key_dir() -> Path:
    """`CURATION_KEY_DIR`, else ~/.config/curation/keys: never inside audit_logs/."""
    if env := os.environ.get("CURATION_KEY_DIR"):
        return Path(env)
    return Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "curation" / "keys"


def public_bytes(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id(key: Ed25519PublicKey) -> str:
    return hashlib.sha256(public_bytes(key)).hexdigest()[:16]


def public_pem(key: Ed25519PublicKey) -> str:
    return key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def load_public_key(path: Path) -> Ed25519PublicKey:
    data = Path(path).read_bytes()
    try:
        key = serialization.load_pem_public_key(data)
    except ValueError as exc:
        raise ValueError(f"{path}: not a PEM public key ({exc})") from None
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError(f"{path}: not an Ed25519 public key")
    return key


def public_key_from_b64(text: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(base64.b64decode(text))


class Signer:
    """The installation's signing key, created on first use with mode 0600."""

    def __init__(self, key_dir: Path | None = None):
        self.key_dir = Path(key_dir) if key_dir else default_key_dir()
        self.path = self.key_dir / KEY_FILE
        self._key: Ed25519PrivateKey | None = None

    @property
    def key(self) -> Ed25519PrivateKey:
        if self._key is None:
            self._key = self._load_or_create()
        return self._key

    def _load_or_create(self) -> Ed25519PrivateKey:
        if self.path.exists():
            if self.path.stat().st_mode & 0o077:
                raise PermissionError(f"{self.path}: signing key is readable by others; chmod 600 it")
            return serialization.load_pem_private_key(self.path.read_bytes(), password=None)
        self.key_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(pem)
        return key

    @property
    def public_key(self) -> Ed25519PublicKey:
        return self.key.public_key()

    def sign(self, message: bytes) -> str:
        return base64.b64encode(self.key.sign(message)).decode()

    def rotate(self) -> tuple[Ed25519PublicKey, Ed25519PublicKey, str]:
        """Replace the key; returns (old public, new public, old key's signature over the new one)."""
        old = self.key
        new = Ed25519PrivateKey.generate()
        endorsement = base64.b64encode(old.sign(public_bytes(new.public_key()))).decode()
        retired = self.path.with_name(f"{KEY_FILE}.{key_id(old.public_key())}.retired")
        os.replace(self.path, retired)
        self._key = None
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(new.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))
        return old.public_key(), new.public_key(), endorsement


@dataclass(frozen=True)
class Checkpoint:
    seq: int
    hash: str
    ts: str
    key_id: str
    reason: str
    signature: str

    def message(self) -> bytes:
        body = {"seq": self.seq, "hash": self.hash, "ts": self.ts, "key_id": self.key_id, "reason": self.reason}
        return json.dumps(body, sort_keys=True, separators=(",", ":")).encode()

    def to_line(self) -> str:
        return json.dumps(self.__dict__, sort_keys=True, separators=(",", ":")) + "\n"

    def verifies_with(self, key: Ed25519PublicKey) -> bool:
        try:
            key.verify(base64.b64decode(self.signature, validate=True), self.message())
            return True
        except (InvalidSignature, ValueError):
            return False


def make_checkpoint(signer: Signer, seq: int, record_hash: str, reason: str) -> Checkpoint:
    ts = datetime.now(UTC).isoformat(timespec="seconds")
    unsigned = Checkpoint(seq, record_hash, ts, key_id(signer.public_key), reason, "")
    return Checkpoint(**{**unsigned.__dict__, "signature": signer.sign(unsigned.message())})


def read_checkpoints(path: Path) -> list[Checkpoint]:
    """Checkpoints from a file; a malformed line raises ValueError naming the file and line."""
    out = []
    if not Path(path).exists():
        return out
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            out.append(Checkpoint(int(raw["seq"]), str(raw["hash"]), str(raw["ts"]), str(raw["key_id"]),
                                  str(raw["reason"]), str(raw["signature"])))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path} line {n}: not a checkpoint ({type(exc).__name__})") from None
    return out
