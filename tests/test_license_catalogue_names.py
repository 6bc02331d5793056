"""Issue 22: any license on the SPDX list, named in full in a README, is read as its SPDX id
(catalogue_names: an index of the installed catalogues' names), versions kept exactly, while
ordinary words that share a license's name never become licenses. Texts written for this test."""

import pytest

from curation import licenses
from curation.licenses import catalogue_names
from curation.licenses.names import NO_SUCH_VERSION, mentions


def detect(text):
    return licenses.detect_text(text)


def readme(sentence):
    return f"# kumo-tools\n\nSmall helpers for reading weather station logs.\n\n## License\n\n{sentence}\n"


# families the hand table (names.NAMES) does not hold, each granted by a README sentence
_GRANTED = [
    ("This project is licensed under the Blue Oak Model License 1.0.0.", "BlueOak-1.0.0"),
    ("Released under the Fair License.", "Fair"),
    ("kumo-tools is distributed under the Ruby License.", "Ruby"),
    ("kumo-tools is free software, distributed under the same license as Ruby.", "Ruby"),
    ("This package is licensed under the Tcl/Tk License.", "TCL"),
    ("The fonts are distributed under the IPA Font License.", "IPA"),
    ("This software is released under the PostgreSQL License.", "PostgreSQL"),
    ("Licensed under the Python Software Foundation License.", "PSF-2.0"),
    ("Licensed under the Universal Permissive License v 1.0 as shown at https://oss.oracle.com/licenses/upl.",
     "UPL-1.0"),
    ("kumo-tools is licensed under Mulan PSL v2.", "MulanPSL-2.0"),
    ("This project is licensed under the Mulan Permissive Software License, Version 2.", "MulanPSL-2.0"),
    ("The data is made available under the Open Government Licence v3.0.", "OGL-UK-3.0"),
    ("The data is published under the Etalab Open License 2.0.", "etalab-2.0"),
    ("This program is distributed under the CeCILL-B Free Software License Agreement.", "CECILL-B"),
    ("This program is distributed under the CeCILL-B License.", "CECILL-B"),
    ("Distributed under the University of Illinois/NCSA Open Source License.", "NCSA"),
    ("This code is licensed under the NCSA Open Source License.", "NCSA"),
    ("The plugin is distributed under the Vim License.", "Vim"),
    ("This library is released under the JSON License.", "JSON"),
    ("kumo-tools is distributed under the Sleepycat License.", "Sleepycat"),
    ("This code is licensed under the Common Development and Distribution License 1.0.", "CDDL-1.0"),
    ("Licensed under the Common Public License 1.0.", "CPL-1.0"),
    ("This project is licensed under the Academic Free License 3.0.", "AFL-3.0"),
    ("This project is licensed under the Open Software License 3.0.", "OSL-3.0"),
    ("This project is licensed under the Microsoft Public License.", "MS-PL"),
    ("This project is licensed under the Microsoft Reciprocal License.", "MS-RL"),
    ("Licensed under the Educational Community License 2.0.", "ECL-2.0"),
    ("This package is distributed under the Zope Public License 2.1.", "ZPL-2.1"),
    ("This extension is released under the PHP License 3.01.", "PHP-3.01"),
    ("Licensed under the Apache License 1.1.", "Apache-1.1"),
    ("This code is made available under the Mozilla Public License 1.0.", "MPL-1.0"),
    ("This software is released under the X11 License.", "X11"),
    ("This software is released under the ICU License.", "ICU"),
    ("The code is licensed under the Eiffel Forum License 2.0.", "EFL-2.0"),
    ("The code is licensed under the Apple Public Source License 2.0.", "APSL-2.0"),
    ("This code is licensed under the Eclipse Distribution License 1.0.", "BSD-3-Clause"),
    ("This program is licensed under the Lucent Public License 1.02.", "LPL-1.02"),
]


@pytest.mark.parametrize("sentence,expected", _GRANTED)
def test_a_license_on_the_spdx_list_named_in_full_is_read(sentence, expected):
    assert detect(readme(sentence)).expression == expected


# Japanese READMEs: the name as written in English, or its words in katakana
_GRANTED_JA = [
    ("本ソフトウェアは Boost Software License 1.0 の下で配布されています。", "BSL-1.0"),
    ("本フォントは IPAフォントライセンス の下で配布されています。", "IPA"),
    ("本ソフトウェアは Blue Oak Model License 1.0.0 に基づいて公開しています。", "BlueOak-1.0.0"),
    ("このライブラリは University of Illinois/NCSA Open Source License の下で配布されます。", "NCSA"),
    ("本プロジェクトは Mulan PSL v2 のもとで公開されています。", "MulanPSL-2.0"),
    ("本ライブラリは Ruby と同じライセンスで配布します。", "Ruby"),
]


@pytest.mark.parametrize("sentence,expected", _GRANTED_JA)
def test_a_japanese_readme_naming_a_listed_license_is_read(sentence, expected):
    text = f"# kumo-tools\n\n気象観測ログを読むための小さなツールです。\n\n## ライセンス\n\n{sentence}\n"
    assert detect(text).expression == expected


# ordinary words that share a word with a license's name, and talk about licenses
_NOT_A_LICENSE = [
    "Quoting short passages for review is fair use.",
    "kumo-tools is a Ruby gem; install it with `gem install kumo-tools`.",
    "It is built on the Boost library 1.0 and runs on Python 2.0 or later.",
    "Run the Python license checker before each release.",
    "Run the PostgreSQL License checker before each release.",
    "We were looking for a universal permissive license that lawyers accept.",
    "Pick an open source license that suits your team.",
    "Any OSI License will do for the plugins you contribute.",
]


@pytest.mark.parametrize("sentence", _NOT_A_LICENSE)
def test_ordinary_words_are_no_license(sentence):
    line = f"Notes: {sentence}"
    assert [m for m in mentions(line) if m.rule.startswith("catalogue")] == []
    assert detect(readme(sentence)).expression == "NOASSERTION"


def test_a_name_without_its_capitals_is_talk_not_a_name():
    # "a fair license" is an opinion; "the Fair License" a license
    assert catalogue_names.find("We think this is a fair license for everyone.") == []
    assert [f.spdx_id for f in catalogue_names.find("We use the Fair License for everyone.")] == ["Fair"]


def test_talk_about_listed_licenses_grants_nothing():
    text = readme("Projects like ours often pick the Blue Oak Model License 1.0.0 or the Fair License; "
                  "we have not chosen one yet.")
    assert detect(text).expression == "NOASSERTION"


# ---- versions are kept exactly ----------------------------------------------------------------------
def test_a_version_the_family_never_had_is_no_license():
    result = detect(readme("This library is licensed under the Apache License, Version 3.0."))
    assert result.expression == "NOASSERTION"
    assert [r.why for r in result.remarks] == ["no_such_version"]


@pytest.mark.parametrize("name", ["Eclipse Public License 3.0", "Mozilla Public License, version 1.5",
                                  "Academic Free License 4.0"])
def test_any_family_named_with_a_version_it_lacks_is_read_as_no_such_version(name):
    found = [m for m in mentions(f"Licensed under the {name}.") if m.rule.startswith("catalogue")]
    assert [m.expression for m in found] == [NO_SUCH_VERSION]
    assert found[0].ambiguous


@pytest.mark.parametrize("name,expected", [("Apache License 1.0", "Apache-1.0"), ("Apache License 1.1", "Apache-1.1"),
                                           ("Academic Free License 2.1", "AFL-2.1"),
                                           ("Open Software License 2.0", "OSL-2.0")])
def test_each_version_is_its_own_id(name, expected):
    assert [m.expression for m in mentions(f"Licensed under the {name}.")] == [expected]


def test_the_gnu_lesser_license_keeps_its_version_and_only():
    assert [m.expression for m in mentions("the GNU LGPL version 2.1 only")] == ["LGPL-2.1-only"]


def test_the_hand_table_reads_first_where_both_read():
    # "SIL Open Font License" without a version: the hand table's OFL-1.1, not the catalogue's
    # (which holds several OFL versions and would read nothing)
    found = mentions("The fonts are licensed under the SIL Open Font License.")
    assert [(m.expression, m.rule) for m in found] == [("OFL-1.1", "ofl")]


# ---- the index -------------------------------------------------------------------------------------
def test_the_index_covers_the_spdx_list_and_is_built_once():
    index = catalogue_names.index()
    ids = {name.spdx_id for group in index.values() for name in group if name.spdx_id}
    assert len(ids) > 600  # the SPDX list's licenses (exceptions and deprecated ids excluded)
    assert catalogue_names.index() is index


def test_the_data_file_matches_the_installed_catalogues():
    # rebuild with `python -m curation.licenses.catalogue_names` after upgrading ScanCode
    assert catalogue_names.catalogue_rows() == catalogue_names.data_rows()


def test_a_gnu_family_without_its_version_is_left_to_the_hand_table():
    # "any version ever published": names.py reads it as the first version or later; the catalogue
    # must not read the one version its names hold as "-only" where names.py stands aside
    text = "the GNU Library General Public License as published by the Free Software Foundation; either version 2"
    assert catalogue_names.find(text) == []


def test_a_year_after_a_name_is_a_date_not_a_version():
    found = catalogue_names.find("Apache License, 2019-2024 Kumo Inc.")
    assert [f.spdx_id for f in found] == []
    # the year is no version: the name is read as written, without one (for review, its one version the hint)
    found = catalogue_names.find("Blue Oak Model License, 2024 edition")
    assert [(f.spdx_id, f.how, f.hint) for f in found] == [(None, "version not stated", "BlueOak-1.0.0")]


def test_a_catalogue_label_without_license_or_version_is_no_name():
    # ScanCode labels some licenses by their style ("CMU Style"): words people write about other things
    assert catalogue_names.find("Follow the CMU Style guide for comments.") == []
