"""check(): hold a portfolio against every marking point of its unit.

One engine for every unit: the rules come from the unit file (see rules.py). No Qt here.
"""

from __future__ import annotations

import datetime as dt

from app.catalogue import MarkingPoint, Unit
from app.checker import quality
from app.checker.context import Context, link_target
from app.checker.legislation_rules import legislation_warnings
from app.checker.relations import relation_warnings
from app.checker.result import (
    KIND_STAGE,
    STAGES,
    TOOL_STAGES,
    CheckResult,
    Location,
    PointResult,
    Reason,
    Status,
    Warning,
)
from app.checker.rules import Outcome, evaluate
from app.checker.substance_warnings import cap_points, readings, substance_warnings
from app.checker.tool_gaps import tool_gap_warnings
from app.models import Portfolio

DEFAULT_CURRENCY_DAYS = 365


def _combine(statuses: list[Status]) -> Status:
    if statuses and all(s is Status.MET for s in statuses):
        return Status.MET
    if not statuses or all(s is Status.MISSING for s in statuses):
        return Status.MISSING
    return Status.PARTLY


def _check_point(context: Context, point: MarkingPoint) -> PointResult:
    context.point = point
    outcomes: list[Outcome] = [evaluate(context, rule) for rule in point.rules]
    reasons = [Reason(o.status, o.text, o.fixes) for o in outcomes]
    support: dict[tuple[str, int], None] = {}
    for outcome in outcomes:
        for ref in outcome.support:
            support.setdefault(ref)
    for link in context.valid_links.get(point.id, []):
        support.setdefault(link_target(link))
    status = _combine([o.status for o in outcomes])

    has_mapping_rule = any(rule["rule"] == "mapped" for rule in point.rules)
    if not has_mapping_rule:
        # A mapping lifts a point only when its rules have not already read that item and
        # found nothing in it: a mapped action whose barriers say "none" shows no barriers.
        valid = context.valid_links.get(point.id, [])
        if status is Status.MISSING and valid:
            rejected_items = _rejected_items(context, point)
            valid = [link for link in valid if link_target(link) not in rejected_items]
        if status is Status.MISSING and valid:
            status = Status.PARTLY
            reasons.append(
                Reason(
                    Status.PARTLY,
                    "Evidence is mapped to this point with a justification "
                    f"({', '.join(context.target_name(link) for link in valid[:3])}), but the "
                    "portfolio's own stages do not show it yet.",
                )
            )
        for link, why in context.weak_links.get(point.id, []):
            reasons.append(
                Reason(
                    Status.PARTLY,
                    f"The mapping of {context.target_name(link)} does not count: {why}.",
                    (context.link_location(link),),
                )
            )

    records = [
        r
        for r in context.portfolio.records
        if point.short_id in r.points and r.outcome != "not_yet"
    ]
    own_work = bool(support)
    for record in records:
        support.setdefault(("assessment_record", record.id))
    if point.methods and status is Status.MET:
        methods = {r.method for r in records} | ({"product_evidence"} if own_work else set())
        if len(methods) < point.methods:
            status = Status.PARTLY
            reasons.append(
                Reason(
                    Status.PARTLY,
                    quality.methods_note(sorted(methods), point.methods, point.short_id),
                    (Location("assessment_records"),),
                )
            )

    if point.sufficiency and status is Status.MET and len(support) < point.sufficiency:
        status = Status.PARTLY
        reasons.append(
            Reason(
                Status.PARTLY,
                quality.sufficiency_note(len(support), point.sufficiency),
                (Location("evidence"),),
            )
        )
    context.point = None
    return PointResult(
        point.id, point.text, status, tuple(reasons), tuple(support), readings(context, point)
    )


def _rejected_items(context: Context, point: MarkingPoint) -> set[tuple[str, int]]:
    """Items every text of which this point's rules read and could not count."""
    counted: dict[tuple[str, int], bool] = {}
    for (kind, item_id, _), seen in context.examined.get(point.id, {}).items():
        key = (kind, item_id)
        counted[key] = counted.get(key, False) or seen.counts
    return {key for key, any_counted in counted.items() if not any_counted}


def _holds(context: Context, conditions: tuple[dict, ...], fixes: list[Location]) -> bool:
    """Whether every condition holds (a ``negate``d rule holds when it is not met)."""
    for rule in conditions:
        outcome = evaluate(context, rule)
        is_met = outcome.status is Status.MET
        if rule.get("negate"):
            is_met = not is_met
            fixes.extend(outcome.fixes)
        if not is_met:
            return False
    return True


def _misconceptions(context: Context) -> list[Warning]:
    warnings = []
    for misconception in context.unit.misconceptions:
        detections = misconception.detections()
        if not detections:
            continue
        fixes: list[Location] = []
        context.reader = f"misconception {misconception.id}"
        shown: list[str] = []  # what the learner is told, from the first way it shows
        caps: set[str] = set()
        for detection in detections:
            if shown and caps >= set(detection.caps):
                continue  # shown already, and this way would hold back nothing more
            if _holds(context, detection.conditions, fixes):
                shown.append(detection.warning)
                caps |= set(detection.caps)
        context.reader = ""
        if shown:
            context.misconception_caps[misconception.id] = tuple(
                point.short_id for point in context.unit.marking_points if point.short_id in caps
            )
            text = shown[0] or misconception.text
            warnings.append(
                Warning(
                    "misconception",
                    misconception.id,
                    f"{text} (Common mistake: “{misconception.text}”)",
                    tuple(dict.fromkeys(fixes)),
                )
            )
    return warnings


def _stage_status(
    context: Context, result_points: list[PointResult], warnings: list[Warning]
) -> dict[str, Status]:
    """Complete / partial / empty per workspace stage, for the navigator's badges."""
    flagged: set[str] = set()
    for point in result_points:
        for location in point.fixes:
            flagged.add(location.stage)
    for warning in warnings:
        for location in warning.fixes:
            flagged.add(location.stage)
    stages: dict[str, Status] = {}
    for stage in STAGES:
        kinds = [k for k, s in KIND_STAGE.items() if s == stage]
        filled = any(context.items.get(k) for k in kinds if k != "portfolio")
        if stage == "details":
            filled = True
        elif stage == "declaration":
            declaration = context.portfolio.declaration
            filled = bool(declaration and declaration.is_signed)
        elif stage == "evaluation":
            filled = filled or bool(context.portfolio.evaluation_narrative.strip())
        if not filled and stage in TOOL_STAGES and stage not in flagged:
            continue  # a tool this unit does not ask for
        if not filled:
            stages[stage] = Status.MISSING
        elif stage in flagged:
            stages[stage] = Status.PARTLY
        else:
            stages[stage] = Status.MET
    return stages


def check(
    portfolio: Portfolio,
    unit: Unit,
    today: dt.date | None = None,
    currency_days: int = DEFAULT_CURRENCY_DAYS,
) -> CheckResult:
    """Hold ``portfolio`` (a loaded document) against every marking point of ``unit``."""
    context = Context.build(portfolio, unit, today or dt.date.today())
    quality_warnings = quality.sort_links(context)
    points = [_check_point(context, point) for point in unit.marking_points]
    quality_warnings += quality.authenticity_warnings(context)
    quality_warnings += quality.currency_warnings(context, currency_days)
    misconceptions = _misconceptions(context)
    points = cap_points(context, points, misconceptions)
    substance = (
        substance_warnings(context) + legislation_warnings(context) + relation_warnings(context)
    )
    gaps = quality.gap_warnings(context) + tool_gap_warnings(context)
    stage_status = _stage_status(
        context, points, misconceptions + substance + quality_warnings + gaps
    )
    return CheckResult(
        unit_id=unit.id,
        unit_title=unit.title,
        checked_on=context.today,
        points=tuple(points),
        misconceptions=tuple(misconceptions),
        quality=tuple(quality_warnings),
        gaps=tuple(gaps),
        substance=tuple(substance),
        stage_status=stage_status,
    )
