"""How a check run's expectation outcomes read, the same in a card, a report and an artifact.

An outcome is a row of the catalog's expectation_results (or a suite's result of the same shape):
its name, whether it passed, and for a dataset-level metric (bias.explain) the measured rows
against the policy's bounds. `verdict` says PASS, FAIL or NOT JUDGED in words; `bias_section` is
the Markdown table of the metrics.
"""

from __future__ import annotations

import json


def from_json(value):
    """A field the catalog stores as JSON text (observed, unexpected_doc_ids), parsed; else as given."""
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def outcome_name(e: dict) -> str:
    return e.get("expectation") or e.get("name") or "?"


def metric_rows(e: dict) -> list[dict] | None:
    """The rows of a dataset-level metric outcome (bias.explain), None for a per-document one."""
    observed = from_json(e.get("observed"))
    return observed["rows"] if isinstance(observed, dict) and isinstance(observed.get("rows"), list) else None


def verdict(e: dict) -> str:
    """PASS, FAIL or NOT JUDGED, in words (a mark needs an emoji font, and a metric that could not
    be judged, e.g. too few documents to measure, is not a pass)."""
    rows = metric_rows(e)
    if rows and not any(r.get("judged", True) for r in rows):
        return "NOT JUDGED"
    return "PASS" if e.get("success") else "FAIL"


def pct(value) -> str:
    return "n/a" if value is None else f"{value:.1%}"


def bounds_text(lo, hi) -> str:
    if hi == 0:
        return "none allowed"
    if lo in (None, 0) and hi is not None:
        return f"≤ {pct(hi)}"
    if hi in (None, 1) and lo is not None:
        return f"≥ {pct(lo)}"
    return "any" if lo is None else f"{pct(lo)} – {pct(hi)}"


def bias_section(outcomes: list[dict]) -> list[str]:
    """Markdown lines: each dataset-level metric against its bounds (EU AI Act Art. 10(2)(f) bias
    examination); empty when the outcomes hold none."""
    metric_outcomes = [(o, rows) for o in outcomes if (rows := metric_rows(o)) is not None]
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
            lines.append(f"| {outcome_name(o)} | {r['label']}: {r['detail']} | {pct(r['value'])} | "
                         f"{bounds_text(r['min'], r['max'])} | {result} |".replace("\n", " "))
    return lines + [""]
