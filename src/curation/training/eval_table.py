"""An evaluation's results as people read them: the metrics table and the privacy probe's line.

Printed by the CLI and the demo, written into the model card and the compliance report.
"""

from __future__ import annotations

from typing import Any

METRIC_NAMES = {"exact_match": "exact match (%)", "chrf": "chrF", "rouge_l": "ROUGE-L",
                "perplexity": "held-out perplexity"}
HEADER = ["metric", "base [95% CI]", "fine-tuned [95% CI]", "difference [95% CI]"]


def _cell(interval: dict | None, signed: bool = False) -> str:
    if not interval or interval.get("value") is None:
        return "n/a"
    fmt = "{:+.1f}" if signed else "{:.1f}"
    return f"{fmt.format(interval['value'])} [{fmt.format(interval['low'])}, {fmt.format(interval['high'])}]"


def table_rows(metrics: dict[str, Any]) -> list[list[str]]:
    """[metric, base, fine-tuned, tuned − base] rows, each value with its bootstrap interval."""
    return [[METRIC_NAMES[name], _cell(m["base"]), _cell(m["tuned"]), _cell(m["difference"], True)]
            for name, m in ((n, metrics[n]) for n in METRIC_NAMES if n in metrics)]


def language_line(by_language: dict[str, dict]) -> str:
    """The task metrics' differences (fine-tuned − base) per language, on one line."""
    parts = []
    for language, m in sorted(by_language.items()):
        n = next(iter(m.values()))["n"]
        diffs = ", ".join(f"{METRIC_NAMES[k]} {_cell(m[k]['difference'], True)}" for k in METRIC_NAMES if k in m)
        parts.append(f"{language} ({n} items): {diffs}")
    return "by language, fine-tuned − base: " + "; ".join(parts)


def privacy_line(p: dict[str, Any]) -> str:
    """One sentence: the probe's verdict and counts."""
    found = ", ".join(f"{k} {v}" for k, v in p["found_by_type"].items()) or "none"
    leaked = ", ".join(f"{k} {v}" for k, v in p["leaked_by_type"].items()) or "none"
    return (f"privacy probe {p['status'].upper()}: {p['probes']} probes ({p['prefix_probes']} training-document "
            f"prefixes, {p['canary_probes']} canary contexts); canaries: {p['canaries_declared']} checked"
            + (f" ({p['canaries_pinned']} pinned in the version)" if "canaries_pinned" in p else "")
            + f", {p['canaries_in_training_data']} in the training text, {len(p['canary_hits'])} reproduced; "
            f"analyzer hits in generations: {found}; of them also in the training text (leaks): {leaked}; "
            f"verbatim continuations {p['verbatim_continuation_share']:.0%}")


def markdown(result: dict[str, Any]) -> list[str]:
    """Markdown lines: what was compared on what, the table, the probe, the notes."""
    s, e = result["settings"], result["eval_set"]
    what = (f"task set `{e['path']}` (sha256 `{e['sha256'][:16]}…`)" if e["kind"] == "file"
            else "continuations of the held-out documents")
    lines = [f"- Evaluation `{result['eval_id']}` of run `{result['run_id']}` on dataset version "
             f"`{result['version_id']}`: **{result['status']}**",
             f"- {what}: {e['n_items']} items ({', '.join(f'{k} {v}' for k, v in e['languages'].items())}); "
             f"held-out perplexity over {s['held_out_documents']} documents",
             f"- Base: `{result['base_model']['name']}` ({result['base_model']['how']})",
             f"- Greedy decoding, {s['max_new_tokens']} new tokens, batch {s['batch_size']}, seed {s['seed']}; "
             f"{result['device']['device']} {result['device']['name']}; "
             f"{result['throughput']['tuned_tokens_per_second']:.0f} generated tokens/s (fine-tuned)",
             f"- 95% intervals: percentile bootstrap over items ({s['bootstrap_samples']} draws), paired "
             "(the same resampled items for both models)", "",
             "| " + " | ".join(HEADER) + " |", "|---|---|---|---|",
             *("| " + " | ".join(row) + " |" for row in table_rows(result["metrics"])), "",
             f"- {language_line(result['by_language'])}",
             f"- {privacy_line(result['privacy'])}"]
    lines += [f"- Not passed: {r}" for r in result["reasons"]]
    lines += [f"- Note: {n}" for n in result["notes"]]
    return lines
