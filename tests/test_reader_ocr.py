"""OCR with the real Tesseract: scanned PDF pages and images (PNG, JPEG, TIFF) in English and
Japanese, and every way OCR can be missing or fail ending in a quarantine with a reason."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from curation.documents import Quarantine, RawDocument, SourceInfo
from curation.sources.formats import Blob, ReadContext, ReaderOptions, read_blob
from curation.sources.formats.ocr import installed_languages, join_cjk, join_cjk_lines
from scripts.sample_files.pdf import write_image, write_scanned_pdf

EN = "Invoice 4711 for the Osaka office was paid on Monday."
JA = "請求書の支払いは大阪支社で月曜日に行いました。"


def read(path: Path, **options) -> list:
    ctx = ReadContext(SourceInfo("src", license="MIT"), path.name, options=ReaderOptions(**options))
    return list(read_blob(Blob.of_file(path), ctx))


def test_a_scanned_english_page_is_read_by_ocr(tmp_path):
    (item,) = read(write_scanned_pdf(tmp_path / "scan.pdf", [EN]))
    assert isinstance(item, RawDocument) and item.provenance == "page 1 (OCR)"
    assert {"Invoice", "4711", "Osaka", "Monday."} <= set(item.text.split())


def test_a_scanned_japanese_page_is_read_without_spaces_between_characters(tmp_path):
    items = read(write_scanned_pdf(tmp_path / "scan.pdf", ["会議の議事録です。", JA], "ja"))
    assert [i.provenance for i in items] == ["page 1 (OCR)", "page 2 (OCR)"]
    assert "議事録" in items[0].text
    assert "大阪支社" in items[1].text and "月曜日" in items[1].text and " " not in items[1].text


@pytest.mark.parametrize("fmt", ["png", "jpg", "jpeg", "tif"])
def test_an_image_is_read_by_ocr_in_english_and_japanese(tmp_path, fmt):
    (en,) = read(write_image(tmp_path / f"en.{fmt}", EN, "en"))
    (ja,) = read(write_image(tmp_path / f"ja.{fmt}", JA, "ja"))
    assert en.provenance == ja.provenance == "image (OCR)"
    assert "Osaka" in en.text and "大阪支社" in ja.text


def test_text_on_a_transparent_background_is_read(tmp_path):
    from PIL import Image

    from scripts.sample_files.pdf import render_text

    ink = render_text(EN, width_px=1400)
    clear = Image.new("RGBA", ink.size, (0, 0, 0, 0))  # transparent black, as exported diagrams are
    clear.putalpha(ink.point(lambda v: 255 - v))  # opaque only where the text is
    clear.save(tmp_path / "diagram.png")
    (item,) = read(tmp_path / "diagram.png")
    assert "Osaka" in item.text


def test_a_phone_photo_stored_sideways_is_turned_upright_by_its_exif_orientation(tmp_path):
    from PIL import Image

    from scripts.sample_files.pdf import render_text

    exif = Image.Exif()
    exif[0x0112] = 6  # "turn 90 degrees clockwise to view"
    render_text(EN, width_px=1400).rotate(90, expand=True).save(tmp_path / "photo.jpg", exif=exif)
    (item,) = read(tmp_path / "photo.jpg")
    assert "Osaka" in item.text and "Invoice" in item.text


def test_each_frame_of_a_multi_frame_tiff_is_a_document(tmp_path):
    items = read(write_image(tmp_path / "fax.tiff", ["First frame about invoices.", "二枚目は会議の記録です。"], "ja"))
    assert [(i.record, i.provenance) for i in items] == [(0, "frame 1 (OCR)"), (1, "frame 2 (OCR)")]
    assert "invoices" in items[0].text and "会議" in items[1].text


def test_frames_past_max_pages_are_one_too_many_pages_item(tmp_path):
    items = read(write_image(tmp_path / "fax.tif", ["The first frame of the fax.", "The second frame.", "The third frame."]), max_pages=1)
    assert [getattr(i, "reason", "doc") for i in items] == ["doc", "too_many_pages"]
    assert items[1].provenance == "frame 2" and "frames 2 to 3" in items[1].message


def test_exif_artist_and_copyright_owner_are_known_pii_only(tmp_path):
    path = write_image(tmp_path / "photo.jpg", EN, artist="Margaret Holloway", copyright="(c) 2024 Kenji Sato")
    (item,) = read(path)
    assert item.known_pii == (("PERSON", "Margaret Holloway"), ("PERSON", "Kenji Sato"))
    shown = f"{item.text} {item.metadata} {item.provenance}"
    assert "Holloway" not in shown and "Sato" not in shown


def test_png_author_and_windows_author_are_known_pii_only(tmp_path):
    from PIL import Image, PngImagePlugin

    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "Margaret Holloway")
    path = tmp_path / "note.png"
    Image.open(write_image(path, EN)).save(path, pnginfo=text)
    exif = Image.Exif()
    exif[0x9C9D] = "佐藤 健二".encode("utf-16-le") + b"\x00\x00"
    jpeg = tmp_path / "note.jpg"
    Image.open(path).convert("L").save(jpeg, exif=exif)
    (png,) = read(path)
    (jpg,) = read(jpeg)
    assert png.known_pii == (("PERSON", "Margaret Holloway"),) and jpg.known_pii == (("PERSON", "佐藤 健二"),)
    assert "Holloway" not in f"{png.text} {png.metadata}" and "佐藤" not in f"{jpg.text} {jpg.metadata}"


def test_ocr_turned_off_quarantines_each_scanned_page_and_image(tmp_path):
    items = read(write_scanned_pdf(tmp_path / "scan.pdf", [EN, EN]), ocr=False)
    items += read(write_image(tmp_path / "a.png", EN), ocr=False)
    assert [(i.reason, i.provenance) for i in items] == [
        ("ocr_unavailable", "page 1 (OCR)"), ("ocr_unavailable", "page 2 (OCR)"), ("ocr_unavailable", "image (OCR)")]
    assert "inputs.ocr" in items[0].message


def test_without_tesseract_on_path_ocr_is_unavailable_and_says_what_to_install(tmp_path, monkeypatch):
    scan = write_scanned_pdf(tmp_path / "scan.pdf", [EN])
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    installed_languages.cache_clear()
    (item,) = read(scan)
    assert isinstance(item, Quarantine) and item.reason == "ocr_unavailable"
    assert "install the Debian packages tesseract-ocr, tesseract-ocr-eng, tesseract-ocr-jpn" in item.message


def test_a_language_without_data_is_named_with_its_package(tmp_path):
    (item,) = read(write_image(tmp_path / "a.png", EN), ocr_languages=("eng", "deu"))
    assert item.reason == "ocr_unavailable" and "tesseract-ocr-deu" in item.message
    assert "tesseract-ocr-jpn" not in item.message


@pytest.mark.parametrize("languages", [(), ("eng", "-l jpn")])
def test_missing_or_malformed_ocr_languages_are_ocr_unavailable(tmp_path, languages):
    (item,) = read(write_image(tmp_path / "a.png", EN), ocr_languages=languages)
    assert item.reason == "ocr_unavailable" and "inputs.ocr_languages" in item.message
    assert "-l jpn" not in item.message  # a policy value is not quoted either


def test_an_inbox_of_scans_and_images_is_read_through_read_unit(tmp_path):
    from curation.sources import discover, read_unit

    src = tmp_path / "inbox" / "scans"
    src.mkdir(parents=True)
    (src / "SOURCE.yaml").write_text("license: MIT\n")
    write_scanned_pdf(src / "scan.pdf", [EN])
    write_image(src / "photo.jpeg", JA, "ja")
    write_image(src / "fax.tif", [EN, JA], "ja")
    got = {unit.path.name: [(i.source, i.provenance) for i in read_unit(unit)] for unit in discover(tmp_path / "inbox")}
    assert got == {"scan.pdf": [("scans", "page 1 (OCR)")], "photo.jpeg": [("scans", "image (OCR)")],
                   "fax.tif": [("scans", "frame 1 (OCR)"), ("scans", "frame 2 (OCR)")]}


def test_ocr_past_the_timeout_is_quarantined(tmp_path):
    from PIL import Image

    noise = random.Random(7).randbytes(4000 * 4000)  # Tesseract spends many seconds on a page of noise
    path = tmp_path / "noise.png"
    Image.frombytes("L", (4000, 4000), noise).point(lambda v: 255 * (v > 127)).save(path)
    (item,) = read(path, ocr_timeout_s=1)
    assert item.reason == "ocr_timeout" and "inputs.ocr_timeout_s" in item.message


def test_an_image_declaring_too_many_pixels_is_a_decompression_bomb(tmp_path):
    from PIL import Image

    path = tmp_path / "bomb.png"
    Image.new("1", (12_000, 12_000)).save(path)  # 144 million pixels in a few kilobytes
    assert path.stat().st_size < 100_000
    (item,) = read(path)
    assert item.reason == "decompression_bomb"


@pytest.mark.parametrize("cut", [3, 2])
def test_a_truncated_or_foreign_image_is_unreadable_image(tmp_path, cut):
    path = write_image(tmp_path / "a.jpg", EN)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // cut] if cut == 3 else b"not an image at all")
    (item,) = read(path)
    assert item.reason == "unreadable_image"


def test_spaces_between_cjk_characters_are_removed_and_others_kept():
    assert join_cjk("請求 書 の 支払 い は 月 曜日 で す 。") == "請求書の支払いは月曜日です。"
    assert join_cjk("Osaka 支社 の 売上 は 10 億円") == "Osaka 支社の売上は 10 億円"
    assert join_cjk("カタカナ ー テスト") == "カタカナーテスト"


def test_a_japanese_line_broken_by_the_layout_is_joined_but_sentences_and_paragraphs_stay():
    assert join_cjk_lines("責任者は藤井\r\n千代で、連絡は\n明日まで。\n次の議題") == "責任者は藤井千代で、連絡は明日まで。\n次の議題"
    assert join_cjk_lines("第一段落の終わり\n\n第二段落") == "第一段落の終わり\n\n第二段落"
    assert join_cjk_lines("Osaka office\nTokyo office") == "Osaka office\nTokyo office"
    assert join_cjk_lines("大阪支社\nTokyo") == "大阪支社\nTokyo"
