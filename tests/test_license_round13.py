"""Round thirteen's license classes (issue 22, wt-lic27): documentation markup read through (Texinfo,
roff, POD, LaTeX, AsciiDoc, reST), "only" and no-later-version wording, a title that asks which
license to pick, a holder's or another thing's name that is a license word, and use in
non-commercial works of a kind only. Each text is written for this test; the license texts are
ScanCode's reference texts wrapped here."""

import sys
from pathlib import Path

from curation import licenses
from curation.licenses.doc_markup import doc_format, read_lines

sys.path.insert(0, str(Path(__file__).parent / "license_cases"))
from wrappers import reference_text  # noqa: E402


def detect(text):
    return licenses.detect_text(text)


# ---- 1: documentation markup is read through, not counted as words added to the text -----------
def test_mit_text_in_a_texinfo_appendix_is_mit():
    body = reference_text("mit").replace('"AS IS"', "``AS IS''")
    text = ("@c included by the manual\n@node Licence\n@appendix The licence\n\n@display\n"
            "Copyright @copyright{} 2023 Ola Berg\n@end display\n\n" + body + "\n")
    assert detect(text).expression == "MIT"


def test_texinfo_commands_alone_leave_blank_lines():
    raws = ["@node Copying", "@end display", "@heading Terms", "Copyright @copyright{} 2020 Ann"]
    assert read_lines(raws, "texinfo") == [None, None, ("Terms", True), ("Copyright (C) 2020 Ann", False)]


def test_bsd2_text_in_a_man_page_with_roff_escapes_is_bsd2():
    paras = [p for p in reference_text("bsd-simplified").split("\n\n") if p.strip()]
    text = ('.TH KELP 1 "2023-01-01"\n.SH COPYRIGHT\nCopyright \\(co 2023 Ines Roth\n.PP\n' + paras[0] + "\n.IP 1. 3\n"
            + paras[1] + "\n.IP 2. 3\n" + paras[2] + "\n.PP\n" + paras[3].replace("-", "\\-") + "\n")
    assert detect(text).expression == "BSD-2-Clause"


def test_isc_text_in_pod_after_perl_code_is_isc():
    text = ("package Kelp::Map;\nuse strict;\nsub new { bless {}, shift }\n1;\n__END__\n\n=head1 LICENSE\n\n"
            "Copyright (c) 2021 Ines Roth E<lt>ines@example.orgE<gt>\n\n" + reference_text("isc") + "\n\n=cut\n")
    assert detect(text).expression == "ISC"


def test_one_at_sign_line_does_not_make_a_readme_texinfo():
    assert doc_format("# Notes\n\n@alice wrote the parser.\n\nMIT licensed.\n") is None


# ---- 2: "only" wording keeps the version named ------------------------------------------------
def test_a_sentence_refusing_later_versions_keeps_gpl3_only():
    text = ("## License\n\nThe tool is licensed under the GNU General Public License version 3. "
            "We will never offer it under any later version of that license.\n")
    assert detect(text).expression == "GPL-3.0-only"


def test_a_sentence_offering_later_versions_still_gives_or_later():
    text = ("## License\n\nThe tool is licensed under the GNU General Public License version 3. "
            "You may also follow any later version of that license.\n")
    assert detect(text).expression == "GPL-3.0-or-later"


def test_no_later_version_of_the_gpl_is_not_a_versionless_gpl():
    text = "## License\n\nReleased under the GNU GPL, version 2. No newer version of the GPL applies.\n"
    assert detect(text).expression == "GPL-2.0-only"


def test_a_field_naming_lgpl_version_3_only_beats_a_notice_of_another_version():
    text = "# libkelp\n\n| Key | Value |\n|---|---|\n| License | GNU LGPL, version 3 only |\n"
    assert detect(text).expression == "LGPL-3.0-only"


# ---- 3: a title that asks which license to pick is talk -----------------------------------------
def test_a_title_asking_mit_or_gpl_then_going_on_grants_nothing():
    text = ("# MIT or GPL? Advice for a first release\n\nPermissive licenses let others close the code; "
            "copyleft keeps it open. This note grants no license.\n")
    assert detect(text).expression == "NOASSERTION"


# ---- 4: a holder or another thing named with a license word --------------------------------------
def test_mit_right_after_the_copyright_year_is_the_holder():
    assert detect("© 2019 MIT\n").expression == "NOASSERTION"


def test_a_holder_then_a_separator_then_mit_is_still_the_license():
    assert detect("© 2019 Ines Roth. MIT\n").expression == "MIT"


def test_a_theme_labelled_with_its_license_is_not_the_sites_license():
    assert detect("© 2022 Ines Roth · Font: Lora (OFL-1.1) · Theme: Clean (MIT)\n").expression == "NOASSERTION"


def test_a_license_label_in_a_footer_still_counts():
    assert detect("© 2022 Ines Roth · License: MIT\n").expression == "MIT"


# ---- 4b: use in non-commercial works of a kind only ------------------------------------------------
def test_use_in_non_commercial_films_only_is_a_non_commercial_limit():
    text = "# Foley pack\n\n## Terms\n\nThe sounds may be used in non-commercial films only.\n"
    assert detect(text).expression == "LicenseRef-Custom-NonCommercial"


def test_released_for_non_commercial_evaluation_only_is_no_use_limit_of_the_work():
    text = ("# Clips\n\n## License\n\nThe clips are licensed under CC BY 4.0. The broadcaster released its own "
            "recordings to us for non-commercial evaluation only; none of them is included here.\n")
    assert detect(text).expression == "CC-BY-4.0"


def test_japanese_non_profit_videos_only_is_a_non_commercial_limit():
    text = "# 効果音\n\n## 利用条件\n\n非営利の動画に限り使用できます。\n"
    assert detect(text).expression == "LicenseRef-Custom-NonCommercial"
