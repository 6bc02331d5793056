"""Text that is not UTF-8: decoded in the encoding detection finds, named in the provenance, or
quarantined as uncertain_encoding when detection is not sure enough."""

from __future__ import annotations

import json
import random

import pytest

from curation.documents import Quarantine, RawDocument, SourceInfo
from curation.sources import discover, read_unit
from curation.sources.formats import Blob, ReadContext, ReaderOptions, read_blob
from scripts.sample_files.encodings import encoded, write_text

JA = ("お世話になっております。株式会社サンプルの山田です。\n"
      "来週の会議の件でご連絡いたしました。資料を添付いたしますので、ご確認ください。")
EN = "The naïve café’s “quarterly” résumé — costs rose by €5 per façade, as Müller agreed."


def read(data: bytes, suffix: str = ".txt", text_field: str = "text", **options) -> list:
    ctx = ReadContext(SourceInfo(name="src", license="MIT", text_field=text_field), f"src/f{suffix}",
                      options=ReaderOptions(**options))
    return list(read_blob(Blob.of_bytes(data, suffix), ctx))


@pytest.mark.parametrize("encoding", ["cp932", "shift_jis", "euc_jp", "iso2022_jp", "utf_16_le", "utf_16_be",
                                      "utf_32_le"])
def test_japanese_legacy_and_bom_files_become_documents_with_exact_text(encoding):
    (doc,) = read(encoded(JA, encoding))
    assert isinstance(doc, RawDocument) and doc.text == JA
    expected = {"shift_jis": "cp932"}.get(encoding, encoding)  # CP932 is Shift_JIS as Windows extends it
    assert doc.provenance.startswith(f"decoded from {expected}, ")


def test_provenance_gives_the_detected_encoding_and_its_confidence():
    (doc,) = read(encoded(JA, "cp932"))
    assert doc.provenance.startswith("decoded from cp932, confidence ")
    assert 0.8 <= float(doc.provenance.rsplit(" ", 1)[1]) <= 1.0


def test_western_cp1252_text_becomes_a_document():
    (doc,) = read(encoded(EN, "cp1252"))
    assert isinstance(doc, RawDocument) and doc.text == EN
    assert doc.provenance.startswith("decoded from cp1252, confidence ")


def test_iso_2022_jp_is_not_taken_for_utf8_although_it_is_7_bit():
    data = encoded(JA, "iso2022_jp")
    data.decode("utf-8")  # valid UTF-8, escapes and all
    (doc,) = read(data)
    assert doc.text == JA and "\x1b" not in doc.text
    assert doc.provenance == "decoded from iso2022_jp, escape sequences"


def test_utf8_keeps_no_decoding_provenance():
    (doc,) = read(JA.encode("utf-8"))
    assert doc.text == JA and doc.provenance == ""


def test_random_high_bytes_are_quarantined_as_uncertain_encoding():
    rnd = random.Random(3)
    (item,) = read(bytes(rnd.randrange(0x80, 0x100) for _ in range(600)))
    assert isinstance(item, Quarantine) and item.reason == "uncertain_encoding"
    assert "cp932, euc_jp, cp1252, latin_1" in item.message  # what was tried
    assert "inputs.encoding_min_confidence" in item.message and "re-save it as UTF-8" in item.message


def test_ambiguous_short_text_names_its_top_candidates():
    # Six bytes that read as Japanese in CP932 and as Latin letters in CP1252 equally well.
    (item,) = read(encoded("会議は2026-", "cp932"))
    assert item.reason == "uncertain_encoding"
    assert "candidates: cp932 0.50, cp1252 0.50" in item.message
    assert "会議" not in item.message and "2026" not in item.message


def test_the_policy_floor_decides_what_is_uncertain():
    data = encoded("会議は2026-", "cp932")
    (doc,) = read(data, encoding_min_confidence=0.5)
    assert isinstance(doc, RawDocument) and doc.provenance == "decoded from cp932, confidence 0.50"


def test_utf16_with_bom_passes_the_nul_check_and_without_bom_stays_binary():
    (doc,) = read(encoded(JA, "utf_16_le"))
    assert isinstance(doc, RawDocument)
    (item,) = read(encoded(JA, "utf_16_le", bom=False))
    assert item.reason == "binary_file"


def test_cp932_csv_rows_are_documents_with_the_encoding_in_their_provenance():
    rows = "id,text\n1,山田様、お世話になっております。\n2,見積書を添付いたします。ご確認ください。\n"
    docs = read(encoded(rows, "cp932"), ".csv")
    assert [d.text for d in docs] == ["山田様、お世話になっております。", "見積書を添付いたします。ご確認ください。"]
    assert all(d.provenance.startswith("decoded from cp932, confidence ") for d in docs)


def test_utf16_csv_with_bom_is_read():
    docs = read(encoded("id,text\n1,日本語の行です。\n", "utf_16_le"), ".csv")
    assert [d.text for d in docs] == ["日本語の行です。"] and docs[0].provenance.startswith("decoded from utf_16_le")


def test_jsonl_stays_utf8_and_says_so_per_line():
    good = json.dumps({"text": "一行目"}, ensure_ascii=False).encode()
    bad = json.dumps({"text": "二行目"}, ensure_ascii=False).encode("cp932")
    doc, item = read(good + b"\n" + bad + b"\n", ".jsonl")
    assert isinstance(doc, RawDocument) and item.reason == "not_utf8" and item.record == 1
    assert "JSON Lines files are UTF-8 by their specification" in item.message


def test_utf16_jsonl_is_one_not_utf8_item():
    (item,) = read(encoded('{"text": "一行目"}\n{"text": "二行目"}\n', "utf_16_le"), ".jsonl")
    assert item.reason == "not_utf8" and "byte order mark" in item.message


def test_inbox_of_legacy_encodings_through_discover_and_read_unit(tmp_path):
    src = tmp_path / "inbox" / "mail_ja"
    src.mkdir(parents=True)
    (src / "SOURCE.yaml").write_text("license: MIT\n")
    files = {"sjis.txt": "cp932", "euc.txt": "euc_jp", "jis.txt": "iso2022_jp", "unicode.txt": "utf_16_le",
             "western.md": "cp1252"}
    for name, encoding in files.items():
        write_text(src / name, EN if encoding == "cp1252" else JA, encoding)
    items = {i.path.rsplit("/", 1)[1]: i for unit in discover(tmp_path / "inbox") for i in read_unit(unit)}
    assert set(items) == set(files)
    for name, encoding in files.items():
        assert isinstance(items[name], RawDocument), name
        assert items[name].text == (EN if encoding == "cp1252" else JA)
        assert items[name].provenance.startswith(f"decoded from {encoding}, ")


def test_a_large_file_broken_after_its_first_samples_is_uncertain_not_half_decoded():
    data = encoded(JA + "\n", "cp932") * 5000 + b"\x81"  # ~0.8 MB, a lone lead byte at the very end
    (item,) = read(data)
    assert item.reason == "uncertain_encoding"


def test_half_width_katakana_bank_file_in_cp932_is_read():
    # Transfer files name payees in half-width katakana, which EUC-JP read as CP932 also produces.
    rows = "1,0001,001\n" + "".join(f"2,{1234560 + n:07d},{name},{1000 * n:010d}\n" for n, name in
                                    enumerate(["ﾔﾏﾀﾞ ﾀﾛｳ", "ｻﾄｳ ﾊﾅｺ", "ｽｽﾞｷ ｲﾁﾛｳ", "ﾀｶﾊｼ ﾐｻｷ"]))
    (doc,) = read(encoded(rows, "cp932"))
    assert doc.text == rows.rstrip("\n") and doc.provenance.startswith("decoded from cp932")


def test_utf8_with_a_damaged_byte_is_uncertain_and_says_where():
    data = JA.encode("utf-8")
    (item,) = read(data[:30] + b"\xff" + data[30:])
    assert item.reason == "uncertain_encoding"
    assert "UTF-8 but for invalid bytes (the first at offset 30)" in item.message


def test_western_utf8_with_a_damaged_byte_is_not_taken_for_cp1252_mojibake():
    data = EN.encode("utf-8")
    (item,) = read(data[:20] + b"\xff" + data[20:])  # read as CP1252 it would say "cafÃ©"
    assert item.reason == "uncertain_encoding"
