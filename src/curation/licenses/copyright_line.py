"""A copyright line that ends in a license's name states the work's license.

"© 2023 Holder. Apache 2.0", "(c) Holder — MIT licensed", 「© 2023 株式会社… / MIT License」: a site's
or a README's footer states the work's license this way, with no verb; the sentence splitter would
cut "Apache 2.0" off as a bare mention.

Only a line that is nothing but the notice, a separator and one license name counts, and only
where the text has one such license: several copyright lines naming different licenses are a
credits list of components, not the work's footer.
"""

from __future__ import annotations

import re

from curation.licenses.names import Mention, mentions
from curation.licenses.text import Line

_NOTICE = re.compile(r"^\W*(?:copyright\b\s*(?:©|\(c\))?|©|\(c\)|著作権)", re.IGNORECASE)
# between the holder and the name: a separator, then at most a word that introduces the name
_BEFORE_NAME = re.compile(r"(?:[.|·•/,;:–—]|\s-)\s*(?:(?:licen[cs]ed|released|distributed)(?:\s+under)?\s*:?\s*|"
                          r"licen[cs]e\s*:\s*)?(?:the\s+)?$", re.IGNORECASE)
_AFTER_NAME = re.compile(r"^\s*(?:licen[cs]ed?|ライセンス)?\s*[.。]?\s*$", re.IGNORECASE)
_LICENSE_WORDS = re.compile(r"licen[cs]|ライセンス|利用許諾", re.IGNORECASE)


def _named(text: str) -> Mention | None:
    if not _NOTICE.match(text):
        return None
    found = mentions(text)
    if len(found) != 1 or found[0].ambiguous:
        return None
    name = found[0]
    before, after = text[:name.start], text[name.end:]
    holder = _NOTICE.sub("", before)
    if not _BEFORE_NAME.search(before) or not _AFTER_NAME.match(after) or len(holder.split()) > 12:
        return None
    if _LICENSE_WORDS.search(_BEFORE_NAME.sub("", holder)):
        return None  # the holder's part talks about licenses: not a plain notice
    return name


def copyright_license_lines(lines: list[Line]) -> dict[int, Mention]:
    """{line number: the license it names} for copyright lines that end in one license's name,
    where all such lines of the text name the same license (else none)."""
    found = {line.number: m for line in lines if line.text and not line.code and not line.quoted
             and (m := _named(line.text.strip()))}
    return found if len({m.expression for m in found.values()}) == 1 else {}
