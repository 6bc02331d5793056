"""ScanCode's notice rules as statements, on lines no statement explained.

A notice that is most of a license's text with a condition gone is custom terms; a bare "BSD" is
`LicenseRef-BSD-unspecified` (its clause count not stated) unless the text states the count in a
sentence it read (`with_stated_bsd_variant`). In a text that talks about several licenses for other
works (an inventory of dependencies, a comparison, a dialogue), a notice inside a sentence that names
a license without applying it is part of that talk (`catalogue_mentions`).
"""

from __future__ import annotations

import dataclasses
import re

from curation.licenses import statements as st
from curation.licenses.copies import dropped_condition
from curation.licenses.detection import _short
from curation.licenses.full_texts import _inside
from curation.licenses.names import mentions
from curation.licenses.scancode_matches import _scancode_spdx
from curation.licenses.text import Line


NOTICE_AS_TEXT_WORDS = 60  # a notice this long may be most of a short license's text (copies.dropped_condition)


# A scanner's or an inventory's words for the license found on a component ("Declared license",
# SPDX's LicenseConcluded, "Detected license"): a report on that component, not terms of this text.
_INVENTORY_LABEL = re.compile(r"^\W*(?:declared|detected|concluded|scanned|discovered)\s+licen[cs]es?\b", re.IGNORECASE)


def _notices(lines: list[Line], matches, spans, explained: set[int], threshold: float) -> list[st.Statement]:
    """ScanCode notices and tags on lines no statement explained, unless the line is talk, or a tag
    ("license: lgpl-2.1-or-later") in an inventory's row ("Declared license | LGPL-2.1-or-later")."""
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
                m.len() < 30 and any(first_no <= n <= last_no for n in explained) or \
                m.rule.is_license_tag and _INVENTORY_LABEL.match(lines[first - 1].text):
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


def with_stated_bsd_variant(notices: list[st.Statement], read: list[st.Statement]) -> list[st.Statement]:
    """A bare "BSD" notice (a pointer, "the texts are in LICENSE.BSD") as the BSD license whose
    clause count the text states in a sentence it read ("under the BSD 3-Clause license"), where it
    states one: the same text names the variant once and then points to it."""
    stated = {part for s in read for part in re.findall(r"BSD-[234]-Clause", s.expression)}
    if len(stated) != 1:
        return notices
    variant = stated.pop()
    return [dataclasses.replace(s, expression=variant, rule=f"{s.rule}; the variant the text states: {variant}")
            if s.expression == "LicenseRef-BSD-unspecified" else s for s in notices]


CATALOGUE_LICENSES = 3  # this many licenses named in sentences that apply none: the text is about licenses


def catalogue_mentions(remarks: list[st.Remark]) -> set[int]:
    """The lines of sentences that name a license without applying it, where the text's sentences
    of that kind and its talk (some there must be) name CATALOGUE_LICENSES or more licenses (an inventory of
    dependencies, a comparison, a dialogue of advice): a ScanCode notice there is a name in that
    list, not the work's license. Empty for any other text."""
    unapplied = [r for r in remarks if r.why in ("talk", "mention", "other_work")]
    named = {m.expression for r in unapplied for m in mentions(r.text)}
    # talk among them: a file of tags alone (REUSE.toml's annotations) names licenses for its parts
    if len(named) < CATALOGUE_LICENSES or not any(r.why == "talk" for r in unapplied):
        return set()
    return {n for r in unapplied if r.why == "mention" for n in range(r.first_line, max(r.last_line, r.first_line) + 1)}
