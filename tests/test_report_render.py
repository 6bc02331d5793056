"""The HTML report as a reviewer's browser draws it: Japanese in a Japanese font, the dataset card
rendered from Markdown, verdicts in words. Drawn by Debian's Chromium (fonts-noto-cjk installed
by `make test`), read back through the DevTools protocol."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from curation.datasets.card import card_html
from curation.datasets.check_outcomes import verdict
from curation.datasets.report import html_report

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
CARD = """---
license: cc-by-4.0
language: [ja, en]
---

# Dataset card: 議事録

| source | documents |
|---|---|
| 東京本社 <script>alert(1)</script> | 12 |

Anonymized with Presidio before it reached the catalog.
"""
VERSION = {"version_id": "ab" * 32, "dataset": "議事録", "status": "pending_review", "n_rows": 12,
           "policy_digest": "cd" * 32, "check_run_id": "run-1"}
UNJUDGED = {"expectation": "gendered_term_ratio", "severity": "warning", "success": True, "message": "",
            "observed": {"metric": "gendered_term_ratio",
                         "rows": [{"key": "all", "label": "male/female", "detail": "fewer than 20 documents",
                                   "n": 3, "total": 12, "value": None, "min": 0.2, "max": 0.8, "passed": True,
                                   "judged": False}]},
            "unexpected_doc_ids": []}


def report_page() -> str:
    return html_report(VERSION, {"sources": ["東京本社"]}, CARD, [UNJUDGED], [], [],
                       profile=[{"source": "東京本社", "language": "ja", "license": "CC-BY-4.0", "n_chars": 120}],
                       pii={"PERSON": 3})


def test_the_card_is_rendered_as_html_with_its_markup_escaped():
    html = card_html(CARD)
    assert "<table>" in html and "<h1>Dataset card: 議事録</h1>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<code class="language-yaml">license: cc-by-4.0' in html


def test_a_metric_that_could_not_be_judged_says_so():
    assert verdict(UNJUDGED) == "NOT JUDGED"
    assert verdict({**UNJUDGED, "observed": {}}) == "PASS"
    assert verdict({"success": False}) == "FAIL"
    assert "NOT JUDGED" in report_page()


@pytest.fixture(scope="module")
def page():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: `apt-get install chromium` (make test installs it)")
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="curation-report-")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield context.new_page()
        context.close()
    shutil.rmtree(profile, ignore_errors=True)


def test_japanese_is_drawn_in_a_japanese_font(page, tmp_path):
    html_file = tmp_path / "report.html"
    html_file.write_text(report_page(), encoding="utf-8")
    page.goto(html_file.as_uri())
    page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "h1"})["nodeId"]
    fonts = [f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]]
    assert any("CJK" in name or name.endswith(" JP") for name in fonts), fonts
