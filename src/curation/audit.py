"""The hash-chained audit log: the only writer of audit records.

One JSON object per line in `audit.jsonl`, canonical JSON (sorted keys, no spaces, UTF-8):
`{seq, ts, event, actor, flow_run_id, subject, data, policy_digest, prev_hash, hash}` with
`hash = sha256(canonical JSON of the record without "hash")` and `prev_hash` the previous hash.
Editing, deleting, reordering or duplicating a line breaks the chain at that line.
`data` holds counts, hashes, decisions and reasons only, never raw text.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

GENESIS = "0" * 64
LOG_NAME = "audit.jsonl"


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
    first_bad_seq: int | None = None  # the seq (line position, 0-based) where the chain breaks
    reason: str = ""


class AuditLog:
    """Append-only, hash-chained log in `log_dir/audit.jsonl`, safe across processes (flock)."""

    def __init__(self, log_dir: str | Path):
        self.dir = Path(log_dir)
        self.path = self.dir / LOG_NAME

    def append(self, event: str, subject: str, data: dict | None = None, *, actor: str = "system",
               flow_run_id: str | None = None, policy_digest: str | None = None) -> dict:
        """Append one record and fsync it; returns the record with its seq and hash."""
        self.dir.mkdir(parents=True, exist_ok=True)
        with open(self.path, "a+b") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                seq, prev = self._tail(fh)
                record = {
                    "seq": seq, "ts": datetime.now(UTC).isoformat(timespec="microseconds"),
                    "event": event, "actor": actor, "flow_run_id": flow_run_id, "subject": subject,
                    "data": data or {}, "policy_digest": policy_digest, "prev_hash": prev,
                }
                record["hash"] = record_hash(record)
                fh.seek(0, os.SEEK_END)
                fh.write((canonical(record) + "\n").encode("utf-8"))
                fh.flush()
                os.fsync(fh.fileno())
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)
        return record

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
        if not self.path.exists():
            return
        with open(self.path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)


def verify(log_dir: str | Path) -> VerifyResult:
    """Walk the chain; report the first record whose position, link or hash is wrong."""
    path = Path(log_dir) / LOG_NAME
    if not path.exists():
        return VerifyResult(ok=False, n_records=0, last_hash=GENESIS, reason=f"{path}: no audit log")
    prev = GENESIS
    n = 0
    with open(path, "rb") as fh:
        for position, raw in enumerate(fh):
            try:
                record = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                return VerifyResult(False, n, prev, position, f"line {position + 1}: not valid JSON ({exc})")
            if not isinstance(record, dict) or "hash" not in record:
                return VerifyResult(False, n, prev, position, f"line {position + 1}: not an audit record")
            if record.get("seq") != position:
                return VerifyResult(False, n, prev, position,
                                    f"seq {record.get('seq')} found where seq {position} was expected "
                                    "(a record was deleted, duplicated or moved)")
            if record.get("prev_hash") != prev:
                return VerifyResult(False, n, prev, position,
                                    f"seq {position}: prev_hash does not match the previous record")
            if record_hash(record) != record["hash"]:
                return VerifyResult(False, n, prev, position, f"seq {position}: content does not match its hash (edited)")
            if raw.rstrip(b"\n").decode("utf-8") != canonical(record):
                return VerifyResult(False, n, prev, position, f"seq {position}: line is not in canonical form (edited)")
            prev = record["hash"]
            n += 1
    return VerifyResult(ok=True, n_records=n, last_hash=prev)


def select(records: Iterator[dict], *, dataset: str | None = None, doc_id: str | None = None,
           event: str | None = None, since: str | None = None) -> list[dict]:
    """Filter records for `curation audit show`."""
    out = []
    for rec in records:
        data = rec.get("data") or {}
        if dataset and dataset not in (rec.get("subject"), data.get("version_id"), data.get("dataset")):
            continue
        if doc_id and doc_id != rec.get("subject") and doc_id not in data.get("doc_ids", []):
            continue
        if event and not rec.get("event", "").startswith(event):
            continue
        if since and rec.get("ts", "") < since:
            continue
        out.append(rec)
    return out
