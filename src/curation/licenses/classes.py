"""License classes (policies/licenses.yaml) and classifying an SPDX expression with them.

Each license id belongs to zero or more classes (permissive, weak_copyleft, share_alike,
non_commercial, no_derivatives, use_restricted, source_available; none: unknown). The policy's intended use maps
each class to allow / review / deny; the policy's own allow / review / deny lists win over the
classes for the ids they name. `A AND B` takes the stricter answer, `A OR B` the more
permissive one (the licensee may choose), `X WITH exception` is judged by X.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from license_expression import ExpressionError
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from curation.licenses import spdx
from curation.policy import LicensePolicy, PolicyError

Action = Literal["allow", "review", "deny"]
ClassName = Literal["permissive", "weak_copyleft", "share_alike", "non_commercial", "no_derivatives",
                    "use_restricted", "source_available", "unknown"]
CLASS_NAMES: tuple[str, ...] = ClassName.__args__
RANK = {"allow": 0, "review": 1, "deny": 2}
# Reason codes name the class, so a steward sees why (kept stable: reports and tests key on them).
REASONS = {"permissive": "license_allowed", "weak_copyleft": "license_weak_copyleft",
           "share_alike": "license_sharealike", "non_commercial": "license_noncommercial",
           "no_derivatives": "license_noderivatives", "use_restricted": "license_use_restricted",
           "source_available": "license_source_available",
           "unknown": "license_unknown"}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LicenseClassDef(_Strict):
    description: str
    licenses: list[str] = []


class LicenseClasses(_Strict):
    """The content of policies/licenses.yaml."""

    classes: dict[ClassName, LicenseClassDef]
    no_attribution: list[str] = []
    # Terms a person must read whatever the intended use: custom or modified terms
    # (LicenseRef-Custom-<closest SPDX id>) and names that leave the license open ("BSD license").
    review_terms: list[str] = []
    intended_uses: dict[str, dict[ClassName, Action]]

    @model_validator(mode="after")
    def _complete(self) -> LicenseClasses:
        missing = sorted(set(CLASS_NAMES) - set(self.classes))
        if missing:
            raise ValueError(f"classes {missing} are not defined; every one of {list(CLASS_NAMES)} must be")
        for use, mapping in self.intended_uses.items():
            absent = sorted(set(CLASS_NAMES) - set(mapping))
            if absent:
                raise ValueError(f"intended use '{use}' maps no action for class(es) {absent}")
        return self


@dataclass(frozen=True)
class Override:
    """A steward's decision about one source's license (catalog table license_overrides)."""

    source: str
    expression: str
    reviewer: str
    reason: str
    decided_at: str = ""
    audit_seq: int | None = None


@dataclass(frozen=True)
class LicenseRules:
    """Everything a license decision needs: the policy section, the class table it names (with the
    file's sha256, so a decision can say which table decided), and the stewards' overrides."""

    policy: LicensePolicy
    classes: LicenseClasses
    classes_file: str
    classes_sha256: str
    overrides: dict[str, Override] = field(default_factory=dict)

    @property
    def actions(self) -> dict[str, str]:
        return self.classes.intended_uses[self.policy.intended_use]

    def with_overrides(self, overrides) -> LicenseRules:
        by_source = {o.source: o for o in overrides}
        return LicenseRules(self.policy, self.classes, self.classes_file, self.classes_sha256, by_source)


def _matches(key: str, patterns: list[str]) -> bool:
    lowered = key.lower()
    return any(fnmatchcase(lowered, p.lower()) for p in patterns)


def base_license(key: str) -> str | None:
    """For custom terms (`LicenseRef-Custom-CC-BY-4.0-NonCommercial`), the SPDX license they are based on."""
    from curation.licenses.statements import base_of

    return base_of(key)


def classes_of(key: str, classes: LicenseClasses) -> list[str]:
    """Every class that lists `key` (by id or pattern); ['unknown'] when none does. Custom terms
    keep the classes of the license they are based on (its duties do not go away)."""
    found = [name for name, c in classes.classes.items() if name != "unknown" and _matches(key, c.licenses)]
    if not found and key.endswith("+") and len(key) > 1:
        # "Apache-2.0+": the licensee may take that version itself, so it has that version's classes
        found = [c for c in classes_of(key[:-1], classes) if c != "unknown"]
    if (base := base_license(key)) and base != key:
        found += [c for c in classes_of(base, classes) if c != "unknown" and c not in found]
    return found or ["unknown"]


def needs_attribution(key: str, classes: LicenseClasses) -> bool:
    return not _matches(key, classes.no_attribution)


@lru_cache(maxsize=16)
def _load_classes(path: str, sha256: str) -> LicenseClasses:
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise PolicyError(f"{path}: not valid YAML ({exc})") from None
    try:
        return LicenseClasses.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(f"key '{'.'.join(str(p) for p in e['loc'])}': {e['msg']}" for e in exc.errors())
        raise PolicyError(f"{path}: {problems}") from None


def load_rules(policy_licenses: LicensePolicy, policy_dir: Path | str, overrides=()) -> LicenseRules:
    """Rules from a policy's `licenses:` section, its classes file resolved against `policy_dir`."""
    path = (Path(policy_dir) / policy_licenses.classes_file).resolve()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PolicyError(f"key 'licenses.classes_file': {path} cannot be read ({exc.strerror})") from None
    sha = hashlib.sha256(data).hexdigest()
    classes = _load_classes(str(path), sha)
    if policy_licenses.intended_use not in classes.intended_uses:
        raise PolicyError(f"key 'licenses.intended_use': '{policy_licenses.intended_use}' is not an intended use "
                          f"in {path}; allowed: {sorted(classes.intended_uses)}")
    return LicenseRules(policy_licenses, classes, str(path), sha).with_overrides(overrides)


@dataclass(frozen=True)
class Judgement:
    action: str  # allow | review | deny
    reason: str
    key: str  # the license id that decided
    license_class: str  # the class that decided (or 'listed' for the policy's own lists)


def judge_key(key: str, rules: LicenseRules) -> Judgement:
    """One license id: the policy's own lists first, then the strictest of its classes."""
    for action in ("deny", "review", "allow"):
        if _matches(key, getattr(rules.policy, action)):
            return Judgement(action, "license_allowed" if action == "allow" else f"license_listed_{action}",
                             key, "listed")
    judged = [Judgement(rules.actions[c], REASONS[c], key, c) for c in classes_of(key, rules.classes)]
    if _matches(key, rules.classes.review_terms):
        # a person reads custom terms: never allowed unread, denied where their base is
        judged = [j for j in judged if j.license_class != "unknown"] + [
            Judgement("review", "license_custom_terms", key, "custom_terms")]
    worst = max(judged, key=lambda j: RANK[j.action])
    if worst.action == "allow":
        return Judgement("allow", "license_allowed", key, worst.license_class)
    return worst


def judge(expression: str, rules: LicenseRules) -> Judgement:
    """A whole (valid) expression: AND takes the stricter side, OR the more permissive one."""
    return _judge_node(spdx.parse(expression), rules)


def _judge_node(node, rules: LicenseRules) -> Judgement:
    if spdx.is_and(node) or spdx.is_or(node):
        parts = [_judge_node(arg, rules) for arg in node.args]
        pick = max if spdx.is_and(node) else min
        return pick(parts, key=lambda j: RANK[j.action])
    symbol = getattr(node, "license_symbol", node)  # "X WITH exception" is judged by X
    return judge_key(symbol.key, rules)


def validate(expression: str) -> str:
    """Normalized expression, or ExpressionError naming what is wrong."""
    return spdx.normalize(expression)


__all__ = ["Action", "CLASS_NAMES", "ExpressionError", "Judgement", "LicenseClasses", "LicenseRules",
           "Override", "classes_of", "judge", "judge_key", "load_rules", "needs_attribution"]
