"""ORGANIZATION: names ending in a legal form, partnership names."""

from __future__ import annotations

import regex as re

from curation.pii.recognizers.en.scored import CASE_SENSITIVE, ScoredRecognizer
from curation.pii.recognizers.en.shapes import HYPHEN_WORDS, NOT_NAMES
from curation.pii.recognizers.en.shapes import WORD as _WORD
from curation.pii.role_shapes import names_role_before_company
from curation.pii.spans import DATE_WORD
from curation.pii.truecase import common_words

LEGAL_FORMS = (r"Inc|Incorporated|LLC|L\.L\.C\.|Ltd|Limited|PLC|plc|LLP|LP|Corp|Corporation|Co|Company|GmbH|AG|"
               r"S\.A\.|SA|SAS|BV|B\.V\.|NV|Pty|Group|Holdings|Partners|and\ Sons|&\ Sons|Associates|Trust|"
               r"Foundation|Bank|Capital|Ventures|Industries|Solutions|Systems|Technologies|Consulting|Logistics")
_LEGAL_FORM_END = re.compile(rf"(?:{LEGAL_FORMS})\.?$")


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

    def span(self, match) -> tuple[int, int]:
        """The match without the role or unit written before a comma in front of the company
        ("Senior Associate, Kilele Audit Partners", "Procurement, Alpenfoods GmbH"), and what comes
        before the role: the signer's, not the company's name."""
        start, end = match.span()
        parts = match.group().split(", ")
        roles = [i for i, part in enumerate(parts[:-1]) if names_role_before_company(part.split())]
        if roles:  # a person's surname may come first: "Carvalho, Partner, Tavora Legal LLP"
            start += sum(len(part) + 2 for part in parts[:roles[-1] + 1])
        return start, end

    def score(self, value: str) -> float | None:
        first = value.split()[0].strip(",")
        if first in NOT_NAMES or value.split("-")[0] in HYPHEN_WORDS:
            return None
        if _common_words_listed(value):
            return None
        return 0.6 if " " in value else 0.45


# Words of a schedule's or a headline's list beside the weekdays and months of DATE_WORD.
_DAY_WORDS = frozenset("yesterday today tonight tomorrow morning afternoon evening night weekend week".split())


def _common_words_listed(value: str) -> bool:
    """Whether a partnership-shaped match (no legal form at its end) is a list of days: common
    words or days only, one of them a day ("Yesterday, Today and Tomorrow", "Monday, Tuesday and
    More"), a headline's or a schedule's list. Surnames are often common words ("Brown, Green and
    Black", "Price, Hunter and Ward"), so a list of common words without a day stays a partnership
    (found by review: dropping every common-word list lost those). WNUT-17 half 1: 55 over-masked
    characters, none of a name, were such lists (over-masked 0.0420 -> 0.0416; before the day rule)."""
    if _LEGAL_FORM_END.search(value):
        return False
    words = [w for w in re.findall(r"[A-Za-z'’-]+", value) if w != "and"]
    days = [w for w in words if DATE_WORD.fullmatch(w) or w.lower() in _DAY_WORDS]
    return bool(days) and all(w.lower() in common_words() or w in days for w in words)
