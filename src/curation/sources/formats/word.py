"""Word (.docx): one document per file.

The text is the body's paragraphs and tables in document order (a table row as its cells joined
by tabs), then the headers and footers (each distinct one once, however many sections share it),
the footnotes, the endnotes and the comments' text, each part after a blank line. Provenance names
the parts that held text ("body, tables, footnotes"). The core properties' author and last
modifier and the comments' authors and initials are known personal data (office.people).
"""

from __future__ import annotations

from collections.abc import Iterator

from curation.sources.formats.base import Blob, Item, ReadContext
from curation.sources.formats.office import people, persons, read_office

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
ENDNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"


def read_docx(blob: Blob, ctx: ReadContext) -> Iterator[Item]:
    # All the work is in `load`: a part that python-docx cannot read makes the file unreadable_office.
    yield from read_office(blob, ctx, "Word", lambda fh: _read(fh, ctx), lambda item: iter([item]))


def _read(fh, ctx: ReadContext) -> Item:
    import docx

    document = docx.Document(fh)  # refuses a package whose main part is missing or not a Word one
    parts: list[tuple[str, list[str]]] = []
    body, has_table = _blocks(document, ctx)
    parts.append(("tables" if has_table else "", body))
    parts.append(("headers and footers", _headers_footers(document, ctx)))
    parts.append(("footnotes", _notes(document, FOOTNOTES, "footnote", ctx)))
    parts.append(("endnotes", _notes(document, ENDNOTES, "endnote", ctx)))
    comments, authors = _comments(document, ctx)
    parts.append(("comments", comments))
    text = "\n\n".join("\n".join(lines) for _, lines in parts if lines)
    names = [name for name, lines in parts if lines and name]
    if body:
        names.insert(0, "body")
    known = people(document.core_properties) + persons(authors)
    return ctx.document(0, text, where=", ".join(names), known_pii=tuple(dict.fromkeys(known)))


def _blocks(container, ctx: ReadContext) -> tuple[list[str], bool]:
    """The lines of a body, header, footer or table cell: paragraphs, and table rows as
    tab-separated cells (a merged cell once); whether a table was among them."""
    from docx.table import Table

    lines, has_table = [], False
    for block in container.iter_inner_content():
        if isinstance(block, Table):
            has_table = True
            for row in block.rows:
                cells, seen = [], set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a horizontally merged cell repeats
                        continue
                    seen.add(id(cell._tc))
                    inner, _ = _blocks(cell, ctx)
                    cells.append(" ".join(line for line in inner if line.strip()))
                if any(cells):
                    lines.append("\t".join(cells))
                    ctx.budget.charge_text(lines[-1])
        else:
            lines.append(block.text)
            ctx.budget.charge_text(lines[-1])
    while lines and not lines[-1].strip():
        lines.pop()
    return lines, has_table


def _headers_footers(document, ctx: ReadContext) -> list[str]:
    seen: dict[str, None] = {}
    for section in document.sections:
        for attr in ("header", "first_page_header", "even_page_header",
                     "footer", "first_page_footer", "even_page_footer"):
            part = getattr(section, attr)
            if part.is_linked_to_previous:  # no definition of its own (reading one would add it)
                continue
            text = "\n".join(_blocks(part, ctx)[0]).strip()
            if text:
                seen.setdefault(text, None)
    return list(seen)


def _notes(document, reltype: str, tag: str, ctx: ReadContext) -> list[str]:
    """The text of each footnote or endnote (python-docx has no API for them): word/footnotes.xml
    parsed with python-docx's parser, which resolves no entities and fetches nothing."""
    from docx.oxml.parser import parse_xml

    lines = []
    for rel in document.part.rels.values():
        if rel.is_external or rel.reltype != reltype:
            continue
        part = rel.target_part
        root = part.element if hasattr(part, "element") else parse_xml(part.blob)
        for note in root.iter(W + tag):
            if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            for p in note.iter(W + "p"):
                line = "".join(t.text or "" for t in p.iter(W + "t"))
                ctx.budget.charge_text(line)
                lines.append(line)
    return [line for line in lines if line.strip()]


def _comments(document, ctx: ReadContext) -> tuple[list[str], list[str]]:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    if not any(r.reltype == RT.COMMENTS for r in document.part.rels.values()):
        return [], []  # document.comments would add an empty part
    lines, authors = [], []
    for comment in document.comments:
        authors += [comment.author, comment.initials]
        text = comment.text
        ctx.budget.charge_text(text)
        if text.strip():
            lines.append(text)
    return lines, authors
