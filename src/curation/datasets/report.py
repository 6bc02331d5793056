"""Dataset cards (Hugging Face layout) and the self-contained HTML report of a version.

The HTML report is one file with inline CSS and inline SVG charts: no script, font, style sheet
or image is fetched from anywhere, so it renders the same on an offline network. It shows the
version's composition (documents by source, license, language), PII replaced by type, the length
histogram, each dataset-level bias/quality metric against its bounds, every expectation, and the
failing doc_ids with their reasons. `checks_markdown` and `failing_documents` give the same
content for Prefect markdown and table artifacts.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from itertools import pairwise
from pathlib import Path

import yaml

from curation.datasets import appi, release_gate
from curation.policy import Policy


def _size_category(n: int) -> str:
    for limit, name in ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M")):
        if n < limit:
            return name
    return "n>1M"


def _card_license(licenses: list[str]) -> dict:
    if len(licenses) == 1 and " " not in licenses[0]:
        return {"license": licenses[0].lower()}
    return {"license": "other", "license_name": " AND ".join(f"({x})" for x in licenses) or "unknown"}


def dataset_card(manifest: dict, rows: list[dict], stats: dict, policy: Policy) -> str:
    """README.md for a version: YAML header (license, language, size) + the sections a reviewer needs."""
    header = {
        **_card_license(manifest["licenses"]),
        "language": manifest["languages"],
        "size_categories": [_size_category(manifest["n_rows"])],
        "source_datasets": manifest["sources"],
        "pretty_name": f"{manifest['dataset']} {manifest['version_id'][:12]}",
        "tags": ["curation", "anonymized"],
    }
    per_source: dict[str, int] = {}
    for row in rows:
        per_source[row["source"]] = per_source.get(row["source"], 0) + 1
    lines = ["---", yaml.safe_dump(header, sort_keys=True, allow_unicode=True).strip(), "---", "",
             f"# Dataset card: {manifest['dataset']}", "",
             f"- Version id: `{manifest['version_id']}` (sha256 of manifest.json's content)",
             f"- Documents: {manifest['n_rows']} in {len(manifest['shards'])} shard(s)",
             f"- Policy: `{policy.source_file}` (digest `{policy.digest}`)",
             "- Status at creation: pending_review (only an approved version can be trained on)", "",
             "## Composition", "", "| source | documents |", "|---|---|"]
    lines += [f"| {s} | {n} |" for s, n in sorted(per_source.items())]
    lines += ["", "## Personal and Sensitive Information", "",
              "Text was anonymized with Presidio before it reached the catalog; entity spans were "
              "replaced according to the policy's operators. Entities replaced, by type:", ""]
    lines += [f"- {t}: {n}" for t, n in sorted(stats.get("pii", {}).items())] or ["- none found"]
    lines += ["", "Anonymized text can still be personal data (GDPR Art. 4(5)); treat it as such.", ""]
    lines += release_gate.card_section(stats.get("release_gate"))
    lines += ["## APPI processing statement (個人情報保護法)", ""]
    lines += appi.to_markdown(appi.statement(policy.pii, stats.get("pii", {})))
    lines += bias_section(stats.get("outcomes", []))
    lines += ["## Quality checks (Great Expectations)", "", "| expectation | severity | result | detail |",
              "|---|---|---|---|"]
    for o in stats.get("outcomes", []):
        lines.append(f"| {o['name']} | {o['severity']} | {verdict(o)} | "
                     f"{o['message'].replace('|', '/')} |")
    if stats.get("licenses"):
        lines += ["", stats["licenses"]]
    held = stats.get("held_for_review", [])
    lines += ["", "## Held out for license review", ""]
    lines += [f"- {h['source']}: {h['n']} document(s) under {h['license_expression']}" for h in held] or ["- none"]
    lines += ["", "## Files", "", "| shard | rows | sha256 |", "|---|---|---|"]
    lines += [f"| {s['name']} | {s['rows']} | `{s['sha256']}` |" for s in manifest["shards"]]
    return "\n".join(lines) + "\n"


def _json(value):
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _name(e: dict) -> str:
    return e.get("expectation") or e.get("name") or "?"


def _metric_rows(e: dict) -> list[dict] | None:
    """The rows of a dataset-level metric outcome (bias.explain), None for a per-document one."""
    observed = _json(e.get("observed"))
    return observed["rows"] if isinstance(observed, dict) and isinstance(observed.get("rows"), list) else None


def verdict(e: dict) -> str:
    """PASS, FAIL or NOT JUDGED, in words (a mark needs an emoji font, and a metric that could not
    be judged, e.g. too few documents to measure, is not a pass)."""
    rows = _metric_rows(e)
    if rows and not any(r.get("judged", True) for r in rows):
        return "NOT JUDGED"
    return "PASS" if e.get("success") else "FAIL"


def _pct(value) -> str:
    return "n/a" if value is None else f"{value:.1%}"


def _bounds_text(lo, hi) -> str:
    if hi == 0:
        return "none allowed"
    if lo in (None, 0) and hi is not None:
        return f"≤ {_pct(hi)}"
    if hi in (None, 1) and lo is not None:
        return f"≥ {_pct(lo)}"
    return "any" if lo is None else f"{_pct(lo)} – {_pct(hi)}"


def bias_section(outcomes: list[dict]) -> list[str]:
    """Markdown lines: each dataset-level metric against its bounds (EU AI Act Art. 10(2)(f) bias
    examination); empty when the outcomes hold none."""
    metric_outcomes = [(o, rows) for o in outcomes if (rows := _metric_rows(o)) is not None]
    if not metric_outcomes:
        return []
    lines = ["## Bias and quality metrics", "",
             "Dataset-level metrics computed over the documents of this version and validated with Great "
             "Expectations (policies/expectations/dataset.yaml); bounds come from the policy.", "",
             "| metric | measured | value | allowed | result |", "|---|---|---|---|---|"]
    for o, rows in metric_outcomes:
        for r in rows:
            result = "NOT JUDGED" if not r.get("judged", True) else ("PASS" if r["passed"] else
                                                                      f"FAIL ({o['severity']})")
            lines.append(f"| {_name(o)} | {r['label']}: {r['detail']} | {_pct(r['value'])} | "
                         f"{_bounds_text(r['min'], r['max'])} | {result} |".replace("\n", " "))
    return lines + [""]


# ---- failing documents (HTML table, Prefect table artifact) --------------------------------------
_PHRASE = re.compile(r"^\d+ of \d+ documents (.*?)(?::\s|$)")


def _reason(e: dict) -> str:
    message = e.get("message") or ""
    if _metric_rows(e) is not None:
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
        for doc_id in _json(e.get("unexpected_doc_ids")) or []:
            row = by_doc.setdefault(doc_id, {"doc_id": doc_id, "severity": "warning", "reasons": []})
            row["reasons"].append(f"{_name(e)}: {_reason(e)}")
            if e.get("severity") == "critical":
                row["severity"] = "critical"
    rows = sorted(by_doc.values(), key=lambda r: (r["severity"] != "critical", r["doc_id"]))
    return rows[:limit] if limit else rows


def checks_markdown(expectations: list[dict]) -> str:
    """Markdown of a check run for a Prefect artifact: blocking failures, warnings, metrics vs bounds."""
    failed = [e for e in expectations if not e.get("success")]
    critical = [e for e in failed if e.get("severity") == "critical"]
    lines = [f"## Checks: {len(expectations) - len(failed)} of {len(expectations)} expectations pass", ""]
    lines += ["### Blocking (critical)", *([f"- FAIL **{_name(e)}**: {e['message']}" for e in critical] or ["- none"]),
              "", "### Warnings",
              *([f"- WARNING {_name(e)}: {e['message']}" for e in failed if e not in critical] or ["- none"]), ""]
    lines += bias_section([{**e, "name": _name(e)} for e in expectations])
    docs = failing_documents(expectations)
    if docs:
        lines += [f"{len(docs)} document(s) named by failed expectations (table artifact and HTML report)."]
    return "\n".join(lines)


# ---- inline SVG charts ------------------------------------------------------------------------------
_W, _LABEL, _BAR, _ROW = 800, 200, 380, 22
_COLOURS = {"pass": "#2e7d32", "critical": "#c62828", "warning": "#ef6c00", "neutral": "#4a6fa5",
            "band": "#c8e6c9", "muted": "#9e9e9e"}


def _svg(height: int, body: list[str], title: str) -> str:
    esc = html.escape
    return (f"<svg role='img' aria-label='{esc(title)}' width='{_W}' "
            f"height='{height}' viewBox='0 0 {_W} {height}' font-size='12'>" + "".join(body) + "</svg>")


def bar_chart(title: str, items: list[tuple[str, float]], unit: str = "documents") -> str:
    """Horizontal bars, largest first; one row per item, the count written after the bar."""
    esc = html.escape
    if not items:
        return f"<p class='muted'>{esc(title)}: none.</p>"
    items = sorted(items, key=lambda kv: (-kv[1], kv[0]))
    top = max(v for _, v in items) or 1
    body = []
    for i, (label, value) in enumerate(items):
        y = 8 + i * _ROW
        width = max(1.0, _BAR * value / top)
        body.append(f"<text x='{_LABEL - 8}' y='{y + 14}' text-anchor='end'>{esc(str(label)[:34])}</text>"
                    f"<rect x='{_LABEL}' y='{y + 3}' width='{width:.1f}' height='{_ROW - 6}' "
                    f"fill='{_COLOURS['neutral']}'><title>{esc(str(label))}: {value:g} {unit}</title></rect>"
                    f"<text x='{_LABEL + width + 6:.1f}' y='{y + 14}'>{value:g}</text>")
    return f"<figure><figcaption>{esc(title)}</figcaption>{_svg(16 + len(items) * _ROW, body, title)}</figure>"


def length_edges(longest: int) -> list[int]:
    """Bin edges 0, 10, 20, 50, 100, 200, 500, ... up past `longest` (characters)."""
    edges, k = [0], 1
    while edges[-1] <= longest:
        edges.append([1, 2, 5][(k - 1) % 3] * 10 ** ((k - 1) // 3 + 1))
        k += 1
    return edges


def histogram(title: str, values: list[int]) -> str:
    """Column chart of document lengths over 1-2-5 bins."""
    esc = html.escape
    if not values:
        return f"<p class='muted'>{esc(title)}: no documents.</p>"
    edges = length_edges(max(values))
    counts = [sum(1 for v in values if lo <= v < hi) for lo, hi in pairwise(edges)]
    while len(counts) > 1 and counts[0] == 0:  # lengths start at the policy's minimum: drop empty bins
        counts, edges = counts[1:], edges[1:]
    top, n = max(counts) or 1, len(counts)
    col, height, base = (_W - 60) / n, 220, 180
    body = [f"<line x1='40' y1='{base}' x2='{_W - 10}' y2='{base}' stroke='#555'/>"]
    for i, c in enumerate(counts):
        h = (base - 20) * c / top
        x = 40 + i * col
        label = f"{edges[i]:,}–{edges[i + 1]:,}"
        body.append(f"<rect x='{x + 2:.1f}' y='{base - h:.1f}' width='{col - 4:.1f}' height='{h:.1f}' "
                    f"fill='{_COLOURS['neutral']}'><title>{label} characters: {c} documents</title></rect>")
        if c:
            body.append(f"<text x='{x + col / 2:.1f}' y='{base - h - 4:.1f}' text-anchor='middle'>{c}</text>")
        body.append(f"<text x='{x + col / 2:.1f}' y='{base + 14}' text-anchor='middle' font-size='10'>"
                    f"{edges[i]:,}</text>")
    body.append(f"<text x='{_W / 2}' y='{height - 6}' text-anchor='middle'>characters (bin start; "
                f"anonymized text)</text>")
    return f"<figure><figcaption>{esc(title)}</figcaption>{_svg(height, body, title)}</figure>"


def metric_chart(e: dict) -> str:
    """One dataset-level metric: per row, a 0–100 % track with the allowed band shaded and the
    measured value marked, green when within bounds, red/orange (by severity) when not."""
    esc = html.escape
    rows = _metric_rows(e) or []
    name = _name(e)
    if not rows:
        return f"<p class='muted'>{esc(name)}: nothing to measure.</p>"
    body = []
    for i, r in enumerate(rows):
        y = 8 + i * _ROW
        lo = 0.0 if r["min"] is None else r["min"]
        hi = 1.0 if r["max"] is None else r["max"]
        x0, x1 = _LABEL + _BAR * lo, _LABEL + _BAR * hi
        body.append(f"<text x='{_LABEL - 8}' y='{y + 14}' text-anchor='end'><title>{esc(str(r['label']))}</title>"
                    f"{esc(str(r['key'])[:30])}</text>"
                    f"<rect x='{_LABEL}' y='{y + 8}' width='{_BAR}' height='4' fill='#e0e0e0'/>"
                    f"<rect x='{x0:.1f}' y='{y + 3}' width='{max(x1 - x0, 1.5):.1f}' height='{_ROW - 6}' "
                    f"fill='{_COLOURS['band']}'><title>allowed {esc(_bounds_text(r['min'], r['max']))}</title></rect>")
        if r["value"] is None or not r.get("judged", True):
            body.append(f"<text x='{_LABEL + _BAR + 8}' y='{y + 14}' fill='{_COLOURS['muted']}'>not judged</text>")
            continue
        colour = _COLOURS["pass"] if r["passed"] else _COLOURS[e.get("severity", "warning")]
        x = _LABEL + _BAR * min(max(r["value"], 0.0), 1.0)
        body.append(f"<rect x='{x - 2:.1f}' y='{y + 1}' width='4' height='{_ROW - 2}' fill='{colour}'>"
                    f"<title>{esc(r['detail'])}</title></rect>"
                    f"<text x='{_LABEL + _BAR + 8}' y='{y + 14}' fill='{colour}'>{_pct(r['value'])} "
                    f"(allowed {esc(_bounds_text(r['min'], r['max']))})</text>")
    ok = verdict(e) if e.get("success") else f"FAIL ({e.get('severity')})"
    title = f"{name}: {ok}"
    return (f"<figure><figcaption><b>{esc(title)}</b> — {esc(e.get('message') or '')}</figcaption>"
            f"{_svg(16 + len(rows) * _ROW, body, title)}</figure>")


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


def card_html(card_markdown: str) -> str:
    """The dataset card's Markdown as HTML (its YAML header as a code block). Raw HTML in the card
    is escaped, not rendered: the card quotes source names and license texts."""
    from markdown_it import MarkdownIt

    text = card_markdown
    if text.startswith("---\n") and (end := text.find("\n---\n", 4)) != -1:
        text = "```yaml\n" + text[4:end] + "\n```\n" + text[end + 5:]
    return MarkdownIt("commonmark", {"html": False}).enable("table").render(text)


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
    metric_outcomes = [e for e in expectations if _metric_rows(e) is not None]
    parts += [metric_chart(e) for e in metric_outcomes] or ["<p class='muted'>No dataset-level metric was "
                                                            "recorded for this check run.</p>"]
    parts.append("<h2>Expectations</h2><table><tr><th>expectation</th><th>severity</th><th>result</th>"
                 "<th>documents</th><th>detail</th></tr>")
    for e in sorted(expectations, key=lambda e: (e["success"], e["severity"] != "critical", _name(e))):
        cls = "pass" if e["success"] else ("fail" if e["severity"] == "critical" else "warn")
        ids = _json(e.get("unexpected_doc_ids")) or []
        parts.append(f"<tr><td>{esc(_name(e))}</td><td>{esc(e['severity'])}</td>"
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
