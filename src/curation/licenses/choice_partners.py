"""A bare SPDX id offered beside a named license in a choice: 「MIT または Apache-2.0 のいずれか」.

A name such as "MIT" alone is too common a word to read as a license everywhere (the institute,
a file name), so `names.mentions` reads it only with "License" beside it. Where a sentence offers a
choice between licenses and the bare word stands right beside a license that was read, joined by
"or", 「または」, 「か」, "/" or a comma, it is the other side of that choice: the id SPDX spells.
"""

from __future__ import annotations

import re

from curation.licenses.names import Mention
from curation.licenses.spdx import listed_id

_JOIN = r"\s*(?:または|もしくは|又は|か|と|or|/|,|、)\s*"
_BEFORE = re.compile(r"(?<![\w.-])(?P<id>[A-Z][A-Za-z0-9]{1,15})" + _JOIN + r"$")
_AFTER = re.compile(r"^" + _JOIN + r"(?P<id>[A-Z][A-Za-z0-9]{1,15})(?![\w.-])")


def with_choice_partners(sentence: str, found: list[Mention], choice: bool) -> list[Mention]:
    """`found` with the bare SPDX ids joined to one of its licenses where the sentence offers a
    choice (`choice`), in the order they stand."""
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
