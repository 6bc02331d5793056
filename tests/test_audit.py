"""The audit trail: hash chain, signed checkpoints, and a mutation matrix of tampering."""

import json
import shutil
import stat
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from curation.audit.context import SYSTEM, AuditContext
from curation.audit.log import AuditLog, canonical, record_hash, verify
from curation.audit.signing import Signer, make_checkpoint, read_checkpoints

EVENTS = ["ingest.started", "document.accepted", "ingest.finished", "checks.run", "version.created",
          "review.approved", "training.started", "training.finished"]


def build_log(folder: Path) -> tuple[AuditLog, Signer]:
    signer = Signer(folder / "keys")
    audit = AuditLog(folder / "audit", signer=signer)
    for i, event in enumerate(EVENTS):
        AuditContext(actor="tester").record(audit, event, f"subject-{i}", {"n": i, "note": "東京"})
    return audit, signer


@pytest.fixture
def log(tmp_path):
    audit, signer = build_log(tmp_path)
    external = tmp_path / "kept-elsewhere.jsonl"
    shutil.copy(audit.checkpoints_path, external)
    return audit, signer, external


def lines(audit):
    return audit.path.read_text(encoding="utf-8").splitlines(keepends=True)


def write(audit, text_lines):
    audit.path.write_text("".join(text_lines), encoding="utf-8")


def check(audit, signer, external=None):
    return verify(audit.dir, public_keys=[signer.public_key], checkpoint_files=[external] if external else [])


def test_intact_log_verifies_with_signatures(log):
    audit, signer, external = log
    result = check(audit, signer, external)
    assert result.ok and result.n_records == len(EVENTS) and result.signatures_checked
    assert result.n_checkpoints >= 5  # first record, then every milestone


def test_checkpoints_are_written_at_milestones(log):
    audit, _, _ = log
    seqs = {c.seq for c in read_checkpoints(audit.checkpoints_path)}
    assert {2, 4, 5, 6, 7} <= seqs and 3 not in seqs


def test_signing_key_lives_outside_audit_logs_with_mode_0600(log):
    audit, signer, _ = log
    assert not signer.path.is_relative_to(audit.dir)
    assert stat.S_IMODE(signer.path.stat().st_mode) == 0o600


def test_records_chain_by_prev_hash(log):
    records = list(log[0].records())
    assert [r["seq"] for r in records] == list(range(len(EVENTS)))
    assert all(b["prev_hash"] == a["hash"] for a, b in zip(records, records[1:], strict=False))


def _edit_byte(audit, _signer, _ext):
    text = lines(audit)
    text[5] = text[5].replace('"actor":"tester"', '"actor":"tester!"'[:-2] + 'X"')
    write(audit, text)


def _delete_record(audit, _signer, _ext):
    text = lines(audit)
    del text[3]
    write(audit, text)


def _swap_pair(audit, _signer, _ext):
    text = lines(audit)
    text[3], text[4] = text[4], text[3]
    write(audit, text)


def _duplicate_record(audit, _signer, _ext):
    text = lines(audit)
    text.insert(4, text[3])
    write(audit, text)


def _truncate_tail(audit, _signer, _ext):
    # The operator cuts the last two records and their checkpoints; only the copy kept elsewhere shows it.
    write(audit, lines(audit)[:6])
    kept = [c for c in read_checkpoints(audit.checkpoints_path) if c.seq < 6]
    audit.checkpoints_path.write_text("".join(c.to_line() for c in kept), encoding="utf-8")


def _resign_with_another_key(audit, _signer, _ext):
    # Rewrite record 3, re-chain everything after it and re-sign every checkpoint with a new key.
    records = [json.loads(x) for x in lines(audit)]
    records[3]["data"]["n"] = 99
    for i, rec in enumerate(records):
        rec["prev_hash"] = records[i - 1]["hash"] if i else rec["prev_hash"]
        rec["hash"] = record_hash(rec)
    write(audit, [canonical(r) + "\n" for r in records])
    forger = Signer(audit.dir.parent / "forger-keys")
    old = read_checkpoints(audit.checkpoints_path)
    forged = [make_checkpoint(forger, c.seq, records[c.seq]["hash"], c.reason) for c in old]
    audit.checkpoints_path.write_text("".join(c.to_line() for c in forged), encoding="utf-8")


def _flip_signature_bit(audit, _signer, _ext):
    cps = read_checkpoints(audit.checkpoints_path)
    target = next(i for i, c in enumerate(cps) if c.seq == 4)
    import base64

    sig = bytearray(base64.b64decode(cps[target].signature))
    sig[10] ^= 0x01
    cps[target] = type(cps[target])(**{**cps[target].__dict__, "signature": base64.b64encode(bytes(sig)).decode()})
    audit.checkpoints_path.write_text("".join(c.to_line() for c in cps), encoding="utf-8")


def _malformed_json(audit, _signer, _ext):
    text = lines(audit)
    text[6] = text[6][:40] + "\n"
    write(audit, text)


@pytest.mark.parametrize("mutate, first_bad_seq, use_external", [
    (_edit_byte, 5, False),
    (_delete_record, 3, False),
    (_swap_pair, 3, False),
    (_duplicate_record, 4, False),
    (_truncate_tail, 6, True),
    (_resign_with_another_key, 0, False),
    (_flip_signature_bit, 4, False),
    (_malformed_json, 6, False),
], ids=lambda v: v.__name__.strip("_") if callable(v) else str(v))
def test_mutation_matrix_names_the_first_bad_seq(log, mutate, first_bad_seq, use_external):
    audit, signer, external = log
    mutate(audit, signer, external)
    result = check(audit, signer, external if use_external else None)
    assert not result.ok and result.first_bad_seq == first_bad_seq, result.reason


def test_truncated_tail_is_invisible_without_a_checkpoint_kept_elsewhere(log):
    # Why checkpoints must be copied out: the chain alone cannot show a cut tail.
    audit, signer, _ = log
    _truncate_tail(audit, signer, None)
    assert check(audit, signer).ok


def test_a_key_rotation_is_recorded_through_the_callers_context(log):
    audit, _, _ = log
    record = audit.rotate_key(context=AuditContext("security-officer", "run-7", "policy-digest"))
    assert (record["event"], record["actor"], record["flow_run_id"], record["policy_digest"]) == (
        "audit.key_rotated", "security-officer", "run-7", "policy-digest")


def test_key_rotation_passes_trust_and_forged_rotation_does_not(log):
    audit, signer, external = log
    original = signer.public_key
    audit.rotate_key("security-officer")
    SYSTEM.record(audit, "review.rejected", "subject-x", {"n": 1})
    assert signer.public_key != original
    assert verify(audit.dir, public_keys=[original]).ok
    # A rotation record endorsed by an untrusted key grants nothing.
    rogue = Signer(audit.dir.parent / "rogue")
    rogue_log = AuditLog(audit.dir, signer=rogue)
    rogue_log.rotate_key("mallory")
    SYSTEM.record(rogue_log, "review.approved", "subject-y", {"n": 2})
    result = verify(audit.dir, public_keys=[original])
    assert not result.ok and "signature" in result.reason


_BASE = tempfile.mkdtemp(prefix="audit-prop-")
_AUDIT, _SIGNER = build_log(Path(_BASE))
_ORIGINAL = _AUDIT.path.read_bytes()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_any_random_byte_change_is_detected(data):
    position = data.draw(st.integers(0, len(_ORIGINAL) - 1))
    new = data.draw(st.integers(0, 255).filter(lambda b: b != _ORIGINAL[position]))
    mutated = bytearray(_ORIGINAL)
    mutated[position] = new
    _AUDIT.path.write_bytes(bytes(mutated))
    try:
        assert not verify(_AUDIT.dir, public_keys=[_SIGNER.public_key]).ok
    finally:
        _AUDIT.path.write_bytes(_ORIGINAL)


def test_cli_verify_exit_codes_and_export_key(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from curation.cli import app

    monkeypatch.setenv("CURATION_KEY_DIR", str(tmp_path / "keys"))
    monkeypatch.setenv("CURATION_HOME", str(tmp_path / "ws"))  # export-key pins the key in the workspace
    audit, signer = build_log(tmp_path)
    exported = CliRunner().invoke(app, ["audit", "export-key"])
    pem = tmp_path / "reviewer.pem"
    pem.write_text(exported.stdout.split("key id")[0])
    ok = CliRunner().invoke(app, ["audit", "verify", "--log-dir", str(audit.dir), "--public-key", str(pem)])
    assert ok.exit_code == 0 and "signatures verified" in ok.output, ok.output
    text = lines(audit)
    text[4] = text[4].replace("tester", "someone")
    write(audit, text)
    bad = CliRunner().invoke(app, ["audit", "verify", "--log-dir", str(audit.dir), "--public-key", str(pem)])
    assert bad.exit_code == 1 and "seq 4" in bad.output


def test_a_record_torn_by_a_crash_is_cut_and_the_cut_recorded(log):
    audit, signer, external = log
    with open(audit.path, "ab") as fh:
        fh.write(b'{"seq":8,"ts":"2026-')  # killed mid-write
    assert not check(audit, signer).ok
    record = SYSTEM.record(audit, "ingest.started", "run-2", {})
    records = list(audit.records())
    assert records[-2]["event"] == "audit.torn_write_repaired" and records[-2]["data"]["bytes_removed"] == len(b'{"seq":8,"ts":"2026-')
    assert record["seq"] == 9 and check(audit, signer, external).ok


def test_a_batch_of_records_chains_after_the_log_and_in_its_own_order(log):
    audit, signer, external = log
    entries = [{"event": "document.accepted", "subject": f"doc-{i}", "data": {"i": i}} for i in range(50)]
    written = audit.append_many(entries)
    records = list(audit.records())
    assert [r["seq"] for r in written] == list(range(len(EVENTS), len(EVENTS) + 50))
    assert written[0]["prev_hash"] == records[len(EVENTS) - 1]["hash"]
    assert all(b["prev_hash"] == a["hash"] for a, b in zip(written, written[1:]))
    assert records[-50:] == written and check(audit, signer, external).ok


def test_a_batch_with_a_bad_entry_writes_none_of_it(log):
    audit, signer, external = log
    before = audit.path.read_bytes()
    with pytest.raises(KeyError):
        audit.append_many([{"event": "document.accepted", "subject": "doc-1"}, {"event": "document.accepted"}])
    assert audit.path.read_bytes() == before


def test_a_record_torn_by_a_crash_is_not_read_before_the_next_append_cuts_it(log):
    audit, signer, external = log
    with open(audit.path, "ab") as fh:
        fh.write(b'{"seq":8,"ts":"2026-')  # killed mid-write of a batch
    # What a rerun's outbox recovery reads first: the complete records only.
    assert [r["seq"] for r in audit.records()] == list(range(len(EVENTS)))
    assert not check(audit, signer).ok
