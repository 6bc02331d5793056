"""JP_MY_NUMBER in English text: a 12-digit マイナンバー with a valid check digit."""

from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer

from curation.pii.recognizers.ja.my_number import my_number_check_ok


class EnMyNumberRecognizer(PatternRecognizer):
    """A Japanese individual number (個人番号) written in English text: 12 digits, grouped 4-4-4 or
    not, whose check digit is right, after its name (My Number, マイナンバー) or near a context word;
    counted as an identification code (APPI 個人識別符号), not as a phone number.

    Both shapes score below the threshold on their own: one 12-digit number in ten passes the check
    digit, so in English text without the number's name an order, serial or account number would
    be read as one (31 on the English synthetic corpus, none of them a My Number)."""

    PATTERNS = (Pattern("my_number_grouped", r"(?<![\w+.-])\d{4}([ -])\d{4}\1\d{4}(?![\w-]|[ .-]\d)", 0.3),
                Pattern("my_number_plain", r"(?<![\w+.-])\d{12}(?![\w-]|[ .-]\d)", 0.3))
    CONTEXT = ("mynumber", "my-number", "individual", "マイナンバー", "個人番号", "kojin")

    def __init__(self, supported_language: str = "en"):
        super().__init__(supported_entity="JP_MY_NUMBER", supported_language=supported_language,
                         patterns=list(self.PATTERNS), context=list(self.CONTEXT))

    # "My Number" is the number's official English name: after it (or its Japanese names) the
    # match is one whatever the shape.
    LABEL = re.compile(r"(?:\bmy\s*-?\s*number|\bindividual\s+number|マイナンバー|個人番号)\b[^\d\n]{0,12}$",
                       re.IGNORECASE)

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        for r in results:
            if self.LABEL.search(text[max(0, r.start - 40):r.start]):
                r.score = max(r.score, 0.75)
        return results

    def invalidate_result(self, pattern_text: str) -> bool:
        return not my_number_check_ok(pattern_text)
