"""Issue 22, lic23: a stated choice between two licenses is kept whatever words join it; the Open
Government Licences of Canada's provinces read alike by name and by statement, under ScanCode's ids,
and classed; licenses the SPDX list lacks read by the names ScanCode gives them, never from a common
word or a name alone in talk."""

import pytest

from curation import licenses


def detect(text):
    return licenses.detect_text(text)


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
