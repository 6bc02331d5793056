"""Finding a license in text: an SPDX tag, a Creative Commons license name, or ScanCode.

ScanCode's licensedcode (scancode-toolkit-mini) matches full license texts and about 36,000
notice, tag and reference rules; bench/README.md records why it was chosen and what it scores.
Its index takes several seconds to load, so it is loaded once per process (`scancode_index`).
Creative Commons names (English and Japanese: ScanCode has no Japanese rules) are read here
element by element, and an `SPDX-License-Identifier:` tag is read before anything else because
ScanCode splits a tag such as `MIT OR Apache-2.0` into partial matches.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from dataclasses import dataclass
from functools import lru_cache

from license_expression import ExpressionError

from curation.licenses.spdx import normalize

NOASSERTION = "NOASSERTION"
DEFAULT_THRESHOLD = 0.8  # below this score a detection is not evidence (LicensePolicy.detect_threshold)

SPDX_TAG = re.compile(r"SPDX-License-Identifier:\s*([A-Za-z0-9.+\-() ]+?)\s*(?:\*/|-->|$)", re.MULTILINE)

# A document is scanned at its head and tail, where notices sit; a whole document can be long.
DOC_HEAD, DOC_TAIL = 20_000, 5_000


@dataclass(frozen=True)
class Detection:
    """What was found: a normalized SPDX expression (or NOASSERTION), a score in [0, 1], the
    detector that found it (spdx_tag | cc_ja | scancode | none) and what matched (rule ids)."""

    expression: str
    score: float
    detector: str
    matched: tuple[str, ...] = ()

    @property
    def found(self) -> bool:
        return self.expression != NOASSERTION


NOTHING = Detection(NOASSERTION, 0.0, "none")


def spdx_tag(text: str) -> Detection | None:
    match = SPDX_TAG.search(text)
    if not match:
        return None
    try:
        return Detection(normalize(match.group(1).strip()), 1.0, "spdx_tag", (match.group(0).strip(),))
    except ExpressionError:
        return None


# Creative Commons licenses by name. ScanCode knows many CC notices but not every wording (it
# scores "Attribution-NonCommercial-NoDerivatives 4.0 International License" 0.57 as NC-SA), and
# no Japanese; a CC name spells out its elements, so it is read element by element and an
# element is never dropped: NC or ND missed would turn a denied license into an allowed one.
_EN_ELEMENTS = {"noncommercial": "NC", "noderiv": "ND", "sharealike": "SA"}  # hyphens and spaces removed
_CC_EN = re.compile(
    r"Creative\s+Commons\s+(?:Licen[cs]e\s+)?[\"“]?Attribution(?P<elements>(?:[\s-]+(?:Non-?Commercial|"
    r"No-?Deriv(?:ative)?s|Share-?Alike))*)[\s-]+(?P<version>[1-4]\.[0-5])(?P<port>\s+(?:International|Unported))?"
    r"|\bCC[\s-]BY(?P<abbr>(?:[\s-](?:NC|ND|SA))*)[\s-](?P<abbr_version>[1-4]\.[0-5])\b", re.IGNORECASE)
# In a document, a name counts only where it grants: "licensed under", "released under", ...
_GRANT = re.compile(r"(?:licen[cs]ed|available|released|distributed|provided|published|offered|shared|"
                    r"made\s+available)\s+(?:\w+\s+){0,4}?under\b[^.\n]{0,40}$", re.IGNORECASE)
# The Japanese names, as on the licenses' Japanese deeds and legal code: 表示 (BY), 非営利 (NC),
# 改変禁止 (ND), 継承 (SA); 国際 (International, 4.0), 非移植 (Unported, 3.0).
_CC_JA = re.compile(
    r"クリエイティブ\s*[・･]?\s*コモンズ\s*(?:ライセンス)?\s*[（(「]?\s*"
    r"(?P<elements>表示(?:\s*[-‐ー－―・]\s*(?:非営利|改変禁止|継承))*)\s*"
    r"(?P<version>[1-4]\.[0-5])\s*(?P<port>国際|非移植)?")
_JA_ELEMENTS = {"非営利": "NC", "改変禁止": "ND", "継承": "SA"}
_CC0 = re.compile(r"CC0\s*1\.0\s*(?:Universal|全世界|ユニバーサル)|Creative\s+Commons\s+Zero|"
                  r"クリエイティブ\s*[・･]?\s*コモンズ\s*・?\s*ゼロ", re.IGNORECASE)


def _cc_id(elements: set[str], version: str) -> str | None:
    if {"ND", "SA"} <= elements:
        return None  # no such license: a garbled name is not evidence
    parts = [e for e in ("NC", "ND", "SA") if e in elements]
    try:
        return normalize("-".join(["CC-BY", *parts, version]))
    except ExpressionError:
        return None  # a version that never had these elements


def cc_names(text: str, *, document: bool = False) -> Detection | None:
    """Creative Commons licenses named in English or Japanese, combined with AND; in a document
    an English name counts only after a grant ("licensed under ...")."""
    text = unicodedata.normalize("NFKC", text)
    found: dict[str, float] = {}
    matched = []
    for m in _CC_EN.finditer(text):
        if document and not _GRANT.search(text[max(0, m.start() - 120):m.start()]):
            continue
        if m["version"]:
            squeezed = re.sub(r"[\s-]", "", m["elements"] or "").lower()
            elements = {code for word, code in _EN_ELEMENTS.items() if word in squeezed}
        else:
            elements = set(re.split(r"[\s-]+", (m["abbr"] or "").upper())) & {"NC", "ND", "SA"}
        if cc := _cc_id(elements, m["version"] or m["abbr_version"]):
            found[cc] = max(found.get(cc, 0), 1.0 if m["version"] else 0.9)
            matched.append(m.group(0))
    for m in _CC_JA.finditer(text):
        elements = {_JA_ELEMENTS[e] for e in re.findall("非営利|改変禁止|継承", m["elements"])}
        if cc := _cc_id(elements, m["version"]):
            # The full name with its port (国際 / 非移植) is a notice; a bare name is weaker.
            found[cc] = max(found.get(cc, 0), 1.0 if m["port"] else 0.85)
            matched.append(m.group(0))
    if not found and (m := _CC0.search(text)):
        if not document or _GRANT.search(text[max(0, m.start() - 120):m.start()]) or "コモンズ" in m.group(0):
            found["CC0-1.0"] = 0.9
            matched.append(m.group(0))
    if not found:
        return None
    ids = list(found)
    return Detection(normalize(" AND ".join(ids)), min(found.values()), "cc_name", tuple(matched))


@lru_cache(maxsize=1)
def scancode_index():
    """ScanCode's prebuilt license index, loaded once per process (several seconds, ~1.4 GB)."""
    with warnings.catch_warnings():
        # typecode warns that it falls back to the system libmagic; not used for text matching.
        warnings.simplefilter("ignore")
        from licensedcode.cache import get_index

        return get_index()


# ScanCode rules whose label is wrong, checked by hand: ppl_1.RULE holds the whole text of the
# ODC Attribution License 1.0 but is labelled `ppl` (Peer Production License) in
# scancode-toolkit 32.5.0, so the SPDX ODC-By-1.0 text was reported as PPL.
RULE_CORRECTIONS = {"ppl_1.RULE": "ODC-By-1.0"}


def _scancode_spdx(rule) -> str:
    from licensedcode.cache import build_spdx_license_expression

    return RULE_CORRECTIONS.get(rule.identifier) or build_spdx_license_expression(rule.license_expression)


def scancode(text: str, threshold: float, *, approximate: bool = True, references: bool = True) -> Detection:
    """ScanCode's matches scored at or above `threshold`, combined with AND.

    `approximate=False` keeps to hash and exact-phrase matching (fast: for every document);
    `references=False` ignores bare mentions of a license name ("we avoid GPL code"), which in a
    document are talk about a license, not a grant of one. Clues and false-positive rules never count.
    """
    index = scancode_index()
    matches = index.match(query_string=text, approximate=approximate, min_score=threshold * 100)
    kept = [m for m in matches
            if not (m.rule.is_license_clue or m.rule.is_false_positive or m.rule.is_license_intro)
            and (references or not m.rule.is_license_reference)
            # "see the LICENSE file", "licensed under ...": says there is a license, not which
            and not m.rule.license_expression.startswith(("unknown", "free-unknown", "warranty-disclaimer"))
            and m.score() >= threshold * 100]
    if not kept:
        return NOTHING
    expressions: list[str] = []
    for m in kept:
        spdx = _scancode_spdx(m.rule)
        if spdx not in expressions:
            expressions.append(spdx)
    combined = " AND ".join(f"({e})" if " " in e else e for e in expressions)
    try:
        combined = normalize(combined)
    except ExpressionError:
        return NOTHING
    # The weakest kept match bounds how sure the whole answer is.
    score = min(m.score() for m in kept) / 100
    return Detection(combined, round(score, 2), "scancode", tuple(m.rule.identifier for m in kept))


LICENSE_WORDS = re.compile(
    r"licen[cs]|copyright|©|\(c\)|permission is hereby granted|public domain|creative\s*commons|gnu|spdx|"
    r"redistribut|warrant|ライセンス|著作権|利用許諾|使用許諾|クリエイティブ・コモンズ|パブリックドメイン",
    re.IGNORECASE)


def detect_text(text: str, threshold: float = DEFAULT_THRESHOLD, *, document: bool = False) -> Detection:
    """The license a text states: an SPDX tag first, then Creative Commons names, then ScanCode.

    With `document=True` the text is a document rather than a license file: only its head and
    tail are scanned, with exact matching and without bare license-name references.
    Below `threshold` the answer is NOASSERTION.
    """
    if not text.strip():
        return NOTHING
    if document and len(text) > DOC_HEAD + DOC_TAIL:
        text = text[:DOC_HEAD] + "\n" + text[-DOC_TAIL:]
    if document and not LICENSE_WORDS.search(text):
        # No license vocabulary at all: no grant to find. Most business documents stop here, so
        # an ingest never loads ScanCode's index (1.4 GB, 6-20 s) unless some text needs it.
        return NOTHING
    for found in (spdx_tag(text), cc_names(text, document=document)):
        if found and found.score >= threshold:
            return found
    result = scancode(text, threshold, approximate=not document, references=not document)
    return result if result.score >= threshold else NOTHING
