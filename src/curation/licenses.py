"""License evidence and classification.

A document's SPDX expression comes from the first evidence found, in this order: its own
metadata field, an `SPDX-License-Identifier:` tag in its text, the source's SOURCE.yaml.
Expressions are parsed with `license-expression`; each license is classed allow / review / deny
by the policy, `A AND B` takes the stricter class and `A OR B` the more permissive one (the
licensee may choose).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from license_expression import ExpressionError, get_spdx_licensing

from curation.models import RawDocument, SourceInfo
from curation.policy import LicensePolicy

SPDX_TAG = re.compile(r"SPDX-License-Identifier:\s*([A-Za-z0-9.+\-() ]+?)\s*(?:\*/|-->|$)", re.MULTILINE)
RANK = {"allow": 0, "review": 1, "deny": 2}


@dataclass(frozen=True)
class LicenseDecision:
    expression: str | None  # normalized SPDX expression, None when no evidence
    evidence: str  # where it came from: metadata | spdx_tag | source_yaml | none
    license_class: str  # allow | review | deny
    reason: str  # a machine-readable code: license_allowed, license_noncommercial, ...
    message: str


@lru_cache(maxsize=1)
def _licensing():
    return get_spdx_licensing()


def find_evidence(doc: RawDocument, source: SourceInfo) -> tuple[str | None, str]:
    if isinstance(doc.metadata.get("license"), str) and doc.metadata["license"].strip():
        return doc.metadata["license"].strip(), "metadata"
    if match := SPDX_TAG.search(doc.text):
        return match.group(1).strip(), "spdx_tag"
    if source.license:
        return source.license.strip(), "source_yaml"
    return None, "none"


def _family(key: str) -> str | None:
    upper = key.upper()
    if "-NC" in upper:
        return "non_commercial"
    if "-ND" in upper:
        return "no_derivatives"
    if "-SA" in upper or upper.startswith(("GPL", "LGPL", "AGPL")):
        return "share_alike"
    return None


REASONS = {"non_commercial": "license_noncommercial", "no_derivatives": "license_noderivatives",
           "share_alike": "license_sharealike", None: "license_unlisted"}


def _key_class(key: str, policy: LicensePolicy) -> tuple[str, str]:
    """(class, reason code): the policy's lists decide the class; the reason names the family
    (non-commercial, share-alike, ...) so a steward sees why, whichever list holds the id."""
    family = _family(key)
    lowered = key.lower()
    for cls in ("deny", "review", "allow"):
        if lowered in (k.lower() for k in getattr(policy, cls)):
            return cls, REASONS[family] if family else f"license_listed_{cls}"
    return (getattr(policy, family) if family else policy.unlisted), REASONS[family]


def _classify_node(node, policy: LicensePolicy) -> tuple[str, str, str]:
    """(class, reason, deciding key) for one node of a parsed expression."""
    licensing = _licensing()
    if isinstance(node, licensing.AND | licensing.OR):
        parts = [_classify_node(arg, policy) for arg in node.args]
        pick = max if isinstance(node, licensing.AND) else min
        return pick(parts, key=lambda p: RANK[p[0]])
    symbol = getattr(node, "license_symbol", node)  # "X WITH exception" is judged by X
    cls, reason = _key_class(symbol.key, policy)
    return cls, reason, symbol.key


def classify(expression: str | None, evidence: str, policy: LicensePolicy) -> LicenseDecision:
    if not expression:
        return LicenseDecision(None, "none", policy.missing, "license_missing",
                               "no license evidence (no metadata field, SPDX tag or SOURCE.yaml license)")
    licensing = _licensing()
    try:
        parsed = licensing.parse(expression)
        # SPDX allows user-defined "LicenseRef-..." ids; any other unknown id is an error.
        unknown = [k for k in licensing.unknown_license_keys(parsed) if not k.startswith("LicenseRef-")]
        if parsed is None or unknown:
            raise ExpressionError(f"unknown license id(s) {unknown}" if unknown else "empty expression")
    except ExpressionError as exc:
        return LicenseDecision(expression, evidence, "deny", "license_invalid",
                               f"'{expression}' is not a valid SPDX expression ({exc})")
    info = licensing.validate(expression)
    normalized = info.normalized_expression or str(parsed)
    cls, reason, key = _classify_node(parsed, policy)
    if cls == "allow":
        reason = "license_allowed"
    return LicenseDecision(normalized, evidence, cls, reason,
                           f"{normalized} (from {evidence}) is classed '{cls}' by the policy because of {key}")


def decide(doc: RawDocument, source: SourceInfo, policy: LicensePolicy) -> LicenseDecision:
    expression, evidence = find_evidence(doc, source)
    return classify(expression, evidence, policy)


# Common notices, most specific first. A first detector: a maintained full-text matcher
# (ScanCode licensedcode or similar) replaces this when license detection is deepened.
NOTICES: list[tuple[str, re.Pattern]] = [
    (expr, re.compile(pattern, re.IGNORECASE | re.DOTALL)) for expr, pattern in [
        ("CC-BY-NC-ND-4.0", r"Creative Commons Attribution[- ]NonCommercial[- ]NoDerivatives 4\.0"),
        ("CC-BY-NC-SA-4.0", r"Creative Commons Attribution[- ]NonCommercial[- ]ShareAlike 4\.0"),
        ("CC-BY-NC-4.0", r"Creative Commons Attribution[- ]NonCommercial 4\.0"),
        ("CC-BY-SA-4.0", r"Creative Commons Attribution[- ]ShareAlike 4\.0"),
        ("CC-BY-4.0", r"Creative Commons Attribution 4\.0|クリエイティブ・コモンズ\s*表示\s*4\.0"),
        ("CC0-1.0", r"CC0 1\.0 Universal|Creative Commons Zero"),
        ("Apache-2.0", r"Licensed under the Apache License,? Version 2\.0"),
        ("MIT", r"Permission is hereby granted, free of charge, to any person obtaining a copy"),
        ("BSD-3-Clause", r"Neither the name of .{0,200} nor the names of its\s+contributors may be used"),
        ("GPL-3.0-or-later", r"GNU General Public License.{0,200}either version 3 of the License, or\s+\(at your option\) any later version"),
    ]
]


def detect_text(text: str) -> tuple[str, float]:
    """(SPDX expression, score) from a tag or a known notice in `text`; NOASSERTION when unsure."""
    if match := SPDX_TAG.search(text):
        try:
            return str(_licensing().parse(match.group(1).strip())), 1.0
        except ExpressionError:
            pass
    for expression, pattern in NOTICES:
        if pattern.search(text):
            return expression, 0.9
    return "NOASSERTION", 0.0
