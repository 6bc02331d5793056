"""Checking a Parquet file's pages before pyarrow decodes them.

The footer's `total_uncompressed_size` is only a claim: a 10 KB zstd file whose footer declares a
few kilobytes can hold one page that inflates to 300 MiB, and pyarrow decompresses a page whole.
Each page's own header says what it inflates to, and pyarrow holds a page to that size (a page
that decompresses to more or less is an error), so the headers are what is summed here: every page
of every column chunk that will be read, walked from its offset across the chunk, without
decompressing anything. The sum of what the wanted columns' pages inflate to must fit the file
limit; the largest dictionary page is returned too, since a dictionary value can be repeated on
every row at almost no cost in the data pages (the caller sizes its batches by it).

The page headers are Thrift compact-protocol structs, read here as pyarrow's C++ Thrift reads them
(what it reads is what it allocates): field ids are 16-bit and wrap, a field whose type is not its
declared one is skipped, an i32 is 32 bits, and booleans inside lists and maps are one byte each.
Only the three i32 fields 1-3 are read; one of them with another type, given twice, or in more than
32 bits makes the header unwalkable rather than guessed at, as does any header that cannot be
walked (pyarrow would not read it either), and so does any error of the walk itself. Checking is
bounded: more than MAX_PAGES pages, MAX_CHUNKS column chunks or MAX_STEPS Thrift values in all are
refused, containers larger than the bytes left and nesting past _MAX_DEPTH too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_PAGES = 200_000
MAX_CHUNKS = 200_000  # row groups x wanted columns
MAX_STEPS = 4_000_000  # Thrift values walked in all pages together
_DICTIONARY_PAGE = 2
_MAX_DEPTH = 32
_I32 = 5
_SIZES = (1, 2, 3)  # PageHeader: type, uncompressed_page_size, compressed_page_size, all i32


class Unwalkable(ValueError):
    """A page header that cannot be read, or far too many pages."""


@dataclass(frozen=True)
class PageSizes:
    inflated: int  # what all the walked pages inflate to, by their headers
    largest_dictionary: int  # the largest dictionary page, inflated


class _Reader:
    def __init__(self, data, pos: int, end: int, steps: list[int] | None = None):
        self.data, self.pos, self.end = data, pos, end
        self.steps = steps if steps is not None else [MAX_STEPS]  # shared by all the pages of a file

    def step(self) -> None:
        self.steps[0] -= 1
        if self.steps[0] < 0:
            raise Unwalkable(f"more than {MAX_STEPS:,} values in the page headers")

    def byte(self) -> int:
        if self.pos >= self.end:
            raise Unwalkable("a page header runs past its column chunk")
        self.pos += 1
        return self.data[self.pos - 1]

    def advance(self, n: int) -> None:
        if n < 0 or n > self.end - self.pos:
            raise Unwalkable("a page header runs past its column chunk")
        self.pos += n

    def varint(self) -> int:
        shift = result = 0
        for _ in range(10):
            b = self.byte()
            result |= (b & 0x7F) << shift
            if not b & 0x80:
                return result
            shift += 7
        raise Unwalkable("a page header holds an over-long integer")

    def zigzag(self) -> int:
        n = self.varint()
        return (n >> 1) ^ -(n & 1)

    def i32(self) -> int:
        """An i32 as C++ Thrift reads it, refused where it would be cut to 32 bits."""
        n = self.varint()
        if n >> 32:
            raise Unwalkable("a page header holds an i32 wider than 32 bits")
        return (n >> 1) ^ -(n & 1)

    def size(self) -> int:
        """A container's or a binary's length (a varint32): never more than the bytes left."""
        n = self.varint()
        if n > self.end - self.pos:
            raise Unwalkable("a page header declares more than its column chunk holds")
        return n

    def skip(self, kind: int, depth: int = 0, element: bool = False) -> None:
        """Skip a value of compact type `kind`; `element`: inside a list, set or map, where a
        boolean is a byte (in a struct it is carried by the field's type)."""
        self.step()
        if depth > _MAX_DEPTH:
            raise Unwalkable("a page header is nested too deeply")
        if kind in (1, 2):
            if element:
                self.byte()
        elif kind == 3:
            self.byte()
        elif kind in (4, 5, 6):
            self.varint()
        elif kind == 7:
            self.advance(8)
        elif kind == 8:
            self.advance(self.size())
        elif kind in (9, 10):
            head = self.byte()
            count = head >> 4 if head >> 4 != 15 else self.size()
            for _ in range(count):  # each element reads a byte at least
                self.skip(head & 0x0F, depth + 1, element=True)
        elif kind == 11:
            count = self.size()
            if count:
                types = self.byte()
                for _ in range(count):
                    self.skip(types >> 4, depth + 1, element=True)
                    self.skip(types & 0x0F, depth + 1, element=True)
        elif kind == 12:
            self.struct(depth + 1)
        else:
            raise Unwalkable("a page header holds an unknown Thrift type")

    def struct(self, depth: int = 0, wanted: tuple[int, ...] = ()) -> dict[int, int]:
        """Skip a struct, returning its i32 fields whose ids are in `wanted`."""
        found, field = {}, 0
        while (kind := (head := self.byte()) & 0x0F) != 0:  # type 0 ends the struct, whatever the id
            self.step()
            delta = head >> 4
            field = field + delta if delta else self.zigzag()
            field = (field + 2**15) % 2**16 - 2**15  # C++ Thrift's field ids are int16
            if field not in wanted:
                self.skip(kind, depth)
            elif kind != _I32 or field in found:
                raise Unwalkable(f"a page header's field {field} is not one i32")
            else:
                found[field] = self.i32()
        return found


def chunk_range(column) -> tuple[int, int]:
    """Where pyarrow reads a column chunk (its `ColumnChunkMetaData`): from the dictionary page if
    it comes first, else the first data page, for `total_compressed_size` bytes."""
    start = column.data_page_offset
    dictionary = column.dictionary_page_offset
    if dictionary is not None and 0 < dictionary < start:
        start = dictionary
    return start, column.total_compressed_size


def wanted_chunks(meta, wanted: set[str]) -> list[tuple[int, int]]:
    """The (start, length) of every column chunk of the columns named in `wanted` (by their
    top-level name), refused unread past MAX_CHUNKS, or when pyarrow would read past them."""
    if _padded_by_pyarrow(meta.created_by or ""):
        raise Unwalkable("written by parquet-mr before 1.2.9, whose column chunks pyarrow reads 100 bytes past")
    columns = [c for c in range(meta.num_columns) if meta.schema.column(c).path.split(".")[0] in wanted]
    if meta.num_row_groups * len(columns) > MAX_CHUNKS:
        raise Unwalkable(f"more than {MAX_CHUNKS:,} column chunks")
    return [chunk_range(meta.row_group(g).column(c)) for g in range(meta.num_row_groups) for c in columns]


def _padded_by_pyarrow(created_by: str) -> bool:
    """pyarrow (PARQUET-816) reads up to 100 bytes past every column chunk of a file whose writer is
    parquet-mr before 1.2.9: a page could hide there. Any parquet-mr name not plainly 1.2.9 or
    later counts as such (its own version parser is not mirrored here)."""
    if "parquet-mr" not in created_by.lower():
        return False
    version = re.match(r"parquet-mr version (\d+)\.(\d+)\.(\d+)(?![\d.])", created_by)
    return version is None or tuple(map(int, version.groups())) < (1, 2, 9)


def page_sizes(data, chunks: list[tuple[int, int]]) -> PageSizes:
    """What the pages of `chunks` ((start, length) in `data`) inflate to, by their headers. Any
    failure of the walk is Unwalkable."""
    try:
        return _page_sizes(data, chunks)
    except Unwalkable:
        raise
    except Exception as exc:  # noqa: BLE001 - a walk that fails any other way is refused the same
        raise Unwalkable(f"the walk failed ({type(exc).__name__})") from exc


def _page_sizes(data, chunks: list[tuple[int, int]]) -> PageSizes:
    if len(chunks) > MAX_CHUNKS:
        raise Unwalkable(f"more than {MAX_CHUNKS:,} column chunks")
    inflated = largest_dictionary = pages = 0
    steps = [MAX_STEPS]
    for start, length in chunks:
        pos, end = max(start, 0), min(start + max(length, 0), len(data))
        while pos < end:
            pages += 1
            if pages > MAX_PAGES:
                raise Unwalkable(f"more than {MAX_PAGES:,} pages")
            reader = _Reader(data, pos, end, steps)
            header = reader.struct(wanted=_SIZES)
            kind, size, compressed = header.get(1), header.get(2), header.get(3)
            if kind is None or size is None or compressed is None or size < 0 or compressed < 0:
                raise Unwalkable("a page header without valid sizes")
            inflated += size
            if kind == _DICTIONARY_PAGE:
                largest_dictionary = max(largest_dictionary, size)
            pos = reader.pos + compressed
    return PageSizes(inflated, largest_dictionary)
