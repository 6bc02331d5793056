"""Checking a PDF's compressed streams before PDFium opens it.

PDFium inflates a stream whole, in memory, when it needs it: a 400 KB PDF whose page content is
400 MB of Flate-compressed spaces costs 800 MB to read, and a file at the policy's size limit could
cost a hundred times its size. So every Flate (zlib) stream is first inflated here by counting alone,
in chunks, without keeping the output: a stream that inflates past the file limit
(`inputs.max_file_mb`), or streams that inflate past STREAMS_FACTOR times it in all, make the file a
decompression bomb. Legitimate scans are not charged for this (their page images are charged when
rendered), so a long scanned PDF is not refused for its images' size.

Checking is bounded too: only stream data that opens with a valid zlib header is inflated, and a
file with more than MAX_STREAMS such streams is refused unread.

Not covered (PDFium still decodes these unchecked): streams encrypted with an owner password only,
streams whose first filter is not Flate (ASCII85 then Flate, LZW), and image codecs (JPEG, JBIG2).
"""

from __future__ import annotations

import mmap
import re
import zlib

from curation.sources.formats.base import Blob

STREAMS_FACTOR = 32
MAX_STREAMS = 100_000
# A stream's data that opens with a zlib header: method 8 (deflate) and a window of at most 32 KiB.
_STREAM = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)(?=[\x08\x18\x28\x38\x48\x58\x68\x78].)", re.DOTALL)
_CHUNK = 1 << 16
_STEP = 1 << 20


def inflated_size(data, start: int, cap: int) -> int:
    """How many bytes the zlib stream at `data[start:]` inflates to, counted up to just past `cap`;
    0 when no zlib stream starts there (another filter, an image codec, encrypted data)."""
    inflater = zlib.decompressobj()
    size, pos = 0, start
    try:
        while pos < len(data) and not inflater.eof and size <= cap:
            pending = data[pos:pos + _CHUNK]
            pos += _CHUNK
            while pending and size <= cap and not inflater.eof:  # past the end, the tail stays put
                size += len(inflater.decompress(pending, _STEP))
                pending = inflater.unconsumed_tail
    except zlib.error:  # not zlib, or damaged past this point: PDFium will find no more either
        pass
    return size


def bomb_message(blob: Blob, limit: int) -> str | None:
    """Why the PDF in `blob` must not be opened, as a sentence, or None. `limit` is the file limit."""
    with blob.open() as fh:
        if blob.data is not None:
            return _check(blob.data, limit)
        try:
            view = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except (ValueError, OSError):  # an empty file cannot be mapped: PDFium says what it is
            return None
        with view:
            return _check(view, limit)


def _check(data, limit: int) -> str | None:
    total, mib, view = 0, limit / 2**20, memoryview(data)  # slices of a view copy nothing
    for count, match in enumerate(_STREAM.finditer(data)):
        start = match.end()
        if (data[start] * 256 + data[start + 1]) % 31:  # the header's own check: not zlib
            continue
        if count >= MAX_STREAMS:
            return (f"more than {MAX_STREAMS:,} compressed streams, far more than a document holds; "
                    "not opened (a decompression bomb or a damaged file)")
        size = inflated_size(view, start, limit)
        if size > limit:
            return (f"a compressed stream in the PDF inflates past the policy's limit of {mib:.0f} MiB "
                    "(inputs.max_file_mb), a decompression bomb; not opened")
        total += size
        if total > STREAMS_FACTOR * limit:
            return (f"the PDF's compressed streams inflate to more than {STREAMS_FACTOR} times the policy's "
                    f"limit of {mib:.0f} MiB (inputs.max_file_mb), a decompression bomb; not opened")
    return None
