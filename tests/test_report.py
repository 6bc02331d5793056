"""The version report: one self-contained HTML page with inline SVG charts, the same content as
Markdown/table for Prefect artifacts, and the bias section of the dataset card."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_bias import (
    DATASET,
    _male_only,
    _near_duplicates,
    balanced,
    fill,
    policy_for_tests,
)
from typer.testing import CliRunner

from curation.audit.log import AuditLog
from curation.cli import app
from curation.datasets import charts, report, versions


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A version with warnings (male-only gendered terms, near-duplicates) and PII counts."""
    root = tmp_path_factory.mktemp("report")
    catalog = __import__("curation.catalog", fromlist=["Catalog"]).Catalog(root / "data" / "catalog.duckdb")
    policy = policy_for_tests()
    ids = fill(catalog, _near_duplicates(_male_only(balanced())), policy, {"license_missing": 3},
               pii={"PERSON": 7, "EMAIL_ADDRESS": 2})
    result = versions.build_version(catalog, DATASET, policy, root / "data" / "datasets", AuditLog(root / "audit"))
    assert result.status == "pending_review"
    version = catalog.version(result.version_id)
    manifest = versions.verify_version(Path(version["path"]))
    page = report.html_report(
        version=version, manifest=manifest, card_markdown=(Path(version["path"]) / "README.md").read_text(),
        expectations=catalog.expectations(version["check_run_id"]), reviews=[], training_runs=[],
        profile=catalog.documents_profile(ids), pii=catalog.pii_totals(doc_ids=ids))
    return root, catalog, version, ids, page


def test_report_loads_nothing_from_outside(built):
    page = built[4]
    for forbidden in ("<script", "<link", "http://", "https://", "url(", "@import", "src=", "<img", "<iframe"):
        assert forbidden not in page.lower(), forbidden
    assert page.count("<svg") >= 6


def test_report_charts_composition_pii_lengths_and_every_metric(built):
    page = built[4]
    for caption in ("Documents by source", "Documents by license", "Documents by language",
                    "PII entities replaced, by type", "Documents by length in characters"):
        assert f"<figcaption>{caption}</figcaption><svg" in page
    assert "PERSON: 7 entities" in page and "EMAIL_ADDRESS: 2 entities" in page
    assert "crm: 12 documents" in page  # 10 + 2 near-duplicate copies (sources rotate)
    for metric in ("gendered_term_ratio", "source_share", "language_mix_min", "language_mix_max", "toxicity_rate",
                   "near_duplicate_rate", "quarantine_share"):
        assert re.search(rf"<figcaption><b>{metric}: (PASS|FAIL|NOT JUDGED)", page), metric
    assert "<b>gendered_term_ratio: FAIL (warning)</b>" in page
    assert "<b>toxicity_rate: PASS</b>" in page


def test_report_lists_failing_documents_with_their_reasons(built):
    _, catalog, version, ids, page = built
    copies = ids[40:48]
    assert "Failing documents (" in page
    for doc_id in copies:
        row = re.search(rf"<code>{doc_id}</code>.*?</tr>", page, re.DOTALL).group(0)
        assert "near_duplicate_rate:" in row and "gendered_term_ratio:" in row
    docs = report.failing_documents(catalog.expectations(version["check_run_id"]))
    assert {d["doc_id"] for d in docs} >= set(copies)
    assert all(d["severity"] == "warning" for d in docs)


def test_checks_markdown_for_prefect_artifacts(built):
    _, catalog, version, _, _ = built
    md = report.checks_markdown(catalog.expectations(version["check_run_id"]))
    assert "### Blocking (critical)\n- none" in md
    assert "WARNING near_duplicate_rate: Share of redundant near-duplicate documents" in md
    assert "| near_duplicate_rate | near-duplicate documents: 8 of 48 documents" in md
    assert "https://" not in md


def test_dataset_card_has_a_bias_section_with_bounds(built):
    card = (Path(built[2]["path"]) / "README.md").read_text()
    section = card.split("## Bias and quality metrics")[1].split("## ")[0]
    assert "| gendered_term_ratio | female terms (all): 0 female and 96 male terms in 48 documents | 0.0% | " \
           "20.0% – 80.0% | FAIL (warning) |" in section
    assert "| toxicity_rate |" in section and "≤ 1.0% | PASS |" in section


def test_length_bins_cover_the_longest_document():
    assert charts.length_edges(730) == [0, 10, 20, 50, 100, 200, 500, 1000]
    svg = charts.histogram("h", [25, 30, 120, 730])
    assert "20–50 characters: 2 documents" in svg and "500–1,000 characters: 1 documents" in svg
    assert "0–10 characters" not in svg  # empty leading bins dropped


def test_curation_report_command_writes_the_page(workspace):
    catalog = workspace.catalog()
    policy = policy_for_tests()
    fill(catalog, balanced()[:12], policy)
    result = versions.build_version(catalog, DATASET, policy, workspace.datasets, workspace.audit())
    out = workspace.root / "r.html"
    cli = CliRunner().invoke(app, ["report", result.version_id[:12], "--out", str(out)])
    assert cli.exit_code == 0, cli.output
    page = out.read_text(encoding="utf-8")
    assert "<figcaption>Documents by source</figcaption><svg" in page  # profile read from the workspace catalog
    assert "Failing documents (" in page and "http" not in page
    stored = catalog.expectations(result.check_run_id)
    assert {e["expectation"] for e in stored} >= {"toxicity_rate", "features_present"}
    assert all(json.loads(e["bounds"]) is not None for e in stored)
