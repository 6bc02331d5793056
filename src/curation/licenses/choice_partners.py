"""The sides of a choice between licenses: each named whole, and a bare SPDX id beside a named one.

A choice is read where the words between two names join them ("or", "or, alternatively,", "or,
at your option,", 「または」): the sentence reader joins them with OR only when nothing else stands
between. A name read without its last word ("the MIT" of "the MIT licence or, alternatively, the
GNU GPL") leaves that word between the two, and the choice was lost: `whole_names` gives each
mention the "License" (「ライセンス」) that ends its name where a join follows.

A name such as "MIT" alone is too common a word to read as a license everywhere (the institute,
a file name), so `names.mentions` reads it only with "License" beside it. Where a sentence offers a
choice between licenses and the bare word stands right beside a license that was read, joined by
"or", 「または」, 「か」, "/" or a comma, it is the other side of that choice: the id SPDX spells.
"""

from __future__ import annotations

import dataclasses
import re

from curation.licenses.names import Mention
from curation.licenses.spdx import listed_id

_JOIN = r"\s*(?:または|もしくは|又は|か|と|or|/|,|、)\s*"
_BEFORE = re.compile(r"(?<![\w.-])(?P<id>[A-Z][A-Za-z0-9]{1,15})" + _JOIN + r"$")
_AFTER = re.compile(r"^" + _JOIN + r"(?P<id>[A-Z][A-Za-z0-9]{1,15})(?![\w.-])")

# the last word of a license's name that its mention left out ("the MIT" + " licence")
_NAME_END = re.compile(r"\s*(?:licen[cs]e|ライセンス)(?![\w-])", re.IGNORECASE)
# what joins two licenses as a choice: "or", "or, alternatively,", "or, at your option,", "or, if you
# prefer,", 「または」; never "or any later version" (a later version of the first, no second
# license: the words before the next name would be more than a join)
_CHOICE_JOIN = re.compile(r"\s*[,、]?\s*(?:or|または|又は|もしくは|若しくは)\s*,?\s*"
                          r"(?:(?:if\s+you\s+(?:prefer|wish|like|choose)|at\s+your\s+(?:option|choice)|alternatively)"
                          r"\s*,?\s*)?(?:under\s+(?:the\s+terms\s+of\s+)?)?(?:the\s+)?", re.IGNORECASE)


def whole_names(sentence: str, found: list[Mention]) -> list[Mention]:
    """`found` with each mention that a choice join follows ending after its name's "License"."""
    out = list(found)
    for i, (m, nxt) in enumerate(zip(found, found[1:])):
        end = _NAME_END.match(sentence, m.end)
        if end and end.end() <= nxt.start and _CHOICE_JOIN.fullmatch(sentence, end.end(), nxt.start):
            out[i] = dataclasses.replace(m, end=end.end())
    return out


def with_choice_partners(sentence: str, found: list[Mention], choice: bool) -> list[Mention]:
    """`found` with each name whole where a choice join follows (`whole_names`), and with the bare
    SPDX ids joined to one of its licenses where the sentence offers a choice (`choice`), in the
    order they stand."""
    found = whole_names(sentence, found)
    if not choice or not found:
        return found
    added = []
    for m in found:
        for pattern, at in ((_BEFORE, sentence[:m.start]), (_AFTER, sentence[m.end:])):
            if (hit := pattern.search(at)) and (spdx := listed_id(hit["id"])):
                start = hit.start("id") if pattern is _BEFORE else m.end + hit.start("id")
                end = start + len(hit["id"])
                if not any(x.start < end and start < x.end for x in found + added):
                    added.append(Mention(spdx, start, end, f"{spdx.lower()} (a bare id in a choice)"))
    return sorted(found + added, key=lambda x: x.start)
