"""Dataset cards (Hugging Face layout) and the self-contained HTML report of a version."""

from __future__ import annotations

import html
import json
from pathlib import Path

import yaml

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
    lines += ["", "Anonymized text can still be personal data (GDPR Art. 4(5)); treat it as such.", "",
              "## Quality checks (Great Expectations)", "", "| expectation | severity | result | detail |",
              "|---|---|---|---|"]
    for o in stats.get("outcomes", []):
        lines.append(f"| {o['name']} | {o['severity']} | {'pass' if o['success'] else 'FAIL'} | "
                     f"{o['message'].replace('|', '/')} |")
    if stats.get("licenses"):
        lines += ["", stats["licenses"]]
    held = stats.get("held_for_review", [])
    lines += ["", "## Held out for license review", ""]
    lines += [f"- {h['source']}: {h['n']} document(s) under {h['license_expression']}" for h in held] or ["- none"]
    lines += ["", "## Files", "", "| shard | rows | sha256 |", "|---|---|---|"]
    lines += [f"| {s['name']} | {s['rows']} | `{s['sha256']}` |" for s in manifest["shards"]]
    return "\n".join(lines) + "\n"


def html_report(version: dict, manifest: dict, card_markdown: str, expectations: list[dict],
                reviews: list[dict], training_runs: list[dict]) -> str:
    """One self-contained HTML page (inline CSS, no external assets) describing a version."""
    esc = html.escape
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'>",
        f"<title>Dataset version {esc(version['version_id'][:12])}</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}"
        ".fail{color:#b00;font-weight:bold}.pass{color:#070}pre{background:#f6f6f6;padding:1em;overflow:auto}</style>",
        "</head><body>",
        f"<h1>Dataset {esc(version['dataset'])} — version {esc(version['version_id'][:12])}</h1>",
        f"<p>Status: <b>{esc(version['status'])}</b>. Documents: {version['n_rows']}. "
        f"Policy digest: <code>{esc(version['policy_digest'])}</code></p>",
        "<h2>Expectations</h2><table><tr><th>expectation</th><th>severity</th><th>result</th>"
        "<th>observed</th><th>documents</th><th>detail</th></tr>",
    ]
    for e in expectations:
        cls = "pass" if e["success"] else "fail"
        parts.append(f"<tr><td>{esc(e['expectation'])}</td><td>{esc(e['severity'])}</td>"
                     f"<td class='{cls}'>{'pass' if e['success'] else 'FAIL'}</td>"
                     f"<td>{esc(str(e['observed']))}</td><td>{esc(', '.join(json.loads(e['unexpected_doc_ids'] or '[]'))[:300])}</td>"
                     f"<td>{esc(e['message'])}</td></tr>")
    parts.append("</table><h2>Review</h2><ul>")
    parts += [f"<li>{esc(r['decision'])} by {esc(r['reviewer'])} at {esc(str(r['decided_at']))} "
              f"(audit seq {r['audit_seq']}): {esc(r['comment'] or '')}</li>" for r in reviews] or ["<li>none yet</li>"]
    parts.append("</ul><h2>Models trained on this version</h2><ul>")
    parts += [f"<li>{esc(t['run_id'])}: {esc(t['status'])} on {esc(str(t['device']))}, output "
              f"{esc(str(t['output_dir']))}</li>" for t in training_runs] or ["<li>none yet</li>"]
    parts += ["</ul><h2>Dataset card</h2>", f"<pre>{esc(card_markdown)}</pre>", "</body></html>"]
    return "\n".join(parts)


def write_html_report(path: Path, **kwargs) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html_report(**kwargs), encoding="utf-8")
    return path
