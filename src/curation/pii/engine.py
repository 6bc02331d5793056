"""One language's analysis under a policy: NER and every chosen recognizer over a batch of texts."""

from __future__ import annotations

from dataclasses import dataclass, field

from presidio_analyzer import EntityRecognizer

from curation.pii.memory_zones import ZONES
from curation.pii.pattern_runner import runner_for
from curation.pii.text_view import OffsetMap, for_ner, normalized_view, unicode_view, with_ocr_digits


@dataclass
class PiiEngine:
    """Presidio's recognizers and NLP engine for one language, and what the policy asks of them.

    `analyze` runs the same steps as `AnalyzerEngine.analyze` (every recognizer, context
    enhancement, threshold, contained-duplicate removal, exact allow list) over the recognizer
    list chosen once, instead of re-selecting recognizers and asking each of them for its own
    context step on every document; tests/test_pii_engine.py checks the results are identical.
    """

    language: str
    analyzer: object  # the AnalyzerEngine the recognizers are registered in
    nlp_engine: object
    entities: list[str]  # types analyzed
    recognizers: list  # those serving `entities`
    pattern_entities: list[str]  # types some non-NER recognizer finds: the residual re-scan's
    pattern_recognizers: list
    threshold: float
    allow_list: list[str]
    _allowed: frozenset = field(init=False, repr=False)
    _runners: dict = field(init=False, repr=False)
    _by_threshold: dict = field(init=False, repr=False)

    def __post_init__(self):
        self._allowed = frozenset(self.allow_list)
        self._runners = {r.id: runner_for(r) for r in self.recognizers}
        self._by_threshold = {}

    def _run(self, text: str, recognizers: list, entities: list[str], artifacts, threshold: float,
             runners: dict | None = None) -> list:
        results: list = []
        runners = self._runners if runners is None else runners
        for recognizer in recognizers:
            found = runners[recognizer.id](text=text, entities=entities, nlp_artifacts=artifacts)
            if found:
                results.extend(found)
        if artifacts is not None and artifacts.tokens is not None:
            results = self.analyzer.context_aware_enhancer.enhance_using_context(
                text, results, artifacts, recognizers)
        results = EntityRecognizer.remove_duplicates([r for r in results if r.score >= threshold])
        if self._allowed:
            results = [r for r in results if text[r.start:r.end] not in self._allowed]
        return results

    def analyze(self, texts: list[str], batch_size: int) -> list[list]:
        """Presidio results per text (NER + every recognizer), at the policy's threshold, with
        offsets into the texts as given; spaCy sees the texts in batches of `batch_size`
        (nlp.pipe). Everything reads the normalized view of each text (text_view.normalized_view):
        an identifier written with full-width digits, zero-width characters or look-alike letters
        is found, and its span covers the original characters, the hidden ones included. NER reads
        it without the OCR digit fold (text_view.for_ner): names beside a damaged number keep
        their letters; both are one character for one, so they share offsets."""
        views = [unicode_view(t) for t in texts]
        out = []
        pipelines = [self.nlp_engine.nlp[self.language], *self.nlp_engine.extra]
        # The strings and lexemes spaCy creates for these texts are freed by a memory zone: after
        # this batch, or in a worker process after a budget of characters (memory_zones.py).
        # (GiNZA's peak memory is bounded by BATCH_CHARS, not by the zone.)
        with ZONES.around(pipelines, sum(len(v) for v, _ in views)):
            batch = self.nlp_engine.process_batch([for_ner(v) for v, _ in views], self.language, batch_size)
            for (view, offsets), (_, artifacts) in zip(views, batch, strict=True):
                results = self._run(with_ocr_digits(view), self.recognizers, self.entities, artifacts, self.threshold)
                out.append(_to_original(results, offsets))
        return out

    def analyze_patterns(self, texts: list[str], threshold: float) -> list[list]:
        """Results of the pattern recognizers only, at their base scores: no NER, no tokenizer, so
        no context-word boost (a re-scan looks for what is unmistakable on its own). Patterns
        that score below `threshold` are not tried (pattern_runner.runner_for)."""
        recognizers, runners = self._threshold_runners(threshold)
        out = []
        for view, offsets in map(normalized_view, texts):
            out.append(_to_original(self._run(view, recognizers, self.pattern_entities, None, threshold, runners),
                                    offsets))
        return out

    def _threshold_runners(self, threshold: float) -> tuple[list, dict]:
        """The pattern recognizers that can report a result at `threshold` without context, and
        their runners (built once per threshold)."""
        if threshold not in self._by_threshold:
            runners = {r.id: runner_for(r, threshold) for r in self.pattern_recognizers}
            self._by_threshold[threshold] = ([r for r in self.pattern_recognizers if runners[r.id] is not None],
                                             {i: run for i, run in runners.items() if run is not None})
        return self._by_threshold[threshold]


def _to_original(results: list, offsets: OffsetMap | None) -> list:
    """`results` found in a view, moved to the characters of the original text behind them."""
    if offsets is not None:
        for r in results:
            r.start, r.end = offsets.span(r.start, r.end)
    return results
