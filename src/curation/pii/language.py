"""Per-document language routing.

For the two languages this pipeline supports, the writing system decides: Japanese text is
dominated by kana and kanji. (A statistical detector for more languages is a later step.)
"""

from __future__ import annotations

import re

_JA = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
_LATIN = re.compile(r"[A-Za-z]")


def detect_language(text: str) -> str:
    ja = len(_JA.findall(text))
    latin = len(_LATIN.findall(text))
    # One Japanese character carries about as much as a short English word: weigh it 3×.
    return "ja" if ja * 3 >= latin and ja > 0 else "en"


def detect_language_with_confidence(text: str) -> tuple[str, float]:
    ja = len(_JA.findall(text))
    latin = len(_LATIN.findall(text))
    lang = detect_language(text)
    total = ja * 3 + latin
    if total == 0:
        return lang, 0.0
    return lang, (ja * 3 if lang == "ja" else latin) / total
