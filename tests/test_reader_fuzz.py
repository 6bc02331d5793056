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
