"""Operators per entity type (placeholder, pseudonym, mask, hash, redact, keep) and the pseudonym key."""

from __future__ import annotations

import hashlib
import re
import stat

import pytest
from conftest import ROOT

from curation.pii import Anonymizer
from curation.pii.operators import PiiKeyError, key_path, load_or_create_key, pseudonym

TEXT = "Call Margaret Holloway on +44 20 7946 0958 or margaret.holloway@example.com."


@pytest.fixture
def key_file(tmp_path, monkeypatch):
    path = tmp_path / "secrets" / "pii.key"
    monkeypatch.setenv("CURATION_PII_KEY_FILE", str(path))
    return path


def anonymizer_with(policy, **operators):
    pii = policy.pii.model_copy(update={"operators": {k: v for k, v in operators.items()}})
    return Anonymizer(type(policy.pii).model_validate(pii.model_dump()))


def op(**kw):
    from curation.policy import Operator

    return Operator(**kw)


def test_default_operator_is_a_typed_placeholder(anonymizer):
    (out,) = anonymizer.anonymize([TEXT], "en")
    assert out.text == "Call <PERSON> on <PHONE_NUMBER> or <EMAIL_ADDRESS>."


def test_pseudonym_is_the_same_for_the_same_value_and_differs_between_values(policy, key_file):
    anonymizer = anonymizer_with(policy, PERSON=op(type="pseudonym"), PHONE_NUMBER=op(type="pseudonym"))
    a, b, c = anonymizer.anonymize([
        "Margaret Holloway called from +44 20 7946 0958.",
        "Yesterday Margaret  Holloway phoned again from +44-20-7946-0958.",  # spacing, separators
        "Peter Okafor called from +44 20 7946 0959.",
    ], "en")
    token = re.compile(r"<PERSON_[0-9a-f]{8}>")
    person_a, person_b, person_c = (token.search(x.text).group() for x in (a, b, c))
    assert person_a == person_b != person_c
    phone = re.compile(r"<PHONE_NUMBER_[0-9a-f]{8}>")
    assert phone.search(a.text).group() == phone.search(b.text).group() != phone.search(c.text).group()
    assert "Holloway" not in a.text + b.text and "Okafor" not in c.text


def test_pseudonym_depends_on_the_key(tmp_path):
    assert pseudonym(b"k" * 32, "PERSON", 8, "Jane Roe") != pseudonym(b"j" * 32, "PERSON", 8, "Jane Roe")
    assert pseudonym(b"k" * 32, "PERSON", 8, "Jane Roe") == pseudonym(b"k" * 32, "PERSON", 8, " JANE   roe ")
    # The type is part of the input: a phone number and an account with equal digits do not collide.
    assert pseudonym(b"k" * 32, "PERSON", 8, "Jordan") != pseudonym(b"k" * 32, "LOCATION", 8, "Jordan")


def test_key_is_created_private_outside_the_repository_and_never_written_out(policy, key_file):
    anonymizer = anonymizer_with(policy, PERSON=op(type="pseudonym"))
    (out,) = anonymizer.anonymize([TEXT], "en")
    assert key_file.is_file() and stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(key_file.parent.stat().st_mode) == 0o700
    assert ROOT not in key_file.resolve().parents
    key = key_file.read_text().strip()
    assert key not in out.text and anonymizer.key_id and anonymizer.key_id not in key


def test_default_key_location_is_the_users_config_folder(policy, monkeypatch):
    monkeypatch.delenv("CURATION_PII_KEY_FILE", raising=False)
    path = key_path(policy.pii)
    assert path.parts[-3:] == (".config", "curation", "pii.key") and ROOT not in path.parents


def test_key_readable_by_others_is_refused(tmp_path):
    path = tmp_path / "pii.key"
    path.write_text("ab" * 32)
    path.chmod(0o644)
    with pytest.raises(PiiKeyError, match="chmod 600"):
        load_or_create_key(path)


def test_key_inside_the_workspace_data_folder_is_refused(workspace):
    with pytest.raises(PiiKeyError, match="must not live under"):
        load_or_create_key(workspace.root / "data" / "pii.key")


def test_mask_keeps_the_last_digits_only(policy):
    anonymizer = anonymizer_with(policy, CREDIT_CARD=op(type="mask", chars_to_mask=15, masking_char="#"))
    (out,) = anonymizer.anonymize(["Charged to 4111 1111 1111 1111 yesterday."], "en")
    assert out.text == "Charged to ###############1111 yesterday."
    assert out.residual == {}  # four digits are no card


def test_hash_is_keyed_and_stable(policy, key_file):
    anonymizer = anonymizer_with(policy, EMAIL_ADDRESS=op(type="hash"))
    a, b = anonymizer.anonymize(["Mail ops.lead@example.com now.", "Again: ops.lead@example.com."], "en")
    digest = re.search(r"[0-9a-f]{64}", a.text).group()
    assert digest in b.text
    assert digest != hashlib.sha256(b"ops.lead@example.com").hexdigest()  # not a plain, guessable hash


def test_redact_removes_the_value(policy):
    anonymizer = anonymizer_with(policy, EMAIL_ADDRESS=op(type="redact"))
    (out,) = anonymizer.anonymize(["Mail ops.lead@example.com now."], "en")
    assert out.text == "Mail  now." and out.counts == {"EMAIL_ADDRESS": 1}


def test_keep_leaves_the_value_and_the_residual_scan_reports_it(policy):
    anonymizer = anonymizer_with(policy, EMAIL_ADDRESS=op(type="keep"))
    (out,) = anonymizer.anonymize(["Mail ops.lead@example.com now."], "en")
    assert "ops.lead@example.com" in out.text
    assert out.residual == {"EMAIL_ADDRESS": 1}
    assert anonymizer.residual_entities([out.text], "en") == [{"EMAIL_ADDRESS": 1}]


@pytest.mark.parametrize("entity,forms", [
    ("PHONE_NUMBER", ["090-1234-5678", "０９０－１２３４－５６７８", "090ー1234ー5678", "(090)1234-5678", "09012345678"]),
    ("JP_MY_NUMBER", ["1234 5678 9018", "１２３４５６７８９０１８", "1234-5678-9018"]),
    ("JP_BANK_ACCOUNT", ["1234567", "１２３４５６７"]),
    ("JP_DRIVER_LICENSE", ["123456789012", "１２３４５６７８９０１２"]),
    ("JP_PASSPORT", ["TK1234567", "ＴＫ１２３４５６７", "tk1234567"]),
])
def test_full_and_half_width_forms_of_an_identifier_get_one_pseudonym(entity, forms):
    key = b"k" * 32
    assert len({pseudonym(key, entity, 8, form) for form in forms}) == 1


def test_different_japanese_identifiers_get_different_pseudonyms():
    key = b"k" * 32
    assert pseudonym(key, "JP_PASSPORT", 8, "TK1234567") != pseudonym(key, "JP_PASSPORT", 8, "TK1234568")
