"""Findings of the review of the twelfth license round (issue 22), as behaviour (texts written for these tests)."""

from __future__ import annotations

import pytest

from curation.licenses.detect import detect_text


def detect(text: str):
    return detect_text(text, 0.8)


# ---- 1: a Creative Commons port SPDX does not list is that port, read by a person ----------------------
@pytest.mark.parametrize("text, expected, hint", [
    ("# Moss\n\nThe Moss photos are licensed under CC BY-SA 2.0 JP.\n", "LicenseRef-Custom-CC-BY-SA-2.0-JP", "CC-BY-SA-2.0"),
    ("# Moss\n\nThe Moss photos are licensed under CC BY-NC 2.0 Japan.\n", "LicenseRef-Custom-CC-BY-NC-2.0-JP", "CC-BY-NC-2.0"),
    ("# Moss\n\nThis dataset is released under the Creative Commons Attribution-NoDerivs 3.0 Japan License.\n",
     "LicenseRef-Custom-CC-BY-ND-3.0-JP", "CC-BY-ND-3.0"),
    ("# Moss\n\n本データは クリエイティブ・コモンズ 表示-継承 3.0 日本 ライセンスの下で提供されます。\n",
     "LicenseRef-Custom-CC-BY-SA-3.0-JP", "CC-BY-SA-3.0"),
])
def test_an_unlisted_cc_port_keeps_its_version_and_elements_with_the_unported_hint(text, expected, hint):
    found = detect(text)
    assert found.expression == expected
    assert found.hint == hint
    assert any("port SPDX does not list" in line for line in found.explain())


def test_a_2_1_port_has_no_unported_license_to_hint_and_keeps_no_derivatives():
    found = detect("# Moss\n\n本データは クリエイティブ・コモンズ 表示-改変禁止 2.1 日本 ライセンスの下で提供されます。\n")
    assert found.expression == "LicenseRef-Custom-CC-BY-ND-2.1-JP"


def test_a_port_spdx_lists_is_still_its_spdx_id():
    assert detect("# Moss\n\nThe Moss photos are licensed under CC BY-SA 2.1 (Japan).\n").expression == "CC-BY-SA-2.1-JP"


# ---- 2: a comparison that says what was changed is the work's own, changed terms ------------------------
@pytest.mark.parametrize("text, expected", [
    ("# Kiln\n\nKiln uses the MIT License. It is modified from the MIT License to require a credit line in the "
     "app's settings screen.\n", "LicenseRef-Custom-MIT"),
    ("# Kiln\n\nKiln is released under the BSD 3-Clause License, which is modified from the BSD 2-Clause License by "
     "adding a no-surveillance-use clause.\n", "LicenseRef-Custom-BSD-3-Clause"),
    ("# Kiln\n\nKiln is distributed under the Apache License 2.0 - a variant of the Apache License 2.0 without "
     "the trademark section.\n", "LicenseRef-Custom-Apache-2.0"),
    ("# Kiln\n\nKiln is licensed under the MIT License. It is derived from the MIT License, except that the "
     "notice must be shown at start-up.\n", "LicenseRef-Custom-MIT"),
])
def test_a_comparison_with_change_words_hides_no_custom_terms(text, expected):
    found = detect(text)
    assert found.expression == expected
    assert not found.conflict


def test_a_comparison_without_change_words_still_only_describes_the_license():
    found = detect("# Kiln\n\nKiln is licensed under the MIT License. It is similar to the ISC license.\n")
    assert found.expression == "MIT"


def test_an_exception_named_with_the_compared_license_is_no_change():
    found = detect("# Kiln\n\nKiln is licensed under the MIT License. It is similar to the GPL v2 with the "
                   "Classpath exception in spirit.\n")
    assert found.expression == "MIT"


# ---- 3: "Lesser" or "Library" only makes a GPL 2.1 the LGPL where it is part of the name -----------------
@pytest.mark.parametrize("text, expected", [
    ("# Reed\n\nReed is licensed under GPL v2.1 (not the LGPL).\n", None),
    ("# Reed\n\nThis library is licensed under GPL 2.1.\n", None),
    ("# Reed\n\nThis Library is distributed under the GNU General Public License, version 2.1.\n", None),
    ("# Reed\n\n本ライブラリは GNU 一般公衆利用許諾書 バージョン2.1 の下で配布されます。\n", None),
    ("# Reed\n\nReed is licensed under the GNU General Public License version 2.1 (the Lesser one).\n", "LGPL-2.1-only"),
    ("# Reed\n\nThe Library GPL applies: Reed is licensed under version 2.1 of the GNU General Public License.\n",
     "LGPL-2.1-only"),
])
def test_lesser_or_library_makes_a_gpl_2_1_the_lgpl_only_as_part_of_the_name(text, expected):
    found = detect(text)
    # None: no license, and the reason (a GPL version never published) is given to the reviewer
    assert found.expression == (expected or "NOASSERTION")
    assert expected or any("never published" in line for line in found.explain())


# ---- 4: a notice that differs from ten copies before it only in its version is another notice ----------
def test_a_different_gpl_version_after_ten_copies_is_kept():
    headers = "".join(f"File: part{i}.c\nCopyright (c) 2019 Bo Example\nThis file is licensed under the GNU General "
                      f"Public License version 2.\n\n" for i in range(11))
    found = detect(headers + "File: extra.c\nCopyright (c) 2022 Bo Example\nThis file is licensed under the GNU "
                             "General Public License version 3.\n")
    assert "GPL-3.0-only" in found.expression and "GPL-2.0-only" in found.expression


def test_a_log_line_repeated_with_new_numbers_is_still_capped_for_scancode():
    # the cap blanks what ScanCode reads (the reader reads every line): timestamps are no versions
    from curation.licenses.scanned_text import REPEAT_MAX, _scanned
    from curation.licenses.text import Line

    texts = [t for i in range(14) for t in (f"[2024-02-{i % 28 + 1:02d} 09:{i % 60:02d}] job {i} done",
                                             f"Licensed under MIT at 09:{i % 60:02d}")]
    scanned = _scanned([Line(n + 1, t) for n, t in enumerate(texts)]).split("\n")
    assert sum("Licensed under MIT" in line for line in scanned) == REPEAT_MAX


# ---- 5: a /*! banner's field hides none of the banner's other statements --------------------------------
def test_a_banner_line_that_grants_a_part_otherwise_is_read():
    found = detect("/*!\n * sora.js v3.0.1 | MIT License\n * Except the bundled icon font, which remains under the "
                   "GNU GPL version 3 only.\n */\n!function(){var b=2}();\n")
    assert "GPL-3.0-only" in found.expression


def test_a_banner_with_one_field_is_that_license():
    found = detect("/*!\n * sora.js v3.0.1\n * (c) 2025 Mei Example\n * @license MIT\n */\n!function(){var b=2}();\n")
    assert found.expression == "MIT" and not found.conflict


# ---- 7: a part granted beside a choice is not offered in it ---------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("# Tern\n\nTern is licensed under MIT or Apache-2.0 at your option, and the bundled fonts under OFL-1.1.\n",
     "(MIT OR Apache-2.0) AND OFL-1.1"),
    ("# Tern\n\nTern is available under either the MIT License or the Apache License 2.0, and its icons under "
     "CC BY 4.0.\n", "(MIT OR Apache-2.0) AND CC-BY-4.0"),
    ("# Tern\n\nTern is licensed under your choice of the MIT License, the Apache License 2.0, or the BSD "
     "3-Clause License.\n", "MIT OR Apache-2.0 OR BSD-3-Clause"),
])
def test_a_choice_closed_by_and_leaves_the_next_grant_beside_it(text, expected):
    assert detect(text).expression == expected


# ---- 8: 「第N版以降」 is that version or any later one ------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("# Tern\n\n本ソフトウェアは GNU 一般公衆利用許諾書 第2版以降 の下で配布されます。\n", "GPL-2.0-or-later"),
    ("# Tern\n\n本ライブラリは GNU 劣等一般公衆利用許諾書 第2.1版以降で配布されます。\n", "LGPL-2.1-or-later"),
    ("# Tern\n\n本ソフトウェアは GNU 一般公衆利用許諾書 第3版 の下で配布されます。\n", "GPL-3.0-only"),
])
def test_a_japanese_edition_or_later_is_or_later(text, expected):
    assert detect(text).expression == expected


# ---- 9: a license said of another thing in a relative clause is not the work's --------------------------
def test_a_dependency_s_license_in_a_which_clause_is_not_the_work_s():
    found = detect("This program is licensed under the GNU GPL version 2.1. It links to libbar, which is LGPL.\n")
    assert found.expression == "NOASSERTION"


def test_a_short_file_saying_what_the_work_is_still_names_its_license():
    assert detect("The code is MIT\n").expression == "MIT"
