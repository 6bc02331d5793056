"""Images (.png .jpg .jpeg .tif .tiff): the text in them, read by Tesseract (formats.ocr).

One document per frame: record = frame index; provenance "image" for a single picture, "frame N"
for a multi-frame TIFF (or an animated PNG). The size each frame's header declares is checked
before anything is decoded: past MAX_IMAGE_PIXELS it is a `decompression_bomb`, otherwise its
pixels are held against the budget while a frame is read (Budget.hold), and a frame above MAX_OCR_PIXELS is scaled down before OCR so
that Tesseract's memory stays bounded. Frames past `inputs.max_pages` are one `too_many_pages`.
A file Pillow cannot open, or a frame that fails to decode (truncated), is `unreadable_image`.
EXIF Orientation turns the frame upright before OCR. EXIF is never copied: its Artist and the owner named in Copyright become `known_pii`.
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Iterator

from curation.sources.formats.base import Blob, Item, ReadContext, TooLarge
from curation.sources.formats.ocr import ocr_document, ppm

# An A3 page scanned at 600 dpi is 70 MP; a header declaring more is not a document scan.
MAX_IMAGE_PIXELS = 80_000_000
MAX_OCR_PIXELS = 25_000_000
_EXIF_ARTIST, _EXIF_COPYRIGHT, _EXIF_XP_AUTHOR, _EXIF_ORIENTATION = 0x013B, 0x8298, 0x9C9D, 0x0112
_COPYRIGHT_WORDS = re.compile(r"(?i)\(c\)|©|copyright|all rights reserved|\b(?:19|20)\d\d\b(?:\s*-\s*(?:19|20)\d\d)?")


def read_image(blob: Blob, ctx: ReadContext) -> Iterator[Item]:
    from PIL import Image

    with blob.open() as fh:
        try:
            with warnings.catch_warnings():  # Pillow only warns between its limit and twice that
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                image = Image.open(fh)
            frames = getattr(image, "n_frames", 1)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            yield _bomb(ctx, None)
            return
        except TooLarge:
            raise
        except Exception as exc:  # Pillow signals an unknown or damaged file in many ways
            yield ctx.quarantine(None, "unreadable_image", f"not a readable image ({type(exc).__name__}); "
                                                           "re-save it as PNG or JPEG")
            return
        with image:
            known = known_people(image)
            limit = ctx.options.max_pages
            for index in range(min(frames, limit)):
                yield _frame(image, index, frames, ctx, known)
            if frames > limit:
                yield ctx.quarantine(limit, "too_many_pages",
                                     f"frames {limit + 1} to {frames} are past the policy's limit of {limit} "
                                     "pages (inputs.max_pages) and were not read; split the file",
                                     f"frame {limit + 1}")


def _bomb(ctx: ReadContext, record: int | None, where: str = "") -> Item:
    return ctx.quarantine(record, "decompression_bomb",
                          f"the image declares more than {MAX_IMAGE_PIXELS // 1_000_000} million pixels, far more "
                          "than a page scan needs; not decoded (scan it at 300 dpi)", where)


def _frame(image, index: int, frames: int, ctx: ReadContext, known: tuple[tuple[str, str], ...]) -> Item:
    from PIL import Image

    where = "image" if frames == 1 else f"frame {index + 1}"
    try:
        image.seek(index)
        width, height = image.size
        if width * height > MAX_IMAGE_PIXELS:
            return _bomb(ctx, index, where)
        return ocr_document(lambda: _decode(image, ctx), index, ctx, where, known)
    except Image.DecompressionBombError:
        return _bomb(ctx, index, where)
    except TooLarge:
        raise
    except Exception as exc:
        return ctx.quarantine(index, "unreadable_image", f"cannot be decoded ({type(exc).__name__}); "
                                                         "re-save the image", where)


def _decode(image, ctx: ReadContext) -> tuple[bytes, None]:
    """The current frame as grey PGM, at most MAX_OCR_PIXELS; its decoded bytes charged first."""
    width, height = image.size
    if image.format == "JPEG":  # the JPEG decoder can scale and turn grey while it decodes
        image.draft("L", (width // 2, height // 2) if width * height > MAX_OCR_PIXELS else (width, height))
    transparent = "A" in image.getbands() or "transparency" in image.info
    ctx.budget.hold(image.width * image.height * (4 if transparent else max(1, len(image.getbands()))))
    if transparent:  # a transparent background is black once the alpha is dropped: lay it on white
        from PIL import Image

        rgba = image.convert("RGBA")
        frame = Image.alpha_composite(Image.new("RGBA", rgba.size, "white"), rgba).convert("L")
    else:
        frame = image.convert("L")
    if frame.width * frame.height > MAX_OCR_PIXELS:
        factor = math.ceil(math.sqrt(frame.width * frame.height / MAX_OCR_PIXELS))
        frame = frame.reduce(factor)
    if turn := _upright(image):  # a phone stores a photo as the sensor saw it, and says how to turn it
        frame = frame.transpose(turn)
    return ppm(frame), None


def _upright(image):
    """The Pillow transpose that shows the frame as its EXIF Orientation says it is seen, or None."""
    from PIL import Image

    try:
        orientation = image.getexif().get(_EXIF_ORIENTATION)
    except Exception:  # a damaged EXIF block: read the pixels as they are
        return None
    T = Image.Transpose
    return {2: T.FLIP_LEFT_RIGHT, 3: T.ROTATE_180, 4: T.FLIP_TOP_BOTTOM, 5: T.TRANSPOSE, 6: T.ROTATE_270,
            7: T.TRANSVERSE, 8: T.ROTATE_90}.get(orientation)


def known_people(image) -> tuple[tuple[str, str], ...]:
    """("PERSON", name) for EXIF Artist, Windows' XPAuthor, a PNG's Author text and the owner a
    Copyright notice (EXIF or PNG) names."""
    try:
        exif = image.getexif()
        author = exif.get(_EXIF_XP_AUTHOR)
        values = [(exif.get(_EXIF_ARTIST), False), (exif.get(_EXIF_COPYRIGHT), True),
                  (author.decode("utf-16-le", "replace") if isinstance(author, bytes) else None, False),
                  (image.info.get("Author"), False), (image.info.get("Copyright"), True)]
    except Exception:  # a damaged EXIF block: nothing known, the pixels are still read
        return ()
    names: list[str] = []
    for value, is_notice in values:
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        if not isinstance(value, str):
            continue
        value = " ".join((_COPYRIGHT_WORDS.sub(" ", value) if is_notice else value).replace("\x00", " ").split())
        value = value.strip(" ,.;:-")
        if len(value) > 1:
            names.append(value)
    return tuple(("PERSON", name) for name in dict.fromkeys(names))
