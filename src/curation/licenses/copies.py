"""Copies of a license's reference text that ScanCode does not recognise as that license.

ScanCode finds a full text when most of it is there; a copy cut short (a CC 4.0 legal code that
stops before its Section 6, an Apache-2.0 file that stops after section 4) is matched as nothing,
or in pieces as other licenses that share a paragraph (Apache's patent grant reads as FreeType's),
and the title above it is then the only name left: the cut text would be answered as the license
it no longer is. A text that names a license in its first lines and holds a large share of that
license's reference text word for word is a copy of it: the license where only its preface or
trailer is missing, changed terms (custom, the named license as the hint) where words of its
body are missing.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

from curation.licenses.names import mentions
from curation.licenses.text import Line

# A copy holds at least this share of the reference text's words in runs of RUN_MIN words or more,
# and at least COPY_MIN_WORDS of them: a deed, a summary or a notice holds far less.
COPY_MIN_SHARE = 0.3
COPY_MIN_WORDS = 150
RUN_MIN = 6
TITLE_MAX_WORDS = 10  # a license's title ("Attribution-NonCommercial-NoDerivatives 4.0 International")
HEAD_LINES = 3  # the lines that may name the license a copy is of (its title)
# Bounds on the work (difflib's is about the product of the two lengths): a title is short, a text
# names one or two licenses in it, and a copy that starts at the head ends within this many times
# its reference text's words (comment leaders and names added).
HEAD_CHARS = 400
MAX_NAMED = 3
COPY_SPAN = 1.5
COPY_CHARS_PER_WORD = 12  # generous: English averages about six with the space
# Words of the body that published copies of one license differ by (as detect's own bound).
BODY_SLACK_SHARE, BODY_SLACK_WORDS = 0.025, 12
# The most of the start a copy may drop (a CC 4.0 preface is 16% of its text): as
# detect.EDGE_CUT_MAX_SHARE.
HEAD_CUT_MAX_SHARE = 0.2
TRUNCATED_TAIL_WORDS = 3  # words after a copy's last matched run in a text that ends inside it
# What follows a license's terms, which a copy may drop and still be the license: the GPL's "How to
# Apply These Terms", Apache's appendix, the CC notes after the legal code, the MPL's exhibits.
# Read here on a text's words and in detect on ScanCode's rule tokens, which leave out "a" (one of
# its stopwords): a marker's "a" is optional (`find_markers`).
TRAILERS = ("end of terms and conditions", "how to apply", "creative commons is not a party to its public license",
            "creative commons notice", "exhibit a source code form license notice")


@lru_cache(maxsize=64)
def _marker_pattern(marker: str) -> re.Pattern:
    return re.compile(re.escape(marker).replace(r"\ a\ ", r"\ (?:a\ )?"))


def find_markers(text: str, markers: tuple[str, ...]) -> list[int]:
    """Where in `text` (words joined by single spaces) each of `markers` first occurs, for those
    that do; a marker's word "a" may be missing."""
    return [m.start() for marker in markers if (m := _marker_pattern(marker).search(text))]


@dataclass(frozen=True)
class Copy:
    """A copy of `license_id`'s reference text found on lines `first`..`last`; `cut` is how many
    words of its body are missing (0: the license as published)."""

    license_id: str
    first: int
    last: int
    share: float
    cut: int
    truncated: bool = False  # the text ends inside the copy: the words missing are its tail only
    added: int = 0  # words inside the copy that the reference text lacks (a paragraph of terms inserted)

    @property
    def changed(self) -> bool:
        return self.cut > 0 or self.added > 0


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


@lru_cache(maxsize=1)
def _keys_by_spdx() -> dict[str, str]:
    from licensedcode.cache import get_licenses_db

    out: dict[str, str] = {}
    for key, lic in get_licenses_db().items():
        spdx = getattr(lic, "spdx_license_key", None)
        if spdx and spdx not in out and not getattr(lic, "is_deprecated", False):
            out[spdx] = key
    return out


@lru_cache(maxsize=64)
def reference_words(license_id: str) -> tuple[str, ...]:
    """The words of the license's reference text (ScanCode's copy), empty when it has none."""
    from licensedcode.cache import get_licenses_db

    base = re.sub(r"-(?:only|or-later)$", "-only", license_id)
    key = _keys_by_spdx().get(license_id) or _keys_by_spdx().get(base)
    lic = get_licenses_db().get(key) if key else None
    return tuple(_words(getattr(lic, "text", "") or "")) if lic else ()


def is_whole_body(region: str, license_id: str, slack: int) -> bool:
    """Whether `region` is the license's reference text from its first matched word to its last,
    at most `slack` words added or missing inside (a copy without its preface or trailer, its lines
    wrapped anew): the license a title names, where ScanCode matched a sibling's text best."""
    ref, words = reference_words(license_id), _words(region)
    if not ref or not COPY_MIN_WORDS <= len(words) <= 1.1 * len(ref):
        return False
    blocks = [b for b in difflib.SequenceMatcher(None, words, ref, autojunk=False).get_matching_blocks()
              if b.size >= RUN_MIN]
    # the title over the copy matches the reference's own title, before a preface the copy leaves out
    body = next((i for i, b in enumerate(blocks) if b.size > TITLE_MAX_WORDS), len(blocks))
    title_words = sum(b.size for b in blocks[:body])
    blocks = blocks[body:]
    if not blocks:
        return False
    matched = sum(b.size for b in blocks) + title_words
    inside = blocks[-1].b + blocks[-1].size - blocks[0].b + title_words
    return len(words) - matched <= slack and inside - matched <= slack and matched >= COPY_MIN_SHARE * len(ref)


def _trailer_start(ref: tuple[str, ...]) -> int:
    text = " ".join(ref)
    starts = [len(text[:i].split()) for i in find_markers(text, TRAILERS) if i > len(text) // 2]
    return min(starts, default=len(ref))


def named_in_head(lines: list[Line]) -> list[str]:
    """The licenses the first lines of the text name (a title, "Apache License Version 2.0")."""
    # read as one line: a title may break before its version ("Apache License" / "Version 2.0, ...")
    first = []
    for line in lines:
        if line.text:
            first.append(line.text)
            if len(first) == HEAD_LINES:
                break
    head = " ".join(first)[:HEAD_CHARS]
    return list(dict.fromkeys(m.expression for m in mentions(head) if not m.ambiguous))[:MAX_NAMED]


def find_copy(lines: list[Line]) -> Copy | None:
    """The copy of a license named in the text's first lines, if the text is one (module docstring)."""
    named = [(license_id, ref) for license_id in named_in_head(lines)
             if len(ref := reference_words(license_id)) >= COPY_MIN_WORDS]
    if not named:
        return None
    most = int(COPY_SPAN * max(len(ref) for _, ref in named)) + COPY_MIN_WORDS
    words: list[str] = []
    line_of: list[int] = []
    for line in lines:
        for w in _words(line.text):
            words.append(w)
            line_of.append(line.number)
        if len(words) >= most:
            break
    if len(words) < COPY_MIN_WORDS:
        return None
    for license_id, ref in named:
        text = words[:int(COPY_SPAN * len(ref)) + COPY_MIN_WORDS]
        blocks = [b for b in difflib.SequenceMatcher(None, ref, text, autojunk=False).get_matching_blocks()
                  if b.size >= RUN_MIN]
        matched = sum(b.size for b in blocks)
        if matched < max(COPY_MIN_WORDS, COPY_MIN_SHARE * len(ref)):
            continue
        covered = set()
        for b in blocks:
            covered.update(range(b.a, b.a + b.size))
        start = min(covered)
        head = start if start <= HEAD_CUT_MAX_SHARE * len(ref) else 0
        missing = [p for p in range(head, _trailer_start(ref)) if p not in covered]
        cut = len(missing) if len(missing) >= max(BODY_SLACK_WORDS, BODY_SLACK_SHARE * len(ref)) else 0
        first = line_of[min(b.b for b in blocks)]
        end = max(b.b + b.size for b in blocks)
        last = line_of[end - 1]
        # a file cut off inside the copy (a download or an excerpt stopped mid-text): what is missing
        # lies after the last word the text has, and nothing of the text follows the copy
        inner = [p for p in missing if p < max(covered)]
        truncated = bool(cut) and len(words) < most and len(text) - end <= TRUNCATED_TAIL_WORDS and \
            len(inner) < max(BODY_SLACK_WORDS, BODY_SLACK_SHARE * len(ref))
        # a paragraph inserted between the conditions and the disclaimer ("must notify the author
        # within 30 days"): every reference word is there, and terms were added
        inside = end - min(b.b for b in blocks) - matched
        added = inside if inside >= max(BODY_SLACK_WORDS, BODY_SLACK_SHARE * len(ref)) else 0
        return Copy(license_id, first, last, matched / len(ref), cut, truncated, added)
    return None


# A notice that holds most of a short license's text (ScanCode files the zlib text without its
# third clause as a notice rule of zlib) but lacks one of its conditions is changed terms. The
# disclaimer is no condition ("IN NO EVENT SHALL ... BE LIABLE"): a copy may drop it and keep
# the permission and its conditions.
NOTICE_MIN_SHARE = 0.6
NOTICE_MIN_WORDS = 60
_CONDITION = re.compile(r"\b(?:must|may\s+not|shall\s+not|must\s+not|cannot|shall\s+(?:be\s+)?(?:retain|include|"
                        r"reproduce|display|accompan|mark|preserve)\w*)\b")


def dropped_condition(text: str, license_id: str) -> str | None:
    """The words of a condition of `license_id` that `text`, a copy of most of its reference
    text, lacks; None when it lacks none (or is no such copy)."""
    ref = reference_words(license_id)
    if len(ref) < NOTICE_MIN_WORDS:
        return None
    words = _words(text[:COPY_CHARS_PER_WORD * int(COPY_SPAN * len(ref) + COPY_MIN_WORDS)])
    blocks = [b for b in difflib.SequenceMatcher(None, ref, words, autojunk=False).get_matching_blocks()
              if b.size >= RUN_MIN]
    if sum(b.size for b in blocks) < NOTICE_MIN_SHARE * len(ref):
        return None
    covered = set()
    for b in blocks:
        covered.update(range(b.a, b.a + b.size))
    # a run of missing words between the first matched word and the trailer
    runs, run = [], []
    for p in range(min(covered), _trailer_start(ref)):
        if p in covered:
            if run:
                runs.append(run)
            run = []
        else:
            run.append(ref[p])
    runs.append(run)
    for missing in runs:
        said = " ".join(missing)
        if len(missing) >= RUN_MIN and _CONDITION.search(said):
            return said
    return None


# ScanCode holds some licenses that are an SPDX license's text with one holder's name in it (its
# xfree86-1.0 is the X11 text naming the XFree86 Project). A copy naming another holder is the
# SPDX license; these many words of the named-holder text may differ from it.
SIBLING_SLACK_WORDS = 6


@lru_cache(maxsize=64)
def spdx_sibling(key: str) -> str | None:
    """The SPDX-listed license whose reference text holds all but a few words of ScanCode license
    `key`'s text (at most SIBLING_SLACK_WORDS missing, at most 10% longer), or None."""
    from licensedcode.cache import get_licenses_db

    db = get_licenses_db()
    lic = db.get(key)
    own = tuple(_words(getattr(lic, "text", "") or "")) if lic else ()
    if len(own) < COPY_MIN_WORDS // 3:
        return None
    best, best_missing = None, SIBLING_SLACK_WORDS + 1
    for other_key, other in db.items():
        spdx = getattr(other, "spdx_license_key", None) or ""
        if other_key == key or not spdx or spdx.startswith("LicenseRef-") or getattr(other, "is_deprecated", False):
            continue
        words = _words(getattr(other, "text", "") or "")
        if not len(own) - SIBLING_SLACK_WORDS <= len(words) <= 1.1 * len(own):
            continue
        matched = sum(b.size for b in difflib.SequenceMatcher(None, own, words, autojunk=False).get_matching_blocks())
        if len(own) - matched < best_missing:
            best, best_missing = spdx, len(own) - matched
    return best
