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
# A sentence that narrows who may use the work or adds a duty to the license ("the permission above is
# granted only to organisations with fewer than 250 employees", "must notify the author before
# distributing it", 「…に限ります」): a limit, where a subject says whose use it is or a label says it
# is an added term ("Additional condition:", "Restriction.", 「追加条件」)
_LIMIT = re.compile(r"\b(?:granted|apply|applies|available|permitted|allowed|licensed)\s+only\b|\bonly\s+to\b|"
                    r"\blimited\s+to\b|\brequires?\b[^.;]{0,40}\b(?:consent|permission|licen[cs]e|agreement)\b|"
                    r"\bmust\s+(?:first\s+)?(?:obtain|notify|inform|report|register|sign|pay|buy|purchase)\b|"
                    r"\bunless\b[^.;]{0,60}\b(?:agreement|licen[cs]e|consent|permission)\b|"
                    r"に限(?:り|ります|る|定)|必要があります|しなければなりません", re.IGNORECASE)
_LIMIT_SUBJECT = re.compile(r"\bpermissions?\b|\borgani[sz]ations?\b|\bcompan(?:y|ies)\b|\banyone\b|\bpersons?\b|"
                            r"\busers?\b|法人|個人|利用者", re.IGNORECASE)
_ADDED_LABEL = re.compile(r"^\W*(?:(?:additional|further|extra|supplementary|special)\s+(?:conditions?|terms?|"
                          r"restrictions?|requirements?|clauses?)|restrictions?|limitations?|in\s+addition)\b|"
                          r"^\W*(?:追加(?:条件|条項)|特約|付帯条件)", re.IGNORECASE)
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
        if near and not _inside(s.first_line, spans) and _takes_away(s.text) \
                and not _POINTER.search(s.text) and not st.mentions(s.text):
            out.append(st.Remark(s.first_line, s.text, "custom", last_line=s.last_line))
    return out


def _takes_away(sentence: str) -> bool:
    if _RIDER.search(sentence) and _RIDER_SUBJECT.search(sentence):
        return True
    return bool(_LIMIT.search(sentence)) and bool(_ADDED_LABEL.search(sentence) or _LIMIT_SUBJECT.search(sentence)
                                                   or _RIDER_SUBJECT.search(sentence))
