"""`curation pii`: PII detection on JSONL files, and its measurement on labelled ones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from curation.cli.support import PolicyOpt, console, fail, guard, load_policy

app = typer.Typer(help="PII detection on JSONL files.", no_args_is_help=True)


@app.command("scan")
@guard
def pii_scan(jsonl: Annotated[Path, typer.Option("--jsonl", help='Input lines {"id","text"}.')],
             out: Annotated[Path, typer.Option("--out", help="Output JSONL.")],
             language: Annotated[str, typer.Option(help="en, ja or auto.")] = "auto",
             policy: PolicyOpt = None) -> None:
    """Detect and anonymize PII in a JSONL file (the interface used to measure detection quality)."""
    from curation.pii.scan import scan_jsonl

    if language not in ("en", "ja", "auto"):
        fail(f"--language must be en, ja or auto, not '{language}'")
    n = scan_jsonl(jsonl, out, load_policy(policy).pii, language)
    console.print(f"{n} documents scanned → {out}")


@app.command("evaluate")
@guard
def pii_evaluate(labelled: Annotated[Path, typer.Option("--labelled", help=(
                     'Gold JSONL: {"id","text","spans":[{"type","start","end"}],"ignored_spans":[...]}.'))],
                 policy: PolicyOpt = None,
                 language: Annotated[str, typer.Option(help="en, ja or auto (per document).")] = "auto",
                 worst: Annotated[int, typer.Option(help="Worst misses listed per type.", min=0)] = 5,
                 as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False) -> None:
    """Measure detection on documents you labelled: recall per type, precision, masked share with a
    95% confidence interval, and the worst misses (offsets and types only, never values)."""
    from curation.pii.evaluate import LabelledFileError, load_labelled, predict, score

    if language not in ("en", "ja", "auto"):
        fail(f"--language must be en, ja or auto, not '{language}'")
    try:
        docs = load_labelled(labelled)
    except LabelledFileError as exc:
        fail(str(exc))
    try:
        predictions = predict(docs, load_policy(policy).pii, language)
    except ValueError as exc:  # a language the policy has no model for
        fail(f"{labelled}: {exc}")
    result = score(docs, predictions, worst=worst)
    if as_json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    print_evaluation(result, labelled)


def _pct(r) -> str:
    if r.value is None:
        return "–"
    ci = f" [{r.low:.3f}, {r.high:.3f}]" if r.low is not None else ""
    return f"{r.value:.3f}{ci}"


def print_evaluation(result, labelled: Path) -> None:
    """Rich tables of an Evaluation. Only figures, types, ids and offsets: no text from the file."""
    summary = Table("", "share", "characters", title=f"{escape(labelled.name)}: {result.documents} documents",
                    title_justify="left")
    summary.add_row("gold PII masked (95% CI)", _pct(result.masked), f"{result.masked.num} / {result.masked.den}")
    summary.add_row("other text masked (95% CI)", _pct(result.over_masked),
                    f"{result.over_masked.num} / {result.over_masked.den}")
    summary.add_row("detected that is gold PII", _pct(result.precision),
                    f"{result.precision.num} / {result.precision.den}")
    console.print(summary)
    recall = Table("gold type", "spans", "characters", "masked (95% CI)", "as this type", "spans touched",
                   title="Recall by gold type (characters)", title_justify="left")
    for r in result.recall:
        recall.add_row(escape(r.type), str(r.spans), str(r.masked.den), _pct(r.masked), _pct(r.exact),
                       f"{r.spans_touched}/{r.spans}")
    console.print(recall)
    precision = Table("detected type", "detections", "characters", "gold PII", "gold of this type",
                      title="Precision by detected type (characters)", title_justify="left")
    for p in result.precision_by_type:
        precision.add_row(escape(p.type), str(p.detections), str(p.in_gold.den), _pct(p.in_gold), _pct(p.exact))
    console.print(precision)
    if any(result.worst_misses.values()):
        misses = Table("type", "doc id", "start", "end", "unmasked chars",
                       title="Worst misses (offsets only)", title_justify="left")
        for t, ms in result.worst_misses.items():
            for m in ms:
                misses.add_row(escape(t), escape(m.doc_id), str(m.start), str(m.end), f"{m.unmasked}/{m.end - m.start}")
        console.print(misses)
