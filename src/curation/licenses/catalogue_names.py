"""Every license on the SPDX list, read by its name: an index built from the installed catalogues.

names.py's hand table reads about eighty families the way people write them. Any other license on
the SPDX list is read here when it is named in full ("Blue Oak Model License 1.0.0", "the Fair
License", "Tcl/Tk License"), or by its short name or SPDX id followed by "License" ("CeCILL-B
License", 「Mulan PSL v2」); a short name or id of one word ("Intel", "PPL", "JPEG") only by the
list's own full name, never where "Agreement", "of <owner>" or "for <purpose>" follows or the
sentence narrows it ("evaluation only"): someone's own terms. The names come from ScanCode's license data (`name`, `short_name`,
`spdx_license_key`, `other_spdx_license_keys`, `is_deprecated`), listed by license-expression's
index, plus the few SPDX full names that ScanCode spells otherwise (_SPDX_NAMES).

Versions are kept exactly: a family named with a version it never had ("Apache License, Version
3.0") is no license (NO_SUCH_VERSION; a person reads it), never another version. Ordinary words
never become licenses: a name is matched whole, its words capitalised as a name is ("a fair
license" is talk, "Fair License" a name), a name of generic words only is never read, and a
family named without its version is no license: where the list holds one version, that version
is the reviewer's hint ("Business Source License": BUSL-1.1 is listed, 1.0 exists too).

The catalogues' names are read once, by `python -m curation.licenses.catalogue_names`, into
catalogue_names.tsv (reading ScanCode's ~2,200 files takes seconds), and `python -m
curation.licenses.scancode_policy` then classes the ScanCode ids now read; the index is built from that file
once, on first use (a fraction of a second, a few MB). A table, not a reading at import: the
names a data file reads must not change with the ScanCode installed, and a change of them shows in
a diff a reviewer reads. ScanCode's licenses the SPDX list lacks are read too, after every SPDX
name and with more guards (scancode_names.py).
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from curation.licenses import scancode_names
from curation.licenses.open_data_names import NO_SUCH_VERSION, canadian_ogl

# SPDX list full names that ScanCode names otherwise (its `name` is an id, another spelling, or
# the name of a sibling license): from spdx.org/licenses
_SPDX_NAMES = {
    # and the PyPI classifier's name ("License :: OSI Approved :: Python Software Foundation License")
    "PSF-2.0": ("Python Software Foundation License 2.0", "Python Software Foundation License"),
    "Python-2.0": ("Python License 2.0",),
    "IPA": ("IPA Font License",),
    "OGL-UK-1.0": ("Open Government Licence v1.0",),
    "OGL-UK-2.0": ("Open Government Licence v2.0",),
    "OGL-UK-3.0": ("Open Government Licence v3.0",),
    # Canada's licence in French (ScanCode holds that text under a key of its own, ogl-canada-2.0-fr)
    "OGL-Canada-2.0": ("Licence du gouvernement ouvert Canada 2.0",),
    "ODbL-1.0": ("Open Data Commons Open Database License v1.0",),
    "Zlib": ("zlib License",),
    "UPL-1.0": ("Universal Permissive License v1.0",),
    "Sleepycat": ("Sleepycat License",),
    "NCSA": ("University of Illinois/NCSA Open Source License", "NCSA License"),
    # SPDX reads the Eclipse Distribution License 1.0 as BSD-3-Clause (it lists no EDL id)
    "BSD-3-Clause": ("Eclipse Distribution License 1.0",),
    # ScanCode names HPND-Intel "Intel Open Source License 1995" and writes FSFULLRSD's name with
    # its variant in brackets: without them (or the year), each would take the other's name
    "Intel": ("Intel Open Source License",),
    "FSFUL": ("FSF Unlimited License",),
    "MITNFA": ("MIT +no-false-attribs license",),
    # the font licenses as font READMEs write them, without SIL
    "OFL-1.0": ("Open Font License 1.0",),
    "OFL-1.1": ("Open Font License 1.1",),
    # one word and "License" on the SPDX list: an id said with "License" is not read where the id is
    # one word (_one_word), so the list's own name is what reads these (and ScanCode names ICU's
    # "X11 License", OpenSSL-standalone's "OpenSSL License")
    **{key: (f"{key} License",) for key in ("ICU", "X11", "NTP", "Xerox", "libtiff", "OpenSSL", "Xfig", "Beerware",
                                            "Giftware", "Baekmuk", "Barr", "MakeIndex", "Minpack", "SunPro",
                                            "TermReadKey", "psutils", "xlock", "pkgconf", "Catharon", "SGP4", "lsof",
                                            "W3C")},
}

# words that name no license on their own: a name made only of these (and versions) is talk
_GENERIC = frozenset("""license licence licenses public general open source software free the of and for a an to in
    agreement terms data database documentation notice content code use commercial non noncommercial attribution
    share alike sharealike this our your same any new simple style standard common community model""".split())
# Where two licenses share a name, the better source's license is read (a lower tier): SPDX's own
# full name, then an SPDX id said with "License" ("OpenSSL License" is OpenSSL, though ScanCode
# calls OpenSSL-standalone so), then ScanCode's full name, its short name, a family's name.
# A license the SPDX list lacks (ScanCode's `LicenseRef-scancode-<key>`) comes after every SPDX
# name: SCANCODE_FULL and SCANCODE_SHORT (scancode_names.py says which are read).
SPDX_NAME, SPDX_ID, FULL_NAME, SHORT_NAME, SCANCODE_FULL, SCANCODE_SHORT, FAMILY = range(7)
_DETERMINERS = frozenset(("any", "this", "our", "your", "same", "every", "each"))
# words that make a phrase a license's name
_NAMING = frozenset(("license", "agreement", "notice", "disclaimer"))
# words that a name's capitals need not be written with
_SMALL = frozenset("of and for the a an to in with no or license licence version".split())
# "the Ruby License checker": a tool, not a license
_COMPOUND_AFTER = re.compile(r"[\s-]*(?:checkers?|checking|scanners?|servers?|managers?|keys?|plates?|fees?|tools?)\b",
                             re.IGNORECASE)
_SAME_AS = re.compile(r"\bsame\s+(?:license|licence|terms)\s+as\s+(?:that\s+of\s+)?(?:the\s+)?", re.IGNORECASE)
# 「Ruby と同じライセンス」: the id before the words
_SAME_AS_JA = re.compile(r"(?<![A-Za-z0-9])(?P<id>[A-Za-z][A-Za-z0-9.+-]*)\s*(?:本体)?\s*と同(?:じ|一の)\s*(?:ライセンス|条件|利用許諾)")

# Tokens: a version ("v2.0", "1.0.0", "3.01", "1.0a", a year), a word, or ライセンス (License).
_TOKEN = re.compile(r"(?P<version>[vV]?\d+(?:\.\d+)*[a-z]?)(?![A-Za-z0-9])|(?P<word>[A-Za-z][A-Za-z0-9]*|\d+[A-Za-z][A-Za-z0-9]*)|(?P<ja>ライセンス)")
# what may stand between two words of a name: spaces and a name's punctuation ("TCL/TK", "CeCILL-B",
# "Apache License, Version 2.0", "U.K.", "(UPL)", "MIT +no-false-attribs", "Yahoo! Public"), never a sentence's end
_GAP = re.compile(r"[\s,/()\-+!'\"“”]{0,4}(?:(?i:version|ver|v)\.?[\s(]{0,2})?|\.")
_DROPPED = frozenset(("version", "ver", "v"))


@dataclass(frozen=True)
class Token:
    norm: str  # lowercase, "licence" as "license", a version without "v" or trailing ".0"
    raw: str
    start: int
    end: int
    version: bool


def _version(raw: str) -> str:
    v = raw.lstrip("vV")
    while re.search(r"\.0$", v):
        v = v[:-2]
    return v


def tokens(text: str) -> list[Token]:
    """The words and versions of `text`, normalised (version words dropped)."""
    out = []
    for m in _TOKEN.finditer(text):
        if m["version"]:
            out.append(Token(_version(m["version"]), m["version"], m.start(), m.end(), True))
        elif m["ja"]:
            out.append(Token("license", m["ja"], m.start(), m.end(), False))
        else:
            norm = m["word"].lower().replace("licence", "license")
            if norm not in _DROPPED:
                out.append(Token(norm, m["word"], m.start(), m.end(), False))
    return out


@dataclass(frozen=True)
class Name:
    """A name in the index: its words (normalised and as the catalogue writes them) and its id."""

    norms: tuple[str, ...]
    raws: tuple[str, ...]
    spdx_id: str | None  # None: a family with several versions (only read with a version it lacks)
    versions: frozenset[str] = frozenset()  # for a family: the versions it has
    exact_case: bool = False  # an id's words are written as the id spells them (or in capitals)
    hint: str | None = None  # a family with one version on the list, named without it: that version
    # a family's version written after its name ("CeCILL licence, version 2.1"): the one id of each
    # version the catalogues give a single license
    by_version: tuple[tuple[str, str], ...] = ()


def _scancode_dir() -> Path:
    spec = importlib.util.find_spec("licensedcode")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "licenses"


def _index_path() -> Path:
    spec = importlib.util.find_spec("license_expression")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "scancode-licensedb-index.json"


_FIELD = re.compile(r"^(name|short_name): (.*)$", re.MULTILINE)


@lru_cache(maxsize=1)
def _catalogue() -> list[tuple[str, list[str], list[str], list[str]]]:
    """(SPDX id, full names, short names, ids) of every license on the SPDX list that ScanCode holds."""
    folder = _scancode_dir()
    rows = []
    for entry in json.loads(_index_path().read_text(encoding="utf-8")):
        key = entry.get("spdx_license_key") or ""
        if not key or key.startswith("LicenseRef-") or entry.get("is_exception") or entry.get("is_deprecated"):
            continue
        with open(folder / entry["license"], encoding="utf-8") as f:
            head = f.read(4096).split("---", 2)[1]
        fields = {k: v.strip().strip("'\"") for k, v in _FIELD.findall(head)}
        ids = [key] + [k for k in entry.get("other_spdx_license_keys") or [] if not k.startswith("LicenseRef-")]
        rows.append((key, [fields.get("name", "")], [fields.get("short_name", "")], ids))
    return rows


def _variants(name: str) -> list[str]:
    """A name as written, and without its bracketed parts ("Universal Permissive License (UPL) v1.0")."""
    bare = re.sub(r"\s*\([^)]*\)", " ", name).strip()
    return [name] if bare == name else [name, bare]


class _Builder:
    def __init__(self) -> None:
        self.names: dict[tuple[str, ...], tuple[int, Name]] = {}  # norms -> (tier, name)
        self.clashes: set[tuple[str, ...]] = set()
        self.families: dict[tuple[str, ...], dict[str, tuple[int, set[str]]]] = {}  # words -> version -> (tier, ids)
        self.family_raws: dict[tuple[str, ...], tuple[str, ...]] = {}
        self.family_tier: dict[tuple[str, ...], int] = {}

    def add(self, text: str, spdx_id: str, tier: int, exact_case: bool = False, family: bool = False) -> None:
        toks = tokens(text)
        if not toks:
            return
        norms, raws = tuple(t.norm for t in toks), tuple(t.raw for t in toks)
        if all(n in _GENERIC or n in _SMALL for n in norms):
            return  # generic words only ("Open Source License")
        if len(norms) < 2:
            return  # one word is an id, read as such (names.py's spdx-id) or talk
        if norms[0] in _DETERMINERS:
            return  # "Any OSI License": "any OSI license will do" is talk
        if not any(t.version or t.norm in _NAMING for t in toks):
            return  # neither "License" nor a version: ScanCode's label ("CMU Style"), not a name people write
        if tier in (SPDX_ID, SHORT_NAME, SCANCODE_FULL, SCANCODE_SHORT) and _one_word(toks):
            return  # "Intel License", "PPL Licence", "JPEG License": a company's, a product's or an acronym's
        if tier >= SCANCODE_FULL and not scancode_names.admitted(toks):
            return  # "TPL 1.0", "Truly Free License": too short or too ordinary to name one license
        self._put(norms, Name(norms, raws, spdx_id, exact_case=exact_case), tier)
        if family and any(t.version for t in toks):
            words = tuple(t.norm for t in toks if not t.version)
            versions = "-".join(t.norm for t in toks if t.version)
            if words and words[-1] in ("license", "agreement"):
                held_tier, ids = self.families.setdefault(words, {}).get(versions, (tier, set()))
                if tier < held_tier:
                    held_tier, ids = tier, set()  # a better source names this version: its id alone
                if tier == held_tier:
                    self.families[words][versions] = (tier, ids | {spdx_id})
                self.family_raws.setdefault(words, tuple(t.raw for t in toks if not t.version))
                self.family_tier[words] = min(tier, self.family_tier.get(words, tier))

    def _put(self, norms: tuple[str, ...], name: Name, tier: int) -> None:
        held = self.names.get(norms)
        if held is None:
            self.names[norms] = (tier, name)
        elif held[1].spdx_id == name.spdx_id and held[1].exact_case and not name.exact_case:
            # the id ("CECILL-B License") and the name ("CeCILL-B License") are one: written either way
            self.names[norms] = (held[0], name)
        elif held[1].spdx_id != name.spdx_id:
            if tier < held[0]:
                self.names[norms] = (tier, name)
                self.clashes.discard(norms)
            elif tier == held[0]:
                self.clashes.add(norms)  # one name, two licenses: neither is read

    def build(self) -> dict[str, list[Name]]:
        for words, versions in self.families.items():
            if not any(w not in _GENERIC and w not in _SMALL for w in words):
                continue  # "Open Software License" without its version: generic words
            # the hint is the SPDX list's one version: ScanCode's other versions (BUSL 1.0) are why a
            # name without its version is no license, never what it is read as
            ids = {i for tier, group in versions.values() if tier < SCANCODE_FULL for i in group}
            by_version = tuple(sorted((v, next(iter(group))) for v, (_, group) in versions.items() if len(group) == 1))
            held = self.names.get(words)
            if held is not None:
                # the family's words are a name of their own ("Sleepycat License"): keep it, and
                # know the family's versions
                self.names[words] = (held[0], Name(words, held[1].raws, held[1].spdx_id, frozenset(versions),
                                                   held[1].exact_case, by_version=by_version))
                continue
            # One version on the list, named without it ("Business Source License", "Henry Spencer
            # License"): the list holds one version, the world may hold others (BUSL 1.0, Spencer 86
            # and 94), so the name is read as no license, that version the reviewer's hint. A name
            # that is SPDX's own full name without a version ("Sleepycat License") is a name above.
            # A year is a date, not a version: the hint is for the reviewer, never a reading.
            single = next(iter(ids)) if len(ids) == 1 and len(words) >= 3 and self.family_tier[words] <= FULL_NAME \
                and not next(iter(ids)).endswith(("-only", "-or-later")) else None
            self.names[words] = (FAMILY, Name(words, self.family_raws[words], None, frozenset(versions), hint=single,
                                              by_version=by_version))
        index: dict[str, list[Name]] = {}
        for norms, (_, name) in self.names.items():
            if norms not in self.clashes:
                index.setdefault(norms[0], []).append(name)
        for group in index.values():
            group.sort(key=lambda n: -len(n.norms))
        return index


DATA = Path(__file__).with_name("catalogue_names.tsv")
_YEAR = re.compile(r"(?:19|20)\d\d")
_LICENSE_WORD = re.compile(r"licen[cs]e\W*$|licen[cs]e\s+\S+$", re.IGNORECASE)
# a short name that is an acronym of a license's name and a version ("Mulan PSL v2", "CDDL 1.0"):
# the "L" is the License, so the short name is a name
_ACRONYM_VERSION = re.compile(r"\b[A-Z]{2,}L\s+v?\d+(?:\.\d+)*$")


def catalogue_rows() -> list[tuple[int, bool, str, str]]:
    """(tier, exact case, id, name) of every name the installed catalogues give a license on the
    SPDX list (its ids and its short name said with "License", its full name), and the full and
    short names of the licenses ScanCode holds that the list lacks (scancode_names.py)."""
    rows = []
    for spdx_id, full, short, ids in _catalogue():
        rows += [(FULL_NAME, False, spdx_id, variant) for name in full for variant in _variants(name)]
        for name in short:
            for variant in _variants(name):
                said = variant if _LICENSE_WORD.search(variant) else \
                    variant if _ACRONYM_VERSION.search(variant) else f"{variant} License"
                rows.append((SHORT_NAME, False, spdx_id, said))
        rows += [(SPDX_ID, True, spdx_id, f"{key} License") for key in ids]
    for key, _, full, short in scancode_names.licenses(_index_path(), _scancode_dir()):
        # as ScanCode writes them: "OGL Ontario 1.0 License" is no name anyone writes
        rows += [(SCANCODE_FULL, False, key, variant) for variant in _variants(full) if variant]
        rows += [(SCANCODE_SHORT, False, key, variant) for variant in _variants(short) if variant]
    return sorted(set(rows))


def write_data(path: Path = DATA) -> int:
    """Writes the catalogue's names (catalogue_rows) to `path`; the number of rows. Run it after
    ScanCode or license-expression is upgraded: `python -m curation.licenses.catalogue_names`."""
    rows = catalogue_rows()
    path.write_text("".join(f"{tier}\t{int(exact)}\t{spdx_id}\t{name}\n" for tier, exact, spdx_id, name in rows),
                    encoding="utf-8")
    return len(rows)


def data_rows() -> list[tuple[int, bool, str, str]]:
    """The rows of the committed data file (see write_data)."""
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        tier, exact, spdx_id, name = line.split("\t")
        rows.append((int(tier), exact == "1", spdx_id, name))
    return rows


@lru_cache(maxsize=1)
def index() -> dict[str, list[Name]]:
    """The name index, by first word: built once, from _SPDX_NAMES and the data file."""
    builder = _Builder()
    for spdx_id, names in _SPDX_NAMES.items():
        for name in names:
            for variant in _variants(name):
                builder.add(variant, spdx_id, SPDX_NAME, family=True)
    for tier, exact, spdx_id, name in data_rows():
        said_as = scancode_names.answer_id(spdx_id, name) if tier >= SCANCODE_FULL else spdx_id
        builder.add(name, said_as, tier, exact_case=exact, family=not exact)
    return builder.build()


def _one_word(toks: list[Token]) -> bool:
    """A name of one word and "License" ("Fair License", "Intel License"): a common word, a company
    or an acronym, which other terms are called by too."""
    return len(toks) == 2 and toks[1].norm in _NAMING and not toks[0].version


# What a one-word name is not a license's name with: "the Intel License Agreement", "our PPL Licence
# for public performance" (a purpose: for developers, for evaluation), "the Fair License of Acme Corp"
# or "of our company" (an owner). "for the library" names a part of the work the license covers, and
# "of the OpenSSL Project" the license's own steward (checked in _own_terms): neither is own terms.
_PART = (r"(?:the|this|these|that|its|their|our|your|all|any|every|each|everyone|everybody|anyone)\b|"
         r"(?:code|source|sources|files?|library|libraries|docs|documentation|data|fonts?|assets|images|"
         r"apps?|programs?|binaries|modules?|packages?|plugins?|tools?|examples?|tests?|parts?)\b")
_WORK = r"(?:this|these|that|project|work|software|program|package|library|repository|dataset|code)\b"
_OWN_TERMS_AFTER = re.compile(r"\s*(?:agreements?\b|\s(?:for\s+(?!" + _PART + r")\w|of\s+(?:our|your|its|their)\s+\w|"
                              r"of\s+(?:the\s+)?(?!" + _WORK + r")(?P<owner>\w[\w-]*)))", re.IGNORECASE)
# "Sign the Click License": a click-through agreement
_OWN_TERMS_BEFORE = re.compile(r"\b(?:sign|signed|signing|accept|accepted|agree\s+to)\s+(?:the\s+|our\s+|this\s+)?$",
                               re.IGNORECASE)
# "Pixar License, evaluation only; contact sales": the sentence narrows the license into other terms
_RESTRICTED = re.compile(r"\b(?:evaluation|trial|internal)\s+(?:use\s+)?only\b|\bone\s+(?:seat|user|machine)\b|"
                         r"\bcontact\s+(?:sales|us)\b|\bper[\s-]seat\b|\bnon[\s-]?transferable\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.;!?。]*(?:[.;!?。]|$)")


def _own_terms(text: str, start: int, end: int) -> bool:
    """Whether a one-word name at text[start:end] names someone's own terms, not the listed license."""
    sentence = next((m for m in _SENTENCE.finditer(text) if m.start() <= start < max(m.end(), m.start() + 1)), None)
    rest = text[end:sentence.end()] if sentence else text[end:]
    after = _OWN_TERMS_AFTER.match(text, end)
    # "the OpenSSL License of the OpenSSL Project": the steward that wrote the license, not an owner
    steward = bool(after and after["owner"] and after["owner"].lower() == text[start:end].split()[0].lower())
    return bool(after and not steward or _OWN_TERMS_BEFORE.search(text[max(0, start - 30):start])
                or _RESTRICTED.search(rest))


def _written_as_name(name: Name, found: list[Token]) -> bool:
    for norm, raw, tok in zip(name.norms, name.raws, found):
        if tok.version or norm in _SMALL:
            continue
        if name.exact_case:
            if tok.raw != raw and tok.raw != raw.upper():
                return False
        elif not (tok.raw[0].isupper() or tok.raw[0].isdigit() or tok.raw == raw):
            return False
    return True


def _is_version(tok: Token, name: Name) -> bool:
    """Whether `tok` is a version of `name`'s license: a year is a date ("Apache License, 2019-2024
    Kumo Inc."), except for a family whose versions are years."""
    return tok.version and not (_YEAR.fullmatch(tok.norm) and not any(_YEAR.fullmatch(v) for v in name.versions))


def _own_version(spdx_id: str) -> str | None:
    m = re.search(r"-v?(\d+(?:\.\d+)*[a-z]?)$", spdx_id)
    return _version(m.group(1)) if m else None


def _joined(text: str, found: list[Token]) -> bool:
    return all(_GAP.fullmatch(text[a.end:b.start]) for a, b in zip(found, found[1:]))


# what goes on after a name read here makes it part of a longer id ("QPL-1.0-INRIA-2004", "AGPL-1.0+")
_CUT_SHORT = re.compile(r"[-+]\w|\+(?![\w-])")


@dataclass(frozen=True)
class Found:
    """A license named in a text: its SPDX id (None: a family's version it never had), where, how."""

    spdx_id: str | None
    start: int
    end: int
    how: str  # "name", "no such version: <v>", "version not stated", "same license as"
    hint: str | None = None  # for a version not stated: the one version the list holds


def find(text: str, free=lambda start, end: True) -> list[Found]:
    """The licenses of the SPDX list that `text` names, left to right, where `free(start, end)`."""
    toks = tokens(text)
    if not toks:
        return []
    idx = index()
    out: list[Found] = []
    i = 0
    while i < len(toks):
        hit = _name_at(text, toks, i, idx)
        if hit is None:
            i += 1
            continue
        name, n = hit
        end_tok = toks[i + n - 1]
        nxt = toks[i + n] if i + n < len(toks) else None
        follows_version = nxt is not None and _is_version(nxt, name) and _GAP.fullmatch(text[end_tok.end:nxt.start])
        start, end = toks[i].start, end_tok.end
        if follows_version and name.spdx_id and not name.versions and _own_version(name.spdx_id) == nxt.norm:
            # "IBM Public License 1.0": a version-less name (IPL-1.0's), then that license's own version
            end, follows_version, n = nxt.end, False, n + 1
        if _CUT_SHORT.match(text, nxt.end if follows_version else end):
            i += n  # an id written out goes on ("AGPL-1.0-or-later", "OFL-1.0-RFN"): names.py's spdx-id reads it
            continue
        if name.versions and follows_version and nxt.norm not in name.versions:
            if free(start, nxt.end):
                out.append(Found(None, start, nxt.end, f"no such version: {nxt.raw}"))
            i += n + 1
            continue
        if not name.spdx_id and follows_version and (versioned := dict(name.by_version).get(nxt.norm)) and \
                not _CUT_SHORT.match(text, nxt.end) and free(start, nxt.end):
            out.append(Found(versioned, start, nxt.end, "name, version after"))
            i += n + 1
            continue
        if name.spdx_id and not follows_version and not _COMPOUND_AFTER.match(text, end) and free(start, end):
            # suspected own terms are a person's to read (hint: the listed license), never nothing:
            # else another license in the sentence would be read as the work's only grant
            own = len(name.norms) == 2 and _own_terms(text, start, end)
            out.append(Found(None, start, end, "own terms?", name.spdx_id) if own else Found(name.spdx_id, start, end, "name"))
        elif name.hint and not follows_version and not _COMPOUND_AFTER.match(text, end) and free(start, end):
            out.append(Found(None, start, end, "version not stated", name.hint))
        i += n
    starts = [t.start for t in toks]
    for m in _SAME_AS.finditer(text):
        k = bisect_left(starts, m.end())
        word = toks[k] if k < len(toks) and toks[k].start == m.end() else None
        if word and (same := _id_spelled(word.raw)) and free(m.start(), word.end):
            out.append(Found(same, m.start(), word.end, "same license as"))
    for m in _SAME_AS_JA.finditer(text):
        if (same := _id_spelled(m["id"])) and free(m.start(), m.end()):
            out.append(Found(same, m.start(), m.end(), "same license as"))
    return sorted((_place_read(text, f) for f in out), key=lambda f: f.start)


def _place_read(text: str, found: Found) -> Found:
    """The UK's Open Government Licence read by its name, where Canada or a province is named beside
    it, is theirs: the check the statement path makes (open_data_names.canadian_ogl)."""
    if not (found.spdx_id or "").startswith("OGL-UK-"):
        return found
    canadian = canadian_ogl(text, found.start, found.end, found.spdx_id[len("OGL-UK-"):])
    if canadian == NO_SUCH_VERSION:
        return Found(None, found.start, found.end, f"no such version: {found.spdx_id[len('OGL-UK-'):]} (Canada)")
    return dataclasses.replace(found, spdx_id=canadian) if canadian else found


def _name_at(text: str, toks: list[Token], i: int, idx: dict[str, list[Name]]) -> tuple[Name, int] | None:
    for name in idx.get(toks[i].norm, ()):
        n = len(name.norms)
        found = toks[i:i + n]
        if len(found) == n and tuple(t.norm for t in found) == name.norms and _joined(text, found) \
                and _written_as_name(name, found):
            return name, n
    return None


@lru_cache(maxsize=1)
def _ids_without_version() -> frozenset[str]:
    return frozenset(spdx_id for tier, _, spdx_id, _ in data_rows()
                     if tier < SCANCODE_FULL and not re.search(r"\d", spdx_id))


def _id_spelled(word: str) -> str | None:
    """The SPDX id `word` spells exactly ("Ruby"), for "the same license as Ruby"."""
    return word if word in _ids_without_version() else None


if __name__ == "__main__":
    print(f"{write_data()} names written to {DATA}; now `python -m curation.licenses.scancode_policy`")
