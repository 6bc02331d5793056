"""Whole-file text formats: plain text and Markdown as they are, HTML as what a reader sees.

Each yields one document with record 0. `decode` turns the file's bytes into text: UTF-8 (with or
without a BOM) as is; anything else goes through `curation.sources.formats.encodings`.
"""

from __future__ import annotations

from collections.abc import Iterator

from curation.sources.formats.base import Blob, Item, ReadContext


def decode(blob: Blob, ctx: ReadContext) -> tuple[str | None, Item | None]:
    """(text, None), or (None, a Quarantine saying why the bytes are not text)."""
    data = blob.read_all(ctx.budget)
    if not data.strip():
        return None, ctx.quarantine(None, "empty_file", "the file is empty")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return None, ctx.quarantine(None, "not_utf8",
                                    f"not UTF-8 text (invalid byte at offset {exc.start}); "
                                    "re-save it as UTF-8 (e.g. from Shift_JIS)")


def read_text(blob: Blob, ctx: ReadContext) -> Iterator[Item]:
    text, problem = decode(blob, ctx)
    yield problem or ctx.document(0, text)


def html_text(html: str) -> str:
    """The text a reader of the page sees: scripts, styles and hidden templates are not text."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "head"]):
        tag.decompose()
    return soup.get_text(separator="\n")


def read_html(blob: Blob, ctx: ReadContext) -> Iterator[Item]:
    html, problem = decode(blob, ctx)
    yield problem or ctx.document(0, html_text(html))
