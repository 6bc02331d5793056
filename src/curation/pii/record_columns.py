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

from curation.pii.recognizers.en.table_columns import cell_spans, is_row
from curation.pii.spans import NerEntity

_DELIMITERS = (",", ";", "|", "\t")
# Rows of one shape before a column is trusted: two lines of the same count are as often prose.
_MIN_ROWS = 3
# Share of a column's name-like cells NER must have read, of one type, before the rest follow.
_MIN_SHARE = 0.5
_NAME_CELL = re.compile(r"[^\W\d_][^\d@=<>/\\]*")
_TYPES = frozenset({"PERSON", "ORGANIZATION", "LOCATION"})


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
        key, spans = _shape(line)
        if key is not None and key == shape:
            run.append(_cells(line, start, spans))
            continue
        if len(run) >= _MIN_ROWS:
            yield run
        run, shape = ([_cells(line, start, spans)] if key else []), key
    if len(run) >= _MIN_ROWS:
        yield run


def _shape(line: str):
    """(delimiter, cell count) of a record line and its cells, (None, None) for other lines."""
    for delimiter in _DELIMITERS:
        if delimiter not in line:
            continue
        spans = cell_spans(line, delimiter)
        if is_row(line, delimiter, spans):
            return (delimiter, len(spans)), spans
    return None, None


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
    """The entities the name columns of one table add (see column_names). A first row of one-word
    cells, or with no name read in it, is the header ("Nombre,Empresa,Ciudad"): no column's cell
    (NER reads some header words as names)."""
    low, high = rows[0][0][0], rows[-1][-1][1]
    inside = sorted((e for e in entities if e.label_ in _TYPES and e.end_char > low and e.start_char < high),
                    key=lambda e: e.start_char)
    covered = bytearray(high - low)
    for e in inside:
        s, t = max(e.start_char, low) - low, min(e.end_char, high) - low
        covered[s:t] = b"\x01" * (t - s)
    first = [text[c[0]:c[1]] for c in rows[0]]
    if all(" " not in cell for cell in first) or not any(covered[c[0] - low:c[1] - low].count(1) for c in rows[0]):
        rows = rows[1:]
    starts = [e.start_char for e in inside]
    out = []
    for column in range(len(rows[0])):
        named = [row[column] for row in rows if _name_like(text[row[column][0]:row[column][1]])]
        read = [c for c in named if covered[c[0] - low:c[1] - low].count(1) * 2 >= c[1] - c[0]]
        if len(read) < 2 or len(read) < _MIN_SHARE * len(named):
            continue
        votes = Counter(inside[bisect_right(starts, c[1] - 1) - 1].label_ for c in read)
        label = votes.most_common(1)[0][0]
        out += [NerEntity(label, *c) for c in named if not any(covered[c[0] - low:c[1] - low])]
    return out


def _name_like(cell: str) -> bool:
    """Whether a cell is written like a name: capitalised, letters and no digit, "@" or markup,
    not shouted (country codes, currency codes)."""
    return (len(cell) >= 3 and cell[0].isupper() and _NAME_CELL.fullmatch(cell) is not None
            and any(c.islower() for c in cell))
