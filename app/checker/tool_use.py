"""Which tools a unit's rules read, a decision option's weighted total, a process map's
hand-offs.

Why a module of its own: the window shows which marking points use each tool and a matrix's
totals from the moment it opens, while the rules that judge the tools (tool_rules, relations)
need the whole checker. This holds what both sides need and imports nothing of the checker
but its result types, so a window starts without loading the checker it leaves to its worker.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import inspect

from app.catalogue import Unit
from app.checker.result import TOOL_STAGES
from app.models.kinds import KINDS
from app.models.tools import DecisionOption, ProcessStep

#: The kind of item each tool rule reads.
_RULE_KINDS = {
    "swimlane": "process_step",
    "matrix": "decision_option",
    "legislation": "legislation_link",
    "smart": "action_item",
    "measures": "metric",
}


def rule_kinds(rule: Mapping[str, Any]) -> set[str]:
    """The kinds of item a rule reads (through alternatives and related items too)."""
    kinds: set[str] = set()
    if rule.get("rule") == "any":
        for alternative in rule.get("rules", []):
            kinds |= rule_kinds(alternative)
    if rule.get("rule") in _RULE_KINDS:
        kinds.add(_RULE_KINDS[rule["rule"]])
    if "collection" in rule:
        kinds.add(rule["collection"])
        if rule.get("rule") == "children":
            model = KINDS[rule["collection"]].model
            relation = inspect(model).relationships[rule["relation"]]
            kinds.add(relation.mapper.class_.__tablename__)
    return kinds


def tool_points(unit: Unit) -> dict[str, list[str]]:
    """Workspace stage of each tool -> the unit's marking points (MP1 …) whose rules use it."""
    used: dict[str, list[str]] = {}
    for point in unit.marking_points:
        stages = {
            KINDS[kind].stage
            for rule in point.rules
            for kind in rule_kinds(rule)
            if kind in KINDS and KINDS[kind].stage in TOOL_STAGES
        }
        for stage in sorted(stages):
            used.setdefault(stage, []).append(point.short_id)
    return used


def option_total(option: DecisionOption, weights: Mapping[int, float]) -> float:
    """Weighted total of an option: the sum of weight × score over the criteria."""
    return sum(weights.get(s.criterion_id, 0.0) * s.score for s in option.scores)


def handoffs(steps: list[ProcessStep]) -> list[tuple[ProcessStep, ProcessStep]]:
    """Arrows between steps of different lanes: where work changes hands."""
    return [
        (step, following)
        for step in steps
        for following in step.next_steps
        if step.lane_id is not None
        and following.lane_id is not None
        and following.lane_id != step.lane_id
    ]
