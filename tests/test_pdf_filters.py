"""A PDF stream's /Filter chain decides what PDFium inflates: bombs hidden behind ASCIIHex,
ASCII85 or RunLength are measured before PDFium opens the file, LZW is refused unmeasured, and
ordinary PDFs (reportlab's ASCII85+Flate images, the samples) still read."""

from __future__ import annotations

import time
import zlib
from pathlib import Path

import pytest
from hostile_files import write_chain_pdf

from curation.documents import SourceInfo
from curation.sources.formats import Blob, Budget, ReadContext, read_blob
from curation.sources.formats.pdfsafe import bomb_message

ROOT = Path(__file__).resolve().parents[1]
LIMIT = 16 * 2**20


def read(path: Path, limit: int = LIMIT) -> list:
    return list(read_blob(Blob.of_file(path), ReadContext(SourceInfo("src", license="MIT"), path.name,
                                                          budget=Budget(limit))))


@pytest.mark.parametrize("filters", [["ASCIIHexDecode", "FlateDecode"], ["ASCII85Decode", "FlateDecode"],
                                     ["RunLengthDecode"], ["FlateDecode", "FlateDecode"],
                                     ["ASCII85Decode", "FlateDecode", "RunLengthDecode"]])
def test_a_bomb_behind_a_filter_chain_is_refused_and_the_same_chain_under_the_limit_reads(tmp_path, filters):
    bomb = write_chain_pdf(tmp_path / "bomb.pdf", filters, inflated_mib=24, text="inside the bomb")
    (item,) = read(bomb)
    assert item.reason == "decompression_bomb" and "16 MiB" in item.message
    small = write_chain_pdf(tmp_path / "small.pdf", filters, inflated_mib=1, text="inside the file")
    (page,) = read(small)
    assert page.text == "inside the file"


@pytest.mark.parametrize("entry", [
    b"/Filter [/AHx /Fl]",  # abbreviations
    b"/Filter [/ASCIIHexDecode /Fl#61teDecode]",  # a name written with a # escape
    b"/Foo << /Filter /DCTDecode >> /Filter [/ASCIIHexDecode /FlateDecode]",  # a decoy in a nested dictionary
    b"/Filter [/ASCIIHexDecode /FlateDecode] /Foo (<< /Filter /DCTDecode >> 1 0 obj endstream)",  # a decoy string
    b"/Filter 6 0 R",  # the chain in another object
    b"/F#69lter [/AHx /Fl]",  # the key written with a # escape
    b"/Filter %c\n[/AHx /Fl]",  # a comment, whitespace to PDF, between the key and its value
    b"/Filter [/AHx %]\n/Fl]",  # a comment holding a bracket inside the array
    b"/Filter [/AHx /Fl] /Pad (" + b"x" * 70_000 + b")",  # the key far before `stream`
    b"/Filter 6 %c\n0 R",  # a comment inside the reference
    b"/Filter [/AHx /Fl] /Pad (>>\nstream\n)",  # a `stream` keyword in a string, past the real /Filter
    b"/Filter [/AHx /Fl] /Pad (/Length 2 >>\nstream\nXX\nendstream endobj 7 0 obj <<)",  # ... with its data
])
def test_the_chain_is_found_however_it_is_written(tmp_path, entry):
    bomb = write_chain_pdf(tmp_path / "bomb.pdf", ["ASCIIHexDecode", "FlateDecode"], inflated_mib=24,
                           filter_entry=entry, extra_objects=[b"[/ASCIIHexDecode /FlateDecode]"])
    (item,) = read(bomb)
    assert item.reason == "decompression_bomb"


@pytest.mark.parametrize("entry", [
    b"/Filter [/AHx 6 0 R]",  # a reference inside the array
    b"/Filter [/AHx (FlateDecode)]",  # a string inside the array
    b"/Filter (FlateDecode)",
    b"/Filter [/AHx " + b" " * 5000 + b"/Fl]",  # an array longer than the checker reads
])
def test_a_filter_entry_the_checker_cannot_read_is_refused(tmp_path, entry):
    path = write_chain_pdf(tmp_path / "odd.pdf", ["ASCIIHexDecode", "FlateDecode"], inflated_mib=0.01,
                           filter_entry=entry, extra_objects=[b"/FlateDecode"])
    (item,) = read(path)
    assert item.reason == "decompression_bomb"


def _hostile_shapes(size: int) -> bytes:
    """`size` bytes of shapes that once made the checker quadratic: unclosed arrays after `N G obj`,
    runs of /Filter keys (with and without unclosed arrays, with comments, inside one long comment)
    before many small streams."""
    small = zlib.compress(b"x")
    parts = [b"%PDF-1.4\n", b"1 0 obj [\n" * (size // 40), b"9 0 obj /FlateDecode\n"]
    stream = b"<< /Length %d /Filter 9 0 R %s>>\nstream\n%s\nendstream\n"
    for keys in (b"/Filter /Fl " * 200, b"/F#69lter%c\n/Fl " * 200, b"/Filter%" * 500 + b"\n/Fl ",
                 b"/Filter [/Fl " * 200):
        one = stream % (len(small), keys, small)
        parts.append(one * (size // 5 // len(one)))
    return b"".join(parts)


def _check_seconds(data: bytes) -> float:
    started = time.perf_counter()
    bomb_message(Blob.of_bytes(data, ".pdf"), 2**20)
    return time.perf_counter() - started


def test_the_check_takes_linear_time_on_hostile_shapes():
    small, large = _hostile_shapes(2**19), _hostile_shapes(2**21)
    assert bomb_message(Blob.of_bytes(large, ".pdf"), 2**20) is not None  # the unclosed array is refused
    small_s = min(_check_seconds(small) for _ in range(3))
    large_s = min(_check_seconds(large) for _ in range(3))
    assert large_s < 5 and large_s < 8 * small_s + 0.05, (small_s, large_s)


def test_runs_of_filter_keys_are_checked_once_each_in_linear_time():
    small = zlib.compress(b"x")
    one = b"<< /Length %d %s>>\nstream\n%s\nendstream\n" % (len(small), b"/Filter /Fl " * 5000, small)
    data = b"%PDF-1.4\n" + one * (2**21 // len(one))
    assert bomb_message(Blob.of_bytes(data, ".pdf"), 2**20) is None
    assert _check_seconds(data) < 5


def test_lzw_is_refused_unmeasured(tmp_path):
    path = write_chain_pdf(tmp_path / "lzw.pdf", [], inflated_mib=0.01, filter_entry=b"/Filter /LZWDecode")
    (item,) = read(path)
    assert item.reason == "decompression_bomb" and "LZWDecode" in item.message


def test_an_unresolvable_filter_reference_is_refused(tmp_path):
    path = write_chain_pdf(tmp_path / "ref.pdf", ["ASCIIHexDecode", "FlateDecode"], inflated_mib=0.01,
                           filter_entry=b"/Filter 99 0 R")
    (item,) = read(path)
    assert item.reason == "decompression_bomb" and "reference" in item.message


def test_a_chain_bomb_is_measured_in_bounded_time(tmp_path):
    bomb = write_chain_pdf(tmp_path / "bomb.pdf", ["ASCII85Decode", "FlateDecode"], inflated_mib=200)
    started = time.monotonic()
    (item,) = read(bomb)
    assert item.reason == "decompression_bomb" and time.monotonic() - started < 10


@pytest.mark.parametrize("sample", sorted((ROOT / "data" / "samples").glob("*/*.pdf")), ids=lambda p: p.name)
def test_the_sample_pdfs_are_not_taken_for_bombs(sample):
    items = read(sample, limit=100 * 2**20)
    assert items and all(getattr(i, "reason", "") != "decompression_bomb" for i in items)
