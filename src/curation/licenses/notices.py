"""ScanCode's notice rules as statements, on lines no statement explained.

A notice that is most of a license's text with a condition gone is custom terms; a bare "BSD" is
`LicenseRef-BSD-unspecified` (its clause count not stated).
"""

from __future__ import annotations

import re

from curation.licenses import statements as st
from curation.licenses.copies import dropped_condition
from curation.licenses.detection import _short
from curation.licenses.full_texts import _inside
from curation.licenses.scancode_matches import _scancode_spdx
from curation.licenses.text import Line


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
