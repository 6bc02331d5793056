"""DATE_TIME and DATE_OF_BIRTH: dates in 和暦 and 西暦; a birth date after its label or before 生まれ."""

from __future__ import annotations

import re

from presidio_analyzer import Pattern

from curation.pii.recognizers.ja.base import JaPatternRecognizer
from curation.pii.recognizers.ja.shapes import ND, NF, SEP, D, half

_ERA = "(?:明治|大正|昭和|平成|令和)"
_ERA_ABBR = "[MTSHRＭＴＳＨＲ]"
_Y = _M = _DD = f"{D}{{1,2}}"


class JpDateRecognizer(JaPatternRecognizer):
    """Dates in 和暦 (昭和60年4月1日, 令和元年5月1日, H2.3.4) and 西暦 (1985年4月1日, 1985/4/1,
    2024-04-01); impossible months and days are dropped."""

    ENTITY = "DATE_TIME"
    PATTERNS = (
        Pattern("jp_era_kanji", rf"{_ERA}[ 　]?(?:元|{_Y})年[ 　]?{_M}月(?:[ 　]?{_DD}日)?", 0.6),
        Pattern("jp_era_abbr", rf"(?<![A-Za-zＡ-Ｚａ-ｚ]){_ERA_ABBR}{_Y}[./／.．]{_M}[./／.．]{_DD}{NF}", 0.5),
        Pattern("jp_western_kanji", rf"{ND}{D}{{4}}年[ 　]?{_M}月(?:[ 　]?{_DD}日)?", 0.6),
        Pattern("jp_western_numeric", rf"{ND}{D}{{4}}[/／\-－.．]{_M}[/／\-－.．]{_DD}{NF}", 0.5),
    )
    CONTEXT = ("生年月日", "誕生日", "日付", "年月日")

    def invalidate_result(self, pattern_text: str) -> bool:
        numbers = [int(n) for n in re.findall(r"\d+", half(pattern_text))]
        if "元年" in pattern_text:
            numbers.insert(0, 1)
        if len(numbers) < 2:
            return not (numbers and self.supported_entities[0] == "DATE_OF_BIRTH")  # 昭和18年生まれ
        month = numbers[1]
        day = numbers[2] if len(numbers) > 2 else 1
        return not (1 <= month <= 12 and 1 <= day <= 31)


_SEP_DATE = "[/／\\-－.．]"
_FULL_DATE = (f"(?:{_ERA}[ 　]?(?:元|{_Y})年[ 　]?{_M}月[ 　]?{_DD}日"
              f"|(?<![A-Za-zＡ-Ｚａ-ｚ]){_ERA_ABBR}{_Y}[./／.．]{_M}[./／.．]{_DD}{NF}"
              f"|{ND}{D}{{4}}年[ 　]?{_M}月[ 　]?{_DD}日|{ND}{D}{{4}}{_SEP_DATE}{_M}{_SEP_DATE}{_DD}{NF})")
_YEAR_MONTH = (f"(?:{_ERA}[ 　]?(?:元|{_Y})年(?:[ 　]?{_M}月(?:[ 　]?{_DD}日)?)?"
               f"|{ND}{D}{{4}}年(?:[ 　]?{_M}月(?:[ 　]?{_DD}日)?)?)")
_BIRTH_LABEL = "(?:生年月日|誕生日|出生日|生年)(?:[（(][^）)\\n]{0,8}[）)])?"


class JpDateOfBirthRecognizer(JpDateRecognizer):
    """DATE_OF_BIRTH: a date after a birth-date label (生年月日：昭和60年4月1日, 誕生日 1985/4/1) or
    before 生まれ (昭和18年生まれ; a year alone counts there). Other dates describe the business
    (meetings, orders, deadlines) and are not personal data."""

    ENTITY = "DATE_OF_BIRTH"
    PATTERNS = (Pattern("jp_birth_labelled", f"(?<={_BIRTH_LABEL}[はがを]?{SEP}){_FULL_DATE}", 0.85),
                Pattern("jp_birth_umare", f"{_YEAR_MONTH}(?=[ 　]?(?:生まれ|生)(?![一-龥]))", 0.75))
    CONTEXT = ()
