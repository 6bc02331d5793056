import json

from typer.testing import CliRunner

from curation.cli import app
from curation.pii import detect_language

EN = ("Please call Margaret Holloway at +44 20 7946 0958 or write to margaret.holloway@example.com. "
      "Her card 4111 1111 1111 1111 was charged from 192.168.10.20.")
JA = "山田太郎様、お問い合わせありがとうございます。お電話は03-1234-5678、メールはyamada.taro@example.jpまでお願いします。"


def test_english_pii_is_replaced_with_typed_placeholders(anonymizer):
    (result,) = anonymizer.anonymize([EN], "en")
    for raw in ("Margaret Holloway", "margaret.holloway@example.com", "7946 0958", "4111 1111", "192.168.10.20"):
        assert raw not in result.text
    assert "<EMAIL_ADDRESS>" in result.text and "<PERSON>" in result.text
    assert result.counts["EMAIL_ADDRESS"] == 1 and result.counts["CREDIT_CARD"] == 1


def test_japanese_name_phone_and_email_are_replaced(anonymizer):
    (result,) = anonymizer.anonymize([JA], "ja")
    for raw in ("山田太郎", "03-1234-5678", "yamada.taro@example.jp"):
        assert raw not in result.text
    assert result.counts["PERSON"] == 1 and result.counts["PHONE_NUMBER"] == 1


def test_residual_scan_finds_identifiers_left_in_text(anonymizer):
    assert anonymizer.residual_counts(["Contact <PERSON> at <EMAIL_ADDRESS>."], "en") == [0]
    assert anonymizer.residual_counts(["Contact <PERSON> at left.over@example.com."], "en") == [1]


def test_language_routing():
    assert detect_language(JA) == "ja" and detect_language(EN) == "en"


def test_pii_scan_cli_contract(tmp_path, workspace):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps({"id": i, "text": t}) for i, t in enumerate([EN, JA])) + "\n")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["pii", "scan", "--jsonl", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["language"] for r in rows] == ["en", "ja"]
    email = next(e for e in rows[0]["entities"] if e["type"] == "EMAIL_ADDRESS")
    assert EN[email["start"]:email["end"]] == "margaret.holloway@example.com"
    assert set(rows[0]) == {"id", "language", "entities", "text_anonymized"}
