"""What a dataset version owes: its license, attribution, share-alike and use-restriction duties.

A version's license is the conjunction (AND) of its documents' expressions: whoever uses the
version must honour every one of them. Its duties go onto the dataset card (`card_section`) and
into ATTRIBUTION.md (`attribution_markdown`), which lists every source that must be credited.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from license_expression import ExpressionError

from curation.licenses import spdx
from curation.licenses.classes import LicenseRules, classes_of, needs_attribution

NOASSERTION = "NOASSERTION"
MODIFICATION_NOTE = ("Changes: personal data was detected and replaced by typed placeholders "
                     "(anonymization); documents were otherwise kept as received.")


def dataset_license(expressions) -> str:
    """The conjunction of the distinct expressions, deduplicated (`MIT AND CC-BY-4.0`);
    NOASSERTION when there is none."""
    distinct = list(dict.fromkeys(e for e in expressions if e))
    if not distinct:
        return NOASSERTION
    joined = " AND ".join(f"({e})" if " " in e else e for e in distinct)
    lic = spdx.licensing()
    try:
        return str(lic.dedup(lic.parse(joined)))
    except ExpressionError:
        return joined


def card_header_license(expressions) -> dict:
    """The `license:` of a Hugging Face card header: the id when there is one license, else
    `other` with the full expression as `license_name`."""
    expression = dataset_license(expressions)
    if expression != NOASSERTION and " " not in expression:
        return {"license": expression.lower()}
    return {"license": "other", "license_name": expression if expression != NOASSERTION else "unknown"}


def _keys(expression: str) -> list[str]:
    try:
        return [k for k in spdx.keys(expression) if not k.endswith("-exception")]
    except ExpressionError:
        return []


def source_duties(expression: str, rules: LicenseRules) -> list[str]:
    """The duties one expression puts on whoever shares the dataset or what is adapted from it."""
    duties = []
    keys = _keys(expression)
    classes = {c for k in keys for c in classes_of(k, rules.classes)}
    if any(needs_attribution(k, rules.classes) for k in keys):
        duties.append("attribution")
    if classes & {"share_alike", "weak_copyleft"}:
        duties.append("share-alike")
    if "non_commercial" in classes:
        duties.append("non-commercial use only")
    if "no_derivatives" in classes:
        duties.append("adaptations may not be shared")
    if "use_restricted" in classes:
        duties.append("use restrictions pass on to derived models")
    if "source_available" in classes:
        duties.append("source-available terms: a steward checks the use or service limit")
    return duties


def _by_source(rows, sources) -> dict[str, dict]:
    info = {s["name"]: s for s in sources}
    grouped: dict[str, dict] = defaultdict(lambda: {"licenses": Counter(), "n": 0})
    for row in rows:
        g = grouped[row["source"]]
        g["n"] += 1
        g["licenses"][row.get("license") or NOASSERTION] += 1
    for name, g in grouped.items():
        g["owner"] = (info.get(name) or {}).get("owner")
        g["purpose"] = (info.get(name) or {}).get("purpose")
    return dict(sorted(grouped.items()))


def attribution_markdown(rows, sources, rules: LicenseRules) -> str:
    """ATTRIBUTION.md: every source of the version whose license asks for credit, with its
    rights holder, license, document count and the notice to reproduce.

    `rows`: the version's documents (dicts with `source` and `license`); `sources`: catalog
    source rows (`name`, `owner`, `purpose`)."""
    lines = ["# Attribution", "",
             "This dataset contains material from the sources below. Their licenses require that "
             "they be credited wherever the dataset, or material adapted from it, is shared. "
             "Reproduce this file with the dataset.", "", MODIFICATION_NOTE, ""]
    credited = 0
    for name, g in _by_source(rows, sources).items():
        needing = [e for e in g["licenses"] if e != NOASSERTION
                   and "attribution" in source_duties(e, rules)]
        if not needing:
            continue
        credited += 1
        owner = g["owner"] or "the rights holder named in the source"
        lines += [f"## {name}", "", f"- Rights holder: {owner}",
                  f"- Documents in this dataset: {g['n']}"]
        for expression in needing:
            links = ", ".join(f"https://spdx.org/licenses/{k}.html" for k in _keys(expression)
                              if not k.startswith("LicenseRef-"))
            duties = ", ".join(source_duties(expression, rules))
            lines.append(f"- License: {expression} ({g['licenses'][expression]} document(s))"
                         + (f" — {links}" if links else "") + f"; duties: {duties}")
        if name in rules.overrides:
            o = rules.overrides[name]
            lines.append(f"- License recorded by steward {o.reviewer}: {o.reason}")
        lines += ["", f"> \"{name}\" by {owner}, licensed under {', '.join(needing)}. "
                      "Anonymized (personal data replaced).", ""]
    if not credited:
        lines += ["No source of this dataset asks for attribution.", ""]
    return "\n".join(lines)


def _evidence_lines(rows) -> list[str]:
    """`### License evidence`: per source and license, the evidence the decision was taken on
    (file, lines, rule: the catalog's license_evidence), where the rows carry it."""
    seen: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for row in rows:
        if row.get("license_evidence"):
            seen[(row["source"], row.get("license") or NOASSERTION)][row["license_evidence"]] += 1
    if not seen:
        return []
    lines = ["", "### License evidence", ""]
    for (source, expression), evidence in sorted(seen.items()):
        for text, n in evidence.most_common(3):
            lines.append(f"- {source}, `{expression}` ({n} document(s)): {text}")
        if len(evidence) > 3:
            lines.append(f"- {source}, `{expression}`: {len(evidence) - 3} other piece(s) of evidence")
    return lines


def card_section(rows, sources, rules: LicenseRules) -> str:
    """The dataset card's `## Licenses` section: the dataset license, per-source licenses and
    classes, the evidence each was decided on (rows with `license_evidence`), the duties, the
    stewards' overrides and which class table decided."""
    grouped = _by_source(rows, sources)
    expressions = [e for g in grouped.values() for e in g["licenses"] if e != NOASSERTION]
    lines = ["## Licenses", "",
             f"- Dataset license (every document's license applies): `{dataset_license(expressions)}`",
             f"- Intended use: {rules.policy.intended_use}; license classes: `{rules.classes_file}` "
             f"(sha256 `{rules.classes_sha256}`)", "",
             "| source | license | class | documents | duties |", "|---|---|---|---|---|"]
    duties_seen: dict[str, list[str]] = defaultdict(list)
    for name, g in grouped.items():
        for expression, n in g["licenses"].items():
            keys = _keys(expression)
            classes = sorted({c for k in keys for c in classes_of(k, rules.classes)}) or ["unknown"]
            duties = source_duties(expression, rules) if expression != NOASSERTION else []
            for d in duties:
                duties_seen[d].append(name)
            lines.append(f"| {name} | {expression} | {', '.join(classes)} | {n} | {', '.join(duties) or '-'} |")
    lines += _evidence_lines(rows)
    lines += ["", "### Duties", ""]
    if "attribution" in duties_seen:
        lines.append(f"- Attribution: credit {len(set(duties_seen['attribution']))} source(s) as listed in "
                     "ATTRIBUTION.md, and say that the material was modified (anonymized).")
    if "share-alike" in duties_seen:
        lines.append(f"- Share-alike: material from {', '.join(sorted(set(duties_seen['share-alike'])))} "
                     "may only be shared under its own license; this dataset, if shared, carries that license.")
    for duty in ("non-commercial use only", "adaptations may not be shared", "use restrictions pass on to derived models"):
        if duty in duties_seen:
            lines.append(f"- {duty[0].upper() + duty[1:]}: {', '.join(sorted(set(duties_seen[duty])))}.")
    if not duties_seen:
        lines.append("- none")
    lines += ["", "### Steward license decisions", ""]
    used = [o for name, o in sorted(rules.overrides.items()) if name in grouped]
    lines += [f"- {o.source}: `{o.expression}` recorded by {o.reviewer}"
              + (f" on {str(o.decided_at)[:10]}" if o.decided_at else "")
              + (f" (audit seq {o.audit_seq})" if o.audit_seq is not None else "") + f": {o.reason}"
              for o in used] or ["- none"]
    return "\n".join(lines)
