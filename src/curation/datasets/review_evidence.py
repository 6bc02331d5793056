"""What a steward decides on: a sample, what was left out, and what changed.

A sample of each source's anonymized records with the placeholders marked, what was left out of
the dataset and why, and what changed since its last approved version.

Only anonymized text (the text the version holds), counts, types, reason codes and ids: nothing
raw. Rendered as Markdown for the review pause and its artifact.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from curation.catalog import Catalog

# Operator outputs: <PERSON>, <PERSON_3fa2c1>, <EMAIL_ADDRESS_…>; redactions leave nothing to mark.
PLACEHOLDER = re.compile(r"<[A-Z][A-Z0-9_]*?(?:_[0-9a-f]{4,64})?>")
_MARKDOWN = re.compile(r"([\\`*_\[\]<>|#])")


@dataclass
class Sample:
    doc_id: str
    source: str
    excerpt: str  # anonymized, cut at max_chars


@dataclass
class ReviewEvidence:
    version_id: str
    dataset: str
    samples: list[Sample]
    quarantined: dict[str, int]  # reason -> items of the dataset left out for it
    previous: str | None  # the last approved version of the dataset before this one
    sources: dict[str, tuple[int, int]] = field(default_factory=dict)  # source -> (before, now)
    pii: dict[str, tuple[int, int]] = field(default_factory=dict)  # type -> (before, now)
    licenses: dict[str, tuple[int, int]] = field(default_factory=dict)  # expression -> (before, now)
    added: int = 0
    removed: int = 0


def gather(catalog: Catalog, version: dict, *, per_source: int = 3, max_chars: int = 400) -> ReviewEvidence:
    doc_ids = catalog.version_doc_ids(version["version_id"])
    samples = [Sample(r["doc_id"], r["source"], _cut(r["text"] or "", max_chars))
               for r in catalog.sample_rows(doc_ids, per_source)]
    _, reasons = catalog.quarantine_by_reason(version["dataset"], 0)
    previous = _last_approved(catalog, version)
    before = catalog.version_doc_ids(previous["version_id"]) if previous else []
    evidence = ReviewEvidence(version["version_id"], version["dataset"], samples,
                              {r["reason"]: r["n"] for r in reasons}, previous["version_id"] if previous else None)
    now_profile, before_profile = catalog.documents_profile(doc_ids), catalog.documents_profile(before)
    evidence.sources = _pairs(Counter(r["source"] for r in before_profile), Counter(r["source"] for r in now_profile))
    evidence.licenses = _pairs(Counter(r["license"] for r in before_profile), Counter(r["license"] for r in now_profile))
    evidence.pii = _pairs(Counter(catalog.pii_totals(doc_ids=before)) if before else Counter(),
                          Counter(catalog.pii_totals(doc_ids=doc_ids)))
    evidence.added, evidence.removed = len(set(doc_ids) - set(before)), len(set(before) - set(doc_ids))
    return evidence


def _last_approved(catalog: Catalog, version: dict) -> dict | None:
    earlier = [v for v in catalog.versions() if v["dataset"] == version["dataset"] and v["status"] == "approved"
               and v["version_id"] != version["version_id"] and v["created_at"] <= version["created_at"]]
    return earlier[-1] if earlier else None


def _pairs(before: Counter, now: Counter) -> dict:
    return {k: (before.get(k, 0), now.get(k, 0)) for k in sorted(set(before) | set(now), key=str)}


def _cut(text: str, max_chars: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= max_chars else text[:max_chars].rsplit(" ", 1)[0] + " …"


def _esc(text: str) -> str:
    return _MARKDOWN.sub(r"\\\1", text)


def marked(excerpt: str) -> str:
    """Markdown of an excerpt: its own characters escaped, placeholders as inline code."""
    out, last = [], 0
    for m in PLACEHOLDER.finditer(excerpt):
        out.append(_esc(excerpt[last:m.start()]))
        out.append(f"`{m.group(0)}`")
        last = m.end()
    out.append(_esc(excerpt[last:]))
    return "".join(out)


def _delta(before: int, now: int) -> str:
    return f"{before} → {now} ({now - before:+d})"


def changes_markdown(ev: ReviewEvidence) -> list[str]:
    """The diff against the last approved version, as Markdown lines."""
    if ev.previous is None:
        return ["No earlier approved version of this dataset: everything is new."]
    lines = [f"Against the last approved version `{ev.previous[:16]}`: {ev.added} document(s) added, "
             f"{ev.removed} removed.", "", "| source | documents |", "|---|---|"]
    lines += [f"| {_esc(s)} | {_delta(*n)} |" for s, n in ev.sources.items() if n[0] != n[1]] \
        or ["| (no source changed) | |"]
    changed_pii = [f"{t} {_delta(*n)}" for t, n in ev.pii.items() if n[0] != n[1]]
    changed_lic = [f"{_esc(str(k))} {_delta(*n)}" for k, n in ev.licenses.items() if n[0] != n[1]]
    lines += ["", "- PII replaced: " + (", ".join(changed_pii) or "unchanged"),
              "- Licenses: " + (", ".join(changed_lic) or "unchanged")]
    return lines


def to_markdown(ev: ReviewEvidence) -> str:
    lines = [f"# Evidence for the review of `{ev.dataset}` version `{ev.version_id[:16]}`", "",
             "## What changed", "", *changes_markdown(ev), "",
             "## Left out of the dataset, by reason", ""]
    lines += [f"- {reason}: {n}" for reason, n in sorted(ev.quarantined.items())] or ["- nothing"]
    lines += ["", "## Sample of anonymized records (placeholders in `code`)", ""]
    by_source: dict[str, list[Sample]] = {}
    for s in ev.samples:
        by_source.setdefault(s.source, []).append(s)
    for source, samples in by_source.items():
        lines += [f"### {_esc(source)}", ""]
        lines += [f"- `{s.doc_id[:12]}` {marked(s.excerpt)}" for s in samples]
        lines.append("")
    return "\n".join(lines)
