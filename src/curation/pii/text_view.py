"""The text NER reads, when it differs from the original, with where each of its characters came from."""

from __future__ import annotations

import re

_SPACE_RUN = re.compile(r"[ \t\u00a0]{2,}|[\t\u00a0]")


def squeeze_spaces(text: str) -> tuple[str, list[int] | None]:
    """The text with runs of spaces and tabs made one space, for NER: spaCy turns a double space
    into a token of its own, and the model then sees "Margaret  Holloway" as two names or one
    (measured: the first name went unmasked). Returns (text for spaCy, original offset of each of
    its characters), or (text, None) when nothing changed."""
    if not _SPACE_RUN.search(text):
        return text, None
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _SPACE_RUN.finditer(text):
        out.append(text[pos:m.start()])
        offsets.extend(range(pos, m.start()))
        out.append(" ")
        offsets.append(m.start())
        pos = m.end()
    out.append(text[pos:])
    offsets.extend(range(pos, len(text)))
    return "".join(out), offsets
