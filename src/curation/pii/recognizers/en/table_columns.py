"""The header above each cell of the tables in a text (TSV, CSV, semicolon and markdown tables), read once per text."""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections.abc import Iterator

_RULE_ROW = re.compile(r"[\s|:\-]*-[\s|:\-]*")  # markdown's |---|:--:| under a header


def _delimiter(line: str) -> str | None:
    """The cell delimiter of a table row: a markdown pipe, else a tab, semicolon or comma."""
    if line.lstrip().startswith("|"):
        return "|"
    return next((d for d in "\t;," if d in line), None)


class Columns:
    """The header cell above every table cell of a text: a block of consecutive lines split by one
    delimiter into one number of cells is a table, its first line (markdown: the one above the
    |---| row) the header. One pass over the text; a lookup is a bisection."""

    def __init__(self, text: str):
        self.text = text
        self.starts: list[int] = []
        self.rows: list[tuple[str, list[str]] | None] = []  # per line: (delimiter, header cells)
        shape, header, pos = None, None, 0
        for line in text.split("\n"):
            self.starts.append(pos)
            pos += len(line) + 1
            delimiter = _delimiter(line)
            if delimiter == "|" and header is not None and _RULE_ROW.fullmatch(line):
                self.rows.append(None)
                continue
            cells = line.split(delimiter) if delimiter else None
            if cells is None or (delimiter, len(cells)) != shape:
                shape, header = ((delimiter, len(cells)), cells) if cells else (None, None)
                self.rows.append(None)
            else:
                self.rows.append((delimiter, header))

    def header_of(self, start: int, end: int) -> str | None:
        """The header of the column whose cell is exactly text[start:end] (quotes and spaces
        aside), None where that span is no whole cell of a table's data row."""
        line = bisect_right(self.starts, start) - 1
        if self.rows[line] is None:
            return None
        delimiter, header = self.rows[line]
        if delimiter in self.text[start:end]:
            return None
        row_start = self.starts[line]
        before = self.text[row_start:start]
        cell_start = row_start + before.rfind(delimiter) + 1 if delimiter in before else row_start
        cell_end = self.text.find(delimiter, end)
        line_end = self.text.find("\n", end)
        cell_end = min(x for x in (cell_end, line_end, len(self.text)) if x >= 0)
        if self.text[cell_start:start].strip(_CELL_PADDING) or self.text[end:cell_end].strip(_CELL_PADDING):
            return None
        return header[before.count(delimiter)].strip(_CELL_PADDING)

    def cells(self) -> Iterator[tuple[int, int, str]]:
        """(start, end, header) of every non-empty cell of every table's data rows, the cell
        without its quotes and spaces."""
        for line, row in enumerate(self.rows):
            if row is None:
                continue
            delimiter, header = row
            start = self.starts[line]
            end = self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.text)
            for column, cell in enumerate(self.text[start:end].split(delimiter)):
                stripped = cell.strip(_CELL_PADDING)
                if stripped and column < len(header):
                    lead = len(cell) - len(cell.lstrip(_CELL_PADDING))
                    yield start + lead, start + lead + len(stripped), header[column].strip(_CELL_PADDING)
                start += len(cell) + 1


_CELL_PADDING = " \t\"'\r"


_last = threading.local()  # several recognizers ask about the same text in turn, in their own thread


def columns_of(text: str) -> Columns:
    """The table columns of `text`, read once per thread for every recognizer that asks."""
    if getattr(_last, "text", None) is not text:
        _last.columns, _last.text = Columns(text), text
    return _last.columns
