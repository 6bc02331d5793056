"""Text files in legacy encodings for tests and samples.

    write_text(path, "日本語の文書です。", "cp932")        Shift_JIS as Windows writes it
    write_text(path, text, "utf_16_le")                    with a byte order mark (as Notepad's "Unicode")
    write_text(path, text, "utf_16_le", bom=False)         without one

UTF-16/32 files get a byte order mark unless `bom=False`; other encodings never do (UTF-8 only
with `encoding="utf-8-sig"`).
"""

from __future__ import annotations

import codecs
from pathlib import Path

BOMS = {"utf_16_le": codecs.BOM_UTF16_LE, "utf_16_be": codecs.BOM_UTF16_BE,
        "utf_32_le": codecs.BOM_UTF32_LE, "utf_32_be": codecs.BOM_UTF32_BE}


def encoded(text: str, encoding: str, bom: bool = True) -> bytes:
    """`text` in `encoding` (a Python codec name), strictly: a character the encoding lacks raises."""
    name = codecs.lookup(encoding).name.replace("-", "_")
    return (BOMS.get(name, b"") if bom else b"") + text.encode(encoding)


def write_text(path: Path, text: str, encoding: str, bom: bool = True) -> Path:
    path.write_bytes(encoded(text, encoding, bom))
    return path
