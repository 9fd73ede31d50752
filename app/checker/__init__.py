"""The completeness checker: a portfolio against its unit's examiner marking points. Qt-free.

The names below load with the module that holds them, the first time they are used: the
window needs the result types from its first moment but the engine and its rules only in the
check worker (or for a check of its own), and importing them all cost the window's start.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.checker.engine import DEFAULT_CURRENCY_DAYS, check
    from app.checker.result import CheckResult, Location, PointResult, Reason, Status, Warning
    from app.checker.rules import RULE_TYPES, validate_unit_rules

#: Each public name and the module it comes from.
_HOMES = {
    "DEFAULT_CURRENCY_DAYS": "engine",
    "check": "engine",
    "CheckResult": "result",
    "Location": "result",
    "PointResult": "result",
    "Reason": "result",
    "Status": "result",
    "Warning": "result",
    "RULE_TYPES": "rules",
    "validate_unit_rules": "rules",
}

__all__ = [
    "DEFAULT_CURRENCY_DAYS",
    "RULE_TYPES",
    "CheckResult",
    "Location",
    "PointResult",
    "Reason",
    "Status",
    "Warning",
    "check",
    "validate_unit_rules",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'app.checker' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"app.checker.{home}"), name)
    globals()[name] = value  # looked up once
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})
