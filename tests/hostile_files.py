"""Builders of hostile files for the hostile-inbox and reader tests: PDF streams hidden behind
filter chains, and a Parquet file whose footer under-declares what its pages inflate to."""

from __future__ import annotations

import base64
import binascii
import re
import zlib
from pathlib import Path

from scripts.sample_files.pdf import write_pdf_objects

# What each filter's encoder does (the decoder undoes it): a chain [/A /B] is decoded A then B.
ENCODERS = {
    "ASCIIHexDecode": lambda data: binascii.hexlify(data) + b">",
    "ASCII85Decode": lambda data: base64.a85encode(data) + b"~>",
    "FlateDecode": lambda data: zlib.compress(data, 9),
    "RunLengthDecode": lambda data: b"".join(_runs(data)) + b"\x80",
}


def _runs(data: bytes):
    for run in re.finditer(rb"(.)\1{0,127}", data, re.DOTALL):  # a byte and up to 127 repeats
        n = len(run.group())
        yield bytes([257 - n, run.group()[0]]) if n > 1 else bytes([0, run.group()[0]])


def write_chain_pdf(path: Path, filters: list[str], inflated_mib: float, text: str = "hello", *,
                    filter_entry: bytes | None = None, extra_objects: list[bytes] = (),
                    info: bytes | None = None) -> Path:
    """A one-page PDF whose content stream is `inflated_mib` MiB of spaces then `text`, encoded
    through `filters` (decoded in that order). `filter_entry` replaces the written /Filter entry
    (a decoy, an abbreviation, a reference to an extra object, numbered from 6)."""
    data = b" " * int(inflated_mib * 2**20) + b"BT /F1 12 Tf 72 720 Td (%s) Tj ET" % text.encode("ascii")
    for name in reversed(filters):
        data = ENCODERS[name](data)
    entry = filter_entry if filter_entry is not None else \
        b"/Filter [%s]" % b" ".join(b"/" + f.encode() for f in filters)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(data), entry, data),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", *extra_objects]
    if info is not None:
        objects.append(info)
    path = write_pdf_objects(path, objects)
    if info is not None:  # the trailer names the Info dictionary (the last object)
        raw = Path(path).read_bytes().replace(b"/Root 1 0 R", b"/Root 1 0 R /Info %d 0 R" % len(objects))
        Path(path).write_bytes(raw)
    return path


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        out.append((n & 0x7F) | (0x80 if n > 0x7F else 0))
        n >>= 7
        if not n:
            return bytes(out)


def _padded_varint(n: int, width: int) -> bytes:
    """`n` as a varint of exactly `width` bytes (Thrift readers accept over-long varints)."""
    out = bytearray(_varint(n))
    assert len(out) <= width
    out[-1] |= 0x80
    out += b"\x80" * (width - len(out) - 1) + b"\x00"
    return bytes(out)


def write_lying_parquet(path: Path, inflated_mib: int, declared: int = 1000, column: str = "text") -> Path:
    """A zstd Parquet file of one page that inflates to `inflated_mib` MiB (1 MiB rows of spaces), whose
    footer declares `declared` bytes for the column chunk and the row group: the footer's Thrift
    integers are rewritten in place, each an over-long varint of the same width."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({column: pa.array([" " * 2**20] * inflated_mib)})
    pq.write_table(table, path, compression="zstd", compression_level=19, use_dictionary=False,
                   data_page_size=2**31 - 1, write_statistics=False, row_group_size=inflated_mib)
    meta = pq.ParquetFile(path).metadata
    real = {meta.row_group(0).column(0).total_uncompressed_size, meta.row_group(0).total_byte_size}
    raw = bytearray(Path(path).read_bytes())
    footer_len = int.from_bytes(raw[-8:-4], "little")
    start = len(raw) - 8 - footer_len
    footer = bytes(raw[start:-8])
    for value in real:
        encoded = b"\x16" + _varint(value * 2)  # field delta 1, type i64; zigzag of a positive value
        assert encoded in footer
        footer = footer.replace(encoded, b"\x16" + _padded_varint(declared * 2, len(encoded) - 1))
    raw[start:-8] = footer
    Path(path).write_bytes(bytes(raw))
    forged = pq.ParquetFile(path).metadata
    assert forged.row_group(0).column(0).total_uncompressed_size == declared
    return Path(path)


def set_office_title(path: Path, title: str) -> None:
    """Set the core property `title` of a .docx, .pptx or .xlsx (the sample builders do not)."""
    if path.suffix == ".docx":
        import docx

        document = docx.Document(str(path))
        document.core_properties.title = title
        document.save(str(path))
    elif path.suffix == ".pptx":
        import pptx

        presentation = pptx.Presentation(str(path))
        presentation.core_properties.title = title
        presentation.save(str(path))
    else:
        import openpyxl

        workbook = openpyxl.load_workbook(path)
        workbook.properties.title = title
        workbook.save(path)


def _zz(n: int) -> bytes:
    return _varint(2 * n if n >= 0 else -2 * n - 1)


def forge_parquet_page_header(path: Path, inflated_mib: int, fields) -> Path:
    """A zstd Parquet file of one page that inflates to `inflated_mib` MiB (1 MiB rows of spaces), whose
    page header's fields 1-4 (type, uncompressed and compressed size, crc) are replaced in place by
    `fields(type, uncompressed, compressed, width)`: Thrift compact bytes of exactly `width` bytes
    whose last field is 3, after which the data page header (field 5) is given by a delta of 2."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"text": pa.array([" " * 2**20] * inflated_mib)}), path, compression="zstd",
                   compression_level=19, use_dictionary=False, data_page_size=2**31 - 1,
                   write_statistics=False, row_group_size=inflated_mib, write_page_checksum=True)
    raw = bytearray(Path(path).read_bytes())
    start = pq.ParquetFile(path).metadata.row_group(0).column(0).data_page_offset
    pos, values = start, []
    for _ in range(4):  # four i32 fields, delta 1 each
        assert raw[pos] == 0x15
        pos += 1
        n = shift = 0
        while True:
            n |= (raw[pos] & 0x7F) << shift
            pos += 1
            shift += 7
            if not raw[pos - 1] & 0x80:
                break
        values.append((n >> 1) ^ -(n & 1))
    assert raw[pos] == 0x1C  # field 5, a struct
    struct5 = b"\x2c"
    new = fields(values[0], values[1], values[2], pos + 1 - start - len(struct5)) + struct5
    assert len(new) == pos + 1 - start, (len(new), pos + 1 - start)
    raw[start:pos + 1] = new
    Path(path).write_bytes(bytes(raw))
    return Path(path)


def zigzag_varint(n: int) -> bytes:
    """A Thrift compact integer: `n` zigzagged, as a varint."""
    return _zz(n)


def padded_tail(prefix: bytes, raw: int, width: int) -> bytes:
    """`prefix` then the varint `raw` (already zigzagged) padded so that both are `width` bytes."""
    room = width - len(prefix)
    return prefix + (_varint(raw) if room == len(_varint(raw)) else _padded_varint(raw, room))


def set_parquet_created_by(path: Path, created_by: str) -> Path:
    """Rewrite the footer's `created_by` (the writer's name and version) of a pyarrow-written file."""
    import pyarrow.parquet as pq

    raw = Path(path).read_bytes()
    old = pq.ParquetFile(path).metadata.created_by.encode()
    length = int.from_bytes(raw[-8:-4], "little")
    footer = raw[-8 - length:-8]
    at = footer.index(_varint(len(old)) + old)
    footer = footer[:at] + _varint(len(created_by.encode())) + created_by.encode() + footer[at + len(old) + 1:]
    Path(path).write_bytes(raw[:-8 - length] + footer + len(footer).to_bytes(4, "little") + b"PAR1")
    assert pq.ParquetFile(path).metadata.created_by == created_by
    return Path(path)
