"""LOCATION: the value of a form's place field on its line (City: Pune, State: Maharashtra, Country: Belgium)."""

from __future__ import annotations

import regex as re

from curation.pii.recognizers.en.address_parts import TOWN
from curation.pii.recognizers.en.scored import CASE_SENSITIVE, ScoredRecognizer
from curation.pii.truecase import common_words

# A form or a record names each part of an address on a line of its own: the label, a colon, the
# value. The value is the whole rest of the line, in capitalised words (a town, a state, a country).
_FIELD = (r"(?i:city|town|city/town|town/city|state|province|region|county|country|district|suburb|locality"
          r"|prefecture|municipality|state/province|ville|stadt|ciudad|provincia|estado|land|pays|país)")
_TOWN_FIELD = re.compile(r"(?i:city|town|ville|stadt|ciudad|suburb|municipality|locality)")
# A ticket's or a workflow's state is no place: "State: Open", "Status: Closed".
_NOT_PLACES = frozenset("open closed active inactive pending resolved new done draft approved rejected "
                        "cancelled canceled complete completed running failed unknown none n/a".split())


class AddressFieldRecognizer(ScoredRecognizer):
    """The town, region or country after a place field's label, alone on its line."""

    ENTITY = "LOCATION"
    NAME = "AddressFieldRecognizer"
    # The label before a colon, or in square brackets as a printed form or a registry's record
    # writes it, its values aligned in a column ("c. [City]        Bremen").
    REGEX = (rf"(?<=^[ \t]*(?:{_FIELD}[ \t]{{0,3}}:[ \t]{{0,8}}|(?:[a-z0-9]{{1,2}}\.[ \t]{{1,3}})?\[{_FIELD}\][ \t]{{1,40}}))"
             rf"(?P<p>{TOWN})(?=[ \t]*$)")
    FLAGS = CASE_SENSITIVE
    START = r"(?=[A-ZÀ-ÖØ-ÞĀ-Ž])"

    def score(self, value: str) -> float | None:
        return None if value.lower() in _NOT_PLACES else 0.6

    def pieces(self, match, start: int, end: int) -> list[tuple[int, int]]:
        # A state, region or country field also labels a setting ("State: Blocked", "Region:
        # Staging", "Country: Multiple"): there a single word that English writes in lower case is
        # a value, not a place. A town's field keeps it ("City: Reading").
        value = match.string[start:end]
        line_start = match.string.rfind("\n", 0, start) + 1
        if (" " not in value and value.lower() in common_words()
                and not _TOWN_FIELD.search(match.string, line_start, start)):
            return []
        return [(start, end)]
