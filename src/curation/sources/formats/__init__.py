"""One reader per file format, chosen by the file's extension; containers read their members here too.

`readers.READERS` maps an extension to "module:function" in this package, imported by `reader_for`
when first needed (a PDF or Office library is not loaded by an inbox of text files); those names are
imports too (tests/test_architecture.py counts them). `read_blob` is the one entry point,
for inbox files and for members of containers (ZIP archives, e-mail attachments) alike; it hands
containers `read_member` through their context (base.ReadContext.read_member), so the container
readers never import this package.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from dataclasses import replace

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
from curation.sources.formats.readers import (
    READERS,
    TEXT_FORMATS,
    supported,
    unsupported,
)
from curation.sources.paths import KNOWN_SUFFIXES

__all__ = ["READERS", "TEXT_FORMATS", "Blob", "Budget", "Item", "ReadContext", "ReaderOptions", "TooLarge",
           "read_blob", "read_member", "reader_for", "supported", "unsupported"]


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
    if ctx.member_reader is None:
        ctx = replace(ctx, member_reader=read_member)
    yield from reader(blob, ctx)


def read_member(data: bytes, suffix: str, ctx: ReadContext, where: str, counter: list[int]) -> Iterator[Item]:
    """The items of one member of a container (a ZIP member, an e-mail attachment) found at `where`
    ("member 3 (.pdf)"), numbered on from `counter` (base.renumbered). Past the policy's
    `archive_max_depth` of containers within containers, the member is quarantined unread."""
    suffix = suffix.lower() if suffix.lower() in KNOWN_SUFFIXES else ""
    inner = ctx.inside(where)
    if inner.depth > ctx.options.archive_max_depth:
        items = iter([inner.quarantine(None, "archive_too_deep",
                                       f"nested deeper than the policy's limit of {ctx.options.archive_max_depth} "
                                       "container(s) (inputs.archive_max_depth); not read")])
    else:
        items = read_blob(Blob.of_bytes(data, suffix), inner)
    yield from renumbered(items, counter)
