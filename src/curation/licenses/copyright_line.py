"""A copyright line that ends in a license's name states the work's license.

"© 2023 Holder. Apache 2.0", "(c) Holder — MIT licensed", 「© 2023 株式会社… / MIT License」: a site's
or a README's footer states the work's license this way, with no verb; the sentence splitter would
cut "Apache 2.0" off as a bare mention.

Only a line that is nothing but the notice, a separator and one license name counts, and only
where it is the work's own: the text's one such line, among the first or last lines of the text,
not under a credits heading (credits, third-party, bundled, dependencies, acknowledgements) nor
after a line that leads into a list ("It bundles the Roboto font:"). Several copyright lines, even
naming one license, are a credits list of components, not the work's footer.
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


# A license's name where a holder stands ("© 2021 MIT", "Copyright 2020 MIT Media Lab": the notice and
# its years, then the name) names the holder, the institute; a name in brackets after a thing a
# label names ("Theme: Minimal (MIT)", "Icons: Feather (MIT)", "Powered by Hugo (Apache-2.0)") is
# that thing's license, not the work's.
_HOLDER_PLACE = re.compile(r"^\W*(?:copyright\b\s*(?:©|\(c\))?|©|\(c\)|著作権)\s*"
                           r"(?:\d{4}(?:\s*[-–,]\s*\d{2,4})*\s*)?$", re.IGNORECASE)
_LABELLED_THING = re.compile(r"(?:^|[·|•,;/]\s*)(?:(?P<label>[A-Za-z][\w -]{0,24}?)\s*:|(?:powered|built|made)\s+"
                             r"(?:by|with))\s*[^:()·|•]{1,40}?\(\s*$", re.IGNORECASE)
_LICENSE_LABEL = re.compile(r"licen[cs]|terms|copyright|rights", re.IGNORECASE)


def holder_or_thing(before: str) -> bool:
    """Whether a license's name after `before` names the holder or another thing's license (above)."""
    if _HOLDER_PLACE.match(before):
        return True
    m = _LABELLED_THING.search(before)
    return bool(m and not (m["label"] and _LICENSE_LABEL.search(m["label"])))


_CREDITS_HEADING = re.compile(r"credits?|acknowledg|third[- ]?party|bundled|dependenc|vendored|librar(?:y|ies)|"
                              r"attributions?|notices?|components?|謝辞|クレジット|サードパーティ|依存|同梱|"
                              # a changelog's entry ("## 3.1.0", "Changelog"): a line about a release
                              r"change\s*log|release\s+notes|^\W*v?\d+\.\d+|変更履歴|リリースノート", re.IGNORECASE)
# a footer sits at the text's start or end: within this many non-empty lines of either
FOOTER_EDGE = 3


def copyright_license_lines(lines: list[Line]) -> dict[int, Mention]:
    """{line number: the license it names} for the text's one copyright line that ends in a
    license's name, where it is the work's own (module docstring); else {}."""
    filled = [line for line in lines if line.text.strip()]
    found = [(i, line, m) for i, line in enumerate(filled) if not line.code and not line.quoted
             and (m := _named(line.text.strip()))]
    if len(found) != 1:
        return {}
    i, line, name = found[0]
    heading = next((h.text for h in reversed(filled[:i]) if h.heading), "")
    lead = filled[i - 1].text.rstrip() if i else ""
    if FOOTER_EDGE <= i < len(filled) - FOOTER_EDGE or _CREDITS_HEADING.search(heading) or \
            lead.endswith((":", "：")) and not filled[i - 1].heading:
        return {}
    return {line.number: name}
