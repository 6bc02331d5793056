"""CREDIT_CARD in Japanese text: the English card rule with boundaries that hold after a kanji label.

Not in this package's RECOGNIZERS: recognizers.language_neutral_recognizers registers it for every
language but English (cards are not Japanese-only; Presidio registers its own for English only).
"""

from __future__ import annotations

from curation.pii.recognizers.en.credit_card import CurationCardRecognizer


class JaCardRecognizer(CurationCardRecognizer):
    """The same cards in Japanese text, where a number follows a kanji label with no space
    (カード番号4111…): bounded by ASCII letters and digits instead of any word character."""

    NAME = "CurationJaCreditCardRecognizer"
    REGEX = r"(?<![0-9A-Za-z_.,/-])(?<!\d[ -])\d{4}(?:([ -]?)\d{2,6})(?:\1\d{1,6}){0,4}(?![0-9A-Za-z_-]|[ -]\d)"

    def __init__(self, supported_language: str = "ja"):
        super().__init__(supported_language)

    def validate_result(self, pattern_text: str) -> bool:
        # 12- and 13-digit cards are rare, 12- and 13-digit identifiers (マイナンバー, 法人番号) common.
        return len(pattern_text.replace(" ", "").replace("-", "")) >= 14 and super().validate_result(pattern_text)
