"""Issue 22, the review of the license-name catalogue: each finding as a mechanism, tested on
variants written for this test (none is a review text)."""

import pytest

from curation import licenses
from curation.licenses import catalogue_names
from curation.licenses.ja_names import english_reading
from curation.licenses.names import NO_SUCH_VERSION, mentions
from curation.licenses.sentence_split import _split


def read(line):
    return [m.expression for m in mentions(line)]


def readme(sentence):
    return f"# sora-kit\n\nTools for sorting bird survey photos.\n\n## License\n\n{sentence}\n"


# ---- 1: SPDX's own full names win over a sibling's bracketed or dated name ----------------------------
@pytest.mark.parametrize("name,expected", [("Intel Open Source License", "Intel"),
                                           ("FSF Unlimited License", "FSFUL")])
def test_spdx_full_name_reads_its_own_license(name, expected):
    assert read(f"The helpers are distributed under the {name}.") == [expected]


# ---- 2: a family named without its version is no version the list happens to hold ---------------------
@pytest.mark.parametrize("name,hint", [("Business Source License", "BUSL-1.1"),
                                       ("Universal Permissive License", "UPL-1.0")])
def test_a_family_without_its_version_is_for_review_with_a_hint(name, hint):
    found = mentions(f"The plugin ships under the {name}.")
    assert [(m.expression, m.ambiguous, m.hint) for m in found] == [(NO_SUCH_VERSION, True, hint)]


@pytest.mark.parametrize("name", ["Henry Spencer License", "Hewlett Packard License"])
def test_a_family_whose_versions_are_years_is_never_read_without_one(name):
    assert read(f"Parts are under the {name}.") == [NO_SUCH_VERSION]


def test_an_unversioned_spdx_full_name_is_still_read():
    assert read("The cache is under the Sleepycat License.") == ["Sleepycat"]


# ---- 3: an SPDX id written out is never cut short ------------------------------------------------------
@pytest.mark.parametrize("spdx_id", ["AGPL-1.0-or-later", "OFL-1.1-RFN", "OFL-1.0-no-RFN", "QPL-1.0-INRIA-2004",
                                     "CC-BY-SA-3.0-AT"])
def test_an_id_with_more_after_a_catalogue_name_is_read_whole(spdx_id):
    assert read(f"Released under {spdx_id} for all files.") == [spdx_id]


# ---- 4: one-word names: company, product, common word or acronym ---------------------------------------
@pytest.mark.parametrize("line", [
    "Please sign the Intel License Agreement before downloading.",
    "Read the Nokia License Agreement for partners first.",
    "Venues need our PPL Licence for public performance.",
    "Puzzles follow the Crossword License of the Morning Herald.",
    "Reuse follows the Fair License of Umbrella Ltd.",
    "Images are covered by the SL License of our institute.",
    "Pictures use the JPEG License of the photo bank.",
    "Accept the Click License to continue the installation.",
    "この SDK は Nokia ライセンス で提供されます。",
    "Shipped under the Pixar License, trial use only; contact sales for production.",
])
def test_a_one_word_name_that_is_someone_s_own_terms_is_no_listed_license(line):
    assert [m for m in mentions(line) if m.rule.startswith("catalogue")] == []


def test_a_one_word_spdx_full_name_is_still_read():
    assert read("This library is under the Fair License.") == ["Fair"]
    assert licenses.detect_text(readme("Released under the Crossword License.")).expression == "Crossword"


# ---- 5: the longest name wins ---------------------------------------------------------------------------
@pytest.mark.parametrize("name,expected", [
    ("Creative Commons Attribution 3.0 Austria License", "CC-BY-3.0-AT"),
    ("Apple MIT License", "AML"),
    ("SIL Open Font License 1.0", "OFL-1.0"),
    ("BSD-2-Clause-Patent License", "BSD-2-Clause-Patent"),
    ("MIT +no-false-attribs License", "MITNFA"),
])
def test_a_longer_catalogue_name_holding_a_hand_table_name_wins(name, expected):
    assert read(f"The toolkit is released under the {name}.") == [expected]


@pytest.mark.parametrize("name", ["ODbL v3.0", "PolyForm Small Business License 2.0"])
def test_a_one_version_license_named_with_another_version_is_no_license(name):
    assert read(f"The tables are released under the {name}.") == [NO_SUCH_VERSION]


def test_the_same_license_read_by_both_keeps_the_hand_table_reading():
    assert [(m.expression, m.rule) for m in mentions("Released under the MIT License.")] == [("MIT", "mit")]


# ---- 6: "or later" after a license that is no GNU license ------------------------------------------------
@pytest.mark.parametrize("name,expected", [("Academic Free License 2.1", "AFL-2.1+"),
                                           ("Mozilla Public License 1.1", "MPL-1.1+"),
                                           ("Apple Public Source License 2.0", "APSL-2.0+")])
def test_or_later_after_a_non_gnu_license_is_kept(name, expected):
    assert read(f"Licensed under the {name} or (at your option) any later version.") == [expected]


# ---- 7: abbreviations end no sentence -------------------------------------------------------------------
def test_a_country_abbreviation_ends_no_sentence():
    assert len(_split("We read the U.S. Apache License 2.0 guide and chose MIT.")) == 1
    text = readme("We compared the U.K. Open Government Licence v2.0 with two others and picked none.")
    assert licenses.detect_text(text).expression == "NOASSERTION"


# ---- 9: the LPPL named "1.3" ------------------------------------------------------------------------------
def test_lppl_1_3_without_its_letter_is_for_review_never_a_crash():
    found = licenses.detect_text(readme("This class file is released under the LaTeX Project Public License 1.3."))
    assert found.expression == "NOASSERTION"
    assert read("under the LPPL 1.3a") == ["LPPL-1.3a"]


# ---- 11: a Japanese name's span ends where its last word does --------------------------------------------
def test_a_japanese_name_span_ends_at_its_last_word():
    line = "この関数群は Boost ソフトウェアライセンス の条件で使えます。"
    (m,) = mentions(line)
    assert line[m.start:m.end] == "Boost ソフトウェアライセンス"
    english, origin = english_reading("IPAフォントライセンス")
    assert origin[english.rstrip().__len__() - 1] == len("IPAフォントライセンス") - 1


def test_the_catalogue_index_knows_spdx_names_it_adds():
    assert [f.spdx_id for f in catalogue_names.find("the FSF Unlimited License")] == ["FSFUL"]


# ---- 8: names the catalogue missed -----------------------------------------------------------------------
@pytest.mark.parametrize("name,expected", [("Open Font License 1.1", "OFL-1.1"),
                                           ("IBM Public License 1.0", "IPL-1.0"),
                                           ("Yahoo! Public License v1.1", "YPL-1.1")])
def test_a_listed_license_named_without_its_maker_or_with_its_own_version_is_read(name, expected):
    assert read(f"The glyph data is distributed under the {name}.") == [expected]


def test_a_versionless_name_followed_by_another_version_is_not_read_as_its_one():
    assert read("The glyph data is distributed under the IBM Public License 2.0.") != ["IPL-1.0"]
