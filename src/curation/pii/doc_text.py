"""The text of a spaCy Doc, read once per Doc."""

from __future__ import annotations


def doc_text(doc) -> str:
    """`doc.text`, built once per Doc: spaCy joins every token on each access, which made reading
    it per entity quadratic in a long document."""
    text = doc.user_data.get("curation_text")
    if text is None:
        text = doc.user_data["curation_text"] = doc.text
    return text
