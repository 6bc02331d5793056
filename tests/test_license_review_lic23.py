"""A review of the licenses read by ScanCode's names: where ScanCode's category contradicts the
license's text, the policy's hand-written exception decides; a name that says the license excludes
commerce keeps that duty, and "research" in an organisation's name does not add it."""

from pathlib import Path

import pytest

from curation.cli.support import load_policy
from curation.licenses import rules_for
from curation.licenses.classes import judge
from curation.licenses.detect import detect_text
from curation.licenses.scancode_names import name_says_non_commercial

POLICY = Path(__file__).resolve().parents[1] / "policies" / "default.yaml"


@pytest.fixture(scope="module")
def rules():
    return rules_for(load_policy(POLICY))


@pytest.mark.parametrize("key", ["LicenseRef-scancode-free-art-1.3", "LAL-1.3",
                                 "LicenseRef-scancode-cecill-2.1-fr", "CECILL-2.1"])
def test_copyleft_licences_that_scancode_files_otherwise_are_share_alike(rules, key):
    # the Free Art License asks the subsequent work to be under the same license: never allowed
    # for commercial use as permissive (ScanCode files it "Permissive")
    j = judge(key, rules)
    assert (j.action, j.license_class) == ("review", "share_alike")


@pytest.mark.parametrize("key", ["LicenseRef-scancode-prosperity-3.0", "LicenseRef-scancode-open-aleph-1.0",
                                 "LicenseRef-scancode-onezoom-np-sal-v1"])
def test_source_available_licences_for_non_commercial_use_only_are_denied_for_commercial_use(rules, key):
    assert judge(key, rules).action == "deny"


@pytest.mark.parametrize("sentence, expected", [
    ("This project is licensed under the HP Non-Commercial License.",
     "LicenseRef-Custom-scancode-hp-NonCommercial"),
    ("This library is released under the Zveno Research License.",
     "LicenseRef-Custom-scancode-zveno-research-NonCommercial"),
    ("The code is published under the OCLC Research Public License 1.0.", "LicenseRef-scancode-oclc-1.0"),
])
def test_a_scancode_name_keeps_a_non_commercial_duty_it_states_and_adds_none(sentence, expected):
    assert str(detect_text(sentence).expression) == expected


@pytest.mark.parametrize("name, says", [
    ("Binary Research Use License", True), ("Personal Use and Educational License", True),
    ("ODB Non-Commercial Use and Evaluation License", True), ("Acme Noncommercial License", True),
    ("OCLC Research Public License 2.0", False), ("Research Triangle Software License", False),
])
def test_which_names_say_the_license_excludes_commerce(name, says):
    assert name_says_non_commercial(name) is says


@pytest.mark.parametrize("text", [
    "You need a Microsoft Windows Operating System License 2019 to run the installer. This tool is MIT licensed.",
    # an agreement the user is asked to sign is the user's duty to another party, not the work's terms
    "Sign the Microsoft Developer Services Agreement before calling the API. This SDK is released under the MIT License.",
])
def test_a_commercial_agreement_the_user_needs_is_not_the_works_license(text):
    assert str(detect_text(text).expression) == "MIT"
