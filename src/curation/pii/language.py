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
