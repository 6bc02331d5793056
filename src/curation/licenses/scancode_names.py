"""Licenses the SPDX list lacks, read by the names ScanCode gives them: which names, under which id.

ScanCode's LicenseDB knows many licenses that the SPDX list does not (NYSL, the Open Government
Licences of Canada's provinces, companies' own licenses), each as `LicenseRef-scancode-<key>`
with a `name`, a `short_name` and a `category`. catalogue_names reads them after every SPDX name
(an SPDX name shared with one of them is the SPDX license's), with the guards the SPDX names
have (a whole name, written as a name, never in talk), and more, since ScanCode names many things
that are no license a text grants:

- no generic or unknown key ("Proprietary License", "Other Permissive Licenses"), no exception,
  deprecated key, contributor agreement (CLA), patent grant, unstated or commercial license;
- no name of one word and "License" ("Sun License"), nor an acronym and a version ("TPL 1.0" is
  two licenses, "AGPL 2.0" a misspelling): a name needs "License", "Licence", "Agreement" or "EULA"
  and two words of its own, not all of them ordinary words ("Truly Free License"), and only ASCII
  letters (a name whose letters the index cannot read is never matched); no Creative Commons
  name (names.py reads each element of those, and keeps NC, ND and SA).

The answer is ScanCode's id as scancode_terms.py spells it: a license with terms of its own
(ScanCode's "Proprietary Free", "Free Restricted") is custom terms a person reads; any other keeps
`LicenseRef-scancode-<key>`, which policies/licenses.yaml classes by ScanCode's category.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from curation.licenses.scancode_terms import SCANCODE, custom_terms_id

# ScanCode's categories of licenses a text may grant; a CLA, a patent grant or an unstated license is
# none. Nor is "Commercial": a README names an EULA or a master agreement as a contract its user
# needs ("You need a Windows license to run the installer"), and read as the work's license it
# would deny or conflict with the grant beside it (a review of lic23); such a work is denied
# without them all the same (no license a policy allows).
READ_CATEGORIES = frozenset({"Permissive", "Public Domain", "Copyleft", "Copyleft Limited", "Source-available",
                             "Proprietary Free", "Free Restricted"})
_FLAGS = re.compile(r"^is_(?:generic|unknown|deprecated|exception):\s*yes\s*$", re.MULTILINE)
_FIELD = re.compile(r"^(name|short_name): (.*)$", re.MULTILINE)


def licenses(index_path: Path, folder: Path) -> list[tuple[str, str, str, str]]:
    """(ScanCode id, category, full name, short name) of each license ScanCode holds that the SPDX
    list lacks and a text may grant (READ_CATEGORIES), from license-expression's copy of ScanCode's
    index (`index_path`) and ScanCode's license files (`folder`)."""
    out = []
    for entry in json.loads(index_path.read_text(encoding="utf-8")):
        key = entry.get("spdx_license_key") or ""
        if not key.startswith(SCANCODE) or entry.get("is_exception") or entry.get("is_deprecated") \
                or entry.get("category") not in READ_CATEGORIES:
            continue
        with open(folder / entry["license"], encoding="utf-8") as f:
            head = f.read(4096).split("---", 2)[1]
        if _FLAGS.search(head):
            continue
        fields = {k: v.strip().strip("'\"") for k, v in _FIELD.findall(head)}
        full, short = (name if name.isascii() else "" for name in (fields.get("name", ""), fields.get("short_name", "")))
        out.append((key, entry["category"], full, short))
    return out


_NAMING = frozenset(("license", "agreement", "eula"))
_LINKING = frozenset("the of for and a an to in with on".split())
# Ordinary words in ScanCode's names (measured on its two-word names: "Good Boy License", "Truly
# Free License", "Tested Software License"): a name made of these alone is what a sentence may say
# of any license, never one license's name
_ORDINARY = frozenset("""good boy free fork truly passive aggressive tested enhanced original visual idiot sample
    master historical material specification mappings directory simple community express evaluation extension
    developer distributor general proprietary commercial firmware library documentation document attribution
    permissive artistic public software freeware open source code data content font fonts project sdk api
    binary research academic personal internal trial demo standard limited use end user terms service""".split())


def admitted(toks) -> bool:
    """Whether a ScanCode name's tokens (catalogue_names.Token) are a license's name people write:
    "License" (or "Agreement", "EULA") and two words of its own, not all of them ordinary words.
    An acronym and a version ("TPL 1.0", "AGPL 2.0", "NYSL 0.9982") names too many things."""
    words = [t for t in toks if not t.version]
    if not any(t.norm in _NAMING for t in words):
        return False
    own = [t.norm for t in words if t.norm not in _NAMING and t.norm not in _LINKING]
    if own[:2] == ["creative", "commons"]:
        return False  # names.py reads Creative Commons names element by element, ports included
    return len(own) >= 2 and not all(w in _ORDINARY for w in own)


# A name that says its license excludes commerce: "non-commercial", or a use named as the license's
# purpose ("Research Use", "Personal Use", "Research License"). "research" alone is not enough:
# the OCLC Research Public License is an open-source license of a research organisation.
_NON_COMMERCIAL_NAME = re.compile(
    r"\bnon[- ]?commercial\b"
    r"|\b(?:research|academic|evaluation|personal|educational)[- ](?:use|only|purposes?|licen[cs]e|agreement)\b",
    re.IGNORECASE)


def name_says_non_commercial(name: str) -> bool:
    """Whether a license's name says the license is for a use that excludes commerce."""
    return bool(_NON_COMMERCIAL_NAME.search(name))


def answer_id(key: str, name: str = "") -> str:
    """The id a name of ScanCode's license `key` is read as: scancode_terms.py's convention, and
    custom terms that keep the duty where the name says the license excludes commerce ("Zveno
    Research License", "HP Non-Commercial License") though ScanCode's key or category does not."""
    non_commercial = name_says_non_commercial(name)
    if custom := custom_terms_id(key):
        return custom if custom.endswith("-NonCommercial") or not non_commercial else custom + "-NonCommercial"
    if non_commercial:
        return f"LicenseRef-Custom-{key[len('LicenseRef-'):]}-NonCommercial"
    return key
