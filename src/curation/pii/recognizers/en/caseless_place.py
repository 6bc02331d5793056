"""LOCATION: places NER finds in a lower-cased copy of a text whose capitals say nothing."""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult
from spacy.tokens import Span

from curation.pii.pooling import MAX_CAPITALISED_SHARE, capitalised_share
from curation.pii.spans import clean_entity

# spaCy's labels for places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Words a line needs before its capitals say nothing: a title-case line of fewer is a name, an
# address or a form's label ("Harrowgate Limited", "268 Cashel Street"), where they say a lot.
MIN_WORDS = 6
_WORD = re.compile(r"[^\W\d_]+")
# Digits a line may hold (a year) and still read as a headline: a line with more is a form's or an
# address block's (amounts, codes, postal codes), whose capitals mark names and codes.
MAX_DIGITS = 4
_DIGIT = re.compile(r"\d")
# A headline or a shout is a line, not a page: a longer "line" (a file without line breaks) is left
# to the cased reading, so this second pass never hands spaCy more than its piece size allows
# (batching.DEFAULT_PIECE_CHARS; a million characters is spaCy's hard limit).
MAX_LINE_CHARS = 2_000


class CaselessPlaceRecognizer(EntityRecognizer):
    """Places in a text where most words begin with a capital (headlines, posters, shouting:
    pooling.capitalised_share above MAX_CAPITALISED_SHARE). There every word looks like a name to
    NER, which then misses the real ones ("ALL TIME LOW ARE COMING TO GLASGOW", "Five City Tour
    MONTCLAIR N.J."). The first model reads a lower-cased copy of such a text, where a place is
    known by its words rather than its capitals, and its places are kept. Its persons and
    organisations there are not: in lower case they are mostly guesses. Measured on WNUT-17's
    halves (1 / 2, 174 / 287 such posts): +56 / +62 gold characters for +60 / +45 others; persons
    and organisations would add +27 / +46 gold for +109 / +497 others.

    Needs the NLP artifacts (the engine's own models); without them (the residual re-scan) it
    finds nothing. Offsets are the text's: lower-casing keeps every character's place, and a text
    where it would not (a few letters such as "İ" lower to two) is left alone."""

    SCORE = 0.6  # below NER's 0.85: where the cased reading found a name too, its type wins

    def __init__(self, supported_language: str = "en"):
        super().__init__(supported_entities=["LOCATION"], supported_language=supported_language,
                         name="CaselessPlaceRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        engine = getattr(nlp_artifacts, "nlp_engine", None)
        if engine is None or "LOCATION" not in entities:
            return []
        lines = capitalised_lines(text)
        if not lines:
            return []
        out = []
        docs = engine.nlp[engine.language].pipe(text[start:end].lower() for start, end in lines)
        for (start, _), doc in zip(lines, docs, strict=True):
            for ent in doc.ents:
                if ent.label_ not in PLACE_LABELS:
                    continue
                place = clean_entity(Span(doc, ent.start, ent.end, label="LOCATION"), engine.allowed)
                if place is not None:
                    out.append(RecognizerResult("LOCATION", start + place.start_char, start + place.end_char,
                                                self.SCORE, recognition_metadata={
                                                    RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))
        return out


def capitalised_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines of `text` that read as a headline or a shout: at least MIN_WORDS
    words, most of them capitalised (pooling.capitalised_share above MAX_CAPITALISED_SHARE), at most
    MAX_LINE_CHARS long, and lower-casing them keeps every character's place."""
    out = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if len(line) <= MAX_LINE_CHARS and len(_WORD.findall(line)) >= MIN_WORDS \
                and len(_DIGIT.findall(line)) <= MAX_DIGITS and capitalised_share(line) > MAX_CAPITALISED_SHARE \
                and len(line.lower()) == len(line):
            out.append((start, end))
        start = end + 1
    return out
