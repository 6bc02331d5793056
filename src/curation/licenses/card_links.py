"""What a Hugging Face card's `license: other` stands for: the license its link names, else terms of its own.

`license: other` says only that the license is not on the Hub's list. The card's `license_link`
(or, without one, a link in the card's License section) is then the evidence: a link to a license's
own page (a Creative Commons deed in any language, opensource.org, spdx.org, apache.org, gnu.org,
mozilla.org) names that license. A link to anything else (the base model's LICENSE file, a
company's terms) points to terms of the card's own that no list names and a person must read:
with a `license_name` they are `LicenseRef-Custom-<that name>`, custom terms as the project names
them. So are terms the card writes out itself, in a License or terms section that says what may
and may not be done ("free for research and commercial use, but voice cloning of the speakers is
forbidden"): the name is the name of those terms. A `license_name` with neither a link nor terms of
its own in the card stays that name (`LicenseRef-<name>`, names.hf_license: "see LICENSE"), and
`other` with neither says nothing but `other`.
"""

from __future__ import annotations

import re

from curation.licenses.json_fields import ID_URL
from curation.licenses.names import mentions
from curation.licenses.spdx import listed_id

# License pages whose address spells the license but that `names.mentions` does not read
_LICENSE_PAGES = [
    (re.compile(r"apache\.org/licenses/LICENSE-(\d\.\d)", re.IGNORECASE), lambda m: f"Apache-{m.group(1)}"),
    (re.compile(r"gnu\.org/licenses/(?:old-licenses/)?(a?gpl|lgpl|fdl)-(\d\.\d)", re.IGNORECASE),
     lambda m: f"{'GFDL' if m.group(1).lower() == 'fdl' else m.group(1).upper()}-{m.group(2)}-only"),
    (re.compile(r"mozilla\.org/(?:en-US/)?MPL/(\d\.\d)", re.IGNORECASE), lambda m: f"MPL-{m.group(1)}"),
]
CARD_NAMED_TERMS = "`license: other` with `license_name` and a link to its own terms: a person reads them"
CARD_OWN_TERMS = "`license: other` with `license_name` and its terms written in the card: a person reads them"
_URL = re.compile(r"https?://[^\s)\]>\"']+")
_LICENSE_HEADING = re.compile(r"^#{1,6}\s*(?:licen[cs](?:e|es|ing)|ライセンス|利用規約|利用条件)\b", re.IGNORECASE)


def linked_license(url: str) -> str | None:
    """The license whose own page `url` is (an SPDX id), or None for any other address."""
    url = url.strip()
    for pattern, make in _LICENSE_PAGES:
        if m := pattern.search(url):
            return listed_id(make(m))
    if m := ID_URL.search(url):
        return listed_id(m.group(1))
    named = {m.expression for m in mentions(url) if not m.ambiguous}
    return named.pop() if len(named) == 1 else None


def section_links(body: str) -> list[str]:
    """The addresses linked in a card's License section (its heading to the next heading)."""
    out, inside = [], False
    for line in body.split("\n"):
        if line.startswith("#"):
            inside = bool(_LICENSE_HEADING.match(line))
            continue
        if inside:
            out += _URL.findall(line)
    return out


# what terms say: a use allowed, forbidden or conditioned, in English or Japanese
_TERMS = re.compile(r"\b(?:may|must|shall)\s+(?:not\s+)?(?:be\s+)?(?:use|used|copy|copied|modif|redistribut|distribut|"
                    r"shar|sell|sold)|\b(?:is|are)\s+(?:not\s+)?(?:permitted|allowed|prohibited|forbidden)\b|"
                    r"\bfree\s+(?:of\s+charge\s+)?for\b|\bno\s+(?:commercial|redistribution|re-?identification)\b|"
                    r"禁止|禁じ|してはならない|しないでください|できません|利用でき|使用でき|無償で|許諾します|許可します|に限り",
                    re.IGNORECASE)


def section_states_terms(body: str) -> bool:
    """Whether a card's License or terms section says what may and may not be done (terms of its
    own), not only where the terms are ("See LICENSE"). A section that names a license says what
    the terms are based on: the prose is read for that (statements.py), not the name."""
    inside, terms = False, False
    for line in body.split("\n"):
        if line.startswith("#"):
            inside = bool(_LICENSE_HEADING.match(line))
            continue
        if inside and mentions(line):
            return False
        terms = terms or inside and bool(_TERMS.search(line))
    return terms


def other_license(license_name, license_link, body: str = "") -> tuple[str, str] | None:
    """(license, the evidence said for a reviewer) for a card whose `license:` is `other`, or None
    where the card names nothing beyond `other`."""
    links = [license_link] if isinstance(license_link, str) and license_link.strip() else section_links(body)
    named = {found for link in links if (found := linked_license(link))}
    if len(named) == 1:
        return named.pop(), "`license: other` with a link to the license's own page"
    if isinstance(license_name, str) and license_name.strip() and (links or section_states_terms(body)):
        if listed := listed_id(license_name.strip()):
            return listed, "`license: other` with `license_name` an SPDX id"
        name = re.sub(r"[^A-Za-z0-9.\-]+", "-", license_name.strip()).strip("-")
        return "LicenseRef-Custom-" + name, CARD_NAMED_TERMS if links else CARD_OWN_TERMS
    return None
