"""The license field of a package's build or packaging description, read in that tool's own notation.

Five formats name their package's license in a notation of their own, and none of them is an SPDX
tag: a Gradle build's Maven publication (`pom { licenses { license { name.set("The Apache License,
Version 2.0") } } }`, in Kotlin or Groovy), an R package's `DESCRIPTION` (`License: GPL-2 | GPL-3`, `GPL (>= 2)`, `MIT + file LICENSE`), a
Nix expression's `meta.license` (`licenses.mpl20`, `with lib.licenses; [ mit asl20 ]`), an RPM
`.spec` file's `License:` (SPDX since Fedora 38, Fedora's old short names before: `ASL 2.0 and MIT`,
`GPLv2+`) and a `meson.build` project's `license :` (SPDX). The detector is given text without a
file name, so each format is told by its content: a Gradle script has a `pom {` block with
`licenses {`, a DESCRIPTION opens with `Package:` and has a
`License:` field, a spec has `Name:` and `License:` tags and a `%description`, a Nix file a `meta`
set with `license =`, a meson file a `project(` call with `license :`.

What each notation means is its tool's own rule: R's `|` is a choice and `(>= 2)` "this version or
later", a bare `GPL-2` version 2 only; `+ file LICENSE` beside MIT or BSD is the template the
license needs (year and holder), beside any other license terms added to it (custom). Fedora's
`and` means both apply (parts under each), `or` a choice. A Nix list and a meson list name
licenses that all apply: neither tool says the user may pick, so every duty is kept (AND).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from license_expression import ExpressionError

from curation.licenses.names import mentions
from curation.licenses.spdx import normalize

# Line starts are matched with [ \t]*, never \s*, which would scan a run of blank lines again from each line.
PACKAGE_MAX_CHARS = 200_000  # a description or spec is a few KB; a larger text is something else
_QUOTED = re.compile(r"^[ \t]*(?:```|~~~)", re.MULTILINE)  # a markdown code fence: no package description has one


@dataclass(frozen=True)
class PackageLicense:
    """The license a package description gives its package: the SPDX expression, the format that
    said it, the line (1-based) and that line's text."""

    expression: str
    format: str
    line: int
    text: str


def _spdx(value: str) -> str | None:
    try:
        return normalize(value)
    except ExpressionError:
        return None


def _named(value: str) -> str | None:
    """The one license a short value names (an SPDX id or a license's name), or None."""
    if found := _spdx(value):
        return found
    named = [m for m in mentions(value) if not m.ambiguous]
    return named[0].expression if len({m.expression for m in named}) == 1 else None


def _dotted(version: str) -> str:
    return version if "." in version else version + ".0"


# ---- R DESCRIPTION ----------------------------------------------------------------------------

_R_DESCRIPTION = re.compile(r"\A\s*Package:\s*[A-Za-z][\w.]*\s*$", re.MULTILINE)
_R_LICENSE = re.compile(r"^License:[ \t]*(.+(?:\n[ \t]+.+)*)", re.MULTILINE)
_R_FILE = re.compile(r"\+\s*file\s+LICEN[CS]E\s*$", re.IGNORECASE)
# R's names for the GNU licenses: "GPL-2", "LGPL-2.1", "GPL (>= 2)", "AGPL (>= 3)", "GPL"
_R_GNU = re.compile(r"^(?P<family>A?GPL|LGPL)(?:-(?P<version>\d(?:\.\d)?)|\s*\(\s*(?P<op>>=|==)\s*(?P<at>\d(?:\.\d)?)\s*\))?$")
_R_VERSIONED = re.compile(r"^(?P<name>.+?)\s*\(\s*(?:>=|==)\s*(?P<version>\d(?:\.\d+)?)\s*\)$")
# MIT and BSD need a file holding the year and holder (R's own templates): the same license
_R_TEMPLATES = {"MIT", "BSD-2-Clause", "BSD-3-Clause"}
_R_NAMES = {"BSD_2_clause": "BSD-2-Clause", "BSD_3_clause": "BSD-3-Clause", "Unlimited": None,
            "Apache License": "Apache-2.0", "CC0": "CC0-1.0", "AGPL-3": "AGPL-3.0-only", "Artistic-2.0": "Artistic-2.0"}


def _r_gnu(m: re.Match) -> str:
    family = m.group("family")
    if m.group("op") == ">=":
        return f"{family}-{_dotted(m.group('at'))}-or-later"
    if version := m.group("version") or m.group("at"):
        return f"{family}-{_dotted(version)}-only"
    # a GNU license named without its version: the GPL lets the user choose any version ever published
    return {"GPL": "GPL-1.0-or-later", "LGPL": "LGPL-2.0-or-later", "AGPL": "AGPL-3.0-or-later"}[family]


def _r_term(term: str) -> str | None:
    term = " ".join(term.split())
    added = bool(_R_FILE.search(term))
    term = _R_FILE.sub("", term).strip()
    if not term:
        return None  # "file LICENSE" alone: the terms are in that file, not in the field
    if m := _R_GNU.match(term):
        found = _r_gnu(m)
    elif term in _R_NAMES:
        found = _R_NAMES[term]
    elif m := _R_VERSIONED.match(term):
        found = _named(f"{m.group('name')} {m.group('version')}") or _named(term)
    else:
        found = _named(term)
    if found and added and found not in _R_TEMPLATES:
        return "LicenseRef-Custom-" + found  # terms added to a license that needs no template
    return found


def _r_description(text: str) -> PackageLicense | None:
    if not _R_DESCRIPTION.search(text[:2_000]) or not (m := _R_LICENSE.search(text)):
        return None
    sides = [_r_term(t) for t in m.group(1).split("|")]
    if not sides or None in sides:
        return None
    expression = _spdx(" OR ".join(dict.fromkeys(f"({s})" if " " in s else s for s in sides)))
    line = text.count("\n", 0, m.start()) + 1
    return PackageLicense(expression, "R DESCRIPTION", line, m.group(0).split("\n")[0].strip()) if expression else None


# ---- RPM spec ---------------------------------------------------------------------------------

_RPM_TAGS = re.compile(r"^Name:\s*\S", re.MULTILINE)
_RPM_SECTION = re.compile(r"^%(?:description|prep|files|build|install)\b", re.MULTILINE)
_RPM_LICENSE = re.compile(r"^License:[ \t]*(\S.*?)\s*$", re.MULTILINE)
_RPM_OPERATOR = re.compile(r"(\(|\)|\s+(?:and|or|AND|OR|WITH|with)\s+)")
# Fedora's short names before SPDX (its "Callaway" list), as packages wrote them
_FEDORA_GNU = re.compile(r"^(?P<family>A?GPL|LGPL)(?:v(?P<version>\d(?:\.\d)?))?(?P<later>\+)?$")
_FEDORA_NAMES = {"ASL 2.0": "Apache-2.0", "ASL 1.1": "Apache-1.1", "ASL 1.0": "Apache-1.0", "MPLv2.0": "MPL-2.0",
                 "MPLv1.1": "MPL-1.1", "MPLv1.0": "MPL-1.0", "Boost": "BSL-1.0", "zlib": "Zlib", "Python": "PSF-2.0",
                 "Public Domain": "LicenseRef-scancode-public-domain", "OFL": "OFL-1.1", "Artistic 2.0": "Artistic-2.0",
                 "EPL": "EPL-1.0", "EPL-2.0": "EPL-2.0", "CC0": "CC0-1.0", "BSD": "LicenseRef-BSD-unspecified",
                 "PostgreSQL": "PostgreSQL", "OpenSSL": "OpenSSL", "ISC": "ISC", "MIT": "MIT", "Unlicense": "Unlicense"}
# Fedora's old "LGPLv2" covered the LGPL 2.0 and 2.1; 2.1 is what the packages carry
_FEDORA_VERSIONS = {("LGPL", "2"): "2.1", ("LGPL", None): "2.1", ("GPL", None): "1.0", ("AGPL", None): "3.0"}


def _fedora_term(term: str) -> str | None:
    if m := _FEDORA_GNU.match(term):
        family = m.group("family")
        version = _FEDORA_VERSIONS.get((family, m.group("version")), m.group("version"))
        later = m.group("later") or m.group("version") is None
        return f"{family}-{_dotted(version)}-{'or-later' if later else 'only'}"
    if term in _FEDORA_NAMES:
        return _FEDORA_NAMES[term]
    return _named(term)


def _rpm_value(value: str) -> str | None:
    if found := _spdx(value):
        return found  # an SPDX expression, as Fedora writes them since 2022
    parts = []
    for piece in _RPM_OPERATOR.split(value):
        word = piece.strip()
        if not word:
            continue
        if word in ("(", ")"):
            parts.append(word)
        elif word.lower() in ("and", "or", "with"):
            parts.append(word.upper())
        elif (found := _fedora_term(word)) is None:
            return None
        else:
            parts.append(f"({found})" if " " in found else found)
    return _spdx(" ".join(parts)) if parts else None


def _rpm_spec(text: str) -> PackageLicense | None:
    if not (_RPM_TAGS.search(text) and _RPM_SECTION.search(text)) or not (m := _RPM_LICENSE.search(text)):
        return None
    if not (expression := _rpm_value(m.group(1))):
        return None
    return PackageLicense(expression, "RPM spec", text.count("\n", 0, m.start()) + 1, m.group(0).strip())


# ---- Nix --------------------------------------------------------------------------------------

_NIX_META = re.compile(r"\bmeta[ \t]*=")
_NIX_LICENSE = re.compile(r"^[ \t]*license[ \t]*=[ \t]*(?P<value>(?:with\s+[\w.]+\s*;\s*)?(?:\[[^\]]{0,500}\]|[\w.\-]+))\s*;",
                          re.MULTILINE)
_NIX_ATTRIBUTE = re.compile(r"(?:(?:lib|pkgs|stdenv)\.)*(?:licenses\.)?([A-Za-z][\w\-]*)")
# nixpkgs' lib.licenses attribute names: GNU ones are family, version digits, Only or Plus ("gpl2Plus",
# "lgpl21Only"; a bare "gpl3" is the old name of "gpl3Only"), the others family and version digits
_NIX_GNU = re.compile(r"^(?P<family>a?gpl|lgpl|fdl)(?P<major>\d)(?P<minor>\d)?(?P<kind>Only|Plus)?$")
_NIX_NAMES = {"mit": "MIT", "asl20": "Apache-2.0", "asl11": "Apache-1.1", "mpl20": "MPL-2.0", "mpl11": "MPL-1.1",
              "mpl10": "MPL-1.0", "bsd0": "0BSD", "bsd2": "BSD-2-Clause", "bsd3": "BSD-3-Clause", "isc": "ISC",
              "zlib": "Zlib", "unlicense": "Unlicense", "cc0": "CC0-1.0", "boost": "BSL-1.0", "epl10": "EPL-1.0",
              "epl20": "EPL-2.0", "artistic2": "Artistic-2.0", "postgresql": "PostgreSQL", "ofl": "OFL-1.1",
              "wtfpl": "WTFPL", "psfl": "PSF-2.0", "ncsa": "NCSA", "openssl": "OpenSSL", "bsdOriginal": "BSD-4-Clause",
              "x11": "X11", "curl": "curl", "eupl12": "EUPL-1.2", "eupl11": "EUPL-1.1", "cddl": "CDDL-1.0",
              "sspl": "SSPL-1.0", "bsl11": "BUSL-1.1", "vim": "Vim", "mulan-psl2": "MulanPSL-2.0", "publicDomain":
              "LicenseRef-scancode-public-domain", "upl": "UPL-1.0", "ecl20": "ECL-2.0", "hpnd": "HPND"}
_NIX_GNU_FAMILY = {"gpl": "GPL", "agpl": "AGPL", "lgpl": "LGPL", "fdl": "GFDL"}


def _nix_attribute(name: str) -> str | None:
    if m := _NIX_GNU.match(name):
        version = f"{m.group('major')}.{m.group('minor') or 0}"
        return f"{_NIX_GNU_FAMILY[m.group('family')]}-{version}-{'or-later' if m.group('kind') == 'Plus' else 'only'}"
    if name in _NIX_NAMES:
        return _NIX_NAMES[name]
    if m := re.fullmatch(r"cc-(by(?:-nc)?(?:-nd|-sa)?)-(\d)(\d)", name):
        return _spdx(f"CC-{m.group(1).upper()}-{m.group(2)}.{m.group(3)}")
    return None  # "unfree", "free" and the like name no terms


def _nix(text: str) -> PackageLicense | None:
    if not _NIX_META.search(text) or not (m := _NIX_LICENSE.search(text)):
        return None
    value = re.sub(r"^with\s+[\w.]+\s*;\s*", "", m.group("value")).strip("[] \n")
    names = [_NIX_ATTRIBUTE.fullmatch(word) for word in value.split()]
    found = [_nix_attribute(n.group(1)) if n else None for n in names]
    if not found or None in found:
        return None
    expression = _spdx(" AND ".join(dict.fromkeys(found)))
    line = text.count("\n", 0, m.start("value")) + 1
    return PackageLicense(expression, "Nix meta.license", line, m.group(0).strip()) if expression else None


# ---- meson ------------------------------------------------------------------------------------

_MESON_PROJECT = re.compile(r"^[ \t]*project[ \t]*\(", re.MULTILINE)
_MESON_LICENSE = re.compile(r"\blicense\s*:\s*(?P<value>'[^'\n]{1,200}'|\[[^\]]{1,500}\])")


def _meson(text: str) -> PackageLicense | None:
    project = _MESON_PROJECT.search(text)
    if not project or not (m := _MESON_LICENSE.search(text, project.start(), project.start() + 5_000)):
        return None
    values = re.findall(r"'([^'\n]{1,200})'", m.group("value"))
    found = [_named(v) for v in values]
    if not found or None in found:
        return None
    expression = _spdx(" AND ".join(f"({f})" if " " in f else f for f in dict.fromkeys(found)))
    line = text.count("\n", 0, m.start()) + 1
    return PackageLicense(expression, "meson project()", line, text.split("\n")[line - 1].strip()) if expression else None


# Gradle's maven-publish block: `license { name.set("...") }` (Kotlin) or `name = '...'` (Groovy).
_GRADLE_POM = re.compile(r"\bpom\s*\{")
_GRADLE_LICENSE = re.compile(r"\blicense\s*\{[^{}]*?\bname(?:\.set\s*\(\s*|\s*=\s*|\s+)[\"']([^\"'\n]{1,120})[\"']")


def _gradle(text: str) -> PackageLicense | None:
    """The one license a Gradle build publishes in its POM; None where it names none or several
    (the POM's list of licenses does not say whether they are a choice or all apply)."""
    if not _GRADLE_POM.search(text) or not re.search(r"\blicenses\s*\{", text):
        return None
    found = list(_GRADLE_LICENSE.finditer(text))
    if len(found) != 1 or not (expression := _named(found[0].group(1))):
        return None
    line = text.count("\n", 0, found[0].start(1)) + 1
    return PackageLicense(expression, "Gradle POM", line, text.split("\n")[line - 1].strip())


def package_license(text: str) -> PackageLicense | None:
    """The license a Gradle POM, R DESCRIPTION, RPM spec, Nix expression or meson.build gives its package, told
    by the text's content; None for any other text or a field this notation does not name."""
    if len(text) > PACKAGE_MAX_CHARS or not re.search(r"licen[cs]e", text, re.IGNORECASE):
        return None
    if _QUOTED.search(text):
        return None  # a README or how-to that quotes a description in a code block: an example, not this work's
    for reader in (_gradle, _r_description, _rpm_spec, _nix, _meson):
        if found := reader(text):
            return found
    return None
