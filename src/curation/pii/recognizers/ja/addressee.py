"""PERSON: the addressee line of a letter or an e-mail (林様, 山田 太郎 様)."""

from __future__ import annotations

from presidio_analyzer import Pattern

from curation.pii.recognizers.ja.base import JaPatternRecognizer


class JpAddresseeRecognizer(JaPatternRecognizer):
    """PERSON for the addressee line of a letter or an e-mail: a line holding only a name and 様 /
    さん / 殿 (林様, 山田 太郎 様). Collective addressees (皆様, 担当者様, 各位) are not names."""

    ENTITY = "PERSON"
    PATTERNS = (Pattern("jp_addressee_line",
                        "(?<=^[ 　]*)[一-龥々]{1,4}(?:[ 　][一-龥々ぁ-んァ-ヶー]{1,5})?(?<![皆者位員方同])"
                        "(?=[ 　]?(?:様|さま|さん|殿)[ 　]*$)", 0.6),)
