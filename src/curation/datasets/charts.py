"""Inline SVG charts of the HTML report: bars, a length histogram, a metric against its bounds.

Drawn as SVG text in the page, with no script, font or image fetched from anywhere, so the report
renders the same on an offline network.
"""

from __future__ import annotations

import html
from itertools import pairwise

from curation.datasets.check_outcomes import (
    bounds_text,
    metric_rows,
    outcome_name,
    pct,
    verdict,
)

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
    rows = metric_rows(e) or []
    name = outcome_name(e)
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
                    f"fill='{_COLOURS['band']}'><title>allowed {esc(bounds_text(r['min'], r['max']))}</title></rect>")
        if r["value"] is None or not r.get("judged", True):
            body.append(f"<text x='{_LABEL + _BAR + 8}' y='{y + 14}' fill='{_COLOURS['muted']}'>not judged</text>")
            continue
        colour = _COLOURS["pass"] if r["passed"] else _COLOURS[e.get("severity", "warning")]
        x = _LABEL + _BAR * min(max(r["value"], 0.0), 1.0)
        body.append(f"<rect x='{x - 2:.1f}' y='{y + 1}' width='4' height='{_ROW - 2}' fill='{colour}'>"
                    f"<title>{esc(r['detail'])}</title></rect>"
                    f"<text x='{_LABEL + _BAR + 8}' y='{y + 14}' fill='{colour}'>{pct(r['value'])} "
                    f"(allowed {esc(bounds_text(r['min'], r['max']))})</text>")
    ok = verdict(e) if e.get("success") else f"FAIL ({e.get('severity')})"
    title = f"{name}: {ok}"
    return (f"<figure><figcaption><b>{esc(title)}</b> — {esc(e.get('message') or '')}</figcaption>"
            f"{_svg(16 + len(rows) * _ROW, body, title)}</figure>")
