"""The APPI statement: stated on every dataset card from the policy, and the policy must make it true."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from curation.ingest import pipeline
from curation.policy import PolicyError, load_policy

from test_policy import default_text, write_policy

APPLICATION = ("申込書\n氏名：山田太郎様\n電話：090-1234-5678\nマイナンバー：123456789018\n"
               "上記の内容で申し込みます。よろしくお願いいたします。")


def with_appi(tmp_path, appi: str, operators: str = "") -> Path:
    text = default_text()
    start = text.index("  appi:\n")
    end = text.index("\nlicenses:")
    text = text[:start] + appi + text[end:]
    if operators:
        text = text.replace("  operators:\n", "  operators:\n" + operators, 1)
    return write_policy(tmp_path, text)


def test_card_of_a_japanese_version_states_what_was_replaced(workspace):
    src = workspace.root / "inbox" / "forms"
    src.mkdir(parents=True)
    (src / "SOURCE.yaml").write_text("license: LicenseRef-Internal\nowner: 総務部\npurpose: forms\nlanguage: ja\n")
    (src / "a.jsonl").write_text(json.dumps({"text": APPLICATION}, ensure_ascii=False) + "\n", encoding="utf-8")
    result = pipeline.ingest_and_build(workspace, workspace.root / "inbox", "forms",
                                       load_policy(workspace.default_policy))
    card = (Path(workspace.catalog().version(result.build.version_id)["path"]) / "README.md").read_text()
    section = card[card.index("## APPI processing statement"):]
    assert "Intended status: 仮名加工情報" in section and "Rules Art. 31" in section
    codes = section[section.index("個人識別符号"):section.index("特定の個人")]
    assert "JP_MY_NUMBER: 置換 replaced by a typed placeholder; 1 in this version" in codes
    assert "PERSON: 置換" in section[section.index("特定の個人"):]
    assert "CREDIT_CARD: 置換" in section[section.index("財産的被害"):]
    assert "123456789018" not in card and "山田" not in card


def test_pseudonym_operator_is_stated_with_its_key(tmp_path):
    from curation.datasets import appi

    path = with_appi(tmp_path, "  appi:\n    processing: pseudonymized\n", "    PERSON: {type: pseudonym}\n")
    text = "\n".join(str(b) for b in appi.statement(load_policy(path).pii, {"PERSON": 3}))
    assert "PERSON: 仮名化 replaced by a keyed pseudonym (same value, same token); 3 in this version" in text
    assert "pii.key_file" in text


def test_anonymized_refuses_linking_codes(tmp_path):
    path = with_appi(tmp_path, "  appi:\n    processing: anonymized\n    unusual_values_reviewed_by: privacy office\n",
                     "    PERSON: {type: pseudonym}\n")
    with pytest.raises(PolicyError, match=r"pii.appi.processing.*\['PERSON'\]"):
        load_policy(path)


def test_anonymized_needs_someone_to_review_unusual_values(tmp_path):
    with pytest.raises(PolicyError, match="unusual_values_reviewed_by"):
        load_policy(with_appi(tmp_path, "  appi:\n    processing: anonymized\n"))


def test_anonymized_policy_states_the_reviewer(tmp_path):
    from curation.datasets import appi

    policy = load_policy(with_appi(tmp_path, "  appi:\n    processing: anonymized\n"
                                             "    unusual_values_reviewed_by: privacy office\n"))
    text = "\n".join(str(b) for b in appi.statement(policy.pii, {}))
    assert "Intended status: 匿名加工情報" in text and "reviewed for them by privacy office" in text
    assert "Art. 43(3)" in text


def test_identification_code_cannot_be_kept(tmp_path):
    path = with_appi(tmp_path, "  appi:\n    processing: pseudonymized\n", "    JP_MY_NUMBER: {type: keep}\n")
    with pytest.raises(PolicyError, match=r"JP_MY_NUMBER.*must be deleted or replaced"):
        load_policy(path)


def test_identification_code_must_be_detected(tmp_path):
    path = with_appi(tmp_path, "  appi:\n    processing: pseudonymized\n    identification_codes: [US_DRIVER_LICENSE]\n")
    with pytest.raises(PolicyError, match=r"US_DRIVER_LICENSE.*must be detected"):
        load_policy(path)
