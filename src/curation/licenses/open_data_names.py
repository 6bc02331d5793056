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
    r"Qu[ée]bec|Manitoba|Saskatchewan|Newfoundland|Prince\s+Edward\s+Island|Yukon|Northwest\s+Territories|Nunavut)"
    r"\s*\)?,?)?"
    r"(?:\s*[(（]\s*OGL(?:-UK)?\s*[)）])?" + _THEN_VERSION + r"(?P<v>[123])(?:\.0)?(?![\d.]\d)"
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
             r"Newfoundland|Prince\s+Edward\s+Island|Yukon|Northwest\s+Territories|Nunavut)")
_WORDS_BEFORE = 6
_PLACE_AFTER = re.compile(r"[\s\-–—,(]*(?:of\s+(?:the\s+)?(?:Government\s+of\s+(?:the\s+)?)?|for\s+)?"
                          r"(?P<place>" + _CANADA + "|" + _PROVINCE + r")\b", re.IGNORECASE)


def _ogl(m: re.Match) -> str | None:
    """The UK's OGL by its name and version; Canada's (OGL-Canada-2.0) where Canada is named beside
    it; a province's as a LicenseRef (SPDX lists none), so that no catalogue name reads it as the UK's."""
    if m["id_v"]:
        return f"OGL-UK-{m['id_v']}.0"
    before = " ".join(m.string[:m.start()].split()[-_WORDS_BEFORE:])
    place = (m if m["between"] else None) or (_PLACE_AFTER.match(m.string, m.end()) or
             re.search(r"\b(?P<place>" + _CANADA + "|" + _PROVINCE + r")\b", before, re.IGNORECASE))
    if place is None:
        return f"OGL-UK-{m['v']}.0"
    where = place["between"] if place is m else place["place"]
    if re.fullmatch(r"Canad(?:a|ian)", where, re.IGNORECASE):
        return "OGL-Canada-2.0" if m["v"] == "2" else f"LicenseRef-OGL-Canada-{m['v']}.0"
    province = "-".join(word.capitalize() for word in where.replace("é", "e").replace("É", "E").split())
    return f"LicenseRef-OGL-{province}-{m['v']}.0"


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
