"""JP_PASSPORT: two capital letters and seven digits (TK1234567)."""

from __future__ import annotations

from presidio_analyzer import Pattern

from curation.pii.recognizers.ja.base import JaPatternRecognizer
from curation.pii.recognizers.ja.shapes import NF, SEP, D

_NUMBER = rf"[A-ZＡ-Ｚ]{{2}}{D}{{7}}{NF}"


class JpPassportRecognizer(JaPatternRecognizer):
    """Japanese passports: two capital letters and seven digits; labelled, or alone at a lower score."""

    ENTITY = "JP_PASSPORT"
    PATTERNS = (
        Pattern("jp_passport_labelled", rf"(?<=(?:旅券|パスポート)(?:番号|No\.?)?{SEP}){_NUMBER}", 0.75),
        Pattern("jp_passport", rf"(?<![A-Za-zＡ-Ｚａ-ｚ0-9０-９]){_NUMBER}", 0.3),
    )
    CONTEXT = ("旅券", "パスポート", "旅券番号", "パスポート番号", "passport")
