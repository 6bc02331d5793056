"""LOCATION: postal codes in address position (US ZIP after a state, Australian, UK, Canadian)."""

from __future__ import annotations

import regex as re

from curation.pii.recognizers.en.scored import CASE_SENSITIVE, ScoredRecognizer


class CurationPostalCodeRecognizer(ScoredRecognizer):
    """Postal codes in address position: US ZIP after a state code, UK and Canadian codes, and
    any country's code after its label (zip code 76400, postal code 1234 AB, CEP 76317-066)."""

    ENTITY = "LOCATION"
    NAME = "CurationPostalCodeRecognizer"
    REGEX = r"""
        (?<=,\ [A-Z]{2}\ )\d{5}(?:-\d{4})?\b                                 # , CA 94105
      | (?<=\b(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)\ )\d{4}\b                     # AU states
      | \b(?:[A-Z]{1,2}[0-9][A-Z0-9]?\ [0-9][A-Z]{2}|[A-Z][0-9][A-Z]\ ?[0-9][A-Z][0-9])\b  # UK, CA
      | (?<=\b(?i:zip(?:\ ?code)?|post(?:al)?\ ?code|PLZ|CEP|c[oó]digo\ postal|code\ postal)[\ :\#.]{1,3})
        (?:\d{4}\ ?[A-Z]{2}|\d{5}-\d{3}|\d{3,6}(?:-\d{3,4})?|[A-Z]{1,2}-\d{4,5})(?![\w-])   # zip code 76400
    """
    FLAGS = CASE_SENSITIVE | re.VERBOSE
    START = r"(?=[\dA-Z])"  # every alternative's code starts with a digit or a capital
    CONTEXT = ("zip", "postcode", "postal", "address")

    def score(self, value: str) -> float | None:
        return 0.6
