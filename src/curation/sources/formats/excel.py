"""Excel (.xlsx): one document per sheet, or one per row (SOURCE.yaml `spreadsheet_documents: row`).

Every worksheet is read, hidden ones too ("sheet 3 (hidden)"); chart sheets hold no cells. A
sheet's comments (notes) are one more document after its rows ("sheet 2 comments"); their authors,
like the core properties' author and last modifier, are known personal data for every document. A cell
counts by its cached value (openpyxl data_only: a formula is never evaluated, its last saved result
is read); a row is its non-empty cells in column order joined by tabs, and empty rows are skipped.
A sheet of more than SHEET_PART_CHARS characters becomes several documents ("sheet 1 rows 1 to
4100", "sheet 1 rows 4101 to 8000"), each of whole rows.
In row mode each non-empty row is a document ("sheet 2 row 14", the spreadsheet's row number); no
row is taken as a header, since the first row of a sheet is as often a title as column names.

The sheet XML is streamed row by row from openpyxl's own parser: a sheet of a million empty rows
(or one cell far to the right, or a row numbered in the billions) costs what its XML holds, never
what its declared dimensions would pad it to. Sheets past the policy's `max_pages` are refused as
one item (too_many_sheets).
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

SML = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"

# Sheet mode cuts a sheet longer than this (in characters) into documents of consecutive rows: a
# single document of a whole large sheet would cost memory to several copies of it, and be longer
# than the quality checks accept (checks.max_chars, 1,000,000 by default).
SHEET_PART_CHARS = 500_000


def read_xlsx(blob: Blob, ctx: ReadContext) -> Iterator[Item]:
    yield from read_office(blob, ctx, "Excel", lambda fh: _load(fh, ctx), lambda loaded: _sheets(*loaded, ctx))


def _load(fh, ctx: ReadContext) -> tuple[object, list, list, tuple]:
    import openpyxl

    # read_only streams each sheet from the ZIP; data_only reads formulas' cached values
    workbook = openpyxl.load_workbook(fh, read_only=True, data_only=True, keep_links=False)
    try:
        sheets = list(workbook.worksheets)
        # every sheet's comments first: their authors are known personal data for all documents
        notes = [_notes(sheet, ctx) for sheet in sheets[:ctx.options.max_pages]]
        authors = [name for note in notes if not isinstance(note, Exception) for name in note[1]]
        return workbook, sheets, notes, people(workbook.properties) + persons(authors)
    except BaseException:
        workbook.close()
        raise


def _sheets(workbook, sheets: list, notes: list, known: tuple, ctx: ReadContext) -> Iterator[Item]:
    try:
        yield from _each_sheet(sheets, notes, tuple(dict.fromkeys(known)), ctx)
    finally:
        workbook.close()


def _each_sheet(sheets: list, notes: list, known: tuple, ctx: ReadContext) -> Iterator[Item]:
    record = [0]
    limit = ctx.options.max_pages
    if not sheets:  # chart sheets only: nothing to read, which is said, never passed over
        yield ctx.quarantine(None, "empty_text", "no worksheet (chart sheets only, or none); nothing to read")
    for number, (sheet, note) in enumerate(zip(sheets[:limit], notes), start=1):
        where = f"sheet {number}" + (" (hidden)" if sheet.sheet_state != "visible" else "")
        yield from _sheet(sheet, where, known, record, ctx)
        if isinstance(note, Exception):
            yield _next(record, unreadable(ctx, "Excel", note, f"{where} comments"))
        elif note[0]:
            yield _next(record, ctx.document(record[0], "\n".join(note[0]), where=f"{where} comments",
                                             known_pii=known))
    if len(sheets) > limit:
        yield ctx.quarantine(record[0], "too_many_sheets",
                             f"{len(sheets)} sheets, above the policy's limit of {limit} (inputs.max_pages); "
                             f"sheets {limit + 1} to {len(sheets)} not read; split the workbook")


def _notes(sheet, ctx: ReadContext) -> tuple[list[str], list[str]] | Exception:
    """The texts and authors of a sheet's comments (notes), which openpyxl's read-only mode skips;
    or the exception that made them unreadable. Parsed without entities or network access."""
    from lxml import etree
    from openpyxl.packaging.relationship import get_dependents, get_rels_path

    archive = sheet.parent._archive
    try:
        rels_path = get_rels_path(sheet._worksheet_path)
        if rels_path not in archive.namelist():
            return [], []
        texts, authors = [], []
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        for rel in get_dependents(archive, rels_path).find(COMMENTS_REL):
            data = archive.read(rel.target)  # the directory's declared sizes passed zipsafe's budget check
            ctx.budget.charge(len(data))
            root = etree.fromstring(data, parser)
            authors += [a.text for a in root.iter(SML + "author")]
            for comment in root.iter(SML + "comment"):
                text = "".join(t.text or "" for t in comment.iter(SML + "t"))
                if text.strip():
                    texts.append(text)
        return texts, authors
    except Exception as exc:
        if not library_failed(exc):
            raise
        return exc


def _sheet(sheet, where: str, known: tuple, record: list[int], ctx: ReadContext) -> Iterator[Item]:
    by_row = ctx.source.spreadsheet_documents == "row"
    part: list[tuple[int, str]] = []  # sheet mode: (row number, line) of the document being gathered
    size, cut, produced = 0, False, False
    rows = _rows(sheet, ctx)
    while True:
        try:
            number, line = next(rows)
        except StopIteration:
            break
        except Exception as exc:
            if not library_failed(exc):
                raise
            # the rows read so far stand (in row mode they were yielded); the sheet's rest is refused
            if part:
                yield _next(record, _part(part, where, True, known, record, ctx))
            yield _next(record, unreadable(ctx, "Excel", exc, where + " (the rest of the sheet)"))
            return
        produced = True
        if by_row:
            yield _next(record, ctx.document(record[0], line, where=f"{where} row {number}", known_pii=known))
            continue
        part.append((number, line))
        size += len(line) + 1
        if size >= SHEET_PART_CHARS:
            yield _next(record, _part(part, where, True, known, record, ctx))
            part, size, cut = [], 0, True
    if part or not produced:
        # an empty sheet is said to be empty (empty_text), never passed over in silence
        yield _next(record, _part(part, where, cut, known, record, ctx))


def _part(part: list[tuple[int, str]], where: str, ranged: bool, known: tuple, record: list[int],
          ctx: ReadContext) -> Item:
    """A sheet-mode document of these rows: "sheet 2", or "sheet 2 rows 1 to 9000" when the sheet
    is cut into parts."""
    if ranged and part:
        where = f"{where} rows {part[0][0]} to {part[-1][0]}"
    return ctx.document(record[0], "\n".join(line for _, line in part), where=where, known_pii=known)


def _next(record: list[int], item: Item) -> Item:
    record[0] += 1
    return item


def _rows(sheet, ctx: ReadContext) -> Iterator[tuple[int, str]]:
    """(row number, its non-empty cells joined by tabs) for each row holding a value.

    openpyxl's ReadOnlyWorksheet.iter_rows pads every row to the sheet's declared width and fills
    gaps in the row numbering with empty rows, which a hostile sheet makes unbounded; its parser
    (the one iter_rows uses) yields only the cells the XML holds."""
    from openpyxl.worksheet._reader import WorkSheetParser

    workbook = sheet.parent
    with sheet._get_source() as source:
        parser = WorkSheetParser(source, sheet._shared_strings, data_only=True, epoch=workbook.epoch,
                                 date_formats=workbook._date_formats,
                                 timedelta_formats=workbook._timedelta_formats)
        for number, cells in parser.parse():
            values = []
            for cell in sorted(cells, key=lambda c: c["column"]) if len(cells) > 1 else cells:
                value = cell["value"]
                if value is None:
                    continue
                text = value if isinstance(value, str) else str(value)
                if text.strip():
                    values.append(text.replace("\t", " "))
            if values:
                line = "\t".join(values)
                ctx.budget.charge_text(line)
                yield number, line
