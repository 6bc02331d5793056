"""Removing input values that catalogs written before issue 18 still hold.

Those catalogs named input files by their path (a file name can name a person), kept quarantine
messages that quoted parser snippets, column names and license values, and kept invalid license
values as declared. `scrub_catalog` renames every such path to its stored name, replaces the
messages of those items with a reason-only one, keeps a license value only as a valid SPDX
expression, then rewrites the catalog file so that the old values do not linger in free blocks. It is idempotent and runs at the start of every ingest run (under the ingest lock);
`pending` counts what is left for `curation doctor`. The audit log is never edited: its records
already held only the sha256 of paths (`audit show --path` matches both forms).
"""

from __future__ import annotations

from curation.catalog import Catalog
from curation.ingest.filters import safe_evidence, valid_spdx
from curation.sources.paths import is_stored_path, stored_path

WITHHELD = "message withheld: recorded before messages were cleared of input values"
INVALID = "invalid SPDX expression"


def _plan(catalog: Catalog) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    paths = {p: stored_path(p) for p in catalog.input_paths() if not is_stored_path(p)}
    values = catalog.license_values()
    sources = {v: INVALID for v in values["sources"] if v != INVALID and not valid_spdx(v)}
    evidence = {v: safe_evidence(v) for v in values["evidence"] if safe_evidence(v) != v}
    return paths, sources, evidence


def pending(catalog: Catalog) -> int:
    """How many old paths and license values are still to scrub."""
    return sum(len(part) for part in _plan(catalog))


def scrub_catalog(catalog: Catalog) -> int:
    """Scrub the catalog (see the module docstring); returns how many values were replaced."""
    paths, sources, evidence = _plan(catalog)
    if paths:
        catalog.replace_input_paths(paths, WITHHELD)
    if sources or evidence:
        catalog.replace_license_values(sources, evidence)
    replaced = len(paths) + len(sources) + len(evidence)
    if replaced:
        catalog.rewrite_file()  # the old values would otherwise linger in the file's free blocks
    return replaced
