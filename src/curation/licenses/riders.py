"""Riders: sentences just after a license's text that take away what it allows (custom terms)."""

from __future__ import annotations

import re

from curation.licenses import statements as st
from curation.licenses.full_texts import _inside
from curation.licenses.text import Line


# A sentence that takes away what a license allows ("This Software may not be used to build
# weapons."), said of the work or its licensee. Not a license's own pointer lines ("You may not use
# this file except in compliance with the License").
_RIDER = re.compile(r"\b(?:may|must|shall|can)\s*not\b|\bcannot\b|\bprohibited\b|\bforbidden\b|"
                    r"\bnot\s+(?:be\s+)?(?:permitted|allowed)\b|\bonly\s+(?:be\s+)?used\b|"
                    r"てはならない|てはいけません|禁止|できません|"
                    # a governing law or a court chosen for disputes: the license's terms, now bound
                    # to one country's law (the license's own text chooses none, or another)
                    r"\bgoverned\s+by\b[^.;]{0,40}\blaws?\b|\bconstrued\s+in\s+accordance\b|\b(?:exclusive|sole)\s+jurisdiction\b|"
                    r"準拠法|管轄裁判所|専属的合意管轄", re.IGNORECASE)
_RIDER_SUBJECT = re.compile(r"\b(?:the|this)\s+(?:software|work|program|code|dataset|data|model|materials?|library|"
                            r"licen[cs]e|agreement)\b|"
                            r"\byou\b|\blicensees?\b|\brecipients?\b|本|当", re.IGNORECASE)
_POINTER = re.compile(r"except\s+in\s+compliance|unless\s+required\s+by|without\s+specific\s+prior|"
                      r"see\s+the\s+licen[cs]e|warrant", re.IGNORECASE)
RIDER_REACH = 6  # lines after a full text where an added sentence still belongs to it
RIDER_BODY_LINES = 3  # a notice this many lines long is a license's body a rider can follow


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
