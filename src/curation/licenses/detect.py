"""Finding the license a text applies to its work, with the lines that are the evidence.

A long text is read at its head and tail only (FILE_HEAD, FILE_TAIL; DOC_HEAD, DOC_TAIL for a
document), and ScanCode's approximate matching only near license vocabulary (`_scanned`): every
input ends in bounded time. The text is made plain first (text.py: BOM, CRLF, HTML, markdown).
Then, in order:
  header        a dataset card's YAML `license:` (Hugging Face ids)
  spdx_tag      an `SPDX-License-Identifier:` tag (ScanCode splits `MIT OR Apache-2.0`; one in a
                markdown code block outside the License section is an example), a manifest's
                list of ids, a DataCite or Zenodo record's license fields, a .gemspec's or
                .podspec's `license` (records.py), the package an SPDX document describes (sbom.py)
  license_text  a full license text, matched by ScanCode's licensedcode; a text that was changed
                (words added or removed, renamed, terms added outside it, its last operative
                sections dropped) is custom terms; a copy without its preface or trailer is not;
                a copy cut so deep that ScanCode no longer reads it as the license its first
                lines name is compared with that license's text word for word (copies.py)
  statements    sentences that apply a license to the work (statements.py), in English and
                Japanese; talk about licenses is no evidence, nor an example in a code block
                (code_blocks.py: the work's own citation is evidence)
  notice        ScanCode notice rules ("Licensed under the Apache License, Version 2.0 ...") on
                lines no statement explained, unless the line only talks about licenses
Statements are then combined (`combine`): different scopes (code, data, docs, model, a carve-out
"except data/", a table row's component) give a conjunction, two statements for the same scope
that disagree are a conflict with both recorded, upstream licenses whose duties the work's own
license lacks are a conflict, third-party components are listed (and named in the answer only
where they carry a duty the work's license lacks; alone they are NOASSERTION), and custom terms
are `LicenseRef-Custom-<closest SPDX id>` (one id, from the primary key of ScanCode's match),
never the listed license; a BSD license without its clause count is `LicenseRef-BSD-unspecified`
(review, BSD-3-Clause as hint; so is ScanCode's notice for a bare `license="BSD"`), a Creative
Commons name without its version is read as its 4.0 (its NC/ND/SA duties kept; a version stated
elsewhere wins; `Detection.versionless` says so, and the policy's `licenses.versionless` decides
whether a steward confirms it), and a
permission in the project's own words whose one condition is credit is `LicenseRef-Custom-CC-BY-4.0`
(unless a named license beside it is what it sums up). Contributor agreements (ScanCode's `CLA`
category) license nothing to users. An LGPL-3.0 text that carries the GPL-3.0 text is the LGPL-3.0.
Several full texts in one file each cover their part (AND), unless a sentence beside them offers
them as a choice ("whichever you prefer": OR). An EPL-2.0 whose notice names a Secondary License
is `EPL-2.0 OR <that GPL>`; loose public-domain words yield to a dedication the text names (CC0);
a model's own terms (Llama, Gemma, RAIL) are `LicenseRef-Custom-<key>` (names.model_terms).
An exception named in the sentence after a GNU or Apache license is `X WITH exception` (exceptions.py).
ScanCode's index takes several seconds to load, so it is loaded once per process (`scancode_index`).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import warnings
from dataclasses import dataclass
from functools import lru_cache

import yaml
from license_expression import ExpressionError

from curation.licenses import statements as st
from curation.licenses.card_links import CARD_NAMED_TERMS, other_license
from curation.licenses.code_blocks import example_lines, read_blocks
from curation.licenses.conditions import with_conditions
from curation.licenses.copies import (TRAILERS, TRUNCATED_TAIL_WORDS, dropped_condition, find_copy, find_markers,
                                      is_whole_body, named_in_head, spdx_sibling)
from curation.licenses.exceptions import with_added_exceptions, with_exception_texts
from curation.licenses.json_fields import manifest_licenses_array
from curation.licenses.own_limits import NO_DERIVATIVES, NO_REDISTRIBUTION, forbidding_lines
from curation.licenses.names import VERSION_NOT_STATED, model_terms, names_exception, same_cc_family, vague_of
from curation.licenses.package_metadata import package_license
from curation.licenses.public_domain import NAMED_DEDICATIONS, PUBLIC_DOMAIN
from curation.licenses.read_on import widened
from curation.licenses.records import banner_license, record_licenses, spec_license
from curation.licenses.sbom import described_package_license, license_field_lines
from curation.licenses.spdx import normalize
from curation.licenses.text import Line, clean, plain, split_front_matter, window

NOASSERTION = "NOASSERTION"
DEFAULT_THRESHOLD = 0.8  # below this score a detection is not evidence (LicensePolicy.detect_threshold)

SPDX_TAG = re.compile(r"SPDX-License-Identifier:\s*([A-Za-z0-9.+\-() ]+?)\s*(?:\*/|-->|$)", re.MULTILINE)

# A text is read at its head and tail, where license evidence sits: ScanCode's time grows with its
# input (a 123 KB file took 16 s, 1.8 MB over 4 minutes). A license file is read up to FILE_HEAD +
# FILE_TAIL characters (the longest common license files, an LGPL-3.0 with the GPL-3.0 appended or
# a GPL page in HTML, are under 45 KB); a document, which is rarely a license, less.
FILE_HEAD, FILE_TAIL = 64_000, 16_000
DOC_HEAD, DOC_TAIL = 20_000, 5_000


@dataclass(frozen=True)
class Detection:
    """What was found: a normalized SPDX expression (or NOASSERTION), a score in [0, 1], the
    detector that found it (spdx_tag | header | statement | scancode | combined | none), what
    matched (rule ids), the statements that are the evidence, the remarks (talk that was not
    counted, custom terms, restrictions), whether two statements conflict, and for custom terms
    the SPDX license they are based on."""

    expression: str
    score: float
    detector: str
    matched: tuple[str, ...] = ()
    statements: tuple[st.Statement, ...] = ()
    remarks: tuple[st.Remark, ...] = ()
    conflict: bool = False
    readings: tuple[str, ...] = ()  # in a conflict: each reading (`scope/role: expression`)
    hint: str | None = None
    unread: str | None = None  # the middle of a long text that was not read, said for a reviewer

    @property
    def found(self) -> bool:
        return self.expression != NOASSERTION

    @property
    def versionless(self) -> bool:
        """Whether a license of the answer was named without its version (read as its latest)."""
        return any(VERSION_NOT_STATED in s.rule and s.expression in self.expression for s in self.statements)

    def explain(self) -> list[str]:
        """The evidence as lines a reviewer reads: where, what it says, which rule."""
        out = [f"{s.where()}: \"{_short(s.text)}\" -> {s.expression} ({s.kind}; {s.rule}"
               + (f"; scope {s.scope}" if s.scope else "") + ("; upstream material" if s.role == "upstream" else "")
               + ("; a third-party component, not the work" if s.role == "third_party" else "")
               + (f"; closest SPDX license {s.hint}" if s.hint else "") + ")" for s in self.statements]
        out += [f"line {r.first_line}: \"{_short(r.text)}\" -> "
                + (_UPSTREAM_REMARK.get(r.why, _REMARK[r.why]) if r.role != "own" else _REMARK[r.why])
                + (f"; closest listed version {r.hint}" if r.hint else "")
                for r in self.remarks]
        if self.conflict:
            out.append("conflict: " + "; ".join(self.readings))
        if self.hint:
            out.append(f"custom terms: closest SPDX license {self.hint}; a person must read them")
        if self.unread:
            out.append(self.unread)
        return out


_REMARK = {"talk": "not counted: talks about licenses, grants none",
           "mention": "not counted: names a license without applying it to the work",
           "other_work": "not counted: the license of another work the text speaks of",
           "custom": "custom terms: the license is changed or added to",
           "restriction": "restriction: non-commercial use only",
           "choice": "a choice between licenses (the licensee picks one)",
           "commercial_ok": "says commercial use is allowed",
           "hedged": "not counted: says public domain with a hedge, dedicates nothing a reviewer can sign",
           "example": "not counted: an example in a code block, not the work's statement",
           "no_such_version": "not counted: names a version the license never had (never published), or no version "
                              "where the license has several; a person reads it"}
_UPSTREAM_REMARK = {"custom": "not counted: changes upstream or quoted terms, not the work's",
                    "restriction": "not counted: a restriction on upstream or quoted material, not the work",
                    "commercial_ok": "not counted: said of upstream or quoted material"}


def _short(text: str, n: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1] + "…"


NOTHING = Detection(NOASSERTION, 0.0, "none")


# A package manifest's list of license ids: composer.json's `"license": [...]`, a gemspec's
# `spec.licenses = [...]`, a Maven-free `licenses: [...]`.
_MANIFEST_LIST = re.compile(r"""^\s*["']?(?:\w+\.)?(?P<key>licen[cs]es?)["']?\s*(?:=>|[:=])\s*(?:%w)?\[(?P<items>[^\]]*)\]""",
                            re.IGNORECASE)


def manifest_licenses(raw: str, above: str = "") -> str | None:
    """The expression of a manifest's list of SPDX ids on line `raw`, or None. Composer reads its
    `"license"` array as a choice (its documentation); another list is a choice where the line or
    the comment above it says so ("pick either"), else every license applies (no duty lost)."""
    m = _MANIFEST_LIST.match(raw)
    items = re.findall(r"""["']([^"']+)["']""", m["items"]) if m else []
    if len(items) < 2:
        return None
    try:
        ids = [normalize(item) for item in items]
    except ExpressionError:
        return None
    if any(" " in i or i.startswith("LicenseRef-") for i in ids):
        return None
    composer = raw.lstrip().startswith('"') and m["key"].lower() == "license"
    choice = composer or bool(st._DUAL.search(raw) or st._DUAL.search(above))
    return normalize((" OR " if choice else " AND ").join(ids))


def spdx_tag(text: str) -> Detection | None:
    match = SPDX_TAG.search(text)
    if not match:
        return None
    try:
        return Detection(normalize(match.group(1).strip()), 1.0, "spdx_tag", (match.group(0).strip(),))
    except ExpressionError:
        return None


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
RULE_KEYS = {"ppl_1.RULE": "odc-by-1.0"}  # the ScanCode key whose name the corrected text carries


def _scancode_spdx(rule) -> str:
    from licensedcode.cache import build_spdx_license_expression

    spdx = RULE_CORRECTIONS.get(rule.identifier) or build_spdx_license_expression(rule.license_expression)
    spdx = re.sub(r"LicenseRef-scancode-([\w.+-]+)", lambda m: _language_edition(m.group(1)) or m.group(0), spdx)
    return re.sub(r"LicenseRef-[\w.+-]+", lambda m: model_terms(m.group(0)), spdx)


_LANGUAGES = ("en", "fr", "de", "zh", "cn", "ja")
_EDITION = re.compile(r"(.+)-(?:%s)$" % "|".join(_LANGUAGES))


@lru_cache(maxsize=256)
def _language_edition(key: str) -> str | None:
    """The SPDX id of the license whose ScanCode key `key` is one language's edition ("mulanpsl-2.0-en",
    "cecill-b-en": the English text of a license whose official text is bilingual), where the
    edition has no SPDX id of its own and its base key has one, or, with no base key, the one
    other edition that has ("dl-de-by-2-0-en": SPDX lists the German DL-DE-BY-2.0, whose English
    text is a translation of the same licence); otherwise None."""
    from licensedcode.cache import get_licenses_db

    db = get_licenses_db()
    base = _EDITION.match(key)
    own = getattr(db.get(key), "spdx_license_key", None) or ""
    if not base or own and not own.startswith("LicenseRef-"):
        return None  # "cc-by-3.0-de" is a license of its own (CC-BY-3.0-DE)
    editions = [db.get(base.group(1))] if base.group(1) in db else \
        [db.get(f"{base.group(1)}-{lang}") for lang in _LANGUAGES if f"{base.group(1)}-{lang}" != key]
    ids = {spdx for lic in editions if (spdx := getattr(lic, "spdx_license_key", None) or "")
           and not spdx.startswith("LicenseRef-")}
    return ids.pop() if len(ids) == 1 else None


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




# A license text matched this low is a changed copy of it (custom terms), never the license itself.
CHANGED_TEXT_MIN_SCORE = 50


@lru_cache(maxsize=1)
def _agreement_keys() -> frozenset[str]:
    """ScanCode's keys in its `CLA` category: contributor agreements (a CLA, the DCO) bind what
    contributors hand in; they license nothing of the work to its users."""
    from licensedcode.cache import get_licenses_db

    return frozenset(key for key, lic in get_licenses_db().items() if lic.category == "CLA")


def _agreement(rule) -> bool:
    keys = set(re.findall(r"[\w.+-]+", rule.license_expression)) - {"AND", "OR", "WITH", "and", "or", "with"}
    return bool(keys) and keys <= _agreement_keys()


def _matches(text: str, threshold: float, approximate: bool) -> list:
    index = scancode_index()
    floor = min(threshold * 100, CHANGED_TEXT_MIN_SCORE) if approximate else threshold * 100
    found = index.match(query_string=text, approximate=approximate, min_score=floor)
    return [m for m in found
            if not (m.rule.is_license_clue or m.rule.is_false_positive or m.rule.is_license_intro)
            and not _agreement(m.rule)
            and not m.rule.license_expression.startswith(("unknown", "free-unknown", "warranty-disclaimer"))
            and (m.score() >= threshold * 100 or m.rule.is_license_text or m.len() >= 150)]


# What makes ScanCode worth loading (1.4 GB): words its rules are made of. A document that only
# says 商用 or 営利 is read by the statement reader alone.
_SCANCODE_VOCABULARY = (r"licen[cs]|copyright|©|\(c\)|permission is hereby granted|public domain|creative\s*commons|"
                        r"gnu|spdx|redistribut|warrant|\bCC[\s-]?(?:BY|0)")
SCANCODE_WORDS = re.compile(_SCANCODE_VOCABULARY, re.IGNORECASE)
LICENSE_WORDS = re.compile(_SCANCODE_VOCABULARY + r"|ライセンス|著作権|利用許諾|使用許諾|利用規約|利用条件|"
                           r"クリエイティブ・コモンズ|パブリックドメイン|商用|営利", re.IGNORECASE)
# The first lines of a license text name it; a name the matched license does not have means the
# text was taken over under another name (custom terms).
_TITLE = re.compile(r"\b(?:licen[cs]e|agreement|terms)\b", re.IGNORECASE)
_TITLE_WORDS = {"the", "license", "licence", "version", "public", "general", "and", "terms", "conditions",
                "of", "for", "agreement", "v", "software", "open", "source", "international", "gnu", "legal", "code",
                "full", "text", "copy", "copying", "a", "an", "this", "is", "under", "de", "la", "le", "deed",
                "creative", "commons", "attribution", "only", "or", "later", "any", "january", "february",
                "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
                "copyright", "c", "all", "rights", "reserved", "use", "distribution", "modification",
                "reproduction", "redistribution", "eupl", "european", "union", "standard", "english"}


# ScanCode's approximate matching takes time for every run of text it compares with its rules,
# license or not (24 KB of a log: 12 s, of source code: 5 s; 35 KB of a license text: 0.01 s). It
# reads the lines within NEAR_CHARS of license vocabulary (in ScanCode's own license texts the
# longest stretch without any is under 5,000 characters but for a few German terms), each
# distinct line (digits aside) at most REPEAT_MAX times (a log repeats its lines; a file of several
# license texts repeats a few); the other lines stay as empty lines (line numbers kept). A license
# region (from a copyright line or title not seen before, up to REGION_CHARS on) counts its own
# lines: ten bundled licenses share most of their lines (a BSD-2-Clause after nine BSD-3-Clause
# texts), and the tenth must be read whole; a copy repeated with the same copyright line is not a
# new region. Only a block of text copied whole (BLOCK_LINES lines or more in a row, each seen
# before) counts per region: one line repeated among new ones (a log's "Licensed under MIT" after a
# new request line each time) is one statement repeated, capped by the whole file's count.
NEAR_CHARS, REPEAT_MAX = 12_000, 8
REGION_CHARS = 16_000
BLOCK_LINES = 6
# a region's first line: short, a copyright line or a license's title
_REGION_START = re.compile(r"copyright|©|\(c\)|licen[cs]e|agreement", re.IGNORECASE)


# A version is part of what a line says ("GPL version 2" and "GPL version 3" are two notices); other
# numbers (a request's, a date, a time) are not
_VERSION_OR_NUMBER = re.compile(r"(?P<version>\b(?:version|ver\.?|v)\s*\d+(?:\.\d+)*|(?:バージョン|第)\s*\d+(?:\.\d+)*|"
                                r"\b\d+\.\d+\b(?![.:-]\d))|\d+", re.IGNORECASE)


def _shape(text: str) -> str:
    """A line as the repeat cap compares it: numbers as 0, versions kept."""
    return _VERSION_OR_NUMBER.sub(lambda m: m["version"] or "0", text)


def _in_copied_block(shapes: list[str]) -> list[bool]:
    """For each line, whether it lies in a run of BLOCK_LINES or more non-empty lines each seen
    before (blank lines neither count nor break a run), of several distinct lines (one line
    repeated in a row is no text): the body of a text copied again."""
    seen: set[str] = set()
    repeated = []
    for shape in shapes:
        repeated.append(bool(shape.strip()) and shape in seen)
        seen.add(shape)
    out = [False] * len(shapes)
    run: list[int] = []
    for i, shape in enumerate(shapes + ["\0"]):  # a sentinel ends the last run
        if i < len(shapes) and not shape.strip():
            continue
        if i < len(shapes) and repeated[i]:
            run.append(i)
            continue
        if len(run) >= BLOCK_LINES and len({shapes[j] for j in run}) >= BLOCK_LINES // 2:
            for j in run:
                out[j] = True
        run = []
    return out


def _scanned(lines: list[Line]) -> str:
    """The text ScanCode reads: `plain(lines)` with the lines described above left empty."""
    starts, at = [], 0
    for line in lines:
        starts.append(at)
        at += len(line.text) + 1
    hits = [starts[i] for i, line in enumerate(lines) if line.text and SCANCODE_WORDS.search(line.text)]
    all_shapes = [_shape(line.text) for line in lines]
    copied = _in_copied_block(all_shapes)
    seen: dict[tuple[int, str], int] = {}
    shapes: set[str] = set()
    region, region_at = -1, 0  # the license region a line is in (-1: none), and where it began
    out = []
    for i, line in enumerate(lines):
        k = bisect.bisect_left(hits, starts[i])
        near = any(abs(hits[j] - starts[i]) <= NEAR_CHARS for j in (k - 1, k) if 0 <= j < len(hits))
        shape = all_shapes[i]
        if shape not in shapes and len(shape.split()) <= 12 and _REGION_START.search(shape):
            region, region_at = i, starts[i]
        shapes.add(shape)
        counts = [(-1, shape)] + ([(region, shape)] if region >= 0 and starts[i] - region_at <= REGION_CHARS else [])
        for key in counts:
            seen[key] = seen.get(key, 0) + 1
        kept = not shape.strip() or seen[counts[0]] <= REPEAT_MAX or copied[i] and seen[counts[-1]] <= REPEAT_MAX
        out.append(line.text if near and kept else "")
    return "\n".join(out)


def _license_name_words(key: str) -> set[str]:
    from licensedcode.cache import get_licenses_db

    lic = get_licenses_db().get(key)
    names = [key, lic.name if lic else "", lic.short_name if lic else "", getattr(lic, "spdx_license_key", "") or ""]
    return {w for n in names for w in re.findall(r"[a-z]+", (n or "").lower())}


def _renamed(lines: list[Line], index_of: dict[int, int], start_line: int, key: str, rule_text: str) -> str | None:
    """A title just above or at the start of a matched text that keeps the license's name but for
    its distinctive word ("ACME Public License Version 2.0" over the MPL's text). A project's own
    title over an unchanged text ("FooLib License" over the MIT text) is not a rename."""
    name = _license_name_words(key)
    distinctive = name - _TITLE_WORDS - {"license", "licence"}
    known = name | _TITLE_WORDS | set(re.findall(r"[a-z]+", rule_text.lower()))
    for line in lines[max(0, index_of.get(start_line, 0) - 3): index_of.get(start_line, 0) + 2]:
        if not (line.text and _TITLE.search(line.text) and len(line.text.split()) <= 10):
            continue
        words = {w.lower() for w in re.findall(r"[A-Za-z]{2,}", line.text)}
        odd = [w for w in re.findall(r"[A-Za-z]{3,}", line.text) if w.lower() not in known]
        shared = words & name - {"license", "licence", "the", "version", "v"}
        if odd and shared and not words & distinctive:
            return line.text
    return None


# The most of a license's reference text that may be missing at its start and still be the license
# unchanged: a CC 4.0 preface ("Using Creative Commons Public Licenses") is 16% of its text.
EDGE_CUT_MAX_SHARE = 0.2
# Missing words at the end of a text count as a change unless they all lie after one of
# copies.TRAILERS (what follows a license's terms); a copy that stops before its limitation of
# liability or termination section is changed terms.
def _trailer_start(rule) -> int:
    """The position (in the rule's tokens) where the rule's trailer begins; its length if none."""
    return _marker_start(rule.identifier, TRAILERS, at_end=True)


@lru_cache(maxsize=512)
def _marker_start(identifier: str, markers: tuple[str, ...], at_end: bool) -> int:
    """The position (in the rule's tokens) of the first of `markers`; its end or start if none."""
    rule = next(r for r in scancode_index().rules_by_rid if r.identifier == identifier)
    tokens = list(rule.tokens())
    text = " ".join(tokens)
    starts = [len(text[:i].split()) for i in find_markers(text, markers)]
    return min(starts, default=len(tokens) if at_end else 0)


# Where a license's terms begin: words before these are its title and preface ("This license has
# been certified as open source", the ZPL's second line), which a copy may drop.
_OPERATIVE = ("redistribution and use", "permission is hereby granted", "permission to use", "terms and conditions",
              "subject to the terms", "hereby grants", "you are free to", "licensor grants", "licence is granted",
              "license is granted", "in order to receive this license")


def _dropped_edges(m) -> int:
    """Words of the license missing at its edges that a published copy may lack: a preface at the
    start or between its title and its terms (up to EDGE_CUT_MAX_SHARE of the text), and at the end
    only what lies in the trailer."""
    cut = EDGE_CUT_MAX_SHARE * m.rule.length
    head = m.ispan.start if m.ispan.start <= cut else 0
    preface = range(min(_marker_start(m.rule.identifier, _OPERATIVE, at_end=False), int(cut)))
    head = max(head, sum(1 for p in preface if p not in m.ispan))
    tail = m.rule.length - max(m.ispan.end + 1, _trailer_start(m.rule))
    return head + max(tail, 0)


# The clauses that tell the BSD licenses apart: BSD-3 adds non-endorsement to BSD-2's two, BSD-4
# adds advertising. ScanCode's closest rule to a changed BSD text is picked by shared words (a
# clause "Neither this software nor ... may be used in ..." reads like non-endorsement).
_BSD_ENDORSE = re.compile(r"\bendorse\b|\bpromote\s+products\b", re.IGNORECASE)
_BSD_ADVERTISING = re.compile(r"\badvertising\s+materials\b", re.IGNORECASE)


def _bsd_by_clauses(base: str | None, region: str) -> str | None:
    """The BSD license whose clauses a changed BSD text holds, as the closest license."""
    if not (base and re.match(r"BSD-[234]-Clause$|LicenseRef-scancode-bsd-(?:new|simplified)\b", base)):
        return base
    if _BSD_ADVERTISING.search(region):
        return "BSD-4-Clause"
    return "BSD-3-Clause" if _BSD_ENDORSE.search(region) else "BSD-2-Clause"


# ISC's one condition; 0BSD is ISC's text without it
_ISC_CONDITION = re.compile(r"provided\s+that\s+the\s+above\s+copyright\s+notice\s+and\s+this\s+permission\s+"
                            r"notice\s+appear", re.IGNORECASE)


def _zero_clause(base: str | None, region: str) -> str | None:
    """A changed ISC text that lacks ISC's notice condition is closest to 0BSD (ISC without it)."""
    return "0BSD" if base == "ISC" and not _ISC_CONDITION.search(region) else base


def _titled(head: list[Line], base: str | None) -> str | None:
    """The closest license of a changed text: the one its own title names ("Attribution-ShareAlike
    4.0 International") where that title keeps every duty of ScanCode's closest match and adds
    some (ScanCode may match a CC BY-SA copy best to the CC BY text: the share-alike must not go)."""
    named = [m.expression for line in head for m in st.mentions(line.text) if not m.ambiguous]
    if len(set(named)) != 1 or not base or named[0] == base:
        return base
    return named[0] if _flags(named[0]) > _flags(base) else base


def _holder_neutral(spdx: str, key: str, region: str) -> str:
    """The SPDX license a ScanCode-only license's text is, with one holder's name in it, where
    the copy does not name that holder ("the Tilemap Project" in the X11 text that ScanCode
    holds as XFree86's): that license's text naming its own holder stays that license."""
    if not spdx.startswith("LicenseRef-scancode-") or " " in key:
        return spdx
    holder = _license_name_words(key) - _TITLE_WORDS - {"license", "licence", "licenseref", "scancode"}
    if not holder or any(word in region.lower() for word in holder):
        return spdx
    return spdx_sibling(key) or spdx


# A sentence's end: a text that stops without one stops mid-sentence
_SENTENCE_ENDS = re.compile(r"[.;:!?)\]\"'”’。」）]\s*$")


def _cut_off_at(lines: list[Line], index_of: dict[int, int], last_no: int) -> bool:
    """Whether the text stops on line `last_no`, mid-sentence: a file cut off (a download or an
    excerpt stopped inside a license text), not a copy whose last sections were dropped on purpose."""
    after = [line.text for line in lines[index_of[last_no] + 1:] if line.text.strip()]
    # a word or two of the sentence the cut broke may follow the last words matched
    return sum(len(text.split()) for text in after) <= TRUNCATED_TAIL_WORDS and \
        not _SENTENCE_ENDS.search(lines[index_of[last_no]].text)


def _texts(lines: list[Line], matches, threshold: float) -> tuple[list[st.Statement], list[tuple[int, int]]]:
    """Full license texts among ScanCode's matches, as statements, and their line spans."""
    out, spans = [], []
    numbers = [line.number for line in lines]
    index_of = {n: i for i, n in enumerate(numbers)}
    for m in matches:
        # a rule flagged as the license's text, or any match long enough to be one (ScanCode files
        # some whole texts, such as the SPDX copy of the MPL, as notice rules)
        if not (m.rule.is_license_text and m.len() >= 40 or m.len() >= 150):
            continue
        first, last = m.lines()
        first_no, last_no = numbers[first - 1], numbers[min(last, len(numbers)) - 1]
        spdx = _holder_neutral(_scancode_spdx(m.rule), m.rule.license_expression,
                               " ".join(line.text for line in lines[first - 1:last]))
        # Words of the license missing, plus words inserted inside it. A few differ between
        # published copies of one license (ScanCode holds most as variants): more is a change.
        inserted = m.qregion_len() - m.len()
        deleted = m.rule.length - m.len()
        changed = deleted + inserted
        # A copy without the text's preface or trailer (the CC "Using Creative Commons Public
        # Licenses" notes, the GPL's "How to Apply These Terms"), the body whole, is the license as
        # published; a cut inside the body, or of its last sections, is a change.
        deleted -= _dropped_edges(m) + _unlicensed_words_missing(m)
        # a text that runs into another full text after it (an exception appended to the GPL): the
        # words of that text are its own, not words added to this one
        into = [o.lines()[0] for o in matches if o is not m and (o.rule.is_license_text and o.len() >= 40 or
                                                                  o.len() >= 150) and first < o.lines()[0] <= last]
        added = _added_words(m, min(into) if into else None)
        renamed = _renamed(lines, index_of, first_no, RULE_KEYS.get(m.rule.identifier, m.rule.license_expression),
                           m.rule.text or "")
        text = " ".join(line.text for line in lines[first - 1:first + 1] if line.text)
        region = " ".join(line.text for line in lines[first - 1:last])
        # a non-commercial condition written into the text is a duty that must not be lost
        nc = inserted >= 3 and bool(st._NONCOMMERCIAL.search(region)) and not st._NONCOMMERCIAL.search(m.rule.text or "")
        # Published copies of one license differ by a few dozen words (ScanCode holds many as
        # variants; the SPDX copy of the GPL lacks 52 of ScanCode's 2,908), and real files insert
        # names and copyright lines (a BSD file 7 to 51 words): a change is many words removed, or
        # inserted words that restrict ("may not", "military", "commercial"), or a rename.
        weak = m.score() < threshold * 100
        # "Exception" is no restricting word where the words added name an exception SPDX lists (a
        # notice above the text: "... or any later version, with the Autoconf Configure Script Exception")
        restricting = [w for w in _RESTRICTING.findall(added)
                       if not (w.lower().startswith("exception") and names_exception(added))]
        softened = _softening_removed(m)
        tail = m.rule.length - (m.ispan.end + 1)
        if tail >= max(12, 0.025 * m.rule.length) and deleted - tail < max(12, 0.025 * m.rule.length) and not (
                restricting or softened or renamed or nc) and _cut_off_at(lines, index_of, last_no):
            out.append(st.Statement(spdx, "license_text", "own", None, first_no, last_no, text,
                                    f"reference text cut off at its end ({tail} words not in the file): read in part; "
                                    f"ScanCode {m.rule.identifier} {m.score():.0f}%", round(m.score() / 100, 2)))
            spans.append((first_no, last_no))
            continue
        if deleted >= max(12, 0.025 * m.rule.length) or restricting or softened or renamed or nc or weak:
            why = (f"renamed: \"{renamed}\"" if renamed else f"words added: \"{_short(added, 60)}\"" if restricting
                   else f"words removed that made a duty optional: \"{' '.join(softened)}\"" if softened
                   else f"{changed} words changed")
            base = _titled(lines[first - 1:first + 1], _zero_clause(_bsd_by_clauses(primary_key(spdx), region), region))
            if base and base != spdx and not nc and is_whole_body(region, base, TITLED_SLACK_WORDS):
                # the title's license, word for word: ScanCode matched a sibling's text best (the CC
                # BY-NC legal code for a CC BY-NC-ND copy without its preface)
                out.append(st.Statement(base, "license_text", "own", None, first_no, last_no, text,
                                        f"the text of the license its title names; ScanCode {m.rule.identifier} "
                                        f"{m.score():.0f}% (a sibling)", max(round(m.score() / 100, 2), threshold)))
                spans.append((first_no, last_no))
                continue
            out.append(st.Statement(st.custom_id(base, nc), "license_text", "own", None, first_no, last_no,
                                    text, f"modified license text ({why}); ScanCode {m.rule.identifier} "
                                    f"{m.score():.0f}%", max(round(m.score() / 100, 2), threshold), base))
        else:
            # "GPL-2.0-only WITH GCC-exception-2.0": the version is the license's, the exception kept
            if _GNU.match(spdx) and re.search(r"-only(?= WITH |$)", spdx) and \
                    _preamble_or_later(lines, index_of, first_no, last_no):
                spdx = re.sub(r"-only(?= WITH |$)", "-or-later", spdx, count=1)
            out.append(st.Statement(spdx, "license_text", "own", None, first_no, last_no, text,
                                    f"ScanCode {m.rule.identifier} {m.score():.0f}%"
                                    + ("; or-later as the notice above it gives it" if spdx.endswith("-or-later") else ""),
                                    round(m.score() / 100, 2)))
        spans.append((first_no, last_no))
    return out, spans


def _base(expression: str | None) -> str:
    return re.sub(r"-(?:only|or-later)$", "", expression or "")


def _cut_copy(lines: list[Line], texts: list[st.Statement], spans: list[tuple[int, int]]):
    """The texts and spans with a copy of the license the first lines name that ScanCode did not
    read as that license (copies.py): one statement for the copy, the license or custom terms,
    in place of the pieces ScanCode matched inside it as other licenses."""
    named = named_in_head(lines)
    if not named or any(_base(s.expression) in map(_base, named) or _base(s.hint) in map(_base, named)
                        for s in texts):
        return texts, spans
    copy = find_copy(lines)
    if copy is None:
        return texts, spans
    within = [s for s in texts if copy.first <= s.first_line and s.last_line <= copy.last]
    head = next((line.text for line in lines if line.text), "")
    read_in_part = copy.truncated and _cut_off_at(lines, {line.number: i for i, line in enumerate(lines)}, copy.last)
    if copy.changed and not read_in_part:
        statement = st.Statement(st.custom_id(copy.license_id), "license_text", "own", None, copy.first, copy.last,
                                 head, f"modified license text ({copy.cut} words of its body missing; "
                                 f"{copy.share:.0%} of the reference text word for word)", 0.9, copy.license_id)
    elif read_in_part:
        # the file stops inside the text: a copy read in part, not terms changed; a person reads the rest
        statement = st.Statement(copy.license_id, "license_text", "own", None, copy.first, copy.last, head,
                                 f"reference text cut off at its end ({copy.cut} words of its body not in the "
                                 f"file; {copy.share:.0%} word for word): read in part", 0.9)
    else:
        statement = st.Statement(copy.license_id, "license_text", "own", None, copy.first, copy.last, head,
                                 f"reference text, {copy.share:.0%} word for word", 0.9)
    return [s for s in texts if s not in within] + [statement], \
        [sp for sp in spans if not (copy.first <= sp[0] and sp[1] <= copy.last)] + [(copy.first, copy.last)]


_VAGUE_KEYS = ("LicenseRef-scancode-unknown", "LicenseRef-scancode-free-unknown", "LicenseRef-scancode-warranty-disclaimer")


def primary_key(expression: str) -> str | None:
    """The license a changed text is closest to: the first key of ScanCode's expression that names
    a license ("MPL-2.0 AND LicenseRef-scancode-free-unknown" -> MPL-2.0)."""
    keys = [k for k in re.findall(r"[A-Za-z0-9.+\-]+", expression) if k not in ("AND", "OR", "WITH")]
    named = [k for k in keys if not k.startswith(_VAGUE_KEYS)]
    return (named or keys or [None])[0]


# Words that, inserted into a license's text, change what it allows.
_RESTRICTING = re.compile(r"\b(?:not|no|never|prohibit\w*|restrict\w*|forbid\w*|commercial\w*|military|weapons?|"
                          r"except(?!\s+(?:when|where|as|if)\s+otherwise)\w*|unless|only|solely|shall|must|consent|approval|"
                          r"permission|fees?|royalt\w*|requir\w*|paid|"
                          r"terminat\w*|revoc\w*|revok\w*)\b", re.IGNORECASE)


# words of a license's text whose removal from inside it turns an option into a duty ("an
# acknowledgment ... would be appreciated but is not required" -> "an acknowledgment ... is required")
# (a lone "may" or "not" missing is a published variant's wording; "not" counts before a duty word)
_SOFTENING = frozenset({"appreciated", "optional", "optionally", "encouraged", "welcome"})
_DUTY_WORDS = frozenset({"required", "necessary", "obligatory", "mandatory", "needed"})


def _softening_removed(m) -> list[str]:
    """The words that soften a duty which the license's text has and the copy lacks, inside the
    match (the text's own preface or trailer left out is no change)."""
    from licensedcode.tokenize import index_tokenizer

    tokens = list(index_tokenizer(m.rule.text or ""))
    if len(tokens) != m.rule.length:
        return []  # tokens that do not line up with the match's positions say nothing
    inside = range(m.ispan.start, m.ispan.end + 1)
    # a gap ends before the match's last position: tokens[i + 1] is there
    return [tokens[i] for i in inside if i not in m.ispan
            and (tokens[i] in _SOFTENING or tokens[i] == "not" and tokens[i + 1] in _DUTY_WORDS)]


def _unlicensed_words_missing(m) -> int:
    """How many of the words a notice rule has and the copy lacks are no terms: numbers (a tool's
    version, a year) and the words of the copyright line the rule holds (its `ignorable_copyrights`):
    a generated file's header with another version and years is the same notice."""
    from licensedcode.tokenize import index_tokenizer

    if not m.rule.is_license_notice:
        return 0
    tokens = list(index_tokenizer(m.rule.text or ""))
    if len(tokens) != m.rule.length:
        return 0
    copyright_words = {w for line in (m.rule.ignorable_copyrights or ()) for w in index_tokenizer(line)}
    return sum(1 for i in range(len(tokens)) if i not in m.ispan and (tokens[i].isdigit() or tokens[i] in copyright_words))


def _added_words(m, until: int | None = None) -> str:
    """The words of the query inside a match that the license's text does not have, on the match's
    lines before line `until` (where another full text starts that the match runs into)."""
    try:
        text = m.matched_text(whole_lines=False, highlight=True, highlight_matched="{}", highlight_not_matched="[{}]")
    except Exception:  # ScanCode's text rendering is a convenience; no words is no evidence
        return ""
    if until is not None:
        text = "\n".join(text.split("\n")[:until - m.lines()[0]])  # the rendering keeps the match's lines
    return " ".join(re.findall(r"\[([^\]]*)\]", text))


# A sentence that takes away what a license allows ("This Software may not be used to build
# weapons."), said of the work or its licensee. Not a license's own pointer lines ("You may not use
# this file except in compliance with the License").
_RIDER = re.compile(r"\b(?:may|must|shall|can)\s*not\b|\bcannot\b|\bprohibited\b|\bforbidden\b|"
                    r"\bnot\s+(?:be\s+)?(?:permitted|allowed)\b|\bonly\s+(?:be\s+)?used\b|"
                    r"てはならない|てはいけません|禁止|できません", re.IGNORECASE)
_RIDER_SUBJECT = re.compile(r"\b(?:the|this)\s+(?:software|work|program|code|dataset|data|model|materials?|library)\b|"
                            r"\byou\b|\blicensees?\b|\brecipients?\b|本|当", re.IGNORECASE)
_POINTER = re.compile(r"except\s+in\s+compliance|unless\s+required\s+by|without\s+specific\s+prior|"
                      r"see\s+the\s+licen[cs]e|warrant", re.IGNORECASE)
RIDER_REACH = 6  # lines after a full text where an added sentence still belongs to it
RIDER_BODY_LINES = 3  # a notice this many lines long is a license's body a rider can follow
# words a copy of the license its title names may add or miss inside, against the reference text
TITLED_SLACK_WORDS = 12


def _riders(lines: list[Line], spans) -> list[st.Remark]:
    """Sentences just after a full license text, outside what ScanCode matched of it, that
    restrict what it allows: the text plus a rider is custom terms (a person reads them)."""
    out = []
    headings = [line.number for line in lines if line.heading]
    for s in st.sentences(lines):
        # within reach of a body's end, with no heading between (a new section is not the license's)
        near = any(b < s.first_line <= b + RIDER_REACH and not any(b < h <= s.first_line for h in headings)
                   for _, b in spans)
        if near and not _inside(s.first_line, spans) and _RIDER.search(s.text) and _RIDER_SUBJECT.search(s.text) \
                and not _POINTER.search(s.text) and not st.mentions(s.text):
            out.append(st.Remark(s.first_line, s.text, "custom", last_line=s.last_line))
    return out


def _inside(line: int, spans) -> bool:
    return any(a <= line <= b for a, b in spans)


NOTICE_AS_TEXT_WORDS = 60  # a notice this long may be most of a short license's text (copies.dropped_condition)


def _notices(lines: list[Line], matches, spans, explained: set[int], threshold: float) -> list[st.Statement]:
    """ScanCode notices and tags on lines no statement explained, unless the line is talk."""
    out = []
    numbers = [line.number for line in lines]
    for m in matches:
        if m.rule.is_license_text or m.rule.is_license_reference or m.len() >= 150 or m.score() < threshold * 100:
            continue
        first, last = m.lines()
        first_no, last_no = numbers[first - 1], numbers[min(last, len(numbers)) - 1]
        # a short match over a line that talks about licenses is that talk ("license: CC BY 4.0
        # lets others ..."); a long notice keeps its pointer lines ("On Debian systems, the text ...")
        if _inside(first_no, spans) or first_no in explained or \
                m.len() < 30 and any(first_no <= n <= last_no for n in explained):
            continue
        text = " ".join(line.text for line in lines[first - 1:last] if line.text)
        spdx = _scancode_spdx(m.rule)
        if m.len() >= NOTICE_AS_TEXT_WORDS and (dropped := dropped_condition(text, spdx)):
            # most of the license's text, one of its conditions gone: changed terms
            out.append(st.Statement(st.custom_id(spdx), "notice", "own", None, first_no, last_no, text,
                                    f"modified license text (condition missing: \"{_short(dropped, 60)}\"); "
                                    f"ScanCode {m.rule.identifier} {m.score():.0f}%", round(m.score() / 100, 2), spdx))
            continue
        if _bsd_unstated(spdx, text, m.len()):
            # ScanCode reads a bare "BSD" as the 3-clause license; the clause count is a guess
            out.append(st.Statement("LicenseRef-BSD-unspecified", "notice", "own", None, first_no, last_no, text,
                                    f"bsd (variant not stated); ScanCode {m.rule.identifier} {m.score():.0f}%",
                                    round(m.score() / 100, 2), spdx))
            continue
        out.append(st.Statement(spdx, "notice", "own", None, first_no, last_no, text,
                                f"ScanCode {m.rule.identifier} {m.score():.0f}%", round(m.score() / 100, 2)))
    return out


# what tells one BSD license from another: its clause count, its common name, or its clauses' words
_BSD_VARIANT = re.compile(r"\b(?:[0-4]|zero|two|three|four)[\s-]*clauses?\b|\bBSD[\s-]*[0-4]|0BSD|\b(?:new|simplified|"
                          r"revised|modified|original|free|FreeBSD|NetBSD)\b|\bendorse|\badvertising|redistributions?\b",
                          re.IGNORECASE)
BSD_NAME_WORDS = 20  # a notice this short is a name, not the clauses that would tell the variant


def _bsd_unstated(spdx: str, text: str, words: int) -> bool:
    """Whether a ScanCode notice read as a BSD license only says "BSD" (`license="BSD"`, "BSD
    License"): which of the 2- and 3-clause licenses is not stated."""
    return bool(re.fullmatch(r"BSD-[234]-Clause", spdx)) and words <= BSD_NAME_WORDS and \
        bool(re.search(r"\bBSD\b", text)) and not _BSD_VARIANT.search(text)


_GNU = re.compile(r"^(?:L|A)?GPL-")


def _family(expression: str) -> str | None:
    """The GNU family (GPL, LGPL, AGPL) of a statement; None for another license, or for a choice
    one side of which is not of that family ("GNU AGPL v3 or the Elastic License 2.0": a ScanCode
    notice that reads only the AGPL on that line must not replace the choice)."""
    families = {re.match(r"^((?:L|A)?GPL)-", side).group(1) if _GNU.match(side) else None
                for side in expression.strip("()").split(" OR ")}
    return families.pop() if len(families) == 1 else None


def _overlap(a: st.Statement, b: st.Statement) -> bool:
    return a.first_line <= b.last_line and b.first_line <= a.last_line


def _reconcile(found: list[st.Statement], notices: list[st.Statement]) -> list[st.Statement]:
    """The reader's statements and ScanCode's notices, each line read once. Where both read the
    same lines, the reader wins (it reads Creative Commons names element by element), except for
    a GNU notice whose whole text ScanCode matched ("either version 2 of the License, or (at
    your option) any later version" names the version far from the name). Of several GNU
    statements of one family, the one that spans most lines is the notice; the others are its
    fragments ("You should have received a copy of the GNU General Public License")."""
    kept_found, kept_notices = list(found), []
    for n in notices:
        over = [f for f in kept_found if _overlap(f, n)]
        if not over:
            kept_notices.append(n)
        elif all(_family(f.expression) and _family(f.expression) == _family(n.expression)
                 and n.first_line <= f.first_line and n.last_line >= f.last_line
                 # "GPL (>= 2)": the reader's explicit choice of later versions stands
                 and not (f.expression.endswith("-or-later") and n.expression.endswith("-only"))
                 # "GPLv2 + Classpath exception": the exception the reader read is more than the notice
                 and " WITH " not in f.expression
                 # "... Share Alike 3.0 Unported license ("CC-BY-SA")": the notice states the version
                 or VERSION_NOT_STATED in f.rule and same_cc_family(f.expression, n.expression)
                 # ... where it states one: ScanCode reads a bare "CC-BY license" as 4.0 too
                 and re.search(r"(?<![\d.])[1-4]\.\d", n.text) for f in over):
            kept_found = [f for f in kept_found if f not in over]
            kept_notices.append(n)
    out = kept_found + kept_notices
    for family in {_family(s.expression) for s in out if _family(s.expression)}:
        same = [s for s in out if _family(s.expression) == family and s.kind in ("notice", "field", "grant", "title")]
        if len({s.expression for s in same}) > 1:
            longest = max(same, key=lambda s: (s.last_line - s.first_line, s.kind == "notice"))
            # a fragment lies in or next to the notice; a statement further off is another file's
            # or part's ("File: new.c ... GPL version 3" after ten GPL version 2 headers)
            out = [s for s in out if s not in same or s is longest or s.expression == longest.expression
                   or not _fragment_of(s, longest)]
    return sorted(out, key=lambda s: s.first_line)


# after the words that offer a choice, ", and ..." opens another grant: the choice is over
_CHOICE_CLOSED = re.compile(r"[^,;]*?[,;]\s*(?:and|while|whereas|but)\b", re.IGNORECASE)


def _after_the_choice(text: str) -> list:
    """The licenses a sentence names after its choice is closed ("MIT or Apache-2.0 at your option,
    and the fonts under OFL-1.1": OFL-1.1), each granted beside the choice, not offered in it."""
    offers = list(st._DUAL.finditer(text))
    closed = offers and _CHOICE_CLOSED.match(text, offers[-1].end())
    return [m for m in st.mentions(text) if m.start >= closed.end()] if closed else []


FRAGMENT_REACH = 5  # lines: a GNU notice's fragments ("You should have received a copy ...") sit this close


def _fragment_of(s: st.Statement, notice: st.Statement) -> bool:
    return s.first_line <= notice.last_line + FRAGMENT_REACH and s.last_line >= notice.first_line - FRAGMENT_REACH


# A project's notice above a GNU text: "either version 2 of the License, or (at your option) any
# later version", 「バージョン 2 以降」. The text the notice points to says "-only" by itself.
_GNU_TITLE = re.compile(r"^\W*GNU\s+(?:(?:LESSER|LIBRARY|AFFERO)\s+)?GENERAL\s+PUBLIC\s+LICEN[CS]E\b", re.IGNORECASE)
_OR_LATER = re.compile(r"\bor\s+(?:\(at\s+your\s+option\)\s+)?any\s+later\s+version\b|\bor\s+later\b|以降", re.IGNORECASE)


def _preamble_or_later(lines: list[Line], index_of: dict[int, int], first_no: int, last_no: int) -> bool:
    """Whether the lines a GNU text's match took in before the license's own title (a project's
    notice that ScanCode's "notice + attached license" rules swallow) give the or-later choice."""
    start, end = index_of.get(first_no, 0), index_of.get(last_no, len(lines) - 1)
    title = next((i for i in range(start, end + 1) if _GNU_TITLE.match(lines[i].text)), start)
    return bool(_OR_LATER.search(" ".join(line.text for line in lines[start:title])))


def _or_later_notice(statements: list[st.Statement]) -> list[st.Statement]:
    """A GNU text with the project's notice "version N or (at your option) any later version":
    the text is the copy the notice points to, and the notice's choice of versions is the answer
    (one license, GPL-2.0-or-later, never GPL-2.0-only AND GPL-2.0-or-later)."""
    later = {s.expression[:-len("-or-later")] for s in statements
             if s.expression.endswith("-or-later") and _GNU.match(s.expression) and s.role == "own"}
    return [dataclasses.replace(s, expression=s.expression[:-len("-only")] + "-or-later",
                                rule=f"{s.rule}; or-later as the notice gives it")
            if s.kind == "license_text" and s.expression.endswith("-only") and s.expression[:-len("-only")] in later
            else s for s in statements]


# The or-later choice given in a sentence of its own after the license is named: "We publish it
# under the LGPL, version 2.1. You may also choose to follow any newer version of that license."
_LATER_SENTENCE = re.compile(r"\bany\s+(?:later|newer|subsequent)\s+version\s+of\s+(?:that|this|the\s+same|said|the)\s+"
                             r"licen[cs]e\b|(?:その|同)\s*ライセンスの\s*(?:それ)?以降の\s*(?:任意の\s*)?(?:バージョン|版)",
                             re.IGNORECASE)


def _later_sentence(lines: list[Line], spans, statements: list[st.Statement]) -> list[st.Statement]:
    """The work's GNU license as or-later where a sentence outside any license text gives the
    choice of later versions of the license it just named (one GNU license named, -only)."""
    outside = " ".join(line.text for line in lines if line.text and not _inside(line.number, spans))
    gnu = {s.expression for s in statements if s.role == "own" and _GNU.match(s.expression) and s.kind != "license_text"}
    if len(gnu) != 1 or not next(iter(gnu)).endswith("-only") or not _LATER_SENTENCE.search(outside):
        return statements
    only = next(iter(gnu))
    return [dataclasses.replace(s, expression=only[:-len("-only")] + "-or-later",
                                rule=f"{s.rule}; or-later as a later sentence gives it")
            if s.expression == only and s.role == "own" else s for s in statements]


def _fold_lgpl3(statements: list[st.Statement]) -> list[st.Statement]:
    """The LGPL-3.0 is a set of permissions added to the GPL-3.0, and its published text (the SPDX
    copy, a COPYING.LESSER with COPYING appended) carries the GPL-3.0 text: one license, not two."""
    if not any(s.kind == "license_text" and s.expression.startswith("LGPL-3.0") for s in statements):
        return statements
    return [s for s in statements if not (s.kind == "license_text" and s.expression == "GPL-3.0-only")]


def _secondary_licenses(statements: list[st.Statement]) -> list[st.Statement]:
    """The EPL-2.0 statements joined with the Secondary Licenses their notice names ("EPL-2.0 OR
    GPL-2.0-or-later WITH Classpath-exception-2.0": the user takes either); a Secondary License
    named where the work is not under EPL-2.0 says nothing, and a notice ScanCode read on its
    lines is the same words."""
    secondary = [s for s in statements if s.kind == "secondary"]
    if not secondary:
        return statements
    lines = {n for s in secondary for n in range(s.first_line, s.last_line + 1)}
    rest = [s for s in statements if s.kind != "secondary" and not (s.kind == "notice" and s.first_line in lines
                                                                    and s.expression.startswith("GPL-"))]
    either = " OR ".join(dict.fromkeys(s.expression for s in secondary))
    return [dataclasses.replace(s, expression=normalize(f"EPL-2.0 OR {either}"),
                                rule=s.rule + "; with the Secondary License its notice names (EPL-2.0 Exhibit A)")
            if s.expression == "EPL-2.0" and s.role == "own" else s for s in rest]


# A copyright statement that reserves a font name ('Copyright 2024 Ann, with Reserved Font Name
# "Hanaki"'): SPDX names that form of the OFL-1.1 OFL-1.1-RFN. The OFL's own text names the term
# only in quotes ('"Reserved Font Name" refers to ...'), never after "with"; "no"/"without" declares none.
_RESERVED_FONT_NAME = re.compile(r"(?<!\bno\s)(?<!\bwithout\s)\bwith\s+(?:the\s+)?Reserved\s+Font\s+Names?\b"
                                 r"(?!\s+(?:declared\s+)?none)|予約フォント名", re.IGNORECASE)
# ... and a line that says there is none declares none, in either order and language ("no Reserved
# Font Name is declared", "does not reserve any font name", 「予約フォント名はありません」「…は設定していません」)
_NO_RESERVED_FONT_NAME = re.compile(
    r"\b(?:no|without|not\s+(?:declare|reserve|have|use|set|claim)\w*\s+(?:a|an|any))\s+(?:reserved\s+)?font\s+names?\b"
    r"|\bReserved\s+Font\s+Names?\W{0,3}(?:none|n/a)\b"
    r"|\bReserved\s+Font\s+Names?\b[^.。\"“]{0,30}\b(?:is|are)\s+not\s+(?:declared|reserved|set|used|claimed)\b"
    r"|予約フォント名[^。]{0,30}?(?:ありません|ない|なし|無し|しません|して(?:い)?ません|しておりません)", re.IGNORECASE)
RESERVED_NAME_REACH = 10  # lines around an OFL statement where its copyright statement stands
_PLAIN_OFL = re.compile(r"\bOFL-1\.1\b(?!-)")  # OFL-1.1 not yet of either RFN form


def _reserved_font_name(lines: list[Line], statements: list[st.Statement]) -> list[st.Statement]:
    """An OFL-1.1 whose copyright statement, at or near it, reserves a font name is OFL-1.1-RFN."""
    text_of = {line.number: line.text for line in lines}
    out = []
    for s in statements:
        if _PLAIN_OFL.search(s.expression) and any(
                _RESERVED_FONT_NAME.search(text_of.get(n, "")) and not _NO_RESERVED_FONT_NAME.search(text_of.get(n, ""))
                for n in range(s.first_line - RESERVED_NAME_REACH, s.first_line + RESERVED_NAME_REACH + 1)):
            s = dataclasses.replace(s, expression=_PLAIN_OFL.sub("OFL-1.1-RFN", s.expression),
                                    rule=s.rule + "; a Reserved Font Name declared")
        out.append(s)
    return out


# a version said in a title: "2.0", "version 3", "v2", a year ("20021231")
_VERSION_WORDS = re.compile(r"\d+\.\d+|\bversion\s*\d|\bv\d|\b(?:19|20)\d\d", re.IGNORECASE)
TITLE_ABOVE_LINES = 10  # how far above a full text its title (and a page's navigation) may stand


def _versionless_titles(statements: list[st.Statement]) -> list[st.Statement]:
    """A notice that is only a license's title without its version ("W3C Software Notice and
    License", which ScanCode files under the 1998 version), right above a full text of the same
    family (the 2002 W3C text): the text says which version it is; the title is no second license."""
    texts = [s for s in statements if s.kind == "license_text"]

    def titles(n: st.Statement) -> bool:
        words = re.sub(r"\([^)]*\)|https?://\S+", " ", n.text)
        return n.kind == "notice" and not _VERSION_WORDS.search(words) and any(
            t.first_line - TITLE_ABOVE_LINES <= n.last_line < t.first_line and t.expression != n.expression
            and t.expression.split("-")[0] == n.expression.split("-")[0] for t in texts)
    return [s for s in statements if not titles(s)]


def _named_dedication_wins(statements: list[st.Statement]) -> list[st.Statement]:
    """Without the loose public-domain words where the text names its dedication (CC0 1.0 as the
    fallback of "we give these clips to the public domain"): they say what the dedication does."""
    if not any(s.expression in NAMED_DEDICATIONS for s in statements):
        return statements
    return [s for s in statements if s.expression != PUBLIC_DOMAIN or s.kind in ("notice", "license_text")]


def _header(header: str, body: str) -> list[st.Statement]:
    from curation.licenses.names import hf_license

    try:
        data = yaml.safe_load(header)
    except yaml.YAMLError:
        return []
    if not isinstance(data, dict) or not data.get("license"):
        return []
    value = hf_license(data.get("license"), data.get("license_name"))
    rule = "dataset card YAML header `license:`"
    if str(data.get("license")).strip().lower() == "other" and (
            other := other_license(data.get("license_name"), data.get("license_link"), body)):
        value, rule = other
    if not value:
        return []
    try:
        value = normalize(value)
    except ExpressionError:
        return []
    number = 1 + next((i for i, line in enumerate(header.split("\n")) if line.lstrip().startswith("license")), 0)
    return [st.Statement(value, "header", "own", "data", number + 1, number + 1, f"license: {data.get('license')}",
                         rule)]


def card_names(header: str) -> tuple[str, ...]:
    """A dataset card's names for its dataset (`pretty_name`): the subject of its own statements."""
    try:
        data = yaml.safe_load(header)
    except yaml.YAMLError:
        return ()
    name = data.get("pretty_name") if isinstance(data, dict) else None
    return (name,) if isinstance(name, str) else ()


# Dedications to the public domain ask for nothing, not even credit: CC BY's attribution is a duty
# they lack ("license: cc0-1.0" against prose "CC BY 4.0": CC BY is the stricter reading).
_NO_DUTY = ("CC0-1.0", "Unlicense", "0BSD", "PDDL-1.0", "LicenseRef-scancode-public-domain")


def _flags(expression: str) -> frozenset[str]:
    """The duties an expression carries that a reviewer must never see added or lost."""
    flags = set()
    for key in re.findall(r"[A-Za-z0-9.+\-]+", expression):
        if key in ("AND", "OR", "WITH"):
            continue
        if "-NC" in key or "NonCommercial" in key:
            flags.add("NC")
        if "-ND" in key:
            flags.add("ND")
        if "-SA" in key or key.startswith(("GPL", "AGPL", "LGPL", "MPL", "EUPL", "ODbL", "CDLA-Sharing", "GFDL",
                                           "EPL", "CDDL", "LicenseRef-Custom-GPL", "LicenseRef-Custom-MPL")):
            flags.add("SA")
        if key.startswith("LicenseRef-Custom"):
            flags.add("custom")
        if key not in _NO_DUTY:
            flags.add("BY")
    return frozenset(flags)


def _either(expressions: list[str]) -> str:
    """A choice among the expressions, one flat list ("MIT OR Apache-2.0 OR BSD-3-Clause"): a side
    that is itself a choice needs no brackets; one that joins licenses with AND keeps them."""
    return " OR ".join(f"({e})" if " AND " in e else e.strip("()") if _flat_choice(e) else e for e in expressions)


def _flat_choice(expression: str) -> bool:
    return expression.startswith("(") and expression.endswith(")") and "(" not in expression[1:-1] \
        and " AND " not in expression


def _and(expressions) -> str:
    # a conjunction among the parts is flattened, so that a license said twice is named once
    terms = [e if " OR " in e else t.strip("() ") for e in expressions for t in ([e] if " OR " in e else e.split(" AND "))]
    distinct = list(dict.fromkeys(terms))
    joined = " AND ".join(f"({e})" if " " in e else e for e in distinct)
    return normalize(joined) if joined else NOASSERTION


def _strictest(readings: list[str]) -> str:
    """One reading whose duties include every other's; else all of them (every duty kept)."""
    for r in readings:
        if all(_flags(r) >= _flags(o) for o in readings):
            if all(_flags(r) != _flags(o) for o in readings if o != r):
                return r
    return _and(readings)


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    # "BSD license" without its variant agrees with any BSD text; "CC BY-NC" with CC BY-NC 4.0
    return vague_of(a, b) or vague_of(b, a)


_PLACEHOLDERS = {"LicenseRef-HF-other"}
# A sentence whose subject is the software as a whole ("This software", 「本ソフトウェア」): no part of it
_WHOLE_SOFTWARE = re.compile(r"^\W*(?:this|本|当|この)\s*(?:software|program|ソフトウェア|プログラム)(?:は|\b)",
                             re.IGNORECASE)


def _part(scope: str | None) -> str | None:
    """The kind of part a statement's scope names (a table row's component read for its kind)."""
    if scope and scope.startswith("row "):
        return st._scope(scope[4:])
    if scope and scope.startswith("except "):
        return st._scope(scope[7:]) or scope
    return scope


def _applies(remark: st.Remark, statement: st.Statement) -> bool:
    """Whether a remark on its own changes this statement: unless it names another part."""
    said = _part(st._scope(remark.text)) if remark.why == "restriction" else None
    return said is None or _part(statement.scope) in (None, said)


def combine(statements: list[st.Statement], remarks: list[st.Remark], card: bool) -> Detection:
    """One answer from a text's statements (see the module docstring)."""
    # Custom terms and restrictions said of upstream or quoted material are theirs, not the work's.
    terms = [r for r in remarks if r.role == "own"]
    restriction = any(r.why == "restriction" for r in terms)
    custom = any(r.why == "custom" for r in terms)
    own = [s for s in statements if s.role == "own"]
    third_party = [s for s in statements if s.role == "third_party"]
    if any(not s.expression.startswith("LicenseRef-scancode-proprietary") for s in own):
        # ScanCode's generic "proprietary" notice ("use ... freely for non-commercial use") beside a
        # named license is that license's summary, not a second license
        own = [s for s in own if not (s.kind == "notice" and s.expression.startswith("LicenseRef-scancode-proprietary"))]
    if any(s.kind != "own_words" for s in own):
        # a permission in own words beside a named license is that license's summary
        own = [s for s in own if s.kind != "own_words"]
    titles = [s for s in own if s.kind == "title"]
    if titles and (any(r.why == "talk" for r in remarks) or any(s.expression != titles[0].expression
                                                                  for s in own if s.kind != "title")):
        # a license's name as a page title is evidence only where nothing talks about other licenses
        own = [s for s in own if s.kind != "title"]
    if any(s.expression not in _PLACEHOLDERS for s in own):
        # a card's `license: other` points to the prose; the licenses the prose names are the answer
        own = [s for s in own if s.expression not in _PLACEHOLDERS]
    # a card's `license: other` with a `license_name` whose prose says what that license is (a named
    # license with terms added): the custom terms the prose reads are that license
    if custom and any(s.kind != "header" and not s.expression.startswith("LicenseRef-") for s in own):
        own = [s for s in own if not (s.kind == "header" and (s.rule == CARD_NAMED_TERMS or s.expression.startswith(
            "LicenseRef-") and not s.expression.startswith(("LicenseRef-Custom", "LicenseRef-scancode", "LicenseRef-HF"))))]
    # "BSD license" without its variant, "CC BY-NC" without its version, is explained by a text or
    # statement that names the variant or version
    own = [s for s in own if not any(vague_of(x.expression, s.expression) or VERSION_NOT_STATED in s.rule and
                                     VERSION_NOT_STATED not in x.rule and same_cc_family(x.expression, s.expression)
                                     for x in own)]
    # "Apache License v2.0 with LLVM Exceptions" in prose is the tag's `Apache-2.0 WITH LLVM-exception`
    withs = {s.expression.split(" WITH ")[0] for s in own if " WITH " in s.expression}
    own = [s for s in own if s.expression not in withs]
    # a license named again beside a choice that offers it ("the full texts are in licenses/SSPL-1.0.txt")
    # is that side of the choice, not a second license for the same part
    choices = [s for s in own if " OR " in s.expression and " AND " not in s.expression]
    own = [s for s in own if not (s.kind != "license_text" and " " not in s.expression and any(
        s.expression in c.expression.split(" OR ") and s.scope in (None, c.scope) for c in choices))]
    upstream = [s for s in statements if s.role == "upstream"]
    if restriction or custom:
        changed = []
        # A remark in a sentence that is itself a statement changes that statement only; a remark
        # on its own ("Additional restriction: ...") changes every statement of the work.
        said_in = {id(s): [r for r in terms if s.first_line <= r.first_line <= s.last_line
                           or r.first_line <= s.first_line <= max(r.last_line, r.first_line)] for s in own}
        alone = [r for r in terms if not any(r in rs for rs in said_in.values())]
        # A remark on its own that names a part ("the weights may be used for non-commercial
        # purposes only") changes that part's statements, not the other parts'; where no statement
        # covers that part the restriction is that part's own terms (a duty never lost).
        covered = {_part(s.scope) for s in own}
        orphans = [r for r in alone if r.why == "restriction" and _part(st._scope(r.text)) not in covered | {None}
                   and own and all(_part(s.scope) is not None for s in own)]
        for s in own or ([None] if not upstream and restriction else []):
            mine = (said_in[id(s)] + [r for r in alone if r not in orphans and _applies(r, s)]) \
                if s is not None else terms
            s_restriction = any(r.why == "restriction" for r in mine)
            s_custom = any(r.why == "custom" for r in mine)
            base = (s.hint or s.expression) if s else None
            if base and (" " in base or base.startswith("LicenseRef-Custom")):
                base = st.base_of(base) if base.startswith("LicenseRef-Custom") else base
            if base in _PLACEHOLDERS:
                base = None  # a card's `license: other` points to the prose: it is no license to base terms on
            nc = s_restriction and not (s and "NC" in _flags(s.expression))
            if s is None:
                r = next(r for r in terms if r.why == "restriction")
                changed.append(st.Statement(st.custom_id(None, nc), "grant", "own", None, r.first_line,
                                            r.first_line, r.text, "custom terms without a named "
                                            "license", 0.9))
            elif nc or (s_custom and not s.expression.startswith("LicenseRef-Custom")):
                changed.append(st.Statement(st.custom_id(base, nc), s.kind, s.role, s.scope, s.first_line, s.last_line,
                                            s.text, s.rule + ("; non-commercial restriction" if nc else
                                                              "; terms added or changed"), s.score,
                                            base if s.expression not in (NO_DERIVATIVES, NO_REDISTRIBUTION) else None))
            else:
                changed.append(s)
        own = [s for s in changed if not (s.expression.startswith("LicenseRef-Custom-NonCommercial") and len(changed) > 1
                                          and restriction and s.rule.startswith("custom terms without"))]
        own += [st.Statement(st.custom_id(None, True), "grant", "own", st._scope(r.text), r.first_line, r.last_line or
                             r.first_line, r.text, "custom terms without a named license (a part's restriction)", 0.9)
                for r in orphans]
    if not own and not upstream:
        # components listed with their licenses (a third-party table) say nothing of the work's own
        return Detection(NOASSERTION, 0.0, "none", statements=tuple(third_party), remarks=tuple(remarks))
    groups: dict[str | None, list[st.Statement]] = {}
    for s in own:
        scope = None if (card or s.kind in ("header", "license_text")) and s.scope in (None, "data") else s.scope
        # the one kind of content a text speaks of (a dataset's data, a model card's weights) is the work
        # ... unless pictures or recordings are named beside a statement with no part under another
        # license: they are then a part of their own ("the texts CC BY-SA, the photos CC BY-NC-SA")
        if scope in ("data", "model", "media") and not any(
                x.scope in ("code", "docs", "data", "model", "media") and x.scope != scope and x.kind != "header"
                for x in own) and not (scope == "media" and any(
                    x.scope is None and x.kind != "header" and not _same(x.expression, s.expression) for x in own)):
            scope = None
        # "This software is ...", 「本ソフトウェアは…」: the work itself, where no other part is named
        if scope == "code" and _WHOLE_SOFTWARE.match(s.text) and not any(
                x.scope not in (None, "code") for x in own):
            scope = None
        groups.setdefault(scope, []).append(s)
    readings, parts, conflict = [], [], False
    for scope, group in groups.items():
        distinct = []
        for s in group:
            if not any(_same(s.expression, d) for d in distinct):
                distinct.append(s.expression)
        # a BSD family name is explained by the BSD text beside it
        if len(distinct) > 1:
            distinct = [d for d in distinct if not any(vague_of(x, d) for x in distinct)] or distinct
        texts = [s.expression for s in group if s.kind == "license_text"]
        near = [r.first_line for r in remarks if r.why == "choice"]
        offered = {k for s in group if s.kind != "license_text" and any(s.first_line <= n <= s.last_line for n in near)
                   for k in [s.expression, *s.expression.split(" OR ")]}
        choice = set(texts) <= offered and set(distinct) <= set(texts) | offered
        if len(distinct) > 1 and (set(distinct) == set(texts) or choice and len(set(texts)) > 1):
            distinct = list(dict.fromkeys(texts))
            if choice:
                # the texts follow a sentence that offers them as a choice ("whichever you prefer")
                parts.append(_either(distinct))
            else:
                parts.append(_and(distinct))  # several license texts in one file: each covers its part
            continue
        # a choice offered near the statements (never one read inside a full license text, such as
        # the GPL's "or any later version" clause) makes them dual licensing
        if len(distinct) > 1 and not texts and any(
                min(x.first_line for x in group) - 3 <= n <= max(x.last_line for x in group) + 3 for n in near):
            # "MIT or Apache-2.0 at your option, and the fonts under OFL-1.1": where the choice is
            # already one statement's (its OR read in the sentence), the others are granted beside it
            beside = {m.expression for x in group for m in _after_the_choice(x.text)}
            offered = [d for d in distinct if d not in beside]
            if beside and offered:
                parts.append(_and([_either(offered), *[d for d in distinct if d in beside]]))
                continue
            parts.append(_either(distinct))  # dual licensing
            continue
        if len(distinct) > 1:
            conflict = True
            readings += [f"{'scope ' + scope if scope else 'the work'}: {s.expression} ({s.kind}, {s.where()})"
                         for s in group]
            parts.append(_strictest(distinct))
        else:
            parts.append(distinct[0])
    expression = _and(parts) if parts else NOASSERTION
    if upstream:
        up = _and(s.expression for s in upstream)
        if expression == NOASSERTION:
            expression = up
        elif not _flags(expression) >= _flags(up) - {"custom"}:
            conflict = True
            readings += [f"the work: {expression}"] + [f"upstream: {s.expression} ({s.where()})" for s in upstream]
            expression = _strictest([expression, up])
    if third_party and expression != NOASSERTION:
        # A bundled component stays under its own license: a part (never a rival reading), named in
        # the answer only where it carries a duty the work's own license lacks (share-alike, NC, ND).
        for s in third_party:
            if not _flags(expression) >= _flags(s.expression) - {"custom"}:
                expression = _and([expression, s.expression])
    allowed = [r for r in terms if r.why == "commercial_ok"]
    if allowed and "NC" in _flags(expression):
        # "Free for commercial use" beside a non-commercial license: the stricter reading stands
        conflict = True
        readings += [f"the work: {expression}", f"line {allowed[0].first_line}: commercial use allowed"]
    used = own + upstream + third_party
    hints = [s.hint for s in used if s.hint]
    detector = "combined" if len({s.kind for s in used}) > 1 else used[0].kind
    score = min(s.score for s in used)
    return Detection(expression, round(score, 2), detector, tuple(s.rule for s in used), tuple(used),
                     tuple(remarks), conflict, tuple(readings), hints[0] if hints else None)


def detect_text(text: str, threshold: float = DEFAULT_THRESHOLD, *, document: bool = False,
                names: tuple[str, ...] = ()) -> Detection:
    """The license a text applies to its work, with its evidence (see the module docstring).
    `names` are the work's own names where the text no longer carries them (a card's `pretty_name`
    when its YAML header was read apart).

    Only the first FILE_HEAD and last FILE_TAIL characters of a long text are read (the time of
    every step stays bounded), widened over a license text that runs across a cut (read_on.py);
    `Detection.unread` says what was left out. With `document=True` the
    text is a document rather than a license file: only its head and tail (DOC_HEAD, DOC_TAIL) are
    read, ScanCode matches exactly and finds no full license texts. Statements scored below
    `threshold` are not evidence; with none left the answer is NOASSERTION.
    """
    # a license text that runs across a cut is read whole, never as a copy with words removed
    head, tail = (DOC_HEAD, DOC_TAIL) if document else widened(text, FILE_HEAD, FILE_TAIL)
    text, unread = window(text, head, tail)
    found = _detect(text, threshold, document, names)
    return dataclasses.replace(found, unread=unread.explain(head, tail)) if unread else found


def _detect(text: str, threshold: float, document: bool, names: tuple[str, ...]) -> Detection:
    if not text.strip():
        return NOTHING
    if document and not LICENSE_WORDS.search(text):
        # No license vocabulary at all: no grant to find. Most business documents stop here, so
        # an ingest never loads ScanCode's index (1.4 GB, 6-20 s) unless some text needs it.
        return NOTHING
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    header, body, header_lines = split_front_matter(text)
    statements = _header(header, body) if header else []
    card = bool(statements)
    lines = clean(body, first_line=header_lines + 1)
    tag_lines = set()
    example_tags = example_lines(lines)
    for offset, raw in enumerate(body.split("\n")):
        number = header_lines + 1 + offset
        # read before markdown is removed: a tag sits in a comment (`/* ... */`, `<!-- ... -->`);
        # one in a markdown code block is an example header, read (and remarked) by read_blocks
        if number not in example_tags and (m := SPDX_TAG.search(raw)) and (tag := spdx_tag(raw)):
            statements.append(st.Statement(tag.expression, "spdx_tag", "own", None, number, number,
                                           m.group(0).strip(), "SPDX-License-Identifier tag"))
            tag_lines.add(number)
    raws = body.split("\n")
    for offset, raw in enumerate(raws):
        if (listed := manifest_licenses(raw, raws[offset - 1] if offset else "")) is not None:
            number = header_lines + 1 + offset
            statements.append(st.Statement(listed, "spdx_tag", "own", None, number, number, raw.strip(),
                                           "a package manifest's list of licenses"))
            tag_lines.add(number)
    if (listed := manifest_licenses_array(body)) is not None:
        number = header_lines + 1 + next((i for i, raw in enumerate(raws) if '"licenses"' in raw), 0)
        statements.append(st.Statement(listed, "spdx_tag", "own", None, number, number, '"licenses": [...]',
                                       "a JSON manifest's licenses array (package.json, datapackage.json)"))
        tag_lines.add(number)
    for record in record_licenses(body):
        number = header_lines + record.line
        statements.append(st.Statement(record.expression, "spdx_tag", "own", None, number, number, record.text,
                                       "a metadata record's license field (DataCite, Zenodo, CodeMeta, nuspec)"))
        tag_lines.add(number)
    if spec := spec_license(body):
        number = header_lines + spec.line
        statements.append(st.Statement(spec.expression, "spdx_tag", "own", None, number, number, spec.text,
                                       "a package spec's license field (.gemspec, .podspec)"))
        tag_lines.add(number)
    # (a meson list of ids is read above as a manifest's list)
    if (package := package_license(body)) and header_lines + package.line not in tag_lines:
        number = header_lines + package.line
        statements.append(st.Statement(package.expression, "spdx_tag", "own", None, number, number, package.text,
                                       f"a package description's license field ({package.format})"))
        tag_lines.add(number)
    # an SPDX document's license fields are its metadata's and its dependencies'; the package it
    # describes carries the work's
    tag_lines.update(header_lines + number for number in license_field_lines(body))
    if package := described_package_license(body):
        number = header_lines + package.line
        statements.append(st.Statement(package.expression, "spdx_tag", "own", None, number, number, package.text,
                                       "the license declared for the package an SPDX document describes"))
    if banner := banner_license(body):
        number = header_lines + 1 + banner.line
        statements.append(st.Statement(banner.expression, "spdx_tag", "own", None, number, number, banner.text,
                                       "a minified file's preserved /*! banner */"))
        # the line whose field was read is not read again; the banner's other lines are, since
        # one may grant a part otherwise ("Except the bundled font, which remains under GPL-3.0")
        tag_lines.add(number)
    lines = [dataclasses.replace(line, text="") if line.number in tag_lines else line for line in lines]
    spans: list[tuple[int, int]] = []
    matches = []
    if SCANCODE_WORDS.search(plain(lines)):
        matches = _matches(plain(lines) if document else _scanned(lines), threshold, approximate=not document)
    if not document:
        texts, spans = _texts(lines, matches, threshold)
        texts, spans = _cut_copy(lines, texts, spans)
        texts = with_conditions(texts)
        statements += texts
    work = tuple(names) + (card_names(header) if header else ())
    reading, examples = read_blocks([line if not _inside(line.number, spans) else Line(line.number, "", line.heading)
                                     for line in lines], work)
    found, remarks = st.read(reading, work)
    remarks += examples
    # Lines just outside a full text that add terms make it custom; talk inside it does not count.
    found = [s for s in found if s.score >= threshold]
    # ScanCode's notice rules read lines the reader could not (a GNU notice names its version far
    # from the license's name), but never a line that only talks about licenses.
    talk = {n for r in remarks if r.why in ("talk", "other_work", "hedged", "example", "no_such_version") for n in range(r.first_line, max(r.last_line, r.first_line) + 1)}
    notices = [s for s in _notices(lines, matches, spans, talk, threshold) if s.score >= threshold]
    # a rider follows a full text or a license's whole permission notice (ScanCode files the MIT
    # grant without its disclaimer as a notice rule)
    bodies = spans + [(s.first_line, s.last_line) for s in notices if s.last_line - s.first_line >= RIDER_BODY_LINES]
    if bodies:
        outside = [line if not _inside(line.number, bodies) else Line(line.number, "", line.heading) for line in lines]
        known = {r.first_line for r in remarks if r.why == "custom"}
        remarks += [r for r in _riders(outside, bodies) if r.first_line not in known]
    # a notice in a third-party section ("zlib | 1.3 | Zlib") is that component's, not the work's
    notices_file = st.notices_file_lines(lines)
    third = st.third_party_lines(lines) | notices_file
    notices = [dataclasses.replace(s, role="third_party") if s.first_line in third else s for s in notices]
    # so is a full text in a third-party notices file; one under a third-party section of the work's
    # own license file is left to combine (it names a component only where that adds a duty)
    statements = [dataclasses.replace(s, role="third_party") if s.kind == "license_text" and s.first_line in notices_file
                  else s for s in statements]
    statements = _or_later_notice(_fold_lgpl3(statements + _reconcile(found, notices)))
    statements = _secondary_licenses(_named_dedication_wins(statements))
    statements = _later_sentence(lines, spans, statements)
    statements = _versionless_titles(_reserved_font_name(lines, statements))
    statements = with_exception_texts(with_added_exceptions(lines, statements))
    if not any(s.role == "own" for s in statements) and (forbids := forbidding_lines(reading)):
        # own terms that name no license and forbid handing the work on (changed, or as such): custom
        # no redistribution at all first: it forbids handing on changed versions too
        limit, said = min(forbids, key=lambda f: f[0] != NO_REDISTRIBUTION)
        statements.append(st.Statement(limit, "grant", "own", None, said.first_line, said.last_line, said.text,
                                       "custom terms without a named license: " + (
                                           "modified versions may not be distributed" if limit == NO_DERIVATIVES
                                           else "the work itself may not be redistributed or sold"), 0.9))
    result = combine(statements, remarks, card)
    if result.found and result.score < threshold:
        return Detection(NOASSERTION, result.score, "none", remarks=result.remarks)
    return result
