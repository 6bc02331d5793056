"""A Japanese license name read in English words, so that the English name table reads it too.

Japanese notices write a license's name in katakana or kanji word by word (「GNU フリー文書利用許諾
契約書」, 「アーティスティック・ライセンス」) and its version in Japanese forms (「バージョン2.0」,
「第2版」, 「2.0版」). Each word of a license name and each version form maps to its English word
(a table of words, not one phrase per license); the English name table (names.NAMES) then reads
the result, and each name found is placed back on the Japanese text's span.
"""

from __future__ import annotations

import re

# Japanese words of license names and their English words
_WORDS = [
    (r"(?:使用|利用)?許諾(?:契約)?書|ライセンス(?:契約)?", "License"),
    (r"フリー\s*[・･]?\s*(?:文書|ドキュメンテーション|ドキュメント)", "Free Documentation"),
    (r"アーティスティック", "Artistic"),
    # words of names the SPDX list holds (catalogue_names): 「IPAフォントライセンス」, 「Boost ソフトウェアライセンス」
    (r"フォント", "Font"),
    (r"ソフトウェア", "Software"),
    (r"エクリプス", "Eclipse"),
    (r"モジラ", "Mozilla"),
    (r"パブリック", "Public"),
    (r"一般公衆", "General Public"),
    (r"劣等", "Lesser"),
    (r"クリエイティブ\s*[・･]?\s*コモンズ", "Creative Commons"),
    (r"表示", "Attribution"),
    (r"非営利", "NonCommercial"),
    (r"改変禁止", "NoDerivatives"),
    (r"継承", "ShareAlike"),
    (r"日本", "Japan"),
    (r"国際", "International"),
    # a version's Japanese forms
    (r"バージョン\s*(?=\d)|第\s*(?=\d+(?:\.\d+)?\s*版)", "version "),
    (r"(?<=\d)\s*版", ""),
    (r"[・･]", " "),
]
_WORD = re.compile("|".join(f"(?P<w{i}>{pattern})" for i, (pattern, _) in enumerate(_WORDS)))
JA = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def english_reading(text: str) -> tuple[str, list[int]]:
    """The text with each Japanese license-name word in English, and for each of its characters
    the position in `text` it came from (a word's English letters from its first, the last
    letter from its last)."""
    out: list[str] = []
    origin: list[int] = []
    at = 0
    for m in _WORD.finditer(text):
        out.append(text[at:m.start()])
        origin.extend(range(at, m.start()))
        word = next(english for i, (_, english) in enumerate(_WORDS) if m.group(f"w{i}") is not None)
        # spaces around an English word keep it a word of its own ("MIT" + "License")
        word = f" {word} " if word.strip() else word
        out.append(word)
        # its letters come from the word's first character, its last letter (and the space after
        # it) from the word's last, so that a name ending in it ends where the Japanese word does
        last = len(word.rstrip()) - 1
        origin.extend(m.start() if i < last else max(m.start(), m.end() - 1) for i in range(len(word)))
        at = m.end()
    out.append(text[at:])
    origin.extend(range(at, len(text)))
    return "".join(out), origin
