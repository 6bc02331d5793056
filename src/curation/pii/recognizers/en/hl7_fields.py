"""PERSON, DATE_OF_BIRTH and LOCATION: the patient's and next of kin's fields of an HL7 v2 message.

An HL7 v2 message (a hospital's ADT, order or referral feed) writes one segment a line, its fields
between bars and a field's components between carets: "PID|1||MRN^^^H||Family^Given||19760914|F|||
Street^^Town^State^Zip^Country". The standard fixes what each field holds, so its place is its
label: nothing around the values says more, and NER reads "HALVORSEN^KRISTA" as one odd token.
"""

from __future__ import annotations

from datetime import date

import regex as re
from presidio_analyzer import EntityRecognizer, RecognizerResult

_SCORE = 0.85
# A message starts with its header segment, whose encoding characters are nearly always these.
_MESSAGE = re.compile(r"(?m)^MSH\|\^~\\&\|")
_SEGMENT = re.compile(r"(?m)^(PID|NK1)\|([^\n\r]*)")
# Per segment, the 1-based field number of a person's name (XPN: family^given^middle), a birth
# date (TS: YYYYMMDD, a time may follow) and an address (XAD: street^other^city^state^zip^country).
_FIELDS = {"PID": {5: "name", 7: "birth", 11: "address"}, "NK1": {2: "name", 4: "address"}}
# The components that are personal: a name's family, given and middle names; an address's street,
# other designation, city, state and postcode (the country code is no more than a country).
_NAME = re.compile(r"[^\W\d_]{2,}(?:[ '\-][^\W\d_]+)*")
_PLACE = re.compile(r"(?=.*[^\W\d_])[\w .,'/#\-]{2,80}")
_POSTCODE = re.compile(r"(?=.*\d)[A-Z0-9](?:[A-Z0-9]|[ \-](?=[A-Z0-9])){2,9}")
_COMPONENTS = {"name": ((0, _NAME), (1, _NAME), (2, _NAME)),
               "address": ((0, _PLACE), (1, _PLACE), (2, _PLACE), (3, _PLACE), (4, _POSTCODE))}
_BIRTH = re.compile(r"(\d{4})(\d{2})(\d{2})(?:\d{2,6}(?:\.\d{1,4})?)?(?:[+\-]\d{4})?")


def _parts(text: str, start: int, end: int, separator: str) -> list[tuple[int, int]]:
    """(start, end) of each part of text[start:end] between `separator`s."""
    spans, at = [], start
    while True:
        cut = text.find(separator, at, end)
        if cut == -1:
            return [*spans, (at, end)]
        spans.append((at, cut))
        at = cut + 1


def _born(value: str) -> bool:
    birth = _BIRTH.fullmatch(value)
    if birth is None:
        return False
    try:
        return 1880 <= date(*map(int, birth.groups())).year <= date.today().year
    except ValueError:
        return False


class Hl7FieldRecognizer(EntityRecognizer):
    """The name, birth date and address fields of the PID and NK1 segments of an HL7 v2 message."""

    def __init__(self, supported_language: str = "en"):
        super().__init__(supported_entities=["PERSON", "DATE_OF_BIRTH", "LOCATION"], name="Hl7FieldRecognizer",
                         supported_language=supported_language)

    def load(self) -> None:
        """Nothing to load."""

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        if "MSH|" not in text or not _MESSAGE.search(text):
            return []
        meta = {RecognizerResult.RECOGNIZER_NAME_KEY: self.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}
        out = []
        for segment in _SEGMENT.finditer(text):
            fields = _parts(text, segment.start(2), segment.end(2), "|")
            for number, kind in _FIELDS[segment.group(1)].items():
                if number <= len(fields):
                    out += [RecognizerResult(entity, start, end, _SCORE, dict(meta))
                            for entity, start, end in self._values(text, *fields[number - 1], kind)
                            if entity in entities]
        return out

    @staticmethod
    def _values(text: str, start: int, end: int, kind: str) -> list[tuple[str, int, int]]:
        """(entity, start, end) of the personal values of one field, each repetition ("~") read."""
        out = []
        for rep_start, rep_end in _parts(text, start, end, "~"):
            if kind == "birth":
                if _born(text[rep_start:rep_end]):
                    out.append(("DATE_OF_BIRTH", rep_start, rep_end))
                continue
            components = _parts(text, rep_start, rep_end, "^")
            entity = "PERSON" if kind == "name" else "LOCATION"
            out += [(entity, *components[i]) for i, shape in _COMPONENTS[kind]
                    if i < len(components) and shape.fullmatch(text, *components[i])]
        return out
