"""SPDX expressions: parsing, normalizing and walking them with `license-expression`."""

from __future__ import annotations

from functools import lru_cache

from license_expression import ExpressionError, get_spdx_licensing


@lru_cache(maxsize=1)
def licensing():
    return get_spdx_licensing()


@lru_cache(maxsize=4096)
def normalize(expression: str) -> str:
    """The expression with SPDX's spelling of every id (`mit` → `MIT`, `GPL-2.0+` →
    `GPL-2.0-or-later`). Raises ExpressionError for a malformed expression or an id that is
    neither on the SPDX list nor a user-defined `LicenseRef-`."""
    lic = licensing()
    parsed = lic.parse(expression)
    if parsed is None:
        raise ExpressionError("empty expression")
    # SPDX's "+" (this version or any later) on an id that has no -or-later spelling: `LPPL-1.3c+`
    unknown = [k for k in lic.unknown_license_keys(parsed) if not k.startswith("LicenseRef-")
               and not (k.endswith("+") and not lic.unknown_license_keys(lic.parse(k[:-1])))]
    if unknown:
        raise ExpressionError(f"unknown license id(s) {unknown}")
    if any(k.endswith("+") for k in lic.unknown_license_keys(parsed)):
        return str(parsed)
    info = lic.validate(expression)
    return info.normalized_expression or str(parsed)


def keys(expression: str) -> list[str]:
    """Every license id in an expression (an exception after WITH is not a license)."""
    return [str(k) for k in licensing().license_keys(licensing().parse(expression))]


def is_and(node) -> bool:
    return isinstance(node, licensing().AND)


def is_or(node) -> bool:
    return isinstance(node, licensing().OR)


def parse(expression: str):
    return licensing().parse(expression)


def listed_id(token: str) -> str | None:
    """SPDX's spelling of `token` where it is one license on the SPDX list (`mit` -> `MIT`); None
    for an expression, a `LicenseRef-` or a word that is no id."""
    try:
        found = normalize(token)
    except ExpressionError:
        return None
    return None if " " in found or found.startswith("LicenseRef-") else found
