"""PERSON: a name in kanji after a form label that asks for a person (氏名：林 花子, 担当：岡田)."""

from __future__ import annotations

from presidio_analyzer import Pattern

from curation.pii.recognizers.ja.base import NameRecognizer

_LABEL = ("(?:氏名|お名前|名前|担当者?|ご担当者様?|代表者|申請者|申込者|確認者|記録|司会|作成者|差出人|承認者|"
          "記入者|責任者|緊急連絡先)(?:[（(][^）)\n]{0,6}[）)])?")


class JpLabelledNameRecognizer(NameRecognizer):
    """PERSON for a name in kanji after a form label that asks for a person (氏名：林 花子,
    担当：岡田, 確認者：石川): up to 6 kanji, optionally a space and a given name in kanji or kana.
    The label must be followed by a colon or a space (担当者, 氏名欄 are words, not labels); a
    department after such a label (担当：営業部) is not a name."""

    ENTITY = "PERSON"
    PATTERNS = (Pattern("jp_name_labelled",
                        f"(?<={_LABEL}(?:[ 　]*[:：][ 　]*|[ 　]+))[一-龥々]{{1,6}}(?:[ 　][一-龥々ぁ-んァ-ヶー]{{1,5}})?"
                        "(?<![部課室係])(?![一-龥々ぁ-んァ-ヶー]|[ 　]*[：:])", 0.6),)
