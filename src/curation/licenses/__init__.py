"""License governance: evidence, detection, classification, dataset duties, steward overrides.

  evidence.py  the evidence for a document (metadata > SPDX tag > license text or notice in the
               document or its folder's LICENSE / COPYING / README > SOURCE.yaml > dataset card),
               conflicts, overrides and the decision taken from them
  detect.py    the license a text applies to its work, with its evidence lines (card header, SPDX
               tag, full texts by ScanCode's licensedcode, statements, ScanCode notices), combined:
               scopes, conflicts, upstream licenses, custom terms
  copies.py    a copy of a license's text cut too deep for ScanCode, compared word for word with
               the license its first lines name (the license, or custom terms where its body is cut)
  text.py      making evidence plain: BOM, CRLF, HTML, markdown, full-width forms; line numbers kept;
               the head and tail of a long text that are read (`window`)
  code_blocks.py a code block: an example (no evidence), or the work's own citation (its license fields)
  records.py   a DataCite or Zenodo record's license fields (rightsList, metadata.license), a
               .gemspec's or .podspec's `license` field
  sbom.py      an SPDX document (SBOM): the described package's license, never its DataLicense
  exceptions.py an exception added in a sentence of its own: `GPL-2.0-only WITH Classpath-exception-2.0`
  public_domain.py public domain in the author's own words (ScanCode's public-domain; a hedge is none)
  names.py     license names as written in English and Japanese (and HF card ids) read as SPDX ids
  statements.py which sentences apply a license to the work and which only talk about licenses
  classes.py   the class table of policies/licenses.yaml and judging an expression with it
  duties.py    a dataset version's license, attribution and share-alike duties, ATTRIBUTION.md
  spdx.py      SPDX expression parsing (license-expression)

`rules_for(policy, catalog)` gives the LicenseRules one ingest run decides with.
"""

from __future__ import annotations

from pathlib import Path

from curation.licenses.classes import LicenseRules, Override, judge, load_rules
from curation.licenses.detect import DEFAULT_THRESHOLD, NOASSERTION, Detection, detect_text
from curation.licenses.duties import (attribution_markdown, card_header_license, card_section, dataset_license,
                                      source_duties)
from curation.licenses.evidence import Evidence, LicenseDecision, decide, decide_pieces, gather, piece
from curation.licenses.spdx import normalize


def rules_for(policy, catalog=None) -> LicenseRules:
    """The rules of `policy` (a loaded Policy: its classes file is found beside the policy file),
    with the stewards' overrides from `catalog` when one is given."""
    base = Path(policy.source_file).parent if policy.source_file else Path("policies")
    overrides = catalog.license_overrides() if catalog is not None else ()
    return load_rules(policy.licenses, base, [Override(**o) for o in overrides])


def classify(expression: str | None, evidence: str, rules: LicenseRules) -> LicenseDecision:
    """The decision for one expression given as `evidence` (a kind from evidence.ORDER)."""
    if not expression:
        return decide_pieces([], rules)
    return decide_pieces([piece(evidence, expression, evidence)], rules)


__all__ = ["DEFAULT_THRESHOLD", "NOASSERTION", "Detection", "Evidence", "LicenseDecision", "LicenseRules",
           "Override", "attribution_markdown", "card_header_license", "card_section", "classify",
           "dataset_license", "decide", "detect_text", "gather", "judge", "normalize", "rules_for",
           "source_duties"]
