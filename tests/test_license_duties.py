"""A dataset version's license, its duties and ATTRIBUTION.md."""

import pytest

from curation import licenses


@pytest.fixture(scope="session")
def rules(policy):
    return licenses.rules_for(policy)


ROWS = [{"source": "tickets", "license": "Apache-2.0"}] * 3 + [
    {"source": "faq", "license": "CC0-1.0"}, {"source": "forum", "license": "CC-BY-SA-4.0"},
    {"source": "notes", "license": "CC-BY-4.0"}, {"source": "notes", "license": "MIT"}]
SOURCES = [{"name": "tickets", "owner": "Support"}, {"name": "faq", "owner": "Docs"},
           {"name": "forum", "owner": "Community"}, {"name": "notes", "owner": None}]


def test_dataset_license_is_the_conjunction_of_distinct_expressions():
    assert licenses.dataset_license(["MIT", "CC-BY-4.0", "MIT", "Apache-2.0 OR MIT"]) == \
        "MIT AND CC-BY-4.0 AND (Apache-2.0 OR MIT)"
    assert licenses.dataset_license([]) == "NOASSERTION"
    assert licenses.card_header_license(["MIT", "MIT"]) == {"license": "mit"}
    assert licenses.card_header_license(["MIT", "CC-BY-4.0"])["license_name"] == "MIT AND CC-BY-4.0"


@pytest.mark.parametrize("expression, duties", [
    ("MIT", ["attribution"]), ("CC0-1.0", []), ("CC-BY-SA-4.0", ["attribution", "share-alike"]),
    ("LGPL-2.1-only", ["attribution", "share-alike"]),
    ("CC-BY-NC-ND-4.0", ["attribution", "non-commercial use only", "adaptations may not be shared"]),
    ("LicenseRef-scancode-bigscience-rail-1.0", ["attribution", "use restrictions pass on to derived models"]),
])
def test_duties_follow_the_license_classes(rules, expression, duties):
    assert licenses.source_duties(expression, rules) == duties


def test_attribution_lists_every_source_that_must_be_credited_and_only_those(rules):
    text = licenses.attribution_markdown(ROWS, SOURCES, rules)
    assert [line[3:] for line in text.splitlines() if line.startswith("## ")] == ["forum", "notes", "tickets"]
    assert "- Rights holder: Support" in text and "Apache-2.0 (3 document(s))" in text
    assert "anonymization" in text  # CC BY asks to indicate changes


def test_card_section_states_license_duties_and_class_table(rules):
    section = licenses.card_section(ROWS, SOURCES, rules)
    assert "`CC0-1.0 AND CC-BY-SA-4.0 AND CC-BY-4.0 AND MIT AND Apache-2.0`" in section
    assert "Share-alike: material from forum" in section
    assert rules.classes_sha256 in section and "Intended use: commercial" in section
    assert "| forum | CC-BY-SA-4.0 | share_alike | 1 | attribution, share-alike |" in section


def test_card_shows_the_evidence_each_license_was_decided_on(rules):
    rows = [{"source": "wiki", "license": "CC-BY-SA-4.0",
             "license_evidence": "license_file: wiki/README.md (line 9 grant: cc-en)"}] * 2
    section = licenses.card_section(rows, [{"name": "wiki", "owner": "Wiki"}], rules)
    assert "### License evidence" in section
    assert "- wiki, `CC-BY-SA-4.0` (2 document(s)): license_file: wiki/README.md (line 9 grant: cc-en)" in section


def test_card_without_recorded_evidence_has_no_evidence_list(rules):
    assert "### License evidence" not in licenses.card_section(ROWS, SOURCES, rules)
