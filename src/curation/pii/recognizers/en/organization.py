"""ORGANIZATION: names ending in a legal form, partnership names."""

from __future__ import annotations

import regex as re

from curation.pii.recognizers.en.scored import CASE_SENSITIVE, ScoredRecognizer
from curation.pii.recognizers.en.shapes import HYPHEN_WORDS, NOT_NAMES
from curation.pii.recognizers.en.shapes import WORD as _WORD

LEGAL_FORMS = (r"Inc|Incorporated|LLC|L\.L\.C\.|Ltd|Limited|PLC|plc|LLP|LP|Corp|Corporation|Co|Company|GmbH|AG|"
               r"S\.A\.|SA|SAS|BV|B\.V\.|NV|Pty|Group|Holdings|Partners|and\ Sons|&\ Sons|Associates|Trust|"
               r"Foundation|Bank|Capital|Ventures|Industries|Solutions|Systems|Technologies|Consulting|Logistics")


class CurationOrganizationRecognizer(ScoredRecognizer):
    """Names ending in a legal form ("Garcia LLC", "Avery, Stephens and Wallace", "Smith & Sons")."""

    ENTITY = "ORGANIZATION"
    NAME = "CurationOrganizationRecognizer"
    REGEX = rf"""
        \b(?:{_WORD}(?:,\ |\ |\ &\ |\ and\ )){{0,3}}{_WORD},?\ (?:{LEGAL_FORMS})\b\.?
      | \b{_WORD},\ {_WORD},?\ (?:and|&)\ {_WORD}\b                           # partnership names
      | (?<=\b(?:of|at|from|with|for)\ )[A-Z][a-z]{{2,}}-[A-Z][a-z]{{2,}}\b    # Smith-Jones after "at"
    """
    FLAGS = CASE_SENSITIVE | re.VERBOSE
    START = "(?=[A-Z])"  # every alternative starts with a capitalised word
    CONTEXT = ("company", "supplier", "vendor", "customer", "client", "firm", "contract", "from", "at")

    def score(self, value: str) -> float | None:
        first = value.split()[0].strip(",")
        if first in NOT_NAMES or value.split("-")[0] in HYPHEN_WORDS:
            return None
        return 0.6 if " " in value else 0.45
