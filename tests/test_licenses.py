"""License classes and detection: SPDX expressions judged by policies/licenses.yaml; license texts
and notices found by ScanCode (English) and the Japanese CC names."""

from pathlib import Path

import pytest

from curation import licenses
from curation.licenses.classes import load_rules
from curation.policy import PolicyError

from conftest import ROOT


@pytest.fixture(scope="session")
def rules(policy):
    return licenses.rules_for(policy)


def rules_with(policy, **changes):
    return load_rules(policy.licenses.model_copy(update=changes), ROOT / "policies")


@pytest.mark.parametrize("expression, expected", [
    ("MIT", "allow"), ("Apache-2.0", "allow"), ("CC-BY-4.0", "allow"), ("CC0-1.0", "allow"),
    ("ODC-By-1.0", "allow"), ("CDLA-Permissive-2.0", "allow"), ("Unlicense", "allow"),
    ("CC-BY-SA-4.0", "review"), ("ODbL-1.0", "review"), ("GPL-3.0-or-later", "review"),
    ("LGPL-2.1-only", "review"), ("MPL-2.0", "review"),
    ("CC-BY-NC-4.0", "deny"), ("CC-BY-ND-3.0", "deny"), ("CC-BY-NC-SA-3.0", "deny"), ("CC-BY-NC-ND-4.0", "deny"),
    ("MIT AND CC-BY-NC-4.0", "deny"), ("MIT OR CC-BY-NC-4.0", "allow"),
    ("Apache-2.0 WITH LLVM-exception", "allow"), ("LicenseRef-Proprietary", "deny"),
    ("LicenseRef-scancode-bigscience-rail-1.0", "review"), ("LicenseRef-Unheard-Of", "deny"),
])
def test_commercial_use_classes(rules, expression, expected):
    assert licenses.classify(expression, "source_yaml", rules).license_class == expected


@pytest.mark.parametrize("expression, expected", [
    ("CC-BY-NC-4.0", "review"), ("CC-BY-ND-4.0", "review"), ("LGPL-3.0-only", "allow"),
    ("CC-BY-SA-4.0", "review"), ("MIT", "allow"), ("LicenseRef-Unheard-Of", "deny"),
])
def test_internal_research_use_maps_the_same_classes_differently(policy, expression, expected):
    research = rules_with(policy, intended_use="internal_research")
    assert licenses.classify(expression, "metadata", research).license_class == expected


def test_policy_lists_win_over_the_classes(policy):
    rules = rules_with(policy, allow=["CC-BY-SA-4.0"], deny=["MIT"])
    assert licenses.classify("CC-BY-SA-4.0", "metadata", rules).license_class == "allow"
    decision = licenses.classify("MIT", "metadata", rules)
    assert (decision.license_class, decision.reason) == ("deny", "license_listed_deny")


def test_missing_license_is_denied_with_reason(rules):
    decision = licenses.classify(None, "none", rules)
    assert (decision.license_class, decision.reason) == ("deny", "license_missing")


def test_invalid_expression_is_denied(rules):
    decision = licenses.classify("MIT AND AND", "metadata", rules)
    assert decision.license_class == "deny" and decision.reason == "license_invalid"


@pytest.mark.parametrize("expression, reason, category", [
    ("CC-BY-NC-4.0", "license_noncommercial", "non_commercial"),
    ("CC-BY-ND-4.0", "license_noderivatives", "no_derivatives"),
    ("CC-BY-SA-4.0", "license_sharealike", "share_alike"),
    ("LGPL-3.0-only", "license_weak_copyleft", "weak_copyleft"),
    ("LicenseRef-Proprietary", "license_listed_deny", "listed"),
    ("Zlib", "license_allowed", "permissive"),
    ("LicenseRef-Unheard-Of", "license_unknown", "unknown"),
])
def test_reason_codes_name_the_license_class(rules, expression, reason, category):
    decision = licenses.classify(expression, "source_yaml", rules)
    assert (decision.reason, decision.category) == (reason, category)


def test_unknown_license_id_is_invalid_but_licenseref_is_accepted(rules):
    assert licenses.classify("Made-Up-License-1.0", "metadata", rules).reason == "license_invalid"
    assert licenses.classify("LicenseRef-Internal", "metadata", rules).license_class == "allow"
    assert licenses.classify("mit", "metadata", rules).expression == "MIT"


def test_classes_file_that_lacks_a_class_names_file_and_class(policy, tmp_path):
    text = (ROOT / "policies" / "licenses.yaml").read_text(encoding="utf-8")
    start = text.index("  use_restricted:")
    (tmp_path / "licenses.yaml").write_text(text[:start] + text[text.index("  unknown:"):], encoding="utf-8")
    with pytest.raises(PolicyError, match=r"licenses\.yaml.*use_restricted"):
        load_rules(policy.licenses, tmp_path)


def test_intended_use_missing_from_the_classes_file_is_refused(policy, tmp_path):
    text = (ROOT / "policies" / "licenses.yaml").read_text(encoding="utf-8")
    (tmp_path / "licenses.yaml").write_text(text[:text.index("  internal_research:")], encoding="utf-8")
    with pytest.raises(PolicyError, match="intended_use.*internal_research.*allowed.*commercial"):
        load_rules(policy.licenses.model_copy(update={"intended_use": "internal_research"}), tmp_path)


@pytest.mark.parametrize("text, expected", [
    ("Licensed under the Apache License, Version 2.0 (the \"License\")", "Apache-2.0"),
    ("This work is licensed under a Creative Commons Attribution-NonCommercial 4.0 International License.",
     "CC-BY-NC-4.0"),
    ("This work is licensed under a Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 "
     "International License.", "CC-BY-NC-ND-4.0"),
    ("この作品はクリエイティブ・コモンズ 表示 4.0 国際 ライセンスの下に提供されています。", "CC-BY-4.0"),
    ("この作品は クリエイティブ・コモンズ 表示 - 非営利 - 改変禁止 4.0 国際 ライセンスの下に提供されています。",
     "CC-BY-NC-ND-4.0"),
    ("本資料はクリエイティブ・コモンズ 表示 - 継承 3.0 非移植 ライセンスで提供します。", "CC-BY-SA-3.0"),
    ("/* SPDX-License-Identifier: MIT OR Apache-2.0 */", "MIT OR Apache-2.0"),
    ("Just a meeting note about the budget.", "NOASSERTION"),
    ("We decided not to ship GPL code in the product.", "NOASSERTION"),  # a bare mention scores 0.5
])
def test_detect_text(text, expected):
    assert licenses.detect_text(text).expression == expected


def test_detect_full_license_text_with_score():
    from licensedcode.models import licenses_data_dir

    text = Path(licenses_data_dir, "mit.LICENSE").read_text(encoding="utf-8").split("---", 2)[2]
    found = licenses.detect_text(text)
    assert (found.expression, found.detector, found.score) == ("MIT", "license_text", 1.0)


def test_below_threshold_is_noassertion():
    text = "## ライセンス\n\nMIT\n"  # a bare name under a License heading scores 0.9
    assert licenses.detect_text(text, threshold=0.8).expression == "MIT"
    assert licenses.detect_text(text, threshold=0.95).expression == "NOASSERTION"


def test_a_bare_license_name_in_talk_is_not_evidence_even_at_a_low_threshold():
    text = "We decided not to ship GPL-2.0 code in the product."
    assert not licenses.detect_text(text, threshold=0.4).found


def test_a_license_named_in_talk_is_not_evidence_in_a_file_or_a_document():
    text = "Minutes: the team discussed the CC BY-SA 4.0 question with legal and will report back."
    assert not licenses.detect_text(text).found
    assert not licenses.detect_text(text, document=True).found


def test_odc_by_text_is_not_reported_as_ppl():
    from licensedcode.models import rules_data_dir

    text = Path(rules_data_dir, "ppl_1.RULE").read_text(encoding="utf-8").split("---", 2)[2]
    assert licenses.detect_text(text).expression == "ODC-By-1.0"


def test_a_document_without_license_vocabulary_never_loads_the_detector_index():
    from curation.licenses import detect

    before = detect.scancode_index.cache_info()
    found = detect.detect_text("Minutes of the weekly sync: the export job is fixed; next steps agreed.",
                               document=True)
    after = detect.scancode_index.cache_info()
    assert found.expression == "NOASSERTION" and (after.hits, after.misses) == (before.hits, before.misses)


def test_a_japanese_document_that_mentions_commercial_use_is_read_without_the_detector_index():
    from curation.licenses import detect

    before = detect.scancode_index.cache_info()
    found = detect.detect_text("来期の商用サービスの営業計画について議論した。", document=True)
    after = detect.scancode_index.cache_info()
    assert found.expression == "NOASSERTION" and (after.hits, after.misses) == (before.hits, before.misses)
