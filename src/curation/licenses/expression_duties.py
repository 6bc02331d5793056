"""The duties an SPDX expression carries, and expressions joined so that no duty is lost."""

from __future__ import annotations

import re

from curation.licenses.detection import NOASSERTION
from curation.licenses.names import vague_of
from curation.licenses.spdx import normalize


# Dedications to the public domain ask for nothing, not even credit: CC BY's attribution is a duty
# they lack ("license: cc0-1.0" against prose "CC BY 4.0": CC BY is the stricter reading).
_NO_DUTY = ("CC0-1.0", "Unlicense", "0BSD", "PDDL-1.0", "LicenseRef-scancode-public-domain")


def _flags(expression: str) -> frozenset[str]:
    """The duties an expression carries that a reviewer must never see added or lost."""
    flags = set()
    for key in re.findall(r"[A-Za-z0-9.+\-]+", expression):
        if key in ("AND", "OR", "WITH"):
            continue
        if "-NC" in key or "NonCommercial" in key:
            flags.add("NC")
        if "-ND" in key:
            flags.add("ND")
        if "-SA" in key or key.startswith(("GPL", "AGPL", "LGPL", "MPL", "EUPL", "ODbL", "CDLA-Sharing", "GFDL",
                                           "EPL", "CDDL", "LicenseRef-Custom-GPL", "LicenseRef-Custom-MPL")):
            flags.add("SA")
        if key.startswith("LicenseRef-Custom"):
            flags.add("custom")
        if key not in _NO_DUTY:
            flags.add("BY")
    return frozenset(flags)


def _either(expressions: list[str]) -> str:
    """A choice among the expressions, one flat list ("MIT OR Apache-2.0 OR BSD-3-Clause"): a side
    that is itself a choice needs no brackets; one that joins licenses with AND keeps them."""
    return " OR ".join(f"({e})" if " AND " in e else e.strip("()") if _flat_choice(e) else e for e in expressions)


def _flat_choice(expression: str) -> bool:
    return expression.startswith("(") and expression.endswith(")") and "(" not in expression[1:-1] \
        and " AND " not in expression


def _and(expressions) -> str:
    # a conjunction among the parts is flattened, so that a license said twice is named once
    terms = [e if " OR " in e else t.strip("() ") for e in expressions for t in ([e] if " OR " in e else e.split(" AND "))]
    distinct = list(dict.fromkeys(terms))
    joined = " AND ".join(f"({e})" if " " in e else e for e in distinct)
    return normalize(joined) if joined else NOASSERTION


def _strictest(readings: list[str]) -> str:
    """One reading whose duties include every other's; else all of them (every duty kept)."""
    for r in readings:
        if all(_flags(r) >= _flags(o) for o in readings):
            if all(_flags(r) != _flags(o) for o in readings if o != r):
                return r
    return _and(readings)


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    # "BSD license" without its variant agrees with any BSD text; "CC BY-NC" with CC BY-NC 4.0
    return vague_of(a, b) or vague_of(b, a)
