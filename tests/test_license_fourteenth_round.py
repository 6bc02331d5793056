"""Issue 22, the misses of heldout11 as general mechanisms, each tested on text written for this test
(other wordings, English and Japanese, other licenses of the same family): an SPDX document's
DataLicense is its metadata's, an SPDX tag in a how-to's code block is an example, a condition on a
hypothetical work grants nothing, ..."""

import pytest

from curation import licenses


def detect(text):
    return licenses.detect_text(text)


# ---- 1: false claims --------------------------------------------------------------------------------
_SBOM_TAG_VALUE = """SPDXVersion: SPDX-2.2
DataLicense: CC0-1.0
SPDXID: SPDXRef-DOCUMENT
DocumentName: kumo-cli-0.9

PackageName: kumo-cli
SPDXID: SPDXRef-Package-kumo
PackageLicenseDeclared: {declared}
PackageLicenseConcluded: NOASSERTION

PackageName: left-pad
SPDXID: SPDXRef-Package-lp
PackageLicenseDeclared: WTFPL
PackageLicenseConcluded: WTFPL

Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-Package-kumo
Relationship: SPDXRef-Package-kumo DEPENDS_ON SPDXRef-Package-lp
"""

_SBOM_JSON = """{
  "spdxVersion": "SPDX-2.3",
  "dataLicense": "CC0-1.0",
  "SPDXID": "SPDXRef-DOCUMENT",
  "name": "tsuki-web",
  "documentDescribes": ["SPDXRef-Package-tsuki"],
  "packages": [
    {"SPDXID": "SPDXRef-Package-tsuki", "name": "tsuki-web", "licenseDeclared": "%s"},
    {"SPDXID": "SPDXRef-Package-dep", "name": "dep", "licenseDeclared": "GPL-2.0-or-later"}
  ]
}
"""


@pytest.mark.parametrize("text, expected", [
    (_SBOM_TAG_VALUE.format(declared="NOASSERTION"), "NOASSERTION"),
    (_SBOM_TAG_VALUE.format(declared="Apache-2.0"), "Apache-2.0"),
    (_SBOM_JSON % "NOASSERTION", "NOASSERTION"),
    (_SBOM_JSON % "MPL-2.0", "MPL-2.0"),
])
def test_an_spdx_document_is_licensed_by_its_described_package_not_its_data_license(text, expected):
    found = detect(text)
    assert found.expression == expected
    assert "CC0-1.0" not in found.expression and "WTFPL" not in found.expression


@pytest.mark.parametrize("text", [
    "# Labelling your files\n\nEvery file starts with one line. For a C file it looks like:\n\n```c\n"
    "/* SPDX-License-Identifier: GPL-2.0-or-later */\n```\n\nUse the identifier of the license you chose.\n",
    "# REUSE の使い方\n\n各ファイルの先頭に次のような行を書きます（例）。\n\n"
    "    # SPDX-License-Identifier: Apache-2.0\n\nライセンスはプロジェクトごとに選んでください。\n",
])
def test_an_spdx_tag_in_a_how_tos_code_block_is_an_example(text):
    assert detect(text).expression == "NOASSERTION"


def test_an_spdx_tag_quoted_in_the_license_section_is_the_works():
    text = "# kumo\n\nA tiny tool.\n\n## License\n\n    SPDX-License-Identifier: BSD-2-Clause\n"
    assert detect(text).expression == "BSD-2-Clause"


@pytest.mark.parametrize("text", [
    "# Mixing code\n\nNotes:\n\n1. Only if the combined program is distributed under GPL-3.0-or-later, because "
    "Apache-2.0 code cannot go into GPL-2.0 works.\n",
    "Shipping the plugin is fine only if the whole bundle is released under the MPL-2.0.\n",
])
def test_a_condition_on_a_hypothetical_work_grants_nothing(text):
    assert detect(text).expression == "NOASSERTION"


def test_a_plain_statement_is_still_a_grant():
    assert detect("# Kumo data\n\nThis dataset is released under CC BY 4.0.\n").expression == "CC-BY-4.0"


# ---- 2: license exceptions as SPDX `WITH` expressions, never custom terms -------------------------------
@pytest.mark.parametrize("text, expected", [
    ("# hoshi-rt\n\n## License\n\nhoshi-rt is distributed under the GNU General Public License, version 2 only.\n"
     "The Classpath exception applies: you may link hoshi-rt with independent modules under terms of your choice.\n",
     "GPL-2.0-only WITH Classpath-exception-2.0"),
    ("# mado\n\n## ライセンス\n\nmado は GNU General Public License バージョン3 以降で配布しています。\n"
     "ただし Autoconf 例外 (Autoconf exception 3.0) を追加しています。\n",
     "GPL-3.0-or-later WITH Autoconf-exception-3.0"),
    ("# kiri-parse\n\n## License\n\nThe generated parsers are licensed under the GNU GPL, version 3 or later.\n"
     "As Bison's skeleton does, we add the Bison exception, so parsers made with kiri-parse may be shipped under any terms.\n",
     "GPL-3.0-or-later WITH Bison-exception-2.2"),
])
def test_an_exception_added_in_a_sentence_of_its_own_is_a_with(text, expected):
    found = detect(text)
    assert found.expression == expected
    assert "LicenseRef-Custom" not in found.expression


def test_with_the_exception_of_a_folder_names_no_exception():
    text = ("# yukimi\n\n## License\n\nReleased under the GPL, version 3 or (at your option) any later version, "
            "with the exception of the files in data/, which are CC0.\n")
    assert "WITH" not in detect(text).expression


@pytest.mark.parametrize("name, base, expected", [
    ("the Autoconf Configure Script", "GPL-2.0-or-later", "Autoconf-exception-2.0"),
    ("GCC Runtime Library", "GPL-2.0-only", "GCC-exception-2.0"),
    ("OCaml LGPL linking", "LGPL-2.1-only", "OCaml-LGPL-linking-exception"),
    ("Classpath", "GPL-3.0-only", None),  # SPDX defines it for the GPL-2.0 only
])
def test_each_exception_attaches_only_to_the_licenses_spdx_defines_it_for(name, base, expected):
    from curation.licenses.names import exception_for
    assert exception_for(name, base) == expected


# ---- 3: other legal confusions ------------------------------------------------------------------------
_ZLIB_ACK_MANDATORY = """Copyright (c) 2022 Aoi Tanaka

This software is provided 'as-is', without any express or implied warranty. In no event will the authors be held liable for any damages arising from the use of this software.

Permission is granted to anyone to use this software for any purpose, including commercial applications, and to alter it and redistribute it freely, subject to the following restrictions:

1. The origin of this software must not be misrepresented; you must not claim that you wrote the original software. If you use this software in a product, an acknowledgment in the product documentation is mandatory.

2. Altered source versions must be plainly marked as such, and must not be misrepresented as being the original software.

3. This notice may not be removed or altered from any source distribution.
"""

_BSD2_PAID_CLAUSE = """Copyright (c) 2021 Hoshi Labs

Redistribution and use in source and binary forms, with or without modification, are permitted provided that the following conditions are met:

1. Redistributions of source code must retain the above copyright notice, this list of conditions and the following disclaimer.

2. Redistributions in binary form must reproduce the above copyright notice, this list of conditions and the following disclaimer in the documentation and/or other materials provided with the distribution.

3. Use in a hosted service with more than 1,000 users requires a paid license from Hoshi Labs.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
"""


@pytest.mark.parametrize("text, hint", [(_ZLIB_ACK_MANDATORY, "Zlib"), (_BSD2_PAID_CLAUSE, "BSD-2-Clause")])
def test_an_obligation_added_inside_a_reference_text_is_custom_terms(text, hint):
    found = detect(text)
    assert found.expression == f"LicenseRef-Custom-{hint}"
    assert found.hint == hint


def test_the_reference_zlib_text_stays_zlib():
    text = _ZLIB_ACK_MANDATORY.replace("is mandatory", "would be appreciated but is not required")
    assert detect(text).expression == "Zlib"


@pytest.mark.parametrize("text", [
    '[project]\nname = "kumo"\nlicense = "BSD"\n',
    "Pod::Spec.new do |s|\n  s.name = 'Kumo'\n  s.license = { :type => 'BSD', :file => 'LICENSE' }\nend\n",
])
def test_bsd_without_its_clause_count_is_unspecified(text):
    found = detect(text)
    assert found.expression == "LicenseRef-BSD-unspecified"


def test_the_english_edition_of_a_licence_spdx_lists_in_german_gets_its_spdx_id():
    from curation.licenses.scancode_matches import _language_edition
    assert _language_edition("dl-de-by-2-0-en") == "DL-DE-BY-2.0"
    assert _language_edition("dl-de-by-1-0-en") is None  # no edition of 1.0 is on the SPDX list
    assert _language_edition("cc-by-3.0-de") is None  # a license of its own


# ---- 4: misses ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("line, expected", [
    ("Copyright 2024 Mio Sato, with no Reserved Font Name.", "OFL-1.1"),
    ("Copyright 2024 Mio Sato. No Reserved Font Name is declared for this font.", "OFL-1.1"),
    ("Copyright 2024 佐藤澪。予約フォント名はありません。", "OFL-1.1"),
    ('Copyright 2024 Mio Sato, with Reserved Font Name "Nami".', "OFL-1.1-RFN"),
])
def test_a_reserved_font_name_is_declared_only_where_one_is_named(line, expected):
    text = f"{line}\n\nThis Font Software is licensed under the SIL Open Font License, Version 1.1.\n"
    assert detect(text).expression == expected


def test_a_listing_of_one_license_per_directory_is_a_conjunction():
    text = ("Licenses in this repository\n---------------------------\n\nEach folder is under its own license:\n\n"
            "    model/       Apache License 2.0\n"
            "                 (text: LICENSES/Apache-2.0.txt)\n"
            "    data/        CC BY-SA 4.0, as the Wikipedia articles it was built from\n")
    found = detect(text)
    assert found.expression == "Apache-2.0 AND CC-BY-SA-4.0"
    assert not found.conflict


@pytest.mark.parametrize("text, expected", [
    ("Pod::Spec.new do |spec|\n  spec.name    = 'Hoshi'\n  spec.license = { type: 'Apache-2.0', file: 'LICENSE.txt' }\nend\n",
     "Apache-2.0"),
    ('Gem::Specification.new do |s|\n  s.name     = "tsuki"\n  s.license  = "BSD-2-Clause"\nend\n', "BSD-2-Clause"),
])
def test_a_ruby_package_specs_license_field(text, expected):
    assert detect(text).expression == expected


@pytest.mark.parametrize("text, expected", [
    ("# Tally\n\nTally is available under the PolyForm Noncommercial License 1.0.0.\n", "PolyForm-Noncommercial-1.0.0"),
    ("# Tally\n\nTally は PolyForm Small Business License 1.0.0 で提供しています。\n", "PolyForm-Small-Business-1.0.0"),
    ("# Mosses of Kyushu: a field guide\n\nThis field guide's text and photos are shared under the Creative Commons "
     "Attribution-NonCommercial 3.0 Unported license.\n", "CC-BY-NC-3.0"),
    ("# Kyoto bus stops\n\n## Terms of use\n\nYou may copy, adapt and redistribute these files for any purpose, "
     "commercial or not, as long as you credit \"Kyoto Transit Notes\" as the source.\n", "LicenseRef-Custom-CC-BY-4.0"),
    ("# 港町の写真集\n\n## ご利用について\n\nクレジット（撮影者名）を表示していただければ、商用・非商用を問わず自由にお使いいただけます。\n",
     "LicenseRef-Custom-CC-BY-4.0"),
])
def test_own_words_notices(text, expected):
    assert detect(text).expression == expected


def test_a_guide_to_licenses_is_still_talk():
    text = "# A guide to open source licenses\n\nMost libraries are released under the MIT License.\n"
    assert detect(text).expression == "NOASSERTION"


def test_polyform_is_judged_by_its_own_class(policy):
    from curation.licenses.classes import classes_of
    rules = licenses.rules_for(policy)
    assert "non_commercial" in classes_of("PolyForm-Noncommercial-1.0.0", rules.classes)
    assert "source_available" in classes_of("PolyForm-Small-Business-1.0.0", rules.classes)
    assert licenses.judge("PolyForm-Small-Business-1.0.0", rules).action == "review"


def test_a_duty_made_mandatory_by_dropping_its_negation_is_custom_terms():
    text = _ZLIB_ACK_MANDATORY.replace("is mandatory", "would be appreciated but is not required").replace(
        "would be appreciated but is not required", "is required")
    assert detect(text).expression == "LicenseRef-Custom-Zlib"


_BISON_HEADER = """/* A Bison parser, made by GNU Bison {version}.  */

/* Bison interface for Yacc-like parsers in C

   Copyright (C) 1984, 1989-1990, 2000-2015, {years} Free Software Foundation,
   Inc.

   This program is free software: you can redistribute it and/or modify
   it under the terms of the GNU General Public License as published by
   the Free Software Foundation, either version 3 of the License, or
   (at your option) any later version.

   This program is distributed in the hope that it will be useful,
   but WITHOUT ANY WARRANTY; without even the implied warranty of
   MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
   GNU General Public License for more details.

   You should have received a copy of the GNU General Public License
   along with this program.  If not, see <https://www.gnu.org/licenses/>.  */

/* As a special exception, you may create a larger work that contains
   part or all of the Bison parser skeleton and distribute that work
   under terms of your choice, so long as that work isn't itself a
   parser generator using the skeleton or a modified version thereof
   as a parser skeleton.  Alternatively, if you modify or redistribute
   the parser skeleton itself, you may (at your option) remove this
   special exception, which will cause the skeleton and the resulting
   Bison output files to be licensed under the GNU General Public
   License without this special exception.

   This special exception was added by the Free Software Foundation in
   version 2.2 of Bison.  */

#define YYBISON 1
"""


def test_a_generated_header_with_another_tool_version_and_years_is_the_same_notice():
    text = _BISON_HEADER.format(version="3.7.6", years="2018-2020")
    assert detect(text).expression == "GPL-3.0-or-later WITH Bison-exception-2.2"
