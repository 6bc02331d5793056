"""PowerPoint (.pptx): one document per slide ("slide 4").

A slide's text is every shape's in the slide's order: text frames, tables (a row as its cells
joined by tabs) and the shapes inside groups, then, after a blank line, its speaker notes
("slide 4 and notes" when it has some); a slide hidden from the show is read too ("slide 5
(hidden)"). Slides past the policy's `max_pages` are refused as one item (too_many_slides). The
core properties' author and last modifier are known personal data, and so are the comment authors'
names and initials; a slide's comments (legacy and modern) follow its notes ("slide 4 and comments").
"""

from __future__ import annotations

from collections.abc import Iterator

from curation.sources.formats.base import Blob, Item, ReadContext
from curation.sources.formats.office import (
    library_failed,
    people,
    persons,
    read_office,
    unreadable,
)

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
MODERN = "http://schemas.microsoft.com/office/2018/10/relationships/"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def read_pptx(blob: Blob, ctx: ReadContext) -> Iterator[Item]:
    yield from read_office(blob, ctx, "PowerPoint", _load, lambda loaded: _slides(*loaded, ctx))


def _load(fh) -> tuple[list, tuple]:
    import pptx

    presentation = pptx.Presentation(fh)
    authors = [name for root in _related(presentation.part, REL + "commentAuthors", MODERN + "authors")
               for author in root.iter("{*}cmAuthor", "{*}author")
               for name in (author.get("name"), author.get("initials"))]
    return list(presentation.slides), tuple(dict.fromkeys(people(presentation.core_properties) + persons(authors)))


def _slides(slides: list, known: tuple, ctx: ReadContext) -> Iterator[Item]:
    limit = ctx.options.max_pages
    if not slides:
        yield ctx.quarantine(None, "empty_text", "no slides; nothing to read")
    for number, slide in enumerate(slides[:limit], start=1):
        where = f"slide {number}" + (" (hidden)" if slide.element.get("show") in ("0", "false") else "")
        try:
            body, notes = _slide_text(slide, ctx)
            comments = _comments(slide, ctx)
        except Exception as exc:  # one slide's bad part costs that slide only
            if not library_failed(exc):
                raise
            yield unreadable(ctx, "PowerPoint", exc, where)
            continue
        text = "\n\n".join(part for part in (body, notes, comments) if part.strip())
        extras = " and ".join(name for name, part in (("notes", notes), ("comments", comments)) if part.strip())
        yield ctx.document(number - 1, text, where=f"{where} and {extras}" if extras else where, known_pii=known)
    if len(slides) > limit:
        yield ctx.quarantine(limit, "too_many_slides",
                             f"{len(slides)} slides, above the policy's limit of {limit} (inputs.max_pages); "
                             f"slides {limit + 1} to {len(slides)} not read; split the presentation")


def _slide_text(slide, ctx: ReadContext) -> tuple[str, str]:
    lines = list(_shapes_text(slide.shapes, ctx))
    notes = ""
    if slide.has_notes_slide:
        frame = slide.notes_slide.notes_text_frame
        notes = frame.text if frame is not None else ""
        ctx.budget.charge_text(notes)
    return "\n".join(line for line in lines if line.strip()), notes


def _shapes_text(shapes, ctx: ReadContext) -> Iterator[str]:
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from _shapes_text(shape.shapes, ctx)
        elif getattr(shape, "has_text_frame", False) and shape.has_text_frame:
            ctx.budget.charge_text(shape.text_frame.text)
            yield shape.text_frame.text
        elif getattr(shape, "has_table", False) and shape.has_table:
            for row in shape.table.rows:
                cells = [cell.text.replace("\n", " ").replace("\t", " ") for cell in row.cells
                         if not cell.is_spanned]
                line = "\t".join(cells)
                ctx.budget.charge_text(line)
                if line.strip():
                    yield line


def _related(part, *reltypes: str) -> list:
    """The root elements of `part`'s related parts of these types, parsed by python-pptx's parser
    (no entities resolved, nothing fetched): comment parts, which python-pptx has no API for."""
    from pptx.oxml import parse_xml

    return [parse_xml(rel.target_part.blob) for rel in part.rels.values()
            if not rel.is_external and rel.reltype in reltypes]


def _comments(slide, ctx: ReadContext) -> str:
    """A slide's comments, one per line: legacy (<p:cm><p:text>) and modern (<p188:cm> with a
    text body, replies included)."""
    texts = []
    for root in _related(slide.part, REL + "comments", MODERN + "comments"):
        for comment in root.iter("{*}cm"):
            # the comment's own text, then its replies' (the schema puts the replies first)
            bodies = [*comment.iterchildren("{*}text", "{*}txBody"), *comment.iter("{*}reply")]
            lines = [_comment_body(body) for body in bodies]
            text = " ".join(line for line in lines if line.strip())
            ctx.budget.charge_text(text)
            if text:
                texts.append(text)
    return "\n".join(texts)


def _comment_body(body) -> str:
    """A legacy comment's <p:text> holds plain text; a modern one's text body, paragraphs of runs."""
    if body.tag.endswith("}text"):
        return body.text or ""
    return " ".join("".join(t.text or "" for t in p.iter(A + "t")) for p in body.iter(A + "p"))
