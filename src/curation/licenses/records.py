"""The license fields of a repository's metadata record (DataCite, Zenodo).

DataCite's `rightsList` (as Zenodo, Figshare or Dryad export it, in JSON or XML) and Zenodo's own
`metadata.license`.

A DataCite record describes the deposited work itself; each entry of its `rightsList` gives a
license of that work three ways: `rightsIdentifier` (an id, SPDX's where
`rightsIdentifierScheme` says so), `rightsUri` / `rightsURI` (the license's address) and
`rights` (its name). An entry is read by the first of the three that names a license; an entry
that names none ("Open Access", `info:eu-repo/semantics/openAccess`) says nothing of the terms.
Several licenses in one list all apply (AND: the record does not say the user may pick).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from license_expression import ExpressionError

from curation.licenses.json_fields import parsed
from curation.licenses.names import mentions
from curation.licenses.spdx import normalize

_ENTRY_KEYS = ("rightsIdentifier", "rightsUri", "rightsURI", "rights")
_XML_RIGHTS = re.compile(r"<(?:\w+:)?rights\b([^>]{0,2000})>([^<]{0,500})</(?:\w+:)?rights\s*>", re.IGNORECASE)
_XML_ATTRIBUTE = re.compile(r"\b(rightsIdentifier|rightsURI|rightsUri)\s*=\s*[\"']([^\"']{1,500})[\"']")
_MARKS = re.compile(r"rightsList|\"metadata\"")
RECORD_MAX_CHARS = 2_000_000  # a record is a few KB; a larger JSON file is no record to parse whole


@dataclass(frozen=True)
class RecordLicense:
    """One license of the record: its SPDX id, the line it is on (1-based) and that line's text."""

    expression: str
    line: int
    text: str


def _license_of(value: str, key: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    if key == "rightsIdentifier":
        try:
            found = normalize(value)
        except ExpressionError:
            found = None
        if found and " " not in found:
            return found
    named = [m for m in mentions(value) if not m.ambiguous]
    return named[0].expression if len(named) == 1 else None


def _entry_license(entry: dict) -> tuple[str, str] | None:
    """(license, the value that named it) of one rightsList entry, or None."""
    for key in _ENTRY_KEYS:
        value = entry.get(key)
        if isinstance(value, str) and (found := _license_of(value, key)):
            return found, value
    return None


def _json_entries(node, depth: int = 0):
    """The rightsList entries and Zenodo's `metadata.license` anywhere in a parsed record."""
    if depth > 8:
        return
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "rightsList" and isinstance(value, list):
                yield from (e for e in value if isinstance(e, dict))
            elif key == "metadata" and isinstance(value, dict) and "license" in value:
                # Zenodo's record: "metadata": {"title": ..., "license": {"id": "cc-by-4.0"}}
                lic = value["license"]
                yield {"rightsIdentifier": lic.get("id", "")} if isinstance(lic, dict) else {"rightsIdentifier": str(lic)}
            else:
                yield from _json_entries(value, depth + 1)
    elif isinstance(node, list):
        for item in node:
            yield from _json_entries(item, depth + 1)


def _line_of(lines: list[str], value: str) -> int:
    quoted = [f'"{value}"', f"'{value}'", f">{value}<", value]
    for wanted in quoted:
        for i, line in enumerate(lines):
            if wanted in line:
                return i
    return 0


def record_licenses(text: str) -> list[RecordLicense]:
    """The licenses a DataCite or Zenodo record (JSON or XML) gives its work, in order, each once."""
    if len(text) > RECORD_MAX_CHARS or not _MARKS.search(text):
        return []
    found: list[tuple[str, str]] = []
    stripped = text.lstrip("\ufeff").lstrip()
    if stripped.startswith(("{", "[")):
        record = parsed(stripped)
        found = [lic for entry in _json_entries(record) if (lic := _entry_license(entry))]
    elif stripped.startswith("<") and "rightsList" in text:
        # An XML record is a file of its own: a README quoting a cited dataset's <rights> (in a
        # code block or not) is about that dataset, not this work.
        for m in _XML_RIGHTS.finditer(text):
            entry = {key: value for key, value in _XML_ATTRIBUTE.findall(m.group(1))}
            entry["rights"] = m.group(2)
            if lic := _entry_license(entry):
                found.append(lic)
    lines = text.split("\n")
    out: list[RecordLicense] = []
    for expression, value in found:
        if all(r.expression != expression for r in out):
            i = _line_of(lines, value)
            out.append(RecordLicense(expression, i + 1, lines[i].strip()))
    return out
