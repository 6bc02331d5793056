"""Checking a Parquet file's pages before pyarrow decodes them.

The footer's `total_uncompressed_size` is only a claim: a 10 KB zstd file whose footer declares a
few kilobytes can hold one page that inflates to 300 MiB, and pyarrow decompresses a page whole.
Each page's own header says what it inflates to, and pyarrow holds a page to that size (a page
that decompresses to more or less is an error), so the headers are what is summed here: every page
of every column chunk that will be read, walked from its offset across the chunk, without
decompressing anything. The sum of what the wanted columns' pages inflate to must fit the file
limit; the largest dictionary page is returned too, since a dictionary value can be repeated on
every row at almost no cost in the data pages (the caller sizes its batches by it).

The page headers are Thrift compact-protocol structs; only three fields are read, the rest are
skipped. A header that cannot be walked makes the file unreadable here (pyarrow would not read it
either). Checking is bounded: more than MAX_PAGES pages is refused unwalked.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_PAGES = 200_000
_DICTIONARY_PAGE = 2
_MAX_DEPTH = 32


class Unwalkable(ValueError):
    """A page header that cannot be read, or far too many pages."""


@dataclass(frozen=True)
class PageSizes:
    inflated: int  # what all the walked pages inflate to, by their headers
    largest_dictionary: int  # the largest dictionary page, inflated


class _Reader:
    def __init__(self, data, pos: int, end: int):
        self.data, self.pos, self.end = data, pos, end

    def byte(self) -> int:
        if self.pos >= self.end:
            raise Unwalkable("a page header runs past its column chunk")
        self.pos += 1
        return self.data[self.pos - 1]

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

    def skip(self, kind: int, depth: int = 0) -> None:
        if depth > _MAX_DEPTH:
            raise Unwalkable("a page header is nested too deeply")
        if kind in (1, 2):  # booleans inside a struct carry their value in the type
            return
        if kind == 3:
            self.byte()
        elif kind in (4, 5, 6):
            self.varint()
        elif kind == 7:
            self.pos += 8
        elif kind == 8:
            length = self.varint()  # read before pos is, which it moves
            self.pos += length
        elif kind in (9, 10):
            head = self.byte()
            size = head >> 4 if head >> 4 != 15 else self.varint()
            for _ in range(size):
                self.skip(head & 0x0F if head & 0x0F not in (1, 2) else 3, depth + 1)  # list booleans are bytes
        elif kind == 11:
            size = self.varint()
            if size:
                types = self.byte()
                for _ in range(size):
                    self.skip(types >> 4, depth + 1)
                    self.skip(types & 0x0F, depth + 1)
        elif kind == 12:
            self.struct(depth + 1)
        else:
            raise Unwalkable("a page header holds an unknown Thrift type")
        if self.pos > self.end:
            raise Unwalkable("a page header runs past its column chunk")

    def struct(self, depth: int = 0, wanted: tuple[int, ...] = ()) -> dict[int, int]:
        """Skip a struct, returning the integer fields whose ids are in `wanted`."""
        found, field = {}, 0
        while (head := self.byte()) != 0:
            delta, kind = head >> 4, head & 0x0F
            field = field + delta if delta else self.zigzag()
            if field in wanted and kind in (5, 6):
                found[field] = self.zigzag()
            else:
                self.skip(kind, depth)
        return found


def chunk_range(column) -> tuple[int, int]:
    """Where pyarrow reads a column chunk (its `ColumnChunkMetaData`): from the dictionary page if
    it comes first, else the first data page, for `total_compressed_size` bytes."""
    start = column.data_page_offset
    dictionary = column.dictionary_page_offset
    if dictionary is not None and 0 < dictionary < start:
        start = dictionary
    return start, column.total_compressed_size


def page_sizes(data, chunks: list[tuple[int, int]]) -> PageSizes:
    """What the pages of `chunks` ((start, length) in `data`) inflate to, by their headers."""
    inflated = largest_dictionary = pages = 0
    for start, length in chunks:
        pos, end = max(start, 0), min(start + max(length, 0), len(data))
        while pos < end:
            pages += 1
            if pages > MAX_PAGES:
                raise Unwalkable(f"more than {MAX_PAGES:,} pages")
            reader = _Reader(data, pos, end)
            header = reader.struct(wanted=(1, 2, 3))
            kind, size, compressed = header.get(1), header.get(2), header.get(3)
            if size is None or compressed is None or size < 0 or compressed < 0:
                raise Unwalkable("a page header without valid sizes")
            inflated += size
            if kind == _DICTIONARY_PAGE:
                largest_dictionary = max(largest_dictionary, size)
            pos = reader.pos + compressed
    return PageSizes(inflated, largest_dictionary)
