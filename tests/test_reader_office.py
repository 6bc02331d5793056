"""Word, Excel and PowerPoint readers: text of every part in order, people kept out of the text,
hostile and broken files quarantined with a reason in bounded time."""

from __future__ import annotations

import itertools
import time
import zipfile
from pathlib import Path

import pytest
from office_files import BILLION_LAUGHS, inline_row, write_sheet_xlsx

from curation.documents import Quarantine, RawDocument, SourceInfo
from curation.sources import discover, read_unit
from curation.sources.formats import Blob, ReadContext, ReaderOptions, read_blob
from curation.sources.formats.office import OLE_MAGIC
from scripts.sample_files.office import write_docx, write_pptx, write_xlsx

AUTHOR, EDITOR, REVIEWER, INITIALS = "Hanako Suzuki", "鈴木一郎", "Margaret Whitfield", "MW"


def read(path: Path, source: SourceInfo | None = None, **options) -> list:
    ctx = ReadContext(source or SourceInfo(name="src", license="MIT"), "src/file",
                      options=ReaderOptions(**options))
    return list(read_blob(Blob.of_file(path), ctx))


def leaks(items: list, *values: str) -> list[str]:
    """The values found in any item's text, metadata, message or provenance."""
    found = []
    for item in items:
        visible = " ".join([getattr(item, "text", ""), str(getattr(item, "metadata", "")),
                            getattr(item, "message", ""), item.provenance or ""])
        found += [v for v in values if v in visible]
    return found


# --- Word ---

def test_docx_every_part_reaches_the_document_in_order(tmp_path):
    path = write_docx(tmp_path / "memo.docx", ["Quarterly plan for the Osaka office.", "大阪事務所の四半期計画です。"],
                      table=[["Item", "担当"], ["Budget", "経理部"]], header="Internal 社外秘",
                      footer="Page footer", comment="Check the figures 数字を確認",
                      footnotes=["Source: board minutes.", "出典：議事録"], endnotes=["End note 文末"])
    (doc,) = read(path)
    assert isinstance(doc, RawDocument)
    parts = doc.text.split("\n\n")
    assert parts == [("Quarterly plan for the Osaka office.\n大阪事務所の四半期計画です。\n"
                      "Item\t担当\nBudget\t経理部"),
                     "Internal 社外秘\nPage footer", "Source: board minutes.\n出典：議事録", "End note 文末",
                     "Check the figures 数字を確認"]
    assert doc.provenance == "body, tables, headers and footers, footnotes, endnotes, comments"


def test_docx_people_are_known_pii_and_nowhere_else(tmp_path):
    path = write_docx(tmp_path / "memo.docx", ["A short note."], comment="Looks fine.", author=AUTHOR,
                      last_modified_by=EDITOR, comment_author=REVIEWER, comment_initials=INITIALS)
    items = read(path)
    assert leaks(items, AUTHOR, EDITOR, REVIEWER, "Suzuki", "Whitfield") == []
    (doc,) = items
    assert set(doc.known_pii) == {("PERSON", AUTHOR), ("PERSON", EDITOR), ("PERSON", REVIEWER), ("PERSON", INITIALS)}


def test_docx_header_shared_by_sections_appears_once(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("第一章")
    document.sections[0].header.paragraphs[0].text = "Confidential 機密"
    second = document.add_section()
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "Confidential 機密"
    document.add_paragraph("Chapter two")
    document.save(tmp_path / "two.docx")
    (doc,) = read(tmp_path / "two.docx")
    assert doc.text.count("Confidential 機密") == 1 and "Chapter two" in doc.text


def test_docx_tracked_insertions_content_controls_and_text_boxes_are_read(tmp_path):
    import docx
    from docx.oxml.parser import parse_xml

    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"')
    document = docx.Document()
    paragraph = document.add_paragraph("契約は ")
    paragraph._p.append(parse_xml(f'<w:ins {ns} w:id="1" w:author="{REVIEWER}"><w:r><w:t>来月 renewed</w:t></w:r></w:ins>'))
    paragraph._p.append(parse_xml(f'<w:del {ns} w:id="2" w:author="{REVIEWER}"><w:r><w:delText>withdrawn 撤回</w:delText>'
                                  '</w:r></w:del>'))
    box = '<w:txbxContent><w:p><w:r><w:t>Callout 吹き出し</w:t></w:r></w:p></w:txbxContent>'
    paragraph._p.append(parse_xml(f'<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps">{box}</mc:Choice>'
                                  f'<mc:Fallback>{box}</mc:Fallback></mc:AlternateContent></w:r>'))
    document.element.body.insert(0, parse_xml(f'<w:sdt {ns}><w:sdtContent><w:p><w:r><w:t>Form field 記入欄</w:t>'
                                              '</w:r></w:p></w:sdtContent></w:sdt>'))
    document.save(tmp_path / "tracked.docx")
    (doc,) = read(tmp_path / "tracked.docx")
    assert doc.text == "Form field 記入欄\n契約は 来月 renewed\n\nCallout 吹き出し"
    assert doc.provenance == "body, text boxes"
    assert leaks([doc], REVIEWER, "withdrawn") == []
    assert ("PERSON", REVIEWER) in doc.known_pii


def test_docx_nested_table_is_read_inside_its_cell(tmp_path):
    import docx

    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "外側 outer"
    inner = outer.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "inner A", "内側 B"
    document.save(tmp_path / "nested.docx")
    (doc,) = read(tmp_path / "nested.docx")
    assert doc.text == "外側 outer\tinner A 内側 B" and doc.provenance == "body, tables"


def test_docx_without_text_is_quarantined_as_empty(tmp_path):
    (item,) = read(write_docx(tmp_path / "blank.docx", []))
    assert isinstance(item, Quarantine) and item.reason == "empty_text"


def test_docx_missing_its_main_part_is_unreadable(tmp_path):
    good = write_docx(tmp_path / "good.docx", ["text"])
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(tmp_path / "broken.docx", "w") as dst:
        for member in src.infolist():
            if member.filename != "word/document.xml":
                dst.writestr(member, src.read(member))
    (item,) = read(tmp_path / "broken.docx")
    assert item.reason == "unreadable_office" and "Word" in item.message


def test_zip_that_is_not_a_word_file_is_unreadable(tmp_path):
    with zipfile.ZipFile(tmp_path / "notes.docx", "w") as archive:
        archive.writestr("notes.txt", "just a zip")
    (item,) = read(tmp_path / "notes.docx")
    assert item.reason == "unreadable_office"


def test_docx_entity_expansion_is_refused_quickly(tmp_path):
    good = write_docx(tmp_path / "good.docx", ["PLACEHOLDER"])
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(tmp_path / "lol.docx", "w") as dst:
        for member in src.infolist():
            data = src.read(member)
            if member.filename == "word/document.xml":
                head, rest = data.decode().split("?>", 1)
                data = (head + "?>" + BILLION_LAUGHS.replace("worksheet", "w:document")
                        + rest.replace("PLACEHOLDER", "before &lol9; after")).encode()
            dst.writestr(member, data)
    started = time.monotonic()
    (item,) = read(tmp_path / "lol.docx")
    assert item.reason == "unreadable_office" and time.monotonic() - started < 5


# --- bad Office files of every kind ---

@pytest.mark.parametrize("suffix", [".docx", ".xlsx", ".pptx"])
def test_password_protected_office_file_is_encrypted_office(tmp_path, suffix):
    path = tmp_path / f"secret{suffix}"
    path.write_bytes(OLE_MAGIC + bytes(range(256)) * 8)
    (item,) = read(path)
    assert item.reason == "encrypted_office" and "without a password" in item.message


@pytest.mark.parametrize("suffix", [".docx", ".xlsx", ".pptx"])
def test_corrupt_and_truncated_office_files_are_unreadable(tmp_path, suffix):
    builders = {".docx": lambda p: write_docx(p, ["Some text here."]),
                ".xlsx": lambda p: write_xlsx(p, [[["Some text here."]]]),
                ".pptx": lambda p: write_pptx(p, [("Some text here.", None)])}
    good = builders[suffix](tmp_path / f"good{suffix}")
    truncated = tmp_path / f"cut{suffix}"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    garbage = tmp_path / f"junk{suffix}"
    garbage.write_bytes(b"PK\x03\x04 this is not really a zip" * 10)
    for path in (truncated, garbage):
        (item,) = read(path)
        assert item.reason == "unreadable_office", (path.name, item)


def test_zip_bomb_named_docx_is_refused_before_inflating(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (60 * 2**20))
    started = time.monotonic()
    (item,) = read(path)
    assert item.reason == "decompression_bomb" and time.monotonic() - started < 5


def test_office_file_inflating_past_the_budget_is_file_too_large(tmp_path):
    src = tmp_path / "inbox" / "src"
    src.mkdir(parents=True)
    (src / "SOURCE.yaml").write_text("license: MIT\n")
    write_xlsx(src / "big.xlsx", [[[f"row {i} " + "x" * 200] for i in range(3000)]])
    (unit,) = discover(tmp_path / "inbox")
    items = list(read_unit(unit, max_bytes=200_000))
    assert [i.reason for i in items] == ["file_too_large"]


# --- Excel ---

def test_xlsx_one_document_per_sheet_hidden_sheets_included(tmp_path):
    path = write_xlsx(tmp_path / "book.xlsx", {
        "Costs": [["Item", "Cost"], ["Paper", 120], [], [None, None], ["Toner", 45.5]],
        "秘密": [["氏名なし", "東京都"], ["備考", "来週"]],
    }, hidden=[1])
    docs = read(path)
    assert [(d.record, d.provenance) for d in docs] == [(0, "sheet 1"), (1, "sheet 2 (hidden)")]
    assert docs[0].text == "Item\tCost\nPaper\t120\nToner\t45.5"
    assert docs[1].text == "氏名なし\t東京都\n備考\t来週"
    assert leaks(docs, "Costs", "秘密") == []  # sheet names are not provenance


def test_xlsx_comments_are_a_document_and_their_authors_known_pii(tmp_path):
    import openpyxl
    from openpyxl.comments import Comment

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Invoice 請求書", 1200])
    sheet["A1"].comment = Comment("Check the total 合計を確認", REVIEWER)
    sheet["B1"].comment = Comment("Paid in March", AUTHOR)
    workbook.save(tmp_path / "noted.xlsx")
    for source in (None, SourceInfo(name="src", license="MIT", spreadsheet_documents="row")):
        docs = read(tmp_path / "noted.xlsx", source)
        assert [d.provenance for d in docs][-1] == "sheet 1 comments"
        assert docs[-1].text == "Check the total 合計を確認\nPaid in March"
        assert all({("PERSON", REVIEWER), ("PERSON", AUTHOR)} <= set(d.known_pii) for d in docs)
        assert leaks(docs, REVIEWER, AUTHOR) == []


def test_xlsx_row_mode_one_document_per_row(tmp_path):
    path = write_xlsx(tmp_path / "book.xlsx", [[["Question", "Answer"], [], ["What is it?", "A test."]],
                                               [["質問", "回答"]]], author=AUTHOR, last_modified_by=EDITOR)
    docs = read(path, SourceInfo(name="src", license="MIT", spreadsheet_documents="row"))
    assert [(d.record, d.provenance, d.text) for d in docs] == [
        (0, "sheet 1 row 1", "Question\tAnswer"), (1, "sheet 1 row 3", "What is it?\tA test."),
        (2, "sheet 2 row 1", "質問\t回答")]
    assert all(set(d.known_pii) == {("PERSON", AUTHOR), ("PERSON", EDITOR)} for d in docs)
    assert leaks(docs, AUTHOR, EDITOR) == []


def test_xlsx_empty_sheet_is_said_to_be_empty(tmp_path):
    path = write_xlsx(tmp_path / "book.xlsx", [[["text"]], []])
    for source in (None, SourceInfo(name="src", license="MIT", spreadsheet_documents="row")):
        items = read(path, source)
        assert [i.reason if isinstance(i, Quarantine) else "doc" for i in items] == ["doc", "empty_text"]
        assert items[1].provenance == "sheet 2"


def test_xlsx_long_sheet_becomes_documents_of_whole_consecutive_rows(tmp_path):
    from curation.sources.formats.excel import SHEET_PART_CHARS

    line = "売上報告 sales report " * 15
    count = 2 * SHEET_PART_CHARS // len(line) + 10
    path = write_xlsx(tmp_path / "long.xlsx", [[[f"{n}", line] for n in range(1, count + 1)]])
    docs = read(path)
    assert len(docs) == 3 and all(isinstance(d, RawDocument) for d in docs)
    assert [d.record for d in docs] == [0, 1, 2]
    bounds = [d.provenance.removeprefix("sheet 1 rows ").split(" to ") for d in docs]
    assert bounds[0][0] == "1" and bounds[-1][1] == str(count)
    assert all(int(b[0]) == int(a[1]) + 1 for a, b in itertools.pairwise(bounds))
    rows = [r for d in docs for r in d.text.split("\n")]
    assert [r.split("\t")[0] for r in rows] == [str(n) for n in range(1, count + 1)]


def test_xlsx_without_worksheets_yields_an_item(tmp_path):
    from office_files import CONTENT_TYPES, ROOT_RELS, WORKBOOK, WORKBOOK_RELS

    with zipfile.ZipFile(tmp_path / "none.xlsx", "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK.replace('<sheet name="Data" sheetId="1" r:id="rId1"/>', ""))
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
    (item,) = read(tmp_path / "none.xlsx")
    assert item.reason == "empty_text" and "no worksheet" in item.message


def test_xlsx_formula_reads_its_cached_value_never_the_formula(tmp_path):
    row = ('<row r="1"><c r="A1"><f>SUM(1,2)</f><v>3</v></c>'
           '<c r="B1" t="str"><f>CONCAT("a","b")</f><v>ab</v></c></row>')
    path = write_sheet_xlsx(tmp_path / "f.xlsx", [row])
    (doc,) = read(path)
    assert doc.text == "3\tab"


def test_xlsx_sheets_past_max_pages_are_refused_as_one_item(tmp_path):
    path = write_xlsx(tmp_path / "book.xlsx", [[[f"sheet {n} text"]] for n in range(1, 6)])
    items = read(path, max_pages=2)
    assert [i.provenance for i in items[:2]] == ["sheet 1", "sheet 2"]
    assert items[2].reason == "too_many_sheets" and "5 sheets" in items[2].message
    assert len(items) == 3 and len({i.record for i in items}) == 3


def test_xlsx_with_a_million_empty_rows_streams_to_its_one_real_row(tmp_path):
    rows = (f'<row r="{n}"/>' for n in range(1, 1_000_001))
    path = write_sheet_xlsx(tmp_path / "sparse.xlsx", [*rows, inline_row(1_000_001, "最後の行", "last row")],
                            dimension="A1:XFD1048576")
    started = time.monotonic()
    items = read(path)
    assert time.monotonic() - started < 60
    assert [(i.provenance, i.text) for i in items] == [("sheet 1", "最後の行\tlast row")]


def test_xlsx_declared_extent_does_not_pad_rows(tmp_path):
    # A cell in the last column of a row numbered in the billions: openpyxl's iter_rows would
    # build the billions of rows before it and 16,384 cells for it.
    far = '<row r="4000000000"><c r="XFD4000000000" t="inlineStr"><is><t>far</t></is></c></row>'
    path = write_sheet_xlsx(tmp_path / "far.xlsx", [inline_row(1, "first"), far], dimension="A1:XFD4000000000")
    started = time.monotonic()
    for source in (None, SourceInfo(name="src", license="MIT", spreadsheet_documents="row")):
        items = read(path, source)
        assert " ".join(i.text for i in items) in ("first\nfar", "first far")
    assert time.monotonic() - started < 5


def test_xlsx_entity_expansion_is_refused_quickly(tmp_path):
    path = write_sheet_xlsx(tmp_path / "lol.xlsx", [inline_row(1, "&lol9;").replace("&amp;", "&")],
                            doctype=BILLION_LAUGHS)
    started = time.monotonic()
    (item,) = read(path)
    assert item.reason == "unreadable_office" and time.monotonic() - started < 5


# --- PowerPoint ---

def test_pptx_one_document_per_slide_with_tables_groups_and_notes(tmp_path):
    from pptx import Presentation
    from pptx.util import Inches

    path = write_pptx(tmp_path / "deck.pptx", [("Roadmap 2025\nShip the reader", "Say it slowly. ゆっくり話す"),
                                              ("日本語のスライド", None)],
                      table=[["Team", "チーム"], ["Docs", "文書"]], author=AUTHOR, last_modified_by=EDITOR)
    deck = Presentation(path)
    group = deck.slides[1].shapes.add_group_shape()
    inner = group.shapes.add_textbox(Inches(1), Inches(4), Inches(3), Inches(1))
    inner.text_frame.text = "グループ内の文字 grouped text"
    deck.save(path)
    docs = read(path)
    assert [(d.record, d.provenance) for d in docs] == [(0, "slide 1 and notes"), (1, "slide 2")]
    assert docs[0].text == "Roadmap 2025\nShip the reader\nTeam\tチーム\nDocs\t文書\n\nSay it slowly. ゆっくり話す"
    assert docs[1].text == "日本語のスライド\nグループ内の文字 grouped text"
    assert all(set(d.known_pii) == {("PERSON", AUTHOR), ("PERSON", EDITOR)} for d in docs)
    assert leaks(docs, AUTHOR, EDITOR) == []


def test_pptx_slide_comments_follow_the_notes_and_their_authors_are_known_pii(tmp_path):
    path = write_pptx(tmp_path / "deck.pptx", [("Plan 計画", "Speaker note"), ("Second", None)],
                      comments=[(0, REVIEWER, INITIALS, "Add the budget 予算を追加"), (1, AUTHOR, "HS", "Typo here")])
    docs = read(path)
    assert [(d.provenance, d.text) for d in docs] == [
        ("slide 1 and notes and comments", "Plan 計画\n\nSpeaker note\n\nAdd the budget 予算を追加"),
        ("slide 2 and comments", "Second\n\nTypo here")]
    assert all({("PERSON", REVIEWER), ("PERSON", INITIALS), ("PERSON", AUTHOR)} <= set(d.known_pii) for d in docs)
    assert leaks(docs, REVIEWER, AUTHOR) == []


def test_pptx_modern_comments_and_replies_are_read(tmp_path):
    from pptx import Presentation
    from pptx.opc.package import Part
    from pptx.opc.packuri import PackURI

    path = write_pptx(tmp_path / "deck.pptx", [("本文 body", None)])
    deck = Presentation(path)
    modern = "http://schemas.microsoft.com/office/2018/10/relationships/"
    p188 = 'xmlns:p188="http://schemas.microsoft.com/office/powerpoint/2018/8/main" ' \
           'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    authors = Part(PackURI("/ppt/authors.xml"), "application/vnd.ms-powerpoint.authors+xml", deck.part.package,
                   f'<p188:authorLst {p188}><p188:author id="{{1}}" name="{REVIEWER}" initials="{INITIALS}" '
                   'userId="x" providerId="None"/></p188:authorLst>'.encode())
    deck.part.relate_to(authors, modern + "authors")
    body = '<p188:txBody><a:bodyPr/><a:p><a:r><a:t>{}</a:t></a:r></a:p></p188:txBody>'
    comments = Part(PackURI("/ppt/comments/modernComment_1.xml"), "application/vnd.ms-powerpoint.comments+xml",
                    deck.part.package,
                    f'<p188:cmLst {p188}><p188:cm id="{{2}}" authorId="{{1}}"><p188:replyLst><p188:reply id="{{3}}" '
                    f'authorId="{{1}}">{body.format("返信 reply")}</p188:reply></p188:replyLst>'
                    f'{body.format("Modern comment 新しい")}</p188:cm></p188:cmLst>'.encode())
    deck.slides[0].part.relate_to(comments, modern + "comments")
    deck.save(path)
    (doc,) = read(path)
    assert doc.provenance == "slide 1 and comments" and doc.text == "本文 body\n\nModern comment 新しい 返信 reply"
    assert {("PERSON", REVIEWER), ("PERSON", INITIALS)} <= set(doc.known_pii) and leaks([doc], REVIEWER) == []


def test_pptx_without_slides_yields_an_item(tmp_path):
    (item,) = read(write_pptx(tmp_path / "empty.pptx", []))
    assert item.reason == "empty_text" and "no slides" in item.message


def test_pptx_hidden_slide_is_read_and_said_to_be_hidden(tmp_path):
    from pptx import Presentation

    path = write_pptx(tmp_path / "deck.pptx", [("Shown", None), ("非表示のスライド hidden", "メモ")])
    deck = Presentation(path)
    deck.slides[1].element.set("show", "0")
    deck.save(path)
    docs = read(path)
    assert [(d.provenance, d.text) for d in docs] == [("slide 1", "Shown"),
                                                       ("slide 2 (hidden) and notes", "非表示のスライド hidden\n\nメモ")]


def test_pptx_slides_past_max_pages_are_refused_as_one_item(tmp_path):
    path = write_pptx(tmp_path / "deck.pptx", [(f"Slide {n}", None) for n in range(1, 5)])
    items = read(path, max_pages=3)
    assert [i.provenance for i in items[:3]] == ["slide 1", "slide 2", "slide 3"]
    assert items[3].reason == "too_many_slides" and len({i.record for i in items}) == 4


# --- through the inbox ---

def test_office_files_in_an_inbox_are_discovered_and_read(tmp_path):
    src = tmp_path / "inbox" / "office"
    src.mkdir(parents=True)
    (src / "SOURCE.yaml").write_text("license: MIT\n")
    write_docx(src / "報告書.docx", ["The report.", "報告書の本文。"], author=AUTHOR)
    write_xlsx(src / "table.xlsx", [[["Name", "値"], ["alpha", 1]]])
    write_pptx(src / "deck.pptx", [("One slide", "メモ")])
    (src / "locked.docx").write_bytes(OLE_MAGIC + b"\0" * 512)
    items = [item for unit in discover(tmp_path / "inbox") for item in read_unit(unit)]
    by_file = {Path(i.path).name: i for i in items}
    assert set(by_file) == {"報告書.docx", "table.xlsx", "deck.pptx", "locked.docx"}
    assert all(i.source == "office" for i in items)
    assert by_file["報告書.docx"].text == "The report.\n報告書の本文。"
    assert by_file["table.xlsx"].text == "Name\t値\nalpha\t1"
    assert by_file["deck.pptx"].provenance == "slide 1 and notes"
    assert by_file["locked.docx"].reason == "encrypted_office"
    assert leaks(items, AUTHOR, "報告書.docx") == []
