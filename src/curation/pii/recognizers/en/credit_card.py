"""CREDIT_CARD: 12-19 digits with an issuer prefix and a valid Luhn checksum (replaces Presidio's)."""

from __future__ import annotations

import regex as re

from curation.pii.recognizers.en.scored import ScoredRecognizer


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = ord(c) - 48
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


# Issuer prefixes: the major networks start with 2-6 (Mastercard 2-series, Amex/Diners/JCB 3,
# Visa 4, Mastercard/Maestro 5, Discover/UnionPay/Maestro 6); 1800 and 2131 are old 15-digit JCB,
# 0604 an old UK Maestro range.
_IIN = re.compile(r"[2-6]|1800|2131|0604")


def looks_like_card(number: str) -> bool:
    """Whether the digits of `number` could be a payment card: length, issuer prefix and Luhn."""
    digits = "".join(c for c in number if c.isdigit())
    return 12 <= len(digits) <= 19 and bool(_IIN.match(digits)) and luhn_ok(digits)


class CurationCardRecognizer(ScoredRecognizer):
    """Payment cards, plain or grouped by spaces or dashes, Luhn-valid *and* with an issuer prefix
    (Presidio's pattern missed 2-series Mastercard, 15-digit JCB, 19-digit Visa)."""

    ENTITY = "CREDIT_CARD"
    NAME = "CurationCreditCardRecognizer"
    REGEX = r"(?<![\w.,/-])(?<!\d[ -])\d{4}(?:([ -]?)\d{2,6})(?:\1\d{1,6}){0,4}(?![\w-]|[ -]\d)"
    START = r"(?=\d)"
    CONTEXT = ("card", "credit", "debit", "visa", "mastercard", "amex", "cc", "payment", "cardholder")

    def validate_result(self, pattern_text: str) -> bool:
        digits = pattern_text.replace(" ", "").replace("-", "")
        return 12 <= len(digits) <= 19 and bool(_IIN.match(digits)) and luhn_ok(digits) and len(set(digits)) > 1

    def score(self, value: str) -> float | None:
        return 1.0 if self.validate_result(value) else None

