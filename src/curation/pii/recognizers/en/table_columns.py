"""The header above each cell of the tables in a text (TSV, CSV, semicolon and markdown tables), read once per text."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from curation.pii.text_memo import once_per_text

_RULE_ROW = re.compile(r"[\s|:\-]*-[\s|:\-]*")  # markdown's |---|:--:| under a header


# A CSV field in double quotes: it may hold the delimiter ("Last, First") and doubled quotes.
_QUOTED_FIELD = re.compile(r'"(?:[^"\n]|"")*"')


def cell_spans(line: str, delimiter: str) -> list[tuple[int, int]]:
    """(start, end) in `line` of each cell between `delimiter`s, read as CSV reads it: a delimiter
    inside a double-quoted field is part of the field. The one cell splitter of every table reader."""
    spans, start, n = [], 0, len(line)
    while True:
        at = start
        while at < n and line[at] == " ":
            at += 1
        quoted = _QUOTED_FIELD.match(line, at) if at < n and line[at] == '"' else None
        end = line.find(delimiter, quoted.end() if quoted else start)
        if end == -1:
            spans.append((start, n))
            return spans
        spans.append((start, end))
        start = end + len(delimiter)


def is_row(line: str, delimiter: str, spans: list[tuple[int, int]]) -> bool:
    """Whether `line`, cut into `spans` by `delimiter`, is a table row: three cells or more, or
    two where the delimiter is a tab, a pipe or glued to the next cell. An export writes
    "41,Ada Byron"; prose writes "Rain falls, softly here", one comma and a space."""
    if len(spans) >= 3:
        return True
    return len(spans) == 2 and (delimiter in "\t|" or not line[spans[1][0]:spans[1][0] + 1].isspace())


# Cell delimiters in the order a tie between them is settled: a tab or a semicolon is chosen over
# a comma, as a semicolon export writes decimal commas ("Ada Lind;NO;22 150,00;NOK").
_DELIMITERS = ("\t", ";", ",", "|")


def row_shape(line: str) -> tuple[str | None, list[tuple[int, int]] | None]:
    """The cell delimiter of a table row and its cell spans, (None, None) for a line that is no
    row: a markdown row's pipe, else of the delimiters in the line the one that cuts it into the
    most cells of a row (is_row). A tab that makes a row wins: a TSV's notes cell may hold more
    commas than the row has tabs ("likes apples, pears, plums"), and no text writes tabs inside a
    comma-separated cell. The one delimiter chooser of every table reader."""
    if line.lstrip().startswith("|"):
        spans = cell_spans(line, "|")
        return ("|", spans) if is_row(line, "|", spans) else (None, None)
    if "\t" in line and is_row(line, "\t", spans := cell_spans(line, "\t")):
        return "\t", spans
    best, best_spans = None, None
    for delimiter in _DELIMITERS:
        if delimiter not in line:
            continue
        spans = cell_spans(line, delimiter)
        if is_row(line, delimiter, spans) and (best_spans is None or len(spans) > len(best_spans)):
            best, best_spans = delimiter, spans
    return best, best_spans


# An SQL dump is a table too: the column list of "INSERT INTO t (id, name, dob) VALUES" is its header
# and each "(1, 'Ada', '1990-01-02')," line a row. Only the part inside the parentheses is cut into
# cells, so the "INSERT INTO t (" and the "),"/");" after the last value do not change the row's shape.
_SQL_HEADER = re.compile(r"[ \t]*(?i:insert[ \t]+into)[ \t]+[\w`\".\[\]]+[ \t]*\((.+)\)[ \t]*(?i:values)[ \t]*\(?[ \t]*\r?")
_SQL_ROW = re.compile(r"[ \t]*\((.+)\)[ \t]*[,;]?[ \t]*\r?")


def row_body(line: str) -> tuple[int, str]:
    """(offset, part) of `line` that holds its cells: the parenthesised column list of an SQL
    INSERT or the values of an SQL row, else the whole line."""
    sql = _SQL_HEADER.fullmatch(line) or _SQL_ROW.fullmatch(line)
    return (sql.start(1), sql.group(1)) if sql else (0, line)


class Columns:
    """The header cell above every table cell of a text: a block of consecutive lines split by one
    delimiter into one number of cells is a table, its first line (markdown: the one above the
    |---| row) the header. One pass over the text; a lookup is a bisection."""

    def __init__(self, text: str):
        self.text = text
        self.starts: list[int] = []
        # per line: (header cells, this line's cell spans in the text), None outside a table's data
        self.rows: list[tuple[list[str], list[tuple[int, int]]] | None] = []
        shape, header, pos = None, None, 0
        for line in text.split("\n"):
            start = pos
            self.starts.append(start)
            pos += len(line) + 1
            if header is not None and line.lstrip().startswith("|") and _RULE_ROW.fullmatch(line):
                self.rows.append(None)
                continue
            offset, body = row_body(line)
            delimiter, spans = row_shape(body)
            if spans is None or (delimiter, len(spans)) != shape:
                shape = (delimiter, len(spans)) if spans else None
                header = [body[a:b].strip(_CELL_PADDING) for a, b in spans] if spans else None
                self.rows.append(None)
            else:
                self.rows.append((header, [(start + offset + a, start + offset + b) for a, b in spans]))

    def header_of(self, start: int, end: int) -> str | None:
        """The header of the column whose cell is exactly text[start:end] (quotes and spaces
        aside), None where that span is no whole cell of a table's data row."""
        line = bisect_right(self.starts, start) - 1
        if self.rows[line] is None:
            return None
        header, spans = self.rows[line]
        for column, (cell_start, cell_end) in enumerate(spans):
            if cell_start <= start and end <= cell_end:
                if self.text[cell_start:start].strip(_CELL_PADDING) or self.text[end:cell_end].strip(_CELL_PADDING):
                    return None
                return header[column]
        return None

    def cells(self) -> Iterator[tuple[int, int, str]]:
        """(start, end, header) of every non-empty cell of every table's data rows, the cell
        without its quotes and spaces."""
        for row in self.rows:
            if row is None:
                continue
            header, spans = row
            for column, (start, end) in enumerate(spans):
                cell = self.text[start:end]
                stripped = cell.strip(_CELL_PADDING)
                if stripped:
                    lead = len(cell) - len(cell.lstrip(_CELL_PADDING))
                    yield start + lead, start + lead + len(stripped), header[column]


_CELL_PADDING = " \t\"'`\r"  # a backtick quotes an SQL column name


@once_per_text
def columns_of(text: str) -> Columns:
    """The table columns of `text`, read once per text and thread for every recognizer that asks."""
    return Columns(text)
