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
# never Canada's or a Canadian province's Open Government Licence (OGL-Canada-2.0, another licence)
_OGL_UK = re.compile(
    r"(?:\b(?:UK|U\.K\.|United\s+Kingdom)\s+|英国(?:政府)?の?\s*)?(?:\bOpen\s+Government\s+Licen[cs]e"
    r"(?:\s+for\s+Public\s+Sector\s+Information)?|オープン[・･]?ガバメント[・･]?ライセンス)"
    r"(?!\s*[-–—,(]?\s*(?:Canada|Ontario|Alberta|British\s+Columbia|Nova\s+Scotia|New\s+Brunswick))"
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


def _dl_de(m: re.Match) -> str:
    element = (m["de"] or m["en"] or m["id"]).lower()
    return "DL-DE-ZERO-2.0" if element == "zero" else "DL-DE-BY-2.0"


# (rule name, pattern, id maker), in names.NAMES' form
OPEN_DATA_NAMES: list[tuple[str, re.Pattern, object]] = [
    ("etalab", _ETALAB, lambda m: "etalab-2.0"),
    ("ogl-uk", _OGL_UK, lambda m: f"OGL-UK-{m['v'] or m['id_v']}.0"),
    ("dl-de", _DL_DE, _dl_de),
    ("nlod", _NLOD, lambda m: f"NLOD-{m['v'] or m['nlod_v']}.0"),
]
