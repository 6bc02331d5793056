"""PowerPoint (.pptx): one document per slide ("slide 4").

A slide's text is every shape's in the slide's order: text frames, tables (a row as its cells
joined by tabs) and the shapes inside groups, then, after a blank line, its speaker notes
("slide 4 and notes" when it has some); a slide hidden from the show is read too ("slide 5
(hidden)"). Slides past the policy's `max_pages` are refused as one item (too_many_slides). The
core properties' author and last modifier are known personal data; slide comments are not read.
"""

from __future__ import annotations

from collections.abc import Iterator

from curation.sources.formats.base import Blob, Item, ReadContext
from curation.sources.formats.office import library_failed, people, read_office, unreadable


def read_pptx(blob: Blob, ctx: ReadContext) -> Iterator[Item]:
    yield from read_office(blob, ctx, "PowerPoint", _load, lambda loaded: _slides(*loaded, ctx))


def _load(fh) -> tuple[list, tuple]:
    import pptx

    presentation = pptx.Presentation(fh)
    return list(presentation.slides), people(presentation.core_properties)


def _slides(slides: list, known: tuple, ctx: ReadContext) -> Iterator[Item]:
    limit = ctx.options.max_pages
    for number, slide in enumerate(slides[:limit], start=1):
        where = f"slide {number}" + (" (hidden)" if slide.element.get("show") in ("0", "false") else "")
        try:
            body, notes = _slide_text(slide, ctx)
        except Exception as exc:  # one slide's bad part costs that slide only
            if not library_failed(exc):
                raise
            yield unreadable(ctx, "PowerPoint", exc, where)
            continue
        text = "\n\n".join(part for part in (body, notes) if part.strip())
        yield ctx.document(number - 1, text, where=f"{where} and notes" if notes.strip() else where,
                           known_pii=known)
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
