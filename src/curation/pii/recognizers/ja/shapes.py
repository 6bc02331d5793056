"""Character classes the Japanese patterns share: half- and full-width digits, hyphens, labels, prefectures.

Every pattern takes half-width and full-width digits and letters as they stand: offsets always
point into the original text; only checksums read a normalized copy of the matched value."""

from __future__ import annotations

import re

_FULLWIDTH = str.maketrans("０１２３４５６７８９－（）", "0123456789-()")

D = "[0-9０-９]"  # a digit, half- or full-width
ND = "(?<![0-9０-９])"  # not preceded by a digit
NF = "(?![0-9０-９])"  # not followed by a digit
H = "[-－‐−ー]"  # hyphens as typed in Japanese text (ー: the long-vowel mark, often used as one)
SEP = r"[\s:：#＃.．、]*"  # between a label and its value: 口座番号：1234567
# A prefecture, the first part of an address.
PREF = "(?:東京都|北海道|(?:京都|大阪)府|(?:神奈川|和歌山|鹿児島)県|[一-龥]{2}県)"


def digits(text: str) -> str:
    """The digits of a matched value, full-width ones folded to ASCII."""
    return re.sub(r"\D", "", text.translate(_FULLWIDTH))


def half(text: str) -> str:
    """Full-width ASCII (U+FF01–FF5E) folded to half-width; for validating a matched value only."""
    return "".join(chr(ord(c) - 0xFEE0) if "！" <= c <= "～" else c for c in text)
