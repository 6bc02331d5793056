"""The dataset card of a version: README.md in the Hugging Face layout, and its Markdown as HTML.

The card is written once, into the version's folder, when the version is built (versions.py); the
HTML report shows it at its end (report.py).
"""

from __future__ import annotations

import yaml

from curation.datasets import appi, release_gate
from curation.datasets.check_outcomes import bias_section, verdict
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


def card_html(card_markdown: str) -> str:
    """The dataset card's Markdown as HTML (its YAML header as a code block). Raw HTML in the card
    is escaped, not rendered: the card quotes source names and license texts."""
    from markdown_it import MarkdownIt

    text = card_markdown
    if text.startswith("---\n") and (end := text.find("\n---\n", 4)) != -1:
        text = "```yaml\n" + text[4:end] + "\n```\n" + text[end + 5:]
    return MarkdownIt("commonmark", {"html": False}).enable("table").render(text)
