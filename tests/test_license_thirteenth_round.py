"""Issue 22, the open items of the last review as general mechanisms, each tested on text written
for this test (other wordings, English and Japanese, other licenses of the same family): only a
refusal of the Secondary License itself drops the GPL, ..."""

import sys
from pathlib import Path

import pytest

from curation import licenses

sys.path.insert(0, str(Path(__file__).parent / "license_cases"))


def detect(text):
    return licenses.detect_text(text)


# ---- 1: only a refusal of the Secondary License itself drops the GPL --------------------------------
@pytest.mark.parametrize("text, expected", [
    # a negation about the EPL, in a clause of its own
    ("# Tarn\n\nTarn is licensed under the Eclipse Public License 2.0. Where the EPL does not apply, the code is "
     "also offered under the Secondary License GNU General Public License, version 2 or later.\n",
     "EPL-2.0 OR GPL-2.0-or-later"),
    # a negation about the people who take the Secondary License
    ("# Tarn\n\nTarn is licensed under the Eclipse Public License 2.0. For users who do not want the EPL, the "
     "GNU General Public License, version 3 is designated as a Secondary License.\n",
     "EPL-2.0 OR GPL-3.0-only"),
    # a negation inside the version it names
    ("// This program is made available under the terms of the Eclipse Public License 2.0.\n"
     "// The Secondary License is the GNU General Public License, version 2 (not version 3), available when the "
     "conditions of the Eclipse Public License, v. 2.0 are satisfied.\n",
     "EPL-2.0 OR GPL-2.0-only"),
    ("# 杼\n\n## ライセンス\n\n本ソフトウェアは EPL 2.0 で提供します。EPL が適用されない場合は、セカンダリーライセンスとして "
     "GPL バージョン3 以降を選べます。\n", "EPL-2.0 OR GPL-3.0-or-later"),
])
def test_a_negation_about_something_else_keeps_the_secondary_license(text, expected):
    assert detect(text).expression == expected


@pytest.mark.parametrize("text", [
    "# Tarn\n\nTarn is licensed under the Eclipse Public License 2.0. The GNU General Public License, version 2 "
    "is not designated as a Secondary License.\n",
    "# Tarn\n\nTarn is licensed under the Eclipse Public License 2.0. Secondary Licenses: none (the GPL, version 3 "
    "is not offered).\n",
    "# Tarn\n\nTarn is licensed under the Eclipse Public License 2.0, without any Secondary License; the GNU "
    "General Public License, version 3 is named only for comparison.\n",
    "# 杼\n\n本ソフトウェアは EPL 2.0 で提供します。二次的ライセンス（GPL バージョン2）は適用されません。\n",
])
def test_a_refusal_of_the_secondary_license_still_drops_the_gpl(text):
    assert detect(text).expression == "EPL-2.0"


# ---- 2: a comparison makes custom terms only where it describes the work's own terms ----------------
@pytest.mark.parametrize("text, expected", [
    ("# Kite\n\nKite is licensed under the MIT License, a short permissive license similar to the BSD license.\n",
     "MIT"),
    ("# Kite\n\n## License\n\nMIT. It is similar to the BSD license but shorter.\n", "MIT"),
    ("# Kite\n\nKite is released under the BSD 3-Clause license. Its build scripts are based on the BSD license "
     "template from OpenBSD.\n", "BSD-3-Clause"),
    ("# Kite\n\nKite is licensed under the Apache License 2.0, which is similar to the MIT License but adds a "
     "patent grant.\n", "Apache-2.0"),
    ("# Wren\n\nWren is published under the GNU LGPL, version 3, a license modelled on the GPL, version 3.\n",
     "LGPL-3.0-only"),
    ("# Kite\n\nKite は MIT ライセンスで公開しています。MIT ライセンスは BSD ライセンスに似た短いライセンスです。\n", "MIT"),
])
def test_a_comparison_said_of_another_license_or_part_keeps_the_grant(text, expected):
    assert detect(text).expression == expected


@pytest.mark.parametrize("text, expected", [
    ("# Kite\n\nKite is distributed under terms similar to the MIT license.\n", "LicenseRef-Custom-MIT"),
    ("# Kite\n\nOur license is based on the BSD 3-Clause license, with an added clause on trademarks.\n",
     "LicenseRef-Custom-BSD-3-Clause"),
    ("# Kite\n\n## License\n\nKite is licensed under the Kite License. It is based on the MIT license, with one "
     "added clause.\n", "LicenseRef-Custom-MIT"),
    ("# Kite\n\nKite は MIT ライセンスを元にした独自ライセンスで公開しています。\n", "LicenseRef-Custom-MIT"),
])
def test_a_comparison_of_the_works_own_terms_is_still_custom(text, expected):
    assert detect(text).expression == expected


# ---- 3: one line repeated is one statement, whatever new lines open regions between its repeats -----
@pytest.mark.parametrize("repeated, opener", [
    ("Licensed under MIT", "[req {n:x}] checked the license of package-{name}"),
    ("License: Apache-2.0 (verified)", "Copyright notice found in module {name}"),
    ("ライセンス: MIT License", "{name} の license を確認しました"),
])
def test_a_line_repeated_after_new_region_openers_is_read_at_most_the_cap(repeated, opener):
    from curation.licenses.scanned_text import REPEAT_MAX, _scanned
    from curation.licenses.text import clean

    names = ["".join(chr(97 + (n // 26 ** k) % 26) for k in range(3)) for n in range(300)]
    log = "\n".join(opener.format(n=n, name=name) + "\n" + repeated for n, name in enumerate(names))
    scanned = _scanned(clean(log)).split("\n")
    assert sum(1 for line in scanned if line == repeated) == REPEAT_MAX


# ---- 2 (material): a comparison of material, not terms, keeps the material's duty --------------------
def test_material_derived_from_a_share_alike_collection_is_no_custom_terms():
    found = detect("# Fen corpus\n\nThis corpus was adapted from a CC BY-SA 3.0 collection and is released under "
                   "CC BY 3.0.\n")
    assert found.expression == "CC-BY-SA-3.0"


# ---- 4: a GPL version that was never published is never a silent GPL of another version -------------
@pytest.mark.parametrize("text", [
    "# Wren\n\nWren is licensed under version 2.1 of the GNU General Public License.\n",
    "# Wren\n\nWren is licensed under the GNU General Public License, version 2.1.\n",
    "# Wren\n\nWren is distributed under GPL v3.1.\n",
    "# Wren\n\nWren は GNU 一般公衆利用許諾書 バージョン2.1 で公開しています。\n",
])
def test_a_gpl_version_that_never_existed_is_read_by_a_person(text):
    found = detect(text)
    assert found.expression == "NOASSERTION"
    assert any("never published" in line for line in found.explain())


@pytest.mark.parametrize("text, expected", [
    ("# Wren\n\nWren, a library, is licensed under the GNU General Public License version 2.1 (the Lesser one).\n",
     "LGPL-2.1-only"),
    ("# Wren\n\nThe Library GPL applies: Wren is licensed under version 2.1 of the GNU General Public License.\n",
     "LGPL-2.1-only"),
    ("# Wren\n\nWren は GNU 劣等一般公衆利用許諾書 バージョン2.1 で公開しています。\n", "LGPL-2.1-only"),
    ("# Wren\n\nWren is licensed under the GNU General Public License, version 3.0.\n", "GPL-3.0-only"),
    ("# Wren\n\nWren is licensed under GPL-2.0.\n", "GPL-2.0-only"),
])
def test_lesser_near_a_gpl_2_1_is_the_lgpl_and_real_versions_stay(text, expected):
    assert detect(text).expression == expected


# ---- 5: a multi-line /*! banner */ is one statement, on the line that names the license -------------
@pytest.mark.parametrize("text, expected, line", [
    ("/*!\n * tinyhash v2.1.0\n * (c) 2025 Ann Example\n * @license MIT\n */\n!function(){var a=1}();\n", "MIT", 4),
    ("/*!\n * quickgrid 0.9 (https://example.org)\n * Copyright 2024 Bo Example\n * Released under the Apache License "
     "2.0\n */\n(function(){})();\n", "Apache-2.0", 4),
    ("/*! pico v1 | (c) 2025 Ann | ISC License */\nvar a=1;\n", "ISC", 1),
])
def test_a_banner_is_counted_once(text, expected, line):
    found = detect(text)
    assert found.expression == expected
    assert [(s.expression, s.first_line) for s in found.statements] == [(expected, line)]


# ---- 6: the title search before a cut is bounded, and still finds a real license's title ------------
def test_thousands_of_title_like_lines_are_read_a_bounded_number_of_times(monkeypatch):
    from curation.licenses import read_on

    calls = []
    real = read_on.mentions
    monkeypatch.setattr(read_on, "mentions", lambda head: calls.append(head) or real(head))
    log = "".join(f"{n:05d} worker-{chr(97 + n % 26)} Apache License 2.0 check ok\n" for n in range(3000))
    assert read_on._last_title(log, 0, len(log)) is None
    assert len(calls) <= read_on.TITLES_MAX


@pytest.mark.parametrize("key", ["agpl-3.0", "gpl-3.0", "lgpl-2.1"])
def test_the_bound_finds_the_title_an_unbounded_search_finds(key, monkeypatch):
    from curation.licenses import read_on

    from wrappers import reference_text

    prefix = "".join(f"Contributor {n:04d}: Ada Example\n" for n in range(400))
    text = prefix + reference_text(key)
    for cut in (len(prefix) + 3_000, len(text) - 200):  # the cut falls in the text
        found = read_on._last_title(text, max(0, cut - read_on.TITLE_BACK), cut)
        monkeypatch.setattr(read_on, "TITLES_MAX", 10 ** 6)
        assert found is not None and found == read_on._last_title(text, max(0, cut - read_on.TITLE_BACK), cut)
        monkeypatch.undo()


# ---- 7: a Japanese name and version, read word by word in English --------------------------------
@pytest.mark.parametrize("text, expected", [
    ("# 資料集\n\n本文書は GNU フリー文書利用許諾契約書 バージョン1.3 の下で公開しています。\n", "GFDL-1.3-only"),
    ("# 資料集\n\n本マニュアルは GNU フリー・ドキュメンテーション・ライセンス 第1.2版 で配布します。\n", "GFDL-1.2-only"),
    ("# ツール\n\n本ソフトウェアはアーティスティック・ライセンス 2.0 で公開しています。\n", "Artistic-2.0"),
    ("# ツール\n\n本ソフトウェアは Artistic ライセンス バージョン2.0 で公開しています。\n", "Artistic-2.0"),
    ("# 写真集\n\n本作品は クリエイティブ・コモンズ 表示-継承 2.1 日本 ライセンスの下で提供しています。\n", "CC-BY-SA-2.1-JP"),
    ("# 写真集\n\n本作品は CC BY-SA 2.1 JP で提供しています。\n", "CC-BY-SA-2.1-JP"),
    ("# ツール\n\n本ソフトウェアは エクリプス・パブリック・ライセンス 第2版 で公開しています。\n", "EPL-2.0"),
    ("# ツール\n\n本ソフトウェアは モジラ・パブリック・ライセンス バージョン2.0 で公開しています。\n", "MPL-2.0"),
    # the English names the same reader relies on
    ("# Photos\n\nThis work is licensed under the Creative Commons Attribution-ShareAlike 2.1 Japan License.\n",
     "CC-BY-SA-2.1-JP"),
    ("# Tool\n\nThis software is released under the Eclipse Public License, version 2.\n", "EPL-2.0"),
])
def test_a_japanese_license_name_and_version_is_read(text, expected):
    assert detect(text).expression == expected


@pytest.mark.parametrize("text, expected", [
    # a port SPDX does not list is no other license (never the unported CC BY 2.1): custom terms, reviewed
    ("# 写真集\n\n本作品は クリエイティブ・コモンズ 表示 2.1 日本 ライセンスの下で提供しています。\n", "LicenseRef-Custom-CC-BY-2.1-JP"),
    ("# 写真集\n\n本作品は クリエイティブ・コモンズ 表示 4.0 国際 ライセンスの下で提供しています。\n", "CC-BY-4.0"),
    ("# ツール\n\nGPL バージョン3 以降で公開しています。\n", "GPL-3.0-or-later"),
])
def test_the_japanese_reader_changes_no_name_already_read(text, expected):
    assert detect(text).expression == expected


# ---- 8: a choice among three licenses in prose is one flat choice -----------------------------------
@pytest.mark.parametrize("text", [
    "# Kite\n\nKite is licensed under MIT, Apache-2.0 or BSD-3-Clause at your option.\n",
    "# Kite\n\nYou may use Kite under the MIT License, the Apache License 2.0, or the BSD 3-Clause License, at your "
    "option.\n",
    "# Kite\n\nKite は MIT、Apache-2.0、BSD-3-Clause のいずれかを選んで利用できます。\n",
])
def test_a_choice_of_three_licenses_is_one_flat_choice(text):
    assert detect(text).expression == "MIT OR Apache-2.0 OR BSD-3-Clause"


# ---- 8: a rider announced in the grant ("with one added condition: you must ...") is custom terms ----
@pytest.mark.parametrize("text, expected", [
    ("# Kite\n\n## License\n\nKite is licensed under the MIT License, with one added condition: you must notify the "
     "author before redistributing it.\n", "LicenseRef-Custom-MIT"),
    ("# Wisp\n\n## License\n\nWisp is licensed under the ISC License with an extra clause: you must tell us where you "
     "use it.\n", "LicenseRef-Custom-ISC"),
    ("# How to add additional terms\n\nIf you want additional terms, you must write them below the license text.\n",
     "NOASSERTION"),
])
def test_a_rider_announced_in_the_grant_is_custom_terms(text, expected):
    assert detect(text).expression == expected


# ---- 8: a badge that names one license and prose about the software as a whole that names another ----
@pytest.mark.parametrize("text", [
    "# Kite\n\n![license](https://img.shields.io/badge/license-BSD--3--Clause-blue)\n\n## ライセンス\n\n"
    "本ソフトウェアは GPL バージョン3 で公開しています。\n",
    "# Kite\n\n[![License: MIT](https://img.shields.io/badge/License-MIT-yellow.svg)](LICENSE)\n\n## License\n\n"
    "This software is licensed under the Apache License 2.0.\n",
])
def test_a_badge_and_prose_on_the_whole_software_that_disagree_conflict(text):
    assert detect(text).conflict


@pytest.mark.parametrize("text, expected", [
    ("# Kite\n\n[![License: MIT](https://img.shields.io/badge/License-MIT-yellow.svg)](LICENSE)\n\n## License\n\n"
     "This software is licensed under the MIT License.\n", "MIT"),
    ("# Kite\n\n## License\n\nThis software is licensed under the MIT License. The documentation is licensed under "
     "CC BY 4.0.\n", "MIT AND CC-BY-4.0"),
])
def test_software_and_its_parts_still_agree(text, expected):
    found = detect(text)
    assert found.expression == expected and not found.conflict


# ---- 8: an OFL-1.1 whose copyright statement reserves a font name is OFL-1.1-RFN -------------------
def _ofl_file(copyright_line):
    from wrappers import reference_text

    return (f"{copyright_line}\n\nThis Font Software is licensed under the SIL Open Font License, Version 1.1.\n"
            "This license is copied below, and is also available with a FAQ at:\nhttps://openfontlicense.org\n\n"
            + reference_text("ofl-1.1"))


@pytest.mark.parametrize("text, expected", [
    (_ofl_file('Copyright (c) 2024, Ann Example (https://example.org), with Reserved Font Name "Kite Sans".'),
     "OFL-1.1-RFN"),
    (_ofl_file("Copyright 2019 The Wisp Mono Project Authors, with Reserved Font Names Wisp and Wisp Mono."),
     "OFL-1.1-RFN"),
    (_ofl_file("Copyright (c) 2024, Ann Example (https://example.org)."), "OFL-1.1"),
    ("# Fonts\n\nThese fonts are licensed under the SIL Open Font License, Version 1.1, with no Reserved Font "
     "Name.\n", "OFL-1.1"),
    ("# フォント\n\n本フォントは SIL Open Font License 1.1 で提供します。予約フォント名は「Kite」です。\n", "OFL-1.1-RFN"),
])
def test_a_reserved_font_name_makes_the_ofl_its_rfn_form(text, expected):
    assert detect(text).expression == expected


# ---- 8: a license's title without its version above its full text is no second license --------------
def test_a_versionless_title_above_the_w3c_text_is_that_text():
    from wrappers import reference_text

    text = "[Home](/) | [License](/license/)\n\n# W3C Software Notice and License\n\n" + reference_text("w3c")
    found = detect(text)
    assert found.expression == "W3C" and not found.conflict


def test_a_title_with_another_version_above_a_text_is_not_dropped_as_a_title():
    from curation.licenses.reconcile import _VERSION_WORDS

    assert _VERSION_WORDS.search("GNU General Public License version 2")
    assert _VERSION_WORDS.search("W3C Software Notice and License (2002-12-31)")
    assert not _VERSION_WORDS.search("W3C Software Notice and License")
