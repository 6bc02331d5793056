"""Fuzzing the newer readers with canaries where people's names hide: a PDF's Info dictionary, an
Office file's author, title and sheet names, an e-mail's sender and attachment names, and text in
the encodings Japanese and Western offices write. Whatever the canary, it reaches no item's text,
metadata, message or provenance (only `known_pii`, which the PII step uses to mask it), and every
file ends with an outcome."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hostile_files import set_office_title, write_chain_pdf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests_helpers import TICKETS_EN

from curation.documents import Quarantine, RawDocument, SourceInfo
from curation.sources import discover, read_unit
from curation.sources.formats import Blob, ReadContext, read_blob
from scripts.sample_files.mail import eml_bytes
from scripts.sample_files.office import write_docx, write_pptx, write_xlsx

FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# A canary: "Zq" and letters, so it never occurs by chance in the ticket texts or in a message.
canaries = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=6, max_size=14).map(lambda s: "Zq" + s)


def shown(item) -> str:
    """Everything of an item that is kept or shown, known_pii aside."""
    parts = [item.path, item.provenance, str(item.record)]
    if isinstance(item, Quarantine):
        parts.append(item.message)
    else:
        parts += [item.text, repr(item.metadata)]
    return " ".join(parts)


def read_file(path: Path) -> list:
    return list(read_blob(Blob.of_file(path), ReadContext(SourceInfo("src", license="MIT"), f"src/{path.name}")))


def assert_nowhere(items: list, *values: str) -> None:
    assert items, "every file ends with an outcome"
    for item in items:
        for value in values:
            assert value.lower() not in shown(item).lower(), (value, item)


@FUZZ
@given(author=canaries, title=canaries)
def test_fuzz_pdf_info_dictionary_canaries_reach_no_item(author, title):
    with tempfile.TemporaryDirectory() as folder:
        path = write_chain_pdf(Path(folder) / "f.pdf", [], 0, "Ticket 120: the printer on floor two jams",
                               filter_entry=b"", info=b"<< /Author (%s) /Title (%s) >>" % (author.encode(), title.encode()))
        items = read_file(path)
    assert [type(i) for i in items] == [RawDocument]
    assert_nowhere(items, author, title)


@FUZZ
@given(kind=st.sampled_from(["docx", "xlsx", "pptx"]), author=canaries, title=canaries, sheet=canaries)
def test_fuzz_office_author_title_and_sheet_name_canaries_reach_no_item(kind, author, title, sheet):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"f.{kind}"
        if kind == "docx":
            write_docx(path, [TICKETS_EN[0]], author=author)
        elif kind == "xlsx":
            write_xlsx(path, {sheet[:31]: [["text"], [TICKETS_EN[1]]]}, author=author)
        else:
            write_pptx(path, [(TICKETS_EN[2], None)], author=author)
        set_office_title(path, title)
        items = read_file(path)
    assert any(isinstance(i, RawDocument) for i in items)
    assert_nowhere(items, author, title, sheet[:31])


@FUZZ
@given(sender=canaries, attachment=canaries, suffix=st.sampled_from([".txt", ".bin", ".csv", ""]))
def test_fuzz_mail_sender_and_attachment_name_canaries_reach_no_item(sender, attachment, suffix):
    data = eml_bytes((sender + " Example", f"{sender.lower()}@example.org"), [("Support", "support@example.org")],
                     "Printer", TICKETS_EN[3], attachments=[(attachment + suffix, TICKETS_EN[4])])
    items = list(read_blob(Blob.of_bytes(data, ".eml"), ReadContext(SourceInfo("src", license="MIT"), "src/m.eml")))
    assert any(isinstance(i, RawDocument) for i in items) and len(items) == 2  # the message, its attachment
    assert_nowhere(items, sender, attachment)


ENCODINGS = {  # what each can hold besides ASCII
    "cp932": "日本語のテキスト漢字ひらがなカタカナ①髙﨑",
    "euc-jp": "日本語のテキスト漢字ひらがなカタカナ",
    "iso-2022-jp": "日本語のテキスト漢字ひらがなカタカナ",
    "cp1252": "éèàüößçñ€–“”",
    "utf-16": "日本語éèü€한국어",
}


@FUZZ
@given(data=st.data(), encoding=st.sampled_from(sorted(ENCODINGS)), suffix=st.sampled_from([".txt", ".csv", ".jsonl"]),
       canary=canaries)
def test_fuzz_encoded_text_gets_an_outcome_and_no_value_is_quoted(data, encoding, suffix, canary):
    """Random text in a legacy encoding, as a text file, a CSV whose column name is the canary, or
    JSON Lines (UTF-8 only, so anything else is quarantined): every file has an outcome, and no
    message or provenance quotes the text, the canary column or the canary word in it."""
    text = data.draw(st.text(alphabet=ENCODINGS[encoding] + "abcdefghij ,.", min_size=0, max_size=200))
    body = f"{text} {canary} {TICKETS_EN[5]}"
    raw = {".txt": body, ".csv": f"text,{canary}_col\n\"{body}\",x\n", ".jsonl": '{"text": "%s"}\n' % body}[suffix]
    with tempfile.TemporaryDirectory() as folder:
        src = Path(folder) / "inbox" / "src"
        src.mkdir(parents=True)
        (src / "SOURCE.yaml").write_text("license: MIT\n")
        (src / f"f{suffix}").write_bytes(raw.encode(encoding))
        (unit,) = discover(Path(folder) / "inbox")
        items = list(read_unit(unit))
    assert items, "every file ends with an outcome"
    for item in items:
        where = item.provenance + " " + (item.message if isinstance(item, Quarantine) else repr(item.metadata))
        assert canary.lower() not in where.lower()
        assert len(text.strip()) < 8 or text.strip() not in where  # shorter, it may be a word of any message


@FUZZ
@given(rows=st.lists(st.text(max_size=60), min_size=1, max_size=300), options=st.fixed_dictionaries({
    "compression": st.sampled_from(["none", "snappy", "zstd", "gzip"]), "use_dictionary": st.booleans(),
    "data_page_version": st.sampled_from(["1.0", "2.0"]), "data_page_size": st.sampled_from([64, 1024, 2**20]),
    "write_statistics": st.booleans()}))
def test_fuzz_parquet_page_headers_add_up_to_what_an_honest_footer_declares(rows, options):
    """Walked on files pyarrow wrote, the page headers sum to the footer's totals less the headers'
    own bytes: the walk reads every page of every chunk, whatever the writer's options."""
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq

    from curation.sources.formats.parquetsafe import chunk_range, page_sizes

    buf = io.BytesIO()
    pq.write_table(pa.table({"text": rows, "n": list(range(len(rows)))}), buf, **options)
    data = buf.getvalue()
    meta = pq.ParquetFile(io.BytesIO(data)).metadata
    columns = [meta.row_group(g).column(c) for g in range(meta.num_row_groups) for c in range(meta.num_columns)]
    sizes = page_sizes(data, [chunk_range(c) for c in columns])
    declared = sum(c.total_uncompressed_size for c in columns)
    assert 0 < declared - sizes.inflated <= 256 * sum(1 + c.num_values // 1 for c in columns)  # headers only


@FUZZ
@given(noise=st.binary(min_size=1, max_size=64), at=st.integers(min_value=0, max_value=200))
def test_fuzz_damaged_parquet_pages_end_in_an_outcome_not_an_exception(noise, at):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from curation.sources.formats import TooLarge
    from curation.sources.formats.records import read_parquet

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.parquet"
        pq.write_table(pa.table({"text": [TICKETS_EN[6]] * 20}), path, compression="zstd")
        raw = bytearray(path.read_bytes())
        start = 4 + at % max(1, pq.ParquetFile(path).metadata.row_group(0).column(0).total_compressed_size)
        raw[start:start + len(noise)] = noise
        path.write_bytes(bytes(raw))
        ctx = ReadContext(SourceInfo("src"), "src/p.parquet")
        try:
            items = list(read_parquet(Blob.of_file(path), ctx))
        except TooLarge:
            return
        except Exception as exc:  # pyarrow's own error past a header the walk accepted: read_unit's read_error
            assert type(exc).__module__.startswith(("pyarrow", "builtins")), exc
            return
    assert items


def _refused_unmeasured(chain: list[bytes]) -> bool:
    """LZW, or an image codec with a filter after it, before the chain's first name PDFium cannot
    decode (Crypt, an unknown one): what follows that is never decoded."""
    for i, name in enumerate(chain):
        if name == b"/LZW" or name == b"/DCT" and i < len(chain) - 1:
            return True
        if name in (b"/Crypt", b"/Bogus"):
            return False
    return False


@FUZZ
@given(chain=st.lists(st.sampled_from([b"/AHx", b"/A85", b"/Fl", b"/RL", b"/LZW", b"/DCT", b"/Crypt", b"/Bogus"]),
                      max_size=4), body=st.binary(max_size=400))
def test_fuzz_pdf_filter_chains_give_a_verdict_in_bounded_time(chain, body):
    import time

    from curation.sources.formats.pdfsafe import bomb_message

    data = (b"%PDF-1.4\n4 0 obj\n<< /Length " + str(len(body)).encode() + b" /Filter [" + b" ".join(chain)
            + b"] >>\nstream\n" + body + b"\nendstream\nendobj\n")
    started = time.monotonic()
    verdict = bomb_message(Blob.of_bytes(data, ".pdf"), 2**20)
    assert verdict is None or "not opened" in verdict
    assert (verdict is not None) == _refused_unmeasured(chain)
    assert time.monotonic() - started < 5
