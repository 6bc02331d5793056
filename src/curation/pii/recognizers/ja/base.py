"""Bases of the Japanese recognizers: patterns as class data, digit counts, names that lose an honorific."""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern, PatternRecognizer

from curation.pii.honorifics import name_end
from curation.pii.recognizers.ja.shapes import digits


class JaPatternRecognizer(PatternRecognizer):
    """A Presidio pattern recognizer for Japanese text declared by its class attributes: ENTITY,
    PATTERNS and CONTEXT (as Presidio's predefined recognizers are); its name is the class name."""

    ENTITY: ClassVar[str] = ""
    PATTERNS: ClassVar[tuple[Pattern, ...]] = ()
    CONTEXT: ClassVar[tuple[str, ...]] = ()

    def __init__(self, patterns: list[Pattern] | None = None, context: list[str] | None = None,
                 supported_language: str = "ja"):
        super().__init__(supported_entity=self.ENTITY, supported_language=supported_language,
                         patterns=list(patterns or self.PATTERNS),
                         context=list(self.CONTEXT) if context is None else context)


class DigitCountRecognizer(JaPatternRecognizer):
    """Drops matches whose digit count is not one of COUNTS."""

    COUNTS: ClassVar[tuple[int, ...]] = ()

    def invalidate_result(self, pattern_text: str) -> bool:
        n = digits(pattern_text)
        if pattern_text[:1] in "+＋" and n.startswith("81"):  # +81-3-...: the trunk 0 dropped
            n = "0" + n[2:]
        return len(n) not in self.COUNTS


class NameRecognizer(JaPatternRecognizer):
    """A pattern recognizer for names whose matches lose a trailing honorific or title (村上課長 → 村上)."""

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        out = []
        for r in super().analyze(text, entities, nlp_artifacts, regex_flags):
            span = text[r.start:r.end]
            end = name_end(span)
            if end < len(span):
                r.end = r.start + len(span[:end].rstrip())
            out.append(r)
        return out
