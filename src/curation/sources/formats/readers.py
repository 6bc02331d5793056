"""Which reader reads which extension, as data, and the item of a file that no reader reads.

`READERS` maps an extension to "module:function" in this package; the package imports the module
by name when a file of that extension is first read (`formats.reader_for`: a PDF or Office library
is not loaded by an inbox of text files). Held apart from the package so that a container reader
(archive.py) can ask whether a member has a reader without importing the package that imports it.
"""

from __future__ import annotations

from curation.sources.formats.base import Item, ReadContext
from curation.sources.paths import KNOWN_SUFFIXES

READERS: dict[str, str] = {
    ".txt": "text:read_text",
    ".md": "text:read_text",
    ".html": "text:read_html",
    ".htm": "text:read_html",
    ".jsonl": "records:read_jsonl",
    ".csv": "records:read_csv",
    ".parquet": "records:read_parquet",
    ".zip": "archive:read_zip",
    ".eml": "mail:read_eml",
    ".mbox": "mail:read_mbox",
    ".docx": "word:read_docx",
    ".xlsx": "excel:read_xlsx",
    ".pptx": "powerpoint:read_pptx",
    ".pdf": "pdf:read_pdf",
    ".png": "images:read_image",
    ".jpg": "images:read_image",
    ".jpeg": "images:read_image",
    ".tif": "images:read_image",
    ".tiff": "images:read_image",
}
# Formats read as text: a NUL byte in their first 8 KiB means the file is not what its name says.
TEXT_FORMATS = frozenset({".txt", ".md", ".html", ".htm", ".jsonl", ".csv"})


def supported() -> str:
    return ", ".join(sorted(READERS))


def unsupported(ctx: ReadContext, suffix: str, where: str = "") -> Item:
    """The `unsupported_format` item of a file or member (at `where`) that no reader reads."""
    shown = suffix if suffix in KNOWN_SUFFIXES else "(none or not a known one)"
    return ctx.quarantine(None, "unsupported_format",
                          f"unsupported file type {shown}; supported: {supported()} and datasets.save_to_disk folders",
                          where)
