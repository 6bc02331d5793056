"""Issue 22, heldout14's misses as general mechanisms, each tested on text written for this test (other
wordings, other licenses of the same kind, English and Japanese): texts about licenses for other works
(a dependency inventory, an acknowledgements list, a dialogue of advice, an exercise on labels) grant
none; a duty added inside a license's text makes it custom terms; a family's version written after its
name is read; a BSD pointer takes the clause count the text states; a carve-out kept under another
license by "we" is kept."""

from curation import licenses
from curation.licenses import catalogue_names


def detect(text):
    return licenses.detect_text(text)


# ---- 1: is this text a grant for ITS work? -------------------------------------------------------
_DEPENDENCY_REPORT = """# Third-party check before the 2.3 release

Output of the license scanner for the packages the backend pulls in:

| package | version | license |
|---------|---------|---------|
| left-pad | 1.3.0 | WTFPL |
| zlib-ng | 2.1.6 | Zlib |
| libxml2 | 2.12.1 | MIT License |
| readline | 8.2 | GNU General Public License v3 (GPLv3) |

allowed = ["MIT License", "Zlib", "Apache Software License"]

readline is a problem only if we link it statically; everything else passes.
"""

_ADVICE_DIALOGUE = """Q: We want people to be able to embed our charting widget anywhere. What should we use?

A: Most widget authors go with the MIT License or Apache-2.0. If you want changes to the widget
itself shared back, the Mozilla Public License 2.0 works at file level. The LGPL is heavier.

Q: Does Apache-2.0 protect us against patent claims?

A: It includes a patent grant, which MIT lacks. Either is fine for a widget.
"""

_ACKNOWLEDGEMENTS = """Open source notices

This app uses the following open source components:

fastjson-lite
{mit}
gridcalc
Licensed under the Apache License, Version 2.0 (the "License");
you may not use this file except in compliance with the License.
"""

_JA_EXERCISE = """# 著作権と CC ライセンス（第3回ワークシート）

## 問題

次の使い方が許されるか考えなさい。

1. 「CC BY-SA 4.0」と表示された地図を、改変して社内資料に載せる
2. 「CC BY-NC-ND 4.0」と記載された写真をトリミングして使う
3. 「CC BY 4.0」と書かれた音楽を動画の BGM にする
"""


def test_a_dependency_inventory_grants_nothing():
    assert detect(_DEPENDENCY_REPORT).expression == "NOASSERTION"


def test_a_dialogue_of_license_advice_grants_nothing():
    assert detect(_ADVICE_DIALOGUE).expression == "NOASSERTION"


def test_an_acknowledgements_list_led_by_a_sentence_grants_nothing():
    assert detect(_ACKNOWLEDGEMENTS.format(mit=_MIT_TEXT.format(added=""))).expression == "NOASSERTION"


def test_own_license_above_an_acknowledgements_lead_is_kept():
    text = ("# tidewatch\n\nThis project is licensed under the BSD 2-Clause License.\n\n"
            "It makes use of the following third-party libraries:\n\n"
            "- gridcalc: Licensed under the Apache License, Version 2.0\n")
    assert detect(text).expression == "BSD-2-Clause"


def test_licenses_that_label_things_in_an_exercise_are_no_grant():
    assert detect(_JA_EXERCISE).expression == "NOASSERTION"
    text = "Task 2: may a student crop a photo marked \"CC BY-ND 4.0\" for a poster? Discuss in pairs."
    assert detect(text).expression == "NOASSERTION"


def test_a_grant_with_its_own_words_beside_many_named_licenses_still_counts():
    text = ("# License\n\nThis library is released under the MIT License. Unlike GPL-3.0, LGPL-3.0 or "
            "MPL-2.0, it asks nothing of programs that link it.\n")
    assert detect(text).expression == "MIT"


# ---- 2: a duty added inside a license's text is a modification ------------------------------------
_MIT_TEXT = """MIT License

Copyright (c) 2021 Sora Kobayashi

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in
all copies or substantial portions of the Software.{added}

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
THE SOFTWARE.
"""


def test_an_added_duty_to_display_credit_makes_custom_terms():
    added = " Products built with the Software display\n\"Powered by Tessel\" in their splash page."
    assert detect(_MIT_TEXT.format(added=added)).expression == "LicenseRef-Custom-MIT"


def test_the_unchanged_text_stays_the_license():
    assert detect(_MIT_TEXT.format(added="")).expression == "MIT"


# ---- 3: a family's version written after its name -------------------------------------------------
def test_a_version_after_the_family_name_is_that_version():
    found = catalogue_names.find("It is released under the CeCILL License, version 2.0, as most lab code is.")
    assert [f.spdx_id for f in found] == ["CECILL-2.0"]


def test_a_version_the_family_never_had_is_still_no_license():
    found = catalogue_names.find("It is released under the CeCILL License, version 4.2.")
    assert [f.spdx_id for f in found] == [None]


def test_a_talk_cue_before_the_clause_that_gives_the_work_its_license():
    text = ("# Licence\n\nTopoKit was written at our institute, and like the other tools we publish it is "
            "distributed under the CeCILL License v2.1, which follows French law.\n")
    assert detect(text).expression.upper() == "CECILL-2.1"


# ---- 4: a BSD pointer takes the clause count the text states --------------------------------------
def test_a_bsd_file_pointer_takes_the_stated_clause_count():
    text = ("## Licensing\n\nYou may obtain quillnet under either the MIT License or the BSD 2-Clause license, "
            "whichever you prefer.\nSee LICENSE.MIT and LICENSE.BSD.\n")
    assert detect(text).expression == "MIT OR BSD-2-Clause"


# ---- 5: a part kept under another license by "we" -------------------------------------------------
def test_a_nested_folder_kept_under_another_license_is_kept():
    text = ("# License\n\nMost of Larkspur is under the MIT License. The lib/vendor/ directory is different: "
            "we keep it under the GNU Lesser General Public License v2.1 because it came from such a "
            "project.\n")
    assert set(detect(text).expression.split(" AND ")) == {"MIT", "LGPL-2.1-only"}


# ---- 6: "that GPL" points back to the GNU license named before -----------------------------------
def test_a_versionless_name_after_that_points_back():
    from curation.licenses.names import mentions
    said = "Choose the MPL 2.0, or the GNU General Public License version 3; if you pick that GPL, keep notices."
    assert [m.expression for m in mentions(said)] == ["MPL-2.0", "GPL-3.0-only"]
    assert "GPL-1.0-or-later" in [m.expression for m in mentions("Parts are under the GPL.")]


# ---- 7: NYSL, a permissive license the SPDX list lacks, is custom terms a person reads -------------
def test_nysl_by_either_name_is_custom_terms():
    assert detect("# kuroko\n\nThis tool is released under the NYSL (Version 0.9982): do what you like with it.\n"
                  ).expression == "LicenseRef-Custom-scancode-nysl-0.9982"
    assert detect("# メモ帳\n\n本ソフトウェアは「煮るなり焼くなり好きにしろ」ライセンスで公開しています。\n"
                  ).expression == "LicenseRef-Custom-scancode-nysl-0.9982"
