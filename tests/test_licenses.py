import pytest

from curation.licenses import classify, decide, detect_text
from curation.models import RawDocument, SourceInfo


@pytest.mark.parametrize("expression, expected", [
    ("MIT", "allow"), ("Apache-2.0", "allow"), ("CC-BY-4.0", "allow"),
    ("CC-BY-SA-4.0", "review"), ("CC-BY-NC-4.0", "deny"), ("CC-BY-ND-3.0", "deny"),
    ("CC-BY-NC-SA-3.0", "deny"),  # unlisted, non-commercial family
    ("MIT AND CC-BY-NC-4.0", "deny"), ("MIT OR CC-BY-NC-4.0", "allow"),
    ("Apache-2.0 WITH LLVM-exception", "allow"), ("LicenseRef-Proprietary", "deny"),
])
def test_policy_classes(policy, expression, expected):
    assert classify(expression, "source_yaml", policy.licenses).license_class == expected


def test_missing_license_is_denied_with_reason(policy):
    decision = classify(None, "none", policy.licenses)
    assert (decision.license_class, decision.reason) == ("deny", "license_missing")


def test_invalid_expression_is_denied(policy):
    decision = classify("MIT AND AND", "metadata", policy.licenses)
    assert decision.license_class == "deny" and decision.reason == "license_invalid"


def test_evidence_order_metadata_then_tag_then_source(policy):
    source = SourceInfo(name="s", license="MIT")
    tagged = RawDocument("s", "a.txt", 0, "# SPDX-License-Identifier: CC-BY-NC-4.0\nhello")
    assert decide(tagged, source, policy.licenses).evidence == "spdx_tag"
    assert decide(tagged, source, policy.licenses).license_class == "deny"
    with_meta = RawDocument("s", "a.jsonl", 3, tagged.text, {"license": "Apache-2.0"})
    assert decide(with_meta, source, policy.licenses).expression == "Apache-2.0"
    plain = RawDocument("s", "b.txt", 0, "hello")
    assert decide(plain, source, policy.licenses).evidence == "source_yaml"


@pytest.mark.parametrize("text, expected", [
    ("Licensed under the Apache License, Version 2.0 (the \"License\")", "Apache-2.0"),
    ("This work is licensed under a Creative Commons Attribution-NonCommercial 4.0 International License.",
     "CC-BY-NC-4.0"),
    ("この作品はクリエイティブ・コモンズ 表示 4.0 国際 ライセンスの下に提供されています。", "CC-BY-4.0"),
    ("/* SPDX-License-Identifier: MIT */", "MIT"),
    ("Just a meeting note about the budget.", "NOASSERTION"),
])
def test_detect_text(text, expected):
    assert detect_text(text)[0] == expected


@pytest.mark.parametrize("expression, reason", [
    ("CC-BY-NC-4.0", "license_noncommercial"), ("CC-BY-ND-4.0", "license_noderivatives"),
    ("CC-BY-SA-4.0", "license_sharealike"), ("LicenseRef-Proprietary", "license_listed_deny"),
    ("Zlib", "license_unlisted"),
])
def test_reason_codes_name_the_license_family(policy, expression, reason):
    assert classify(expression, "source_yaml", policy.licenses).reason == reason


def test_unknown_license_id_is_invalid_but_licenseref_is_accepted(policy):
    assert classify("Made-Up-License-1.0", "metadata", policy.licenses).reason == "license_invalid"
    assert classify("LicenseRef-Internal", "metadata", policy.licenses).license_class == "allow"
    assert classify("mit", "metadata", policy.licenses).expression == "MIT"
