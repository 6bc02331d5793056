"""ScanCode's keys for licenses with terms of their own: a named model or community license is custom terms.

ScanCode's LicenseDB names many licenses the SPDX list does not hold, each as
`LicenseRef-scancode-<key>`, and files each under a category. Those it files as "Proprietary Free"
or "Free Restricted" (the Stability AI Community License, the NVIDIA Open Model License, an SDK's
EULA) allow use free of charge under conditions of their own that no class summarises: to a
reviewer they are custom terms, which this project names `LicenseRef-Custom-<id>` and the policy
sends to a person (review_terms), where an id no class lists would be denied unread. A key that
says its license is non-commercial (or for research, academic, evaluation or personal use) keeps
that duty (`-NonCommercial`), as custom terms do.
Public-domain, permissive, copyleft, commercial and unstated keys stay as ScanCode names them.
"""

from __future__ import annotations

import importlib.util
import json
import re
from functools import lru_cache
from pathlib import Path

SCANCODE = "LicenseRef-scancode-"
_OWN_TERMS = frozenset({"Proprietary Free", "Free Restricted"})
# a key naming a use that excludes commerce: non-commercial, research, academic, evaluation or personal use
_NON_COMMERCIAL = re.compile(r"(?:^|-)(?:nc|non-?commercial|research(?:-only)?|academic|evaluation|personal)(?:-|$)",
                             re.IGNORECASE)


@lru_cache(maxsize=1)
def _categories() -> dict[str, str]:
    """ScanCode's category of each of its LicenseRef ids (license-expression's copy of the index)."""
    spec = importlib.util.find_spec("license_expression")
    if spec is None:
        return {}
    index = Path(next(iter(spec.submodule_search_locations))) / "data" / "scancode-licensedb-index.json"
    return {entry["spdx_license_key"]: entry.get("category") or ""
            for entry in json.loads(index.read_text(encoding="utf-8"))
            if (entry.get("spdx_license_key") or "").startswith(SCANCODE)}


def says_non_commercial(words: str) -> bool:
    """Whether `words` (a key, a name) say the license is for a use that excludes commerce."""
    return bool(_NON_COMMERCIAL.search(re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-")))


def scancode_category(key: str) -> str:
    """ScanCode's category of its id `key` ("Permissive", "Copyleft", ...); "" for any other id."""
    return _categories().get(key, "")


def scancode_ids() -> frozenset[str]:
    """Every `LicenseRef-scancode-<key>` id of ScanCode's index."""
    return frozenset(_categories())


def custom_terms_id(key: str) -> str | None:
    """`LicenseRef-Custom-scancode-<key>[-NonCommercial]` where `key` is a ScanCode id of terms a
    person must read (see the module docstring); None for any other id."""
    if not key.startswith(SCANCODE) or _categories().get(key) not in _OWN_TERMS:
        return None
    custom = "LicenseRef-Custom-" + key[len("LicenseRef-"):]
    return custom + "-NonCommercial" if says_non_commercial(key[len(SCANCODE):]) else custom
