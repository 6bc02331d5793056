"""License fields that only a JSON parser reads right (manifest arrays, schema.org JSON-LD).

A manifest's `licenses` array of objects (npm's deprecated `[{"type": "BSD", "url":
".../BSD-3-Clause"}]`, a Frictionless data package's `[{"name": "CC-BY-4.0", "path": "..."}]`) and a web page's schema.org JSON-LD `license`.

Strictly valid JSON only: a text that does not parse gives nothing (a person reads it), and so
does an entry that names no license the reader knows, or a page that lists several works (a
catalogue's licenses are its items', not the page's).
"""

from __future__ import annotations

import json
import re

from license_expression import ExpressionError

from curation.licenses.spdx import normalize

MAX_CHARS = 2_000_000  # a manifest is a few KB; a larger file is data, not one to parse whole
# A license's address that spells its SPDX id: opensource.org/licenses/BSD-3-Clause, spdx.org/licenses/MIT.html
ID_URL = re.compile(r"(?:opensource\.org/licenses?|spdx\.org/licenses)/([A-Za-z0-9.+-]+?)(?:\.html|\.php)?/?$",
                     re.IGNORECASE)
JSON_LD = re.compile(r"<script\b[^>]{0,200}type=[\"']application/ld\+json[\"'][^>]{0,200}>(.{0,100000}?)</script\s*>",
                     re.IGNORECASE | re.DOTALL)


def parsed(text: str):
    """`text` parsed as strict JSON, or None: not JSON, or nested deeper than the parser goes
    (RecursionError: such a document is no manifest or record, never a crash)."""
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def _entry(item) -> str | None:
    """One entry of a `licenses` array: an id, or an object whose `name` (Frictionless) or `type`
    (npm) is one; an address that spells an id (`url`, `path`) names the variant ("BSD")."""
    if isinstance(item, str):
        candidates = [item]
    elif isinstance(item, dict):
        urls = [m.group(1) for key in ("url", "path") if isinstance(item.get(key), str)
                and (m := ID_URL.search(item[key].strip()))]
        candidates = urls + [item[key] for key in ("name", "type", "id") if isinstance(item.get(key), str)]
    else:
        return None
    for candidate in candidates:
        try:
            value = normalize(candidate)
        except ExpressionError:
            continue
        if not value.startswith("LicenseRef-"):
            return value
    return None


def manifest_licenses_array(text: str) -> str | None:
    """The expression of a JSON manifest's `licenses` array, where the manifest has no string
    `license`; every entry must be read, else None. All apply (AND), as a list that offers no
    choice does (detect.manifest_licenses)."""
    stripped = text.lstrip("\ufeff").lstrip()
    if len(text) > MAX_CHARS or not stripped.startswith("{") or '"licenses"' not in text:
        return None
    data = parsed(stripped)
    items = data.get("licenses") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items or isinstance(data.get("license"), str):
        return None
    ids = [_entry(item) for item in items]
    if not all(ids):
        return None
    return normalize(" AND ".join(f"({i})" if " " in i else i for i in dict.fromkeys(ids)))


def json_ld_license(block: str) -> str | None:
    """The `license` (a URL or a name) of the one schema.org item a JSON-LD block describes; None
    for a list of items, an @graph with several licensed items, or a block that is not JSON."""
    item = parsed(block)
    if isinstance(item, dict) and isinstance(item.get("@graph"), list):
        items = [i for i in item["@graph"] if isinstance(i, dict) and i.get("license")]
        item = items[0] if len(items) == 1 else None
    value = item.get("license") if isinstance(item, dict) else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("@id") or value.get("name")
    return value if isinstance(value, str) and len(value) < 300 else None
