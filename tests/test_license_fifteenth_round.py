"""Issue 22, heldout12's misses and the last round's open items as general mechanisms, each tested on
text written for this test (other wordings, English and Japanese, other licenses of the same kind):
a card's `license: other` read through its link, the license fields of R, Nix, RPM and meson package
descriptions, own terms that forbid handing on changed versions or the material itself, an exception's text after a GPL
text, a license file cut off mid-text, a dependency's license, "Alternatively" and a bare id in a
Japanese choice."""

import pytest

from curation import licenses
from curation.licenses.card_links import linked_license
from curation.licenses.package_metadata import package_license


def detect(text):
    return licenses.detect_text(text)


# ---- 1: a card's `license: other` and its link ------------------------------------------------------
def _card(header, body="# A dataset\n\nRecordings of read speech.\n"):
    return f"---\n{header}\n---\n\n{body}"


@pytest.mark.parametrize("link, expected", [
    ("https://creativecommons.org/licenses/by-sa/4.0/deed.ja", "CC-BY-SA-4.0"),
    ("https://creativecommons.org/licenses/by-nc-nd/4.0/legalcode", "CC-BY-NC-ND-4.0"),
    ("https://www.apache.org/licenses/LICENSE-2.0.txt", "Apache-2.0"),
    ("https://www.gnu.org/licenses/gpl-3.0.html", "GPL-3.0-only"),
    ("https://opensource.org/licenses/BSD-3-Clause", "BSD-3-Clause"),
    ("https://www.mozilla.org/en-US/MPL/2.0/", "MPL-2.0"),
])
def test_a_license_link_to_a_licenses_own_page_is_that_license(link, expected):
    assert linked_license(link) == expected
    assert detect(_card(f"license: other\nlicense_link: {link}")).expression == expected


def test_a_link_in_the_license_section_is_the_evidence_where_the_card_has_no_license_link():
    body = ("# 路上標識の写真\n\n2024 年に撮影した道路標識の写真です。\n\n## ライセンス\n\n"
            "詳しくは https://creativecommons.org/licenses/by/4.0/deed.ja をご覧ください。\n")
    assert detect(_card("license: other", body)).expression == "CC-BY-4.0"


def test_a_license_name_with_a_link_to_its_own_terms_is_custom_terms_of_that_name():
    found = detect(_card("license: other\nlicense_name: harbor-model-terms\nlicense_link: "
                         "https://example.org/harbor/TERMS.md"))
    assert found.expression == "LicenseRef-Custom-harbor-model-terms"


def test_a_license_name_whose_link_is_a_deed_is_the_deeds_license():
    found = detect(_card("license: other\nlicense_name: cc-by-nc-4.0-jp\nlicense_link: "
                         "https://creativecommons.org/licenses/by-nc/4.0/deed.ja"))
    assert found.expression == "CC-BY-NC-4.0"


def test_other_with_neither_name_nor_link_stays_a_placeholder():
    assert detect(_card("license: other")).expression in ("NOASSERTION", "LicenseRef-HF-other")


def test_a_link_to_a_page_that_is_no_license_names_none():
    assert linked_license("https://huggingface.co/some-org/some-model/blob/main/LICENSE") is None


# ---- 2: package descriptions ---------------------------------------------------------------------------
_R = "Package: spectrakit\nType: Package\nTitle: Spectra\nVersion: 1.2.0\nLicense: {value}\nEncoding: UTF-8\n"


@pytest.mark.parametrize("value, expected", [
    ("GPL (>= 2)", "GPL-2.0-or-later"),
    ("GPL-3", "GPL-3.0-only"),
    ("LGPL-2.1 | MPL-2.0", "LGPL-2.1-only OR MPL-2.0"),
    ("MIT + file LICENSE", "MIT"),
    ("BSD_3_clause + file LICENSE", "BSD-3-Clause"),
    ("GPL-3 + file LICENSE", "LicenseRef-Custom-GPL-3.0-only"),
    ("AGPL (>= 3)", "AGPL-3.0-or-later"),
])
def test_an_r_description_license_field_is_read_in_rs_notation(value, expected):
    assert detect(_R.format(value=value)).expression == expected


def test_an_r_description_whose_terms_are_only_in_a_file_names_no_license():
    assert package_license(_R.format(value="file LICENSE")) is None


_NIX = """{{ lib, stdenv, fetchurl }}:
stdenv.mkDerivation rec {{
  pname = "tidecalc";
  version = "0.3";
  meta = with lib; {{
    description = "Tide tables";
    license = {value};
  }};
}}
"""


@pytest.mark.parametrize("value, expected", [
    ("licenses.gpl3Plus", "GPL-3.0-or-later"),
    ("lib.licenses.lgpl21Only", "LGPL-2.1-only"),
    ("licenses.bsd3", "BSD-3-Clause"),
    ("with licenses; [ mit asl20 ]", "MIT AND Apache-2.0"),
    ("[ licenses.mpl20 licenses.cc-by-sa-40 ]", "MPL-2.0 AND CC-BY-SA-4.0"),
])
def test_a_nix_meta_license_is_read_by_nixpkgs_attribute_names(value, expected):
    assert detect(_NIX.format(value=value)).expression == expected


def test_a_nix_license_that_names_no_terms_is_no_license():
    assert package_license(_NIX.format(value="licenses.unfree")) is None


_SPEC = "Name:           tidepool\nVersion:        1.0\nRelease:        1\nLicense:        {value}\n\n%description\nA tool.\n"


@pytest.mark.parametrize("value, expected", [
    ("GPLv2+", "GPL-2.0-or-later"),
    ("GPLv3", "GPL-3.0-only"),
    ("LGPLv2+ and BSD", "LGPL-2.1-or-later AND LicenseRef-BSD-unspecified"),
    ("MIT or ASL 2.0", "MIT OR Apache-2.0"),
    ("MPLv2.0 and (zlib or Boost)", "MPL-2.0 AND (Zlib OR BSL-1.0)"),
    ("Apache-2.0 AND BSD-3-Clause", "Apache-2.0 AND BSD-3-Clause"),
])
def test_an_rpm_spec_license_is_read_in_fedoras_old_names_and_in_spdx(value, expected):
    assert detect(_SPEC.format(value=value)).expression == expected


def test_a_meson_project_license_is_read():
    text = "project('quill', 'cpp',\n  version : '2.1',\n  license : 'Apache-2.0 OR MIT',\n)\n"
    assert detect(text).expression == "Apache-2.0 OR MIT"


def test_a_package_description_quoted_in_a_readmes_code_block_is_an_example():
    text = "# Packaging notes\n\nA spec looks like this:\n\n```\n" + _SPEC.format(value="GPLv2+") + "```\n"
    assert package_license(text) is None
    assert "GPL" not in detect(text).expression


def test_a_license_line_in_a_text_that_is_no_package_description_is_not_read_as_one():
    assert package_license("Notes\n\nLicense: GPL-2 | GPL-3 is what R writes.\n") is None


# ---- 3: own terms that forbid handing on changed versions ------------------------------------------------
@pytest.mark.parametrize("text", [
    "# 画像変換ツール\n\n## 利用条件\n\n- フリーソフトです。無料でご利用ください。\n- 改変版の再配布はご遠慮ください。\n",
    "# 文字数カウンタ\n\n本ツールは無料で使えます。転載は自由ですが、本ツールを改造したものの配布は禁止します。\n",
    "# PixelPad\n\nPixelPad is freeware: you can use it at home or at work and give copies to friends.\n"
    "You may not distribute modified versions of this software.\n",
    "# Typeset helper\n\n## Terms\n\nFree for any use. Redistribution of altered copies is not permitted.\n",
])
def test_own_terms_that_forbid_distributing_modified_versions_are_custom_no_derivatives(text):
    assert detect(text).expression == "LicenseRef-Custom-NoDerivatives"


def test_no_derivatives_and_non_commercial_own_terms_keep_both_duties():
    text = "# ぬりえ素材\n\n## ライセンス\n\n改変した素材を再配布することは禁止します。また、商用利用はできません。\n"
    found = detect(text).expression
    assert "NoDerivatives" in found and "NonCommercial" in found


@pytest.mark.parametrize("text", [
    "# Notes\n\nWhat does ND mean? Some licenses say you may not distribute modified versions.\n",
    "# メモ\n\n改変したものの配布を禁止するライセンスとは何でしょうか？\n",
])
def test_talk_about_forbidding_modified_versions_is_no_terms(text):
    assert "NoDerivatives" not in detect(text).expression


@pytest.mark.parametrize("text", [
    "# やさしい背景イラスト集\n\n## 利用規約\n\n個人・商用を問わず無料で使えます。ただし、以下の行為は禁止します。\n\n"
    "- イラストをそのまま、または加工して再配布すること\n- イラストを主体とした商品の販売\n",
    "# Pixel Trees asset pack\n\n## Terms\n\nYou can use these sprites in free and commercial games. The sprites "
    "may not be resold or redistributed on their own.\n",
    "# 効果音パック\n\n## 利用条件\n\nゲームや動画に組み込んで商用利用できますが、効果音単体での再販売はできません。\n",
])
def test_own_terms_that_forbid_redistributing_the_material_itself_are_custom_no_redistribution(text):
    assert detect(text).expression == "LicenseRef-Custom-NoRedistribution"


def test_a_ban_on_selling_alone_is_a_commercial_limit_not_no_redistribution():
    text = "# 写真素材\n\n## 利用条件\n\n本素材を営利目的で販売することは禁止します。\n"
    assert "NoRedistribution" not in detect(text).expression


def test_own_terms_that_allow_redistribution_forbid_nothing():
    text = "# 家計簿\n\n## 利用条件\n\n本ソフトはフリーソフトです。転載・再配布は自由です。\n"
    assert "NoRedistribution" not in detect(text).expression


def test_a_japanese_non_commercial_limit_in_own_terms_is_custom_non_commercial():
    text = "# 家計簿アプリ\n\n## 利用条件\n\n本アプリは個人利用に限り無料です。商用利用不可。\n"
    assert detect(text).expression == "LicenseRef-Custom-NonCommercial"


# ---- 4: the last round's open items ---------------------------------------------------------------------
def _reference(key):
    from licensedcode.cache import get_licenses_db
    return get_licenses_db()[key].text


@pytest.mark.parametrize("license_key, exception_key, expected", [
    ("gpl-3.0", "gcc-exception-3.1", "GPL-3.0-only WITH GCC-exception-3.1"),
    ("gpl-3.0", "autoconf-exception-3.0", "GPL-3.0-only WITH Autoconf-exception-3.0"),
    ("gpl-2.0", "bison-exception-2.2", "GPL-2.0-only WITH Bison-exception-2.2"),
])
def test_an_exceptions_full_text_after_a_gpl_text_is_that_gpl_with_the_exception(license_key, exception_key,
                                                                                    expected):
    text = _reference(license_key) + "\n\n" + _reference(exception_key)
    assert detect(text).expression == expected


def test_a_notice_naming_an_exception_above_a_gpl_text_and_the_exception_is_not_custom():
    notice = ("This program is free software: you can redistribute it and/or modify it under the terms of the\n"
              "GNU General Public License as published by the Free Software Foundation, either version 3 of the\n"
              "License, or (at your option) any later version, with the GCC Runtime Library Exception 3.1\n"
              "appended below.\n\n")
    text = notice + _reference("gpl-3.0") + "\n\n" + _reference("gcc-exception-3.1")
    assert detect(text).expression == "GPL-3.0-or-later WITH GCC-exception-3.1"


def test_a_license_file_cut_off_mid_sentence_is_the_license_read_in_part():
    ofl = _reference("ofl-1.1")
    for share in (0.6, 0.8):
        cut = ofl[:int(len(ofl) * share)].rstrip()
        cut = cut.rstrip(".;:") + " and"  # stops inside a sentence
        found = detect(cut)
        assert found.expression == "OFL-1.1", share
        assert any("read in part" in s.rule for s in found.statements)


def test_a_license_whose_conditions_are_dropped_and_which_goes_on_to_its_end_stays_custom():
    ofl = _reference("ofl-1.1")
    text = ofl[:ofl.index("PERMISSION & CONDITIONS")] + ofl[ofl.index("TERMINATION"):]
    assert detect(text).expression == "LicenseRef-Custom-OFL-1.1"


@pytest.mark.parametrize("sentence", [
    "This software uses the Apache License 2.0 library \"tinyjson\" for parsing.",
    "The tool depends on the BSD-3-Clause licensed package fastcsv.",
    "It links against the LGPL-2.1 library libfoo at run time.",
])
def test_a_dependencys_license_beside_the_works_badge_raises_no_conflict(sentence):
    text = ("# gridkit\n\n[![License: MIT](https://img.shields.io/badge/License-MIT-yellow.svg)](LICENSE)\n\n"
            f"A layout helper. {sentence}\n")
    found = detect(text)
    assert found.expression == "MIT" and not found.conflict


@pytest.mark.parametrize("text, expected", [
    ("# netparse\n\nnetparse is licensed under the MIT License. Alternatively, netparse may be used under the "
     "terms of the GNU General Public License version 2.0.\n", "MIT OR GPL-2.0-only"),
    ("# netparse\n\nThis library is available under the Apache License 2.0.\nAlternatively, it may be used under "
     "the terms of the MIT License.\n", "Apache-2.0 OR MIT"),
    ("Copyright (c) 2023 Kai Berg\n\nThis file is distributed under the BSD 3-Clause License.\n\nAlternatively, "
     "this file may be distributed under the terms of the GNU General Public License (GPL) version 2 as published "
     "by the Free Software Foundation.\n", "BSD-3-Clause OR GPL-2.0-only"),
])
def test_alternatively_offers_a_second_license_as_a_choice(text, expected):
    found = detect(text)
    assert found.expression == expected and not found.conflict


@pytest.mark.parametrize("text, expected", [
    ("# 形態素ツール\n\n## ライセンス\n\nMIT または Apache-2.0 のいずれかを選択してご利用いただけます。\n",
     "MIT OR Apache-2.0"),
    ("# rust-ja\n\nApache-2.0 か MIT のどちらかを選んで利用できます。\n", "Apache-2.0 OR MIT"),
])
def test_a_bare_id_in_a_japanese_choice_keeps_both_sides(text, expected):
    assert detect(text).expression == expected


def test_advice_about_choosing_between_licenses_is_still_talk():
    assert detect("# メモ\n\nMIT または GPL のいずれかを選ぶのが一般的です。\n").expression == "NOASSERTION"
