"""EMAIL_ADDRESS in Japanese text: bounded by ASCII characters, full-width addresses too."""

from __future__ import annotations

from presidio_analyzer import Pattern

from curation.pii.recognizers.ja.base import JaPatternRecognizer

_LOCAL = "A-Za-z0-9._%+\\-Ａ-Ｚａ-ｚ０-９．＿％＋－"
_LABEL = "A-Za-z0-9\\-Ａ-Ｚａ-ｚ０-９－"


class JpEmailRecognizer(JaPatternRecognizer):
    """Presidio's e-mail pattern relies on \\b, which never fires between kana/kanji and ASCII
    ("メールはa@b.jpまで"): the address is bounded by ASCII characters instead. Full-width addresses
    (ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｊｐ) are typed by some input methods: found as well. Scored 1.0 as
    the English one is: an address is unmistakable, and GiNZA, reading the normalized view, tags
    some as a person or an organisation, which must not win the span."""

    ENTITY = "EMAIL_ADDRESS"
    PATTERNS = (Pattern("email_ascii_bounded",
                        rf"(?<![{_LOCAL}])[{_LOCAL}]+[@＠](?:[{_LABEL}]+[.．])+[A-Za-zＡ-Ｚａ-ｚ]{{2,}}(?![{_LABEL}])",
                        1.0),)
