"""The default license classes cover the licenses detection reads by name: a license detection names
but no class lists is denied as unknown, which for a credit-only open-data licence is a wrong refusal."""

from pathlib import Path

import pytest

from curation.cli.support import load_policy
from curation.licenses import rules_for
from curation.licenses.classes import judge, needs_attribution

POLICY = Path(__file__).resolve().parents[1] / "policies" / "default.yaml"


@pytest.fixture(scope="module")
def rules():
    return rules_for(load_policy(POLICY))


@pytest.mark.parametrize("key", ["etalab-2.0", "OGL-UK-3.0", "OGL-UK-2.0", "DL-DE-BY-2.0", "NLOD-2.0",
                                 "CC-BY-3.0-DE", "CC-BY-3.0-AT", "ICU", "AFL-3.0"])
def test_credit_only_licences_are_permissive_and_owe_credit(rules, key):
    j = judge(key, rules)
    assert (j.action, j.license_class) == ("allow", "permissive")
    assert needs_attribution(key, rules.classes)


def test_a_zero_licence_owes_no_credit(rules):
    assert judge("DL-DE-ZERO-2.0", rules).action == "allow"
    assert not needs_attribution("DL-DE-ZERO-2.0", rules.classes)


@pytest.mark.parametrize("key,cls", [("CC-BY-SA-3.0-DE", "share_alike"), ("CC-BY-NC-3.0-DE", "non_commercial"),
                                     ("CC-BY-ND-3.0-DE", "no_derivatives")])
def test_a_national_port_keeps_its_duties(rules, key, cls):
    # "CC-BY-3.0-*" must not reach the SA/NC/ND ports: their classes come from their own patterns
    assert judge(key, rules).license_class == cls


def test_a_font_licence_is_reviewed_as_weak_copyleft(rules):
    assert judge("OFL-1.1", rules).license_class == "weak_copyleft"


@pytest.mark.parametrize("key,cls", [("CECILL-2.1", "share_alike"), ("CECILL-C", "weak_copyleft"),
                                     ("CECILL-B", "permissive")])
def test_the_cecill_family_is_classed_by_its_copyleft(rules, key, cls):
    # detection reads CeCILL by name since the seventeenth round; unclassed it was denied as unknown
    assert judge(key, rules).license_class == cls
