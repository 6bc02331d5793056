"""The text of a spaCy Doc, read once per Doc, or given by whoever made the Doc from it."""

from __future__ import annotations


def doc_text(doc) -> str:
    """`doc.text`, built once per Doc: spaCy joins every token on each access, which made reading
    it per entity quadratic in a long document."""
    text = doc.user_data.get("curation_text")
    if text is None:
        text = doc.user_data["curation_text"] = doc.text
    return text


def remember_text(doc, text: str):
    """`doc` with `text` as its doc_text: for a Doc made from `text` (spaCy keeps every character,
    so `doc.text == text`), which spares rebuilding it from the tokens (5% of an English worker's
    time, 400,000 Token objects for 300 documents)."""
    doc.user_data["curation_text"] = text
    return doc
