"""The license fields of a repository's metadata record (DataCite, Zenodo).

DataCite's `rightsList` (as Zenodo, Figshare or Dryad export it, in JSON or XML), Zenodo's own
`metadata.license`, and the top-level `license` of a JSON metadata file (CodeMeta's codemeta.json,
Zenodo's .zenodo.json): an id, a license's address, or an object with `id`, `url` or `name`; and a
NuGet .nuspec's `<license type="expression">` (an SDK-style .csproj's `<PackageLicenseExpression>`,
which NuGet copies into it). And a minified file's preserved banner: minifiers
drop every comment but one that opens with `/*!`, the banner that carries the package, its
copyright and its license in fields split by `|` or by lines ("/*! tinyhash v2 | (c) 2025 Ann |
MIT License */"); a field that is a license's name and nothing more is the file's license. And a
Ruby package spec's `license` field (a .gemspec, a CocoaPods .podspec).

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

from curation.licenses.json_fields import ID_URL, parsed
from curation.licenses.names import mentions
from curation.licenses.spdx import normalize

_ENTRY_KEYS = ("rightsIdentifier", "rightsUri", "rightsURI", "rights")
_XML_RIGHTS = re.compile(r"<(?:\w+:)?rights\b([^>]{0,2000})>([^<]{0,500})</(?:\w+:)?rights\s*>", re.IGNORECASE)
_XML_ATTRIBUTE = re.compile(r"\b(rightsIdentifier|rightsURI|rightsUri)\s*=\s*[\"']([^\"']{1,500})[\"']")
_MARKS = re.compile(r"rightsList|\"metadata\"|\"license\"|<license\b|<PackageLicenseExpression>")
_NUSPEC_LICENSE = re.compile(r"<license\s+type\s*=\s*[\"']expression[\"']\s*>([^<]{1,300})</license\s*>")
_CSPROJ_LICENSE = re.compile(r"<PackageLicenseExpression>([^<]{1,300})</PackageLicenseExpression\s*>")
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


def _top_level(record) -> list[dict]:
    """The entries of a JSON metadata file's own top-level `license` (CodeMeta, .zenodo.json): a
    string (an id or an address that spells one) or an object, or a list of them."""
    value = record.get("license") if isinstance(record, dict) else None
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items[:20]:
        if isinstance(item, str):
            spelled = ID_URL.search(item.strip())
            out.append({"rightsIdentifier": spelled.group(1) if spelled else item, "rights": item})
        elif isinstance(item, dict):
            out.append({"rightsIdentifier": str(item.get("id") or item.get("identifier") or ""),
                        "rightsUri": str(item.get("url") or item.get("@id") or ""), "rights": str(item.get("name") or "")})
    return out


def _line_of(lines: list[str], value: str) -> int:
    quoted = [f'"{value}"', f"'{value}'", f">{value}<", value]
    for wanted in quoted:
        for i, line in enumerate(lines):
            if wanted in line:
                return i
    return 0


def record_licenses(text: str) -> list[RecordLicense]:
    """The licenses a metadata record (DataCite or Zenodo, JSON or XML; CodeMeta; a .nuspec) gives its
    work, in order, each once."""
    if len(text) > RECORD_MAX_CHARS or not _MARKS.search(text):
        return []
    found: list[tuple[str, str]] = []
    stripped = text.lstrip("\ufeff").lstrip()
    if stripped.startswith(("{", "[")):
        record = parsed(stripped)
        found = [lic for entry in _json_entries(record) if (lic := _entry_license(entry))]
        found += [lic for entry in _top_level(record) if (lic := _entry_license(entry))]
    elif stripped.startswith("<") and "rightsList" in text:
        # An XML record is a file of its own: a README quoting a cited dataset's <rights> (in a
        # code block or not) is about that dataset, not this work.
        for m in _XML_RIGHTS.finditer(text):
            entry = {key: value for key, value in _XML_ATTRIBUTE.findall(m.group(1))}
            entry["rights"] = m.group(2)
            if lic := _entry_license(entry):
                found.append(lic)
    elif stripped.startswith("<") and ("<package" in text and "<metadata" in text and
                                       (m := _NUSPEC_LICENSE.search(text)) or
                                       "<Project" in text and (m := _CSPROJ_LICENSE.search(text))):
        # a NuGet .nuspec: <license type="expression"> holds an SPDX expression (NuGet's own rule), as
        # does the MSBuild property a .csproj packs into it
        try:
            found = [(normalize(m.group(1).strip()), m.group(1).strip())]
        except ExpressionError:
            found = []
    lines = text.split("\n")
    out: list[RecordLicense] = []
    for expression, value in found:
        if all(r.expression != expression for r in out):
            i = _line_of(lines, value)
            out.append(RecordLicense(expression, i + 1, lines[i].strip()))
    return out


# A Ruby package spec's license field: a .gemspec's or a CocoaPods .podspec's `s.license = 'MIT'`,
# and the podspec's hash form `s.license = { :type => 'MIT', :file => 'LICENSE' }` (or `type: 'MIT'`),
# whose `type` is the license and `file` only where its text lies.
_SPEC_LICENSE = re.compile(r"""^\s*\w+\.licen[cs]e\s*=\s*(?:\{[^}\n]*?(?::type\s*=>|\btype:)\s*)?["']([^"'\n]{1,100})["']""")


def spec_license(text: str) -> RecordLicense | None:
    """The license a .gemspec's or a .podspec's `license` field gives its package, or None."""
    for number, raw in enumerate(text.split("\n"), start=1):
        if m := _SPEC_LICENSE.match(raw):
            value = m.group(1).strip()
            try:
                expression = normalize(value)
            except ExpressionError:
                named = [x for x in mentions(value) if not x.ambiguous]
                expression = named[0].expression if len(named) == 1 else None
            if expression and not expression.startswith("LicenseRef-"):
                return RecordLicense(expression, number, raw.strip())
            return None
    return None


BANNER_MAX_CHARS = 2_000  # a banner is one or a few lines; more is a comment block for a person to read
_BANNER = re.compile(r"\A\s*/\*!(.{1,%d}?)\*/" % BANNER_MAX_CHARS, re.DOTALL)
_BANNER_REST = re.compile(r"^(?:the|licen[cs]e[ds]?|under|version|v|@license|released|international|:)$", re.IGNORECASE)


@dataclass(frozen=True)
class Banner:
    """A `/*!` banner's license: the field that names it, its line and the banner's last line
    (0-based, in the text the banner opens)."""
    expression: str
    text: str
    line: int
    last_line: int


def banner_license(text: str) -> Banner | None:
    """The license of the `/*!` banner that opens `text`, or None."""
    m = _BANNER.match(text[:BANNER_MAX_CHARS + 20])
    if not m:
        return None
    named: list[Banner] = []
    last_line = text.count("\n", 0, m.end())
    offset = m.start(1)
    for field in re.split(r"(\||\n)", m.group(1)):
        at, offset = offset, offset + len(field)
        field = field.strip(" \t*")
        found = [x for x in mentions(field) if not x.ambiguous]
        if len(found) != 1:
            continue
        rest = (field[:found[0].start] + " " + field[found[0].end:]).split()
        if all(_BANNER_REST.match(w) or re.fullmatch(r"[\d.]+", w) for w in rest):
            named.append(Banner(found[0].expression, field, text.count("\n", 0, at), last_line))
    return named[0] if len({n.expression for n in named}) == 1 else None
