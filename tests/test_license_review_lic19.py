"""Issue 22, the review of lic19's changes: each finding as a mechanism, tested on variants written for
this test (English and Japanese). A record of deliberation is talk only where it is the whole file and
applies no license itself; a license's own name never reads as the work's grant."""

import pytest

from curation import licenses
from curation.licenses.deliberation import record_kind
from curation.licenses.text import clean


def detect(text):
    return licenses.detect_text(text)


# ---- 1: a file is talk only where the record is all of it and grants nothing ----------------------
@pytest.mark.parametrize("text, expected", [
    # a README that opens by quoting a mail
    ("> From: Mia <mia@example.org>\n> To: team@example.org\n> Subject: licence?\n> GPL-2.0 or BSD?\n\n"
     "# quickhash\n\nA hashing tool.\n\n## Licence\n\nquickhash is licensed under the BSD 3-Clause License.\n",
     "BSD-3-Clause"),
    # minutes at the top of a README, the work's own section below them
    ("# Meeting notes\n\nAttendees: Ken, Lea\nAgenda: licensing\n\nWe chose Apache-2.0 over GPL-3.0.\n\n"
     "# quickhash\n\nquickhash is released under the Apache License 2.0.\n", "Apache-2.0"),
    ("# 議事録：公開準備\n\n出席者：開発部\n議題：公開ライセンス\n\nGPL v3 は採用しない。\n\n"
     "# quickhash\n\n本ソフトウェアは MIT ライセンスで提供します。\n", "MIT"),
    # a mail that grants
    ("From: Ann Lee <ann@example.org>\nTo: archive@example.org\nSubject: photos\n\nHello,\n\n"
     "We hereby license the enclosed photographs under CC BY-SA 4.0.\n\nAnn\n", "CC-BY-SA-4.0"),
    ("From: Carl Diaz <carl@example.org>\nTo: dev@example.org\nSubject: Re: relicensing\n\n"
     "I, Carl Diaz, agree to relicense all of my contributions to quickhash under the Apache License 2.0.\n",
     "Apache-2.0"),
    ("差出人：山田 花子\n宛先：データ班\n件名：録音データの公開\n\n皆さま\n\n"
     "ここに、添付の録音データを CC BY 4.0 で利用許諾します。\n\n山田\n", "CC-BY-4.0"),
    # a patch template is no mail
    ("# Submitting changes\n\nSubject: [PATCH v2] one-line summary\nFrom: Your Name <you@example.org>\n\n"
     "quickhash is licensed under the MIT License; your patch is licensed under the same terms.\n", "MIT"),
    # dataset cards of minutes
    ("# Board Minutes - a corpus of board meeting transcripts\n\nAuthor: Data Office\nDate: 2023-09-09\n\n"
     "Licence: CC BY-SA 4.0\n", "CC-BY-SA-4.0"),
    ("# 区議会議事録：テキストコーパス\n\n作成者：区役所\n作成日：2023年9月9日\n\n本コーパスは CC BY-SA 4.0 で提供します。\n",
     "CC-BY-SA-4.0"),
])
def test_a_file_that_holds_a_record_but_applies_a_license_keeps_its_grant(text, expected):
    assert record_kind(clean(text)) is None
    assert detect(text).expression == expected


@pytest.mark.parametrize("text", [
    # talk stays talk: a mail asking, with a quoted grant from someone else
    "From: Ann <ann@example.org>\nTo: legal@example.org\nSubject: photos\n\nShould we release the photos under "
    "CC BY-SA 4.0 or CC BY 4.0?\n\n> I hereby license my photos under CC0.\n",
    "差出人：山田 花子\n宛先：データ班\n件名：録音データの公開\n\n皆さま\n\n"
    "添付の録音データは CC BY 4.0 と CC BY-SA 4.0 のどちらで公開すべきでしょうか。\n",
    # a memo weighing licenses under its own sections
    "# 稟議書：ライブラリ採用の件\n\n申請者：田中\n承認者：部長\n\n## 申請内容\n\nMIT ライセンスの部品を採用したい。"
    "GPL v3 の部品は採用しない。\n",
])
def test_records_that_only_discuss_licenses_stay_talk(text):
    assert record_kind(clean(text)) is not None
    assert detect(text).expression == "NOASSERTION"


# ---- 2: "the Free Software Foundation" in a license's name is not the work ----------------------
@pytest.mark.parametrize("text, expected", [
    ("# quickhash\nquickhash is Apache-2.0 licensed. It links against libfoo, which is distributed under the GNU "
     "Lesser General Public License as published by the Free Software Foundation, version 2.1.\n", "Apache-2.0"),
    ("# tool\ntool is MIT licensed. It links against readline, which is distributed under the GNU General Public "
     "License as published by the Free Software Foundation, either version 3 of the License, or (at your "
     "option) any later version.\n", "MIT"),
])
def test_a_dependency_under_a_gnu_license_named_with_its_foundation_is_no_second_grant(text, expected):
    assert detect(text).expression == expected


def test_an_imperative_grant_to_the_reader_keeps_its_choice_when_a_gnu_name_follows():
    text = ("Copy and distribute it under the terms of the Mozilla Public License 2.0 or, alternatively, the GNU "
            "General Public License as published by the Free Software Foundation, version 2.")
    assert detect(text).expression == "MPL-2.0 OR GPL-2.0-only"


# ---- 3: a right hyphenated across a line end is still granted -------------------------------------
_MIT = """Copyright (c) 2023 Ria Okafor

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction,
including without limitation the rights to use, copy, modify, merge, {rights} copies of the
Software, and to permit persons to whom the Software is furnished to do so, subject to the
following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES
OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


@pytest.mark.parametrize("rights", [
    "pub-\nlish, distribute, sublicense, and/or sell",
    "publish, distri\u2010\nbute, sublicense, and/or sell",
    "publish, distribute, sub-\nlicense, and/or sell",
])
def test_an_unmodified_text_with_a_right_split_across_a_line_end_is_the_license(rights):
    assert detect(_MIT.format(rights=rights)).expression == "MIT"


def test_a_right_taken_out_of_the_list_is_still_custom_terms():
    assert detect(_MIT.format(rights="publish, sublicense, and/or sell")).expression.startswith("LicenseRef-Custom")


# ---- 4: Canada's Open Government Licence is not the UK's ------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("released under the Government of Canada's Open Government Licence, version 2.0", ["OGL-Canada-2.0"]),
    ("licensed under the Canadian Open Government Licence 2.0", ["OGL-Canada-2.0"]),
    ("licensed under the Open Government Licence v2.0 - Canada", ["OGL-Canada-2.0"]),
    ("under the Open Government Licence version 2.0 of the Government of Canada", ["OGL-Canada-2.0"]),
    # a province's licence: ScanCode's id; one ScanCode lacks, a person reads
    ("under Ontario's Open Government Licence, version 1.0", ["LicenseRef-scancode-can-ogl-ontario-1.0"]),
    ("under the Open Government Licence 2.0 for Nova Scotia", ["NOASSERTION"]),
    ("contains public sector information licensed under the Open Government Licence v2.0", ["OGL-UK-2.0"]),
])
def test_an_open_government_licence_named_beside_canada_or_a_province_is_not_the_uk_one(sentence, expected):
    from curation.licenses.names import mentions
    assert [m.expression for m in mentions(sentence)] == expected


def test_a_dataset_under_canadas_licence_is_not_read_as_the_uk_one():
    text = "# Transit stops\n\nThe stop list is published under the Open Government Licence – Canada 2.0.\n"
    assert detect(text).expression == "OGL-Canada-2.0"
    assert "OGL-UK" not in detect("# Stops\n\nPublished under Alberta's Open Government Licence, version 2.0.\n").expression


# ---- 5: rel is a list of tokens ---------------------------------------------------------------------
@pytest.mark.parametrize("rel", ['"external license"', "'license noopener'", '"license"'])
def test_a_head_link_whose_rel_lists_license_among_other_tokens_is_the_pages_license(rel):
    page = (f'<html><head><title>Maps</title><link rel={rel} href="https://creativecommons.org/licenses/by-nd/4.0/">'
            "</head><body><h1>Maps</h1><p>Scans of old maps.</p><p>&copy; 2025 the map society</p></body></html>")
    assert detect(page).expression == "CC-BY-ND-4.0"


def test_a_head_link_whose_rel_only_resembles_license_is_no_evidence():
    page = ('<html><head><title>Maps</title><link rel="license-info" href="https://creativecommons.org/licenses/'
            'by-nd/4.0/"></head><body><h1>Maps</h1><p>Scans of old maps.</p></body></html>')
    assert detect(page).expression == "NOASSERTION"


@pytest.mark.parametrize("key", ["LicenseRef-scancode-embedthis-evaluation", "LicenseRef-scancode-phaser-academic",
                                 "LicenseRef-scancode-joplin-server-personal-v1"])
def test_an_own_terms_id_for_evaluation_academic_or_personal_use_keeps_the_use_limit(key):
    from curation.licenses.scancode_terms import custom_terms_id
    assert custom_terms_id(key).endswith("-NonCommercial")
