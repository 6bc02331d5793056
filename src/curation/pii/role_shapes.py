"""Organisation or place spans that name no one: company roles, units, identifier issuers.

What NER takes for an organisation or a place but is a role or a unit of a company ("Finance
Director", "The Sales Department", "Head of Procurement") or the issuer in the name of an identifier
("Social Security number")."""

from __future__ import annotations

import re
from functools import lru_cache

# The functions every company has, and the words job titles are built from: a phrase of nothing
# else names a department or a role of any company ("Customer Success Lead", "HR Business
# Partner"), not one that identifies anyone. A unit named after something else keeps its name
# ("Commerce Department", "Oh Canada Team", "Gabriel Resources").
FUNCTION_WORDS = frozenset("""sales marketing finance financial accounting accounts payable receivable payroll billing
collections credit treasury tax audit risk compliance legal procurement purchasing sourcing supply chain logistics
shipping warehouse operations facilities administration admin office business corporate strategy development
research engineering product products quality assurance technology information it hr human resources people talent
recruitment recruiting training learning customer customers client clients service services support success care
communications public relations investor media design data analytics security safety health regional general
executive management senior junior chief deputy assistant associate principal vice global group""".split())  # noqa: SIM905
# Job titles' head nouns beyond shapes.ORG_UNIT_HEAD's ("Operations Analyst", "Account Executive").
ROLE_HEADS = frozenset("""analyst administrator accountant consultant advisor adviser representative supervisor
controller planner buyer clerk executive associate""".split())  # noqa: SIM905
_JOINERS = frozenset({"the", "of", "and", "&", "for"})
# Words after a name that make it the issuer of an identifier ("Social Security number", "HS
# code"): the number is the personal data, the issuer's name identifies no one.
IDENTIFIER_NOUNS = frozenset({"number", "numbers", "no", "nr", "code", "id"})


def names_role_or_unit(words: list[str], next_word: str = "") -> bool:
    """Whether a span of `words` is made only of business-function words, head nouns of units and
    roles and joiners ("of", "and", "the"), and a head noun ends the phrase: in the span ("The
    Sales Department", "Head of Procurement") or as the word after it, which NER left out
    ("Finance" of "Finance Director"). A function word alone is a name ("Treasury of $4T")."""
    content = [w for w in words if w.lower() not in _JOINERS]
    if not content or not all(w.lower() in FUNCTION_WORDS or is_head(w) for w in content):
        return False
    return any(is_head(w) for w in content) or is_head(next_word)


def is_head(word: str) -> bool:
    """Whether `word` is the head noun of a company unit or a role (shapes.ORG_UNIT_HEAD, ROLE_HEADS)."""
    return word.lower() in ROLE_HEADS or bool(_unit_head().fullmatch(word))


@lru_cache(maxsize=1)
def _unit_head() -> re.Pattern:
    """shapes.ORG_UNIT_HEAD, any case. Imported here, not at the top: the recognizers package
    imports the span clean-up that imports this module."""
    from curation.pii.recognizers.en.shapes import ORG_UNIT_HEAD

    return re.compile(ORG_UNIT_HEAD, re.IGNORECASE)


def names_identifier(next_word: str) -> bool:
    """Whether the word after a span (`next_word`, "" for none) makes the span the name of an
    identifier's issuer."""
    return next_word.lower().rstrip(".:") in IDENTIFIER_NOUNS
