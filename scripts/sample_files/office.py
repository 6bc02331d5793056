"""Plain builders of Word, Excel and PowerPoint files, written with the libraries that read them.

For tests and scripts/make_samples.py: each takes the text to put in (English, Japanese, any) and
a path, and writes an ordinary file such as Office itself would open.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path


def write_docx(path: Path, paragraphs: Iterable[str], table: Sequence[Sequence[str]] | None = None,
               header: str | None = None, footer: str | None = None, comment: str | None = None,
               author: str | None = None, last_modified_by: str | None = None,
               comment_author: str | None = None, comment_initials: str | None = None,
               footnotes: Sequence[str] = (), endnotes: Sequence[str] = ()) -> Path:
    """A .docx of `paragraphs`, then `table` (rows of cell texts); `header`/`footer` on its
    section; `comment` anchored on the first paragraph, by `comment_author` (default: `author`);
    `footnotes`/`endnotes` as word/footnotes.xml and word/endnotes.xml parts (python-docx has no
    API to write them, nor references to them in the body: the parts alone are what a reader reads)."""
    import docx

    document = docx.Document()
    written = [document.add_paragraph(text) for text in paragraphs]
    if table:
        grid = document.add_table(rows=len(table), cols=max(len(row) for row in table))
        for cells, row in zip(grid.rows, table):
            for cell, text in zip(cells.cells, row):
                cell.text = text
    section = document.sections[0]
    if header is not None:
        section.header.paragraphs[0].text = header
    if footer is not None:
        section.footer.paragraphs[0].text = footer
    if comment is not None:
        anchor = written[0] if written else document.add_paragraph("")
        document.add_comment(anchor.runs or anchor.add_run(" "), text=comment,
                             author=comment_author or author or "", initials=comment_initials or "")
    for kind, texts in (("footnote", footnotes), ("endnote", endnotes)):
        if texts:
            _add_notes(document, kind, texts)
    document.core_properties.author = author or ""
    document.core_properties.last_modified_by = last_modified_by or ""
    document.save(path)
    return Path(path)


def _add_notes(document, kind: str, texts: Sequence[str]) -> None:
    from xml.sax.saxutils import escape

    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    notes = "".join(f'<w:{kind} w:id="{i}"><w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p></w:{kind}>'
                    for i, text in enumerate(texts, start=1))
    separator = f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{kind}s xmlns:w="{w}">{separator}{notes}</w:{kind}s>'
    content_type, reltype = ((CT.WML_FOOTNOTES, RT.FOOTNOTES) if kind == "footnote" else (CT.WML_ENDNOTES, RT.ENDNOTES))
    part = Part(PackURI(f"/word/{kind}s.xml"), content_type, xml.encode("utf-8"), document.part.package)
    document.part.relate_to(part, reltype)


def write_xlsx(path: Path, sheets: Mapping[str, Sequence[Sequence[object]]] | Sequence[Sequence[Sequence[object]]],
               hidden: Iterable[int] = (), author: str | None = None, last_modified_by: str | None = None) -> Path:
    """A .xlsx with one sheet per entry of `sheets` (a name → rows mapping, or a list of row lists
    named Sheet1, Sheet2...); the sheets at the 0-based positions in `hidden` are hidden."""
    import openpyxl

    named = sheets.items() if isinstance(sheets, Mapping) else ((f"Sheet{i + 1}", rows) for i, rows in enumerate(sheets))
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    hidden = set(hidden)
    for index, (name, rows) in enumerate(named):
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
        if index in hidden:
            sheet.sheet_state = "hidden"
    workbook.properties.creator = author
    workbook.properties.lastModifiedBy = last_modified_by
    workbook.save(path)
    return Path(path)


def write_pptx(path: Path, slides: Iterable[tuple[str, str | None]], table: Sequence[Sequence[str]] | None = None,
               author: str | None = None, last_modified_by: str | None = None,
               comments: Sequence[tuple[int, str, str, str]] = ()) -> Path:
    """A .pptx with one slide per (text, notes): the text in a text box (its lines as paragraphs),
    the notes as speaker notes when not None; `table` (rows of cell texts) on the first slide;
    `comments` as (0-based slide, author name, initials, text), in PowerPoint's legacy comment
    parts (python-pptx has no API to write them)."""
    import pptx
    from pptx.util import Inches

    presentation = pptx.Presentation()
    blank = presentation.slide_layouts[6]
    for index, (text, notes) in enumerate(slides):
        slide = presentation.slides.add_slide(blank)
        box = slide.shapes.add_textbox(Inches(0.5), Inches(0.5), Inches(9), Inches(2))
        box.text_frame.text = text
        if table and index == 0:
            shape = slide.shapes.add_table(len(table), max(len(r) for r in table),
                                           Inches(0.5), Inches(3), Inches(9), Inches(2))
            for r, row in enumerate(table):
                for c, value in enumerate(row):
                    shape.table.cell(r, c).text = value
        if notes is not None:
            slide.notes_slide.notes_text_frame.text = notes
    if comments:
        _add_slide_comments(presentation, comments)
    presentation.core_properties.author = author or ""
    presentation.core_properties.last_modified_by = last_modified_by or ""
    presentation.save(path)
    return Path(path)


def _add_slide_comments(presentation, comments: Sequence[tuple[int, str, str, str]]) -> None:
    from xml.sax.saxutils import escape, quoteattr

    from pptx.opc.constants import CONTENT_TYPE as CT
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    from pptx.opc.package import Part
    from pptx.opc.packuri import PackURI

    p = "http://schemas.openxmlformats.org/presentationml/2006/main"
    people = list(dict.fromkeys((name, initials) for _, name, initials, _ in comments))
    authors = "".join(f'<p:cmAuthor id="{i}" name={quoteattr(name)} initials={quoteattr(initials)} lastIdx="1" clrIdx="0"/>'
                      for i, (name, initials) in enumerate(people))
    package = presentation.part.package
    part = Part(PackURI("/ppt/commentAuthors.xml"), CT.PML_COMMENT_AUTHORS, package,
                f'<p:cmAuthorLst xmlns:p="{p}">{authors}</p:cmAuthorLst>'.encode())
    presentation.part.relate_to(part, RT.COMMENT_AUTHORS)
    for index in sorted({c[0] for c in comments}):
        items = "".join(f'<p:cm authorId="{people.index((name, initials))}" idx="{n}"><p:pos x="10" y="10"/>'
                        f'<p:text>{escape(text)}</p:text></p:cm>'
                        for n, (slide, name, initials, text) in enumerate(comments, start=1) if slide == index)
        part = Part(PackURI(f"/ppt/comments/comment{index + 1}.xml"), CT.PML_COMMENTS, package,
                    f'<p:cmLst xmlns:p="{p}">{items}</p:cmLst>'.encode())
        presentation.slides[index].part.relate_to(part, RT.COMMENTS)
