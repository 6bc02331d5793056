"""National open-data licences read by the names their publishers give them, in English and their own language.

Governments publish their data under licences of their own: France's Licence Ouverte / Open
Licence 2.0 (Etalab), the UK's Open Government Licence, Germany's Datenlizenz Deutschland, Norway's
NLOD. SPDX lists them under ids no one writes (etalab-2.0, OGL-UK-3.0, DL-DE-BY-2.0, NLOD-2.0), and
the catalogue's names are not the ones a data portal uses ("Licence Ouverte", «Datenlizenz
Deutschland – Namensnennung – Version 2.0», "Norsk lisens for offentlige data"). Each is read
only with its version: the versions differ in their terms, and a name alone leaves the choice to a
person.
"""

from __future__ import annotations

import re

from curation.licenses.scancode_terms import SCANCODE, scancode_ids

# between a name and its version: closing quotes, a comma, "version", "v." ('"Licence Ouverte",
# version 2.0', 「Licence Ouverte」第 2.0 版)
_THEN_VERSION = r"[\s\"”»'’」』,]*\(?\s*(?:version|ver\.?|v\.?|バージョン|第)?\s*"
_DASH = r"\s*[-–—,:]?\s*"

_ETALAB = re.compile(
    r"(?:\bLicence\s+Ouverte(?:\s*/\s*Open\s+Licen[cs]e)?|\bOpen\s+Licen[cs]e\s*/\s*Licence\s+Ouverte|"
    r"\bEtalab\s+Open\s+Licen[cs]e|\bOpen\s+Licen[cs]e\s+Etalab)(?:\s*\(?\s*Etalab\s*\)?)?"
    + _THEN_VERSION + r"2(?:\.0)?(?![\d.]\d)", re.IGNORECASE)
# the UK's Open Government Licence, or Canada's or a province's of the same name (`_ogl` tells them apart)
_OGL_UK = re.compile(
    r"(?:\b(?:UK|U\.K\.|United\s+Kingdom)\s+|英国(?:政府)?の?\s*)?(?:\bOpen\s+Government\s+Licen[cs]e"
    r"(?:\s+for\s+Public\s+Sector\s+Information)?|オープン[・･]?ガバメント[・･]?ライセンス)"
    # Canada's or a province's name between the name and its version: read, for `_ogl` to weigh
    r"(?:\s*[-–—,(]?\s*(?P<between>Canada|Ontario|Alberta|British\s+Columbia|Nova\s+Scotia|New\s+Brunswick|"
    r"Qu[ée]bec|Manitoba|Saskatchewan|Newfoundland|Prince\s+Edward\s+Island|Yukon|Northwest\s+Territories|Nunavut|"
    r"Toronto)\s*\)?,?)?"
    r"(?:\s*[(（]\s*OGL(?:-UK)?\s*[)）])?" + _THEN_VERSION + r"(?P<version>[123](?:\.\d)?)(?![\d.]\d)"
    r"|\bOGL-UK-(?P<id_v>[123])(?:\.0)?\b", re.IGNORECASE)
_DL_DE = re.compile(
    r"(?:\bDatenlizenz\s+Deutschland" + _DASH + r"(?P<de>Namensnennung|Zero)|"
    r"\bData\s+Licen[cs]e\s+Germany" + _DASH + r"(?P<en>attribution|zero))" + _DASH
    + r"(?:Version\s*)?2(?:\.0)?(?![\d.]\d)"
    r"|\bdl-de[-/](?P<id>by|zero)[-/]2[-.]0\b", re.IGNORECASE)
_NLOD = re.compile(
    r"(?:\bNorwegian\s+Licen[cs]e\s+for\s+Open\s+Government\s+Data|\bNorsk\s+lisens\s+for\s+offentlige\s+data)"
    r"(?:\s*\(\s*NLOD\s*\))?" + _THEN_VERSION + r"(?P<v>[12])(?:\.0)?(?![\d.]\d)"
    r"|\bNLOD" + _THEN_VERSION + r"(?P<nlod_v>[12])\.0\b", re.IGNORECASE)


# Canada and its provinces publish Open Government Licences of their own under the same name; one
# named within a few words before the name ("the Government of Canada's Open Government Licence",
# "Canadian Open Government Licence") or after its version ("... v2.0 - Canada", "... of the
# Government of Canada") is that licence, never the UK's.
_CANADA = r"(?:Canada|Canadian)"
_PROVINCE = (r"(?:Ontario|Alberta|British\s+Columbia|Nova\s+Scotia|New\s+Brunswick|Qu[ée]bec|Manitoba|Saskatchewan|"
             r"Newfoundland|Prince\s+Edward\s+Island|Yukon|Northwest\s+Territories|Nunavut|Toronto)")
_WORDS_BEFORE = 6
_PLACE_AFTER = re.compile(r"[\s\-–—,(]*(?:of\s+(?:the\s+)?(?:Government\s+of\s+(?:the\s+)?)?|for\s+)?"
                          r"(?P<place>" + _CANADA + "|" + _PROVINCE + r")\b", re.IGNORECASE)


NO_SUCH_VERSION = "NOASSERTION"  # names.NO_SUCH_VERSION: no license; a person reads the name


def canadian_ogl(text: str, start: int, end: int, version: str, between: str | None = None) -> str | None:
    """For an Open Government Licence named at text[start:end] with `version`: Canada's or a
    province's where Canada or a province is named beside it (`between` its name and version,
    after it, or a few words before), else None (the UK's). Canada's 2.0 is OGL-Canada-2.0; a
    province's (or a city's) is ScanCode's id, `LicenseRef-scancode-can-ogl-<place>-<version>`, as
    ScanCode reads its text; one ScanCode does not hold is no license (NO_SUCH_VERSION)."""
    before = " ".join(text[:start].split()[-_WORDS_BEFORE:])
    after = _PLACE_AFTER.match(text, end)
    near = re.search(r"\b(?P<place>" + _CANADA + "|" + _PROVINCE + r")\b", before, re.IGNORECASE)
    place_named = after or near
    where = between or (place_named["place"] if place_named else None)
    if not where:
        return None
    version = version if "." in version else f"{version}.0"
    if re.fullmatch(r"Canad(?:a|ian)", where, re.IGNORECASE):
        return "OGL-Canada-2.0" if version == "2.0" else NO_SUCH_VERSION
    place = "-".join(where.replace("é", "e").replace("É", "E").lower().split())
    key = f"{SCANCODE}can-ogl-{place}-{version}"
    return key if key in scancode_ids() else NO_SUCH_VERSION


def _ogl(m: re.Match) -> str | None:
    """The UK's OGL by its name and version (1.0, 2.0, 3.0; any other is none); Canada's or a
    province's where one is named beside it (canadian_ogl), so that it never reads as the UK's."""
    if m["id_v"]:
        return f"OGL-UK-{m['id_v']}.0"
    if canadian := canadian_ogl(m.string, m.start(), m.end(), m["version"], m["between"]):
        return canadian
    return f"OGL-UK-{m['version'][0]}.0" if m["version"] in "1 1.0 2 2.0 3 3.0".split() else NO_SUCH_VERSION


def _dl_de(m: re.Match) -> str:
    element = (m["de"] or m["en"] or m["id"]).lower()
    return "DL-DE-ZERO-2.0" if element == "zero" else "DL-DE-BY-2.0"


# (rule name, pattern, id maker), in names.NAMES' form
OPEN_DATA_NAMES: list[tuple[str, re.Pattern, object]] = [
    ("etalab", _ETALAB, lambda m: "etalab-2.0"),
    ("ogl-uk", _OGL_UK, _ogl),
    ("dl-de", _DL_DE, _dl_de),
    ("nlod", _NLOD, lambda m: f"NLOD-{m['v'] or m['nlod_v']}.0"),
]
