"""Context words before a match raise its score (whole, lower-cased words; no lemmatizer)."""

from __future__ import annotations

import bisect

from presidio_analyzer import RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer


class PrecedingWordsEnhancer(ContextAwareEnhancer):
    """Raises a result's score when one of its recognizer's context words is among the
    `prefix` words before it (whole words, lower-cased; "lic" no longer matches "public").
    Same arithmetic as Presidio's LemmaContextAwareEnhancer, without its deep copy of the
    results and its linear token search per result."""

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
                window.update(t.lower_.strip(".:#") for t in doc[max(0, i - self.context_prefix_count):max(i, 0)])
            if words & window:
                result.score = min(max(result.score + self.context_similarity_factor,
                                       self.min_score_with_context_similarity), self.MAX_SCORE)
        return raw_results
