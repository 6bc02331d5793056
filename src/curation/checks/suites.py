"""Expectation suites over the per-document feature table (Great Expectations 1.x, pandas route).

Pure: the caller queries the catalog and passes a pandas DataFrame with a unique `doc_id` column.
Suites are YAML (policies/expectations/*.yaml); string values "{policy.X}" are filled from `params`.
GX is imported lazily (≈7 s). Its SQL route through duckdb-engine is broken (GX 1.24: every
expectation fails with `list index out of range`, rows fetched after the connection closed): do not use it.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

SEVERITIES = ("critical", "warning")
# Supported types -> phrase completing "N of M documents ..." (None: table/column aggregate).
TYPES: dict[str, str | None] = {
    "ExpectColumnValuesToNotBeNull": "have no {column}",
    "ExpectColumnValuesToBeUnique": "share their {column} with another document",
    "ExpectCompoundColumnsToBeUnique": "share their {column_list} with another document",
    "ExpectColumnValuesToBeInSet": "have a {column} outside {value_set}",
    "ExpectColumnValuesToNotBeInSet": "have a {column} in {value_set}",
    "ExpectColumnValuesToBeBetween": "have {column} {range}",
    "ExpectColumnValueLengthsToBeBetween": "have a {column} length {range}",
    "ExpectColumnValuesToMatchRegex": "have a {column} not matching {regex}",
    "ExpectColumnValuesToNotMatchRegex": "have a {column} matching {regex}",
    "ExpectColumnPairValuesAToBeGreaterThanB": "have a {column_A} below their {column_B}",
    "ExpectColumnMaxToBeBetween": None, "ExpectColumnMinToBeBetween": None,
    "ExpectColumnMeanToBeBetween": None, "ExpectColumnSumToBeBetween": None,
    "ExpectColumnProportionOfUniqueValuesToBeBetween": None,
    "ExpectColumnDistinctValuesToBeInSet": None, "ExpectColumnToExist": None,
    "ExpectTableRowCountToBeBetween": None, "ExpectTableColumnsToMatchSet": None,
}
_KEYS = {"name", "type", "kwargs", "severity", "description", "explain"}
_PLACEHOLDER = re.compile(r"^\{(policy\.[A-Za-z0-9_.]+)\}$")


class ChecksError(ValueError):
    """A suite file or its inputs are invalid; the message names the file and the expectation."""


@dataclass(frozen=True)
class ExpectationSpec:
    name: str
    type: str
    kwargs: dict
    severity: str
    description: str
    explain: str | None  # optional phrase for "N of M documents <explain>"


@dataclass(frozen=True)
class Suite:
    name: str
    description: str
    path: Path
    expectations: tuple[ExpectationSpec, ...]


@dataclass
class ExpectationOutcome:
    name: str
    expectation_type: str
    column: str | None
    severity: str
    success: bool
    observed: Any
    bounds: dict
    unexpected_doc_ids: list[str]
    message: str
    exception: str | None = None


def _substitute(value: Any, params: dict, where: str) -> Any:
    if isinstance(value, dict):
        return {k: _substitute(v, params, where) for k, v in value.items()}
    if isinstance(value, list):
        return [_substitute(v, params, where) for v in value]
    if isinstance(value, str) and "{policy." in value:
        m = _PLACEHOLDER.match(value)
        if not m or m.group(1) not in params:
            known = ", ".join(sorted(k for k in params if k.startswith("policy."))) or "none"
            raise ChecksError(f"{where}: unknown placeholder {value!r}; allowed: {known}")
        return params[m.group(1)]
    return value


def load_suite(path: Path, params: dict) -> Suite:
    """Read and validate a suite file, substituting "{policy.X}" values from `params`."""
    path = Path(path)
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise ChecksError(f"{path}: cannot read suite: {e}") from e
    if not isinstance(doc, dict) or not isinstance(doc.get("expectations"), list):
        raise ChecksError(f"{path}: expected a mapping with an 'expectations' list")
    if extra := set(doc) - {"name", "description", "expectations"}:
        raise ChecksError(f"{path}: unknown keys {sorted(extra)}; allowed: name, description, expectations")
    specs: list[ExpectationSpec] = []
    for i, item in enumerate(doc["expectations"]):
        name = item.get("name") if isinstance(item, dict) else None
        where = f"{path}: expectation {name or f'#{i + 1}'!r}"
        if not isinstance(name, str) or not name:
            raise ChecksError(f"{where}: needs a 'name'")
        if extra := set(item) - _KEYS:
            raise ChecksError(f"{where}: unknown keys {sorted(extra)}; allowed: {', '.join(sorted(_KEYS))}")
        if name in {s.name for s in specs}:
            raise ChecksError(f"{where}: duplicate name")
        typ = item.get("type")
        if typ not in TYPES:
            near = difflib.get_close_matches(str(typ), TYPES, n=1)
            hint = f" (did you mean {near[0]}?)" if near else ""
            raise ChecksError(f"{where}: unknown type {typ!r}{hint}; allowed: {', '.join(sorted(TYPES))}")
        severity = item.get("severity", "critical")
        if severity not in SEVERITIES:
            raise ChecksError(f"{where}: severity {severity!r}; allowed: {', '.join(SEVERITIES)}")
        kwargs = item.get("kwargs") or {}
        if not isinstance(kwargs, dict) or "meta" in kwargs:
            raise ChecksError(f"{where}: 'kwargs' must be a mapping of expectation arguments (no 'meta')")
        kwargs, explain = _substitute(kwargs, params, where), item.get("explain")
        try:
            str(explain or TYPES[typ] or "").format_map({**kwargs, "range": _range(kwargs)})
        except (KeyError, ValueError, IndexError) as e:
            raise ChecksError(f"{where}: 'explain' may only use {{range}} and kwargs names: {e}") from e
        specs.append(ExpectationSpec(name, typ, kwargs, severity, str(item.get("description", "")), explain))
    return Suite(str(doc.get("name", path.stem)), str(doc.get("description", "")), path, tuple(specs))


def _range(k: dict) -> str:
    lo, hi = k.get("min_value"), k.get("max_value")
    if lo is not None and lo == hi:
        return f"other than {lo}"
    if lo is None:
        return f"above {hi}"
    return f"below {lo}" if hi is None else f"outside {lo}..{hi}"


def _expected(b: dict) -> str:
    lo, hi = b.get("min_value"), b.get("max_value")
    if lo is None and hi is None:
        return json.dumps(b) if b else "success"
    if lo == hi:
        return f"exactly {lo}"
    return f"at most {hi}" if lo is None else f"at least {lo}" if hi is None else f"between {lo} and {hi}"


def _jsonable(x: Any) -> Any:
    return json.loads(json.dumps(x, default=lambda o: o.item() if hasattr(o, "item") else str(o)))


def _exception_text(info: dict) -> str | None:
    """GX gives either one {raised_exception, exception_message} or a dict of them per metric."""
    if not info:
        return None
    entries = [info] if "raised_exception" in info else [v for v in info.values() if isinstance(v, dict)]
    msgs = [str(e.get("exception_message") or "exception") for e in entries if e.get("raised_exception")]
    return "; ".join(dict.fromkeys(msgs)) or None


def _outcome(spec: ExpectationSpec, res: dict, id_column: str = "doc_id") -> ExpectationOutcome:
    bounds = _jsonable({k: v for k, v in spec.kwargs.items() if k not in ("column", "column_A", "column_B")})
    result = res.get("result") or {}
    exception = _exception_text(res.get("exception_info") or {})
    success = bool(res.get("success")) and exception is None
    label = spec.description or spec.name
    per_row = TYPES[spec.type] is not None
    ids = [str(r[id_column]) for r in result.get("unexpected_index_list") or []
           if isinstance(r, dict) and r.get(id_column) is not None]
    if per_row:
        observed = {k: result.get(k) for k in ("element_count", "unexpected_count", "missing_count")
                    if k in result} | {"unexpected_values": result.get("partial_unexpected_counts", [])}
    else:
        observed = result.get("observed_value")
    n, total = result.get("unexpected_count", 0), result.get("element_count", 0)
    if exception:
        message = f"Could not evaluate '{label}': {exception}"
    elif success:
        message = f"All {total} documents pass: {label}" if per_row else f"Passed ({observed}): {label}"
    elif per_row:
        fmt = {**spec.kwargs, "range": _range(spec.kwargs)}
        phrase = (spec.explain or TYPES[spec.type]).format_map(fmt)
        shown = ", ".join(i[:12] for i in ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
        message = f"{n} of {total} documents {phrase}" + (f": {shown}" if shown else "")
    else:
        message = f"Failed '{label}': observed {observed}, expected {_expected(bounds)}"
    return ExpectationOutcome(spec.name, spec.type, spec.kwargs.get("column") or spec.kwargs.get("column_A"),
                              spec.severity, success, _jsonable(observed), bounds, ids, message, exception)


def policy_params(policy) -> dict:
    """Every value a suite may name as "{policy.X}": `policy.languages`, `policy.min_chars`,
    `policy.max_chars`, and each setting of the policy's `quality` and `checks` sections as
    `policy.quality.<key>` / `policy.checks.<key>` (mappings also as `<key>.<subkey>`)."""
    params: dict[str, Any] = {"policy.languages": list(policy.languages),
                              "policy.min_chars": policy.quality.min_chars,
                              "policy.max_chars": policy.quality.max_chars}

    def flatten(prefix: str, value: Any) -> None:
        params[prefix] = value
        if isinstance(value, dict):
            for k, v in value.items():
                flatten(f"{prefix}.{k}", v)

    for section in ("quality", "checks"):
        for key, value in getattr(policy, section).model_dump().items():
            flatten(f"policy.{section}.{key}", value)
    return params


def _columns(spec: ExpectationSpec) -> list[str]:
    k = spec.kwargs
    return [c for c in (k.get("column"), k.get("column_A"), k.get("column_B"), *(k.get("column_list") or []))
            if isinstance(c, str)]


def _gx_frame(df, suite: Suite, id_column: str):
    """Only the columns the suite names: GX fingerprints the whole frame when it loads a batch
    (≈ 2 s per million 64-character doc_ids); a table-wide expectation gets every column. Narrow
    numbers are widened: GX's between-check is vectorised only for int64/float64 columns and
    calls a Python function per value otherwise (DuckDB INTEGER arrives as int32)."""
    import numpy as np

    if not any(s.type == "ExpectTableColumnsToMatchSet" for s in suite.expectations):
        wanted = list(dict.fromkeys([id_column, *(c for s in suite.expectations for c in _columns(s))]))
        df = df[[c for c in wanted if c in df.columns]]
    narrow = {c: (np.int64 if np.issubdtype(t, np.integer) else np.float64) for c, t in df.dtypes.items()
              if isinstance(t, np.dtype) and t.kind in "iuf" and t not in (np.dtype(np.int64), np.dtype(np.float64))}
    return df.astype(narrow) if narrow else df


def run_suite(df, suite_path: Path | Suite, params: dict | None = None, *,
              id_column: str = "doc_id") -> list[ExpectationOutcome]:
    """Validate `df` against the suite; one outcome per expectation, in suite file order.
    Per-row failures are reported as the values of `id_column` (doc_ids for the document table)."""
    suite = suite_path if isinstance(suite_path, Suite) else load_suite(suite_path, params or {})
    if id_column not in getattr(df, "columns", ()):
        raise ChecksError(f"{suite.path}: the table needs a {id_column!r} column")
    import great_expectations as gx
    import great_expectations.expectations as gxe
    from great_expectations.data_context.types.base import ProgressBarsConfig
    from great_expectations.validator.v1_validator import Validator

    expectations = []
    for spec in suite.expectations:
        try:
            expectations.append(getattr(gxe, spec.type)(**spec.kwargs, meta={"name": spec.name}))
        except Exception as e:  # pydantic validation of the kwargs
            where = f"{suite.path}: expectation {spec.name!r} ({spec.type})"
            raise ChecksError(f"{where}: bad kwargs: {e}") from e
    ctx = gx.get_context(mode="ephemeral")
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    definition = (ctx.data_sources.add_pandas("catalog").add_dataframe_asset("features")
                  .add_batch_definition_whole_dataframe("all"))
    gx_suite = ctx.suites.add(gx.ExpectationSuite(name=suite.name, expectations=expectations))
    # The V1 Validator that Batch.validate and ValidationDefinition.run both use, given the batch
    # definition directly: Batch.validate would load (and fingerprint) the frame a second time, and
    # ValidationDefinition.run also serialises every result into the (here throwaway) results store.
    validator = Validator(batch_definition=definition,
                          batch_parameters={"dataframe": _gx_frame(df, suite, id_column)},
                          result_format={"result_format": "COMPLETE",
                                         "unexpected_index_column_names": [id_column]})
    run = validator.validate_expectation_suite(gx_suite)
    by_name = {r.expectation_config.meta.get("name"): r for r in run.results}  # results are unordered
    missing = {"success": False, "exception_info": {"raised_exception": True,
                                                    "exception_message": "no result returned by GX"}}
    return [_outcome(s, {"success": r.success, "result": r.result, "exception_info": r.exception_info}
                     if (r := by_name.get(s.name)) else missing, id_column) for s in suite.expectations]


def blocking(outcomes: list[ExpectationOutcome]) -> list[ExpectationOutcome]:
    """Failing critical expectations: any one of these stops a dataset version."""
    return [o for o in outcomes if o.severity == "critical" and not o.success]
