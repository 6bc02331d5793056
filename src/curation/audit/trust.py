"""Which keys an audit verification trusts, and the verification `audit verify` and doctor run.

Trust comes from outside the key folder: the keys a reviewer passes (`--public-key`), else the key
pinned by `curation audit export-key` (data/audit_pinned_key.pem). Whatever key sits in the
key folder is never an anchor of trust (whoever can write there could re-sign a rewritten log
with a key of their own); with a pinned key, the key folder's key must be the pinned one or
endorsed by it in the log. Without a given or pinned key, only the chain is checked, and the
result says so: "chain only, not authenticated".

Pinning is itself recorded (`audit.key_pinned`, the key id only): once the log says a key was
pinned, a pin file that is missing or holds another key fails verification, so deleting the pin
file cannot quietly turn authentication off.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from curation.audit import signing
from curation.audit.log import KEY_PINNED as PIN_EVENT
from curation.audit.log import AuditLog, VerifyResult, verify

GIVEN, PINNED, CHAIN_ONLY = "given", "pinned", "chain only, not authenticated"


@dataclass(frozen=True)
class Verification:
    result: VerifyResult
    trust: str  # given | pinned | chain only, not authenticated
    pin_problem: str = ""  # the log records a pin that the pin file no longer matches

    @property
    def ok(self) -> bool:
        return self.result.ok and not self.pin_problem

    def summary(self) -> str:
        r = self.result
        if r.ok and self.pin_problem:
            return f"audit key pin broken: {self.pin_problem}"
        if not r.ok:
            where = f" at seq {r.first_bad_seq}" if r.first_bad_seq is not None else ""
            return f"audit log broken{where}: {r.reason}"
        signed = ("signatures verified with the " + ("given key(s)" if self.trust == GIVEN else "pinned key")
                  if self.trust != CHAIN_ONLY else "chain only, not authenticated (no pinned or given public key; "
                                                   "pin one with `curation audit export-key`)")
        return (f"audit log intact: {r.n_records} records, {r.n_checkpoints} checkpoints, {signed}, "
                f"{r.after_last_checkpoint} record(s) after the last checkpoint, last hash {r.last_hash[:16]}")


def pin_key(pinned_path: Path, key, replace: bool = False) -> bool:
    """Write `key` (public) as the pinned key unless one is pinned already (or `replace`).
    Returns whether it was written."""
    pinned_path = Path(pinned_path)
    if pinned_path.exists() and not replace:
        return False
    pinned_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = pinned_path.with_name(pinned_path.name + ".tmp")
    tmp.write_text(signing.public_pem(key), encoding="utf-8")
    tmp.replace(pinned_path)
    return True


def pin_record(key) -> dict:
    """The audit entry that records a pin: the key id (a fingerprint of the public key), no key material."""
    return {"event": PIN_EVENT, "subject": signing.key_id(key), "data": {"key_id": signing.key_id(key)}}


def recorded_pin(audit_dir: Path) -> str | None:
    """The key id the log's last `audit.key_pinned` record names, or None if it names none."""
    try:
        pins = [r.get("data", {}).get("key_id") for r in AuditLog(audit_dir).records() if r.get("event") == PIN_EVENT]
    except (OSError, ValueError):  # an unreadable log fails the chain check, which says why
        return None
    return pins[-1] if pins else None


def pin_problem(recorded: str | None, pinned_path: Path) -> str:
    """Why the pin file does not match `recorded` (the key id the log's last pin record names), or ""
    when it does or the log records no pin."""
    if recorded is None:
        return ""
    if not Path(pinned_path).exists():
        return (f"the log records key {recorded} as pinned (`audit export-key`) but the pin file "
                f"{Path(pinned_path).name} is missing; restore it, or verify with --public-key")
    try:
        pinned = signing.key_id(signing.load_public_key(pinned_path))
    except (OSError, ValueError):
        return f"the pin file {Path(pinned_path).name} cannot be read as a public key"
    if pinned != recorded:
        return (f"the pin file {Path(pinned_path).name} holds key {pinned}, but the log's last pin record "
                f"names key {recorded} (repin with `audit export-key --repin` after a deliberate change)")
    return ""


def verify_installation(audit_dir: Path, key_dir: Path, pinned_path: Path,
                        public_key_files: list[Path] | None = None,
                        checkpoint_files: list[Path] | None = None) -> Verification:
    """Verify the log in `audit_dir` against given keys, else the pinned key, else the chain only.
    Raises ValueError/OSError for a given key file that cannot be read (named by its path).

    The log is read once when the pin holds (the pin record comes from the same pass as the chain);
    only a broken pin costs a second, chain-only pass."""
    if public_key_files:
        keys = [signing.load_public_key(p) for p in public_key_files]
        return Verification(verify(audit_dir, public_keys=keys, checkpoint_files=checkpoint_files), GIVEN)
    pinned = _readable_pin(pinned_path)
    if pinned is not None:
        result = verify(audit_dir, public_keys=[pinned], checkpoint_files=checkpoint_files,
                        current_key=_current_key(key_dir))
        if result.pinned_key_id in (None, signing.key_id(pinned)):
            return Verification(result, PINNED)
    chain_only = verify(audit_dir, checkpoint_files=checkpoint_files)
    problem = pin_problem(chain_only.pinned_key_id, pinned_path)
    if not problem and Path(pinned_path).exists():  # a pin file that is not a key: never quietly ignored
        problem = f"the pin file {Path(pinned_path).name} cannot be read as a public key"
    return Verification(chain_only, CHAIN_ONLY, problem)


def _readable_pin(pinned_path: Path):
    """The pinned public key, or None when there is no pin file or it cannot be read as a key."""
    try:
        return signing.load_public_key(pinned_path) if Path(pinned_path).exists() else None
    except (OSError, ValueError):
        return None


def _current_key(key_dir: Path):
    path = Path(key_dir) / signing.KEY_FILE
    if not path.exists():
        return None
    return signing.Signer(key_dir).public_key
