"""The PDF reader: one document per page from the text layer, damaged and protected files
quarantined with a reason, the Info dictionary kept out of everything but known_pii."""

from __future__ import annotations

from pathlib import Path

import pytest

from curation.documents import Quarantine, RawDocument, SourceInfo
from curation.sources import discover, read_unit
from curation.sources.formats import (
    Blob,
    Budget,
    ReadContext,
    ReaderOptions,
    read_blob,
    read_member,
)
from scripts.sample_files.pdf import write_bomb_pdf, write_pdf, write_scanned_pdf

ROOT = Path(__file__).resolve().parents[1]
EN_PAGES = ["Quarterly report. Revenue grew in the Osaka office this spring.",
            "Second page: the invoices were paid on Monday."]
JA_PAGES = ["本日の会議では、大阪支社の売上について議論しました。", "次回の会議は東京本社で開催します。"]
AUTHOR = "Margaret Holloway"


def read(path: Path, **options) -> list:
    ctx = ReadContext(SourceInfo("src", license="MIT"), path.name, options=ReaderOptions(**options))
    return list(read_blob(Blob.of_file(path), ctx))


def everything_but_known_pii(item) -> str:
    return " ".join(str(v) for v in (getattr(item, "text", ""), getattr(item, "metadata", ""),
                                     getattr(item, "message", ""), item.provenance, item.path))


def test_each_english_page_is_a_document_with_its_page_number(tmp_path):
    items = read(write_pdf(tmp_path / "report.pdf", EN_PAGES))
    assert [(i.record, i.provenance) for i in items] == [(0, "page 1"), (1, "page 2")]
    assert items[0].text == EN_PAGES[0] and items[1].text == EN_PAGES[1]


def test_japanese_pages_come_out_as_written_without_spaces(tmp_path):
    items = read(write_pdf(tmp_path / "gijiroku.pdf", JA_PAGES, "ja"))
    assert [i.text for i in items] == JA_PAGES
    assert [i.provenance for i in items] == ["page 1", "page 2"]


def test_two_columns_are_read_one_after_the_other(tmp_path):
    left = " ".join(f"alpha{n}" for n in range(80))
    right = " ".join(f"omega{n}" for n in range(80))
    (item,) = read(write_pdf(tmp_path / "columns.pdf", [f"{left} {right}"], columns=2))
    words = item.text.split()
    assert words.index("alpha79") < words.index("omega0")
    assert [w for w in words if w.startswith("alpha")] == left.split()  # no line of the right column between


def test_the_author_is_known_pii_and_appears_nowhere_else(tmp_path):
    items = read(write_pdf(tmp_path / "report.pdf", EN_PAGES, author=AUTHOR))
    items += read(write_pdf(tmp_path / "gijiroku.pdf", JA_PAGES, "ja", author="山田 太郎"))
    items += read(write_pdf(tmp_path / "locked.pdf", EN_PAGES, author=AUTHOR, password="pw"))
    assert [i.known_pii for i in items if isinstance(i, RawDocument)] == [(("PERSON", AUTHOR),)] * 2 + [
        (("PERSON", "山田 太郎"),)] * 2
    for item in items:
        assert AUTHOR not in everything_but_known_pii(item) and "山田" not in everything_but_known_pii(item)
        assert "Holloway" not in repr(item)


def test_a_creator_naming_a_program_is_not_taken_for_a_person(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "made_by_word.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setCreator("Microsoft Word 2019")
    pdf.drawString(72, 720, "Minutes of the budget meeting.")
    pdf.save()
    (item,) = read(path)
    assert item.known_pii == ()


def test_a_password_protected_pdf_is_quarantined_as_encrypted(tmp_path):
    (item,) = read(write_pdf(tmp_path / "locked.pdf", EN_PAGES, password="s3cret"))
    assert isinstance(item, Quarantine) and item.reason == "encrypted_pdf" and "password" in item.message


def test_random_bytes_after_a_pdf_header_are_unreadable_pdf(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    (item,) = read(path)
    assert item.reason == "unreadable_pdf" and item.record is None


def test_a_truncated_pdf_is_unreadable_pdf(tmp_path):
    path = write_pdf(tmp_path / "report.pdf", EN_PAGES)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    (item,) = read(path)
    assert item.reason == "unreadable_pdf"


def test_the_demo_scan_is_quarantined_as_unreadable_pdf():
    (item,) = read(ROOT / "data" / "samples" / "meeting_notes_en" / "scan_0001.pdf")
    assert item.reason == "unreadable_pdf"


def test_a_flate_bomb_is_refused_before_pdfium_inflates_it(tmp_path):
    path = write_bomb_pdf(tmp_path / "bomb.pdf", inflated_mib=24, text="inside the bomb")
    assert path.stat().st_size < 64 * 1024
    ctx = ReadContext(SourceInfo("src", license="MIT"), path.name, budget=Budget(16 * 2**20))
    (item,) = read_blob(Blob.of_file(path), ctx)
    assert item.reason == "decompression_bomb" and "16 MiB" in item.message
    (under,) = read_blob(Blob.of_file(path), ReadContext(SourceInfo("src"), path.name, budget=Budget(32 * 2**20)))
    assert under.text == "inside the bomb"  # the same file under the limit: a stream that size is read


def test_a_pdf_of_countless_stream_headers_is_refused_quickly(tmp_path):
    import time

    path = tmp_path / "streams.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"stream\n\x78\x9cstream\n" * 150_000)  # 2.4 MiB, each a zlib header
    started = time.monotonic()
    (item,) = read(path)
    assert item.reason == "decompression_bomb" and "100,000 compressed streams" in item.message
    assert time.monotonic() - started < 10


def test_pages_past_max_pages_are_one_too_many_pages_item(tmp_path):
    pages = [f"Page {n} of the handbook." for n in range(1, 6)]
    items = read(write_pdf(tmp_path / "handbook.pdf", pages), max_pages=3)
    assert [type(i).__name__ for i in items] == ["RawDocument"] * 3 + ["Quarantine"]
    last = items[-1]
    assert (last.reason, last.record, last.provenance) == ("too_many_pages", 3, "page 4")
    assert "pages 4 to 5" in last.message and "inputs.max_pages" in last.message


def test_files_embedded_in_a_pdf_are_counted_in_a_quarantine_not_dropped(tmp_path):
    import pypdfium2

    path = write_pdf(tmp_path / "with_attachment.pdf", EN_PAGES)
    pdf = pypdfium2.PdfDocument(path.read_bytes())
    pdf.new_attachment("jane_roe_cv.txt").set_data(b"Jane Roe, curriculum vitae.")
    pdf.save(path)
    pdf.close()
    items = read(path)
    assert [getattr(i, "reason", "doc") for i in items] == ["doc", "doc", "pdf_attachments_unread"]
    assert items[2].record == 2 and "1 embedded file(s)" in items[2].message
    assert "jane" not in items[2].message.lower()


def test_a_blank_page_is_quarantined_as_empty_page(tmp_path):
    items = read(write_pdf(tmp_path / "gap.pdf", ["Before the gap.", "", "After the gap."]))
    assert [getattr(i, "reason", "doc") for i in items] == ["doc", "empty_page", "doc"]
    assert items[1].record == 1 and items[1].provenance == "page 2"


def test_a_text_layer_of_unmapped_glyphs_or_punctuation_is_not_taken_for_text():
    from curation.sources.formats.pdf import usable

    assert usable("Revenue grew.") and usable("本日の会議") and usable("Total 42 \ufffd")
    assert not usable(" \n ") and not usable("--- . ---")
    assert not usable("\ufffd\ufffd\ufffd a") and not usable("\ue001\ue002\ue003\x01 ab")  # no ToUnicode map


def test_a_page_is_rendered_at_300_dpi_or_less_and_never_past_25_megapixels():
    from curation.sources.formats.pdf import MAX_PAGE_PIXELS, render_scale

    assert render_scale(595.27, 841.89) * 72 == pytest.approx(300)  # A4
    for width, height in [(14_400, 14_400), (14_400, 1), (3_000, 3_000)]:  # the largest page PDF allows
        assert (width * render_scale(width, height)) * (height * render_scale(width, height)) <= MAX_PAGE_PIXELS * 1.0001
    for bad in [(0, 842), (595, -1), (float("nan"), 842), (float("inf"), 842)]:
        with pytest.raises(ValueError):
            render_scale(*bad)


def test_a_rendered_page_must_fit_in_the_file_budget(tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "scans").mkdir(parents=True)
    (inbox / "scans" / "SOURCE.yaml").write_text("license: MIT\n")
    write_scanned_pdf(inbox / "scans" / "scan.pdf", ["Invoice for the Osaka office."])
    (unit,) = discover(inbox)
    # The scan's 200 dpi image (3.9 MB inflated) passes the stream check; its 300 dpi rendering does not.
    (item,) = read_unit(unit, max_bytes=6 * 2**20)  # a 300 dpi A4 page is about 8.7 million grey pixels
    assert item.reason == "file_too_large"


def test_a_long_scan_is_bounded_per_page_not_cut_off(tmp_path):
    """Each rendered page (~8.7 MB) must fit in the budget while it is read, but pages are not summed:
    three of them in a 12 MiB budget are all read."""
    inbox = tmp_path / "inbox"
    (inbox / "scans").mkdir(parents=True)
    (inbox / "scans" / "SOURCE.yaml").write_text("license: MIT\n")
    pages = ["Invoice 4711 for the Osaka office.", "Delivery note for the Kobe office.", "Receipt for the Nara office."]
    write_scanned_pdf(inbox / "scans" / "scan.pdf", pages)
    (unit,) = discover(inbox)
    items = list(read_unit(unit, max_bytes=12 * 2**20))
    assert [i.provenance for i in items] == ["page 1 (OCR)", "page 2 (OCR)", "page 3 (OCR)"]
    assert "Nara" in items[2].text


def test_a_pdf_inside_a_container_keeps_the_member_and_page_in_its_provenance(tmp_path):
    data = write_pdf(tmp_path / "att.pdf", EN_PAGES).read_bytes()
    ctx = ReadContext(SourceInfo("mail", license="MIT"), "mail/x.eml")
    items = list(read_member(data, ".pdf", ctx, "attachment 1 (.pdf)", [0]))
    assert [(i.record, i.provenance) for i in items] == [(0, "attachment 1 (.pdf) page 1"),
                                                        (1, "attachment 1 (.pdf) page 2")]


def test_an_inbox_of_pdfs_is_read_through_read_unit(tmp_path):
    inbox = tmp_path / "inbox"
    src = inbox / "reports"
    src.mkdir(parents=True)
    (src / "SOURCE.yaml").write_text("license: MIT\n")
    write_pdf(src / "en.pdf", EN_PAGES, author=AUTHOR)
    write_pdf(src / "ja.pdf", JA_PAGES, "ja")
    write_pdf(src / "locked.pdf", EN_PAGES, password="pw")
    (src / "broken.pdf").write_bytes(b"%PDF-1.7\n\x00\x01garbage")
    got = {}
    for unit in discover(inbox):
        got[unit.path.name] = [(i.source, getattr(i, "reason", "doc"), i.provenance) for i in read_unit(unit)]
    assert got == {"en.pdf": [("reports", "doc", "page 1"), ("reports", "doc", "page 2")],
                   "ja.pdf": [("reports", "doc", "page 1"), ("reports", "doc", "page 2")],
                   "locked.pdf": [("reports", "encrypted_pdf", "")],
                   "broken.pdf": [("reports", "unreadable_pdf", "")]}


def test_a_scan_whose_only_text_layer_is_a_stamped_page_number_is_read_by_ocr(tmp_path):
    path = write_scanned_pdf(tmp_path / "scan.pdf", ["Invoice 4711 for the Osaka office."], stamp="Page {n} of 1")
    (item,) = read(path)
    assert item.provenance == "page 1 (OCR)" and "Osaka" in item.text


@pytest.mark.parametrize("options", [{"ocr": False}, {}])
def test_a_scanned_page_never_vanishes(tmp_path, options):
    (item,) = read(write_scanned_pdf(tmp_path / "scan.pdf", ["Invoice 4711 for the Osaka office."]), **options)
    assert item.provenance == "page 1 (OCR)"
    assert (item.reason == "ocr_unavailable") if options else ("Osaka" in item.text)
