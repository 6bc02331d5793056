"""Issue 22, point 6: the real-world-style cases of tests/license_cases (written for this project)
are answered as a legal reviewer would sign them, conflicts raised where marked."""

from pathlib import Path

import pytest
import yaml

from curation import licenses
from curation.licenses.spdx import normalize

CASES = Path(__file__).parent / "license_cases"


@pytest.mark.parametrize("case", yaml.safe_load((CASES / "cases.yaml").read_text(encoding="utf-8")),
                         ids=lambda c: c["file"])
def test_real_world_case(case):
    found = licenses.detect_text((CASES / case["file"]).read_text(encoding="utf-8"))
    expected = case["expected"]
    if expected != "NOASSERTION" and not expected.startswith("LicenseRef-"):
        expected = normalize(expected)
    assert found.expression == expected
    assert found.conflict == bool(case.get("conflict"))
