"""What the Office readers (word, excel, powerpoint) share: opening the file safely, and its people.

An Office file is a ZIP container (zipsafe checks its directory before a library inflates it),
except a password-protected one, which Office saves as an OLE compound file whatever its name.
The people a file's core properties name (author, last modified by) are known personal data: they
go to `RawDocument.known_pii`, never into text, metadata, messages or provenance; the other core
properties (company, title, keywords...) are not copied at all.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO, TypeVar

from curation.sources.formats.base import Blob, Item, ReadContext, TooLarge
from curation.sources.formats.zipsafe import UnsafeZip, open_zip

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
Loaded = TypeVar("Loaded")


def read_office(blob: Blob, ctx: ReadContext, kind: str, load: Callable[[BinaryIO], Loaded],
                items: Callable[[Loaded], Iterator[Item]]) -> Iterator[Item]:
    """The items of an Office file: opened (open_office), parsed by `load(fh)` (the library's work,
    whose failure on bad content is unreadable_office), then `items(loaded)`, which quarantines
    its own parts' failures. `kind` names the format in messages ("Word", "Excel", "PowerPoint")."""
    try:
        fh = open_office(blob, ctx, kind)
    except NotOpened as exc:
        yield exc.item
        return
    with fh, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the libraries warn about parts they do not support, not errors
        try:
            loaded = load(fh)
        except Exception as exc:
            if not library_failed(exc):
                raise
            yield unreadable(ctx, kind, exc)
            return
        yield from items(loaded)


class NotOpened(Exception):
    """The file cannot be handed to an Office library; `item` is its Quarantine."""

    def __init__(self, item: Item):
        super().__init__(item.reason)
        self.item = item


def open_office(blob: Blob, ctx: ReadContext, kind: str) -> BinaryIO:
    """The file, positioned at its start, once its ZIP directory passed zipsafe's checks; raises
    NotOpened (encrypted_office, unreadable_office, or zipsafe's reason) or TooLarge."""
    if blob.head(len(OLE_MAGIC)) == OLE_MAGIC:
        raise NotOpened(ctx.quarantine(None, "encrypted_office",
                                       f"password-protected {kind} file (an OLE container, not a ZIP); "
                                       "save it without a password"))
    fh = blob.open()
    try:
        open_zip(fh, ctx).close()  # the ZipFile does not own fh: closing it leaves fh open
    except UnsafeZip as exc:
        fh.close()
        if exc.reason == "corrupt_archive":
            raise NotOpened(unreadable(ctx, kind, exc.message)) from None
        raise NotOpened(ctx.quarantine(None, exc.reason, exc.message)) from None
    except BaseException:
        fh.close()
        raise
    fh.seek(0)
    return fh


def unreadable(ctx: ReadContext, kind: str, why: str | BaseException, where: str = "") -> Item:
    if isinstance(why, BaseException):
        why = type(why).__name__
    return ctx.quarantine(None, "unreadable_office",
                          f"not a readable {kind} file ({why}); open and save it again in {kind}", where)


def library_failed(exc: BaseException) -> bool:
    """Whether `exc`, raised by an Office library on bad content, is a content problem to quarantine.
    TooLarge (the budget) and interrupts propagate; MemoryError too, since nothing bounded it."""
    return isinstance(exc, Exception) and not isinstance(exc, TooLarge | MemoryError)


def people(core_properties: object) -> tuple[tuple[str, str], ...]:
    """(PERSON, name) for the author and last-modified-by of `core_properties` (python-docx,
    python-pptx or openpyxl's), deduplicated; empty names left out."""
    names = []
    for attr in ("author", "creator", "last_modified_by", "lastModifiedBy"):
        value = getattr(core_properties, attr, None)
        if isinstance(value, str) and value.strip():
            names.append(value.strip())
    return persons(names)


def persons(names: Iterable[str | None]) -> tuple[tuple[str, str], ...]:
    return tuple(("PERSON", n) for n in dict.fromkeys(n.strip() for n in names if isinstance(n, str) and n.strip()))
