"""Per-document language routing between the analyzers this pipeline has (en, ja).

Chosen on measured accuracy (bench/language_detect.py, figures in bench/README.md "Language
detection"): on short business texts the statistical detectors (langdetect, lingua) were worse than
reading the writing system and the sentence frame, above all on mixed texts: a Japanese sentence
holding an English name or e-mail address, an English one holding a Japanese company name.
The frame decides: English function words against Japanese particles and punctuation that follow a
content word directly (Japanese writes no spaces, so "田中 はるか" in an English sentence is a name,
"田中は" a topic). URLs and e-mail addresses are ignored: they say nothing about the language.
"""

from __future__ import annotations

import re

_JA = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
_LATIN = re.compile(r"[A-Za-z]")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_NOISE = re.compile(r"https?://[!-~]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|www\.[!-~]+")
_EN_FRAME = frozenset({
    "the", "a", "an", "to", "at", "for", "with", "on", "in", "of", "and", "or", "is", "are", "was",
    "were", "be", "will", "would", "can", "could", "please", "we", "you", "i", "our", "your", "my",
    "this", "that", "these", "those", "by", "from", "as", "it", "thanks", "thank", "attached",
    "have", "has", "hi", "dear", "regards", "let", "us", "me", "if", "not", "do", "does",
})
# Particles, copulas and polite endings directly after a content word (kanji, katakana, ASCII,
# digit, closing bracket), and Japanese punctuation.
_JA_FRAME = re.compile(r"(?<=[\u3400-\u4dbf\u4e00-\u9fff\u30a0-\u30ffA-Za-z0-9）」』)])"
                       r"(?:です|ます|でした|ました|ください|いたします|します|について|から|まで|より|の|は|を|が|に|で|へ|と|も|や)"
                       r"|[。、「」]")


def _script_language(text: str) -> tuple[str, float]:
    """The writing system's verdict: (language, share of the weighted letters in it)."""
    ja = len(_JA.findall(text))
    latin = len(_LATIN.findall(text))
    # One Japanese character carries about as much as a short English word: weigh it 3×.
    lang = "ja" if ja * 3 >= latin and ja > 0 else "en"
    total = ja * 3 + latin
    return lang, ((ja * 3 if lang == "ja" else latin) / total if total else 0.0)


def detect_language_with_confidence(text: str) -> tuple[str, float]:
    """("en" | "ja", confidence in [0, 1]). Text with no Japanese characters is English with the
    share of Latin letters as confidence (0.0 for text with no letters at all); text with no
    Latin words is Japanese; otherwise the sentence frame decides and the confidence is the
    winning frame's share of frame words (the script rule breaks ties)."""
    clean = _NOISE.sub(" ", text)
    ja_chars = len(_JA.findall(clean))
    words = _LATIN_WORD.findall(clean)
    if ja_chars == 0:
        letters = sum(len(w) for w in words)
        visible = len(re.sub(r"\s", "", clean))
        return "en", (letters / visible if visible else 0.0)
    if not words:
        return "ja", 1.0
    en = sum(w.lower() in _EN_FRAME for w in words)
    ja = len(_JA_FRAME.findall(clean))
    if en == ja:
        lang, share = _script_language(clean)
        return lang, min(share, 0.5)
    lang = "ja" if ja > en else "en"
    return lang, max(ja, en) / (ja + en)


def detect_language(text: str) -> str:
    """"en" or "ja": which analyzer a document goes to (detect_language_with_confidence's language)."""
    return detect_language_with_confidence(text)[0]
