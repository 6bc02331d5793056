"""The hand-written PII sets build from their sources with one shared markup module.

Every set's `build.py` must validate clean and rebuild its committed gold files byte for byte, and
`tests/pii_cases/markup.py` must stop a bad line with one line naming the file, the line and why.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CASES = Path(__file__).resolve().parent / "pii_cases"
SETS = sorted(path.name for path in CASES.glob("heldout*") if (path / "build.py").exists())


def _load_markup():
    spec = importlib.util.spec_from_file_location("pii_case_markup", CASES / "markup.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up by name
    spec.loader.exec_module(module)
    return module


markup = _load_markup()
LOWER = markup.Register("lower", "social_en.jsonl", "lines", 20, 280)
BUSINESS = markup.Register("business_en", "business_en.jsonl", "blocks", 20, 2500)


def _run_build(build_py: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(build_py), *args], capture_output=True, text=True,
                          timeout=120, check=False)


@pytest.mark.parametrize("name", SETS)
def test_check_runs_clean_and_writes_nothing(name):
    gold = {path: path.read_bytes() for path in (CASES / name).glob("*.jsonl")}
    done = _run_build(CASES / name / "build.py", "--check")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert gold and {path: path.read_bytes() for path in gold} == gold


@pytest.mark.parametrize("name", SETS)
def test_build_reproduces_the_committed_gold_files(name, tmp_path):
    shutil.copytree(CASES / name, tmp_path / name, ignore=shutil.ignore_patterns("*.jsonl"))
    shutil.copy(CASES / "markup.py", tmp_path / "markup.py")
    done = _run_build(tmp_path / name / "build.py")
    assert done.returncode == 0, done.stderr
    committed = sorted(path.name for path in (CASES / name).glob("*.jsonl"))
    assert sorted(path.name for path in (tmp_path / name).glob("*.jsonl")) == committed
    for gold in committed:
        assert (tmp_path / name / gold).read_bytes() == (CASES / name / gold).read_bytes(), gold


def _reject(tmp_path: Path, register, lines: list[str]) -> str:
    (tmp_path / f"{register.name}.src.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(markup.MarkupError) as caught:
        markup.read_register(tmp_path, register, "t")
    message = str(caught.value)
    assert "\n" not in message
    return message


GOOD = "met [[PERSON|ann lee]] at the [[LOCATION|leeds]] market"


@pytest.mark.parametrize("bad_line, reason, secret", [
    ("card [[CREDIT_CARD|4111 1111 1111 1112]] on file, ta", "card fails Luhn", "1112"),
    ("pay to [[IBAN_CODE|DE89 3704 0044 0532 0130 01]] pls", "IBAN fails mod-97", "0532"),
    ("ask [[PERSON|[[PERSON|ann lee]]]] about the van", "nested", None),
    ("thanks [[PERSON|ann lee,]] for the lift home", "starts or ends with", None),
    ("thanks [[PERSON|[ann lee]] for the lift home", "nested, empty or unclosed", None),
    ("went to [[LOCATION|Leeds]] with the kids today", "upper-case letter in the lower-case", None),
    (GOOD, "same text as lower.src.txt:2", None),
])
def test_bad_line_is_named_by_file_line_and_reason(tmp_path, bad_line, reason, secret):
    message = _reject(tmp_path, LOWER, ["% a comment line", GOOD, bad_line])
    assert message.startswith("lower.src.txt:3: ")
    assert reason in message
    if secret:  # the identifier itself never lands in the message
        assert secret not in message


def test_duplicate_block_id_is_named(tmp_path):
    block = ["### 007", "Dear [[PERSON|Ann Lee]], the invoice is attached."]
    second = [block[0], "Dear [[PERSON|Bo Park]], see below."]
    message = _reject(tmp_path, BUSINESS, block + [""] + second)
    assert message.startswith("business_en.src.txt:4 (block 007): duplicate id t-business_en-007")


def test_a_copy_across_registers_is_caught(tmp_path):
    (tmp_path / "sentence.src.txt").write_text(GOOD + "\n", encoding="utf-8")
    (tmp_path / "lower.src.txt").write_text(GOOD + "\n", encoding="utf-8")
    sentence = markup.Register("sentence", "social_en.jsonl", "lines", 20, 280)
    seen: dict[str, str] = {}
    markup.read_register(tmp_path, sentence, "t", seen)
    copied = r"^lower\.src\.txt:1: same text as sentence\.src\.txt:1$"
    with pytest.raises(markup.MarkupError, match=copied):
        markup.read_register(tmp_path, LOWER, "t", seen)


def test_register_settings_carry_the_older_sets_rules(tmp_path):
    line = 'the course "[[~EVENT|project management (practitioner)]]" starts in may'
    assert "starts or ends with" in _reject(tmp_path, LOWER, [line])
    old_lower = markup.Register("lower", "x.jsonl", "lines", 20, 280, id_stem="soc", comment="#",
                                bad_edge=markup.SPACE_EDGE, labelled_types=markup.SOCIAL_TYPES)
    (tmp_path / "lower.src.txt").write_text("# comment\n" + line + "\n", encoding="utf-8")
    rows = markup.read_register(tmp_path, old_lower, "t")
    assert [row["id"] for row in rows] == ["soc-001"]
    assert rows[0]["ignored_spans"][0]["value"] == "project management (practitioner)"
    ssn = "my ssn is [[US_SSN|123-45-6789]] lol"
    assert "unknown type US_SSN" in _reject(tmp_path, old_lower, [ssn])
    spaced = _reject(tmp_path, old_lower, ["a [[PERSON| ann]] b c d e f g h"])
    assert re.match(r"^lower\.src\.txt:1: span PERSON ' '", spaced)
