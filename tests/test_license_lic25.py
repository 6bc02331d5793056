"""The classes of heldout15's misses as mechanisms (issue 22, lic25): BSD nicknames, text about
license fields, a BSD with one added clause, copyright footers, Japanese GNU names, free-for-some
terms, Japanese and English choices and per-file splits, agreements the reader signs. Each text is
written for this test, not taken from a case set."""

from curation.licenses.copyright_line import copyright_license_lines
from curation.licenses.detect import detect_text
from curation.licenses.text import Line

BSD2_CLAUSES = """Redistribution and use in source and binary forms, with or without modification, are permitted
provided that the following conditions are met:

1. Redistributions of source code must retain the above copyright notice, this list of conditions
   and the following disclaimer.
2. Redistributions in binary form must reproduce the above copyright notice, this list of
   conditions and the following disclaimer in the documentation and/or other materials provided
   with the distribution.
"""
BSD_DISCLAIMER = """
THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS OR
IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND
FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR
CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE,
DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER
IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT
OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
"""


def expression(text: str) -> str:
    return detect_text(text).expression


def test_a_quoted_nickname_between_clause_count_and_bsd_keeps_the_count():
    assert expression("## License\n\nripple is released under the three-clause (\"Revised\") BSD license.\n") \
        == "BSD-3-Clause"


def test_a_bsd_title_with_its_nickname_is_that_bsd():
    assert expression('License: BSD 3-Clause "Revised"\n\nCopyright 2020 Ola Berg\n') == "BSD-3-Clause"


def test_an_indefinite_package_said_to_be_listed_under_a_license_grants_nothing():
    text = ("# Search help\n\nA project whose manifest says \"Apache-2.0\" is shown under Apache-2.0 even when "
            "its files say otherwise.\n")
    assert expression(text) == "NOASSERTION"


def test_a_bsd_with_a_clause_tying_it_to_one_vendors_device_is_a_modified_bsd():
    text = ("Copyright (c) 2021 Larkfield Devices\n\n" + BSD2_CLAUSES +
            "3. This software may only be used together with a controller sold by Larkfield Devices.\n"
            + BSD_DISCLAIMER)
    assert expression(text) == "LicenseRef-Custom-BSD-2-Clause"


def test_a_copyright_footer_ending_in_a_license_name_states_the_works_license():
    text = "# tallow\n\nRenders candles.\n\n---\n© 2022 Wick & Co. · MPL 2.0\n"
    assert expression(text) == "MPL-2.0"


def test_copyright_lines_naming_different_licenses_are_a_credits_list_not_a_footer():
    lines = [Line(1, "© 2019 Ann Lee — MIT"), Line(2, "© 2020 Bo Chen — Apache 2.0")]
    assert copyright_license_lines(lines) == {}


def test_a_japanese_gnu_name_wrapped_across_lines_is_read_whole():
    text = "## ライセンス\n\n本プログラムは GNU 劣等一般公衆\n利用許諾書 第2.1版、またはそれ以降の版で配布します。\n"
    assert expression(text) == "LGPL-2.1-or-later"


def test_japanese_sore_yori_atarashii_is_or_later():
    text = "## ライセンス\n\n本ソフトウェアは GNU Affero 一般公衆利用許諾書 第3版、もしくはそれより新しい版の条件で利用できます。\n"
    assert expression(text) == "AGPL-3.0-or-later"


def test_free_for_students_and_paid_for_companies_is_custom_noncommercial():
    text = ("## Licensing\n\nQuillpad is free for students and non-profit clubs. Use by a for-profit business "
            "requires a paid subscription.\n")
    assert expression(text) == "LicenseRef-Custom-NonCommercial"


def test_a_japanese_choice_lead_then_a_list_of_licenses_is_an_or():
    text = ("## ライセンス\n\n利用者は、次のいずれかのライセンスを選んで利用できます。\n\n"
            "- MIT License\n- Mozilla Public License 2.0\n")
    assert expression(text) == "MIT OR MPL-2.0"


def test_a_list_of_licenses_an_author_may_pick_at_deposit_is_no_choice_for_the_reader():
    text = ("## 投稿規程\n\n投稿者は、投稿時に次のいずれかのライセンスを選ぶことができる。\n\n"
            "- CC BY 4.0\n- CC BY-SA 4.0\n")
    assert expression(text) == "NOASSERTION"


def test_gfdl_or_later_in_japanese_after_a_comma_is_or_later():
    text = "## 利用条件\n\n本文書は GNU フリー文書利用許諾契約書（GFDL）バージョン1.2、またはそれ以降のバージョンで提供します。\n"
    assert expression(text) == "GFDL-1.2-or-later"


def test_dual_licensed_with_a_versionless_gnu_gpl_as_the_alternative_keeps_both():
    text = "## License\n\nDual licensed under the Apache License 2.0 or, alternatively, under the terms of the GNU GPL.\n"
    assert expression(text) == "Apache-2.0 OR GPL-1.0-or-later"


def test_two_licenses_depending_on_the_folder_both_apply():
    text = "## License\n\nThis project is under either the ISC License or the MIT License depending on the folder; see each folder's LICENSE.\n"
    assert expression(text) == "ISC AND MIT"


def test_japanese_licenses_by_file_both_apply():
    text = "## ライセンス\n\nファイルごとに BSD-3-Clause または Apache-2.0 が適用されます。\n"
    assert expression(text) == "BSD-3-Clause AND Apache-2.0"


def test_an_agreement_the_reader_must_accept_is_not_the_works_license():
    text = ("# gpu-fetch\n\nYou must accept the NVIDIA Software License Agreement to download the driver. "
            "gpu-fetch itself is licensed under the MIT License.\n")
    assert expression(text) == "MIT"


def test_another_applications_own_license_under_the_lgpl_is_no_custom_term():
    text = ("## ライセンス\n\n本ライブラリは GNU 劣等一般公衆利用許諾書 第3版の条件で配布します。\n"
            "本ライブラリにリンクするアプリケーションには、そのアプリケーション独自のライセンスを適用できます。\n")
    assert expression(text) == "LGPL-3.0-only"


def test_isc_permission_with_its_disclaimer_replaced_by_own_terms_is_custom_isc():
    text = ("Copyright (c) 2025 Ivo Stern\n\nPermission to use, copy, modify, and/or distribute this software for any "
            "purpose\nwith or without fee is hereby granted, provided that the above copyright notice\nand this "
            "permission notice appear in all copies.\n\nThe author's total liability for any claim about this "
            "software is capped at the fee you paid for it, if any.\n")
    assert expression(text) == "LicenseRef-Custom-ISC"


def test_a_restriction_quoted_as_a_label_on_other_things_is_not_the_works_own():
    text = ("# Photo set\n\nThis dataset is licensed under CC BY 4.0.\n\n"
            'Some source pages show an icon marked "not for commercial use" next to photos we did not take.\n')
    assert detect_text(text).expression == "CC-BY-4.0"


def test_the_works_own_non_commercial_sentence_still_limits_it():
    text = "# Photo set\n\nThis dataset is licensed under CC BY 4.0. It may not be used for commercial purposes.\n"
    assert detect_text(text).expression == "LicenseRef-Custom-CC-BY-4.0-NonCommercial"
