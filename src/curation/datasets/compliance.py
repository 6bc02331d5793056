"""The compliance report of a dataset version, built from the catalog and the audit trail.

Sections follow Datasheets for Datasets (motivation, composition, collection, preprocessing,
uses, distribution, maintenance), then the EU AI Act Art. 10(2) items, the APPI processing
statement, and the review record with its audit seq and the signed checkpoint covering it.
Rendered to Markdown and to one self-contained HTML page (no external assets).
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from curation.audit.log import AuditLog
from curation.audit.signing import read_checkpoints
from curation.catalog import Catalog
from curation.datasets import appi
from curation.policy import Policy
from curation.training.eval_table import HEADER as EVAL_HEADER
from curation.training.eval_table import privacy_line, table_rows

Block = str | list[str] | tuple[list[str], list[list[str]]]  # paragraph | bullets | (header, rows)


@dataclass
class Section:
    title: str
    blocks: list[Block] = field(default_factory=list)
    children: list["Section"] = field(default_factory=list)


def build(catalog: Catalog, audit: AuditLog, version: dict, manifest: dict, policy: Policy) -> list[Section]:
    import pyarrow.parquet as pq

    rows = [r for shard in manifest["shards"] if (Path(version["path"]) / shard["name"]).exists()
            for r in pq.read_table(Path(version["path"]) / shard["name"],
                                   columns=["doc_id", "source", "language", "license"]).to_pylist()]
    by = {k: Counter(r[k] for r in rows) for k in ("source", "language", "license")}
    sources = {s["name"]: s for s in catalog.sources() if s["name"] in manifest["sources"]}
    outcomes = catalog.outcome_counts(version["dataset"], version["created_at"])
    pii = catalog.pii_totals(doc_ids=[r["doc_id"] for r in rows])
    expectations = catalog.expectations(version["check_run_id"])
    reviews = catalog.reviews(version["version_id"])
    runs = catalog.training_runs(version["version_id"])
    checkpoints = read_checkpoints(audit.checkpoints_path)
    ops = {e: policy.pii.operator_for(e).type for e in policy.pii.entities}
    quarantined = [o for o in outcomes if o["outcome"] == "quarantined"]
    held = [o for o in outcomes if o["outcome"] == "license_review"]

    def table(counter: Counter, name: str) -> tuple[list[str], list[list[str]]]:
        return [name, "documents"], [[str(k), str(v)] for k, v in sorted(counter.items())]

    source_rows = [[n, s["owner"] or "-", s["purpose"] or "-", s["license"] or "-", s["language"] or "-"]
                   for n, s in sorted(sources.items())]
    review_rows = []
    for r in reviews:
        cp = next((c for c in checkpoints if c.seq >= r["audit_seq"]), None)
        cp_text = f"seq {cp.seq}, hash {cp.hash[:16]}…, key {cp.key_id}, signed {cp.ts}" if cp else "none yet"
        review_rows.append([r["decision"], r["reviewer"], str(r["decided_at"])[:19], str(r["audit_seq"]),
                            cp_text, r["comment"] or ""])
    failed = [e for e in expectations if not e["success"]]
    evaluations = _evaluation_blocks(catalog, audit, version["version_id"], checkpoints)

    return [
        Section("Motivation", [
            f"Dataset `{version['dataset']}`, version `{version['version_id']}`, assembled to fine-tune a "
            "language model on the organisation's own documents.",
            [f"{n}: {s['purpose'] or 'purpose not declared'}" for n, s in sorted(sources.items())]]),
        Section("Composition", [
            f"{manifest['n_rows']} documents in {len(manifest['shards'])} Parquet shard(s).",
            table(by["source"], "source"), table(by["language"], "language"), table(by["license"], "license"),
            "Personal data replaced before storage, by entity type:",
            [f"{k}: {v}" for k, v in sorted(pii.items())] or ["none found"]]),
        Section("Collection process", [
            "Documents were dropped into an inbox folder per source; each source declares its license, owner, "
            "purpose and language in SOURCE.yaml.",
            (["source", "owner", "purpose", "license", "language"], source_rows),
            [f"ingest run {r['run_id'][:12]} started {str(r['started_at'])[:19]}" for r in
             catalog.ingest_runs(version["dataset"]) if str(r["started_at"]) <= str(version["created_at"])]]),
        Section("Preprocessing, cleaning, labelling", [
            "Text was normalised (Unicode NFC, line endings) and identified by the sha256 of the normalised text; "
            "exact duplicates were dropped. PII was detected with Presidio (spaCy/GiNZA NER and pattern "
            f"recognizers, threshold {policy.pii.score_threshold}) and replaced before anything was stored:",
            [f"{e}: {op}" for e, op in sorted(ops.items())],
            "Item outcomes (accepted, held for license review, duplicate, quarantined) by reason:",
            (["outcome", "reason", "items"], [[o["outcome"], o["reason"] or "-", str(o["n"])] for o in outcomes])]),
        Section("Uses", [
            "Intended use: fine-tuning and evaluating language models inside the organisation, for the purposes "
            "the sources declare. Not for re-identifying people: the text is pseudonymised, not anonymous.",
            f"Licenses of the included documents: {', '.join(manifest['licenses']) or 'none'}; their attribution "
            "and share-alike duties apply to derived models and outputs."]),
        Section("Distribution", [
            "Internal only. The version is pinned by the sha256 of its manifest; each shard's sha256 is in "
            "manifest.json and is re-checked before every training run."]),
        Section("Maintenance", [
            "Documents can be retracted (`curation retract`), which revokes every version holding them and lists "
            "models trained on them. Every step is recorded in a hash-chained, signed audit log "
            "(`curation audit verify`)."]),
        Section("EU AI Act Art. 10(2) data governance", [
            (["item", "record"], [
                ["(a) design choices", f"policy `{Path(policy.source_file).name}`, digest {version['policy_digest']}"],
                ["(b) origin and original purpose", "; ".join(f"{n} ({s['owner'] or '?'}): {s['purpose'] or '?'}"
                                                              for n, s in sorted(sources.items()))],
                ["(c) preparation steps", "normalisation, exact de-duplication, PII replacement, license "
                                          "classification, quality checks (see Preprocessing)"],
                ["(d) assumptions", "documents of the declared sources are representative of the intended use"],
                ["(e) suitability", f"{len(expectations) - len(failed)} of {len(expectations)} expectations passed"],
                ["(f) bias examination", "expectations over language mix, source share and residual PII; "
                                         "results in the table below"],
                ["(g) mitigation", "quarantine of failing documents; critical expectations block a version"],
                ["(h) data gaps", f"{sum(o['n'] for o in quarantined)} item(s) quarantined, "
                                  f"{sum(o['n'] for o in held)} held for license review; "
                                  f"languages present: {', '.join(sorted(by['language']))}"],
            ]),
            (["expectation", "severity", "result", "detail"],
             [[e["expectation"], e["severity"], "pass" if e["success"] else "FAIL", e["message"]] for e in expectations]),
        ]),
        Section("APPI processing statement (個人情報保護法)", appi.statement(policy.pii, dict(pii))),
        Section("Review record", [
            (["decision", "reviewer", "decided at", "audit seq", "covering checkpoint", "comment"], review_rows)
            if review_rows else "Not reviewed yet.",
            [f"model run {t['run_id'][:12]}: {t['status']} on {t['device']}, output {t['output_dir']}" for t in runs]
            or ["no model trained on this version yet"]]),
        Section("Model evaluations (curation evaluate)", evaluations or ["No model trained on this version has been "
                                                                        "evaluated yet."]),
    ]


def _evaluation_blocks(catalog: Catalog, audit: AuditLog, version_id: str, checkpoints) -> list[Block]:
    """Per evaluation of a model trained on the version: what was compared, the metrics table with
    its intervals, the privacy probe's verdict, and the audit record (with its covering checkpoint)."""
    rows = catalog.evaluations(version_id=version_id)
    if not rows:
        return []
    seqs = {r["data"].get("eval_id"): r["seq"] for r in audit.records() if r["event"] == "evaluation.finished"}
    blocks: list[Block] = []
    for row in rows:
        r = row["result"]
        seq = seqs.get(r["eval_id"])
        cp = next((c for c in checkpoints if seq is not None and c.seq >= seq), None)
        e = r["eval_set"]
        what = f"task set {e['path']} (sha256 {e['sha256'][:16]}…)" if e["kind"] == "file" else e["kind"]
        blocks += [
            f"Evaluation {r['eval_id'][:12]} of model run {r['run_id'][:12]}, {str(row['created_at'])[:19]}: "
            f"{r['status'].upper()}. {what}, {e['n_items']} items; base model {r['base_model']['name']} "
            f"({r['base_model']['how']}); audit seq {seq if seq is not None else '?'}, covering checkpoint "
            f"{f'seq {cp.seq}' if cp else 'none yet'}.",
            (EVAL_HEADER, table_rows(r["metrics"])),
            [privacy_line(r["privacy"]), *r["reasons"], *r["notes"]],
        ]
    return blocks


def to_markdown(title: str, sections: list[Section]) -> str:
    out = [f"# {title}", ""]
    for section in sections:
        out += [f"## {section.title}", ""]
        for block in section.blocks:
            if isinstance(block, str):
                out += [block, ""]
            elif isinstance(block, list):
                out += [f"- {item}" for item in block] + [""]
            else:
                header, rows = block
                cell = lambda v: str(v).replace("|", "/").replace("\n", " ")  # noqa: E731
                out += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
                out += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows] + [""]
    return "\n".join(out)


def to_html(title: str, sections: list[Section]) -> str:
    esc = html.escape
    out = ["<!doctype html><html lang='en'><head><meta charset='utf-8'>", f"<title>{esc(title)}</title>",
           "<style>body{font-family:system-ui,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;"
           "line-height:1.45}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #bbb;"
           "padding:.25em .5em;text-align:left;vertical-align:top}th{background:#f2f2f2}</style></head><body>",
           f"<h1>{esc(title)}</h1>"]
    for section in sections:
        out.append(f"<h2>{esc(section.title)}</h2>")
        for block in section.blocks:
            if isinstance(block, str):
                out.append(f"<p>{esc(block)}</p>")
            elif isinstance(block, list):
                out.append("<ul>" + "".join(f"<li>{esc(str(i))}</li>" for i in block) + "</ul>")
            else:
                header, rows = block
                out.append("<table><tr>" + "".join(f"<th>{esc(h)}</th>" for h in header) + "</tr>"
                           + "".join("<tr>" + "".join(f"<td>{esc(str(v))}</td>" for v in row) + "</tr>" for row in rows)
                           + "</table>")
    out.append("</body></html>")
    return "\n".join(out)


def write(catalog: Catalog, audit: AuditLog, version: dict, manifest: dict, policy: Policy,
          out_html: Path) -> tuple[Path, Path]:
    """Write `<out>.html` and `<out>.md`; returns both paths."""
    sections = build(catalog, audit, version, manifest, policy)
    title = f"Compliance report: {version['dataset']} {version['version_id'][:12]}"
    out_html = Path(out_html)
    out_html.parent.mkdir(parents=True, exist_ok=True)
    out_html.write_text(to_html(title, sections), encoding="utf-8")
    out_md = out_html.with_suffix(".md")
    out_md.write_text(to_markdown(title, sections), encoding="utf-8")
    return out_html, out_md
