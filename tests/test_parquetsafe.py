"""The Parquet page-header walk reads the headers as pyarrow's C++ Thrift does, or refuses them:
forged field ids (16-bit in C++), fields of another type than their declared one (skipped by C++),
i32 sizes wider than 32 bits (cut by C++), boolean maps (a byte per value), deep nesting, and any
damage to a header ends in a clean walk or a refusal, quickly."""

from __future__ import annotations

import io

import pytest
from hostile_files import _varint as uv
from hostile_files import (
    forge_parquet_page_header,
    padded_tail,
    set_parquet_created_by,
    zigzag_varint,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests_helpers import deadline

from curation.documents import Quarantine
from curation.sources import discover, read_unit
from curation.sources.formats import parquetsafe
from curation.sources.formats.parquetsafe import PageSizes, Unwalkable, page_sizes

zz = zigzag_varint  # a Thrift integer; uv: a length or a count


def walk(header: bytes, data: bytes = b"") -> PageSizes:
    blob = header + data
    return page_sizes(blob, [(0, len(blob))])


def page(uncompressed: int, compressed: int, kind: int = 0) -> bytes:
    return b"\x15" + zz(kind) + b"\x15" + zz(uncompressed) + b"\x15" + zz(compressed)


def test_an_honest_header_is_walked():
    assert walk(page(10, 4) + b"\x00", b"abcd") == PageSizes(10, 0)
    assert walk(page(10, 4, kind=2) + b"\x00", b"abcd") == PageSizes(10, 10)
    # a type-0 byte ends a struct whatever its id nibble, as in C++
    assert walk(page(10, 4) + b"\x10", b"abcd") == PageSizes(10, 0)


@pytest.mark.parametrize("header, why", [
    # field 2 as an i64 (C++ skips it) and the real size under id 65538 (C++ reads it as field 2)
    (b"\x15" + zz(0) + b"\x16" + zz(1) + b"\x05" + zz(65538) + zz(2**30) + b"\x05" + zz(3) + zz(0) + b"\x00",
     "not one i32"),
    (page(10, 0) + b"\x05" + zz(2) + zz(2**30) + b"\x00", "not one i32"),  # given twice (C++ keeps the last)
    (b"\x15" + zz(0) + b"\x05" + zz(2 - 2**16) + zz(2**30) + b"\x05" + zz(2) + zz(0) + b"\x00", "not one i32"),
    (b"\x15" + zz(0) + b"\x15" + zz(5) + b"\x15" + zz(2**31 + 3)[:-1] + b"\x00", "runs past"),  # damaged, runs on
    (b"\x15" + zz(0) + b"\x15" + zz(5) + b"\x15" + padded_tail(b"", 2**32 + 6, 6) + b"\x00", "wider than 32"),
    (page(-5, 0) + b"\x00", "valid sizes"),
    (page(5, -1) + b"\x00", "valid sizes"),
    (b"\x15" + zz(0) + b"\x15" + zz(5) + b"\x00", "valid sizes"),  # no compressed size
])
def test_headers_that_cpp_thrift_reads_otherwise_are_refused(header, why):
    with pytest.raises(Unwalkable, match=why):
        walk(header)


def test_the_field_id_wraps_at_16_bits_like_cpp():
    """Id 32767 then a delta of 3 is field -32766 in C++ (skipped); a long-form id of 2**16 + 3
    is field 3."""
    header = (b"\x15" + zz(0) + b"\x15" + zz(7) + b"\x05" + zz(32767) + zz(9) + b"\x35" + zz(1)
              + b"\x05" + zz(2**16 + 3) + zz(0) + b"\x00")
    assert walk(header) == PageSizes(7, 0)
    header = b"\x15" + zz(0) + b"\x05" + zz(2 - 2**16) + zz(2**30) + b"\x15" + zz(0) + b"\x00"  # id wraps to 2
    assert walk(header) == PageSizes(2**30, 0)


@pytest.mark.parametrize("field", [
    b"\x9b" + uv(2**62) + b"\x11",  # a map of 2**62 bool->bool entries: more than the bytes left
    b"\x9b" + uv(4) + b"\x11" + b"\x01" * 3,  # four entries, two bytes each: runs past the end
    b"\x99" + b"\xf1" + uv(2**40),  # a list of 2**40 booleans
    b"\x99" + b"\xf1" + uv(200) + b"\x01" * 10,  # 200 one-byte booleans, 10 bytes left
    b"\x98" + uv(2**40),  # a binary longer than the chunk
    b"\x9c" * 200,  # structs nested 200 deep
    b"\x99" + b"\x19" * 200,  # lists of lists 200 deep
    b"\x9d" + zz(1),  # an unknown Thrift type
])
def test_unwalkable_skips_are_refused(field):
    with deadline(5), pytest.raises(Unwalkable):
        walk(page(10, 0) + field)


def test_booleans_in_maps_and_lists_are_a_byte_each():
    header = page(10, 0) + b"\x9b" + uv(2) + b"\x12" + b"\x01\x02\x01\x02" + b"\x19" + b"\x31" + b"\x01" * 3 + b"\x00"
    assert walk(header) == PageSizes(10, 0)


def test_total_work_is_bounded(monkeypatch):
    """The same chunk walked again and again (row groups may overlap) counts against one budget."""
    header = page(1, 0) + b"\x99" + b"\xf3" + uv(5000) + b"\x00" * 5000 + b"\x00"
    monkeypatch.setattr(parquetsafe, "MAX_STEPS", 100_000)
    with deadline(5), pytest.raises(Unwalkable, match="values"):
        page_sizes(header, [(0, len(header))] * 1000)
    monkeypatch.setattr(parquetsafe, "MAX_CHUNKS", 10)
    with pytest.raises(Unwalkable, match="column chunks"):
        page_sizes(header, [(0, len(header))] * 11)


def test_an_unexpected_failure_of_the_walk_is_unwalkable():
    class Broken:
        def __len__(self):
            return 100

        def __getitem__(self, i):
            raise OSError("gone")

    with pytest.raises(Unwalkable, match="OSError"):
        page_sizes(Broken(), [(0, 100)])


def _forged_field_id(typ, uncompressed, compressed, width):
    return padded_tail(b"\x15" + zz(typ) + b"\x16" + zz(1) + b"\x05" + zz(65538) + zz(uncompressed)
                       + b"\x05" + zz(3), 2 * compressed, width)


def _wide_compressed_size(typ, uncompressed, compressed, width):
    return padded_tail(b"\x15" + zz(typ) + b"\x15" + zz(uncompressed) + b"\x15", 2**32 + 2 * compressed, width)


@pytest.mark.parametrize("forge", [_forged_field_id, _wide_compressed_size])
def test_forged_page_headers_are_quarantined_before_decoding(tmp_path, monkeypatch, forge):
    """Reviewed bypasses: the walk saw 1 byte (field id) or left the chunk early (wide i32) while
    pyarrow inflated 32 MiB (330 MiB of RSS); now refused before pyarrow decodes anything."""
    import pyarrow.parquet as pq

    src = tmp_path / "inbox" / "s"
    src.mkdir(parents=True)
    (src / "SOURCE.yaml").write_text("license: MIT\n")
    path = forge_parquet_page_header(src / "forged.parquet", 32, forge)
    assert path.stat().st_size < 64 * 1024
    monkeypatch.setattr(pq.ParquetFile, "iter_batches", lambda *a, **k: pytest.fail("inflated the bomb"))
    with deadline(10):
        (item,) = [i for u in discover(tmp_path / "inbox") for i in read_unit(u, max_bytes=2**20)]
    assert isinstance(item, Quarantine) and item.reason == "unreadable_parquet"


def test_a_bool_map_in_a_page_header_is_quarantined_not_a_hang(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    src = tmp_path / "inbox" / "s"
    src.mkdir(parents=True)
    (src / "SOURCE.yaml").write_text("license: MIT\n")
    path = src / "map.parquet"
    pq.write_table(pa.table({"text": ["hello"] * 10}), path)
    raw = bytearray(path.read_bytes())
    start = pq.ParquetFile(path).metadata.row_group(0).column(0).data_page_offset
    hdr = b"\x9b" + uv(2**62) + b"\x11"
    raw[start:start + len(hdr)] = hdr
    path.write_bytes(bytes(raw))
    with deadline(10):
        (item,) = [i for u in discover(tmp_path / "inbox") for i in read_unit(u)]
    assert isinstance(item, Quarantine) and item.reason == "unreadable_parquet"


@pytest.mark.parametrize("created_by, refused", [
    ("parquet-mr version 1.2.8", True), ("parquet-mr version 1.2", True), ("Parquet-MR version 1.1.0 (build x)", True),
    ("parquet-mr version 1.12.3 (build d43b8e1)", False), ("parquet-cpp-arrow version 26.0.1", False)])
def test_old_parquet_mr_files_are_refused_since_pyarrow_reads_past_their_chunks(tmp_path, created_by, refused):
    """PARQUET-816: pyarrow reads up to 100 bytes past each column chunk of parquet-mr before
    1.2.9, where a page the walk never sees could hide."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    src = tmp_path / "inbox" / "s"
    src.mkdir(parents=True)
    (src / "SOURCE.yaml").write_text("license: MIT\n")
    pq.write_table(pa.table({"text": ["hello"] * 3}), src / "old.parquet")
    set_parquet_created_by(src / "old.parquet", created_by)
    items = [i for u in discover(tmp_path / "inbox") for i in read_unit(u)]
    if refused:
        assert [(type(i), i.reason) for i in items] == [(Quarantine, "unreadable_parquet")]
        assert "1.2.9" in items[0].message
    else:
        assert [i.text for i in items] == ["hello"] * 3


def _honest_file() -> tuple[bytes, list[tuple[int, int]], int]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    buf = io.BytesIO()
    pq.write_table(pa.table({"text": ["hello world"] * 50, "n": list(range(50))}), buf, compression="zstd",
                   data_page_size=64, write_page_checksum=True)
    data = buf.getvalue()
    meta = pq.ParquetFile(io.BytesIO(data)).metadata
    chunks = [parquetsafe.chunk_range(meta.row_group(0).column(c)) for c in range(meta.num_columns)]
    return data, chunks, chunks[0][0]


HONEST = _honest_file()


@settings(max_examples=300, deadline=1000, suppress_health_check=[HealthCheck.too_slow])
@given(edits=st.lists(st.tuples(st.integers(0, 63), st.integers(0, 255)), min_size=1, max_size=8))
def test_fuzz_mutated_page_headers_end_in_a_walk_or_a_refusal(edits):
    data, chunks, start = HONEST
    raw = bytearray(data)
    for at, value in edits:
        raw[start + at] = value
    try:
        sizes = page_sizes(bytes(raw), chunks)
    except Unwalkable:
        return
    assert sizes.inflated >= 0 and sizes.largest_dictionary >= 0
