import json

import pytest

from curation.audit import AuditLog, verify


@pytest.fixture
def log(tmp_path):
    audit = AuditLog(tmp_path)
    for i in range(5):
        audit.append("test.event", f"subject-{i}", {"n": i, "note": "東京"}, actor="tester")
    return audit


def lines(audit):
    return audit.path.read_text(encoding="utf-8").splitlines(keepends=True)


def test_intact_log_verifies(log):
    result = verify(log.dir)
    assert result.ok and result.n_records == 5


def test_records_chain_by_prev_hash(log):
    records = list(log.records())
    assert [r["seq"] for r in records] == list(range(5))
    assert all(b["prev_hash"] == a["hash"] for a, b in zip(records, records[1:], strict=False))


def test_edited_line_is_detected_at_its_seq(log):
    text = lines(log)
    text[2] = text[2].replace('"n":2', '"n":7')
    log.path.write_text("".join(text), encoding="utf-8")
    result = verify(log.dir)
    assert not result.ok and result.first_bad_seq == 2


def test_deleted_line_is_detected(log):
    text = lines(log)
    del text[1]
    log.path.write_text("".join(text), encoding="utf-8")
    assert verify(log.dir).first_bad_seq == 1


def test_reordered_lines_are_detected(log):
    text = lines(log)
    text[3], text[4] = text[4], text[3]
    log.path.write_text("".join(text), encoding="utf-8")
    assert verify(log.dir).first_bad_seq == 3


def test_rehashed_edit_still_breaks_the_chain(log):
    from curation.audit import canonical, record_hash

    text = lines(log)
    record = json.loads(text[1])
    record["actor"] = "mallory"
    record["hash"] = record_hash(record)
    text[1] = canonical(record) + "\n"
    log.path.write_text("".join(text), encoding="utf-8")
    assert verify(log.dir).first_bad_seq == 2


def test_malformed_json_is_detected(log):
    text = lines(log)
    text[0] = text[0][:-5] + "\n"
    log.path.write_text("".join(text), encoding="utf-8")
    assert verify(log.dir).first_bad_seq == 0


def test_cli_verify_exit_codes(log):
    from typer.testing import CliRunner

    from curation.cli import app

    ok = CliRunner().invoke(app, ["audit", "verify", "--log-dir", str(log.dir)])
    assert ok.exit_code == 0, ok.output
    text = lines(log)
    text[4] = text[4].replace("tester", "someone")
    log.path.write_text("".join(text), encoding="utf-8")
    bad = CliRunner().invoke(app, ["audit", "verify", "--log-dir", str(log.dir)])
    assert bad.exit_code == 1 and "seq 4" in bad.output
