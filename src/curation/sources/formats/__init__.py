"""One reader per file format, chosen by the file's extension; containers read their members here too.

`READERS` maps an extension to "module:function" in this package, imported when first needed (a
PDF or Office library is not loaded by an inbox of text files). `read_blob` is the one entry point,
for inbox files and for members of containers (ZIP archives, e-mail attachments) alike.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator

from curation.sources.formats.base import (
    Blob,
    Budget,
    Item,
    ReadContext,
    Reader,
    ReaderOptions,
    TooLarge,
    renumbered,
)
from curation.sources.formats.encodings import bom_encoding

__all__ = ["READERS", "TEXT_FORMATS", "Blob", "Budget", "Item", "ReadContext", "ReaderOptions", "TooLarge",
           "read_blob", "read_member", "reader_for", "supported", "unsupported"]

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


def reader_for(suffix: str) -> Reader | None:
    target = READERS.get(suffix)
    if target is None:
        return None
    module, function = target.split(":")
    return getattr(importlib.import_module(f"{__name__}.{module}"), function)


def read_blob(blob: Blob, ctx: ReadContext) -> Iterator[Item]:
    """The items of one file or member. Content problems are Quarantine items; TooLarge (the
    budget is spent) propagates to the inbox file's caller, which refuses the rest of the file."""
    reader = reader_for(blob.suffix)
    if blob.suffix in TEXT_FORMATS or reader is None:
        head = blob.head()
        # UTF-16/32 text holds NUL bytes by nature: with a byte order mark it goes to its reader.
        if b"\x00" in head and not (reader is not None and bom_encoding(head)):
            yield ctx.quarantine(None, "binary_file", "binary content (NUL bytes), not a text document")
            return
    if reader is None:
        yield unsupported(ctx, blob.suffix)
        return
    yield from reader(blob, ctx)


def unsupported(ctx: ReadContext, suffix: str, where: str = "") -> Item:
    """The `unsupported_format` item of a file or member (at `where`) that no reader reads."""
    from curation.sources.paths import KNOWN_SUFFIXES

    shown = suffix if suffix in KNOWN_SUFFIXES else "(none or not a known one)"
    return ctx.quarantine(None, "unsupported_format",
                          f"unsupported file type {shown}; supported: {supported()} and datasets.save_to_disk folders",
                          where)


def read_member(data: bytes, suffix: str, ctx: ReadContext, where: str, counter: list[int]) -> Iterator[Item]:
    """The items of one member of a container (a ZIP member, an e-mail attachment) found at `where`
    ("member 3 (.pdf)"), numbered on from `counter` (base.renumbered). Past the policy's
    `archive_max_depth` of containers within containers, the member is quarantined unread."""
    from curation.sources.paths import KNOWN_SUFFIXES

    suffix = suffix.lower() if suffix.lower() in KNOWN_SUFFIXES else ""
    inner = ctx.inside(where)
    if inner.depth > ctx.options.archive_max_depth:
        items = iter([inner.quarantine(None, "archive_too_deep",
                                       f"nested deeper than the policy's limit of {ctx.options.archive_max_depth} "
                                       "container(s) (inputs.archive_max_depth); not read")])
    else:
        items = read_blob(Blob.of_bytes(data, suffix), inner)
    yield from renumbered(items, counter)
