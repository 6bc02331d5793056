"""The license a changed license text is closest to, named in its custom terms' id.

The first license of ScanCode's expression (`primary_key`), corrected by the BSD or ISC clauses the
text holds, by the license its own title names where that keeps every duty, and, for a
ScanCode-only license that names its holder, by the SPDX license it is where the holder is not named.
"""

from __future__ import annotations

import re

from curation.licenses import statements as st
from curation.licenses.copies import spdx_sibling
from curation.licenses.expression_duties import _flags
from curation.licenses.scancode_matches import _license_name_words
from curation.licenses.text import Line
from curation.licenses.text_changes import _TITLE_WORDS


# The clauses that tell the BSD licenses apart: BSD-3 adds non-endorsement to BSD-2's two, BSD-4
# adds advertising. ScanCode's closest rule to a changed BSD text is picked by shared words (a
# clause "Neither this software nor ... may be used in ..." reads like non-endorsement).
_BSD_ENDORSE = re.compile(r"\bendorse\b|\bpromote\s+products\b", re.IGNORECASE)
_BSD_ADVERTISING = re.compile(r"\badvertising\s+materials\b", re.IGNORECASE)


# BSD's two redistribution conditions, as every BSD license words them
_BSD_CONDITIONS = (re.compile(r"redistributions\s+of\s+source\s+code\s+must\s+retain", re.IGNORECASE),
                   re.compile(r"redistributions\s+in\s+binary\s+form\s+must\s+reproduce", re.IGNORECASE))


def _unnamed_vendor_bsd(base: str, region: str) -> bool:
    """A ScanCode-only license (a vendor's BSD with a clause of its own: Atmel's "only with an Atmel
    microcontroller") matched best to a BSD text with some other added clause, whose vendor the text
    never names: the BSD changed, not that vendor's license."""
    key = re.sub(r"^LicenseRef-(?:Custom-)?scancode-", "", base)
    if key == base or not all(c.search(region) for c in _BSD_CONDITIONS):
        return False
    vendor = _license_name_words(key) - _TITLE_WORDS - {"license", "licence", "licenseref", "scancode", "bsd"}
    return bool(vendor) and not any(word in region.lower() for word in vendor)


def _bsd_by_clauses(base: str | None, region: str) -> str | None:
    """The BSD license whose clauses a changed BSD text holds, as the closest license."""
    if not (base and (re.match(r"BSD-[234]-Clause$|LicenseRef-scancode-bsd-(?:new|simplified)\b", base)
                      or _unnamed_vendor_bsd(base, region))):
        return base
    if _BSD_ADVERTISING.search(region):
        return "BSD-4-Clause"
    return "BSD-3-Clause" if _BSD_ENDORSE.search(region) else "BSD-2-Clause"


# ISC's one condition; 0BSD is ISC's text without it
_ISC_CONDITION = re.compile(r"provided\s+that\s+the\s+above\s+copyright\s+notice\s+and\s+this\s+permission\s+"
                            r"notice\s+appear", re.IGNORECASE)


# Licenses that are another license's text plus one clause of their own: a changed copy without
# that clause was the other license changed (the MIT text with a clause added reads closest to JSON,
# which is MIT plus "shall be used for Good, not Evil").
_ONE_CLAUSE_MORE = {"JSON": ("MIT", re.compile(r"\bgood\s*,?\s+not\s+evil\b", re.IGNORECASE))}


def _zero_clause(base: str | None, region: str) -> str | None:
    """A changed ISC text that lacks ISC's notice condition is closest to 0BSD (ISC without it); a
    changed text matched best to a license that is another plus one clause, without that clause,
    is closest to the other (`_ONE_CLAUSE_MORE`)."""
    if base in _ONE_CLAUSE_MORE and not _ONE_CLAUSE_MORE[base][1].search(region):
        return _ONE_CLAUSE_MORE[base][0]
    return "0BSD" if base == "ISC" and not _ISC_CONDITION.search(region) else base


def _titled(head: list[Line], base: str | None) -> str | None:
    """The closest license of a changed text: the one its own title names ("Attribution-ShareAlike
    4.0 International") where that title keeps every duty of ScanCode's closest match and adds
    some (ScanCode may match a CC BY-SA copy best to the CC BY text: the share-alike must not go)."""
    named = [m.expression for line in head for m in st.mentions(line.text) if not m.ambiguous]
    if len(set(named)) != 1 or not base or named[0] == base:
        return base
    return named[0] if _flags(named[0]) > _flags(base) else base


def _holder_neutral(spdx: str, key: str, region: str) -> str:
    """The SPDX license a ScanCode-only license's text is, with one holder's name in it, where
    the copy does not name that holder ("the Tilemap Project" in the X11 text that ScanCode
    holds as XFree86's): that license's text naming its own holder stays that license."""
    if not spdx.startswith("LicenseRef-scancode-") or " " in key:
        return spdx
    holder = _license_name_words(key) - _TITLE_WORDS - {"license", "licence", "licenseref", "scancode"}
    if not holder or any(word in region.lower() for word in holder):
        return spdx
    return spdx_sibling(key) or spdx


_VAGUE_KEYS = ("LicenseRef-scancode-unknown", "LicenseRef-scancode-free-unknown", "LicenseRef-scancode-warranty-disclaimer")


def primary_key(expression: str) -> str | None:
    """The license a changed text is closest to: the first key of ScanCode's expression that names
    a license ("MPL-2.0 AND LicenseRef-scancode-free-unknown" -> MPL-2.0)."""
    keys = [k for k in re.findall(r"[A-Za-z0-9.+\-]+", expression) if k not in ("AND", "OR", "WITH")]
    named = [k for k in keys if not k.startswith(_VAGUE_KEYS)]
    return (named or keys or [None])[0]
