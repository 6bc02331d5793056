"""A full license text with a condition's full text beside it that takes rights away.

ScanCode matches the Commons Clause (and other riders it files as license "exceptions" of a
source-available or proprietary category) as a full text of its own, so the pair reads as two
licenses, "MIT AND LicenseRef-scancode-commons-clause". The clause is no second license: it
changes the base license's terms ("the grant does not include the right to Sell"), and the work
is then under custom terms based on that license (its id the hint), as a rider in prose would make
it (restriction_phrases.CLAUSE).
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache

from curation.licenses import statements as st

# ScanCode's categories of an "exception" that takes rights away rather than adding permissions
# (a GPL linking exception adds them and stays a WITH)
TAKING_CATEGORIES = frozenset({"Source-available", "Commercial", "Proprietary Free", "Free Restricted"})
_SCANCODE = "LicenseRef-scancode-"


@lru_cache(maxsize=256)
def takes_rights_away(expression: str) -> bool:
    """Whether `expression` (one id) is ScanCode's key of a condition that is added to another
    license and takes rights away, such as the Commons Clause."""
    from licensedcode.cache import get_licenses_db

    if not expression.startswith(_SCANCODE) or " " in expression:
        return False
    lic = get_licenses_db().get(expression[len(_SCANCODE):])
    return bool(lic and lic.is_exception and lic.category in TAKING_CATEGORIES)


def with_conditions(texts: list[st.Statement]) -> list[st.Statement]:
    """The full texts with each rights-taking condition folded into the first other full text:
    that text becomes custom terms based on its license; the condition's own statement is gone."""
    taking = [s for s in texts if takes_rights_away(s.expression)]
    bases = [s for s in texts if s not in taking and not s.expression.startswith("LicenseRef-Custom")]
    if not taking or not bases:
        return texts
    base = bases[0]
    changed = dataclasses.replace(
        base, expression=st.custom_id(base.expression), hint=base.expression,
        last_line=max(s.last_line for s in taking + [base]),
        rule=f"{base.rule}; with {taking[0].rule}: a condition that takes rights away")
    return [changed if s is base else s for s in texts if s not in taking]
