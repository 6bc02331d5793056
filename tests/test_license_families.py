"""Issue 22, point 2: every license family the policy classes is found in its reference text as
repositories carry it (markdown headings and emphasis, CRLF, a byte-order mark, an HTML page), and
its NC / ND / SA duties are never added or lost; texts that were changed are custom terms."""

import re
import sys
from pathlib import Path

import pytest

from curation import licenses
from curation.licenses.detect import _flags

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
