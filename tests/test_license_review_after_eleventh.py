"""Issue 22: what the review of the eleventh and twelfth rounds found, on text written for this
test: a lead that says a license applies to all files is no how-to, public domain said of the work
stays a dedication when the sentence also speaks of what was removed or included, and a glossary's
"Terms and definitions" heading opens no License section."""

import pytest

from curation import licenses


def answer(text, **kw):
    return licenses.detect_text(text, **kw).expression


@pytest.mark.parametrize("text,expected", [
    ("# Tool\n\n## License\n\nThe following license applies to all files in this repository:\n\n"
     "This project is licensed under the Apache License 2.0.\n", "Apache-2.0"),
    ("## Licence\n\nThe terms below apply to all source files:\n\nReleased under the MIT License.\n", "MIT"),
    ("## ライセンス\n\nリポジトリ内の各ファイルには以下のライセンスが適用されます：\n\nMIT License で公開しています。\n", "MIT"),
])
def test_a_lead_that_applies_a_license_to_every_file_is_no_how_to(text, expected):
    assert answer(text) == expected


def test_a_how_to_with_a_verb_of_copying_is_still_an_example():
    text = ("# Widget\n\n## License\n\nWidget is released under the Apache License 2.0.\n\n"
            "To contribute, paste this header at the top of each new file:\n\nLicensed under the MIT License.\n")
    assert answer(text) == "Apache-2.0"


@pytest.mark.parametrize("text", [
    "This dataset, with all personal names removed, is in the public domain.",
    "This corpus is public domain; duplicates were dropped before release.",
    "本データセット（注釈を含め）はパブリックドメインです。",
])
def test_the_work_in_the_public_domain_stays_a_dedication_beside_words_of_removing(text):
    assert answer(text) == "LicenseRef-scancode-public-domain"


@pytest.mark.parametrize("text", [
    "Photographs that are in the public domain were excluded from the release.",
    "収録した古典作品はパブリックドメインです。",
])
def test_public_domain_said_of_items_is_still_no_dedication(text):
    assert answer(text) == "NOASSERTION"


@pytest.mark.parametrize("heading", ["Terms and definitions", "Key terms", "Terms used in this card"])
def test_a_glossary_heading_opens_no_license_section(heading):
    text = (f"# Corpus\n\n## {heading}\n\n- MIT: a permissive license\n- GPL: GNU General Public License\n"
            "- CC BY: Creative Commons Attribution\n")
    assert answer(text, document=True) == "NOASSERTION"


@pytest.mark.parametrize("heading", ["Terms", "Terms of use", "Terms and conditions", "Terms of Use (利用規約)"])
def test_a_terms_heading_still_opens_a_license_section(heading):
    assert answer(f"# Corpus\n\n## {heading}\n\nCC BY 4.0\n", document=True) == "CC-BY-4.0"


def test_a_metadata_field_that_says_noassertion_is_no_partly_read_file(policy):
    from curation.licenses.evidence import Evidence, decide_pieces, partly_read, piece

    field = piece("metadata", "NOASSERTION", "metadata field 'license'")
    assert not partly_read(field)
    assert partly_read(Evidence("license_file", "NOASSERTION", "LICENSE (no license found in the part read)", 0.0))
    decision = decide_pieces([field, Evidence("license_file", "MIT", "LICENSE")], licenses.rules_for(policy))
    assert decision.reason != "license_partly_read"
