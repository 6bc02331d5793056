"""PDF: one document per page (record = page index, provenance "page N"), read with pypdfium2 (PDFium).

A page's text layer is taken as PDFium orders it (the order the content was written, which is the
reading order word processors write, column by column). A page with no usable text layer (a scan, or
a scan with a page number or stamp as its only text) is rendered alone, in grey, at up to OCR_DPI and at most MAX_PAGE_PIXELS, held against the budget while it is read (Budget.hold), and
read by Tesseract (formats.ocr). Pages are opened and closed one at a time, so memory stays that of
one page whatever the page count; the file itself is read through its handle as PDFium needs it.

Quarantined: `decompression_bomb` (a compressed stream that inflates past the file limit, checked
before PDFium opens the file: formats.pdfsafe), `encrypted_pdf` (a password or an unsupported security handler), `unreadable_pdf` (not
a PDF PDFium can open), `unreadable_page` (one page that fails to load or render), `empty_page`
(a page with nothing on it), `too_many_pages` (pages past `inputs.max_pages`, one item for all of
them), `pdf_attachments_unread` (files embedded in the PDF, counted but not read), and the OCR reasons. The Info dictionary is never copied: its Author (and a Creator that
names a person) become `known_pii` of every page, so that the PII step masks them in the text.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from curation.sources.formats.base import Blob, Item, ReadContext, TooLarge
from curation.sources.formats.ocr import join_cjk_lines, ocr_document, ppm
from curation.sources.formats.pdfsafe import bomb_message

OCR_DPI = 300
MAX_PAGE_PIXELS = 25_000_000
STAMP_CHARS = 64  # below this many characters of text layer, a page with an image is taken for a scan
# The replacement character, control characters, surrogates and private-use code points.
_JUNK = re.compile("[\ufffd\x00-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\U000f0000-\U0010ffff]")
_PASSWORD_ERRORS = (4, 5)  # FPDF_ERR_PASSWORD, FPDF_ERR_SECURITY
# Values tools write when nobody is named; masking them in the text would hide ordinary words.
_PLACEHOLDERS = {"", "anonymous", "unknown", "unspecified", "user", "author", "admin", "administrator", "owner"}
# Creator usually names the program that made the file, not a person.
_SOFTWARE = ("word", "writer", "office", "acrobat", "adobe", "pdf", "tex", "microsoft", "google", "apple",
             "quartz", "reportlab", "chrome", "mozilla", "scan", "print", "canon", "epson", "xerox",
             "ricoh", "brother", "fujitsu", "sharp", "konica", "powerpoint", "excel", "pages", "keynote",
             "indesign", "illustrator", "photoshop", "python", "java", "report", "converter", "ghostscript")


def read_pdf(blob: Blob, ctx: ReadContext) -> Iterator[Item]:
    import pypdfium2 as pdfium

    if message := bomb_message(blob, ctx.budget.limit):
        yield ctx.quarantine(None, "decompression_bomb", message)
        return
    with blob.open() as fh:
        try:
            pdf = pdfium.PdfDocument(fh)
        except pdfium.PdfiumError as exc:
            if exc.err_code in _PASSWORD_ERRORS:
                yield ctx.quarantine(None, "encrypted_pdf", "the PDF is encrypted (it needs a password); "
                                                            "ask the owner for an unprotected copy")
            else:
                yield ctx.quarantine(None, "unreadable_pdf", "not a readable PDF (damaged, truncated or not a "
                                                             "PDF at all, or one with no pages); re-export it")
            return
        try:
            yield from _pages(pdf, ctx)
        finally:
            pdf.close()


def _pages(pdf, ctx: ReadContext) -> Iterator[Item]:
    known = known_people(pdf)
    count, limit = len(pdf), ctx.options.max_pages
    for index in range(min(count, limit)):
        yield _page(pdf, index, ctx, known)
    if count > limit:
        yield ctx.quarantine(limit, "too_many_pages",
                             f"pages {limit + 1} to {count} are past the policy's limit of {limit} pages "
                             "(inputs.max_pages) and were not read; split the file", f"page {limit + 1}")
    # PDFium inflates an embedded file whole, whatever its size: such files are named, not read.
    if attached := _count_attachments(pdf):
        yield ctx.quarantine(min(count, limit + 1), "pdf_attachments_unread",
                             f"the PDF carries {attached} embedded file(s), which are not read; "
                             "save them from the PDF into the inbox to have them read")


def _count_attachments(pdf) -> int:
    try:
        return pdf.count_attachments()
    except Exception:  # a damaged name tree: the pages were read, nothing more is known
        return 0


def _page(pdf, index: int, ctx: ReadContext, known: tuple[tuple[str, str], ...]) -> Item:
    where = f"page {index + 1}"
    page = None
    try:
        page = pdf[index]
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
        finally:
            textpage.close()
        ctx.budget.charge_text(text)
        text = text.replace("\x02", "").replace("\ufffe", "")  # PDFium's marks for hyphenation breaks
        text = join_cjk_lines(text)
        if usable(text) and not _stamped_scan(page, text):
            return ctx.document(index, text, where=where, known_pii=known)
        if next(iter(page.get_objects(max_depth=1)), None) is None:
            return ctx.quarantine(index, "empty_page", "blank (no text and nothing drawn)", where)
        return ocr_document(lambda: _render(page, ctx), index, ctx, where, known)
    except TooLarge:
        raise
    except Exception as exc:  # PDFium reports a damaged page in several ways; the page costs only itself
        return ctx.quarantine(index, "unreadable_page", f"cannot be read ({type(exc).__name__}); "
                                                        "re-export the PDF", where)
    finally:
        if page is not None:
            page.close()


def usable(text: str) -> bool:
    """Whether a text layer holds text: some letters or digits, and not mostly the replacement and
    private-use characters a font without a Unicode map yields (such a page is read by OCR)."""
    visible = "".join(text.split())
    if not any(c.isalnum() for c in visible):
        return False
    return len(_JUNK.findall(visible)) * 2 < len(visible)


def _stamped_scan(page, text: str) -> bool:
    """A scan with a few words of text layer stamped on it (a page number, a Bates number,
    "CONFIDENTIAL"): the words are a fraction of the page, so the page is read by OCR, stamp included."""
    if len("".join(text.split())) >= STAMP_CHARS:
        return False
    import pypdfium2.raw as pdfium_c

    return next(iter(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2)), None) is not None


def render_scale(width_pt: float, height_pt: float) -> float:
    """Pixels per point: OCR_DPI, or less so that the page stays within MAX_PAGE_PIXELS."""
    if not (width_pt > 0 and height_pt > 0 and math.isfinite(width_pt * height_pt)):
        raise ValueError("page size")
    return min(OCR_DPI / 72, math.sqrt(MAX_PAGE_PIXELS / (width_pt * height_pt)))


def _render(page, ctx: ReadContext) -> tuple[bytes, int]:
    width, height = page.get_size()
    scale = render_scale(width, height)
    ctx.budget.hold(math.ceil(width * scale) * math.ceil(height * scale))  # grey: one byte per pixel
    bitmap = page.render(scale=scale, grayscale=True, may_draw_forms=False)
    try:
        return ppm(bitmap.to_pil()), round(scale * 72)
    finally:
        bitmap.close()


def known_people(pdf) -> tuple[tuple[str, str], ...]:
    """("PERSON", name) for the Info dictionary's Author (each of several names split on ';' too)
    and for a Creator that does not name a program."""
    try:
        info = pdf.get_metadata_dict()
    except Exception:  # a damaged Info dictionary: nothing known, the pages are still read
        return ()
    names: list[str] = []
    for key in ("Author", "Creator"):
        value = info.get(key)
        if not isinstance(value, str) or value.strip().lower() in _PLACEHOLDERS:
            continue
        value = " ".join(value.split())
        if key == "Creator" and (any(ch.isdigit() for ch in value)
                                 or any(word in value.lower() for word in _SOFTWARE)):
            continue
        names.append(value)
        if ";" in value:
            names.extend(part.strip() for part in value.split(";") if part.strip())
    return tuple(("PERSON", name) for name in dict.fromkeys(names))
