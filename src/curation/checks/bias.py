"""Dataset-level bias and quality metrics, validated with Great Expectations.

The metrics are computed with pandas over the per-document feature frame (catalog.feature_frame)
and the ingest ledger, into a small table with one row per metric instance: `metric_id` is the
row's id ("source_share:crm_export"), and each metric has its own value column, empty on the other
rows, so that one expectation per metric (policies/expectations/dataset.yaml) sees only its rows.
Where bounds differ by key (the declared language mix, quarantine share by reason) they are
columns too and a column-pair expectation compares them.

- female_term_share: female terms (she, woman, 彼女, 女性 …) among all gendered terms, over the
  dataset and per language; not judged below `suites.min_gendered_terms` terms.
- source_share: each source's share of the documents.
- language_share: each language's share, against the declared mix (undeclared languages: 0).
- toxicity_rate: share of documents with at least `quality.toxicity_min_hits` lexicon hits.
- near_duplicate_rate: share of documents that near-duplicate another document of the set (every
  member of a near-duplicate cluster but one).
- quarantine_share: share of the dataset's input items quarantined, by reason code.

A failed metric's outcome names the documents behind it (the toxic documents, the redundant
near-duplicates, the dominant source's documents …), at most `checks.max_listed_doc_ids`.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from curation.checks import suites
from curation.policy import Policy
from curation.checks.quality import TOXICITY

METRICS = ("female_term_share", "source_share", "language_share", "toxicity_rate",
           "near_duplicate_rate", "quarantine_share")
BOUND_COLUMNS = ("language_share_min", "language_share_max", "quarantine_share_max")
_ID = "metric_id"


def _share(n: int, total: int) -> float:
    return n / total if total else math.nan


def compute(frame: pd.DataFrame, policy: Policy, items_total: int = 0,
            quarantined: list[dict] | None = None) -> tuple[pd.DataFrame, dict]:
    """(metrics table, what lies behind each row: a boolean mask over `frame` or a list of doc_ids).
    `frame`: one row per candidate document (doc_id, source, language, *_hits, gender_*_terms,
    near_dup_cluster); `quarantined`: [{reason, n, doc_ids}] out of `items_total` input items
    (catalog.quarantine_by_reason). Doc_ids are only listed for failing rows (`doc_ids_behind`)."""
    q, c = policy.quality, policy.checks
    frame = frame.reset_index(drop=True)
    n_docs = len(frame)
    rows: list[dict] = []
    behind: dict = {"_ids": frame["doc_id"]}

    def add(metric: str, key: str, value: float, n: int, total: int, label: str, detail: str,
            docs, **bounds) -> None:
        metric_id = f"{metric}:{key}"
        rows.append({_ID: metric_id, "metric": metric, "key": key, "label": label, "detail": detail,
                     "n": int(n), "total": int(total), metric: float(value), **bounds})
        behind[metric_id] = docs

    def count(column: str) -> pd.Series:
        if column not in frame:
            return pd.Series(0, index=frame.index, dtype="int64")
        return pd.to_numeric(frame[column], errors="coerce").fillna(0)

    def masks(column: str, missing: str) -> dict[str, pd.Series]:
        """One boolean mask per value of a text column (factorised once: integer comparisons)."""
        codes, uniques = pd.factorize(frame[column], use_na_sentinel=True)
        out = {str(u): pd.Series(codes == k, index=frame.index) for k, u in enumerate(uniques)}
        if (codes < 0).any():
            out[missing] = pd.Series(codes < 0, index=frame.index)
        return dict(sorted(out.items()))

    lang_masks = masks("language", "unknown")

    # Gendered-term ratio, over the dataset and per language.
    male, female = count("gender_male_terms"), count("gender_female_terms")
    for key, mask in [("all", pd.Series(True, index=frame.index))] + sorted(lang_masks.items()):
        m, f = int(male[mask].sum()), int(female[mask].sum())
        judged = m + f >= c.min_gendered_terms
        value = _share(f, m + f) if judged else math.nan
        leaning = (female > male) if (judged and value > 0.5) else (male > female)
        scope = "documents" if key == "all" else f"documents in '{key}'"
        detail = (f"{f} female and {m} male terms in {int(mask.sum())} {scope}" if judged else
                  f"{m + f} gendered terms in {scope}, fewer than {c.min_gendered_terms}: not judged")
        add("female_term_share", key, value, f, m + f, f"female terms ({key})", detail, mask & leaning)

    # Source shares.
    for source, mask in masks("source", "unknown").items():
        n = int(mask.sum())
        add("source_share", source, _share(n, n_docs), n, n_docs, f"source '{source}'",
            f"{n} of {n_docs} documents", mask)

    # Language mix against the declared one.
    declared = c.language_mix
    for lang in sorted(set(declared) | (set(lang_masks) - {"unknown"})):
        mask = lang_masks.get(lang, pd.Series(False, index=frame.index))
        n = int(mask.sum())
        lo, hi = (declared[lang].min, declared[lang].max) if lang in declared else (0.0, 0.0)
        add("language_share", lang, _share(n, n_docs), n, n_docs, f"language '{lang}'",
            f"{n} of {n_docs} documents" + ("" if lang in declared else "; not in the declared mix"),
            mask, language_share_min=lo, language_share_max=hi)

    # Toxicity rate.
    hits = sum((count(f"{t}_hits") for t in TOXICITY), pd.Series(0, index=frame.index, dtype="int64"))
    toxic = hits >= q.toxicity_min_hits
    n_toxic = int(toxic.sum())
    add("toxicity_rate", "all", _share(n_toxic, n_docs), n_toxic, n_docs, "toxic documents",
        f"{n_toxic} of {n_docs} documents with {q.toxicity_min_hits}+ profanity/toxicity lexicon hits", toxic)

    # Near-duplicate rate: in each cluster one document stays (the cluster's first, else the
    # smallest doc_id); the others are redundant. Only clustered documents are looked at.
    redundant = pd.Series(False, index=frame.index)
    n_clusters = 0
    if n_docs and "near_dup_cluster" in frame:
        cluster = frame["near_dup_cluster"].fillna(frame["doc_id"])
        shared = cluster.duplicated(keep=False)
        if shared.any():
            members = pd.DataFrame({"id": frame["doc_id"][shared], "cluster": cluster[shared]})
            founders = set(members["id"][members["id"] == members["cluster"]])
            smallest = members.sort_values("id").drop_duplicates("cluster").set_index("cluster")["id"]
            keep = members["cluster"].where(members["cluster"].isin(founders), members["cluster"].map(smallest))
            redundant[shared] = (members["id"] != keep).to_numpy()
            n_clusters = int(members["cluster"].nunique())
    n_red = int(redundant.sum())
    add("near_duplicate_rate", "all", _share(n_red, n_docs), n_red, n_docs, "near-duplicate documents",
        f"{n_red} of {n_docs} documents repeat another one (Jaccard ≥ {q.near_duplicate_threshold}) "
        f"in {n_clusters} cluster(s)", redundant)

    # Quarantine share by reason (input items of the dataset, latest outcome of each).
    for entry in quarantined or []:
        reason = entry["reason"] or "unknown"
        bound = c.max_quarantine_share.get(reason, c.max_quarantine_share["default"])
        add("quarantine_share", reason, _share(entry["n"], items_total), entry["n"], items_total,
            f"quarantined for '{reason}'", f"{entry['n']} of {items_total} input items",
            list(entry.get("doc_ids") or []), quarantine_share_max=bound)

    table = pd.DataFrame(rows, columns=[_ID, "metric", "key", "label", "detail", "n", "total",
                                        *METRICS, *BOUND_COLUMNS])
    for column in (*METRICS, *BOUND_COLUMNS):
        table[column] = table[column].astype("float64")
    return table, behind


def doc_ids_behind(behind: dict, metric_id: str, limit: int) -> list[str]:
    """Up to `limit` doc_ids behind one metric row: the first in the frame's order (doc_id order
    for catalog.feature_frame), so that a million-document source is not listed whole."""
    docs = behind.get(metric_id)
    if isinstance(docs, pd.Series):
        return [str(d) for d in behind["_ids"][docs.to_numpy()].head(limit)]
    return sorted(map(str, docs or []))[:limit]


def _fmt(value) -> str:
    return "n/a" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.1%}"


def _allowed(lo, hi) -> str:
    if lo is None and hi is None:
        return "any"
    if hi == 0:
        return "none"
    if lo is None or lo == 0:
        return f"at most {_fmt(hi)}" if hi is not None else "any"
    return f"at least {_fmt(lo)}" if hi is None or hi == 1 else f"between {_fmt(lo)} and {_fmt(hi)}"


def _metric_of(outcome: suites.ExpectationOutcome, spec: suites.ExpectationSpec) -> str | None:
    k = spec.kwargs
    return next((col for col in (k.get("column"), k.get("column_A"), k.get("column_B")) if col in METRICS), None)


def explain(outcomes: list[suites.ExpectationOutcome], suite: suites.Suite, table: pd.DataFrame,
            behind: dict, limit: int) -> list[suites.ExpectationOutcome]:
    """Turn GX's per-row results over the metrics table into a steward's outcome: observed = every
    row of the metric with its bounds, bounds = the allowed range, unexpected_doc_ids = the
    documents behind the failing rows, and a sentence naming them."""
    specs = {s.name: s for s in suite.expectations}
    for o in outcomes:
        spec = specs[o.name]
        metric = _metric_of(o, spec)
        if metric is None:
            continue
        failing = set(o.unexpected_doc_ids)  # metric ids: run_suite reports the table's id column
        rows = []
        for r in table[table["metric"] == metric].itertuples():
            lo = spec.kwargs.get("min_value") if "min_value" in spec.kwargs else (
                getattr(r, f"{metric}_min", None) if f"{metric}_min" in table else None)
            hi = spec.kwargs.get("max_value") if "max_value" in spec.kwargs else (
                getattr(r, f"{metric}_max", None) if f"{metric}_max" in table else None)
            lo = None if lo is None or (isinstance(lo, float) and math.isnan(lo)) else float(lo)
            hi = None if hi is None or (isinstance(hi, float) and math.isnan(hi)) else float(hi)
            value = getattr(r, metric)
            rows.append({"key": r.key, "label": r.label, "detail": r.detail, "n": r.n, "total": r.total,
                         "value": None if math.isnan(value) else round(float(value), 6), "min": lo, "max": hi,
                         "passed": getattr(r, _ID) not in failing, "judged": not math.isnan(value)})
        doc_ids = list(dict.fromkeys(d for mid in sorted(failing) for d in doc_ids_behind(behind, mid, limit)))[:limit]
        bounds_by_key = {r["key"]: {"min_value": r["min"], "max_value": r["max"]} for r in rows}
        uniform = {(b["min_value"], b["max_value"]) for b in bounds_by_key.values()}
        if "min_value" in spec.kwargs or "max_value" in spec.kwargs:
            o.bounds = {"min_value": spec.kwargs.get("min_value"), "max_value": spec.kwargs.get("max_value")}
        elif len(uniform) == 1:
            o.bounds = dict(zip(("min_value", "max_value"), next(iter(uniform)), strict=True))
        else:
            o.bounds = {"by_key": bounds_by_key}
        o.observed = {"metric": metric, "rows": rows}
        o.unexpected_doc_ids = doc_ids
        label = spec.description or spec.name
        if o.exception:
            o.message = f"Could not evaluate '{label}': {o.exception}"
        elif not o.success:
            bad = [r for r in rows if not r["passed"]]
            shown = "; ".join(f"{r['label']} {_fmt(r['value'])} ({r['detail']}), allowed: {_allowed(r['min'], r['max'])}"
                              for r in bad)
            o.message = f"{label} — {shown}" + (f"; {len(doc_ids)} document(s) listed" if doc_ids else "")
        else:
            judged = [r for r in rows if r["judged"]]
            shown = ", ".join(f"{r['label']} {_fmt(r['value'])}" for r in judged[:8]) + (
                f" and {len(judged) - 8} more" if len(judged) > 8 else "")
            unjudged = [r["detail"] for r in rows if not r["judged"]]
            o.message = f"Passed: {label} — " + (shown or "nothing to judge") + (
                f" (not judged: {'; '.join(unjudged[:3])})" if unjudged else "")
    return outcomes


def check(frame: pd.DataFrame, policy: Policy, items_total: int = 0, quarantined: list[dict] | None = None,
          suite_path: Path | None = None) -> tuple[list[suites.ExpectationOutcome], pd.DataFrame]:
    """Compute the metrics and validate them against the dataset suite (checks.dataset_suite,
    thresholds from the policy); returns the outcomes and the metrics table."""
    params = suites.policy_params(policy)
    path = suite_path or policy.checks.dataset_suite_path(policy.source_file)
    suite = suites.load_suite(path, params)
    table, behind = compute(frame, policy, items_total, quarantined)
    outcomes = suites.run_suite(table, suite, params, id_column=_ID)
    return explain(outcomes, suite, table, behind, policy.checks.max_listed_doc_ids), table


def check_catalog(catalog, dataset: str, frame: pd.DataFrame, policy: Policy):
    """`check` with the quarantine ledger of `dataset` read from the catalog."""
    total, quarantined = catalog.quarantine_by_reason(dataset, policy.checks.max_listed_doc_ids)
    return check(frame, policy, total, quarantined)
