"""An SPDX document (an SBOM) licenses its work through the package it describes, never its DataLicense.

The SPDX specification fixes `DataLicense: CC0-1.0` (`"dataLicense"` in JSON) as the license of
the document's own metadata; it says nothing of the software the document lists. The work the
document is about is the package it DESCRIBES (`Relationship: SPDXRef-DOCUMENT DESCRIBES <id>`,
JSON `documentDescribes` or a DESCRIBES relationship); that package's `PackageLicenseDeclared`
(what its licensor declared; else `PackageLicenseConcluded`) is the work's license, unless it is
NOASSERTION or NONE. Every other package is a dependency: its license fields are not the work's.
"""

from __future__ import annotations

import json
import re

from license_expression import ExpressionError

from curation.licenses.records import RecordLicense
from curation.licenses.spdx import normalize

_TAG_VALUE = re.compile(r"^SPDXVersion:\s*SPDX-\d", re.MULTILINE)
_JSON = re.compile(r"\"spdxVersion\"\s*:\s*\"SPDX-\d")
# the lines that carry a license in an SPDX document: none of them is read as prose or a notice
_LICENSE_FIELD = re.compile(r"^\s*\"?(?:DataLicense|dataLicense|PackageLicense\w*|licenseDeclared|licenseConcluded|"
                            r"licenseInfo\w*|LicenseConcluded|LicenseInfoInFile|LicenseComments|licenseComments)\"?\s*:")
_DESCRIBES = re.compile(r"^Relationship:\s*SPDXRef-DOCUMENT\s+DESCRIBES\s+(\S+)", re.MULTILINE)
_UNKNOWN = {"NOASSERTION", "NONE", ""}


def is_spdx_document(text: str) -> bool:
    """Whether `text` is an SPDX document, in tag-value or JSON form."""
    return bool(_TAG_VALUE.search(text) or _JSON.search(text[:5_000]))


def license_field_lines(text: str) -> set[int]:
    """The 1-based numbers of the lines of an SPDX document that carry a license field."""
    if not is_spdx_document(text):
        return set()
    return {i for i, raw in enumerate(text.split("\n"), start=1) if _LICENSE_FIELD.match(raw)}


def _expression(value: str) -> str | None:
    value = value.strip().strip('",')
    if value.upper() in _UNKNOWN:
        return None
    try:
        return normalize(value)
    except ExpressionError:
        return None


def _tag_value_package(text: str) -> RecordLicense | None:
    described = set(_DESCRIBES.findall(text))
    lines = text.split("\n")
    fields: dict[str, tuple[int, str]] = {}
    current = None
    for number, raw in enumerate(lines, start=1):
        key, _, value = raw.partition(":")
        if key == "SPDXID":
            current = value.strip()
        elif current in described and key in ("PackageLicenseDeclared", "PackageLicenseConcluded"):
            fields.setdefault(key, (number, raw.strip()))
    for key in ("PackageLicenseDeclared", "PackageLicenseConcluded"):
        if key in fields and (found := _expression(fields[key][1].partition(":")[2])):
            return RecordLicense(found, *fields[key])
    return None


def _json_package(text: str) -> RecordLicense | None:
    try:
        document = json.loads(text)
    except ValueError:
        return None
    if not isinstance(document, dict):
        return None
    described = set(document.get("documentDescribes") or ())
    described |= {r.get("relatedSpdxElement") for r in document.get("relationships") or ()
                  if isinstance(r, dict) and r.get("relationshipType") == "DESCRIBES"
                  and r.get("spdxElementId") == "SPDXRef-DOCUMENT"}
    lines = text.split("\n")
    for package in document.get("packages") or ():
        if not isinstance(package, dict) or package.get("SPDXID") not in described:
            continue
        for key in ("licenseDeclared", "licenseConcluded"):
            if isinstance(package.get(key), str) and (found := _expression(package[key])):
                number = next((i for i, raw in enumerate(lines, start=1) if f'"{key}"' in raw
                               and package[key] in raw), 1)
                return RecordLicense(found, number, f'"{key}": "{package[key]}"')
    return None


def described_package_license(text: str) -> RecordLicense | None:
    """The license its licensor declared for the package an SPDX document describes, or None
    (not an SPDX document, no package described, or its license NOASSERTION / NONE)."""
    if _TAG_VALUE.search(text):
        return _tag_value_package(text)
    if _JSON.search(text[:5_000]):
        return _json_package(text)
    return None
