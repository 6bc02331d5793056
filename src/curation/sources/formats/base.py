"""What every format reader shares: the bytes it reads, its budget, and how it makes items.

A reader is `read(blob, ctx) -> Iterator[Item]`. `blob` is the bytes of one file: an inbox file
(opened through `open_regular`) or a member of a container (a ZIP member, an e-mail attachment),
held in memory. `ctx` says whose source it is, which budget it charges, the policy's reader
options and how deep in containers it sits; a container (ZIP, e-mail) reads its members through
`ctx.read_member`, which the package sets, so no reader imports the package that imports it.
Readers never raise for bad content: bad content is a Quarantine with a reason code, and the
message never quotes the input (not a value, a column or sheet name, a parser snippet, a member's
or attachment's file name).

`provenance` says where inside the file a document came from, in words that hold no input value:
"page 3", "sheet 2 row 14", "slide 4 notes", "attachment 1 (.pdf) page 2".
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from curation.documents import Quarantine, RawDocument, SourceInfo, normalize_text
from curation.sources.files import open_regular

Item = RawDocument | Quarantine

# Metadata fields that may carry per-record license evidence; never copied otherwise, since
# arbitrary metadata (a document's author, an e-mail's headers, EXIF) can hold personal data.
KEPT_METADATA = ("id", "license", "language")
DEFAULT_LIMIT = 100 * 2**20


class TooLarge(Exception):
    """The decoded content of a file went past the budget."""


class Budget:
    """Bytes a reader may decode from one inbox file (inputs.max_file_mb), members included:
    charged while streaming, so a small compressed file that inflates past the limit stops there."""

    def __init__(self, limit: int = DEFAULT_LIMIT):
        self.limit, self.used = limit, 0

    def charge(self, n: int) -> None:
        self.used += n
        if self.used > self.limit:
            raise TooLarge(self.used)

    def hold(self, n: int) -> None:
        """`n` bytes held only while one page or frame is processed (a rendered page for OCR): they
        must fit in what is left, but are not kept on the bill, so a long scan is bounded per page,
        not cut off after a dozen pages."""
        if self.used + n > self.limit:
            raise TooLarge(self.used + n)

    def charge_text(self, value: object) -> None:
        if isinstance(value, str | bytes | bytearray):
            self.charge(len(value))


@dataclass(frozen=True)
class Blob:
    """The bytes of one file to read: on disk (`path`) or in memory (`data`, a container's member)."""

    suffix: str  # lower-case extension with the dot, e.g. ".pdf"; "" when none
    path: Path | None = None
    data: bytes | None = None

    @classmethod
    def of_file(cls, path: Path) -> Blob:
        return cls(path.suffix.lower(), path=path)

    @classmethod
    def of_bytes(cls, data: bytes, suffix: str) -> Blob:
        return cls(suffix.lower(), data=data)

    @property
    def size(self) -> int:
        return len(self.data) if self.data is not None else self.path.lstat().st_size

    def open(self) -> BinaryIO:
        return io.BytesIO(self.data) if self.data is not None else open_regular(self.path)

    def read_all(self, budget: Budget) -> bytes:
        """Every byte, charged to `budget` as it is read."""
        if self.data is not None:
            budget.charge(len(self.data))
            return self.data
        out = bytearray()
        with self.open() as fh:
            while block := fh.read(1 << 20):
                budget.charge(len(block))
                out += block
        return bytes(out)

    def head(self, n: int = 8192) -> bytes:
        with self.open() as fh:
            return fh.read(n)


@dataclass(frozen=True)
class ReaderOptions:
    """The policy's `inputs` settings that readers consult (see policy.InputPolicy)."""

    ocr: bool = True
    ocr_languages: tuple[str, ...] = ("eng", "jpn")
    ocr_timeout_s: int = 120
    max_pages: int = 2000
    encoding_min_confidence: float = 0.8
    archive_max_depth: int = 3
    archive_max_members: int = 10_000
    archive_max_ratio: int = 100


@dataclass(frozen=True)
class ReadContext:
    """Who a reader reads for: the source, the inbox path (in memory only), the budget, options."""

    source: SourceInfo
    rel: str
    budget: Budget = field(default_factory=Budget)
    options: ReaderOptions = ReaderOptions()
    depth: int = 0  # 0 for an inbox file; +1 per container (ZIP, e-mail) it was found in
    where: str = ""  # provenance prefix given by the container, e.g. "attachment 2 (.pdf)"
    # The package's member reader (formats.read_member), set by formats.read_blob: a container calls
    # it through the context, so the package and its container readers do not import each other.
    member_reader: MemberReader | None = field(default=None, compare=False, repr=False)

    def read_member(self, data: bytes, suffix: str, where: str, counter: list[int]) -> Iterator[Item]:
        """The items of one member of this container found at `where`, numbered on from `counter`."""
        if self.member_reader is None:
            raise RuntimeError("ReadContext.member_reader is not set: read containers through formats.read_blob")
        return self.member_reader(data, suffix, self, where, counter)

    def inside(self, where: str) -> ReadContext:
        """The context of a member found at `where` in this file."""
        return replace(self, depth=self.depth + 1, where=self.place(where))

    def place(self, where: str) -> str:
        return " ".join(p for p in (self.where, where) if p)

    def document(self, record: int, text: object, metadata: dict | None = None, where: str = "",
                 known_pii: tuple[tuple[str, str], ...] = ()) -> Item:
        """A RawDocument of `text`, or a Quarantine when there is no text. Only KEPT_METADATA (and the
        source's license field) of `metadata` is kept; `known_pii` (entity type, value) are values the
        reader knows are personal data (RawDocument.known_pii)."""
        metadata = metadata or {}
        source = self.source
        if not isinstance(text, str):
            return self.quarantine(record, "missing_text_field",
                                   f"record {record}: no string in the field SOURCE.yaml names as text_field", where)
        text = normalize_text(text)
        if not text:
            return self.quarantine(record, "empty_text", f"record {record}: empty text", where)
        kept = {k: metadata[k] for k in KEPT_METADATA if isinstance(metadata.get(k), str | int)}
        if source.license_field and isinstance(metadata.get(source.license_field), str):
            kept["license"] = metadata[source.license_field]
        return RawDocument(source.name, self.rel, record, text, kept, provenance=self.place(where),
                           known_pii=tuple(known_pii))

    def quarantine(self, record: int | None, reason: str, message: str, where: str = "") -> Quarantine:
        place = self.place(where)
        return Quarantine(self.source.name, self.rel, record, reason,
                          f"{place}: {message}" if place else message, provenance=place)


Reader = Callable[[Blob, ReadContext], Iterator[Item]]
# formats.read_member: (member bytes, suffix, container's context, where, record counter) -> items.
MemberReader = Callable[[bytes, str, "ReadContext", str, list[int]], Iterator[Item]]


def renumbered(items: Iterator[Item], counter: list[int]) -> Iterator[Item]:
    """A container's items with one record number each across all its members (`counter` holds
    the next number): an item of a ZIP is (zip path, record), like a line of a JSONL file."""
    for item in items:
        record = counter[0]
        counter[0] += 1
        yield replace(item, record=record)
