"""PERSON: a name in katakana where forms put one (フリガナ, 口座名義, in brackets after a kanji name)."""

from __future__ import annotations

from presidio_analyzer import Pattern

from curation.pii.recognizers.ja.base import JaPatternRecognizer
from curation.pii.recognizers.ja.shapes import SEP

_KANA = "[ァ-ヶー]+(?:[ 　][ァ-ヶー]+)?"
_LABEL = "(?:フリガナ|ふりがな|氏名カナ|カナ氏名|カナ|口座名義人?|名義人?)(?:[（(]カナ[）)])?"


class JpKanaNameRecognizer(JaPatternRecognizer):
    """PERSON for a name in katakana where forms put one: after フリガナ / カナ / 口座名義, or in
    brackets right after a name in kanji (山田 太郎（ヤマダ タロウ）)."""

    ENTITY = "PERSON"
    PATTERNS = (Pattern("jp_kana_labelled", f"(?<={_LABEL}{SEP}){_KANA}(?![ァ-ヶー])", 0.7),
                Pattern("jp_kana_after_name", "(?<=[一-龥々][ 　]?[一-龥々]{0,4}[（(])[ァ-ヶー]+[ 　][ァ-ヶー]+(?=[）)])",
                        0.6))
