"""Word (.docx): one document per file.

The text is the body's paragraphs and tables in document order (a table row as its cells joined
by tabs), then the text boxes, the headers and footers (each distinct one once, however many
sections share it), the footnotes, the endnotes and the comments' text, each part after a blank
line. Provenance names the parts that held text ("body, tables, footnotes"). The core properties'
author and last modifier, the comments' authors and initials and the tracked changes' authors
are known personal data (office.people).

python-docx opens the package (and refuses one without a Word main part), but its Paragraph.text
leaves out inserted text of tracked changes, content controls and text boxes: the text is read
from the parts' XML here, so that none of it is dropped. Deleted text (w:delText) is left out.
"""

from __future__ import annotations

from collections.abc import Iterator

from curation.sources.formats.base import Blob, Item, ReadContext
from curation.sources.formats.office import people, persons, read_office

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
TRACKED = frozenset(W + tag for tag in ("ins", "del", "moveFrom", "moveTo"))
NOTE_TYPES_SKIPPED = ("separator", "continuationSeparator", "continuationNotice")


def read_docx(blob: Blob, ctx: ReadContext) -> Iterator[Item]:
    # All the work is in `load`: a part that cannot be read makes the file unreadable_office.
    yield from read_office(blob, ctx, "Word", lambda fh: _read(fh, ctx), lambda item: iter([item]))


def _read(fh, ctx: ReadContext) -> Item:
    import docx

    document = docx.Document(fh)  # refuses a package whose main part is missing or not a Word one
    text = _Text(ctx)
    body = text.blocks(document.element.body)
    parts = [("body", body), ("tables" if text.tables else "", []), ("text boxes", text.boxes()),
             ("headers and footers", _distinct(text.blocks(root) for root in _related(document, "header", "footer"))),
             ("footnotes", _notes(document, "footnotes", "footnote", text)),
             ("endnotes", _notes(document, "endnotes", "endnote", text))]
    authors: list[str] = []
    comments = []
    for root in _related(document, "comments"):
        for comment in root.iter(W + "comment"):
            authors += [comment.get(W + "author"), comment.get(W + "initials")]
            comments += text.blocks(comment)
    parts.append(("comments", comments))
    joined = "\n\n".join("\n".join(lines) for _, lines in parts if lines)
    where = ", ".join(name for name, lines in parts if name and (lines or name == "tables"))
    known = tuple(dict.fromkeys(people(document.core_properties) + persons(authors + text.authors)))
    return ctx.document(0, joined, where=where, known_pii=known)


def _related(document, *kinds: str) -> list:
    """The root elements of the main part's related parts of these kinds (header, footer, ...),
    in part-name order, parsed by python-docx's parser (no entities resolved, nothing fetched)."""
    from docx.oxml.parser import parse_xml

    order = {REL + kind: n for n, kind in enumerate(kinds)}
    parts = {(order[rel.reltype], str(rel.target_part.partname)): rel.target_part
             for rel in document.part.rels.values() if not rel.is_external and rel.reltype in order}
    return [part.element if hasattr(part, "element") else parse_xml(part.blob)
            for _, part in sorted(parts.items(), key=lambda kv: kv[0])]


def _notes(document, kind: str, tag: str, text: _Text) -> list[str]:
    lines = []
    for root in _related(document, kind):
        for note in root.iter(W + tag):
            if note.get(W + "type") not in NOTE_TYPES_SKIPPED:
                lines += text.blocks(note)
    return lines


def _distinct(groups: Iterator[list[str]]) -> list[str]:
    seen: dict[str, None] = {}
    for lines in groups:
        if joined := "\n".join(lines).strip():
            seen.setdefault(joined, None)
    return list(seen)


class _Text:
    """Lines of WordprocessingML block content, charged to the budget; text boxes met on the way
    are kept aside (`boxes`), since they float outside the flow of the paragraph that anchors them."""

    def __init__(self, ctx: ReadContext):
        self.ctx, self.tables, self._boxes = ctx, False, []
        self.authors: list[str] = []  # of tracked changes met

    def blocks(self, element) -> list[str]:
        """The lines of a body, header, note, comment or table cell: paragraphs, table rows as
        tab-separated cells, content controls' and custom XML's content; blank ones left out."""
        lines = []
        for child in element:
            if child.tag == W + "p":
                lines.append(self.paragraph(child))
            elif child.tag == W + "tbl":
                self.tables = True
                for row in child.iter(W + "tr"):
                    if row.getparent() is not child:
                        continue  # a nested table's rows: read within its cell
                    # a cell is one field of its row: its own tabs and line breaks become spaces
                    cells = [" ".join(self.blocks(cell)).replace("\t", " ").replace("\n", " ")
                             for cell in row if cell.tag == W + "tc"]
                    lines.append("\t".join(cells) if any(c.strip() for c in cells) else "")
            elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "smartTag"):
                if child.tag in TRACKED:
                    self.authors.append(child.get(W + "author"))
                lines += self.blocks(child)
        return [line for line in lines if line.strip()]

    def paragraph(self, p) -> str:
        out: list[str] = []
        self._runs(p, out)
        line = "".join(out)
        self.ctx.budget.charge_text(line)
        return line

    def _runs(self, element, out: list[str]) -> None:
        for child in element:
            tag = child.tag
            if tag in TRACKED:
                self.authors.append(child.get(W + "author"))
            if tag == W + "t":
                out.append(child.text or "")
            elif tag == W + "tab":
                out.append("\t")
            elif tag in (W + "br", W + "cr"):
                out.append("\n")
            elif tag == W + "txbxContent":
                self._boxes.append(" ".join(self.blocks(child)))
            elif tag == MC_FALLBACK or tag in (W + "del", W + "delText", W + "instrText", W + "moveFrom"):
                continue  # a legacy copy of the choice before it; deleted text; field codes
            else:
                self._runs(child, out)

    def boxes(self) -> list[str]:
        return [box for box in dict.fromkeys(self._boxes) if box.strip()]
