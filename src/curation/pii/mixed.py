"""Mixed-script documents: the other language's analyzer over the runs written in its script.

A Japanese e-mail names "John Smith" and "Acme Corp."; an English ticket names 田中太郎 and
東京都港区. Each document goes to the analyzer of its detected language (language.py), which
reads the other script poorly: GiNZA tags few Latin names, spaCy's English NER none in kanji. So
the runs of the other script (a Latin run with a capitalised word in Japanese text; a run of kana
or kanji in English text) also go, alone and in batches, through the other language's engine,
and the two result lists are merged into spans that do not overlap (see `merge`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from presidio_analyzer import RecognizerResult

# A Latin run within one line with a capitalised word ("John", "McKay"; not "URL", "PDF": all-caps
# abbreviations are common in Japanese business text); codes, e-mail addresses and URLs alone are
# left to the language-neutral recognizers the Japanese engine already runs.
_LATIN_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 .,&'’@:/_+()#-]*[A-Za-z0-9.)]|[A-Za-z]")
_NAME_WORD = re.compile(r"(?<![A-Za-z0-9@./_-])[A-Z][A-Za-z'’-]*[a-z][A-Za-z'’-]*(?![A-Za-z0-9]*[@/])")
# A run holding kana or kanji, with the digits, hyphens and full-width forms addresses use, and
# single spaces inside it.
_JA = r"[\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff10-\uff5a〒\-‐－−ー・0-9]+"
_JA_RUN = re.compile(rf"{_JA}(?:[ \u3000]{_JA})*")  # "田中 太郎": one run, one name
_JA_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
OTHER = {"ja": "en", "en": "ja"}


def foreign_runs(text: str, language: str) -> list[tuple[int, int]]:
    """(start, end) of the runs of `text` written in the other language's script worth analyzing."""
    if language == "ja":
        return [m.span() for m in _LATIN_RUN.finditer(text) if _NAME_WORD.search(m.group())]
    return [m.span() for m in _JA_RUN.finditer(text) if _JA_CHAR.search(m.group())]


def _overlap(a: RecognizerResult, b: RecognizerResult) -> bool:
    return a.start < b.end and b.start < a.end


def merge(primary: list[RecognizerResult], secondary: list[RecognizerResult], text: str) -> list[RecognizerResult]:
    """Both analyzers' results as spans that do not overlap and cover every character either found.

    Higher score first (then longer, then the document language's analyzer); a span inside a kept
    one is dropped; a span that only partly overlaps kept ones is cut to its parts outside them
    (parts without a letter or digit are dropped), so that no character found by either analyzer
    is left unmasked and no two operators rewrite the same characters."""
    ranked = sorted([(r, 0) for r in primary] + [(r, 1) for r in secondary],
                    key=lambda item: (-item[0].score, -(item[0].end - item[0].start), item[1], item[0].start))
    kept: list[RecognizerResult] = []
    for result, _ in ranked:
        pieces = [(result.start, result.end)]
        for other in kept:
            if not _overlap(result, other):
                continue
            pieces = [p for s, e in pieces for p in ((s, min(e, other.start)), (max(s, other.end), e)) if p[0] < p[1]]
        for s, e in pieces:
            if any(c.isalnum() for c in text[s:e]):
                kept.append(RecognizerResult(result.entity_type, s, e, result.score, result.analysis_explanation,
                                             result.recognition_metadata))
    return sorted(kept, key=lambda r: (r.start, r.end))


def analyze_foreign_runs(texts: list[str], language: str, results: list[list[RecognizerResult]],
                         other_engine: Callable[[], object], batch_size: int) -> list[list[RecognizerResult]]:
    """`results` (the document language's, per text) merged with the other engine's findings in each
    text's foreign runs. The other engine is built only if some text has such a run."""
    runs = [foreign_runs(t, language) for t in texts]
    pieces = [(i, s, t[s:e]) for i, (t, spans) in enumerate(zip(texts, runs, strict=True)) for s, e in spans]
    if not pieces:
        return results
    engine = other_engine()
    found: list[list[RecognizerResult]] = [[] for _ in texts]
    for (i, start, _), piece_results in zip(pieces, engine.analyze([p for *_, p in pieces], batch_size), strict=True):
        for r in piece_results:
            found[i].append(RecognizerResult(r.entity_type, r.start + start, r.end + start, r.score,
                                             r.analysis_explanation, r.recognition_metadata))
    return [merge(own, extra, text) if extra else own
            for own, extra, text in zip(results, found, texts, strict=True)]
