"""The self-contained HTML report of a dataset version, and the same checks as Prefect artifacts.

The HTML report is one file with inline CSS and inline SVG charts (charts.py): no script, font,
style sheet or image is fetched from anywhere, so it renders the same on an offline network. It
shows the version's composition (documents by source, license, language), PII replaced by type,
the length histogram, each dataset-level bias/quality metric against its bounds, every
expectation, the failing doc_ids with their reasons, and the dataset card (card.py).
`checks_markdown` and `failing_documents` give the same content for Prefect markdown and table
artifacts.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path

from curation.datasets.card import card_html
from curation.datasets.charts import bar_chart, histogram, metric_chart
from curation.datasets.check_outcomes import (
    bias_section,
    from_json,
    metric_rows,
    outcome_name,
    verdict,
)

# ---- failing documents (HTML table, Prefect table artifact) --------------------------------------
_PHRASE = re.compile(r"^\d+ of \d+ documents (.*?)(?::\s|$)")


def _reason(e: dict) -> str:
    message = e.get("message") or ""
    if metric_rows(e) is not None:
        return message.split(" — ")[0]
    m = _PHRASE.match(message)
    return m.group(1) if m else message


def failing_documents(expectations: list[dict], limit: int | None = None) -> list[dict]:
    """One row per document named by a failed expectation: doc_id, severity (critical when any
    failure is), and the reasons as "expectation: sentence"; critical documents first."""
    by_doc: dict[str, dict] = {}
    for e in expectations:
        if e.get("success"):
            continue
        for doc_id in from_json(e.get("unexpected_doc_ids")) or []:
            row = by_doc.setdefault(doc_id, {"doc_id": doc_id, "severity": "warning", "reasons": []})
            row["reasons"].append(f"{outcome_name(e)}: {_reason(e)}")
            if e.get("severity") == "critical":
                row["severity"] = "critical"
    rows = sorted(by_doc.values(), key=lambda r: (r["severity"] != "critical", r["doc_id"]))
    return rows[:limit] if limit else rows


def checks_markdown(expectations: list[dict]) -> str:
    """Markdown of a check run for a Prefect artifact: blocking failures, warnings, metrics vs bounds."""
    failed = [e for e in expectations if not e.get("success")]
    critical = [e for e in failed if e.get("severity") == "critical"]
    lines = [f"## Checks: {len(expectations) - len(failed)} of {len(expectations)} expectations pass", ""]
    lines += ["### Blocking (critical)", *([f"- FAIL **{outcome_name(e)}**: {e['message']}" for e in critical] or ["- none"]),
              "", "### Warnings",
              *([f"- WARNING {outcome_name(e)}: {e['message']}" for e in failed if e not in critical] or ["- none"]), ""]
    lines += bias_section([{**e, "name": outcome_name(e)} for e in expectations])
    docs = failing_documents(expectations)
    if docs:
        lines += [f"{len(docs)} document(s) named by failed expectations (table artifact and HTML report)."]
    return "\n".join(lines)


# ---- the page ---------------------------------------------------------------------------------
# Japanese text needs a Japanese font in the stack: Noto Sans CJK JP (Debian fonts-noto-cjk), Hiragino
# (macOS), Yu Gothic and Meiryo (Windows); without one, a browser may draw empty boxes.
_FONTS = ("system-ui,-apple-system,'Segoe UI','Noto Sans CJK JP','Noto Sans JP','Hiragino Sans',"
          "'Hiragino Kaku Gothic ProN','Yu Gothic',YuGothic,Meiryo,sans-serif")
_CSS = ("body{font-family:" + _FONTS + ";max-width:1000px;margin:2em auto;"
        "padding:0 1em;color:#222}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;"
        "padding:.3em .6em;text-align:left;vertical-align:top}th{background:#f3f3f3}.fail{color:#b00;"
        "font-weight:bold}.warn{color:#b45f00;font-weight:bold}.pass{color:#070}.muted{color:#777}"
        "pre{background:#f6f6f6;padding:1em;overflow:auto;white-space:pre-wrap}figure{margin:1em 0}"
        "figcaption{margin-bottom:.3em}code{font-size:90%}.cards{display:flex;gap:1em;flex-wrap:wrap}"
        ".card{border:1px solid #ddd;border-radius:6px;padding:.6em 1em}.card b{font-size:1.4em;display:block}")


def html_report(version: dict, manifest: dict, card_markdown: str, expectations: list[dict],
                reviews: list[dict], training_runs: list[dict], profile: list[dict] | None = None,
                pii: dict[str, int] | None = None, max_failing_rows: int = 1000) -> str:
    """One self-contained HTML page (inline CSS and SVG, no external assets) describing a version.
    `profile`: per-document rows (source, language, license, n_chars) of the version's documents;
    `pii`: entities replaced by type (catalog.documents_profile, catalog.pii_totals)."""
    esc = html.escape
    profile = profile or []
    failed = [e for e in expectations if not e["success"]]
    critical = [e for e in failed if e["severity"] == "critical"]
    docs = failing_documents(expectations)
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>Dataset version {esc(version['version_id'][:12])}</title><style>{_CSS}</style></head><body>",
        f"<h1>Dataset {esc(version['dataset'])} — version {esc(version['version_id'][:12])}</h1>",
        f"<p>Status: <b>{esc(version['status'])}</b>. Documents: {version['n_rows']}. Policy digest: "
        f"<code>{esc(version['policy_digest'])}</code>. Check run: <code>{esc(str(version.get('check_run_id')))}"
        "</code>.</p><div class='cards'>",
        f"<div class='card'><b>{version['n_rows']}</b>documents</div>",
        f"<div class='card'><b>{len(expectations) - len(failed)}/{len(expectations)}</b>expectations pass</div>",
        f"<div class='card'><b class='{'fail' if critical else 'pass'}'>{len(critical)}</b>critical failures</div>",
        f"<div class='card'><b class='{'warn' if failed else 'pass'}'>{len(failed) - len(critical)}</b>warnings</div>",
        f"<div class='card'><b>{len(docs)}</b>documents flagged</div></div>",
        "<h2>Composition</h2>",
    ]
    if profile:
        for key, label in (("source", "Documents by source"), ("license", "Documents by license"),
                           ("language", "Documents by language")):
            parts.append(bar_chart(label, list(Counter(str(p.get(key)) for p in profile).items())))
    else:
        parts.append("<p class='muted'>Per-document rows are not available for this version (shards purged "
                     f"or catalog not given); sources: {esc(', '.join(manifest.get('sources', [])))}.</p>")
    parts += ["<h2>Personal data replaced</h2>",
              bar_chart("PII entities replaced, by type", list((pii or {}).items()), "entities"),
              "<p class='muted'>Counts of spans anonymized in this version's documents before the text reached "
              "the catalog (an ingest summary counts every document the run anonymized, including those held "
              "for license review, so its totals can be higher); anonymized text can still be personal "
              "data (GDPR Art. 4(5)).</p>",
              "<h2>Document length</h2>",
              histogram("Documents by length in characters", [int(p["n_chars"]) for p in profile
                                                             if p.get("n_chars") is not None]),
              "<h2>Bias and quality metrics</h2>",
              "<p>Each dataset-level metric against the bounds the policy sets (shaded band); the mark is "
              "the measured value.</p>"]
    metric_outcomes = [e for e in expectations if metric_rows(e) is not None]
    parts += [metric_chart(e) for e in metric_outcomes] or ["<p class='muted'>No dataset-level metric was "
                                                            "recorded for this check run.</p>"]
    parts.append("<h2>Expectations</h2><table><tr><th>expectation</th><th>severity</th><th>result</th>"
                 "<th>documents</th><th>detail</th></tr>")
    for e in sorted(expectations, key=lambda e: (e["success"], e["severity"] != "critical", outcome_name(e))):
        cls = "pass" if e["success"] else ("fail" if e["severity"] == "critical" else "warn")
        ids = from_json(e.get("unexpected_doc_ids")) or []
        parts.append(f"<tr><td>{esc(outcome_name(e))}</td><td>{esc(e['severity'])}</td>"
                     f"<td class='{cls}'>{verdict(e)}</td><td>{len(ids) or ''}</td>"
                     f"<td>{esc(e['message'] or '')}</td></tr>")
    parts.append("</table>")
    parts.append(f"<h2>Failing documents ({len(docs)})</h2>")
    if docs:
        shown = docs[:max_failing_rows]
        parts.append("<table><tr><th>doc_id</th><th>severity</th><th>reasons</th></tr>")
        parts += [f"<tr><td><code>{esc(d['doc_id'])}</code></td><td class='{'fail' if d['severity'] == 'critical' else 'warn'}'>"
                  f"{esc(d['severity'])}</td><td>{'<br>'.join(esc(r) for r in d['reasons'])}</td></tr>" for d in shown]
        parts.append("</table>")
        if len(docs) > len(shown):
            parts.append(f"<p class='muted'>{len(docs) - len(shown)} more in the catalog table "
                         "expectation_results.</p>")
    else:
        parts.append("<p class='pass'>No document is named by a failed expectation.</p>")
    parts.append("<h2>Review</h2><ul>")
    parts += [f"<li>{esc(r['decision'])} by {esc(r['reviewer'])} at {esc(str(r['decided_at']))} "
              f"(audit seq {r['audit_seq']}): {esc(r['comment'] or '')}</li>" for r in reviews] or ["<li>none yet</li>"]
    parts.append("</ul><h2>Models trained on this version</h2><ul>")
    parts += [f"<li>{esc(t['run_id'])}: {esc(t['status'])} on {esc(str(t['device']))}, output "
              f"{esc(str(t['output_dir']))}</li>" for t in training_runs] or ["<li>none yet</li>"]
    parts += ["</ul><h2 id='dataset-card'>Dataset card</h2>", f"<div class='card-md'>{card_html(card_markdown)}</div>", "</body></html>"]
    return "\n".join(parts)


def write_html_report(path: Path, catalog=None, **kwargs) -> Path:
    """Write `html_report(**kwargs)` to `path`. The composition, PII and length charts are read
    from `catalog` (default: the workspace's, CURATION_HOME) unless `profile`/`pii` are given."""
    if "profile" not in kwargs or "pii" not in kwargs:
        if catalog is None:
            from curation.workspace import Workspace

            catalog = Workspace.from_env().catalog()
        doc_ids = catalog.version_doc_ids(kwargs["version"]["version_id"])
        kwargs.setdefault("profile", catalog.documents_profile(doc_ids) if doc_ids else [])
        kwargs.setdefault("pii", catalog.pii_totals(doc_ids=doc_ids) if doc_ids else {})
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html_report(**kwargs), encoding="utf-8")
    return path
