"""Context words before a match raise its score (whole words; plural endings dropped, no lemmatizer)."""

from __future__ import annotations

import bisect
import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer


# A table's column separator or rule line: the context window stops there.
_TABLE_RULE = re.compile(r"\||[-=_+*~|]{2,}")


class PrecedingWordsEnhancer(ContextAwareEnhancer):
    """Raises a result's score when one of its recognizer's context words is among the
    `prefix` words before it (whole words, lower-cased; "lic" no longer matches "public").
    Same arithmetic as Presidio's LemmaContextAwareEnhancer, without its deep copy of the
    results and its linear token search per result."""

    # How far back the window may reach in tokens, words or not: a label far above its value is
    # no longer the value's label.
    MAX_REACH = 12

    def __init__(self, factor: float = 0.35, min_score: float = 0.4, prefix: int = 5):
        super().__init__(context_similarity_factor=factor, min_score_with_context_similarity=min_score,
                         context_prefix_count=prefix, context_suffix_count=0)
        self._words: dict[str, frozenset] = {}

    def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
        doc = getattr(nlp_artifacts, "tokens", None)
        if not raw_results or (doc is None and not context):
            return raw_results
        by_id = {r.id: r for r in recognizers}
        extra = {w.lower() for w in context or []}
        starts = None
        for result in raw_results:
            meta = result.recognition_metadata or {}
            recognizer = by_id.get(meta.get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY))
            if recognizer is None or not recognizer.context or result.score >= self.MAX_SCORE \
                    or meta.get(RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY):
                continue
            words = self._words.get(recognizer.id)
            if words is None:
                words = self._words[recognizer.id] = frozenset(w.lower() for w in recognizer.context)
            window = set(extra)
            if doc is not None:
                if starts is None:
                    starts = doc.to_array("IDX").tolist()
                    offsets = getattr(nlp_artifacts, "offsets", None)
                    if offsets is not None:
                        starts = [offsets[i] for i in starts]
                i = bisect.bisect_right(starts, result.start) - 1
                window.update(self._preceding_words(doc, i))
            if words & window:
                result.score = min(max(result.score + self.context_similarity_factor,
                                       self.min_score_with_context_similarity), self.MAX_SCORE)
        return raw_results

    def _preceding_words(self, doc, i: int) -> list[str]:
        """The `prefix` words before token `i`, lower-cased, each also without a plural or
        possessive ending. Words as Presidio counts them (its keywords): punctuation and stop words
        are not words, so a form's "Passport No.:" or "(as printed on the page)" does not push the
        label out of the window, and a stop word is never a context word ("us" before an order
        number). A line break counts as a word, so the window does not reach far up a page, and a
        table's rule ("-----", "|") ends it: a header row names columns, not the value. The ending
        is dropped because Presidio matches lemmas ("passports", "passport's")."""
        words: list[str] = []
        taken = 0
        for token in reversed(doc[max(0, i - self.MAX_REACH):max(i, 0)]):
            if taken == self.context_prefix_count:
                break
            if token.is_space:
                taken += "\n" in token.text
                continue
            if _TABLE_RULE.fullmatch(token.text):
                break
            if token.is_punct or token.is_stop:
                continue
            taken += 1
            word = token.lower_.strip(".:#")
            words.append(word)
            words.extend(word[:-len(ending)] for ending in ("'s", "es", "s")
                         if word.endswith(ending) and len(word) > len(ending) + 2)
        return words
