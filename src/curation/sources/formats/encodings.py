"""Which encoding a text file's bytes are in, when the file does not say.

Company files come in UTF-8, in the legacy Japanese encodings (CP932/Shift_JIS from Windows and
Excel, EUC-JP from older Unix systems, ISO-2022-JP from mail), in UTF-16/32 with a byte order
mark (Windows "Unicode" text), and in CP1252/Latin-1 for Western text. `detect` tries, in order:

1. a UTF-32 or UTF-16 byte order mark: certain;
2. ISO-2022-JP escape sequences in 7-bit bytes: certain. This comes before UTF-8 because
   ISO-2022-JP is 7-bit, so it is also valid UTF-8, and would otherwise keep its escapes;
3. UTF-8 (with or without a BOM): certain, since other encodings' text is rarely valid UTF-8;
4. charset-normalizer, restricted to CANDIDATES (left unrestricted, it names Korean or Chinese
   code pages for short Japanese text and Baltic ones for CP1252): each candidate that reads the
   bytes is scored by the mojibake ("chaos") charset-normalizer measures plus characters it does
   not count (_unlikely_share); the best reading wins. Its confidence is 1 - its chaos, capped
   by its score's margin over a rival reading of different text: two readings as good as each
   other are a coin flip, 0.5. Measured on generated texts by bench/encoding_detect.py.

The caller (text.decode) decides what confidence is enough (inputs.encoding_min_confidence).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# Tried by charset-normalizer, in this order on ties: CP932 before EUC-JP (the more common one in
# company files), CP1252 before Latin-1 (a superset in practice: curly quotes, the euro sign).
CANDIDATES = ("cp932", "euc_jp", "cp1252", "latin_1")
# UTF-32 first: its little-endian BOM begins with UTF-16's.
# Decoded with "utf_16"/"utf_32", which read the BOM and drop it; named with their byte order.
BOMS = ((codecs.BOM_UTF32_LE, "utf_32_le"), (codecs.BOM_UTF32_BE, "utf_32_be"),
        (codecs.BOM_UTF16_LE, "utf_16_le"), (codecs.BOM_UTF16_BE, "utf_16_be"))
ISO2022_CODECS = ("iso2022_jp", "iso2022_jp_ext", "iso2022_jp_2")
# ESC $ B, ESC $ @, ESC $ ( D (kanji sets), ESC ( B, ESC ( J, ESC ( I (ASCII, Roman, kana).
_ISO2022_ESCAPE = re.compile(rb"\x1b(?:\$[@B]|\$\(D|\([BJI])")
_MAX_CHAOS = 0.5  # candidates above this much mojibake are not worth naming
SAMPLE_BYTES = 1 << 18
DAMAGED_UTF8_MAX = 1 / 3  # damaged share of non-ASCII characters up to which a file is UTF-8 with damage
UNLIKELY_WEIGHT = 0.5  # how much a reading's share of unlikely characters counts as mojibake


@dataclass(frozen=True)
class Detection:
    """The outcome of `detect`: `text` is None when no candidate reads the bytes at all."""

    encoding: str | None  # Python codec name ("cp932", "utf_16_le"); None when nothing fits
    confidence: float  # 0..1; 1.0 for a BOM, escape sequences or valid UTF-8
    how: str  # "utf-8", "byte order mark", "escape sequences", "detected", "none"
    text: str | None = None
    candidates: tuple[tuple[str, float], ...] = ()  # (encoding, confidence), best first

    @property
    def note(self) -> str:
        """Provenance for a document decoded this way ("decoded from cp932, confidence 0.97");
        "" for UTF-8, the default."""
        if self.encoding is None or self.how == "utf-8":
            return ""
        if self.how == "detected":
            return f"decoded from {self.encoding}, confidence {self.confidence:.2f}"
        return f"decoded from {self.encoding}, {self.how}"


def bom_encoding(head: bytes) -> str | None:
    """The UTF-16/32 codec a byte order mark at the start of `head` names, or None."""
    for bom, name in BOMS:
        if head.startswith(bom):
            return name
    return None


def looks_iso2022_jp(data: bytes) -> bool:
    """7-bit bytes with ISO-2022-JP escape sequences (which no UTF-8 text has)."""
    return data.isascii() and _ISO2022_ESCAPE.search(data) is not None


def detect(data: bytes) -> Detection:
    """The encoding of `data` and its text (see the module docstring for the order of tries)."""
    if name := bom_encoding(data):
        try:
            return Detection(name, 1.0, "byte order mark", data.decode(name[:6]))
        except UnicodeDecodeError:
            pass  # a BOM followed by something else: let detection judge
    if looks_iso2022_jp(data):
        for name in ISO2022_CODECS:
            try:
                return Detection(name, 1.0, "escape sequences", data.decode(name))
            except UnicodeDecodeError:
                continue
    try:
        return Detection("utf_8", 1.0, "utf-8", data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    return _detect_legacy(data)


def _unlikely_share(text: str) -> float:
    """Share of the non-ASCII characters that text is almost never written with but mojibake is,
    which charset-normalizer does not count: half-width katakana (EUC-JP read as CP932 comes out as
    runs of it), C1 control characters, and a kanji or kana inside a Latin word ("fa軋de": CP1252
    read as CP932)."""
    wide = unlikely = 0
    for i, c in enumerate(text):
        if ord(c) <= 0x7F:
            continue
        wide += 1
        inside_word = (ord(c) >= 0x3000 and 0 < i < len(text) - 1
                       and text[i - 1].isascii() and text[i - 1].isalpha()
                       and text[i + 1].isascii() and text[i + 1].isalpha())
        unlikely += "\uff61" <= c <= "\uff9f" or 0x80 <= ord(c) <= 0x9F or inside_word
    return unlikely / wide if wide else 0.0


def _detect_legacy(data: bytes) -> Detection:
    from charset_normalizer import from_bytes

    # Readings are scored on the first SAMPLE_BYTES (charset-normalizer, too, judges samples);
    # only the chosen one decodes the whole file, so a large file is decoded once.
    sample = data[:SAMPLE_BYTES]
    readings: dict[str, tuple[float, float, str]] = {}  # encoding -> (chaos, score, sample text)
    for match in from_bytes(data, cp_isolation=list(CANDIDATES), threshold=_MAX_CHAOS):
        text = sample.decode(match.encoding, "ignore")  # "ignore": a character cut at the sample's end
        readings[match.encoding] = (match.chaos, match.chaos + UNLIKELY_WEIGHT * _unlikely_share(text), text)
    if "cp1252" in readings:  # Latin-1 differs only in C1 controls, which no text means (WHATWG reads it as CP1252)
        readings.pop("latin_1", None)
    # UTF-8 with a few damaged bytes is a rival (never decoded): its mojibake in CP1252 ("cafÃ©")
    # must not pass for Western text. Other bytes form valid UTF-8 pairs by chance too (half-width
    # katakana in CP932, random bytes), but then most of the non-ASCII characters are damaged.
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    utf8_text = decoder.decode(sample, final=len(data) <= SAMPLE_BYTES)
    wide = sum(ord(c) > 0x7F for c in utf8_text)
    if wide and (damaged := utf8_text.count("\ufffd") / wide) <= DAMAGED_UTF8_MAX:
        readings["utf_8"] = (damaged, damaged, utf8_text)
    order = ("utf_8", *CANDIDATES)
    candidates = sorted(((name, _confidence(name, readings)) for name in readings),
                        key=lambda c: (-c[1], order.index(c[0])))
    for encoding, confidence in candidates:
        try:  # the whole file must decode, not only the samples judged (damaged UTF-8 never does)
            return Detection(encoding, confidence, "detected", data.decode(encoding), tuple(candidates))
        except UnicodeDecodeError:
            continue
    return Detection(None, 0.0, "none", candidates=tuple(candidates))


def _confidence(name: str, readings: dict[str, tuple[float, float, str]]) -> float:
    """1 - the chaos charset-normalizer measures; but another encoding that reads the bytes as a
    different text nearly as well (by score) makes the choice a coin flip: confidence falls to 0.5
    as the two scores meet. Unlikely characters count only against a rival: a file of nothing but
    half-width katakana (a bank transfer file) that only CP932 reads is CP932."""
    chaos, score, text = readings[name]
    confidence = 1.0 - chaos
    rivals = [other for key, (_, other, other_text) in readings.items() if key != name and other_text != text]
    if rivals:
        confidence = min(confidence, 0.5 + (min(rivals) - score))
    return round(max(0.0, min(1.0, confidence)), 2)
