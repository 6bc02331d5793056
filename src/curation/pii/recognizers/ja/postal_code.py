"""JP_POSTAL_CODE: 〒123-4567, after 郵便番号, or in front of an address."""

from __future__ import annotations

from presidio_analyzer import Pattern

from curation.pii.recognizers.ja.base import JaPatternRecognizer
from curation.pii.recognizers.ja.shapes import ND, NF, PREF, SEP, D, H


class JpPostalCodeRecognizer(JaPatternRecognizer):
    """Seven digits (three, a hyphen, four) after 〒 or its label, or right before a prefecture."""

    ENTITY = "JP_POSTAL_CODE"
    PATTERNS = (
        Pattern("jp_postal_mark", rf"(?<=〒[ 　]?){D}{{3}}{H}?{D}{{4}}{NF}", 0.8),
        Pattern("jp_postal_label", rf"(?<=郵便番号{SEP}){D}{{3}}{H}?{D}{{4}}{NF}", 0.8),
        Pattern("jp_postal_plain", rf"{ND}{D}{{3}}[-－]{D}{{4}}{NF}", 0.2),
        # A code on its own in front of an address: 123-4567 東京都..., 1234567\n大阪府...
        Pattern("jp_postal_before_address", rf"{ND}{D}{{3}}{H}?{D}{{4}}(?=[ 　\t\n]*{PREF})", 0.6),
        Pattern("jp_postal_digits", rf"{ND}{D}{{7}}{NF}", 0.05),
    )
    CONTEXT = ("郵便番号", "郵便", "〒", "住所", "所在地")
