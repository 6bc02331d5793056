"""Issue 22, the final review of the catalogue fixes: three regressions, each as a mechanism, tested on
variants written for this test (must-read and must-not-read)."""

from pathlib import Path

import pytest

from curation.cli.support import load_policy
from curation.licenses import detect_text, rules_for
from curation.licenses.classes import judge
from curation.licenses.names import mentions
from curation.licenses.sentence_split import _split
from curation.licenses.statements import read
from curation.licenses.text import clean

POLICY = Path(__file__).resolve().parents[1] / "policies" / "default.yaml"


@pytest.fixture(scope="module")
def rules():
    return rules_for(load_policy(POLICY))


def detected(text):
    return detect_text(text, 0.5).expression


# ---- 1: "for the <part>" is a scope, not own terms; suspected own terms are read by a person -----------
@pytest.mark.parametrize("text", [
    "Released under the OpenSSL License for the library; the apps are MIT.",
    "Shipped under the Fair License for this package, while the examples are MIT.",
])
def test_a_one_word_name_for_a_part_of_the_work_is_still_read(text):
    assert detected(text).split(" AND ")[0] in ("OpenSSL", "Fair")
    assert "MIT" in detected(text)


@pytest.mark.parametrize("text", [
    "Released under the OpenSSL License of the OpenSSL Project.",
    "Licensed under the OpenSSL License for all files.",
])
def test_the_steward_or_the_whole_work_is_no_owner(text):
    assert detected(text) == "OpenSSL"


@pytest.mark.parametrize("text,hint", [
    ("Licensed under the Fair License of Acme Corp; the docs are MIT.", "Fair"),
    ("Released under the OpenSSL License for public performance; the apps are MIT.", "OpenSSL"),
    ("Reuse follows the Fair License of our company; the code is MIT.", "Fair"),
])
def test_suspected_own_terms_are_a_person_s_never_nothing(text, hint):
    own = [m for m in mentions(text) if m.ambiguous and m.hint == hint]
    assert [m.expression for m in own] == [f"LicenseRef-Custom-{hint}"]
    assert detected(text) != "MIT"  # the other grant never wins alone


# ---- 2: "X or later" is judged by X's classes ---------------------------------------------------------
@pytest.mark.parametrize("key,action,reason", [
    ("Apache-2.0+", "allow", "license_allowed"),
    ("MPL-2.0+", "review", "license_weak_copyleft"),
    ("EPL-2.0+", "review", "license_weak_copyleft"),
    ("PolyForm-Noncommercial-1.0.0+", "deny", "license_noncommercial"),
])
def test_or_later_has_the_classes_of_its_version(rules, key, action, reason):
    j = judge(key, rules)
    assert (j.action, j.reason) == (action, reason)
    base = judge(key[:-1], rules)
    assert (base.action, base.reason) == (action, reason)


def test_or_later_of_an_unknown_license_stays_unknown(rules):
    assert judge("NoSuchLicense-1.0+", rules).reason == "license_unknown"


def test_apache_or_later_in_a_text_is_allowed(rules):
    expression = detected("Licensed under the Apache License 2.0 or later.")
    assert judge(expression, rules).action == "allow"


# ---- 3: a country's abbreviation as a place ends a sentence unless its name goes on --------------------------------
@pytest.mark.parametrize("text,expected", [
    ("Made in the U.S. Apache License 2.0 applies.", ["Made in the U.S.", "Apache License 2.0 applies."]),
    ("Built in the E.U. MIT License applies.", ["Built in the E.U.", "MIT License applies."]),
])
def test_a_country_abbreviation_before_another_name_ends_the_sentence(text, expected):
    assert _split(text) == expected


@pytest.mark.parametrize("text", [
    "Data is under the U.K. Open Government Licence v3.0.",
    "Data from the U.S. Government is public domain.",
    "Funded by the U.S. Department of Energy.",
    "See e.g. MIT for an example.",
    "We read the U.S. Apache License 2.0 guide and chose MIT.",
])
def test_a_name_that_goes_on_after_the_abbreviation_is_one_sentence(text):
    assert _split(text) == [text]


def test_a_grant_after_a_country_abbreviation_is_read():
    assert detected("Made in the U.S. Apache License 2.0 applies.") == "Apache-2.0"


# ---- 4: "or later" in Japanese; one-word SPDX names said with "License" --------------------------------
@pytest.mark.parametrize("text,expected", [
    ("本ソフトウェアは Apache License 2.0 またはそれ以降のバージョンの下で提供されます。", "Apache-2.0+"),
    ("本ライブラリは Mozilla Public License 2.0 以降で提供されます。", "MPL-2.0+"),
    ("本ソフトウェアは Apache License 2.0 で提供されます。", "Apache-2.0"),
    ("2020年以降、本ソフトウェアは MIT License で提供されます。", "MIT"),
])
def test_japanese_or_later_reads_as_english_does(text, expected):
    assert [m.expression for m in mentions(text)] == [expected]


@pytest.mark.parametrize("name,expected", [("NCSA License", "NCSA"), ("W3C License", "W3C")])
def test_a_one_word_spdx_id_said_with_license_is_read(name, expected):
    assert [m.expression for m in mentions(f"Licensed under the {name}.")] == [expected]
    # an agreement to sign is someone's own terms: a person reads it, never the listed license
    assert expected not in [m.expression for m in mentions(f"Please sign the {name} Agreement first.")]


@pytest.mark.parametrize("text,hint", [("Licensed under the Business Source License.", "BUSL-1.1"),
                                       ("Licensed under the GNU General Public License version 5.", None)])
def test_a_family_named_without_its_one_version_keeps_the_hint_for_the_reviewer(text, hint):
    _, remarks = read(clean(text))
    assert [(r.why, r.hint) for r in remarks] == [("no_such_version", hint)]


def test_the_explain_line_of_a_family_named_without_its_version_gives_the_reviewer_the_listed_version():
    found = detect_text("This tool is released under the Business Source License.\n")
    assert found.expression == "NOASSERTION"
    assert any("closest listed version BUSL-1.1" in line for line in found.explain())
