"""JP_DRIVER_LICENSE: 12 digits after a licence label or printed 第 … 号."""

from __future__ import annotations

from presidio_analyzer import Pattern

from curation.pii.recognizers.ja.base import JaPatternRecognizer
from curation.pii.recognizers.ja.shapes import NF, SEP, D

_LABEL = "(?:運転免許証番号|免許証番号|運転免許証|運転免許|免許番号|免許証)"


class JpDriverLicenseRecognizer(JaPatternRecognizer):
    """12 digits, printed 第 123456789012 号; no published check digit, so a label is required."""

    ENTITY = "JP_DRIVER_LICENSE"
    PATTERNS = (
        Pattern("jp_license_labelled", rf"(?<={_LABEL}(?:番号)?{SEP}(?:第[ 　]?)?){D}{{12}}{NF}", 0.75),
        Pattern("jp_license_dai_go", rf"(?<=第[ 　]?){D}{{12}}(?=[ 　]?号)", 0.5),
    )
    CONTEXT = ("免許", "免許証", "運転免許証", "免許証番号")
