"""A column of a delimited table whose cells NER mostly reads as names: its other name cells too.

In an export (CSV, semicolons, pipes, tabs) each column holds one kind of value. NER reads each
cell on its own, with no sentence around it, and leaves some names of a column unread while it
reads their neighbours ("Haifa Bay Port" below "Saigon Newport Logistics"). Where most of a
column's cells are names of one type, a cell of the same column that is written like a name
(capitalised, letters, no digit or "@") is read as one of that type too.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from curation.pii.recognizers.en.table_columns import row_shape
from curation.pii.spans import NerEntity

# Rows of one shape before a column is trusted: two lines of the same count are as often prose.
_MIN_ROWS = 3
# Share of a column's name-like cells NER must have read, of one type, before the rest follow.
_MIN_SHARE = 0.5
_NAME_CELL = re.compile(r"[^\W\d_][^\d@=<>/\\]*")
_TYPES = frozenset({"PERSON", "ORGANIZATION", "LOCATION"})
# Share of a column's name-like cells read before the rest follow where no header word says the
# column holds names.
_UNHEADED_SHARE = 0.75
# Header words of a column of people's or companies' names, or of places, in the languages of
# exports met most.
_WHO_WORDS = frozenset("""name names fullname given first last family surname forename forenames middle contact
customer client employee staff member person people holder owner account payee recipient sender author
attendee participant guest patient student user manager agent rep representative signatory applicant
company vendor supplier firm employer organisation organization org partner buyer seller tenant landlord
city town place location locality site birthplace
nombre apellido apellidos empresa ciudad vorname nachname firma stadt ort nom prénom prenom société
ville nome cognome azienda città cidade""".split())
# The words of a header over given names or surnames, alone or with "name".
_NAME_PARTS = frozenset({"first", "last", "family", "middle", "name", "names"})
_PERSON_NAME_HEADER = _NAME_PARTS | frozenset("""given surname surnames forename forenames firstname lastname
givenname familyname vorname nachname apellido apellidos prénom prenom cognome""".split())
# Other words only a header is made of: a first row with one is no data.
_HEADER_WORDS = _WHO_WORDS | frozenset("""id no nr ref code email mail phone tel mobile address street zip postcode
country dept department team role title date amount price qty status type notes note""".split())
_HEADER_SPLIT = re.compile(r"[^\w]+|_")
_CASE_CHANGE = re.compile(r"(?<=[a-z])(?=[A-Z])")


def column_names(entities: list[NerEntity], text: str) -> list[NerEntity]:
    """`entities` (offsets into `text`) and, in each table of `text`, the unread name-like cells
    of a column whose name-like cells NER mostly read as one type, under that type."""
    if text.count("\n") < _MIN_ROWS:
        return entities
    added: list[NerEntity] = []
    for rows in _tables(text):
        added += _fill(rows, entities, text)
    return entities + added if added else entities


def _tables(text: str):
    """Each run of _MIN_ROWS or more consecutive lines with the same number of cells between one
    delimiter, as a list of rows, each a list of (start, end) cells."""
    starts = [0, *_line_starts(text)]
    run: list[list[tuple[int, int]]] = []
    shape = None
    for start, end in zip(starts, [*starts[1:], len(text) + 1], strict=True):
        line = text[start:end - 1] if end <= len(text) else text[start:]
        delimiter, spans = row_shape(line)
        key = (delimiter, len(spans)) if spans else None
        if key is not None and key == shape:
            run.append(_cells(line, start, spans))
            continue
        if len(run) >= _MIN_ROWS:
            yield run
        run, shape = ([_cells(line, start, spans)] if key else []), key
    if len(run) >= _MIN_ROWS:
        yield run


def _line_starts(text: str) -> list[int]:
    out = []
    i = text.find("\n")
    while i != -1:
        out.append(i + 1)
        i = text.find("\n", i + 1)
    return out


def _cells(line: str, offset: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of each cell of `line` (at `offset`), spaces and quotes trimmed."""
    cells = []
    for a, b in spans:
        part = line[a:b]
        stripped = part.strip(" \"'\r")
        lead = part.find(stripped) if stripped else 0
        cells.append((offset + a + lead, offset + a + lead + len(stripped)))
    return cells


def _fill(rows: list[list[tuple[int, int]]], entities: list[NerEntity], text: str) -> list[NerEntity]:
    """The entities the name columns of one table add (see column_names). A column is filled where
    its header names people, companies or places and half its name-like cells were read, or, under
    any other header or none, where three in four were read as people or places: products, recipes,
    countries and currencies are read as names now and then ("Garden Hose", "Pound Sterling")."""
    low, high = rows[0][0][0], rows[-1][-1][1]
    inside = sorted((e for e in entities if e.label_ in _TYPES and e.end_char > low and e.start_char < high),
                    key=lambda e: e.start_char)
    covered = bytearray(high - low)
    for e in inside:
        s, t = max(e.start_char, low) - low, min(e.end_char, high) - low
        covered[s:t] = b"\x01" * (t - s)
    header = _header(rows[0], text, covered, low)
    if header is not None:
        rows = rows[1:]
    starts = [e.start_char for e in inside]
    out = []
    for column in range(len(rows[0])):
        named = [row[column] for row in rows if _name_like(text[row[column][0]:row[column][1]])]
        read = [c for c in named if covered[c[0] - low:c[1] - low].count(1) * 2 >= c[1] - c[0]]
        if header is not None and _names_people(header[column]):
            out += [NerEntity("PERSON", *c) for c in named if not any(covered[c[0] - low:c[1] - low])]
            continue
        if len(read) < 2 or len(read) < _MIN_SHARE * len(named):
            continue
        votes = Counter(inside[bisect_right(starts, c[1] - 1) - 1].label_ for c in read)
        label = votes.most_common(1)[0][0]
        named_by_header = header is not None and not _WHO_WORDS.isdisjoint(header[column])
        if not named_by_header and (len(read) < _MIN_ROWS or len(read) < _UNHEADED_SHARE * len(named)):
            continue
        out += [NerEntity(label, *c) for c in named if not any(covered[c[0] - low:c[1] - low])]
    return out


def _names_people(words: set[str]) -> bool:
    """Whether a header's words name a column of people's given names or surnames ("given",
    "Last Name", "surname", "Vorname"): its name-like cells are names whatever NER reads.
    "First", "Last" and "Family" alone head other columns too; with "name" they do not."""
    if not words or not words <= _PERSON_NAME_HEADER:
        return False
    return not words.isdisjoint(_PERSON_NAME_HEADER - _NAME_PARTS) or ("name" in words and not words.isdisjoint(_NAME_PARTS - {"name", "names"}))


def _header(row: list[tuple[int, int]], text: str, covered: bytearray, low: int) -> list[set[str]] | None:
    """The words of each cell of a table's first row where that row is its header: no name read in
    it, or a header word in it ("Nombre,Empresa,Ciudad": NER reads some header words as names).
    None for a first row of data: one-word names ("Evangeline,Thistlewood,Payroll") are data too."""
    words = [set(_HEADER_SPLIT.split(_CASE_CHANGE.sub(" ", text[a:b]).lower())) - {""} for a, b in row]
    if not any(covered[a - low:b - low].count(1) for a, b in row) or any(not _HEADER_WORDS.isdisjoint(w) for w in words):
        return words
    return None


def _name_like(cell: str) -> bool:
    """Whether a cell is written like a name: capitalised, letters and no digit, "@" or markup,
    not shouted (country codes, currency codes)."""
    return (len(cell) >= 3 and cell[0].isupper() and _NAME_CELL.fullmatch(cell) is not None
            and any(c.islower() for c in cell))
