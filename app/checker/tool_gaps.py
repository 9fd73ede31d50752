"""Loose ends in the structured tools that an assessor would query: items that refer to
nothing, diagrams with a piece missing. Gaps, not marking points."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.checker.context import Context
from app.checker.result import Warning
from app.checker.text import join_names

#: (kind, code, what is wrong, field to fix, test of an item)
LOOSE_ENDS: tuple[tuple[str, str, str, str, Callable[[Any], bool]], ...] = (
    (
        "legislation_link",
        "legislation-unlinked",
        "not tied to an action or a finding",
        "action_id",
        lambda link: link.action_id is None and link.finding_id is None,
    ),
    (
        "process_step",
        "step-without-lane",
        "in no lane (say who does it)",
        "lane_id",
        lambda step: step.lane_id is None,
    ),
    (
        "metric_reading",
        "reading-without-metric",
        "no metric or no value, so no trend shows it",
        "metric_id",
        lambda reading: reading.metric_id is None or reading.value is None,
    ),
    (
        "decision_option",
        "option-unscored",
        "not scored yet",
        "name",
        lambda option: not option.scores,
    ),
)


def tool_gap_warnings(context: Context) -> list[Warning]:
    warnings: list[Warning] = []
    for kind, code, problem, field, is_loose in LOOSE_ENDS:
        loose = [item for item in context.collection(kind) if is_loose(item)]
        if not loose:
            continue
        names = join_names([context.name(kind, item) for item in loose])
        warnings.append(
            Warning(
                "gap",
                code,
                f"{names[0].upper()}{names[1:]}: {problem}.",
                tuple(context.location(kind, item, field) for item in loose[:5]),
            )
        )
    if context.collection("decision_option") and not context.collection("decision_criterion"):
        warnings.append(
            Warning(
                "gap",
                "matrix-without-criteria",
                "Decision matrix: options are listed but no criteria to score them against.",
                (context.location("decision_criterion"),),
            )
        )
    return warnings
