"""JP_CORPORATE_NUMBER: 法人番号, 13 digits with a leading check digit (also as T + 13 digits)."""

from __future__ import annotations

from presidio_analyzer import Pattern

from curation.pii.recognizers.ja.base import JaPatternRecognizer
from curation.pii.recognizers.ja.shapes import NF, D, digits


class CorporateNumberRecognizer(JaPatternRecognizer):
    """法人番号: 13 digits, the first a check digit over the other 12 (法人番号の指定等に関する省令
    第2条): 9 − (Σ Pn × Qn mod 9), Pn the n-th digit from the right, Qn 1 for odd n, 2 for even.
    Also as the 適格請求書 registration number (T + 13 digits)."""

    ENTITY = "JP_CORPORATE_NUMBER"
    PATTERNS = (Pattern("corporate_number",
                        rf"(?<![0-9０-９A-Za-zＡ-Ｚａ-ｚ])[TＴ]?{D}[ -－]?{D}{{4}}[ -－]?{D}{{4}}[ -－]?{D}{{4}}{NF}",
                        0.3),)
    CONTEXT = ("法人番号", "登録番号", "インボイス")

    def validate_result(self, pattern_text: str) -> bool:
        n = digits(pattern_text)
        if len(n) != 13:
            return False
        base = [int(c) for c in n[1:]][::-1]
        total = sum(d * (1 if i % 2 else 2) for i, d in enumerate(base, start=1))
        return int(n[0]) == 9 - total % 9
