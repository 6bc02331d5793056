"""Issue 22: the mechanisms the eighth round left open, each tested on text written for this test
(other names, wordings and wrappings than the held-out files and the tuning5 probes): a code block
that is an example or the work's own citation, a DataCite or Zenodo record's license fields, the
EPL-2.0's Secondary License, public domain in the author's own words, model licenses by their
common names, and the trailer markers shared by copies.py and detect.py."""

import pytest

from curation import licenses
from curation.licenses.classes import classes_of
from curation.licenses.copies import TRAILERS, find_markers
from curation.licenses.names import hf_license, mentions
from curation.licenses.records import record_licenses
from curation.licenses.scancode_matches import scancode_index
from curation.licenses.text_changes import _marker_start, _trailer_start


def detect(text):
    return licenses.detect_text(text)


def notes(found):
    return "\n".join(found.explain())


# ---- code blocks: an example, or the work's own citation ----------------------------------------
def test_a_manifest_example_in_a_fenced_block_is_not_the_work_s_license():
    text = ("# Publishing notes\n\nTo publish a crate, set its license in Cargo.toml, for instance:\n\n"
            "```toml\n[package]\nlicense = \"GPL-2.0-only\"\n```\n\n## License\n\n"
            "These notes are released under the MIT License.\n")
    found = detect(text)
    assert found.expression == "MIT"
    assert "an example in a code block" in notes(found)


def test_an_indented_example_is_not_the_work_s_license():
    text = ("# cfgcheck\n\nA checker for package metadata. A package.json that declares a license reads:\n\n"
            "    {\n      \"name\": \"demo\",\n      \"license\": \"AGPL-3.0-only\"\n    }\n\n"
            "## License\n\ncfgcheck is licensed under the Apache License, Version 2.0.\n")
    assert detect(text).expression == "Apache-2.0"


def test_a_japanese_how_to_s_example_block_is_not_the_page_s_license():
    text = ("# ライセンスの書き方\n\n`package.json` には次のように書きます。\n\n```json\n{\"license\": \"BSD-3-Clause\"}\n```\n\n"
            "## このページについて\n\n本ページは CC BY-SA 4.0 で公開しています。\n")
    assert detect(text).expression == "CC-BY-SA-4.0"


def test_the_work_s_own_citation_carries_its_license():
    text = ("# Alpine Lichen Survey\n\nPhotographs and species counts from 40 plots.\n\n## How to cite\n\n"
            "```bibtex\n@dataset{lichen2021,\n  title  = {Alpine Lichen Survey 2015-2020},\n"
            "  author = {Berg, Anna},\n  year   = {2021},\n  note   = {License: CC BY-NC-SA 4.0}\n}\n```\n")
    assert detect(text).expression == "CC-BY-NC-SA-4.0"


def test_the_citation_s_non_commercial_note_against_the_prose_is_a_conflict_and_keeps_nc():
    text = ("# 港湾騒音データ\n\n## ライセンス\n\n本データは CC BY 4.0 で公開しています。\n\n## 引用\n\n"
            "```\n@misc{kouwan2023,\n  title = {港湾騒音データ},\n  year  = {2023},\n"
            "  note  = {License: CC BY-NC 4.0}\n}\n```\n")
    found = detect(text)
    assert found.expression == "CC-BY-NC-4.0" and found.conflict


def test_another_work_s_citation_speaks_of_that_work():
    text = ("# sentiment-labels\n\nLabels we added to an existing review corpus. Our labels are released "
            "under CC0 1.0.\n\nPlease also cite the review corpus:\n\n```bibtex\n@article{reviews2018,\n"
            "  title = {A Large Corpus of Product Reviews},\n  license = {CC BY-NC 4.0}\n}\n```\n")
    found = detect(text)
    assert found.expression == "CC0-1.0"
    assert "another work" in notes(found)


def test_a_notice_quoted_as_a_block_in_the_license_section_is_the_notice():
    text = ("# kiln\n\nA small task runner.\n\n## License\n\n```\nCopyright 2022 Kiln Authors\n\n"
            "Licensed under the Apache License, Version 2.0 (the \"License\");\nyou may not use this file except "
            "in compliance with the License.\n```\n")
    assert detect(text).expression == "Apache-2.0"


# ---- DataCite and Zenodo records -----------------------------------------------------------------
DATACITE_JSON = """{
  "data": {"attributes": {
    "titles": [{"title": "Glacier outlines"}],
    "rightsList": [
      {"rights": "Open Access", "rightsUri": "info:eu-repo/semantics/openAccess"},
      {"rights": "ODC Open Database License", "rightsIdentifier": "odbl-1.0", "rightsIdentifierScheme": "SPDX"}
    ]}}
}"""


def test_a_datacite_record_s_rights_identifier_is_the_license():
    found = detect(DATACITE_JSON)
    assert found.expression == "ODbL-1.0"
    assert [r.expression for r in record_licenses(DATACITE_JSON)] == ["ODbL-1.0"]


def test_a_datacite_xml_record_is_read_by_its_rights_uri():
    xml = ("<resource>\n  <titles><title>Bird counts</title></titles>\n  <rightsList>\n"
           "    <rights rightsURI=\"https://creativecommons.org/licenses/by-sa/4.0/\">CC BY-SA 4.0</rights>\n"
           "  </rightsList>\n</resource>\n")
    found = detect(xml)
    assert found.expression == "CC-BY-SA-4.0"
    assert found.statements[0].first_line == 4


def test_a_record_that_only_says_open_access_has_no_license():
    text = '{"data": {"attributes": {"rightsList": [{"rights": "Open Access", ' \
           '"rightsUri": "info:eu-repo/semantics/openAccess"}]}}}'
    assert record_licenses(text) == [] and detect(text).expression == "NOASSERTION"


def test_a_zenodo_record_s_license_id():
    text = '{"doi": "10.5281/zenodo.1", "metadata": {"title": "Sensor logs", "license": {"id": "cc-by-4.0"}}}'
    assert detect(text).expression == "CC-BY-4.0"


# ---- EPL-2.0 and its Secondary License -----------------------------------------------------------
def test_an_epl2_notice_naming_a_secondary_license_is_a_choice():
    text = ("// Copyright (c) 2023 Rivet Authors\n// This program and the accompanying materials are made available "
            "under the\n// terms of the Eclipse Public License 2.0.\n// This Source Code may also be made available "
            "under the following Secondary\n// Licenses when the conditions for such availability set forth in the "
            "Eclipse\n// Public License, v. 2.0 are satisfied: GNU General Public License, version 2 or later.\n")
    assert detect(text).expression == "EPL-2.0 OR GPL-2.0-or-later"


def test_a_japanese_epl2_notice_with_a_secondary_license():
    text = "# 杼\n\n## ライセンス\n\n本ソフトウェアは EPL 2.0 で提供します。セカンダリライセンスは GPL バージョン3 以降です。\n"
    assert detect(text).expression == "EPL-2.0 OR GPL-3.0-or-later"


def test_a_secondary_license_named_where_the_work_is_not_under_the_epl_says_nothing():
    text = ("# loom-docs\n\n## License\n\nThese docs are released under CC BY 4.0. The code in the loom repository "
            "names the GPL, version 2, as its Secondary License.\n")
    assert detect(text).expression == "CC-BY-4.0"


# ---- public domain in the author's own words ---------------------------------------------------------
@pytest.mark.parametrize("text", [
    "# tide-tables\n\nWe dedicate these tables to the public domain.\n",
    "# 和文字形スケッチ\n\n## ライセンス\n\nこの字形データはパブリックドメインです。\n",
])
def test_the_work_put_in_the_public_domain(text):
    assert detect(text).expression == "LicenseRef-scancode-public-domain"


@pytest.mark.parametrize("text", [
    "# sketches\n\n## License\n\nTreat it as public domain, more or less.\n",
    "# 壁紙集\n\n## ライセンス\n\n実質的にパブリックドメインのようなものです。\n",
])
def test_a_hedged_public_domain_is_no_evidence(text):
    found = detect(text)
    assert found.expression == "NOASSERTION"
    assert "with a hedge" in notes(found)


def test_a_named_dedication_is_the_answer_over_the_loose_words():
    text = ("# glyphs\n\nWe place these glyphs in the public domain. Where that is not possible, you may use "
            "them under CC0 1.0 Universal.\n")
    assert detect(text).expression == "CC0-1.0"


def test_public_domain_said_of_a_source_is_not_the_work_s():
    text = ("# sky-captions\n\nThe photographs come from public domain archives.\n"
            "Our captions are licensed under CC BY-SA 4.0.\n")
    assert detect(text).expression == "CC-BY-SA-4.0"


def test_a_statement_that_the_work_is_not_public_domain_is_not_one():
    assert detect("# maps\n\n## License\n\nThese maps are not in the public domain.\n").expression == "NOASSERTION"


# ---- model licenses by their common names ------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("This model is released under the Gemma Terms of Use.\n", "LicenseRef-Custom-Gemma-Terms-of-Use"),
    ("The weights are distributed under the Meta Llama 3 Community License.\n",
     "LicenseRef-Custom-Llama-3-Community-License"),
    ("本モデルは BigScience OpenRAIL-M ライセンスで公開しています。\n", "LicenseRef-Custom-scancode-bigscience-open-rail-m"),
])
def test_a_model_license_named_in_prose_is_custom_terms(text, expected):
    assert detect(text).expression == expected


def test_a_card_header_s_model_license_is_custom_terms_and_keeps_its_use_restrictions(policy):
    assert hf_license("llama3.1") == "LicenseRef-Custom-scancode-llama-3.1-license-2024"
    assert hf_license("creativeml-openrail-m") == "LicenseRef-Custom-CreativeML-OpenRAIL-M"
    rules = licenses.rules_for(policy)
    for key in ("LicenseRef-Custom-scancode-llama-3.1-license-2024", "LicenseRef-Custom-CreativeML-OpenRAIL-M"):
        assert "use_restricted" in classes_of(key, rules.classes)
        assert licenses.judge(key, rules).action == "review"


# ---- the trailer markers, one list for a text's words and ScanCode's tokens ---------------------------
def test_a_trailer_marker_is_found_with_or_without_its_a():
    words = "you may add terms exhibit a source code form license notice this source code form".split()
    tokens = [w for w in words if w != "a"]  # ScanCode's rule tokens leave out "a"
    assert find_markers(" ".join(words), TRAILERS) == [len("you may add terms ")]
    assert find_markers(" ".join(tokens), TRAILERS) == [len("you may add terms ")]


@pytest.mark.parametrize("identifier", ["cc-by-4.0.LICENSE", "mpl-2.0.LICENSE", "gpl-3.0.LICENSE"])
def test_each_license_s_trailer_is_found_in_its_rule(identifier):
    rule = next(r for r in scancode_index().rules_by_rid if r.identifier == identifier)
    assert 0.5 * rule.length < _trailer_start(rule) < rule.length
    assert _marker_start(identifier, TRAILERS, at_end=True) == _trailer_start(rule)


# ---- a talk noun that names the work itself ------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("# Field notes\n\n## License\n\nThis field guide is released under CC BY-SA 4.0.\n", "CC-BY-SA-4.0"),
    ("Our overview is licensed under the MIT License.\n", "MIT"),
    ("This guide compares the MIT License with the Apache License 2.0.\n", "NOASSERTION"),
])
def test_a_guide_or_overview_that_is_the_work_is_licensed_not_talk(text, expected):
    assert detect(text).expression == expected
