"""ScanCode's license index and its matches, read as SPDX licenses.

ScanCode's index takes several seconds to load, so it is loaded once per process (`scancode_index`).
A match is named by its SPDX id, with ScanCode's labels corrected where checked by hand
(RULE_CORRECTIONS) and a language's edition of a license named as the license (`_language_edition`);
clues, false positives, introductions and contributor agreements are never matches (`_matches`).
"""

from __future__ import annotations

import re
import warnings
from functools import lru_cache

from license_expression import ExpressionError

from curation.licenses.detection import NOTHING, Detection
from curation.licenses.names import model_terms
from curation.licenses.spdx import normalize



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


def _license_name_words(key: str) -> set[str]:
    from licensedcode.cache import get_licenses_db

    lic = get_licenses_db().get(key)
    names = [key, lic.name if lic else "", lic.short_name if lic else "", getattr(lic, "spdx_license_key", "") or ""]
    return {w for n in names for w in re.findall(r"[a-z]+", (n or "").lower())}
