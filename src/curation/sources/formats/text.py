"""Whole-file text formats: plain text and Markdown as they are, HTML as what a reader sees.

Each yields one document with record 0. `decode` turns the file's bytes into text: UTF-8 (with or
without a BOM) as is; anything else in the encoding `curation.sources.formats.encodings` finds,
named with its confidence in the document's provenance.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from curation.sources.formats.base import Blob, Item, ReadContext
from curation.sources.formats.encodings import CANDIDATES, detect


class Decoded(NamedTuple):
    text: str | None
    where: str  # provenance: "decoded from cp932, confidence 0.97"; "" for UTF-8
    problem: Item | None  # a Quarantine when the bytes are not text the policy trusts


def decode(blob: Blob, ctx: ReadContext) -> Decoded:
    """The file's text and how it was decoded, or a Quarantine: `empty_file`, or
    `uncertain_encoding` when no encoding reaches inputs.encoding_min_confidence."""
    return decode_bytes(blob.read_all(ctx.budget), ctx)


def decode_bytes(data: bytes, ctx: ReadContext) -> Decoded:
    """`decode` for bytes already read (and charged), e.g. an e-mail part."""
    if not data.strip():
        return Decoded(None, "", ctx.quarantine(None, "empty_file", "the file is empty"))
    found = detect(data)
    floor = ctx.options.encoding_min_confidence
    if found.text is not None and found.confidence >= floor:
        return Decoded(found.text, found.note, None)
    if found.candidates and found.candidates[0][0] == "utf_8":
        what = f"UTF-8 but for invalid bytes (the first at offset {_first_invalid(data)}), so its encoding is uncertain"
        return Decoded(None, "", ctx.quarantine(None, "uncertain_encoding", f"{what}; repair it or re-save it as UTF-8"))
    if found.candidates:
        named = ", ".join(f"{name} {confidence:.2f}" for name, confidence in found.candidates[:3])
        what = f"its encoding is uncertain (candidates: {named})"
    else:
        what = f"no encoding tried ({', '.join(CANDIDATES)}) reads it as text"
    return Decoded(None, "", ctx.quarantine(
        None, "uncertain_encoding",
        f"not UTF-8 and {what}, below the policy's confidence floor of {floor:.2f} "
        "(inputs.encoding_min_confidence); re-save it as UTF-8"))


def _first_invalid(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start
    return -1


def read_text(blob: Blob, ctx: ReadContext) -> Iterator[Item]:
    text, where, problem = decode(blob, ctx)
    yield problem or ctx.document(0, text, where=where)


def html_text(html: str) -> str:
    """The text a reader of the page sees: scripts, styles and hidden templates are not text."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "head"]):
        tag.decompose()
    return soup.get_text(separator="\n")


def read_html(blob: Blob, ctx: ReadContext) -> Iterator[Item]:
    html, where, problem = decode(blob, ctx)
    yield problem or ctx.document(0, html_text(html), where=where)
