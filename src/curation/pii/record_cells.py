"""What NER reads of delimited records: each cell of a CSV, semicolon or pipe row apart from the next.

spaCy's tokenizer keeps "5,Rosalind" and "Asante;Volta" as one token (its infix rules split a
comma between two letters only): the model then sees a number where a name stands, and a 200 KB
export kept thousands of names raw. A delimiter written without a space after it, twice or more on
one line, separates cells; NER reads a semicolon, a pipe and a comma beside a digit of such a line
as a line break, which no entity crosses. A tab stays a tab: the model reads tab-separated cells
apart already, and with tabs as line breaks it read a TSV's one-word given names, surnames and
towns each as a short line it left unread (measured: fewer cells masked, none more). A comma between two letters stays: the tokenizer splits
it, and the model reads "Sigrid,Halvorsen" (given name, surname columns) as one person. A vCard or
calendar content line ("N:Kowalczyk;Magdalena;;;", "ATTENDEE;CN=…") is no record: its semicolons
join a property's parts. An attribute's quoted value (`cn="Ada Byron"`, `CN='Ada Byron'`) is read
without its quotes, which the tokenizer would glue to the name. One character for one: offsets stay.
(The URL rule that swallowed "Okafor,Leeds,r.okafor@example.org" whole: nlp_models.)
"""

from __future__ import annotations

import re
from collections import Counter

# A delimiter glued to the next cell: no space after it. A comma between two digits is a
# number's ("3,000", "4,5"), not a cell's end.
_GLUED = re.compile(r"(?<=[^\s\d])[,;|](?=\S)|(?<=\d)[;|](?=\S)|(?<=\d),(?=[^\s\d])")
# Beside a comma of a record line, a digit or a CSV field's quote ("14 Road, Flat 2","Leeds") ends
# a cell; between two letters the tokenizer splits the comma itself.
_BREAKS_A_COMMA = frozenset('0123456789"')
# Cells per line that make a record: one glued comma is prose or a typo ("Leeds,UK").
_MIN_CELLS = 2
# Consecutive lines of one glued delimiter each that make a two-column export.
_MIN_ROWS = 3
# A content line of a vCard or calendar record: one of those formats' property names (RFC 6350,
# RFC 5545) or an "X-" extension, after an optional "item1." group, then its parameters or value.
# Any capitalised first cell would take a row led by a code ("GB;…", "C-1001;…", "OK;…") for one.
_PROPERTIES = (
    "BEGIN END VERSION PRODID N FN NICKNAME PHOTO BDAY ANNIVERSARY GENDER ADR LABEL TEL EMAIL IMPP "
    "LANG TZ GEO TITLE ROLE LOGO ORG MEMBER RELATED CATEGORIES NOTE REV SOUND UID CLIENTPIDMAP URL "
    "KEY FBURL CALADRURI CALURI SOURCE KIND XML AGENT MAILER CLASS SORT-STRING NAME PROFILE "
    "METHOD CALSCALE ATTENDEE ORGANIZER CONTACT DTSTART DTEND DTSTAMP DUE DURATION SUMMARY "
    "DESCRIPTION LOCATION RRULE RDATE EXDATE STATUS TRANSP SEQUENCE CREATED LAST-MODIFIED "
    "RECURRENCE-ID RELATED-TO RESOURCES PRIORITY PERCENT-COMPLETE COMPLETED ATTACH COMMENT "
    "TZID TZNAME TZOFFSETFROM TZOFFSETTO TRIGGER ACTION REPEAT FREEBUSY").split()
_CONTENT_LINE = re.compile(
    r"(?:[A-Za-z0-9-]+\.)?(?:X-[A-Z0-9-]+|" + "|".join(sorted(_PROPERTIES, key=len, reverse=True)) + r")[;:]")
# An attribute's quoted value: key=, then a quote, the value on one line, the same quote.
_QUOTED_VALUE = re.compile(r"""\b[A-Za-z][\w-]{0,19}=(["'])[^\n="]{1,80}?\1""")


def record_cells(text: str) -> str:
    """`text` with each glued delimiter of a record line (two or more of the same delimiter on it)
    made a line break, and the quotes around an attribute's value made spaces."""
    glued = [m.start() for m in _GLUED.finditer(text)]
    quoted = ("=\"" in text or "='" in text) and _QUOTED_VALUE.search(text) is not None
    if len(glued) < _MIN_CELLS and not quoted:
        return text
    chars = list(text)
    if len(glued) >= _MIN_CELLS:
        for position in _record_delimiters(text, glued):
            if text[position] != "," or text[position - 1] in _BREAKS_A_COMMA or text[position + 1] in _BREAKS_A_COMMA:
                chars[position] = "\n"
    if quoted:
        for m in _QUOTED_VALUE.finditer(text):
            chars[m.start(1)] = chars[m.end() - 1] = " "
    return "".join(chars)


def _record_delimiters(text: str, glued: list[int]) -> list[int]:
    """The positions among `glued` that lie on a line with `_MIN_CELLS` or more glued delimiters
    of their own kind, or on one of `_MIN_ROWS` or more consecutive lines with one each (a
    two-column export: "41,Ada Byron", "Ada Byron;ada@example.org")."""
    per_line: Counter = Counter()
    keys = []
    ends = {}
    line, line_end = 0, text.find("\n")
    for position in glued:  # one step per glued delimiter, not per character
        while line_end != -1 and position > line_end:
            line, line_end = line_end + 1, text.find("\n", line_end + 1)
        key = (line, text[position])
        per_line[key] += 1
        keys.append(key)
        ends[line] = line_end
    pairs = _two_cell_rows({key for key, count in per_line.items() if count == 1}, ends)
    return [p for p, key in zip(glued, keys, strict=True)
            if (per_line[key] >= _MIN_CELLS or key in pairs) and not _CONTENT_LINE.match(text, key[0])]


def _two_cell_rows(single: set, ends: dict) -> set:
    """The (line, delimiter) keys of `single` (lines with one glued delimiter) that stand in a run
    of `_MIN_ROWS` or more consecutive such lines of one delimiter: one is prose ("Leeds,UK")."""
    rows: set = set()
    follows = {(ends[line] + 1, delimiter) for line, delimiter in single if ends[line] != -1}
    for key in single - follows:  # each run from its first line
        delimiter = key[1]
        run = [key]
        while ends[run[-1][0]] != -1 and (ends[run[-1][0]] + 1, delimiter) in single:
            run.append((ends[run[-1][0]] + 1, delimiter))
        if len(run) >= _MIN_ROWS:
            rows.update(run)
    return rows
