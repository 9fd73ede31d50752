"""The completeness checker: a portfolio against its unit's examiner marking points. Qt-free."""

from app.checker.engine import DEFAULT_CURRENCY_DAYS, check
from app.checker.result import CheckResult, Location, PointResult, Reason, Status, Warning
from app.checker.rules import RULE_TYPES, validate_unit_rules

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
