"""The hash-chained audit log: the only writer of audit records.

One JSON object per line in `audit.jsonl`, canonical JSON (sorted keys, no spaces, UTF-8):
`{seq, ts, event, actor, flow_run_id, subject, data, policy_digest, prev_hash, hash}` with
`hash = sha256(canonical JSON of the record without "hash")` and `prev_hash` the previous hash.
Editing, deleting, reordering or duplicating a line breaks the chain at that line. A cut tail
does not: Ed25519-signed checkpoints of `(seq, hash)` in `checkpoints.jsonl` (written at each
milestone and at least hourly while runs happen; copy them elsewhere) make it visible.
`data` holds counts, hashes, decisions and reasons only, never raw text.
"""

from __future__ import annotations

import base64
import fcntl
import hashlib
import json
import os
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from curation.audit import signing
from curation.audit.context import AuditContext

GENESIS = "0" * 64
LOG_NAME = "audit.jsonl"
KEY_ROTATED, KEY_PINNED = "audit.key_rotated", "audit.key_pinned"
# Events after which a signed checkpoint is written at once.
MILESTONES = frozenset({
    "ingest.finished", "version.created", "review.approved", "review.rejected", "training.started",
    "training.finished", "training.failed", "retraction", KEY_ROTATED, "source.allowed",
})


def canonical(obj: Any) -> str:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def record_hash(record: dict) -> str:
    body = {k: v for k, v in record.items() if k != "hash"}
    return hashlib.sha256(canonical(body).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    n_records: int
    last_hash: str
    first_bad_seq: int | None = None  # the seq (line position, 0-based) of the first bad record
    reason: str = ""
    n_checkpoints: int = 0
    signatures_checked: bool = False
    after_last_checkpoint: int = 0  # records no checkpoint covers yet (a cut there is not detectable)
    pinned_key_id: str | None = None  # the key id the log's last audit.key_pinned record names


class AuditLog:
    """Append-only, hash-chained log in `log_dir/audit.jsonl`, safe across processes (flock)."""

    def __init__(self, log_dir: str | Path, signer: signing.Signer | None = None,
                 checkpoint_interval: timedelta = timedelta(hours=1)):
        self.dir = Path(log_dir)
        self.path = self.dir / LOG_NAME
        self.checkpoints_path = self.dir / signing.CHECKPOINTS
        self.signer = signer
        self.checkpoint_interval = checkpoint_interval

    def append_many(self, entries: list[dict]) -> list[dict]:
        """Append records (dicts of event, subject, data, actor, flow_run_id, policy_digest: see
        AuditContext.entry) under one lock and one fsync, and a signed checkpoint if any is a
        milestone or one is due; returns them with their seq and hash."""
        self.dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        with _open_private(self.path) as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                if torn := repair_torn_tail(fh):
                    self._write(fh, [{"event": "audit.torn_write_repaired", "subject": LOG_NAME,
                                      "data": {"bytes_removed": torn}}])
                records = self._write(fh, entries)
                fh.flush()
                os.fsync(fh.fileno())
                if records and self.signer is not None and (
                        any(r["event"] in MILESTONES for r in records) or self._checkpoint_due()):
                    last = records[-1]
                    self._write_checkpoint(last["seq"], last["hash"], last["event"])
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)
        return records

    def _write(self, fh, entries: list[dict]) -> list[dict]:
        """`entries` (as append_many takes them) chained after the log's last record and written
        in one write: the tail is read once per call, not once per record (an ingest batch
        appends hundreds)."""
        seq, prev = self._tail(fh)
        records, lines = [], []
        for e in entries:
            record = {
                "seq": seq, "ts": datetime.now(UTC).isoformat(timespec="microseconds"),
                "event": e["event"], "actor": e.get("actor") or "system", "flow_run_id": e.get("flow_run_id"),
                "subject": e["subject"], "data": e.get("data") or {}, "policy_digest": e.get("policy_digest"),
                "prev_hash": prev,
            }
            record["hash"] = record_hash(record)
            records.append(record)
            lines.append(canonical(record) + "\n")
            seq, prev = seq + 1, record["hash"]
        fh.seek(0, os.SEEK_END)
        fh.write("".join(lines).encode("utf-8"))
        fh.flush()
        return records

    def _checkpoint_due(self) -> bool:
        last = signing.read_checkpoints(self.checkpoints_path)[-1:] if self.checkpoints_path.exists() else []
        if not last:
            return True
        return datetime.now(UTC) - datetime.fromisoformat(last[0].ts) >= self.checkpoint_interval

    def _write_checkpoint(self, seq: int, record_hash: str, reason: str) -> signing.Checkpoint:
        checkpoint = signing.make_checkpoint(self.signer, seq, record_hash, reason)
        with _open_private(self.checkpoints_path) as out:
            repair_torn_tail(out)  # a checkpoint cut by a crash was never a checkpoint
            out.write(checkpoint.to_line().encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        return checkpoint

    def checkpoint(self, reason: str = "manual") -> signing.Checkpoint | None:
        """Sign the current tail now (e.g. before copying checkpoints elsewhere)."""
        tail = deque(self.records(), maxlen=1)
        if not tail or self.signer is None:
            return None
        return self._write_checkpoint(tail[0]["seq"], tail[0]["hash"], reason)

    def rotate_key(self, actor: str = "system", *, context: AuditContext | None = None) -> dict:
        """Replace the signing key; the new public key, endorsed by the old key, goes into the log,
        recorded through `context` (by default a context of `actor` alone: no flow run, no policy)."""
        if self.signer is None:
            raise ValueError("no signer configured")
        old, new, endorsement = self.signer.rotate()
        return (context or AuditContext(actor)).record(self, KEY_ROTATED, signing.key_id(new), {
            "old_key_id": signing.key_id(old), "new_key_id": signing.key_id(new),
            "new_public_key": base64.b64encode(signing.public_bytes(new)).decode(),
            "endorsement": endorsement})

    @staticmethod
    def _tail(fh) -> tuple[int, str]:
        """Next seq and previous hash, read from the last complete line."""
        fh.seek(0, os.SEEK_END)
        size = fh.tell()
        if size == 0:
            return 0, GENESIS
        # Read backwards until we hold the whole last line.
        chunk = 4096
        buf = b""
        pos = size
        while pos > 0:
            step = min(chunk, pos)
            pos -= step
            fh.seek(pos)
            buf = fh.read(step) + buf
            lines = buf.rstrip(b"\n").split(b"\n")
            if len(lines) > 1 or pos == 0:
                last = json.loads(lines[-1])
                return last["seq"] + 1, last["hash"]
        raise AssertionError("unreachable")

    def records(self) -> Iterator[dict]:
        """The log's complete records in order. A last line without its newline is a record a
        crash cut mid-write: it never completed, so it is not read (the next append cuts it and
        records the cut; `verify` reports it until then). A rerun's outbox recovery reads the log
        before anything is appended."""
        if not self.path.exists():
            return
        with open(self.path, encoding="utf-8") as fh:
            for line in fh:
                if line.endswith("\n") and line.strip():
                    yield json.loads(line)


def _open_private(path: Path):
    """`path` opened for append and read, created 0600 (the log holds pseudonymous identifiers)."""
    return os.fdopen(os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600), "a+b")


def repair_torn_tail(fh) -> int:
    """A process killed mid-write leaves a last line without its newline: that record never
    completed, so it is cut off (the caller records the cut). Returns the bytes removed."""
    fh.seek(0, os.SEEK_END)
    size = fh.tell()
    if size == 0:
        return 0
    fh.seek(size - 1)
    if fh.read(1) == b"\n":
        return 0
    fh.seek(0)
    keep = fh.read().rfind(b"\n") + 1  # only after a crash: reading the file once is fine
    fh.truncate(keep)
    fh.flush()
    os.fsync(fh.fileno())
    return size - keep


@dataclass(frozen=True)
class _Chain:
    """What verification needs from one pass over the log, in memory bounded by the checkpoints
    and key records rather than by the log (a shard's log reaches millions of records)."""
    n_records: int  # intact records, up to the first broken one
    last_hash: str
    broken: VerifyResult | None
    hash_at: dict[int, str]  # seq → hash, for the seqs the checkpoints name
    rotations: list[dict]  # audit.key_rotated records, in order
    pinned_key_id: str | None  # the key id the last audit.key_pinned record names


def _walk_chain(path: Path, checkpoint_seqs: set[int]) -> _Chain:
    """One streaming pass: the chain up to the first broken record, and the failure if any."""
    prev, n, hash_at, rotations, pinned = GENESIS, 0, {}, [], None

    def chain(broken: VerifyResult | None = None) -> _Chain:
        return _Chain(n, prev, broken, hash_at, rotations, pinned)

    with open(path, "rb") as fh:
        for position, raw in enumerate(fh):
            def bad(reason: str) -> _Chain:
                return chain(VerifyResult(False, n, prev, position, reason))  # noqa: B023
            try:
                record = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                return bad(f"line {position + 1}: not valid JSON ({type(exc).__name__})")
            if not isinstance(record, dict) or "hash" not in record:
                return bad(f"line {position + 1}: not an audit record")
            if record.get("seq") != position:
                return bad(f"seq {record.get('seq')} found where seq {position} was expected "
                           "(a record was deleted, duplicated or moved)")
            if record.get("prev_hash") != prev:
                return bad(f"seq {position}: prev_hash does not match the previous record")
            if record_hash(record) != record["hash"]:
                return bad(f"seq {position}: content does not match its hash (edited)")
            if raw.rstrip(b"\n").decode("utf-8") != canonical(record) or not raw.endswith(b"\n"):
                return bad(f"seq {position}: line is not in canonical form (edited)")
            prev, n = record["hash"], n + 1
            if position in checkpoint_seqs:
                hash_at[position] = prev
            if record.get("event") == KEY_ROTATED:
                rotations.append(record)
            elif record.get("event") == KEY_PINNED:
                pinned = (record.get("data") or {}).get("key_id")
    return chain()


def verify(log_dir: str | Path, public_keys: list | None = None,
           checkpoint_files: list[Path] | None = None, current_key=None) -> VerifyResult:
    """Check the chain, then every checkpoint (the log's own and any kept elsewhere): each must
    match the record at its seq, and, when public keys are given, carry a valid signature by a key
    trusted at that point (a given key, or one endorsed by a trusted key in a rotation record).

    With public keys, it also fails when no validly signed checkpoint covers any record, and, when
    `current_key` (the installation's signing key) is given, when that key is not trusted. A named
    checkpoint file that does not exist fails. `after_last_checkpoint` counts the records no
    checkpoint covers yet. The log is read once, as a stream."""
    path = Path(log_dir) / LOG_NAME
    if not path.exists():
        return VerifyResult(ok=False, n_records=0, last_hash=GENESIS, reason=f"{path}: no audit log")
    missing = [f for f in checkpoint_files or [] if not Path(f).is_file()]
    files = [Path(log_dir) / signing.CHECKPOINTS, *(checkpoint_files or [])]
    try:
        checkpoints = [] if missing else sorted(
            {c for f in files for c in signing.read_checkpoints(f)}, key=lambda c: c.seq)
        unreadable = ""
    except ValueError as exc:
        checkpoints, unreadable = [], str(exc)
    chain = _walk_chain(path, {cp.seq for cp in checkpoints})
    n, last = chain.n_records, chain.last_hash
    if missing:  # a named checkpoint file that is not there proves nothing: say so, never skip it
        return VerifyResult(False, n, last, None, f"checkpoint file {missing[0]} not found",
                            pinned_key_id=chain.pinned_key_id)
    if unreadable:
        return VerifyResult(False, n, last, None, unreadable, pinned_key_id=chain.pinned_key_id)
    broken = chain.broken
    trusted_since = _trusted_keys(chain.rotations, public_keys or [])
    failures: list[tuple[int, str]] = [(broken.first_bad_seq, broken.reason)] if broken else []
    limit = broken.first_bad_seq if broken else n
    covered = -1  # the highest seq a matching (and, with keys, validly signed) checkpoint covers
    for cp in checkpoints:
        if cp.seq >= limit:
            if not broken:
                failures.append((n, f"the log ends at seq {n - 1} but a checkpoint "
                                    f"signed {cp.ts} covers seq {cp.seq} (truncated tail)"))
            continue
        if chain.hash_at[cp.seq] != cp.hash:
            failures.append((cp.seq, f"seq {cp.seq}: record differs from the checkpoint signed {cp.ts}"))
        elif public_keys and not any(since <= cp.seq and cp.key_id == kid and cp.verifies_with(key)
                                     for kid, (key, since) in trusted_since.items()):
            failures.append((cp.seq, f"seq {cp.seq}: checkpoint signature does not verify with a trusted "
                                     "public key (re-signed with another key, or the signature was altered)"))
        else:
            covered = max(covered, cp.seq)
    if public_keys and n and covered < 0 and not failures:
        # With a key to check against, a log no signed checkpoint covers proves nothing: the
        # checkpoints may have been deleted together with a rewrite of the whole log.
        failures.append((0, "no signed checkpoint covers the log (checkpoints.jsonl missing or empty?); "
                            "pass the copy kept elsewhere with --checkpoint"))
    if current_key is not None and public_keys and not any(
            kid == signing.key_id(current_key) for kid in trusted_since):
        failures.append((n, "the signing key in the key folder is neither the trusted (pinned) key nor "
                            "endorsed by it in a key rotation record"))
    tail = n - 1 - covered if n else 0
    if failures:
        seq, reason = min(failures, key=lambda f: f[0])
        return VerifyResult(False, n, last, seq, reason, len(checkpoints), bool(public_keys), tail,
                            chain.pinned_key_id)
    return VerifyResult(True, n, last, None, "", len(checkpoints), bool(public_keys), tail, chain.pinned_key_id)


def _trusted_keys(rotations: list[dict], anchors: list) -> dict[str, tuple[object, int]]:
    """key_id → (public key, seq from which it is trusted). Anchors are trusted from the start;
    `rotations` are the log's audit.key_rotated records, in order."""
    trusted = {signing.key_id(k): (k, -1) for k in anchors}
    for rec in rotations:
        data = rec.get("data") or {}
        endorser = trusted.get(data.get("old_key_id"))
        try:
            new_key = signing.public_key_from_b64(data["new_public_key"])
            endorser[0].verify(base64.b64decode(data["endorsement"]), signing.public_bytes(new_key))
        except Exception:  # noqa: BLE001 - an unendorsed rotation simply grants no trust
            continue
        trusted.setdefault(signing.key_id(new_key), (new_key, rec["seq"]))
    return trusted


def path_digest(path: str) -> str:
    """What records say of an input file's path (relative to the inbox): its sha256, since a file
    name can itself name a person ("cv_jane_roe.pdf"), and the log can never be edited."""
    return hashlib.sha256(path.encode("utf-8", "surrogateescape")).hexdigest()


def path_digests(path: str) -> set[str]:
    """The path_sha256 values that name the input file `path` (relative to the inbox): sha256 of its
    stored name (records since stored names), of the path itself (older records), and of `path`
    as given when it already is a stored name."""
    from curation.sources.paths import stored_path

    return {path_digest(path), path_digest(stored_path(path))}


def select(records: Iterator[dict], *, version_id: str | None = None, dataset: str | None = None,
           doc_id: str | None = None, source: str | None = None, event: str | None = None,
           since: str | None = None, until: str | None = None, history_until_seq: int | None = None,
           path: str | None = None) -> list[dict]:
    """Filter records for `curation audit show`.

    With `version_id`, a record matches when it is about that version (review, training, ...) or
    when it is about its dataset and came before the version was created (`history_until_seq`):
    the history that decided what went in and what was left out.
    """
    out = []
    for rec in records:
        data = rec.get("data") or {}
        if version_id:
            about_version = version_id in (rec.get("subject"), data.get("version_id"))
            history = (data.get("dataset") == dataset and history_until_seq is not None
                       and rec["seq"] <= history_until_seq)
            if not (about_version or history):
                continue
        elif dataset and dataset not in (rec.get("subject"), data.get("dataset")):
            continue
        if doc_id and doc_id not in (rec.get("subject"), data.get("doc_id")) and doc_id not in data.get("doc_ids", []):
            continue
        if source and source not in (data.get("source"), rec.get("subject") if rec.get("event", "").startswith("source.") else None):
            continue
        if path and data.get("path_sha256") not in path_digests(path):
            continue
        if event and not rec.get("event", "").startswith(event):
            continue
        if since and rec.get("ts", "") < since:
            continue
        if until and rec.get("ts", "") > until:
            continue
        out.append(rec)
    return out
