"""The classes of heldout17's misses as mechanisms (issue 22, lic28): or-later said "at your choice",
man pages in mdoc, full texts with an added limit, split scopes, an SPDX tag with a looser second
reading, a badge against a License section. Each text is written for this test, not taken from a
case set."""

from curation.licenses.detect import detect_text


def test_or_at_your_choice_any_later_version_is_or_later():
    text = ("rowkit is free software; you can redistribute it and/or modify it under the GNU General Public License as published by the\n"
            "Free Software Foundation, either version 3 of that License or, at your choice, any later version.\n")
    assert detect_text(text).expression == "GPL-3.0-or-later"


def test_or_at_your_discretion_any_later_version_is_or_later():
    text = "You can change and share ledgerly under the GNU Lesser General Public License, version 2.1 or, at your discretion, any later version.\n"
    assert detect_text(text).expression == "LGPL-2.1-or-later"


def test_japanese_anata_no_sentaku_ni_yori_sore_ikou_is_or_later():
    text = "本ツールは GNU 一般公衆利用許諾書 バージョン 2、またはあなたの選択により、それ以降のバージョンの条件で配布します。\n"
    assert detect_text(text).expression == "GPL-2.0-or-later"


ISC_PERMISSION = ("Permission to use, copy, modify, and/or distribute this software for any purpose with or without\n"
                  "fee is hereby granted, provided that the above copyright notice and this permission notice\n"
                  "appear in all copies.\n")
ISC_DISCLAIMER = (
    'THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES WITH REGARD TO THIS SOFTWARE\n'
    "INCLUDING ALL IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE\n"
    "FOR ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES WHATSOEVER RESULTING FROM\n"
    "LOSS OF USE, DATA OR PROFITS, WHETHER IN AN ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION,\n"
    "ARISING OUT OF OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.\n")


def test_isc_text_in_an_mdoc_license_section_is_isc():
    page = (".Dd May 1, 2022\n.Dt KELPCTL 8\n.Os\n.Sh NAME\n.Nm kelpctl\n.Nd steer kelp farm pumps\n"
            ".Sh LICENSE\nCopyright (c) 2022 Rosalind Achebe-Moore\n.Pp\n" + ISC_PERMISSION + ".Pp\n" + ISC_DISCLAIMER
            + ".Sh SEE ALSO\n.Xr pumpd 8\n")
    assert detect_text(page).expression == "ISC"


def test_isc_text_with_a_labelled_size_limit_after_it_is_custom_isc():
    text = ("Copyright (c) 2024 Tarn Instruments\n\n" + ISC_PERMISSION + "\n" + ISC_DISCLAIMER
            + "\nAdditional condition: this permission applies only to companies with fewer than 50 staff.\n")
    assert detect_text(text).expression == "LicenseRef-Custom-ISC"


def test_isc_text_with_a_duty_to_notify_the_author_after_it_is_custom_isc():
    text = ("Copyright (c) 2024 Tarn Instruments\n\n" + ISC_PERMISSION + "\n" + ISC_DISCLAIMER
            + "\nAnyone who ships this software in a product must notify Tarn Instruments in writing first.\n")
    assert detect_text(text).expression == "LicenseRef-Custom-ISC"


def test_isc_text_followed_by_a_welcome_to_contributors_stays_isc():
    text = ("Copyright (c) 2024 Tarn Instruments\n\n" + ISC_PERMISSION + "\n" + ISC_DISCLAIMER
            + "\nBug reports and patches are welcome on the project's mailing list.\n")
    assert detect_text(text).expression == "ISC"


def test_module_license_dual_mit_gpl_beside_an_spdx_choice_is_that_choice_only():
    source = ("// SPDX-License-Identifier: GPL-2.0-or-later OR MIT\n/* Sparrow SP-1 touch panel. */\n"
              "#include <linux/module.h>\n\nMODULE_LICENSE(\"Dual MIT/GPL\");\n")
    found = detect_text(source)
    assert (found.expression, found.conflict) == ("GPL-2.0-or-later OR MIT", False)


def test_header_prose_naming_another_family_than_the_spdx_tag_still_counts():
    source = ("/* SPDX-License-Identifier: MIT */\n/*\n * This file is licensed under the Apache License, Version 2.0.\n"
              " */\nint sparrow_init(void);\n")
    assert "Apache-2.0" in detect_text(source).expression


def test_a_guide_folder_named_as_subject_is_a_part_under_its_own_license():
    text = ("## License\n\nThe library in `core/` is licensed under the MIT License.\n"
            "The user guide in `manual/` is licensed under CC BY 4.0.\n")
    assert detect_text(text).expression == "MIT AND CC-BY-4.0"


def test_two_columns_under_two_licenses_are_a_conjunction():
    text = ("## Licensing\n\n- The `prompt` column is shared under CC BY-SA 4.0.\n"
            "- The `reply` column is dedicated to the public domain under CC0 1.0.\n")
    found = detect_text(text)
    assert (found.expression, found.conflict) == ("CC-BY-SA-4.0 AND CC0-1.0", False)


def test_japanese_same_license_as_the_source_is_still_the_works_own_grant():
    text = ("## ライセンス\n\nプログラム（`tools/` 以下）は Apache License 2.0 で提供します。\n"
            "辞書データ（`dict/` 以下）は元の辞書と同じく CC BY-SA 4.0 で提供します。\n")
    found = detect_text(text)
    assert (found.expression, found.conflict) == ("Apache-2.0 AND CC-BY-SA-4.0", False)


def test_a_stale_badge_against_the_whole_program_relicensed_is_a_conflict():
    text = ("# dotgrid\n\n[![License: MIT](https://img.shields.io/badge/License-MIT-yellow.svg)](https://opensource.org/licenses/MIT)\n\n"
            "## License\n\nThe whole program is now distributed under the GNU General Public License, version 2 or any "
            "later version.\n")
    found = detect_text(text)
    assert (found.expression, found.conflict) == ("GPL-2.0-or-later", True)


def test_a_stale_badge_against_a_japanese_section_for_the_whole_software_is_a_conflict():
    text = ("# 点描ツール\n\n[![License: Apache 2.0](https://img.shields.io/badge/License-Apache_2.0-blue.svg)]"
            "(https://opensource.org/licenses/Apache-2.0)\n\n## ライセンス\n\n"
            "バージョン 4 から、本ソフトウェア全体を GNU 一般公衆利用許諾書 バージョン 3 で配布しています。\n")
    found = detect_text(text)
    assert (found.expression, found.conflict) == ("GPL-3.0-only", True)


def test_a_list_after_any_one_of_the_following_is_a_choice():
    text = ("## License\n\nYou may use quire under any one of the following licenses, whichever suits you:\n\n"
            "* the MIT License;\n* the Apache License, Version 2.0;\n* the Mozilla Public License 2.0.\n")
    assert detect_text(text).expression == "MIT OR Apache-2.0 OR MPL-2.0"


def test_japanese_gfdl_name_with_its_english_name_in_brackets_is_the_gfdl():
    text = ("この手引き書は GNU 自由文書利用許諾契約書（GNU Free Documentation License）第 1.2 版の条件で、"
            "複製・頒布・改変できます。\n")
    assert detect_text(text).expression == "GFDL-1.2-only"


MIT_PERMISSION = (
    "Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated\n"
    'documentation files (the "Software"), to deal in the Software without restriction, including without limitation\n'
    "the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and\n"
    "to permit persons to whom the Software is furnished to do so, subject to the following conditions:\n\n"
    "The above copyright notice and this permission notice shall be included in all copies or substantial portions\n"
    "of the Software.\n")
MIT_DISCLAIMER = (
    'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO\n'
    "THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE\n"
    "AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF\n"
    "CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER\n"
    "DEALINGS IN THE SOFTWARE.\n")


def test_mit_text_with_a_paragraph_of_duties_inserted_before_its_disclaimer_is_custom_mit():
    text = ("MIT License (with a registration duty)\n\nCopyright (c) 2021 Loon Analytics\n\n" + MIT_PERMISSION
            + "\nEvery company that puts the Software into a product it sells must first register that product with "
              "Loon Analytics through the form on its web site and keep the registration up to date every year.\n\n"
            + MIT_DISCLAIMER)
    assert detect_text(text).expression == "LicenseRef-Custom-MIT"


# ---- revlic13's legal confusions and false claims, in this test's own words
def test_lgpl_21_with_later_versions_allowed_in_a_second_sentence_stays_21():
    text = "quillpad is released under the GNU LGPL, version 2.1. Any later version of the LGPL may be chosen too.\n"
    assert detect_text(text).expression == "LGPL-2.1-or-later"


def test_lgpl_21_only_is_never_read_as_20():
    assert detect_text("quillpad is released under the GNU LGPL, version 2.1 only.\n").expression == "LGPL-2.1-only"


def test_a_vendors_evaluation_only_release_of_a_part_adds_no_nc_duty_to_the_work():
    text = "Acme ships its codec for use in non-commercial evaluation only; this plugin around it is MIT licensed.\n"
    assert detect_text(text).expression == "MIT"


def test_a_non_commercial_limit_someone_else_reports_is_no_condition():
    text = "These icons are MIT licensed. One blogger wrote that you should use them in non-commercial apps only.\n"
    assert detect_text(text).expression == "MIT"


def test_a_non_commercial_limit_of_other_works_in_a_contrast_is_no_condition():
    text = "Released under CC BY 4.0. Unlike many fonts that may be used in non-commercial posters only, this one has no such limit.\n"
    assert detect_text(text).expression == "CC-BY-4.0"


def test_a_non_commercial_limit_said_of_the_work_itself_still_counts():
    text = "These icons are MIT licensed, but you may use them in non-commercial apps only.\n"
    assert detect_text(text).expression == "LicenseRef-Custom-MIT-NonCommercial"


# ---- revlic13's misses of the documentation-markup reader
def test_rest_field_list_license_is_read():
    text = "fastgrid\n========\n\n:Author: Ines Duarte\n:Version: 0.3\n:License: BSD-3-Clause\n\n.. note:: Beta.\n"
    assert detect_text(text).expression == "BSD-3-Clause"


def test_asciidoc_header_license_attribute_is_read():
    text = "= fastgrid\n:author: Ines Duarte\n:license: Apache-2.0\n\n== Usage\n\nRun it.\n"
    assert detect_text(text).expression == "Apache-2.0"


def test_markdown_readme_with_emoji_shortcode_lines_is_still_markdown():
    text = "# fastgrid\n\n:zap: Quick grids.\n:tada: No setup.\n:page_facing_up: Released under the [MIT License](LICENSE).\n"
    assert detect_text(text).expression == "MIT"


def test_license_in_a_man_pages_roff_comment_is_read():
    text = ('.\\" Copyright 2021 Ines Duarte\n.\\" Distributed under the terms of the GNU General Public License, version 2.\n'
            ".TH FASTGRID 1\n.SH NAME\nfastgrid \\- draw grids\n.SH DESCRIPTION\nDraws grids.\n")
    assert detect_text(text).expression == "GPL-2.0-only"


def test_license_in_a_rest_comment_is_read():
    text = (".. Copyright 2022 Ines Duarte. Licensed under the Apache License, Version 2.0.\n\nfastgrid\n========\n\n"
            ".. note:: Beta.\n\n.. _home: https://example.org\n")
    assert detect_text(text).expression == "Apache-2.0"
