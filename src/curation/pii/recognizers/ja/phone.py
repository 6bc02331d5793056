"""PHONE_NUMBER: Japanese fixed, mobile, toll-free and +81 numbers, half- or full-width."""

from __future__ import annotations

from presidio_analyzer import Pattern

from curation.pii.recognizers.ja.base import DigitCountRecognizer
from curation.pii.recognizers.ja.shapes import ND, NF, D, H

_LEAD = "[0０]"


class JpPhoneRecognizer(DigitCountRecognizer):
    """Japanese numbers have 10 digits (fixed: 03-1234-5678, 0466-12-3456; 0120-123-456) or 11
    (mobile 090/080/070, IP 050, 0800-123-4567); the digit count is checked after the match."""

    ENTITY = "PHONE_NUMBER"
    COUNTS = (10, 11)
    PATTERNS = (
        # 03-1234-5678, 03 1234 5678, 03(1234)5678
        Pattern("jp_phone_hyphen", rf"{ND}{_LEAD}{D}{{1,4}}(?:{H}|[ 　]|[(（]){D}{{1,4}}(?:{H}|[ 　]|[)）]){D}{{3,4}}{NF}",
                0.6),
        # (03)1234-5678, （０３）１２３４－５６７８
        Pattern("jp_phone_bracket", rf"[(（]{_LEAD}{D}{{1,4}}[)）][ 　]?{D}{{1,4}}{H}?{D}{{3,4}}{NF}", 0.6),
        Pattern("jp_phone_plain", rf"{ND}{_LEAD}{D}{{9,10}}{NF}", 0.4),
        # No leading 0 (as Faker's ja_JP provider writes them, or a trunk prefix dropped):
        # only next to a context word.
        Pattern("jp_phone_no_prefix", rf"{ND}[1-9１-９]{D}{H}{D}{{4}}{H}{D}{{4}}{NF}", 0.1),
        Pattern("jp_phone_intl", rf"[+＋][8８][1１][-－ ]?{D}{{1,4}}[-－ ]?{D}{{1,4}}[-－ ]?{D}{{3,4}}{NF}", 0.6),
    )
    CONTEXT = ("電話", "電話番号", "TEL", "Tel", "tel", "携帯", "連絡先", "FAX", "ファックス", "☎")
