"""The base of the English pattern recognizers whose score comes from a function of the match."""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult

CASE_SENSITIVE = re.DOTALL | re.MULTILINE


class ScoredRecognizer(PatternRecognizer):
    """A pattern recognizer whose score comes from `score(match_text)` (None refuses the match).

    Subclasses set ENTITY, NAME, REGEX (and FLAGS) and CONTEXT. One regex pass per text and no
    per-match explanation objects: this runs on every document.
    """

    ENTITY = ""
    NAME = ""
    REGEX = ""
    FLAGS = CASE_SENSITIVE
    CONTEXT: tuple[str, ...] = ()
    # Zero-width, true wherever a match can start (a lookahead on its first character): tried
    # first at each position, it spares the engine every alternative of REGEX (and their
    # lookbehinds) at the positions where none can start, most positions of a text. Empty: none.
    START = ""

    def __init__(self, supported_language: str = "en"):
        super().__init__(supported_entity=self.ENTITY, name=self.NAME, supported_language=supported_language,
                         patterns=[Pattern(self.NAME, ("(?x)" if self.FLAGS & re.VERBOSE else "") + self.REGEX, 0.5)],
                         context=list(self.CONTEXT),
                         global_regex_flags=self.FLAGS)
        self._regex = re.compile(f"{self.START}(?:{self.REGEX})" if self.START else self.REGEX, self.FLAGS)

    def score(self, value: str) -> float | None:  # pragma: no cover - abstract
        raise NotImplementedError

    def span(self, match) -> tuple[int, int]:
        return match.span()

    def pieces(self, match, start: int, end: int) -> list[tuple[int, int]]:
        """The spans one match (taken as start:end, see `span`) is reported as (one by default;
        address lines and parts one each)."""
        return [(start, end)]

    def regex_for(self, text: str):
        """The compiled regex run over `text`: REGEX, or a subclass's cheaper one with the same
        matches where the alternatives it leaves out cannot match in `text`."""
        return self._regex

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None, regex_flags=None) -> list[RecognizerResult]:
        return self.results_of(text, self.regex_for(text).finditer(text))

    def results_of(self, text: str, matches) -> list[RecognizerResult]:
        """The results of `matches` (this recognizer's regex over `text`, in order): a subclass
        that reads the matches again after scoring keeps them and runs the regex once."""
        results = []
        meta = {RecognizerResult.RECOGNIZER_NAME_KEY: self.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}
        for m in matches:
            start, end = self.span(m)
            value = text[start:end]
            score = self.score(value)
            if score:
                results.extend(RecognizerResult(self.supported_entities[0], s, e, score, recognition_metadata=dict(meta))
                               for s, e in self.pieces(m, start, end))
        return results
