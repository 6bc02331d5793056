"""License names as people write them, in English and Japanese, read as SPDX ids.

Each name is a small pattern with the id it stands for (data more than code, as Presidio's
recognizers are). Creative Commons names are read element by element (BY, NC, ND, SA) and an
element is never dropped: NC or ND lost would turn a denied license into an allowed one.
A name found here is only a mention; statements.py decides whether a sentence grants it.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from license_expression import ExpressionError

from curation.licenses import catalogue_names
from curation.licenses.german import as_english
from curation.licenses.ja_names import JA, english_reading
from curation.licenses.open_data_names import OPEN_DATA_NAMES
from curation.licenses.scancode_terms import custom_terms_id
from curation.licenses.spdx import normalize


# a demonstrative before a name without its version points back to the license named before
_POINTS_BACK = re.compile(r"\b(?:that|said|the\s+same|the\s+aforementioned)\s+$", re.IGNORECASE)
_VERSIONS_OF = re.compile(r"\b(?:later|newer|subsequent|future|other|earlier|older|previous)\s+versions?\s+of\s+(?:the\s+)?$",
                          re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    """A license named in a line: the SPDX id (or a LicenseRef-), where, and which pattern."""

    expression: str
    start: int
    end: int
    rule: str
    ambiguous: bool = False  # a family without its version or variant ("BSD license")
    hint: str | None = None  # for an ambiguous name, the closest SPDX license (a reviewer's starting point)


# R's DESCRIPTION and some manifests write "GPL (>= 2)": version 2 or any later one
# Possessive (`\s*+`): the parts between the runs of spaces are optional and none is a space, so a
# run is never given back, and a long run of raw whitespace cannot make the pattern backtrack.
_V = r"\s*+[-,]?\s*+\(?\s*+(?P<atleast>>=|≥)?\s*+(?:version|ver\.?|v\.?|(?:の\s*+)?(?:バージョン|第))?\s*+"
# a "+" before an exception's name joins the exception ("GPLv2 + Classpath exception"), never "or later"
_LATER = (r"(?P<later>\s*\(?\s*(?:\+(?!\s*(?:the\s+|an?\s+)?[\"“「]?\s*(?:[\w-]+\s+){0,2}?(?:exceptions?|例外))|,?\s*or\s*,?\s+(?:\(at\s+your\s+(?:option|choice|discretion)\)\s+|(?:at\s+your\s+(?:option|choice|discretion)|if\s+you\s+(?:prefer|wish|like|choose))\s*,\s*)?(?:any\s+)?(?:later|higher|newer|above)"
          r"(?:\s+version)?|(?:\s*版)?\s*以降|-?or-later"
          # 「バージョン 2.1 またはそれ以降のバージョン」「…、もしくは（あなたの選択により）それ以降」
          r"|(?:\s*版)?(?:[、,]\s*)?(?:または|もしくは|又は|若しくは)?\s*(?:[（(][^)）]{0,12}[)）]\s*|あなたの選択(?:により|で)[、,]?\s*)?それ(?:以降|より(?:新しい|後の?))(?:の?\s*(?:任意の\s*|いずれかの\s*)?(?:バージョン|版))?)\s*\)?)?")
# the abbreviation in brackets after a Japanese name: 「GNU 一般公衆利用許諾書（GPL）バージョン2」
# or its English name: 「GNU 劣等一般公衆利用許諾書（GNU Lesser General Public License）の第3版」
_ABBR = (r"(?:\s*[（(]\s*(?:GNU\s*)?(?:(?:A|L)?GPL|(?:(?:Affero|Lesser|Library)\s+)?General\s+Public\s+Licen[cs]e|G?FDL|"
         r"Free\s+Documentation\s+Licen[cs]e)\s*[)）])?")
_ONLY = r"(?P<only>\s*(?:only|-only|のみ|だけ))?"

# Creative Commons: English names and abbreviations, and the names of the Japanese deeds:
# 表示 (BY), 非営利 (NC), 改変禁止 (ND), 継承 (SA); 国際 (International), 非移植 (Unported).
_CC_EN = re.compile(
    r"Creative\s+Commons\s+(?:Licen[cs]e\s+)?[\"“(]?\s*Attribution(?P<elements>(?:[\s,-]+(?:Non-?Commercial|"
    r"No-?Deriv(?:ative)?s?|Share-?Alike))*)[\s,-]+(?:licen[cs]e\s+)?(?:v(?:ersion)?\.?\s*)?(?P<version>[1-4]\.[0-5])"
    r"|\b(?:Creative\s+Commons\s+|CC[\s-]?)(?:BY|Attribution)(?P<abbr>(?:\s*[\s/-]\s*(?:NC|ND|SA))*)[\s-]*"
    # "CC BY-NC v4", "CC BY version 4": a major version after an explicit "v" is its .0
    r"(?:(?:v(?:ersion)?\.?\s*)?(?P<abbr_version>[1-4]\.[0-5])(?!\d)|(?:v|version)\.?\s*(?P<abbr_major>[1-4])(?!\.?\d))"
    r"|\bAttribution(?P<deed>(?:-(?:NonCommercial|NoDerivatives|NoDerivs|ShareAlike))*)\s+(?P<deed_version>[1-4]\.0)"
    r"\s+(?:International|Unported|Generic)",
    re.IGNORECASE)
_CC_JA = re.compile(
    r"(?:クリエイティブ\s*[・･]?\s*コモンズ|CC)\s*[・･]?\s*(?:ライセンス)?\s*[（(「『]?\s*"
    r"(?P<elements>表示(?:\s*[-‐ー－―・]\s*(?:非営利|改変禁止|継承))*)\s*(?P<version>[1-4]\.[0-5])")
_CC_URL = re.compile(r"creativecommons\.org/licenses/(?P<elements>by(?:-(?:nc|nd|sa))*)/(?P<version>[1-4]\.[0-5])",
                     re.IGNORECASE)
_CC0 = re.compile(r"\bCC[\s-]?0(?:\s*1\.0)?(?:\s+Universal)?|Creative\s+Commons\s+Zero|"
                  r"creativecommons\.org/publicdomain/zero/1\.0|クリエイティブ\s*[・･]?\s*コモンズ\s*[・･]?\s*ゼロ",
                  re.IGNORECASE)
_EN_ELEMENTS = {"noncommercial": "NC", "noderiv": "ND", "sharealike": "SA"}
# A Creative Commons name without its version ("CC BY-NC", 「CC BY-SA」, "Creative Commons
# Attribution-ShareAlike"): its duties are said, its version is not. It is read as the current
# version, 4.0 (as ScanCode's notice rules read "licensed under CC BY-NC"), the NC/ND/SA duty kept,
# and the rule says the version was not stated; a version stated elsewhere in the text wins.
_CC_EN_UNVERSIONED = re.compile(
    # the long form first: "Creative Commons Attribution-ShareAlike" must keep its ShareAlike
    r"Creative\s+Commons\s+(?:Licen[cs]e\s+)?Attribution(?P<elements>(?:[\s,-]+(?:Non[- ]?Commercial|No[- ]?Deriv(?:ative)?s?|"
    r"Share[- ]?Alike))+)"
    r"|\b(?:Creative\s+Commons\s+|(?-i:CC)[\s-]?)(?:(?-i:BY)|Attribution)(?P<abbr>(?:\s*[\s/-]\s*(?-i:NC|ND|SA)(?![A-Za-z]))*)",
    re.IGNORECASE)
_CC_JA_UNVERSIONED = re.compile(r"(?:クリエイティブ\s*[・･]?\s*コモンズ|CC)\s*[・･]?\s*(?:ライセンス)?\s*[（(「『]?\s*"
                                r"(?P<elements>表示(?:\s*[-‐ー－―・]\s*(?:非営利|改変禁止|継承))*)")
# a version after the name, written in a way no pattern reads ("Attribution-Share Alike 3.0")
# (possessive runs of spaces, as _V: none of what follows them is a space)
_NO_VERSION_AFTER = re.compile(r"^[\s-]*+(?:licen[cs]e\s*+)?(?:v(?:ersion)?\.?\s*+|バージョン\s*+|第\s*+)?[（(]?\s*+\d|"
                               r"^[^.;:()\n。]{0,60}?(?<![\d.])[1-4]\.\d")


def cc_id(elements: set[str], version: str) -> str | None:
    if {"ND", "SA"} <= elements:
        return None  # no such license: a garbled name is not evidence
    parts = [e for e in ("NC", "ND", "SA") if e in elements]
    try:
        return normalize("-".join(["CC-BY", *parts, version]))
    except ExpressionError:
        return None  # a version that never had these elements


# A Creative Commons port to a jurisdiction, said after its version ("2.1 Japan", 「2.1 日本」):
# SPDX lists some ports (CC-BY-SA-2.1-JP); a port it does not list is no other license's evidence
_PORT = re.compile(r"\s*(?:[(（]\s*)?(?:Japan|JP|日本)\b", re.IGNORECASE)


def _ported(m: re.Match, version: str | None) -> str | None:
    return "JP" if version and not version.startswith("4") and _PORT.match(m.string, m.end()) else None


# A port SPDX does not list ("CC BY-SA 2.0 JP"): a license of its own (the unported text adapted to
# a jurisdiction's law), so neither the unported license nor another version; it is named as
# custom terms (a person reads it; the policy keeps the unported license's classes) and the
# unported id is the reviewer's hint.
UNLISTED_PORT = "LicenseRef-Custom-"


def _listed(spdx_id: str) -> str | None:
    try:
        return normalize(spdx_id)
    except ExpressionError:
        return None


def _port_id(elements: set[str], version: str, port: str) -> str | None:
    if listed := cc_id(elements, f"{version}-{port}"):
        return listed
    if {"ND", "SA"} <= elements:
        return None  # no such license
    # spelled out, not normalized: 2.1 was published only as ports, it has no unported id
    return UNLISTED_PORT + "-".join(["CC-BY", *[e for e in ("NC", "ND", "SA") if e in elements], version, port])


def _cc_en(m: re.Match) -> str | None:
    if port := _ported(m, m["version"] or m["abbr_version"]):
        squeezed = re.sub(r"[\s,-]", "", (m["elements"] or "") + (m["abbr"] or "")).lower()
        elements = {code for word, code in {**_EN_ELEMENTS, "nc": "NC", "nd": "ND", "sa": "SA"}.items() if word in squeezed}
        return _port_id(elements, m["version"] or m["abbr_version"], port)
    if m["version"]:
        squeezed = re.sub(r"[\s,-]", "", m["elements"] or "").lower()
        return cc_id({code for word, code in _EN_ELEMENTS.items() if word in squeezed}, m["version"])
    if m["deed_version"]:
        squeezed = re.sub(r"[\s,-]", "", m["deed"] or "").lower()
        return cc_id({code for word, code in _EN_ELEMENTS.items() if word in squeezed}, m["deed_version"])
    return cc_id(set(re.split(r"[\s/-]+", (m["abbr"] or "").upper())) & {"NC", "ND", "SA"},
                 m["abbr_version"] or f"{m['abbr_major']}.0")


def _ja_elements(m: re.Match) -> set[str]:
    return {{"非営利": "NC", "改変禁止": "ND", "継承": "SA"}[e] for e in re.findall("非営利|改変禁止|継承", m["elements"])}


def _cc_ja(m: re.Match) -> str | None:
    port = _ported(m, m["version"])
    return _port_id(_ja_elements(m), m["version"], port) if port else cc_id(_ja_elements(m), m["version"])


def _unversioned_id(elements: set[str]) -> str | None:
    return cc_id(elements, "4.0")


# The first version of each GNU license: "Lesser" dates from 2.1, the "Library" GPL from 2.0.
_GNU_FIRST = {"": "GPL-1.0-or-later", "lesser": "LGPL-2.1-or-later", "library": "LGPL-2.0-or-later",
              "l": "LGPL-2.0-or-later", "affero": "AGPL-3.0-or-later", "a": "AGPL-3.0-or-later"}
# A version said apart from the name ("the GNU General Public License as published by the FSF;
# either version 2 ..."): the name is not version-less (ScanCode's notice rules read such notices).
_VERSION_APART = re.compile(r"\bversion\s*\d|\bv\d|バージョン\s*\d|第\s*\d(?:\.\d)?\s*版", re.IGNORECASE)


def _cc_en_unversioned(m: re.Match) -> str | None:
    if m["abbr"] is None and m["elements"] is not None:
        squeezed = re.sub(r"[\s-]", "", m["elements"]).lower()
        return _unversioned_id({code for word, code in _EN_ELEMENTS.items() if word in squeezed})
    return _unversioned_id(set(re.split(r"[\s/-]+", (m["abbr"] or "").upper())) & {"NC", "ND", "SA"})


VERSION_NOT_STATED = "version not stated"


def vague_of(named: str, vague: str) -> bool:
    """Whether `named` is a license that the vague name `vague` ("BSD license") may stand for."""
    return vague == "LicenseRef-BSD-unspecified" and named.startswith(("BSD-", "0BSD"))


def same_cc_family(a: str, b: str) -> bool:
    """CC-BY-SA-3.0 and CC-BY-SA-4.0: one Creative Commons license in two versions."""
    family = re.compile(r"(CC-BY(?:-NC|-ND|-SA)*)-\d\.\d")
    fa, fb = family.fullmatch(a), family.fullmatch(b)
    return bool(fa and fb) and fa.group(1) == fb.group(1)


def _cc_url(m: re.Match) -> str | None:
    return cc_id(set(m["elements"].upper().split("-")[1:]), m["version"])


def _gnu(family: str):
    def make(m: re.Match) -> str | None:
        version = m["version"]
        if family == "LGPL" and version == "2":
            version = "2.1" if (m["minor"] or "") == "1" else "2.0"
        elif "." not in version:
            version += ".0"
        suffix = "-or-later" if m["later"] or m["atleast"] else "-only"
        try:
            return normalize(f"{family}-{version}{suffix}")
        except ExpressionError:
            return None
    return make


def _gnu_version_first(m: re.Match) -> str | None:
    family = "GFDL" if m["what"].lower().startswith("free") else \
        {"lesser": "LGPL", "library": "LGPL", "affero": "AGPL"}.get((m["kind"] or "").strip().lower(), "GPL")
    version, minor = m["version"].partition(".")[::2]
    if family == "GPL" and minor not in ("", "0"):
        return _no_such_gpl(m)
    fields = {"version": version, "minor": minor or None, "later": m["later"], "atleast": None}
    if family == "GFDL":
        fields["version"] = m["version"] if "." in m["version"] else None
    if not fields["version"]:
        return None
    return _gnu(family)(fields)


# "Lesser" or "Library" said as part of a license's name, in the sentence of a GPL version that never
# existed: the LGPL, whose 2.1 does ("the Library GPL", "version 2.1 (the Lesser one)", "LGPL").
# "This library is ..." names the work, "(not the LGPL)" refuses the LGPL: no LGPL is named.
_LESSER_NEAR = re.compile(r"\b(?:Lesser|Library)\s+(?:GNU\s+)?(?:GPL|General\s+Public)|[(（]\s*(?:the\s+)?(?:Lesser|Library)\b|"
                          r"\bLGPL|劣等", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not|no|nor|never)\s+(?:the\s+|an?\s+)?$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?。](?=\s|$)")


def _lesser_named(text: str, start: int, end: int) -> bool:
    """Whether the sentence around text[start:end] names the Lesser or Library GPL (not refused)."""
    ends = [e.end() for e in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    sentence_start, sentence_end = (ends[-1] if ends else 0), (after.end() if after else len(text))
    return any(not _NEGATED.search(text[max(sentence_start, q.start() - 20):q.start()])
               for q in _LESSER_NEAR.finditer(text, sentence_start, sentence_end))
NO_SUCH_VERSION = "NOASSERTION"  # the expression of a GPL named with a version it never had


def _no_such_gpl(m: re.Match) -> str | None:
    """A GPL named with a version the GPL never had (1.0, 2.0 and 3.0 are all there are): the
    LGPL-2.1 where "Lesser" or "Library" is said near it and the version is 2.1, else no license
    (NO_SUCH_VERSION; a person reads it): never a silent GPL of another version."""
    if m["version"] in ("1.0", "2.0", "3.0"):
        return None
    if m["version"] == "2.1" and _lesser_named(m.string, max(0, m.start() - 80), min(len(m.string), m.end() + 80)):
        atleast = m.groupdict().get("atleast")
        return _gnu("LGPL")({"version": "2", "minor": "1", "later": m["later"], "atleast": atleast})
    return NO_SUCH_VERSION


def _rail(m) -> str:
    who = (m["who"] or "").lower()
    key = f"{who}-openrail-m" if who else "openrail++" if m["pp"] else "openrail"
    return HF_LICENSES[key]


def _lppl(m: re.Match) -> str:
    """The LPPL version the text names; "1.3" alone is 1.3a or 1.3c (SPDX lists no LPPL-1.3): a
    person reads it (NO_SUCH_VERSION), never a guessed letter."""
    return _listed(f"LPPL-{m['version']}" + ("+" if m["later"] else "")) or NO_SUCH_VERSION


def _fixed(spdx_id: str):
    return lambda m: spdx_id


# (rule name, pattern, id maker). Longer and more specific names come first; a later pattern
# never takes a span an earlier one matched.
def _cc_igo(m) -> str | None:
    """A CC 3.0 license's IGO port (its own SPDX id), or None where SPDX has none."""
    elements = {e for e, spelled in (("NC", r"N(?:on-?Commercial|C)"), ("ND", r"N(?:o-?Deriv|D)"),
                                      ("SA", r"S(?:hare-?Alike|A)")) if re.search(spelled, m["el"] or "", re.I)}
    base = cc_id(elements, "3.0")
    try:
        return normalize(f"{base}-IGO") if base else None
    except ExpressionError:
        return None


# a nickname quoted or in brackets between a BSD's clause count and its name: two-clause ("Simplified") BSD
_NICKNAME = r"""(?:\s*\(?\s*["“'‘][^"“”'‘’()\n]{1,20}["”'’]\s*\)?\s*|\s*\([^()\n]{1,20}\)\s*|\s+)"""

NAMES: list[tuple[str, re.Pattern, object]] = [
    ("cc-igo", re.compile(r"(?:Creative\s+Commons\s+(?:Licen[cs]e\s+)?Attribution|\bCC[\s-]?BY)(?P<el>(?:[\s,-]+(?:Non-?Commercial|"
                          r"No-?Deriv(?:ative)?s?|Share-?Alike|NC|ND|SA))*)[\s-]+3\.0[\s-]+IGO\b", re.IGNORECASE), _cc_igo),
    ("cc-en", _CC_EN, _cc_en),
    ("cc-ja", _CC_JA, _cc_ja),
    ("cc-url", _CC_URL, _cc_url),
    ("cc0", _CC0, _fixed("CC0-1.0")),
    ("cc-en-unversioned", _CC_EN_UNVERSIONED, _cc_en_unversioned),
    ("cc-ja-unversioned", _CC_JA_UNVERSIONED, lambda m: _unversioned_id(_ja_elements(m))),
    # model licenses with use restrictions (custom terms a person reads), as a model card's prose names them
    ("rail", re.compile(r"\b(?P<who>CreativeML|BigScience|BigCode)?\s*Open\s*RAIL(?P<pp>\+\+)?(?:[-\s]?M\b)?(?:\s+licen[cs]e\b)?",
                        re.IGNORECASE), lambda m: _rail(m)),
    ("llama", re.compile(r"\b(?:Meta\s+)?Llama\s*(?P<v>2|3(?:\.[123])?)\s+Community\s+Licen[cs]e(?:\s+Agreement)?",
                         re.IGNORECASE), lambda m: HF_LICENSES["llama" + m["v"]]),
    ("gemma", re.compile(r"\bGemma\s+(?:Terms\s+of\s+Use|(?:Community\s+)?Licen[cs]e)\b|Gemma\s*利用規約", re.IGNORECASE),
     lambda m: HF_LICENSES["gemma"]),
    *OPEN_DATA_NAMES,
    ("jp-gov-2.0", re.compile(r"政府標準利用規約\s*[（(]?\s*第?\s*2\.0\s*版"), _fixed("CC-BY-4.0")),
    ("jp-pdl-1.0", re.compile(r"公共データ利用規約\s*[（(]?\s*第?\s*1\.0\s*版|Public\s+Data\s+License\s*(?:\(Version\s*1\.0\)|"
                              r"v?1\.0)|\bPDL\s*1\.0", re.IGNORECASE), _fixed("CC-BY-4.0")),
    ("jp-gov-1.0", re.compile(r"政府標準利用規約\s*[（(]?\s*第?\s*1\.0\s*版"), _fixed("LicenseRef-JP-Gov-Standard-Terms-1.0")),
    ("agpl", re.compile(r"(?:GNU\s+)?(?:Affero\s+General\s+Public\s+Licen[cs]e|AGPL|Affero\s*一般公衆\s*利用許諾(?:契約)?書?)"
                        + _ABBR + _V +
                        r"(?P<version>3)(?:\.0)?" + _LATER + _ONLY, re.IGNORECASE), _gnu("AGPL")),
    ("lgpl", re.compile(r"(?:GNU\s+)?(?:(?:Lesser|Library)\s+General\s+Public\s+Licen[cs]e|Lesser\s+GPL|LGPL|"
                        r"劣等\s*一般公衆\s*利用許諾(?:契約)?書?)" + _ABBR + _V + r"(?P<version>[23])(?:\.(?P<minor>[01]))?" + _LATER + _ONLY,
                        re.IGNORECASE), _gnu("LGPL")),
    # a GPL version that was never published ("GNU General Public License, version 2.1")
    ("gpl-no-such-version", re.compile(r"(?:GNU\s+)?(?<![A-Za-z])(?:General\s+Public\s+Licen[cs]e|GPL|一般公衆\s*利用許諾(?:契約)?書?)"
                                       + _ABBR + _V + r"(?P<version>[1-9]\.[1-9]\d*)" + _LATER + _ONLY, re.IGNORECASE),
     lambda m: _no_such_gpl(m)),
    ("gpl", re.compile(r"(?:GNU\s+)?(?<![A-Za-z])(?:General\s+Public\s+Licen[cs]e|GPL|一般公衆\s*利用許諾(?:契約)?書?)" + _ABBR + _V +
                       r"(?P<version>[123])(?:\.0)?(?!\.\d)" + _LATER + _ONLY, re.IGNORECASE), _gnu("GPL")),
    # the version after "as published by the Free Software Foundation", as GNU's notices put it, in
    # a sentence of its own words ("... either version 2.1 of that license or (at your option) any
    # later version"), where no ScanCode notice rule matches word for word
    ("gnu-as-published", re.compile(r"(?:GNU\s+)?(?<![A-Za-z])(?:(?P<kind>Lesser|Library|Affero)\s+)?(?P<what>General\s+Public)"
                                    r"\s+Licen[cs]e" + _ABBR + r",?\s+as\s+published\s+by\s+the\s+Free\s+Software\s+Foundation"
                                    r"\s*[;,:]?\s*(?:either\s+)?version\s+(?P<version>[123](?:\.[0-3])?)"
                                    r"(?:,?\s+of\s+(?:the|that|this)\s+Licen[cs]e)?" + _LATER + _ONLY, re.IGNORECASE),
     lambda m: _gnu_version_first(m)),
    # the version first, as GNU's own notices put it ("version 3 of the GNU Lesser General Public
    # License", "version 1.3 of the GNU Free Documentation License")
    ("gnu-version-first", re.compile(r"\bversion\s+(?P<version>[123](?:\.[0-3])?)\s+of\s+the\s+(?:GNU\s+)?(?P<kind>Lesser\s+|"
                                     r"Library\s+|Affero\s+)?(?P<what>General\s+Public|Free\s+Documentation)\s+Licen[cs]e"
                                     + _LATER + _ONLY, re.IGNORECASE), lambda m: _gnu_version_first(m)),
    # 「GNU 自由文書利用許諾契約書」: the GFDL's name in the Japanese translations
    ("gfdl", re.compile(r"(?:GNU\s*)?(?:Free\s+Documentation\s+Licen[cs]e|G?FDL|自由文書\s*利用許諾(?:契約)?書?)" + _ABBR + _V + r"(?P<version>1\.[123])"
                        + _LATER + _ONLY, re.IGNORECASE), _gnu("GFDL")),
    # A GNU license named without its version: each says "if the Program does not specify a version
    # number of this License, you may choose any version ever published", so the answer is the
    # first version or later (as SPDX and the Hugging Face `gpl` id read it): the copyleft kept.
    ("gnu-no-version", re.compile(r"(?:GNU\s+)?(?<![A-Za-z])(?:(?P<kind>Lesser|Library|Affero)\s+)?General\s+Public\s+Licen[cs]e"
                                  r"|(?<![A-Za-z-])(?P<abbr>L|A)?GPL(?![A-Za-z0-9]|-\w)", re.IGNORECASE),
     lambda m: _GNU_FIRST[(m["kind"] or m["abbr"] or "").lower()]),
    ("artistic", re.compile(r"\bArtistic\s+Licen[cs]e" + _V + r"(?P<v>[12])(?:\.0)?(?![\d.]\d)", re.IGNORECASE),
     lambda m: f"Artistic-{m['v']}.0"),
    # NYSL (「煮るなり焼くなり好きにしろ」), a permissive license the SPDX list lacks: ScanCode's key as
    # custom terms (scancode_terms), which the policy sends to a person rather than denying unread
    ("nysl", re.compile(r"\bNYSL\b(?:\s*(?:Version|ver\.?|v)?\s*0\.9982)?(?:\s*\(en\))?|煮るなり焼くなり好きにしろ\s*(?:ライセンス)?",
                        re.IGNORECASE), _fixed("LicenseRef-Custom-scancode-nysl-0.9982")),
    ("beerware", re.compile(r"\bbeer-?ware(?:\s+licen[cs]e)?\b|ビアウェア(?:\s*ライセンス)?", re.IGNORECASE), _fixed("Beerware")),
    ("apache", re.compile(r"(?:\bApache|アパッチ)(?:\s+Software)?(?:\s+Licen[cs]e|\s*[・･]?\s*ライセンス)?" + _V + r"2(?:\.0)?(?![\d.]\d)"
                          r"|\bASL\s*2\.0|\bASLv2\b", re.IGNORECASE), _fixed("Apache-2.0")),
    ("mpl", re.compile(r"\b(?:Mozilla\s+Public\s+Licen[cs]e|MPL)" + _V + r"(?P<v>2\.0|1\.1|2)\b", re.IGNORECASE),
     lambda m: "MPL-1.1" if m["v"] == "1.1" else "MPL-2.0"),
    ("eupl", re.compile(r"\b(?:European\s+Union\s+Public\s+Licen[cs]e|EUPL)" + _V + r"(?P<v>1\.[012])\b", re.IGNORECASE),
     lambda m: f"EUPL-{m['v']}"),
    ("epl", re.compile(r"\b(?:Eclipse\s+Public\s+Licen[cs]e|EPL)" + _V + r"(?P<v>[12])(?:\.0\b|(?![\d.]\d))", re.IGNORECASE),
     lambda m: f"EPL-{m['v']}.0"),
    ("bsd-3", re.compile(r"\bBSD[\s-]*3[\s-]*Clause|\b(?:3|three)[\s-]*clause" + _NICKNAME + r"BSD|\bBSD\s*3\s*条項|"
                         r"(?:3|三)\s*条項\s*BSD|\b(?:3|three)[\s-]*term\s+BSD|修正\s*BSD|\b(?:New|Revised|Modified)\s+BSD|"
                         r"\bBSD\s*(?:Licen[cs]e|ライセンス)\s*[(（,]\s*(?:3|three|三)[\s-]*(?:clauses?|条項)(?:\s*(?:version|版))?\s*[)）]?",
                         re.IGNORECASE),
     _fixed("BSD-3-Clause")),
    ("bsd-2", re.compile(r"\bBSD[\s-]*2[\s-]*Clause|\b(?:2|two)[\s-]*clause" + _NICKNAME + r"BSD|\bBSD\s*2\s*条項|"
                         r"(?:2|二)\s*条項\s*BSD|\b(?:2|two)[\s-]*term\s+BSD|\bBSD[\s-]2\b(?!\.)|\bSimplified\s+BSD|\bFreeBSD\s+Licen[cs]e|"
                         r"\bBSD\s*(?:Licen[cs]e|ライセンス)\s*[(（,]\s*(?:2|two|二)[\s-]*(?:clauses?|条項)(?:\s*(?:version|版))?\s*[)）]?",
                         re.IGNORECASE),
     _fixed("BSD-2-Clause")),
    ("0bsd", re.compile(r"\b0BSD\b|Zero[\s-]Clause\s+BSD", re.IGNORECASE), _fixed("0BSD")),
    ("bsd", re.compile(r"\bBSD\s*(?:[-\s]\s*(?:style|like|type)\s*|スタイル\s*の?\s*|系\s*の?\s*|型\s*の?\s*)?(?:Licen[cs]e|ライセンス)",
                       re.IGNORECASE), _fixed("BSD")),
    ("mit-0", re.compile(r"\bMIT[\s-]0\b|MIT\s+No\s+Attribution", re.IGNORECASE), _fixed("MIT-0")),
    ("mit", re.compile(r"\bMIT\s*(?:[\s-]licen[cs]ed?|ライセンス|\(MIT\))|\bThe\s+MIT\b|\bMIT\b(?=\s*(?:[.,;)|\"'”’」]|$|で|の|と|、|。|(?:AND|OR)\s))",
                       re.IGNORECASE), _fixed("MIT")),
    ("odc-by", re.compile(r"\bODC[\s-]?BY(?:[\s-]*(?:v\s*)?1\.0)?\b|Open\s+Data\s+Commons\s+Attribution\s+Licen[cs]e",
                          re.IGNORECASE), _fixed("ODC-By-1.0")),
    ("odbl", re.compile(r"\bODbL(?:[\s-]*(?:v\s*)?1\.0)?\b|Open\s+Data(?:base)?\s+(?:Commons\s+)?Open\s+Database\s+Licen[cs]e|"
                        r"\bOpen\s+Database\s+Licen[cs]e", re.IGNORECASE), _fixed("ODbL-1.0")),
    ("pddl", re.compile(r"\bPDDL(?:[\s-]*1\.0)?\b|Public\s+Domain\s+Dedication\s+and\s+Licen[cs]e", re.IGNORECASE),
     _fixed("PDDL-1.0")),
    ("cdla", re.compile(r"\bCDLA[\s-]*(?P<kind>Permissive|Sharing)[\s-]*(?P<v>[12])\.0|Community\s+Data\s+Licen[cs]e\s+"
                        r"Agreement\s*[-–—]?\s*(?P<kind2>Permissive|Sharing),?\s*(?:Version\s*)?(?P<v2>[12])\.0",
                        re.IGNORECASE),
     lambda m: f"CDLA-{(m['kind'] or m['kind2']).capitalize()}-{m['v'] or m['v2']}.0"),
    # source-available licenses (SPDX ids): each has one version in use
    ("elastic", re.compile(r"\bElastic\s+Licen[cs]e,?\s*(?:version\s*|v\s*)?2(?:\.0)?(?![\d.]\d)|\bELv2\b", re.IGNORECASE),
     _fixed("Elastic-2.0")),
    ("sspl", re.compile(r"\bServer\s+Side\s+Public\s+Licen[cs]e(?:,?\s*(?:version\s*|v\s*|バージョン\s*)?1(?:\.0)?(?![\d.]\d))?|"
                        r"\bSSPL(?:[\s-]*v?1(?:\.0)?)?\b(?![\d.-]\d)", re.IGNORECASE), _fixed("SSPL-1.0")),
    ("busl", re.compile(r"\bBusiness\s+Source\s+Licen[cs]e,?\s*(?:version\s*|v\s*)?1\.1|\bBUSL[\s-]*1\.1\b|\bBSL\s*1\.1\b",
                        re.IGNORECASE), _fixed("BUSL-1.1")),
    ("unlicense", re.compile(r"\b(?:The\s+)?Unlicen[cs]e\b"), _fixed("Unlicense")),
    # a one-version license as an adjective, like "MIT-licensed": "This code is ISC-licensed"
    ("isc", re.compile(r"\bISC\s*ライセンス|\bISC\s+Licen[cs]e|\bISC[\s-]licen[cs]ed\b|\bISC(?=\s*(?:[.,;)]|$))"), _fixed("ISC")),
    ("zlib", re.compile(r"\bzlib\s*ライセンス|\bzlib\s+Licen[cs]e|\bzlib[\s-]licen[cs]ed\b", re.IGNORECASE), _fixed("Zlib")),
    ("bsl", re.compile(r"\bBoost\s+Software\s+Licen[cs]e|\bBSL-1\.0\b", re.IGNORECASE), _fixed("BSL-1.0")),
    # the two PolyForm licenses on the SPDX list (one version each, 1.0.0): a size or purpose limit
    # that is the license's own, never custom terms
    ("polyform", re.compile(r"\bPolyForm[\s-]+(?P<kind>Noncommercial|Non-commercial|Small[\s-]+Business)(?:[\s-]+Licen[cs]e)?"
                            r"(?:,?[\s-]*(?:version\s*|v\s*)?1(?:\.0){0,2})?\b", re.IGNORECASE),
     lambda m: "PolyForm-Noncommercial-1.0.0" if m["kind"].lower().startswith("non") else "PolyForm-Small-Business-1.0.0"),
    # the WTFPL's long name, its expletive often masked ("F*ck", "F**k")
    ("wtfpl", re.compile(r"\bWTFPL\b|\bDo\s+What\s+The\s+F[\w*.\-]{1,5}\s+You\s+Want\s+To\s+Public\s+Licen[cs]e", re.IGNORECASE),
     _fixed("WTFPL")),
    ("lppl", re.compile(r"\b(?:LaTeX\s+Project\s+Public\s+Licen[cs]e|LPPL)(?:\s*\(\s*LPPL\s*\))?" + _V
                        + r"(?P<version>1\.3c|1\.3a|1\.[0-3])(?![\w.]\w)" + _LATER, re.IGNORECASE),
     lambda m: _lppl(m)),
    # Cabal's and some manifests' legacy names: BSD3, BSD2, BSD4
    ("bsd-n", re.compile(r"\bBSD(?P<n>[234])\b(?![.-]\d)"), lambda m: f"BSD-{m['n']}-Clause"),
    ("ofl", re.compile(r"\bSIL\s+Open\s+Font\s+Licen[cs]e(?:\s*(?:,\s*)?(?:version\s*|v\s*)?1\.1)?|\bOFL[\s-]?1\.1\b", re.IGNORECASE),
     _fixed("OFL-1.1")),
]

# `\b` between 本データは and CC is no boundary (kana are word characters): names are bounded by
# ASCII letters and digits only, so that they are found inside Japanese sentences.
_ASCII_B = r"(?:(?<![A-Za-z0-9])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?![A-Za-z0-9]))"
NAMES = [(rule, re.compile(pattern.pattern.replace(r"\b", _ASCII_B), pattern.flags), make)
         for rule, pattern, make in NAMES]

_PAST_VERSION = re.compile(r"\d-(?!only$|or-later$)[A-Za-z]")
_ID_TOKEN = re.compile(r"(?<![\w.+-])([A-Za-z][A-Za-z0-9]*(?:[.+-][A-Za-z0-9]+)+\+?)(?![\w+-])")


def _spdx_id(token: str) -> str | None:
    """An SPDX id spelled as such (`CC-BY-4.0`, `apache-2.0`, `GPL-3.0-or-later`)."""
    if not re.search(r"\d", token) or token.lower() in ("utf-8", "iso-8859-1"):
        return None
    try:
        value = normalize(token)
    except ExpressionError:
        return None
    if " " in value or value.startswith("LicenseRef-"):
        return None
    # the token must spell the id, not merely map to it (`LICENSE-MIT` is a file name)
    return value if value.lower().startswith(token.lower().rstrip("+")) else None


def mentions(line: str) -> list[Mention]:
    """Every license named in `line`, left to right, no two overlapping; a German name
    ("MIT-Lizenz", "Apache-Lizenz 2.0") is read as the English one (german.py)."""
    if "izenz" not in line and "IZENZ" not in line:
        return _mentions(line)
    english, where = as_english(line)
    return [dataclasses.replace(m, start=where[m.start], end=where[m.end - 1] + 1) for m in _mentions(english)]


def _mentions(line: str) -> list[Mention]:
    taken: list[Mention] = []

    def free(start: int, end: int) -> bool:
        return all(end <= t.start or start >= t.end for t in taken)

    # an SPDX id with more written after its version ("OFL-1.1-RFN", "CC-BY-SA-3.0-AT"): read whole
    # first, so that no name read below takes its head for another license
    for m in _ID_TOKEN.finditer(line):
        if _PAST_VERSION.search(m.group(1)) and (value := _spdx_id(m.group(1))):
            taken.append(Mention(value, m.start(), m.end(), "spdx-id"))
    for rule, pattern, make in NAMES:
        for m in pattern.finditer(line):
            if not free(m.start(), m.end()):
                continue
            value = make(m)
            if not value:
                continue
            if rule.endswith(("-unversioned", "-no-version")) and _NO_VERSION_AFTER.match(line[m.end():]) or \
                    rule == "gnu-no-version" and _VERSION_APART.search(line):
                continue  # a version written in a way no pattern reads: not a version-less name
            if rule.endswith(("-unversioned", "-no-version")) and _POINTS_BACK.search(line[:m.start()]):
                continue  # "or under that GPL": the license named before, with its version, again
            if rule.endswith(("-unversioned", "-no-version")) and _VERSIONS_OF.search(line[:m.start()]):
                continue  # "No later version of the GPL applies": the versions of a license named, not a name
            if rule.endswith("-unversioned"):
                taken.append(Mention(value, m.start(), m.end(), f"cc ({VERSION_NOT_STATED}: read as 4.0)"))
                continue
            if rule in ("cc-en", "cc-ja") and value.startswith(UNLISTED_PORT):
                unported = _listed(value[len(UNLISTED_PORT):].rsplit("-", 1)[0])
                taken.append(Mention(value, m.start(), m.end(), f"cc (a jurisdiction port SPDX does not list: "
                                     f"{value.rsplit('-', 1)[1]})", ambiguous=True, hint=unported))
                continue
            if rule in _ONE_VERSION_RULES and (other := _OTHER_VERSION_AFTER.match(line, m.end())):
                # "ODbL v2.0", "PolyForm Noncommercial License 2.0": the name, then a version the
                # license never had (its own is optional in the pattern): never the one it has
                taken.append(Mention(NO_SUCH_VERSION, m.start(), other.end(), f"{rule} (no such version: "
                                     f"{other['v']})", ambiguous=True, hint=value))
                continue
            if value == NO_SUCH_VERSION:
                taken.append(Mention(value, m.start(), m.end(), f"{rule.split('-')[0]} (no such version: {m['version']})",
                                     ambiguous=True))
                continue
            if rule == "bsd":
                # Which BSD is not said: the 2- and 3-clause licenses differ in a duty (the
                # no-endorsement clause), so a person decides; BSD-3-Clause is the closest hint
                # (what ScanCode's notice rules and common usage read it as).
                taken.append(Mention("LicenseRef-BSD-unspecified", m.start(), m.end(), "bsd (variant not stated)",
                                     ambiguous=True, hint="BSD-3-Clause"))
                continue
            taken.append(Mention(value, m.start(), m.end(), rule))
    # any other license on the SPDX list, named in full. The hand table's reading wins where both
    # read the same words; a catalogue name that holds the hand table's and more wins ("Creative
    # Commons Attribution 3.0 Germany License" is CC-BY-3.0-DE, "Apple MIT License" AML): the
    # longer name is the license's own, the shorter a part of it.
    def within(t: Mention, start: int, end: int) -> bool:
        # "the MIT" read by the hand table lies within "MIT +no-false-attribs License"
        core = t.start + len(_LEADING_THE.match(line, t.start)[0])
        return start <= core and t.end <= end and end - start > t.end - core

    def free_or_longer(start: int, end: int) -> bool:
        return all(end <= t.start or start >= t.end or within(t, start, end) for t in taken)

    for found in catalogue_names.find(line, free_or_longer):
        if not free_or_longer(found.start, found.end):
            continue  # a name before it in the line took these words
        if any(within(t, found.start, found.end) and (t.expression == found.spdx_id or _RFN_FORM.fullmatch(found.spdx_id or "")
                                                      and found.spdx_id.startswith(t.expression + "-")) for t in taken):
            # the same license: the hand table's reading (and its rule) stands. An OFL's Reserved
            # Font Name form is decided by detect.py from the copyright statement, never the name
            # ("OFL 1.1, with no Reserved Font Name" is the OFL-1.1 the project reads)
            continue
        taken = [t for t in taken if not within(t, found.start, found.end)]
        if found.spdx_id is None and found.how == "own terms?" and (listed := _listed(found.hint)):
            # "the Fair License of Acme Corp": maybe a company's own terms; a person reads them
            taken.append(Mention(f"LicenseRef-Custom-{listed}", found.start, found.end, "own terms? (catalogue name)",
                                 ambiguous=True, hint=listed))
        elif found.spdx_id is None:
            taken.append(Mention(NO_SUCH_VERSION, found.start, found.end, f"catalogue ({found.how})", ambiguous=True,
                                 hint=found.hint))
        elif listed := _listed(found.spdx_id):
            taken.append(Mention(listed, found.start, found.end, f"catalogue ({found.how})"))
    for m in _ID_TOKEN.finditer(line):
        if free(m.start(), m.end()) and (value := _spdx_id(m.group(1))):
            taken.append(Mention(value, m.start(), m.end(), "spdx-id"))
    if JA.search(line):
        # 「GNU フリー文書利用許諾契約書 バージョン1.3」: the name's words in English, where no
        # name was read in the Japanese as written
        english, origin = english_reading(line)
        if english != line:
            for t in mentions(english):
                start, end = origin[t.start], origin[t.end - 1] + 1
                if free(start, end) and not t.ambiguous and t.expression != NO_SUCH_VERSION:
                    taken.append(Mention(t.expression, start, end, f"{t.rule} (Japanese name read in English)"))
    # a name inside a file's name ("licenses/SSPL-1.0.txt") names a file, not a license
    taken = [t for t in taken if not _FILE_SUFFIX.match(line, t.end)]
    return [_with_exception(line, _or_later(line, t)) for t in sorted(taken, key=lambda t: t.start)]


# "or (any) later (version)" after a license that is no GNU license (their patterns read it as
# -or-later): SPDX's "+" ("AFL-3.0+"), never the version alone
# "or later" in Japanese too (「Apache License 2.0 またはそれ以降」「AFL-3.0 以降」), so both read alike
_OR_LATER_AFTER = re.compile(r"\s*,?\s*\(?\s*or\s*,?\s+(?:\(?at\s+your\s+(?:option|choice|discretion)\)?\s*,?\s*)?(?:any\s+)?(?:later|newer|higher)"
                             r"(?:\s+versions?)?\s*\)?|\s*[,、]?\s*(?:[(（]\s*)?(?:(?:または|又は|もしくは)\s*それ)?(?:以降|より新しい)(?:\s*の?\s*(?:バージョン|版))?",
                             re.IGNORECASE)


def _or_later(line: str, t: Mention) -> Mention:
    if t.ambiguous or not re.fullmatch(r"[\w.-]*\d[\w.-]*", t.expression) or t.expression.endswith("-or-later"):
        return t
    # a name read as "-only" by default (the GFDL's catalogue name) with no "only" said, then "or later"
    said_only = t.expression.endswith("-only") and re.search(r"only|のみ|だけ", line[t.start:t.end], re.IGNORECASE)
    m = _OR_LATER_AFTER.match(line, t.end)
    base = t.expression[:-len("-only")] if t.expression.endswith("-only") else t.expression
    if said_only or not m or not (later := _listed(base + "+")):
        return t
    return Mention(later, t.start, m.end(), t.rule + " (or later)")


# names whose pattern reads the license's one version or none (a version after that is another)
_ONE_VERSION_RULES = frozenset(("odc-by", "odbl", "pddl", "polyform", "sspl"))
_OTHER_VERSION_AFTER = re.compile(r"[\s,]*(?:version\s*|v\.?\s*)?(?P<v>\d{1,2}(?:\.\d+)*)(?![\d.]*\d)", re.IGNORECASE)
_RFN_FORM = re.compile(r"OFL-[\d.]+-(?:no-)?RFN")
_LEADING_THE = re.compile(r"(?i:the\s+)?")
_FILE_SUFFIX = re.compile(r"[\w.-]*\.(?:txt|md|rst|html?)\b", re.IGNORECASE)


# An exception named right after a license ("GPL version 2 with the Classpath Exception") grants
# more than the license alone; SPDX writes it `GPL-2.0-only WITH Classpath-exception-2.0`.
_EXCEPTIONS = [
    (re.compile(r"Classpath|クラスパス", re.IGNORECASE), "Classpath-exception-2.0", ("GPL-2.0",)),
    (re.compile(r"GCC\s+Runtime\s+Library", re.IGNORECASE), "GCC-exception-3.1", ("GPL-3.0",)),
    (re.compile(r"LLVM", re.IGNORECASE), "LLVM-exception", ("Apache-2.0",)),
    # Swift's "Apache License v2.0 with Runtime Library Exception" (GCC's is named with GCC, above)
    (re.compile(r"Runtime\s+Library", re.IGNORECASE), "Swift-exception", ("Apache-2.0",)),
    (re.compile(r"Font", re.IGNORECASE), "Font-exception-2.0", ("GPL-2.0", "GPL-3.0")),
    # the GNU build tools' exceptions, one SPDX id per GPL version they were written for
    (re.compile(r"Autoconf", re.IGNORECASE), "Autoconf-exception-3.0", ("GPL-3.0",)),
    (re.compile(r"Autoconf", re.IGNORECASE), "Autoconf-exception-2.0", ("GPL-2.0",)),
    (re.compile(r"Bison", re.IGNORECASE), "Bison-exception-2.2", ("GPL-2.0", "GPL-3.0")),
    (re.compile(r"GCC", re.IGNORECASE), "GCC-exception-2.0", ("GPL-2.0",)),
    (re.compile(r"GCC", re.IGNORECASE), "GCC-exception-3.1", ("GPL-3.0",)),
    (re.compile(r"OCaml", re.IGNORECASE), "OCaml-LGPL-linking-exception", ("LGPL-2.1", "LGPL-3.0")),
    (re.compile(r"Universal\s+FOSS", re.IGNORECASE), "Universal-FOSS-exception-1.0", ("GPL-", "LGPL-", "AGPL-")),
]


_NAMED_EXCEPTION = re.compile("(?:" + "|".join(sorted({p.pattern for p, _, _ in _EXCEPTIONS})) + r")[\w\s.-]{0,30}?"
                              r"(?:exceptions?\b|例外)", re.IGNORECASE)


def names_exception(text: str) -> bool:
    """Whether `text` names one of the license exceptions SPDX lists ("the Classpath exception",
    「OCaml LGPL リンク例外」): the permissions it describes are the exception's, never custom terms."""
    return bool(_NAMED_EXCEPTION.search(text))


def exception_for(name: str, expression: str) -> str | None:
    """The SPDX id of the exception called `name` ("Classpath", "Autoconf Configure Script") that
    SPDX defines for the license `expression` (one id), or None."""
    return next((exception for pattern, exception, bases in _EXCEPTIONS
                 if pattern.search(name) and expression.startswith(bases)), None)
_WITH_EXCEPTION = re.compile(r"^\s*+[,、]?\s*+(?:(?:together|along)\s+with|with|plus|\+|および|と)\s*+(?:the|an?)?\s*+[\"“「]?\s*+(?P<name>[\w\s]{2,30}?)"
                             r"\s*(?:Exceptions?|例外)", re.IGNORECASE)
# MPL 2.0 with its Exhibit B notice: the code may not be combined into (L)GPL works (no copyleft exception)
_MPL_EXHIBIT_B = re.compile(r"incompatible\s+with\s+secondary\s+licen[cs]es", re.IGNORECASE)


def _with_exception(line: str, t: Mention) -> Mention:
    if t.expression == "MPL-2.0" and _MPL_EXHIBIT_B.search(line):
        return Mention("MPL-2.0-no-copyleft-exception", t.start, t.end, t.rule + " (Exhibit B notice)")
    m = _WITH_EXCEPTION.match(line[t.end:])
    if not m:
        return t
    if exception := exception_for(m["name"], t.expression):
        return Mention(f"{t.expression} WITH {exception}", t.start, t.end + m.end(), t.rule + f" with {exception}")
    return t


# Hugging Face dataset card license ids that are not SPDX spellings
# (huggingface.co/docs/hub/repositories-licenses). "unknown" is no evidence.
# ScanCode holds no Llama 3 (April 2024) terms: its `llama-license-2023` is the first LLaMA's research
# license, another text. Llama 3 is named by its own id, as 3.1 to 3.3 are by ScanCode's keys.
_HF_IDS = {
    "odc-by": "ODC-By-1.0", "odbl": "ODbL-1.0", "pddl": "PDDL-1.0", "cc": "LicenseRef-HF-cc",
    "gpl": "GPL-1.0-or-later", "lgpl-lr": "LGPL-3.0-only", "deepfloyd-if-license": "LicenseRef-HF-deepfloyd-if",
    "openrail": "LicenseRef-OpenRAIL", "openrail++": "LicenseRef-OpenRAIL-plus-plus",
    "creativeml-openrail-m": "LicenseRef-CreativeML-OpenRAIL-M",
    "bigscience-openrail-m": "LicenseRef-scancode-bigscience-open-rail-m",
    "bigscience-bloom-rail-1.0": "LicenseRef-scancode-bigscience-rail-1.0",
    "bigcode-openrail-m": "LicenseRef-scancode-bigcode-open-rail-m-v1",
    "llama2": "LicenseRef-scancode-llama-2-license-2023", "llama3": "LicenseRef-Llama-3-Community-License",
    "llama3.1": "LicenseRef-scancode-llama-3.1-license-2024", "llama3.2": "LicenseRef-scancode-llama-3.2-license-2024",
    "llama3.3": "LicenseRef-scancode-llama-3.3-license-2024", "gemma": "LicenseRef-Gemma-Terms-of-Use",
    "other": "LicenseRef-HF-other",
}
# A model's own terms (Llama, Gemma, the RAIL family): not on the SPDX list, each with use
# restrictions (an acceptable-use policy, a user cap, forbidden uses) that a person must read, so
# custom terms, `LicenseRef-Custom-<its ScanCode key or name>`, however they are named (a card's
# header, the prose, ScanCode's match of the full text). Commercial use is allowed: no
# -NonCommercial is added.
_MODEL_TERMS = re.compile(r"^LicenseRef-(?:scancode-)?(?:[\w.-]*open-?rail[\w.+-]*|[\w.-]*-rail(?:-[\w.-]*)?|"
                          r"llama-(?!4-cla)[\w.-]+|gemma-(?:tou|pup)[\w.-]*|Gemma-Terms-of-Use)$", re.IGNORECASE)


def model_terms(key: str) -> str:
    """`key` as custom terms where it is a model license's own terms (above) or ScanCode's id of
    any other license with terms of its own (scancode_terms.py); else unchanged."""
    if _MODEL_TERMS.match(key):
        return "LicenseRef-Custom-" + key[len("LicenseRef-"):]
    return custom_terms_id(key) or key


HF_LICENSES = {hf_id: model_terms(value) for hf_id, value in _HF_IDS.items()}



def hf_license(value, license_name=None) -> str | None:
    """A dataset card's `license:` (a HF id or a list of them) as an SPDX expression; `other`
    with a `license_name:` is that named license as a LicenseRef-."""
    values = value if isinstance(value, list) else [value]
    ids = []
    for v in values:
        if not isinstance(v, str) or not v.strip() or v.strip().lower() == "unknown":
            continue
        v = v.strip()
        if v.lower() == "other" and isinstance(license_name, str) and license_name.strip():
            ids.append("LicenseRef-" + re.sub(r"[^A-Za-z0-9.\-]+", "-", license_name.strip()).strip("-"))
            continue
        ids.append(HF_LICENSES.get(v.lower(), v))
    # Several licenses on one card cover different parts: all of them may apply.
    return " AND ".join(ids) if ids else None
