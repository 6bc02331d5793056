"""Sample PDFs and images for the PDF and image readers: text-layer PDFs, scanned (image-only) PDFs,
encrypted PDFs and page images, in English and Japanese.

Used by tests/test_reader_pdf.py, tests/test_reader_ocr.py, bench/reader_memory_pdf.py and
scripts/make_samples.py. Text is drawn with reportlab (Helvetica; HeiseiKakuGo-W5 for Japanese) or,
for scans, rendered with Pillow in Noto Sans CJK so that Tesseract has real glyphs to read.
"""

from __future__ import annotations

from pathlib import Path

NOTO_CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
JA_FONT = "HeiseiKakuGo-W5"
SCAN_DPI = 200
A4_PT = (595.27, 841.89)
IMAGE_FORMATS = {"png": "PNG", "jpg": "JPEG", "jpeg": "JPEG", "tif": "TIFF", "tiff": "TIFF"}


def _font(lang: str) -> str:
    if lang == "ja":
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        if JA_FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont(JA_FONT))
        return JA_FONT
    return "Helvetica"


def _wrap(text: str, width: float, fits) -> list[str]:
    """Lines of `text` no wider than `width`; words for English, characters where there are no spaces."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        tokens = paragraph.split(" ") if " " in paragraph else list(paragraph)
        glue = " " if " " in paragraph else ""
        for token in tokens:
            candidate = f"{line}{glue}{token}" if line else token
            if line and not fits(candidate, width):
                lines.append(line)
                line = token
            else:
                line = candidate
        lines.append(line)
    return lines


def write_pdf(path: Path, pages: list[str], lang: str = "en", *, author: str | None = None,
              password: str | None = None, columns: int = 1, size: float = 11) -> Path:
    """A PDF with a text layer: one entry of `pages` per page, wrapped into `columns` columns (each
    column is written whole before the next, as word processors do). `author` goes into the PDF's
    Info dictionary; `password` encrypts it (RC4/AES as reportlab does) with that user password."""
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    font = _font(lang)
    encrypt = StandardEncryption(password, ownerPassword=password + "-owner") if password else None
    pdf = canvas.Canvas(str(path), pagesize=A4_PT, encrypt=encrypt, invariant=1)
    if author:
        pdf.setAuthor(author)
    margin, gap = 56.0, 24.0
    column_width = (A4_PT[0] - 2 * margin - gap * (columns - 1)) / columns
    for text in pages:
        pdf.setFont(font, size)
        lines = _wrap(text, column_width, lambda s, w: stringWidth(s, font, size) <= w)
        per_column = -(-len(lines) // columns)
        for column in range(columns):
            x = margin + column * (column_width + gap)
            y = A4_PT[1] - margin
            for line in lines[column * per_column:(column + 1) * per_column]:
                pdf.drawString(x, y, line)
                y -= size * 1.5
        pdf.showPage()
    pdf.save()
    return path


def render_text(text: str, lang: str = "en", width_px: int = 1654, height_px: int | None = None,
                size_px: int = 40):
    """A white page image (Pillow, mode "L") with `text` in black Noto Sans CJK, as a scanner would give."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(NOTO_CJK, size_px, index=0)
    margin = size_px * 2
    probe = ImageDraw.Draw(Image.new("L", (1, 1)))
    lines = _wrap(text, width_px - 2 * margin, lambda s, w: probe.textlength(s, font=font) <= w)
    line_height = int(size_px * 1.6)
    height = height_px or (2 * margin + line_height * len(lines))
    image = Image.new("L", (width_px, height), 255)
    draw = ImageDraw.Draw(image)
    for n, line in enumerate(lines):
        draw.text((margin, margin + n * line_height), line, font=font, fill=0)
    return image


def write_scanned_pdf(path: Path, pages: list[str], lang: str = "en", *, author: str | None = None,
                      stamp: str | None = None) -> Path:
    """An image-only PDF, like a scanner's: each page is a rendered A4 image at SCAN_DPI, no text layer.
    `stamp` ("Page {n}") is written over each page as a one-line text layer, as Bates numbering does."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4_PT, invariant=1)
    if author:
        pdf.setAuthor(author)
    size = (round(A4_PT[0] / 72 * SCAN_DPI), round(A4_PT[1] / 72 * SCAN_DPI))
    for text in pages:
        image = render_text(text, lang, width_px=size[0], height_px=size[1])
        pdf.drawImage(ImageReader(image), 0, 0, width=A4_PT[0], height=A4_PT[1])
        if stamp:
            pdf.setFont("Helvetica", 9)
            pdf.drawString(A4_PT[0] - 120, 24, stamp.format(n=pdf.getPageNumber()))
        pdf.showPage()
    pdf.save()
    return path


def write_image(path: Path, text: str | list[str], lang: str = "en", fmt: str | None = None, *,
                artist: str | None = None, copyright: str | None = None) -> Path:
    """An image of `text` (PNG, JPEG, TIFF by `fmt` or the suffix); a list gives a multi-frame TIFF,
    one frame per entry. `artist` and `copyright` go into EXIF (Artist, Copyright)."""
    from PIL import Image

    fmt = IMAGE_FORMATS[(fmt or Path(path).suffix.lstrip(".")).lower()]
    frames = [render_text(t, lang, width_px=1400) for t in ([text] if isinstance(text, str) else text)]
    exif = Image.Exif()
    if artist:
        exif[0x013B] = artist
    if copyright:
        exif[0x8298] = copyright
    options: dict = {"exif": exif} if len(exif) else {}
    if fmt == "JPEG":
        options["quality"] = 92
    if fmt == "TIFF":
        options["compression"] = "tiff_deflate"
    if len(frames) > 1:
        options.update(save_all=True, append_images=frames[1:])
    frames[0].save(path, fmt, **options)
    return path


def write_bomb_pdf(path: Path, inflated_mib: int, text: str = "hello") -> Path:
    """A valid one-page PDF whose content stream is `inflated_mib` MiB of spaces, Flate-compressed
    to about a thousandth of that, followed by `text`: a decompression bomb."""
    import zlib

    deflate = zlib.compressobj(9)
    body = b"".join(deflate.compress(b" " * 2**20) for _ in range(inflated_mib))
    body += deflate.compress(b"BT /F1 12 Tf 72 720 Td (%s) Tj ET" % text.encode("ascii")) + deflate.flush()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(body), body),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    return write_pdf_objects(path, objects)


def write_pdf_objects(path: Path, objects: list[bytes]) -> Path:
    """A PDF of `objects` (1 0 obj is the catalog), with a valid cross-reference table."""
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, obj)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    Path(path).write_bytes(bytes(out))
    return Path(path)
