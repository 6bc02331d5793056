"""A PDF stream's /Filter chain decides what PDFium inflates: bombs hidden behind ASCIIHex,
ASCII85 or RunLength are measured before PDFium opens the file, LZW is refused unmeasured, and
ordinary PDFs (reportlab's ASCII85+Flate images, the samples) still read."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hostile_files import write_chain_pdf

from curation.documents import SourceInfo
from curation.sources.formats import Blob, Budget, ReadContext, read_blob

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
])
def test_the_chain_is_found_however_it_is_written(tmp_path, entry):
    bomb = write_chain_pdf(tmp_path / "bomb.pdf", ["ASCIIHexDecode", "FlateDecode"], inflated_mib=24,
                           filter_entry=entry, extra_objects=[b"[/ASCIIHexDecode /FlateDecode]"])
    (item,) = read(bomb)
    assert item.reason == "decompression_bomb"


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
