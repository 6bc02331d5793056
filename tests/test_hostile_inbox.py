"""A hostile inbox (issue 18): what an attacker or a careless export puts in the drop folder.

Each test reproduces one attack that used to get through and checks that it now fails safely:
no input value (file name, column name, YAML key or snippet, license text) reaches the catalog,
the exports or the audit log; no record is lost behind a bad one; nothing is read from outside
the inbox; a special file or a decompression bomb cannot stall or exhaust the run; the audit
verification cannot be fooled; state is owner-only.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest
from conftest import ROOT, make_workspace, workspace_env
from tests_helpers import TICKETS_EN, all_text_under, deadline
from typer.testing import CliRunner

from curation.documents import Quarantine, RawDocument
from curation.sources import discover, read_unit
from curation.sources.paths import stored_path

NAME, EMAIL = "Bertrand Quillfeather", "bertrand.quillfeather@example.org"
TITLE, SHEET, ATTACHMENT = "Halvorsenquimby dossier", "payroll_of_rei_hoshino", "medical_note_of_ines_varga.txt"
CANARIES = [NAME, EMAIL, "quillfeather", "jane_roe", "Jane Roe", "kenji_tanaka_salary", "ssn_of_mariko_ito",
            "Licensed to Bertrand", "OUTSIDE-THE-INBOX-7f3a", "Halvorsenquimby", SHEET, "ines_varga"]


def hostile_policy(root: Path) -> Path:
    """The default policy with a 100k-character document limit (a 200k CSV field is refused by
    length before the PII step) and a 1 MiB file limit (the Parquet bomb)."""
    text = (ROOT / "policies" / "default.yaml").read_text(encoding="utf-8")
    text = text.replace("max_chars: 1000000", "max_chars: 100000").replace("max_file_mb: 100 ", "max_file_mb: 1 ")
    assert "max_chars: 100000" in text and "max_file_mb: 1 " in text
    path = root / "policies" / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def build_inbox(inbox: Path, outside: Path) -> dict:
    """The hostile corpus; returns what each part is expected to become."""
    import datasets
    import pyarrow as pa
    import pyarrow.parquet as pq

    good = TICKETS_EN[:4]
    # 1. values that must never be quoted into messages
    (inbox / "broken_yaml").mkdir(parents=True)
    (inbox / "broken_yaml" / "SOURCE.yaml").write_text(f"license: MIT\nowner: {NAME}: {EMAIL}\n")
    (inbox / "broken_yaml" / "a.txt").write_text(good[0])
    (inbox / "unknown_key").mkdir()
    (inbox / "unknown_key" / "SOURCE.yaml").write_text("license: MIT\nquillfeather_notes: x\n")
    (inbox / "unknown_key" / "a.txt").write_text(good[1])
    (inbox / "bad_license").mkdir()
    (inbox / "bad_license" / "SOURCE.yaml").write_text(f"license: Licensed to {NAME} only\n")
    (inbox / "bad_license" / "a.txt").write_text(good[2])
    src = inbox / "hr"
    src.mkdir()
    (src / "SOURCE.yaml").write_text("license: MIT\n")
    (src / "cv_jane_roe.txt").write_text(good[3])  # a file name that names a person
    (src / "jane_roe").mkdir()
    (src / "jane_roe" / "notes.txt").write_text(TICKETS_EN[4])
    (src / "columns.csv").write_text("id,kenji_tanaka_salary\n1,x\n")
    pq.write_table(pa.table({"ssn_of_mariko_ito": ["x"]}), src / "columns.parquet")
    (src / "meta.jsonl").write_text(json.dumps({"text": TICKETS_EN[5], "license": f"Licensed to {NAME}"}) + "\n")
    # 2. one bad record among good ones
    lines = [json.dumps({"text": TICKETS_EN[6]}), "[" * 100_000 + "]" * 100_000, json.dumps({"text": TICKETS_EN[7]})]
    (src / "nested.jsonl").write_text("\n".join(lines) + "\n")
    rows = [["1", TICKETS_EN[8]], ["2", "x" * 200_000], ["3", TICKETS_EN[9]]]
    (src / "big_field.csv").write_text("id,text\n" + "".join(f'{a},"{b}"\n' for a, b in rows))
    # 3. a datasets folder whose state.json names an Arrow file outside the inbox
    ds = src / "escape_ds"
    datasets.Dataset.from_dict({"text": ["OUTSIDE-THE-INBOX-7f3a is a text that must never be read."]}).save_to_disk(str(ds))
    state = json.loads((ds / "state.json").read_text())
    arrow = state["_data_files"][0]["filename"]
    outside.mkdir(parents=True, exist_ok=True)
    shutil.move(str(ds / arrow), outside / arrow)
    state["_data_files"][0]["filename"] = os.path.relpath(outside / arrow, ds)
    (ds / "state.json").write_text(json.dumps(state))
    # 4. a FIFO: open() on it blocks until a writer comes
    os.mkfifo(src / "pipe.txt")
    # what issue 10 covered, in the same corpus (file names carry canaries too)
    old = inbox / "issue10"
    old.mkdir()
    (old / "SOURCE.yaml").write_text("license: MIT\n")
    (old / "sjis_jane_roe.txt").write_bytes("日本語の文書です。".encode("shift_jis"))
    (old / "scan.txt").write_bytes(b"%PDF\x00\x01" + EMAIL.encode())
    (old / "empty.txt").write_bytes(b"")
    with open(old / "huge.txt", "wb") as fh:  # sparse: 3 MiB on paper, above the 1 MiB limit
        fh.truncate(3 * 2**20)
    (old / "ragged.csv").write_text(f"text\n{TICKETS_EN[10]}\n\"a\",{EMAIL}\n")
    (old / "page.html").write_text(f"<html><body><script>var owner='{EMAIL}';</script><p>{TICKETS_EN[11]}</p></body></html>")
    (old / "link_to_outside.txt").symlink_to(outside / arrow)
    deep = old
    for level in range(60):
        deep = deep / f"d{level}"
    deep.mkdir(parents=True)
    (deep / "leaf.txt").write_text(TICKETS_EN[12])
    (old / "odd ;rm -rf größe\n日本 quillfeather.txt").write_text(TICKETS_EN[13])
    return {"nested": "hr/nested.jsonl", "big": "hr/big_field.csv", **build_container_corpus(inbox / "hr")}


def build_container_corpus(src: Path) -> dict:
    """The newer readers' part of the corpus: names and metadata that carry canaries (ZIP members,
    an e-mail's sender and attachment, Office and PDF titles, authors and sheet names), and the
    bombs that got past the Parquet footer check and the PDF stream check."""
    from hostile_files import set_office_title, write_chain_pdf, write_lying_parquet

    from scripts.sample_files.archive import write_zip
    from scripts.sample_files.mail import write_eml
    from scripts.sample_files.office import write_docx, write_pptx, write_xlsx

    write_zip(src / "personnel.zip", {"cv_jane_roe.txt": TICKETS_EN[14].encode(),
                                      "quillfeather/notes.txt": TICKETS_EN[15].encode()})
    write_eml(src / "forwarded.eml", (NAME, EMAIL), [("Support", "support@example.org")], "Forwarded ticket",
              TICKETS_EN[16], attachments=[(ATTACHMENT, TICKETS_EN[17])])
    office = {"review.docx": write_docx(src / "review.docx", [TICKETS_EN[18]], author=NAME),
              "payroll.xlsx": write_xlsx(src / "payroll.xlsx", {SHEET: [["text"], [TICKETS_EN[19]]]}, author=NAME),
              "deck.pptx": write_pptx(src / "deck.pptx", [(TICKETS_EN[20], None)], author=NAME)}
    for path in office.values():  # the title too, which the builders do not set
        set_office_title(path, TITLE)
    write_chain_pdf(src / "dossier.pdf", [], 0, TICKETS_EN[21].replace("(", "").replace(")", "").replace(";", ","),
                    filter_entry=b"", info=b"<< /Author (%s) /Title (%s) >>" % (NAME.encode(), TITLE.encode()))
    write_lying_parquet(src / "liar.parquet", inflated_mib=8)
    write_chain_pdf(src / "hex_bomb.pdf", ["ASCIIHexDecode", "FlateDecode"], inflated_mib=8)
    write_chain_pdf(src / "a85_bomb.pdf", ["ASCII85Decode", "FlateDecode"], inflated_mib=8)
    return {"parquet_liar": "hr/liar.parquet", "hex_bomb": "hr/hex_bomb.pdf", "a85_bomb": "hr/a85_bomb.pdf",
            "named": ["hr/personnel.zip", "hr/forwarded.eml", *(f"hr/{n}" for n in office), "hr/dossier.pdf"]}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """One ingest of the hostile inbox under umask 022, with a 120 s deadline."""
    from curation.ingest import pipeline
    from curation.policy import load_policy

    base = tmp_path_factory.mktemp("hostile")
    old_umask = os.umask(0o022)
    try:
        root = make_workspace(base / "ws")
        inbox = root / "data" / "inbox"
        expected = build_inbox(inbox, base / "outside")
        with workspace_env(root) as ws:
            with deadline(300):
                result = pipeline.ingest_and_build(ws, inbox, "hostile", load_policy(hostile_policy(root)))
            yield ws, result, expected
    finally:
        os.umask(old_umask)


def _query(ws, sql: str) -> list[tuple]:
    import duckdb

    with duckdb.connect(str(ws.catalog_path), read_only=True) as con:
        return con.execute(sql).fetchall()


# 1. Raw personal data in persisted messages and names ------------------------------------------

def test_no_input_value_or_file_name_reaches_catalog_exports_or_audit_log(hostile):
    ws, result, _ = hostile
    written = all_text_under(ws.root / "data" / "catalog.duckdb") + all_text_under(ws.audit_dir)
    written += "".join(all_text_under(ws.root / "data" / d) for d in ("datasets", "reports") if (ws.root / "data" / d).exists())
    assert [c for c in CANARIES if c.lower() in written.lower()] == []
    assert result.summary.outcomes["accepted"] >= 5  # the good documents went through


def test_files_whose_names_and_metadata_carry_canaries_are_read(hostile):
    """The ZIP, the e-mail, the Office files and the PDF are read (their documents accepted), so the
    canary test above saw their names and metadata pass through every reader."""
    ws, _, expected = hostile
    accepted = {p for p, _, o, _, _ in catalog_items_rows(ws) if o == "accepted"}
    assert {stored_path(p) for p in expected["named"]} <= accepted


@pytest.mark.parametrize("part, reason", [("parquet_liar", "file_too_large"), ("hex_bomb", "decompression_bomb"),
                                          ("a85_bomb", "decompression_bomb")])
def test_the_bombs_that_got_past_the_footer_and_stream_checks_are_quarantined(hostile, part, reason):
    ws, _, expected = hostile
    (row,) = [(o, r) for p, _, o, r, _ in catalog_items_rows(ws) if p == stored_path(expected[part])]
    assert row == ("quarantined", reason)


def test_invalid_source_yaml_message_names_the_line_not_the_snippet(hostile):
    ws, _, _ = hostile
    (message,) = {m for p, _, _, _, m in catalog_items_rows(ws) if p.startswith("broken_yaml/")}
    assert "not valid YAML" in message and "line 2" in message


def test_unknown_key_and_invalid_license_are_reported_by_kind(hostile):
    ws, _, _ = hostile
    rows = catalog_items_rows(ws)
    (unknown,) = [m for p, _, _, _, m in rows if p.startswith("unknown_key/")]
    assert "1 unknown key(s)" in unknown
    (denied,) = [(r, m) for p, _, _, r, m in rows if p.startswith("bad_license/")]
    assert denied[0] == "license_invalid" and "invalid SPDX expression" in denied[1]
    assert ("invalid SPDX expression",) in _query(ws, "SELECT license FROM sources WHERE name = 'bad_license'")


def test_catalog_keeps_stored_names_not_file_names(hostile):
    ws, _, _ = hostile
    paths = {p for (p,) in _query(ws, "SELECT path FROM files UNION SELECT path FROM ingest_items "
                                      "UNION SELECT path FROM documents")}
    assert stored_path("hr/cv_jane_roe.txt") in paths and stored_path("hr/jane_roe/notes.txt") in paths
    assert all(p.split("/")[0] in {"broken_yaml", "unknown_key", "bad_license", "hr", "issue10"} and len(p.split("/")) == 2
               for p in paths)


def test_audit_locate_finds_the_file_behind_a_stored_name_on_the_terminal_only(hostile):
    from curation.cli import app

    ws, _, _ = hostile
    with workspace_env(ws.root):
        out = CliRunner().invoke(app, ["audit", "locate", stored_path("hr/cv_jane_roe.txt")])
    assert out.exit_code == 0 and "hr/cv_jane_roe.txt" in out.output


def test_audit_show_path_finds_a_files_records_by_its_real_or_stored_name(hostile):
    from curation.audit.log import select

    ws, _, _ = hostile
    by_real = select(ws.audit().records(), path="hr/cv_jane_roe.txt")
    by_stored = select(ws.audit().records(), path=stored_path("hr/cv_jane_roe.txt"))
    assert [r["event"] for r in by_real] == ["document.accepted"] and by_real == by_stored


def catalog_items_rows(ws) -> list[tuple]:
    return _query(ws, "SELECT path, record, outcome, reason, message FROM ingest_items")


def test_what_issue_10_covered_still_ends_with_a_reason(hostile):
    ws, _, _ = hostile
    reasons = {p: (o, r) for p, _, o, r, _ in catalog_items_rows(ws)}
    expect = {"scan.txt": "binary_file", "empty.txt": "empty_file",
              "huge.txt": "file_too_large", "link_to_outside.txt": "symlink_refused"}
    for name, reason in expect.items():
        assert reasons[stored_path(f"issue10/{name}")] == ("quarantined", reason), name
    ragged = sorted((r, reason) for p, r, _, reason, _ in catalog_items_rows(ws) if p == stored_path("issue10/ragged.csv"))
    assert ragged == [(0, "license_allowed"), (1, "ragged_row")]
    deep = "issue10/" + "/".join(f"d{level}" for level in range(60)) + "/leaf.txt"
    for name in (deep, "issue10/page.html", "issue10/odd ;rm -rf größe\n日本 quillfeather.txt"):
        assert reasons[stored_path(name)][0] == "accepted", name
    # Shift_JIS is decoded since issue 19 (tests/test_reader_encodings.py): what a later filter
    # makes of its nine characters is not the reader's business.
    assert reasons[stored_path("issue10/sjis_jane_roe.txt")][1] not in ("not_utf8", "uncertain_encoding")


# 2. Silent loss ------------------------------------------------------------------------------------

def test_deeply_nested_json_line_is_quarantined_alone(hostile):
    ws, _, expected = hostile
    rows = sorted((r, o, reason) for p, r, o, reason, _ in catalog_items_rows(ws) if p == stored_path(expected["nested"]))
    assert [(r, o) for r, o, _ in rows] == [(0, "accepted"), (1, "quarantined"), (2, "accepted")]
    assert rows[1][2] == "malformed_json"


def test_csv_field_over_the_csv_module_limit_costs_that_row_only(hostile):
    ws, _, expected = hostile
    rows = sorted((r, o, reason) for p, r, o, reason, _ in catalog_items_rows(ws) if p == stored_path(expected["big"]))
    assert [(r, o) for r, o, _ in rows] == [(0, "accepted"), (1, "quarantined"), (2, "accepted")]
    assert rows[1][2] == "length_out_of_bounds"


def test_reader_level_nested_json_and_big_csv_keep_every_other_record(tmp_path):
    src = tmp_path / "inbox" / "s"
    src.mkdir(parents=True)
    (src / "SOURCE.yaml").write_text("license: MIT\n")
    (src / "a.jsonl").write_text("\n".join([json.dumps({"text": "first"}), "{" * 50_000, '{"a":' * 50_000,
                                            "1" * 5000, json.dumps({"text": "last"})]) + "\n")
    (src / "b.csv").write_text("text\nfirst\n\"" + "y" * 300_000 + "\"\nlast\n")
    items = [i for u in discover(tmp_path / "inbox") for i in read_unit(u)]
    by_file = {}
    for i in items:
        by_file.setdefault(i.path, []).append(i)
    assert [type(i).__name__ for i in by_file["s/a.jsonl"]] == ["RawDocument"] + ["Quarantine"] * 3 + ["RawDocument"]
    assert [i.text[:5] for i in by_file["s/b.csv"]] == ["first", "yyyyy", "last"]


# 3. Escapes ----------------------------------------------------------------------------------------

def test_datasets_folder_pointing_outside_the_inbox_is_refused(hostile):
    ws, _, _ = hostile
    (row,) = [(o, r) for p, _, o, r, _ in catalog_items_rows(ws) if p == stored_path("hr/escape_ds")]
    assert row == ("quarantined", "path_escape")


@pytest.mark.parametrize("name", ["../../../x", "a/b", "..", ".hidden", "", "x" * 65, "a\x00b", "/abs", "-rf"])
def test_bad_dataset_names_are_refused_by_the_library(name):
    from curation.datasets.names import DatasetNameError, check_dataset_name

    with pytest.raises(DatasetNameError) as err:
        check_dataset_name(name)
    assert name not in str(err.value) or not name


@pytest.mark.parametrize("name", ["default", "demo", "tickets-2024_v1.2", "A"])
def test_good_dataset_names_pass(name):
    from curation.datasets.names import check_dataset_name

    assert check_dataset_name(name) == name


def test_cli_refuses_a_dataset_name_that_leaves_data_datasets(workspace):
    from curation.cli import app

    (workspace.inbox / "s").mkdir(parents=True)
    (workspace.inbox / "s" / "a.txt").write_text(TICKETS_EN[0])
    result = CliRunner().invoke(app, ["ingest", "--dataset", "../../../escaped"])
    assert result.exit_code == 1 and "dataset name must be" in result.output
    assert not list(workspace.root.parent.rglob("escaped"))
    assert not workspace.audit_dir.joinpath("audit.jsonl").exists()  # refused before any record


def test_flow_form_and_flow_refuse_a_bad_dataset_name():
    from pydantic import TypeAdapter, ValidationError

    from curation.datasets.names import DatasetNameError
    from flows.ingest import ingest_flow
    from flows.run_context import DatasetName

    with pytest.raises(ValidationError):
        TypeAdapter(DatasetName).validate_python("../../../x")
    assert TypeAdapter(DatasetName).validate_python("nightly") == "nightly"
    schema = ingest_flow.parameters.model_dump()["properties"]["dataset"]
    assert schema.get("pattern")  # the Prefect form validates it too
    with pytest.raises(DatasetNameError):
        ingest_flow.fn(requested_by="tester", dataset="../../../x")


def test_reads_never_follow_a_file_swapped_for_a_link(tmp_path):
    from curation.sources.files import NotRegularFile, open_regular

    outside = tmp_path / "secret.txt"
    outside.write_text("outside")
    link = tmp_path / "link.txt"
    link.symlink_to(outside)
    with pytest.raises(NotRegularFile):
        open_regular(link)


# 4. Denial of service ----------------------------------------------------------------------------

def test_fifo_is_skipped_unopened_with_a_reason(hostile):
    ws, _, _ = hostile
    (row,) = [(o, r) for p, _, o, r, _ in catalog_items_rows(ws) if p == stored_path("hr/pipe.txt")]
    assert row == ("quarantined", "special_file")


def test_doctor_does_not_block_on_a_fifo(hostile):
    from curation.stewardship.doctor import diagnose

    ws, _, _ = hostile
    with deadline(60):
        result = diagnose(ws, ws.inbox)
    assert not [v for v in result.violations if "accounting" in v], result.violations


def test_fifo_at_the_inbox_top_and_in_a_dataset_folder(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    os.mkfifo(inbox / "top.jsonl")
    with deadline(20):
        (item,) = [i for u in discover(inbox) for i in read_unit(u)]
    assert isinstance(item, Quarantine) and item.reason == "special_file"


def test_small_zstd_parquet_that_inflates_past_the_limit_is_refused_before_inflating(tmp_path, monkeypatch):
    import pyarrow as pa
    import pyarrow.parquet as pq

    src = tmp_path / "inbox" / "s"
    src.mkdir(parents=True)
    (src / "SOURCE.yaml").write_text("license: MIT\n")
    path = src / "bomb.parquet"
    pq.write_table(pa.table({"text": ["a" * 20_000_000]}), path, compression="zstd")
    assert path.stat().st_size < 2**20
    monkeypatch.setattr(pq.ParquetFile, "iter_batches", lambda *a, **k: pytest.fail("inflated the bomb"))
    (item,) = [i for u in discover(tmp_path / "inbox") for i in read_unit(u, max_bytes=2**20)]
    assert isinstance(item, Quarantine) and item.reason == "file_too_large" and "decoded content" in item.message


def test_a_parquet_footer_that_under_declares_its_pages_is_refused_before_inflating(tmp_path, monkeypatch):
    """The footer says the column chunk inflates to 1000 bytes; its one zstd page inflates to 32 MiB
    (300 MiB cost 506 MiB of RSS before; refused at the pyarrow baseline now)."""
    import pyarrow.parquet as pq
    from hostile_files import write_lying_parquet

    src = tmp_path / "inbox" / "s"
    src.mkdir(parents=True)
    (src / "SOURCE.yaml").write_text("license: MIT\n")
    path = write_lying_parquet(src / "liar.parquet", inflated_mib=32)
    assert path.stat().st_size < 64 * 1024 and pq.ParquetFile(path).metadata.row_group(0).total_byte_size == 1000
    monkeypatch.setattr(pq.ParquetFile, "iter_batches", lambda *a, **k: pytest.fail("inflated the bomb"))
    (item,) = [i for u in discover(tmp_path / "inbox") for i in read_unit(u, max_bytes=2**20)]
    assert isinstance(item, Quarantine) and item.reason == "file_too_large" and "32.0 MiB" in item.message


def test_a_parquet_dictionary_value_repeated_on_every_row_is_charged_a_few_rows_at_a_time(tmp_path):
    """One 1 MiB dictionary value on 1000 rows: the pages hold about 1 MiB, the rows 1000 MiB.
    Batches are sized so that one of them never holds more than the limit."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from curation.documents import SourceInfo
    from curation.sources.formats import Blob, Budget, ReadContext, TooLarge
    from curation.sources.formats.records import read_parquet

    path = tmp_path / "dict.parquet"
    pq.write_table(pa.table({"text": ["x" * 2**20] * 1000}), path, compression="zstd", use_dictionary=True)

    class Recording(Budget):
        largest = 0

        def charge(self, n):
            Recording.largest = max(Recording.largest, n)
            super().charge(n)

    with pytest.raises(TooLarge):
        list(read_parquet(Blob.of_file(path), ReadContext(SourceInfo("s"), "dict.parquet", Recording(4 * 2**20))))
    assert 0 < Recording.largest <= 4 * 2**20 + 4096


def test_a_parquet_page_header_that_cannot_be_walked_is_unreadable(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from curation.documents import SourceInfo
    from curation.sources.formats import Blob, ReadContext
    from curation.sources.formats.records import read_parquet

    path = tmp_path / "p.parquet"
    pq.write_table(pa.table({"text": ["hello"] * 10}), path)
    raw = bytearray(path.read_bytes())
    start = pq.ParquetFile(path).metadata.row_group(0).column(0).data_page_offset
    raw[start:start + 4] = b"\x1c\x1c\x1c\x1c"  # nested structs where the page type belongs, never closed
    path.write_bytes(bytes(raw))
    (item,) = read_parquet(Blob.of_file(path), ReadContext(SourceInfo("s"), "p.parquet"))
    assert item.reason == "unreadable_parquet"


def test_streamed_budget_stops_a_reader_mid_file(tmp_path):
    from curation.documents import SourceInfo
    from curation.sources.formats import Blob, Budget, ReadContext, TooLarge
    from curation.sources.formats.records import read_jsonl

    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps({"text": f"line {i} " + "x" * 100}) + "\n" for i in range(100)))
    items = []
    with pytest.raises(TooLarge):
        for item in read_jsonl(Blob.of_file(path), ReadContext(SourceInfo("s"), "s/a.jsonl", Budget(2000))):
            items.append(item)
    assert 0 < len(items) < 100


# 5. Audit verification ---------------------------------------------------------------------------

@pytest.fixture
def signed_ws(tmp_path, monkeypatch):
    """A workspace whose log has records and checkpoints, its key exported (pinned)."""
    from curation.cli import app

    root = make_workspace(tmp_path / "ws")
    monkeypatch.setenv("CURATION_HOME", str(root))
    monkeypatch.setenv("CURATION_KEY_DIR", str(tmp_path / "keys"))
    from curation.workspace import Workspace

    ws = Workspace(root)
    audit = ws.audit()
    for n in range(4):
        audit.append_many([{"event": "ingest.finished", "subject": f"run{n}", "data": {"n": n}}])
    exported = CliRunner().invoke(app, ["audit", "export-key"])
    pem = tmp_path / "reviewer.pem"
    pem.write_text(exported.stdout.split("key id")[0])
    return ws, audit, pem


def verify_cli(*args):
    from curation.cli import app

    return CliRunner().invoke(app, ["audit", "verify", *map(str, args)], env={"COLUMNS": "300"})


def test_given_key_with_checkpoints_deleted_fails(signed_ws):
    ws, audit, pem = signed_ws
    audit.checkpoints_path.unlink()
    result = verify_cli("--public-key", pem)
    assert result.exit_code == 1 and "no signed checkpoint covers the log" in result.output


def test_named_checkpoint_file_that_is_missing_fails(signed_ws, tmp_path):
    _, _, pem = signed_ws
    result = verify_cli("--public-key", pem, "--checkpoint", tmp_path / "nowhere.jsonl")
    assert result.exit_code == 1 and "not found" in result.output


def test_attacker_key_in_the_key_folder_fails_against_the_pinned_key(signed_ws, tmp_path):
    """The attacker rewrites the log, re-signs it with a key of their own and drops that key into
    the key folder: the pinned key does not trust it."""
    from curation.audit.log import AuditLog
    from curation.audit.signing import Signer

    ws, audit, _ = signed_ws
    for name in ("audit.jsonl", "checkpoints.jsonl"):
        (ws.audit_dir / name).unlink()
    key_dir = Path(os.environ["CURATION_KEY_DIR"])
    (key_dir / "audit_ed25519.pem").unlink()
    forged = AuditLog(ws.audit_dir, signer=Signer(key_dir))  # a new key in the key folder
    forged.append_many([{"event": "ingest.finished", "subject": "forged", "data": {}}])
    result = verify_cli()
    assert result.exit_code == 1 and "signature does not verify" in result.output or "pinned" in result.output
    assert result.exit_code == 1


def test_without_a_pinned_or_given_key_it_says_chain_only(tmp_path, monkeypatch):
    from curation.workspace import Workspace

    root = make_workspace(tmp_path / "ws")
    monkeypatch.setenv("CURATION_HOME", str(root))
    monkeypatch.setenv("CURATION_KEY_DIR", str(tmp_path / "keys"))
    Workspace(root).audit().append_many([{"event": "ingest.finished", "subject": "r", "data": {}}])
    result = verify_cli()
    assert result.exit_code == 0 and "chain only, not authenticated" in result.output


def test_records_after_the_last_checkpoint_are_counted(signed_ws):
    ws, audit, _ = signed_ws
    audit.append_many([{"event": "document.accepted", "subject": "d1", "data": {}},
                       {"event": "document.accepted", "subject": "d2", "data": {}}])
    result = verify_cli()
    assert result.exit_code == 0 and "2 record(s) after the last checkpoint" in result.output
    assert "signatures verified with the pinned key" in result.output


def test_doctor_fails_with_the_audit_log_deleted(signed_ws):
    from curation.stewardship.doctor import diagnose

    ws, audit, _ = signed_ws
    audit.path.unlink()
    assert any("audit.jsonl is missing" in v for v in diagnose(ws).violations)


def test_doctor_fails_with_record_0_edited(signed_ws):
    from curation.stewardship.doctor import diagnose

    ws, audit, _ = signed_ws
    lines = audit.path.read_text().splitlines(keepends=True)
    lines[0] = lines[0].replace('"run0"', '"runX"')
    audit.path.write_text("".join(lines))
    assert any("seq 0" in v for v in diagnose(ws).violations)


def test_doctor_fails_on_an_attacker_key_like_verify(signed_ws):
    from curation.audit.log import AuditLog
    from curation.audit.signing import Signer
    from curation.stewardship.doctor import diagnose

    ws, audit, _ = signed_ws
    key_dir = Path(os.environ["CURATION_KEY_DIR"])
    (key_dir / "audit_ed25519.pem").unlink()
    AuditLog(ws.audit_dir, signer=Signer(key_dir)).append_many([{"event": "ingest.finished", "subject": "x", "data": {}}])
    assert any(v.startswith("audit:") for v in diagnose(ws).violations)


def test_deleting_the_pin_file_fails_verify_and_doctor(signed_ws):
    """The attacker swaps the key folder's key, sees verify fail against the pin, and deletes the pin
    file: the log's `audit.key_pinned` record still says a key was pinned."""
    from curation.audit.log import AuditLog
    from curation.audit.signing import Signer
    from curation.stewardship.doctor import diagnose

    ws, _, _ = signed_ws
    key_dir = Path(os.environ["CURATION_KEY_DIR"])
    (key_dir / "audit_ed25519.pem").unlink()
    AuditLog(ws.audit_dir, signer=Signer(key_dir)).append_many([{"event": "ingest.finished", "subject": "x", "data": {}}])
    assert verify_cli().exit_code == 1
    ws.pinned_key_path.unlink()
    result = verify_cli()
    assert result.exit_code == 1 and "pin file" in result.output and "missing" in result.output, result.output
    assert "intact" not in result.output
    assert any("pin file" in v and "missing" in v for v in diagnose(ws).violations)


def test_export_key_does_not_quietly_repin_a_swapped_key_after_the_pin_file_is_deleted(signed_ws):
    from curation.cli import app

    ws, _, _ = signed_ws
    key_dir = Path(os.environ["CURATION_KEY_DIR"])
    (key_dir / "audit_ed25519.pem").unlink()  # the next Signer makes a new key there
    ws.pinned_key_path.unlink()
    result = CliRunner().invoke(app, ["audit", "export-key"], env={"COLUMNS": "300"})
    assert result.exit_code == 1 and "records key" in result.output and not ws.pinned_key_path.exists()
    assert CliRunner().invoke(app, ["audit", "export-key", "--repin"]).exit_code == 0  # deliberate: allowed


def test_a_pin_file_holding_another_key_fails_verify_and_doctor(signed_ws, tmp_path):
    from curation.audit.signing import Signer, public_pem
    from curation.stewardship.doctor import diagnose

    ws, _, _ = signed_ws
    other = Signer(tmp_path / "other-keys").public_key
    ws.pinned_key_path.write_text(public_pem(other), encoding="utf-8")
    result = verify_cli()
    assert result.exit_code == 1 and "pin record names key" in result.output, result.output
    assert any("pin record names key" in v for v in diagnose(ws).violations)


def test_a_pin_file_that_is_not_a_key_fails_verify_instead_of_being_ignored(signed_ws):
    ws, _, _ = signed_ws
    ws.pinned_key_path.write_text("not a key\n", encoding="utf-8")
    result = verify_cli()
    assert result.exit_code == 1 and "cannot be read as a public key" in result.output, result.output


def test_verifying_against_the_pin_reads_the_log_once(signed_ws, monkeypatch):
    """The pin record comes from the same streaming pass as the chain: a log of a shard's size is
    not read twice, nor held in memory."""
    from curation.audit import log, trust

    ws, audit, _ = signed_ws
    passes = []
    walk = log._walk_chain
    monkeypatch.setattr(log, "_walk_chain", lambda *a: passes.append(1) or walk(*a))
    found = trust.verify_installation(ws.audit_dir, Path(os.environ["CURATION_KEY_DIR"]), ws.pinned_key_path)
    assert found.ok and found.trust == trust.PINNED and len(passes) == 1
    assert found.result.pinned_key_id == next(
        r["data"]["key_id"] for r in audit.records() if r["event"] == "audit.key_pinned")


def test_the_pin_is_recorded_by_key_id_only(signed_ws):
    from curation.audit.signing import Signer, key_id

    ws, audit, _ = signed_ws
    (pin,) = [r for r in audit.records() if r["event"] == "audit.key_pinned"]
    assert pin["data"] == {"key_id": key_id(Signer(Path(os.environ["CURATION_KEY_DIR"])).public_key)}
    assert verify_cli().exit_code == 0  # and a fresh pin verifies


# 6. Permissions and staging ----------------------------------------------------------------------

def test_state_is_owner_only_under_umask_022(hostile):
    ws, result, _ = hostile
    paths = [ws.catalog_path, ws.audit_dir / "audit.jsonl", ws.audit_dir / "checkpoints.jsonl"]
    version = result.build.path
    assert version is not None
    paths += list(version.iterdir())
    for path in paths:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, (path, oct(path.stat().st_mode))
    for folder in (ws.audit_dir, version, version.parent, ws.datasets):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, (folder, oct(folder.stat().st_mode))


def test_report_is_owner_only_under_umask_022(hostile):
    from curation.cli import app

    ws, result, _ = hostile
    old = os.umask(0o022)
    try:
        with workspace_env(ws.root):
            assert CliRunner().invoke(app, ["report", result.build.version_id]).exit_code == 0
    finally:
        os.umask(old)
    (report,) = ws.reports.glob("*.html")
    assert stat.S_IMODE(report.stat().st_mode) == 0o600 and stat.S_IMODE(ws.reports.stat().st_mode) == 0o700


def test_doctor_flags_a_catalog_readable_by_others(signed_ws):
    from curation.stewardship.doctor import diagnose

    ws, _, _ = signed_ws
    ws.catalog()
    os.chmod(ws.catalog_path, 0o644)
    assert any(v.startswith("permissions:") for v in diagnose(ws).violations)


def test_staging_left_by_a_killed_build_is_listed_then_removed_by_the_next_run(hostile):
    from curation.ingest import pipeline
    from curation.policy import load_policy
    from curation.stewardship.doctor import diagnose

    ws, _, _ = hostile
    left = ws.datasets / "hostile" / ".staging-killed"
    left.mkdir()
    (left / "part-00000.parquet").write_bytes(b"anonymized text")
    assert any(".staging-killed" in n for n in diagnose(ws).notes)
    with workspace_env(ws.root):
        pipeline.ingest_and_build(ws, ws.inbox, "hostile", load_policy(ws.root / "policies" / "hostile.yaml"),
                                  only_new=True)
    assert not left.exists()


# A fuzz run over the readers with the hostile shapes -----------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

CANARY = "zqxcanary"  # planted in every column name, key and bad value the fuzzer makes
_NAMES = st.text(alphabet="abcdefgh_", min_size=0, max_size=6).map(lambda s: f"{CANARY}_{s}")
_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                min_size=1, max_size=40)


def _line(kind: str, depth: int, value: str) -> bytes:
    return {
        "good": lambda: json.dumps({"text": "doc " + value}).encode(),
        "nested_array": lambda: b"[" * depth + b"]" * depth,
        "nested_object": lambda: b'{"a":' * depth + b"1" + b"}" * depth,
        "big_int": lambda: b"9" * (4300 + depth),
        "not_object": lambda: json.dumps([CANARY, value]).encode(),
        "bad_json": lambda: ('{"' + CANARY + '": ' + json.dumps(value)).encode(),
        "bad_utf8": lambda: b'{"text": "\xff\xfe ' + CANARY.encode() + b'"}',
        "no_text": lambda: json.dumps({CANARY: value}).encode(),
    }[kind]()


_FUZZ_ROOT = None


def _fuzz_source() -> Path:
    import tempfile

    global _FUZZ_ROOT
    if _FUZZ_ROOT is None:
        _FUZZ_ROOT = Path(tempfile.mkdtemp(prefix="hostile-fuzz-")) / "inbox"
        (_FUZZ_ROOT / "s").mkdir(parents=True)
        (_FUZZ_ROOT / "s" / "SOURCE.yaml").write_text("license: MIT\n")
    return _FUZZ_ROOT / "s"


def _read(path: Path, max_bytes: int = 100 * 2**20) -> list:
    try:
        with deadline(30):
            return [i for u in discover(path.parent.parent) for i in read_unit(u, max_bytes)]
    finally:
        path.unlink()


def _no_canary_in_messages(items: list) -> None:
    for item in items:
        if isinstance(item, Quarantine):
            assert item.reason and item.message and CANARY not in item.message, item


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(st.tuples(st.sampled_from(["good", "nested_array", "nested_object", "big_int", "not_object",
                                                 "bad_json", "bad_utf8", "no_text"]),
                                st.integers(min_value=1, max_value=60_000), _TEXT), min_size=1, max_size=6))
def test_fuzz_jsonl_every_line_has_its_own_outcome_and_no_value_is_quoted(lines):
    path = _fuzz_source() / "f.jsonl"
    path.write_bytes(b"\n".join(_line(*line) for line in lines) + b"\n")
    items = _read(path)
    assert [i.record for i in items] == list(range(len(lines)))  # nothing lost behind a bad line
    for (kind, _, _), item in zip(lines, items, strict=True):
        assert isinstance(item, RawDocument) == (kind == "good"), (kind, item)
    _no_canary_in_messages(items)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(header=st.lists(_NAMES, min_size=1, max_size=3), with_text=st.booleans(),
       sizes=st.lists(st.sampled_from([0, 5, 140_000]), min_size=1, max_size=4), nul=st.booleans())
def test_fuzz_csv_big_fields_odd_headers_and_nul_bytes(header, with_text, sizes, nul):
    import csv
    import io

    columns = (["text"] if with_text else []) + header
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(columns)
    for n in sizes:
        writer.writerow(["y" * n or "short"] + ["v"] * (len(columns) - 1))
    data = buf.getvalue().encode()
    if nul:
        data = data.replace(b"short", b"sh\x00rt", 1)
    path = _fuzz_source() / "f.csv"
    path.write_bytes(data)
    items = _read(path)
    _no_canary_in_messages(items)
    if not with_text:
        assert [i.reason for i in items] in (["unexpected_schema"], ["binary_file"])
    elif b"\x00" not in data[:8192]:
        assert len(items) == len(sizes)  # a big field costs no other row


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(names=st.lists(_NAMES, min_size=1, max_size=3, unique=True), with_text=st.booleans(),
       inflate=st.sampled_from([10, 3 * 2**20]))
def test_fuzz_parquet_columns_and_inflation(names, with_text, inflate):
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = {n: ["v"] for n in names}
    if with_text:
        columns["text"] = ["a" * inflate]
    path = _fuzz_source() / "f.parquet"
    pq.write_table(pa.table(columns), path, compression="zstd")
    items = _read(path, max_bytes=2**20)
    _no_canary_in_messages(items)
    (item,) = items
    if not with_text:
        assert item.reason == "unexpected_schema"
    elif inflate > 2**20:
        assert item.reason == "file_too_large"
    else:
        assert isinstance(item, RawDocument)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=st.sampled_from(["owner: {c}: {c}@example.org\n", "license: MIT\n{c}: x\n", "language: {c}\n",
                             "license: [{c}]\n", "- {c}\n", "license: MIT\n  {c}: [\n", "{c}"]))
def test_fuzz_source_yaml_errors_never_quote_the_file(body, tmp_path_factory):
    from curation.sources.source_yaml import SourceYamlError, read_source_yaml

    folder = tmp_path_factory.mktemp("src")
    (folder / "SOURCE.yaml").write_text(body.format(c=CANARY))
    with pytest.raises(SourceYamlError) as err:
        read_source_yaml(folder)
    assert CANARY not in str(err.value) and str(err.value).startswith("SOURCE.yaml: ")


# Catalogs written before stored names --------------------------------------------------------------

def test_an_older_catalogs_file_names_and_quoted_values_are_scrubbed_by_the_next_run(workspace):
    import duckdb

    from curation.ingest import pipeline
    from curation.policy import load_policy
    from curation.stewardship.doctor import diagnose

    src = workspace.inbox / "hr"
    src.mkdir(parents=True)
    (src / "SOURCE.yaml").write_text("license: MIT\n")
    (src / "cv_jane_roe.txt").write_text(TICKETS_EN[0])
    policy = load_policy(workspace.default_policy)
    pipeline.ingest_and_build(workspace, workspace.inbox, "old", policy)
    stored = stored_path("hr/cv_jane_roe.txt")
    with duckdb.connect(str(workspace.catalog_path)) as con:  # what a catalog of the old version held
        for table in ("files", "ingest_items", "documents"):
            con.execute(f"UPDATE {table} SET path = 'hr/cv_jane_roe.txt' WHERE path = ?", [stored])
        con.execute("UPDATE ingest_items SET message = 'hr/cv_jane_roe.txt: owner: Jane Roe'")
        con.execute("UPDATE sources SET license = 'Licensed to Jane Roe only'")
    assert any(v.startswith("catalog:") for v in diagnose(workspace).violations)
    again = pipeline.ingest_and_build(workspace, workspace.inbox, "old", policy)
    assert again.summary.files_unchanged == 1  # the renamed file still counts as read
    written = all_text_under(workspace.catalog_path)
    assert "jane_roe" not in written.lower() and "Jane Roe" not in written
    assert not any(v.startswith("catalog:") for v in diagnose(workspace).violations)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(name=st.one_of(st.sampled_from(["../x.arrow", "/etc/passwd", "..", ".", "a/../../x.arrow", "sub/x.arrow",
                                       "data.arrow", "", "\\..\\x.arrow"]),
                      st.text(alphabet="./ab\\", min_size=1, max_size=12)))
def test_fuzz_state_json_names_only_plain_files_inside_the_folder(name, tmp_path):
    from curation.sources.formats.records import hf_dataset_problem

    folder = tmp_path / "ds"
    folder.mkdir(exist_ok=True)
    (folder / "data.arrow").write_bytes(b"x")
    (folder / "dataset_info.json").write_text("{}")
    (folder / "state.json").write_text(json.dumps({"_data_files": [{"filename": name}]}))
    problem = hf_dataset_problem(folder)
    assert (problem is None) == (name == "data.arrow"), (name, problem)
