"""JP_MY_NUMBER: 個人番号 (マイナンバー), 12 digits with a check digit, or any 12 digits after its label."""

from __future__ import annotations

import re

from presidio_analyzer import Pattern

from curation.pii.recognizers.ja.base import JaPatternRecognizer
from curation.pii.recognizers.ja.shapes import SEP, D, digits


def my_number_check_ok(value: str) -> bool:
    """Whether the 12 digits of `value` end in the right check digit (番号法施行令 第8条):
    11 − (Σ Pn × Qn mod 11), 0 when that remainder is 0 or 1; Pn the n-th digit from the right
    (the check digit not counted), Qn = n + 1 for n ≤ 6 and n − 5 for 7 ≤ n ≤ 11."""
    n = digits(value)
    if len(n) != 12:
        return False
    body = [int(c) for c in n[:11]][::-1]
    total = sum(d * (i + 1 if i <= 6 else i - 5) for i, d in enumerate(body, start=1))
    check = 0 if total % 11 <= 1 else 11 - total % 11
    return check == int(n[11])


# Twelve digits inside a longer group of digits (a card number 4111 1111 1111 1111) are not one.
_NOT_AFTER_DIGITS = f"(?<!{D}[ -－]?)"
_NOT_BEFORE_DIGITS = f"(?![ -－]?{D})"


class MyNumberRecognizer(JaPatternRecognizer):
    """個人番号 (マイナンバー): 12 digits whose last is a check digit."""

    ENTITY = "JP_MY_NUMBER"
    PATTERNS = (Pattern("my_number", rf"{_NOT_AFTER_DIGITS}{D}{{4}}[ -－]?{D}{{4}}[ -－]?{D}{{4}}{_NOT_BEFORE_DIGITS}",
                        0.3),)
    CONTEXT = ("マイナンバー", "個人番号", "番号")
    # A label naming another kind of number says what the number is, whatever its check digit
    # happens to be: one 12-digit order number in eleven passes the check.
    OTHER_LABEL = re.compile(r"(?:注文|受注|発注|請求|伝票|見積|受付|管理|問合せ|問い合わせ|会員|顧客|お客様|商品|製造|シリアル"
                             r"|追跡|配送|予約|契約|証券)(?:番号|No\.?|ＮＯ|№)[\s:：#＃.．]*$")

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        return [r for r in super().analyze(text, entities, nlp_artifacts, regex_flags)
                if not self.OTHER_LABEL.search(text[max(0, r.start - 12):r.start])]

    def validate_result(self, pattern_text: str) -> bool:
        return my_number_check_ok(pattern_text)


_LABEL = f"(?:マイナンバー|個人番号)(?:カード)?(?:番号)?(?:[はがを]|{SEP})"


class JpLabelledMyNumberRecognizer(JaPatternRecognizer):
    """After its own label a 12-digit number is a My Number even when the check digit is wrong: a
    mistyped 個人番号 is still someone's, and the label, not the checksum, says what it is."""

    ENTITY = "JP_MY_NUMBER"
    PATTERNS = (Pattern("my_number_labelled",
                        rf"(?<={_LABEL}{SEP}){D}{{4}}[ -－]?{D}{{4}}[ -－]?{D}{{4}}{_NOT_BEFORE_DIGITS}", 0.75),)
