"""Issue 22, lic23: a stated choice between two licenses is kept whatever words join it; the Open
Government Licences of Canada's provinces read alike by name and by statement, under ScanCode's ids,
and classed; licenses the SPDX list lacks read by the names ScanCode gives them, never from a common
word or a name alone in talk."""

from pathlib import Path

import pytest

from curation import licenses
from curation.cli.support import load_policy
from curation.licenses import catalogue_names, rules_for
from curation.licenses.classes import judge, needs_attribution
from curation.licenses.names import mentions
from curation.licenses.scancode_policy import answerable_ids
from curation.licenses.scancode_terms import scancode_category

POLICY = Path(__file__).resolve().parents[1] / "policies" / "default.yaml"


def detect(text):
    return licenses.detect_text(text)


@pytest.fixture(scope="module")
def rules():
    return rules_for(load_policy(POLICY))


# ---- 3: a stated choice is kept --------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("You may copy and change this tool under the MIT licence or, alternatively, the GNU GPL, version 2.",
     "MIT OR GPL-2.0-only"),
    ("The parser is released under the MIT License or, at your option, the Apache License 2.0.",
     "MIT OR Apache-2.0"),
    ("You can use these scripts under either the ISC license or the GNU General Public License version 3.",
     "ISC OR GPL-3.0-only"),
    ("This library is distributed under the zlib licence or, if you prefer, under the Mozilla Public License 2.0.",
     "Zlib OR MPL-2.0"),
    ("本ツールは MIT ライセンス、または GNU GPL バージョン 2 のいずれかを選択して利用できます。", "MIT OR GPL-2.0-only"),
    ("本ライブラリは ISC ライセンスまたは Apache License 2.0 のいずれかを選択して利用できます。", "ISC OR Apache-2.0"),
])
def test_a_choice_joined_after_a_names_last_word_is_kept(text, expected):
    assert detect(text).expression == expected


@pytest.mark.parametrize("text, expected", [
    ("This program is distributed under the GNU GPL, version 2, or any later version.", "GPL-2.0-or-later"),
    ("This program is distributed under the GNU GPL version 2, or, at your option, any later version.",
     "GPL-2.0-or-later"),
    ("本プログラムは GNU GPL バージョン 2、またはそれ以降のバージョンの下で配布されます。", "GPL-2.0-or-later"),
])
def test_or_any_later_version_is_no_second_license(text, expected):
    assert detect(text).expression == expected


def test_a_license_said_before_another_one_earlier_is_no_choice():
    assert " OR " not in detect("The tool is licensed under the Apache License 2.0; previously it was "
                                "under the MIT License.").expression


# ---- 2: Canada's provinces: one id by name and by statement, classed --------------------------------
@pytest.mark.parametrize("text, expected", [
    ("The stop times are published under the Open Government Licence – Ontario, version 1.0.",
     "LicenseRef-scancode-can-ogl-ontario-1.0"),
    ("The stop times are published under the Open Government Licence Ontario 1.0.",
     "LicenseRef-scancode-can-ogl-ontario-1.0"),
    ("Road counts are released under Alberta's Open Government Licence, version 2.1.",
     "LicenseRef-scancode-can-ogl-alberta-2.1"),
    ("Tree inventory from the City of Toronto, under the Open Government Licence – Toronto, version 1.0.",
     "LicenseRef-scancode-can-ogl-toronto-1.0"),
    ("Parcels are licensed under the Open Government Licence - British Columbia, version 2.0.",
     "LicenseRef-scancode-can-ogl-british-columbia-2.0"),
])
def test_a_provinces_open_government_licence_is_scancodes_id(text, expected):
    assert detect(text).expression == expected


@pytest.mark.parametrize("text", [
    "Wells are published under Manitoba's Open Government Licence, version 1.0.",  # a licence ScanCode lacks
    "Parcels are released under the Open Government Licence 2.0 for Nova Scotia.",  # a version it lacks
])
def test_a_provinces_licence_no_catalogue_holds_is_read_by_a_person(text):
    found = detect(text)
    assert found.expression == "NOASSERTION"
    assert not any(m.expression.startswith(("OGL-UK", "LicenseRef-OGL")) for m in mentions(text))


@pytest.mark.parametrize("text, expected", [
    ("Ontario's Open Government Licence v1.0", "LicenseRef-scancode-can-ogl-ontario-1.0"),
    ("the Open Government Licence v2.0 of the Government of Canada", "OGL-Canada-2.0"),
    ("the Open Government Licence v3.0", "OGL-UK-3.0"),
])
def test_the_catalogue_path_makes_the_canada_check_the_statement_path_makes(text, expected):
    assert [f.spdx_id for f in catalogue_names.find(text)] == [expected]
    assert [m.expression for m in mentions(text)] == [expected]


@pytest.mark.parametrize("key", ["OGL-Canada-2.0", "LicenseRef-scancode-can-ogl-ontario-1.0",
                                 "LicenseRef-scancode-can-ogl-alberta-2.1", "LicenseRef-scancode-can-ogl-toronto-1.0"])
def test_canadas_open_government_licences_are_permissive_and_owe_credit(rules, key):
    j = judge(key, rules)
    assert (j.action, j.license_class) == ("allow", "permissive")
    assert needs_attribution(key, rules.classes)


# ---- 1: licenses the SPDX list lacks, read by ScanCode's names ----------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("This font is released under the Wadalab Font License.", "LicenseRef-scancode-wadalab"),
    ("The lexer is distributed under the Tumbolia Public License.", "LicenseRef-scancode-tumbolia"),
    ("このフォントは Wadalab Font License の下で配布されています。", "LicenseRef-scancode-wadalab"),
    # a license with terms of its own (ScanCode: Proprietary Free) is custom terms a person reads
    ("The weights are released under the Stability AI Community License Agreement 2024.",
     "LicenseRef-Custom-scancode-stability-ai-community-2024"),
    # ScanCode files it as permissive, the name says research: the duty is kept
    ("This code is released under the Zveno Research License.",
     "LicenseRef-Custom-scancode-zveno-research-NonCommercial"),
])
def test_a_license_the_spdx_list_lacks_is_read_by_scancodes_name(text, expected):
    assert detect(text).expression == expected


@pytest.mark.parametrize("text", [
    # talk about a license, no grant
    "The Wadalab Font License is a permissive license used by some older Japanese fonts.",
    "Wadalab Font License のようなライセンスの違いについて説明します。",
    # ordinary words or an acronym with a version: no license's name
    "This tool is released under the Truly Free License.",
    "The sampler keeps the TPL 1.0 defaults of the old release.",
])
def test_a_scancode_name_in_talk_or_an_ordinary_phrase_grants_nothing(text):
    assert detect(text).expression == "NOASSERTION"


def test_an_spdx_name_wins_over_a_scancode_name_and_no_scancode_name_is_short():
    idx = catalogue_names.index()
    names = [n for group in idx.values() for n in group if n.spdx_id and "scancode-" in n.spdx_id]
    assert names, "ScanCode's names are read"
    assert all(len([w for w in n.norms if w not in ("license", "agreement", "eula")]) >= 2 for n in names)
    assert [f.spdx_id for f in catalogue_names.find("the Open Government Licence v3.0")] == ["OGL-UK-3.0"]


def test_every_scancode_id_read_by_name_is_classed_or_its_category_is_denied(rules):
    for key in answerable_ids():
        cls = judge(key, rules).license_class
        assert (cls == "unknown") == (scancode_category(key) == "Commercial"), key
