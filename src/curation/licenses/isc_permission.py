"""ISC's permission sentence that ScanCode did not match: the ISC license, or ISC with changed terms.

"Permission to use, copy, modify, and/or distribute this software for any purpose with or without
fee is hereby granted, provided that the above copyright notice and this permission notice appear
in all copies." With ISC's disclaimer in place ScanCode matches the ISC text; where the disclaimer
is replaced by terms of the author's own (a limited warranty, a liability cap), ScanCode's closest
rule scores too low to count and the text would yield nothing. Those terms are ISC changed:
`LicenseRef-Custom-ISC`, ISC the hint. A text ScanCode matched (curl's, which shares the sentence)
is left to that match.
"""

from __future__ import annotations

import re

from curation.licenses.findings import Statement
from curation.licenses.restriction_phrases import NONCOMMERCIAL
from curation.licenses.text import Line

_PERMISSION = re.compile(r"permission\s+to\s+use,\s+copy,\s+modify,\s+and(?:/or)?\s+distribute\s+this\s+software\s+for\s+"
                         r"any\s+purpose\s+with\s+or\s+without\s+fee\s+is\s+hereby\s+granted,\s+provided\s+that\s+the\s+"
                         r"above\s+copyright\s+notice\s+and\s+this\s+permission\s+notice\s+appear\s+in\s+all\s+copies\.?",
                         re.IGNORECASE)
_ISC_DISCLAIMER = re.compile(r"disclaims\s+all\s+warranties\s+with\s+regard\s+to\s+this\s+software", re.IGNORECASE)
_TERMS_WORDS = 8  # words after the permission that make terms of their own (not a signature line)


def isc_permission(lines: list[Line], spans: list[tuple[int, int]]) -> list[Statement]:
    """A `license_text` statement for ISC's permission sentence outside every span ScanCode matched:
    ISC with its disclaimer, `LicenseRef-Custom-ISC` where other terms stand in its place."""
    # a sentence quoted ("> Permission to use, ...") or shown in a code block is someone's example
    # or a template, not this text's grant
    text = "\n".join("" if line.code or line.quoted else line.text for line in lines)
    found = _PERMISSION.search(" ".join(text.split("\n")))
    if not found:
        return []
    starts, at = [], 0
    for line in lines:
        starts.append(at)
        at += len(line.text) + 1
    first = lines[max(i for i, s in enumerate(starts) if s <= found.start())].number
    last = lines[max(i for i, s in enumerate(starts) if s < found.end())].number
    if any(a <= last and first <= b for a, b in spans):
        return []
    after = " ".join(text.split("\n"))[found.end():]
    if _ISC_DISCLAIMER.search(after) or len(after.split()) < _TERMS_WORDS:
        return [Statement("ISC", "license_text", "own", None, first, last, found.group(0), "ISC's permission sentence", 0.9)]
    # the author's non-commercial limit after it is left to the reader, which keeps its duty; other
    # own terms (a limited warranty) are part of this changed text
    end = last if NONCOMMERCIAL.search(after) else lines[-1].number
    return [Statement("LicenseRef-Custom-ISC", "license_text", "own", None, first, end, found.group(0),
                      "ISC's permission sentence, its disclaimer replaced by other terms", 0.9, "ISC")]
