"""Recognizers added to Presidio's defaults: Japanese identifiers and, for Japanese text, the
language-neutral pattern recognizers that Presidio registers for English only."""

from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer, IbanRecognizer, IpRecognizer,
)

_FULLWIDTH = str.maketrans("０１２３４５６７８９－（）", "0123456789-()")


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text.translate(_FULLWIDTH))


class MyNumberRecognizer(PatternRecognizer):
    """個人番号 (マイナンバー): 12 digits whose last is a check digit (番号法施行令 第8条)."""

    def __init__(self):
        super().__init__(
            supported_entity="JP_MY_NUMBER", supported_language="ja",
            patterns=[Pattern("my_number", r"(?<![0-9０-９])[0-9０-９]{4}[ -－]?[0-9０-９]{4}[ -－]?[0-9０-９]{4}(?![0-9０-９])", 0.3)],
            context=["マイナンバー", "個人番号", "番号"],
        )

    def validate_result(self, pattern_text: str) -> bool:
        digits = _digits(pattern_text)
        if len(digits) != 12:
            return False
        body = [int(c) for c in digits[:11]][::-1]
        total = sum(d * (n + 1 if n <= 5 else n - 5) for n, d in enumerate(body, start=1))
        check = 0 if total % 11 <= 1 else 11 - total % 11
        return check == int(digits[11])


def japanese_recognizers() -> list[PatternRecognizer]:
    phone = PatternRecognizer(
        supported_entity="PHONE_NUMBER", supported_language="ja", name="JpPhoneRecognizer",
        patterns=[
            # 0X-XXXX-XXXX, 0XX-XXX-XXXX, 090-1234-5678, 0120-123-456, (03)1234-5678, full-width too.
            Pattern("jp_phone_hyphen", r"(?<![0-9０-９])[(（]?[0０][0-9０-９]{1,4}[)）]?[-－‐ ]?[0-9０-９]{1,4}[-－‐ ][0-9０-９]{3,4}(?![0-9０-９])", 0.6),
            Pattern("jp_phone_plain", r"(?<![0-9０-９])[0０][0-9０-９]{9,10}(?![0-9０-９])", 0.4),
            Pattern("jp_phone_intl", r"\+81[-－ ]?[0-9０-９]{1,4}[-－ ]?[0-9０-９]{1,4}[-－ ]?[0-9０-９]{3,4}", 0.6),
        ],
        context=["電話", "TEL", "Tel", "携帯", "連絡先", "FAX"],
    )
    postal = PatternRecognizer(
        supported_entity="JP_POSTAL_CODE", supported_language="ja", name="JpPostalCodeRecognizer",
        patterns=[
            Pattern("jp_postal_mark", r"〒\s?[0-9０-９]{3}[-－]?[0-9０-９]{4}", 0.8),
            Pattern("jp_postal_plain", r"(?<![0-9０-９])[0-9０-９]{3}[-－][0-9０-９]{4}(?![0-9０-９])", 0.2),
        ],
        context=["郵便番号", "〒", "住所"],
    )
    # Presidio's e-mail pattern relies on \b, which never fires between kana/kanji and ASCII
    # ("メールはa@b.jpまで"): bound the address by ASCII characters instead.
    email = PatternRecognizer(
        supported_entity="EMAIL_ADDRESS", supported_language="ja", name="JpEmailRecognizer",
        patterns=[Pattern("email_ascii_bounded",
                          r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@(?:[A-Za-z0-9\-]+\.)+[A-Za-z]{2,}(?![A-Za-z0-9\-])",
                          0.8)],
    )
    return [phone, postal, email, MyNumberRecognizer()]


def language_neutral_recognizers(language: str) -> list:
    if language == "en":
        return []
    return [cls(supported_language=language) for cls in
            (CreditCardRecognizer, IpRecognizer, IbanRecognizer)]
