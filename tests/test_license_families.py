"""Issue 22, point 2: every license family the policy classes is found in its reference text as
repositories carry it (markdown headings and emphasis, CRLF, a byte-order mark, an HTML page), and
its NC / ND / SA duties are never added or lost; texts that were changed are custom terms."""

import re
import sys
from pathlib import Path

import pytest

from curation import licenses
from curation.licenses.expression_duties import _flags

sys.path.insert(0, str(Path(__file__).parent / "license_cases"))
from wrappers import FAMILIES, STYLES, modified, reference_text, wrap  # noqa: E402


def family(expression: str) -> str:
    return re.sub(r"-(only|or-later)$", "", expression)


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("spdx_id", sorted(FAMILIES))
def test_a_wrapped_license_text_is_its_license_with_its_duties(spdx_id, style):
    found = licenses.detect_text(wrap(reference_text(FAMILIES[spdx_id]), style))
    assert family(found.expression) == family(spdx_id)
    assert _flags(found.expression) == _flags(spdx_id)
    assert not found.conflict


@pytest.mark.parametrize("name, text, expected", modified(), ids=[m[0] for m in modified()])
def test_a_changed_license_text_is_custom_terms_never_the_listed_license(name, text, expected):
    found = licenses.detect_text(text)
    assert found.expression.startswith("LicenseRef-Custom-")
    if not expected.endswith("*"):
        assert found.expression == expected
    assert found.hint  # the closest SPDX license is named


def test_custom_terms_are_reviewed_and_keep_the_duties_of_their_base(policy):
    rules = licenses.rules_for(policy)
    assert licenses.classify("LicenseRef-Custom-MPL-2.0", "license_file", rules).license_class == "review"
    assert licenses.classify("LicenseRef-Custom-CC-BY-4.0", "license_file", rules).reason == "license_custom_terms"
    nc = licenses.classify("LicenseRef-Custom-CC-BY-4.0-NonCommercial", "license_file", rules)
    assert (nc.license_class, nc.reason) == ("deny", "license_noncommercial")
    assert "share-alike" in licenses.source_duties("LicenseRef-Custom-CC-BY-SA-4.0", rules)


def test_names_and_copyright_lines_filled_into_a_text_do_not_make_it_custom():
    text = reference_text("bsd-new")
    named = ("BSD 3-Clause License\n\nCopyright (c) 2008-2011, AQR Capital Management, LLC, Lambda Foundry, Inc.\n"
             "Copyright (c) 2011-2024, Open source contributors of the Example Data Team\nAll rights reserved.\n\n"
             + re.sub(r"Neither the name of .*? nor", "Neither the name of the Example Data Team, Lambda Foundry, "
                      "nor", text, count=1, flags=re.S))
    assert licenses.detect_text(named).expression == "BSD-3-Clause"


def test_the_lgpl3_text_with_the_gpl3_text_it_builds_on_appended_is_the_lgpl3():
    found = licenses.detect_text(reference_text("lgpl-3.0") + "\n\n" + reference_text("gpl-3.0"))
    assert found.expression == "LGPL-3.0-only" and not found.conflict


def test_a_custom_id_is_one_license_ref_named_after_the_primary_license():
    from curation.licenses.closest_license import primary_key
    from curation.licenses.statements import custom_id

    assert primary_key("MPL-2.0 AND LicenseRef-scancode-free-unknown") == "MPL-2.0"
    assert primary_key("LicenseRef-scancode-unknown AND BSD-3-Clause") == "BSD-3-Clause"
    assert custom_id("MPL-2.0 AND LicenseRef-scancode-free-unknown") == "LicenseRef-Custom-MPL-2.0"
    assert re.fullmatch(r"LicenseRef-[A-Za-z0-9.\-]+", custom_id("(GPL-2.0-only OR MIT)", True))


def test_a_renamed_text_with_a_field_of_use_clause_is_custom_terms_with_one_id():
    text = reference_text("mpl-2.0").replace("Mozilla Public License", "Quarry Public License")
    text = "Quarry Public License Version 1.0\n\n" + text.replace(
        "3. Responsibilities", "2.8. Field of Use\n\nThis License applies only to use of the Covered Software in "
        "agricultural machinery.\n\n3. Responsibilities", 1)
    found = licenses.detect_text(text)
    assert re.fullmatch(r"LicenseRef-Custom-[A-Za-z0-9.\-]+", found.expression)
    assert "AND" not in found.expression and found.hint == "MPL-2.0"


def _without_preface(text: str) -> str:
    """The license from its operative title on ("Creative Commons ... Public License" just before
    "By exercising the Licensed Rights"), as many repositories copy it."""
    start = text.index("By exercising the Licensed Rights")
    return text[text.rindex("Creative Commons", 0, start):]


@pytest.mark.parametrize("style", ["markdown", "crlf"])
@pytest.mark.parametrize("spdx_id", ["CC-BY-ND-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0", "CC-BY-4.0"])
def test_a_license_without_its_preface_or_trailer_is_the_license(spdx_id, style):
    # heldout6 LICENSE_ccbynd40.md: the CC 4.0 preface ("Using Creative Commons Public Licenses") is
    # no part of the license; its absence is no modification, whatever the family
    body = _without_preface(reference_text(FAMILIES[spdx_id]))
    for text in (body, body[:body.index("Creative Commons is not a party")]):
        found = licenses.detect_text(wrap(text, style))
        assert found.expression == spdx_id, found.explain()


def test_a_license_cut_inside_its_body_stays_custom():
    # the edge allowance is for a preface or trailer: a section removed from the body is a change
    cc = _without_preface(reference_text(FAMILIES["CC-BY-ND-4.0"]))
    cut = cc[:cc.index("Section 5 -- Disclaimer")] + cc[cc.index("Section 6 -- Term"):]
    found = licenses.detect_text(cut)
    assert found.expression == "LicenseRef-Custom-CC-BY-ND-4.0"
    assert found.hint == "CC-BY-ND-4.0"


_OR_LATER_NOTICE = ("foo-tool - a tool\nCopyright (C) 2020 Jane Roe\n\nfoo-tool is free software; you can redistribute "
                    "it and/or modify it under the terms of\nthe GNU {name} as published by the Free Software "
                    "Foundation; either version {v}\nof the License, or (at your option) any later version.\n\n{between}")


@pytest.mark.parametrize("key, name, version, expected", [
    ("gpl-2.0", "General Public License", "2", "GPL-2.0-or-later"),
    ("gpl-3.0", "General Public License", "3", "GPL-3.0-or-later"),
    ("lgpl-2.1", "Lesser General Public License", "2.1", "LGPL-2.1-or-later"),
])
@pytest.mark.parametrize("between", ["", "The license text follows.\n\n=====\n\n", "## License text\n\n"])
def test_a_project_notice_choosing_later_versions_wins_over_the_text_it_points_to(key, name, version, expected, between):
    # heldout6 COPYING_gpl2_or_later_notice: the GNU text alone says nothing of later versions; the
    # notice above it does (one license, never "GPL-2.0-only AND GPL-2.0-or-later")
    text = _OR_LATER_NOTICE.format(name=name, v=version, between=between) + reference_text(key)
    assert licenses.detect_text(text).expression == expected


def test_a_japanese_notice_choosing_later_versions_wins_over_the_text():
    text = "foo-tool はフリーソフトウェアです。GNU 一般公衆利用許諾書 バージョン 2 以降 のもとで再頒布・改変できます。\n\n"
    assert licenses.detect_text(text + reference_text("gpl-2.0")).expression == "GPL-2.0-or-later"


def test_a_gnu_text_with_a_version_only_notice_stays_only():
    notice = _OR_LATER_NOTICE.format(name="General Public License", v="2", between="").replace(
        ", or (at your option) any later version", "")
    assert licenses.detect_text(notice + reference_text("gpl-2.0")).expression == "GPL-2.0-only"
    assert licenses.detect_text(reference_text("gpl-2.0")).expression == "GPL-2.0-only"


def _with_clause(key: str, clause: str) -> str:
    text = reference_text(key)
    at = text.index("THIS SOFTWARE IS PROVIDED")
    return text[:at] + clause + "\n\n" + text[at:]


@pytest.mark.parametrize("key, clause, expected", [
    # heldout6 LICENSE_bsd2_field_of_use.txt: a field-of-use clause added as a third clause reads
    # like BSD-3's non-endorsement clause to ScanCode; the text holds BSD-2's clauses
    ("bsd-simplified", "3. Neither this software nor any work derived from it may be used in, or to build, "
                       "weapons systems.", "BSD-2-Clause"),
    ("bsd-simplified", "3. The software may not be used for military purposes or in surveillance products.",
     "BSD-2-Clause"),
    ("bsd-new", "4. Neither this software nor any work derived from it may be used in, or to build, "
                "weapons systems.", "BSD-3-Clause"),
])
def test_a_changed_bsd_text_names_the_bsd_whose_clauses_it_holds(key, clause, expected):
    found = licenses.detect_text(_with_clause(key, clause))
    assert found.expression == f"LicenseRef-Custom-{expected}"
    assert found.hint == expected
