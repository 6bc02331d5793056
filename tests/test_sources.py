import json

import pytest

from curation.documents import Quarantine, RawDocument
from curation.sources import discover, read_unit


def read_all(inbox):
    return [item for unit in discover(inbox) for item in read_unit(unit)]


@pytest.fixture
def inbox(tmp_path):
    src = tmp_path / "inbox" / "src"
    src.mkdir(parents=True)
    (src / "SOURCE.yaml").write_text("license: MIT\nowner: Ops\nlanguage: en\ntext_field: body\n")
    return tmp_path / "inbox"


def test_text_and_markdown_are_one_document_each(inbox):
    (inbox / "src" / "a.txt").write_text("Hello   \r\nworld\n")
    (inbox / "src" / "b.md").write_text("# Title\n\nBody text")
    docs = read_all(inbox)
    assert [d.text for d in docs] == ["Hello\nworld", "# Title\n\nBody text"]
    assert all(isinstance(d, RawDocument) and d.source == "src" for d in docs)


def test_html_keeps_visible_text_only(inbox):
    (inbox / "src" / "p.html").write_text(
        "<html><head><title>T</title><style>.x{color:red}</style></head>"
        "<body><script>var secret='x@y.z';</script><p>Visible words</p></body></html>")
    (doc,) = read_all(inbox)
    assert "Visible words" in doc.text and "secret" not in doc.text and "color" not in doc.text


def test_jsonl_malformed_line_is_quarantined_and_good_lines_kept(inbox):
    lines = [json.dumps({"body": "first doc"}), '{"body": "broken', json.dumps({"body": "third doc"})]
    (inbox / "src" / "t.jsonl").write_text("\n".join(lines) + "\n")
    items = read_all(inbox)
    assert [type(i).__name__ for i in items] == ["RawDocument", "Quarantine", "RawDocument"]
    assert items[1].reason == "malformed_json" and items[1].record == 1 and "line 2" in items[1].message


def test_csv_uses_text_field_from_source_yaml_and_flags_ragged_rows(inbox):
    (inbox / "src" / "n.csv").write_text("id,body\n1,first note\n2,second note,extra\n")
    items = read_all(inbox)
    assert items[0].text == "first note"
    assert isinstance(items[1], Quarantine) and items[1].reason == "ragged_row"


def test_parquet_and_missing_column(inbox):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"body": ["a parquet row"]}), inbox / "src" / "ok.parquet")
    pq.write_table(pa.table({"other": ["x"]}), inbox / "src" / "wrong.parquet")
    ok, wrong = read_all(inbox)
    assert ok.text == "a parquet row"
    assert wrong.reason == "unexpected_schema" and "text_field" in wrong.message
    assert "other" not in wrong.message  # a column name can be personal data: never quoted


def test_datasets_save_to_disk_folder_is_read(inbox):
    import datasets

    datasets.Dataset.from_dict({"body": ["row one", "row two"]}).save_to_disk(str(inbox / "src" / "ds"))
    docs = read_all(inbox)
    assert [d.text for d in docs] == ["row one", "row two"]
    assert all(d.path == "src/ds" for d in docs)


def test_binary_empty_and_undecodable_files_are_quarantined(inbox):
    (inbox / "src" / "scan.pdf").write_bytes(b"%PDF\x00\x01\x02")
    (inbox / "src" / "empty.txt").write_bytes(b"")
    (inbox / "src" / "garbled.txt").write_bytes(bytes(range(0x80, 0x100)) * 3)
    (inbox / "src" / "sjis.txt").write_bytes("日本語の文書".encode("shift_jis"))  # decoded since issue 19
    items = {i.path.split("/")[-1]: i for i in read_all(inbox)}
    reasons = {name: i.reason for name, i in items.items() if isinstance(i, Quarantine)}
    assert reasons == {"scan.pdf": "unreadable_pdf", "empty.txt": "empty_file", "garbled.txt": "uncertain_encoding"}
    assert items["sjis.txt"].text == "日本語の文書"


def test_invalid_source_yaml_quarantines_every_file_with_the_reason(inbox):
    (inbox / "src" / "SOURCE.yaml").write_text("licence: MIT\n")
    (inbox / "src" / "a.txt").write_text("text")
    (item,) = read_all(inbox)
    assert item.reason == "invalid_source_yaml" and "did you mean license?" in item.message
    assert "licence" not in item.message  # an unknown key is input: never quoted


def test_symlink_is_refused(inbox, tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("outside the inbox")
    (inbox / "src" / "link.txt").symlink_to(outside)
    (item,) = read_all(inbox)
    assert item.reason == "symlink_refused"


def test_doc_id_is_sha256_of_normalized_text(inbox):
    import hashlib

    (inbox / "src" / "a.txt").write_text("Same text\r\n")
    (inbox / "src" / "b.txt").write_text("Same text\n")
    a, b = read_all(inbox)
    assert a.doc_id == b.doc_id == hashlib.sha256(b"Same text").hexdigest()


def test_license_files_and_dataset_cards_are_evidence_not_documents(inbox):
    (inbox / "src" / "LICENSE").write_text("MIT License\n\nPermission is hereby granted, free of charge ...")
    (inbox / "src" / "README.md").write_text("---\nlicense: mit\n---\n# Notes dataset")
    (inbox / "src" / "a.txt").write_text("The only document.")
    assert [d.path for d in read_all(inbox)] == ["src/a.txt"]
