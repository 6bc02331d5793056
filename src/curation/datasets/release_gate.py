"""The PII release gate of a dataset version: the analyzer's scores against the policy's figures.

The policy's analyzer is scored on the company's own labelled documents, against the figures the
policy demands (`pii.release_gate`).

A version built under a gate carries the result in its card, its `version.created` audit record
and the catalog; `versions.decide` refuses to approve it while the result is below the gate.
The result holds figures, types, counts and the labelled file's sha256, never text.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from curation.policy import PiiPolicy


@dataclass(frozen=True)
class GateResult:
    passed: bool
    labelled_sha256: str
    n_documents: int
    masked: float | None
    masked_ci: tuple[float | None, float | None]
    over_masked: float | None
    min_masked: float
    recall: dict[str, float | None]  # gold type -> share of its characters masked
    min_recall: dict[str, float]
    failures: tuple[str, ...]  # one sentence per unmet figure

    def to_dict(self) -> dict:
        return asdict(self)


def judge(pii: PiiPolicy) -> GateResult | None:
    """Score the policy's analyzer on the gate's labelled file; None when the policy has no gate."""
    gate = pii.release_gate
    if gate is None:
        return None
    digest = hashlib.sha256(Path(gate.labelled).read_bytes()).hexdigest()
    return _judge(pii.model_dump_json(), digest)


@lru_cache(maxsize=8)
def _judge(pii_json: str, labelled_sha256: str) -> GateResult:
    """Cached per policy and labelled content: a build and a rebuild under the same policy score
    once per process."""
    from curation.pii.evaluate import evaluate_file

    pii = PiiPolicy.model_validate_json(pii_json)
    gate = pii.release_gate
    evaluation = evaluate_file(gate.labelled, pii, gate.language, worst=0)
    masked = evaluation.masked.value
    recall = {r.type: r.masked.value for r in evaluation.recall}
    failures = []
    if masked is None or masked < gate.min_masked:
        failures.append(f"masked {_share(masked)} < {gate.min_masked:.4f}")
    for entity, least in sorted(gate.min_recall.items()):
        got = recall.get(entity)
        if got is None:
            failures.append(f"{entity}: no labelled span of this type to judge recall {least:.4f} on")
        elif got < least:
            failures.append(f"{entity} recall {got:.4f} < {least:.4f}")
    return GateResult(not failures, labelled_sha256, evaluation.documents, masked,
                      (evaluation.masked.low, evaluation.masked.high), evaluation.over_masked.value,
                      gate.min_masked, recall, dict(gate.min_recall), tuple(failures))


def _share(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.4f}"


def card_section(result: dict | None) -> list[str]:
    """The dataset card's section on the gate (`result`: GateResult.to_dict()); empty without one."""
    if not result:
        return []
    low, high = result["masked_ci"]
    ci = f" (95% CI {_share(low)}–{_share(high)})" if low is not None else ""
    lines = ["## PII release gate", "",
             f"The policy's analyzer was scored on {result['n_documents']} documents the company labelled "
             f"(sha256 `{result['labelled_sha256']}`): **{'passed' if result['passed'] else 'below the gate'}**.", "",
             "| figure | measured | required |", "|---|---|---|",
             f"| gold-PII characters masked | {_share(result['masked'])}{ci} | ≥ {result['min_masked']:.4f} |",
             f"| non-PII characters masked | {_share(result['over_masked'])} | |"]
    for entity, got in sorted(result["recall"].items()):
        least = result["min_recall"].get(entity)
        lines.append(f"| {entity} recall | {_share(got)} | {'≥ ' + format(least, '.4f') if least is not None else ''} |")
    if not result["passed"]:
        lines += ["", "This version cannot be approved: " + "; ".join(result["failures"]) + "."]
    return lines + [""]
