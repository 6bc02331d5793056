"""US_PASSPORT: a passport number right after its label (Passport no. 548210937, PP C03918846)."""

from __future__ import annotations

import regex as re
from presidio_analyzer import EntityRecognizer, RecognizerResult

from curation.pii.recognizers.en.scored import ScoredRecognizer
from curation.pii.recognizers.en.table_columns import columns_of

# A US passport book number is nine digits, a card or a next-generation book a letter and eight
# digits. Presidio's recognizer takes any nine digits with a context word some words before; a
# roster or a form writes the label right before the number ("Passport 548210937", "PP 567203418",
# "U.S. passport number: C03918846"), which says more than a context word anywhere near.
_LABEL = (r"(?:\b(?i:(?:u\.?s\.?\ )?passport(?:\ (?:no\.?|number|nr\.?|\#))?)|\bPP(?:\ No\.?)?)"
          r"[ \t]{0,3}[:#]?[ \t]{0,3}")


class UsPassportLabelRecognizer(ScoredRecognizer):
    """A nine-digit or letter-and-eight-digit number right after a passport label. A passport of
    another country of that shape is masked too: it is a passport number all the same."""

    ENTITY = "US_PASSPORT"
    NAME = "UsPassportLabelRecognizer"
    # After the label, other countries' book shapes too: one or two letters and six to eight digits
    # ("AB1234567"), or eight digits ("12345678"). They are passport numbers all the same.
    REGEX = rf"(?<={_LABEL})(?:[A-Z]\d{{8}}|\d{{9}}|[A-Z]{{1,2}}\d{{6,8}}|\d{{8}})(?![\w-])"
    FLAGS = re.MULTILINE
    START = r"(?=[A-Z\d])"

    def score(self, value: str) -> float | None:
        return 0.85


_NUMBER = re.compile(r"[A-Z]\d{8}|\d{9}")
_HEADER = re.compile(r"(?i:passport)")


class UsPassportColumnRecognizer(EntityRecognizer):
    """The cells of a table column headed as passports ("Passport No.", "passport_number") that have
    a US passport's shape: a roster or a manifest writes the label once, above the numbers."""

    ENTITY = "US_PASSPORT"

    def __init__(self, supported_language: str = "en"):
        super().__init__(supported_entities=[self.ENTITY], name="UsPassportColumnRecognizer",
                         supported_language=supported_language)

    def load(self) -> None:
        """Nothing to load."""

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        if not _HEADER.search(text):
            return []
        meta = {RecognizerResult.RECOGNIZER_NAME_KEY: self.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}
        return [RecognizerResult(self.ENTITY, start, end, 0.85, dict(meta))
                for start, end, header in columns_of(text).cells()
                if _HEADER.search(header) and _NUMBER.fullmatch(text, start, end)]
