"""Issue 22: mechanisms found missing by the eighth held-out set (heldout8, spent), each tested on
text written for this test (other licenses, names and wrappings than the held-out files): notices
in source-file comments, GNU version choices worded in other ways, a license's preface dropped,
the inbound terms for contributions, and the license of a thing the work does not ship."""

import re
import sys
from pathlib import Path

import pytest

from curation import licenses

sys.path.insert(0, str(Path(__file__).parent / "license_cases"))
from wrappers import reference_text, wrap  # noqa: E402


def detect(text):
    return licenses.detect_text(text)


# ---- notices in source-file comments ----------------------------------------------------------
RUST_HEADER = """// Crate ferrule: bit-level readers for sensor frames.
//
// Copyright 2023 Ferrule contributors.
// Anyone may copy, modify and redistribute this file under the BSD 2-Clause
// License; see COPYING at the top of the repository.

pub fn read(frame: &[u8]) -> u32 {
    u32::from_le_bytes([frame[0], frame[1], frame[2], frame[3]])
}
"""
C_HEADER = """/*
 * quill.c - a tiny line editor
 *
 * Copyright (c) 2019 Ines Valdivia
 * You may use, copy and change this file under the Mozilla Public License,
 * version 2.0. A copy of that license is in LICENSE.
 */
#include <stdio.h>
"""
LUA_HEADER = """-- slate.lua: text layout for small screens
-- Copyright 2022 Oren Katz
-- You may use and share this file under the Apache License,
-- version 2.0 (see LICENSE).
local M = {}
return M
"""
SHELL_HEADER_JA = """#!/bin/sh
# 著作権 (C) 2023 山吹 透
#
# このスクリプトは、GNU 一般公衆利用許諾書の第2版、
# または（あなたの選択により）それ以降の版の条件のもとで
# 再頒布および改変することができます。
echo ok
"""


@pytest.mark.parametrize("text, expected", [
    (RUST_HEADER, "BSD-2-Clause"), (RUST_HEADER.replace("\n", "\r\n"), "BSD-2-Clause"),
    (C_HEADER, "MPL-2.0"), (LUA_HEADER, "Apache-2.0"), (SHELL_HEADER_JA, "GPL-2.0-or-later")])
def test_a_notice_across_comment_lines_is_read_as_one_sentence(text, expected):
    assert detect(text).expression == expected


def test_markdown_headings_are_still_headings():
    text = "# Ferrule\n\nBit-level readers.\n\n## License\n\nMIT\n"
    assert detect(text).expression == "MIT"


# ---- GNU version choices worded in other ways -------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("The manual is ours. You may copy and change it under the GNU Free Documentation License, "
     "Version 1.3, or, at your option, any later version.", "GFDL-1.3-or-later"),
    ("You may copy and change this manual under the GNU FDL 1.3 only.", "GFDL-1.3-only"),
    ("We release this library under the GNU General Public License, version 3, or, if you wish, "
     "any later version.", "GPL-3.0-or-later"),
    ("本ソフトウェアは GNU 劣等一般公衆利用許諾書の第2.1版のもとで再頒布することができます。", "LGPL-2.1-only"),
])
def test_gnu_and_gfdl_version_choices(text, expected):
    assert detect(text).expression == expected


def test_a_later_sentence_that_allows_newer_versions_makes_the_gnu_license_or_later():
    text = ("# Kiln\n\n## Terms\n\nWe release Kiln under the GNU General Public License, version 3.\n"
            "You may also follow any later version of that license that the FSF publishes.\n")
    assert detect(text).expression == "GPL-3.0-or-later"
    assert detect(text.replace("You may also follow any later version of that license that the FSF publishes.\n",
                               "")).expression == "GPL-3.0-only"


# ---- a license's preface dropped --------------------------------------------------------------
def _blueoak_without(section: str) -> str:
    text = reference_text("blueoak-1.0.0")
    start = text.index(f"## {section}")
    return text[:start] + text[text.index("## ", start + 3):]


@pytest.mark.parametrize("style", ["markdown", "crlf"])
def test_the_blue_oak_text_without_its_purpose_is_still_the_license(style):
    assert detect(wrap(_blueoak_without("Purpose"), style)).expression == "BlueOak-1.0.0"


def test_the_blue_oak_text_without_a_rule_is_custom_terms():
    assert detect(_blueoak_without("Excuse")).expression.startswith("LicenseRef-Custom")


# ---- the inbound terms for contributions ------------------------------------------------------
def test_the_contribution_clause_under_a_choice_adds_no_custom_terms():
    text = ("## License\n\nThis crate is distributed under either the MIT license or the Zlib license, "
            "at your option.\n\nUnless you explicitly state otherwise, any contribution you intentionally "
            "submit for inclusion in this crate shall be licensed as above, without any additional terms "
            "or conditions.\n")
    assert detect(text).expression == "MIT OR Zlib"


def test_a_japanese_contribution_clause_is_not_the_works_license():
    text = ("## ライセンス\n\n本プロジェクトは Apache License 2.0 で公開しています。\n\n"
            "本プロジェクトへのコントリビューションは MIT ライセンスで提供されたものとみなします。\n")
    assert detect(text).expression == "Apache-2.0"


# ---- the license of a thing the work does not ship --------------------------------------------
@pytest.mark.parametrize("text", [
    "# Adapter\n\n## License\n\nThe adapter weights are MIT licensed.\nThe base model is not part of this "
    "repository and stays under the Llama 2 Community License.\n",
    "# Adapter\n\n## License\n\nThe base model is not included here. It remains under its own license "
    "(CC BY-NC 4.0).\n\nThis adapter is released under the MIT License.\n",
    "# アダプタ\n\n## ライセンス\n\n本リポジトリのコードは MIT ライセンスです。\n元モデルの重みはこのリポジトリには"
    "含まれていません。その重みは CC BY-NC 4.0 で提供されています。\n",
])
def test_the_license_of_a_thing_not_shipped_is_another_works(text):
    found = detect(text)
    assert (found.expression, found.conflict) == ("MIT", False)


def test_a_thing_that_is_shipped_keeps_its_license():
    text = ("# Adapter\n\n## License\n\nThe adapter is MIT licensed. The base model weights are included "
            "and stay under CC BY-NC 4.0.\n")
    assert "CC-BY-NC-4.0" in detect(text).expression


# ---- a short license's text with a condition removed ------------------------------------------
def _zlib_without(clause: str) -> str:
    text = reference_text("zlib")
    start = text.index(f"{clause}. ")
    following = text.find(f"{int(clause) + 1}. ", start)
    return text[:start] + (text[following:] if following > 0 else "")


@pytest.mark.parametrize("clause", ["3", "1"])
@pytest.mark.parametrize("style", ["markdown", "crlf"])
def test_the_zlib_text_without_one_of_its_conditions_is_custom_terms(clause, style):
    assert detect(wrap(_zlib_without(clause), style)).expression == "LicenseRef-Custom-Zlib"


def test_the_whole_zlib_text_is_still_zlib():
    assert detect("Copyright (c) 2020 Mira Holm\n\n" + reference_text("zlib")).expression == "Zlib"


def test_a_permission_notice_without_its_disclaimer_is_still_the_license():
    text = reference_text("mit")
    notice = "Copyright (c) 2021 Ada Roe\n\n" + text[:text.index("THE SOFTWARE IS PROVIDED")]
    assert detect(notice).expression == "MIT"


# ---- a license ScanCode holds with one holder's name, copied with another's -------------------
def _xfree86_naming(holder: str) -> str:
    text = reference_text("xfree86-1.0")
    text = re.sub(r"XFREE86\s+PROJECT", holder.upper(), text)
    return re.sub(r"XFree86\s+Project", holder, text)


@pytest.mark.parametrize("style", ["markdown", "crlf", "html"])
def test_the_x11_text_naming_another_holder_is_x11(style):
    assert detect(wrap(_xfree86_naming("Lantern Graphics Group"), style)).expression == "X11"


def test_the_text_naming_its_own_holder_stays_that_license():
    assert detect(reference_text("xfree86-1.0")).expression == "LicenseRef-scancode-xfree86-1.0"


# ---- a list of "part: license" items -----------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("## ライセンス\n\nこのリポジトリは部分ごとにライセンスが異なります。\n\n"
     "- ソースコードと補助スクリプト（`lib/` と `tools/`）：MIT ライセンス\n"
     "- 説明資料と図版一式（`manual/`）：クリエイティブ・コモンズ 表示 - 継承 4.0 国際\n",
     "MIT AND CC-BY-SA-4.0"),
    ("## License\n\n* Source code and helper scripts (`lib/` and `tools/`): MIT License\n"
     "* Documentation and all figures (`manual/`): Creative Commons Attribution 4.0 International\n",
     "MIT AND CC-BY-4.0"),
])
def test_each_part_license_item_of_a_list_stands_alone(text, expected):
    assert detect(text).expression == expected
    assert detect(text.replace("\n", "\r\n")).expression == expected


# ---- a package manifest's list of licenses ----------------------------------------------------
COMPOSER = '{\n    "name": "acme/ledger",\n    "license": ["MIT", "Apache-2.0"],\n    "require": {"php": ">=8.2"}\n}\n'
GEMSPEC = ('Gem::Specification.new do |s|\n  s.name = "tallow"\n{comment}  s.licenses = ["BSD-3-Clause", "MPL-2.0"]\n'
           'end\n')


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_composer_license_array_is_a_choice(newline):
    found = detect(COMPOSER.replace("\n", newline)).expression
    assert sorted(found.split(" OR ")) == ["Apache-2.0", "MIT"]


def test_a_gemspec_license_list_is_a_choice_only_where_it_says_so():
    chosen = detect(GEMSPEC.format(comment="  # use it under either license, as you prefer\n")).expression
    assert sorted(chosen.split(" OR ")) == ["BSD-3-Clause", "MPL-2.0"]
    both = detect(GEMSPEC.format(comment="")).expression
    assert sorted(both.split(" AND ")) == ["BSD-3-Clause", "MPL-2.0"]


# ---- an HTML page's rel="license" link ---------------------------------------------------------
PAGE = ("<html><body><main><h1>{title}</h1><p>{body}</p></main><footer><p>&copy; 2024 Hill Walkers</p>"
        "{link}</footer></body></html>")


@pytest.mark.parametrize("link, expected", [
    ('<a href="https://creativecommons.org/licenses/by-sa/4.0/" rel="license"><img alt="CC" src="/b.png"></a>',
     "CC-BY-SA-4.0"),
    ("<a rel='license' href='http://creativecommons.org/licenses/by-nd/4.0/'><img src='/88x31.png'></a>",
     "CC-BY-ND-4.0"),
])
def test_a_rel_license_link_is_the_pages_license(link, expected):
    page = PAGE.format(title="尾根の記録", body="三つの尾根を歩いた記録です。", link=link)
    assert detect(page).expression == expected


def test_a_plain_link_to_a_license_deed_in_an_article_grants_nothing():
    page = PAGE.format(title="Choosing a license", body='Some authors pick <a href="https://creativecommons.org/'
                       'licenses/by-nc/4.0/">a non-commercial license</a> for photos.', link="")
    assert detect(page).expression == "NOASSERTION"


# ---- a GNU text with an exception, the notice above it giving later versions -----------------
GCC_NOTICE = """quillrt - runtime helpers for the Quill compiler
Copyright (C) 2010-2019 Tomas Lindqvist

This library is free software; you can redistribute it and/or modify it
under the terms of the GNU General Public License as published by the
Free Software Foundation; {version}.

In addition to the permissions in the GNU General Public License, the Free
Software Foundation gives you unlimited permission to link the compiled version
of this file into combinations with other programs, and to distribute those
combinations without any restriction coming from the use of this file.
(The General Public License restrictions do apply in other respects; for
example, they cover modification of the file, and distribution when not linked
into a combined executable.)

"""


@pytest.mark.parametrize("style", ["crlf", "markdown"])
def test_the_or_later_notice_above_a_gnu_text_with_an_exception_keeps_both(style):
    text = GCC_NOTICE.format(version="either version 2, or (at your option) any later version") + \
        reference_text("gpl-2.0")
    assert detect(wrap(text, style)).expression == "GPL-2.0-or-later WITH GCC-exception-2.0"



# ---- found by review after the round ----------------------------------------------------------

def test_unclosed_links_do_not_make_a_page_quadratic():
    # 2,000 unclosed <a rel="license"> tags: each scanned to the end of the page before the runs
    # were bounded (20,000 took 50 s); the page's text still comes through.
    from curation.licenses.text import clean

    page = "<html><body><p>Licensed under MIT.</p>" + '<a rel="license" href="https://x">' * 2000
    assert "Licensed under MIT." in " ".join(line.text for line in clean(page))
