"""How texts are grouped into spaCy batches (by count, and by characters for GiNZA)."""

from __future__ import annotations

# Characters per nlp.pipe batch, per language. GiNZA's encoder (width 256, depth 8) holds every
# token of a batch at once: 32 documents of 2,000 characters peaked at 2.9 GiB (1.2 GiB in
# batches of 4) and were no faster. English NER batches stay at `batch_size` documents.
BATCH_CHARS = {"ja": 8_000}


def char_limited_batches(texts: list[str], batch_size: int, max_chars: int | None) -> list[list[str]]:
    """Consecutive groups of at most `batch_size` texts and (when given) `max_chars` characters;
    a longer text is a group of its own."""
    groups: list[list[str]] = []
    size = 0
    for text in texts:
        if not groups or len(groups[-1]) >= batch_size or (max_chars and size + len(text) > max_chars):
            groups.append([])
            size = 0
        groups[-1].append(text)
        size += len(text)
    return groups
