"""LOCATION: the place after a birthplace label (Place of birth: Tacloban City, born in Tacoma, Geburtsort: Linz)."""

from __future__ import annotations

import regex as re

from curation.pii.recognizers.en.date_of_birth import MONTH_WORDS
from curation.pii.recognizers.en.scored import CASE_SENSITIVE, ScoredRecognizer

# The label, in English and the languages of date_of_birth's labels; "born in" only before a
# capitalised word ("born in 1980" is a year, caught by nothing here).
_LABEL = (r"(?i:place[ \t]of[ \t]birth|birth[ \t]?place|city[ \t]of[ \t]birth|country[ \t]of[ \t]birth|geburtsort"
          r"|lieu[ \t]de[ \t]naissance|lugar[ \t]de[ \t]nacimiento|luogo[ \t]di[ \t]nascita|local[ \t]de[ \t]nascimento"
          r"|geboorteplaats|födelseort)[ \t]{0,3}(?:\([^)\n]{0,20}\))?[ \t]{0,3}[:\-–]?[ \t]{0,8}"
          r"|\b(?i:born|nat[oa]|n[ée]e?)[ \t]+(?:in|at|a|à)[ \t]+")
_UP = r"[A-ZÀ-ÖØ-ÞĀ-Ž]"
_PLACE = rf"{_UP}[\w'’.-]*(?:[ \t](?:{_UP}[\w'’.-]*|de|del|do|da|am|an|sur|upon))*?"
# The place ends its part: a comma, a parenthesis, the end of the line or of the sentence, or a
# date or word that follows a birthplace ("born in Graz on", "nato a Treviso il").
_WEEKDAYS = frozenset(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
_PLACE_END = r"(?=[ \t]*(?:[,;()\n]|$|\.(?:\s|$)|[ \t](?i:on|in|il|le|el|am|op|and|to|as|who|where|but)\b))"


class BirthplaceRecognizer(ScoredRecognizer):
    """The town, and the region or country after a comma, that a birthplace label names. NER
    reads most of them; a foreign town in a form ("Geburtsort: Linz") it often does not."""

    ENTITY = "LOCATION"
    NAME = "BirthplaceRecognizer"
    REGEX = rf"(?<={_LABEL})(?P<p>{_PLACE}){_PLACE_END}(?:,[ \t]?(?P<p>{_PLACE}){_PLACE_END})?"
    FLAGS = CASE_SENSITIVE

    def pieces(self, match, start: int, end: int) -> list[tuple[int, int]]:
        return match.spans("p")

    def score(self, value: str) -> float | None:
        # "born in March, 1980" or "born on a Friday": the label's words before a date, not a place.
        first = value.split(maxsplit=1)[0].rstrip(".,").lower() if value.strip() else ""
        if first in MONTH_WORDS or first in _WEEKDAYS:
            return None
        return 0.6
