"""What the checker says about substance once every point is judged.

Texts the rules read but could not count (placeholders, negations, intentions in a record,
copies of a sibling, restatements) and records dated after today become warnings an
assessor would raise; a detected misconception holds the points it concerns at "partly";
and every point keeps the texts it relied on and rejected, so its verdict can be audited.
"""

from __future__ import annotations

import dataclasses

from app.catalogue import MarkingPoint
from app.checker.context import DATED_VALUES, Context
from app.checker.result import Location, PointResult, Reading, Reason, Status, Warning
from app.checker.substance import public_code
from app.checker.text import join_names, quote

#: What each warning code tells the learner, before the list of texts: the sentence, and
#: its verb for one text and for several.
HEADLINES: dict[str, tuple[str, str, str]] = {
    "placeholder": (
        "Substance: {names} {verb} a placeholder or a pointer elsewhere, not an answer; write "
        "what actually happened.",
        "reads as",
        "read as",
    ),
    "negated": (
        "Substance: {names} {verb} there is none, which does not answer what is asked.",
        "says",
        "say",
    ),
    "intention": (
        "Substance: {names} {verb} what will be done, not what was done; a record counts only "
        "once it has happened.",
        "says",
        "say",
    ),
    "vague": (
        "Substance: {names} {verb} nothing specific (no figure, no named thing, nothing of "
        "this workplace); name what it is in your workplace: the step, system or people "
        "concerned, and how many, how much or how long.",
        "names",
        "name",
    ),
    "duplicate-text": (
        "Substance: {names} {verb} the same as another item; each counts once.",
        "says",
        "say",
    ),
    "restated": (
        "Substance: {names} only {verb} what {it} analyses; say why it happens (the cause "
        "behind it).",
        "repeats",
        "repeat",
    ),
    "future-dated": (
        "Current: {names} {verb} dated after today ({today}); it is not evidence of what "
        "happened and is not counted.",
        "is",
        "are",
    ),
}


def readings(context: Context, point: MarkingPoint) -> tuple[Reading, ...]:
    """The texts ``point``'s rules read, in the order read, as the result carries them."""
    trail = context.examined.get(point.id, {})
    out = []
    for (kind, item_id, field_name), seen in trail.items():
        item = context.by_id.get((kind, item_id)) if kind != "portfolio" else None
        location = context.location(kind, item, field_name)
        out.append(Reading(location, seen.text, seen.counts, public_code(seen.code), seen.why))
    return tuple(out)


def substance_warnings(context: Context) -> list[Warning]:
    """One warning per kind of problem, naming each text and where to fix it."""
    found: dict[str, dict[tuple[str, int, str], tuple[str, Location, str | None]]] = {}
    for point_id, trail in context.examined.items():
        for key, seen in trail.items():
            if seen.counts or not seen.code or seen.code == "empty":
                continue
            # Padding gets its own sentence (what to write instead), under the public code.
            code = seen.code if seen.code in HEADLINES else public_code(seen.code)
            kind, item_id, field_name = key
            item = context.by_id.get((kind, item_id)) if kind != "portfolio" else None
            name = context.name(kind, item) if item is not None else "the evaluation narrative"
            shown = f"{name} {field_name.replace('_', ' ')} {quote(seen.text, 40)}"
            if kind == "portfolio":
                shown = f"{name} {quote(seen.text, 40)}"
            entry = found.setdefault(code, {})
            if key not in entry:
                entry[key] = (shown, context.location(kind, item, field_name), point_id)
            elif entry[key][2] != point_id:
                entry[key] = (shown, entry[key][1], None)
    for entries in found.values():
        for key, (shown, location, point_id) in list(entries.items()):
            if point_id and not point_id.count("."):
                entries[key] = (shown, location, None)  # read by a misconception, not a point
    warnings = [_warning(context, code, entries) for code, entries in found.items()]
    future = _future_records(context)
    if future:
        warnings.append(_warning(context, "future-dated", future))
    return warnings


def _future_records(
    context: Context,
) -> dict[tuple[str, int, str], tuple[str, Location, str | None]]:
    out: dict[tuple[str, int, str], tuple[str, Location, str | None]] = {}
    for kind, item, field_name in context.future:
        out[(kind, item.id, field_name)] = (
            f"{context.name(kind, item)} ({getattr(item, field_name):%d/%m/%Y})",
            context.location(kind, item, field_name),
            None,
        )
    for (kind, value_field), date_field in DATED_VALUES.items():
        for item in context.collection(kind):
            when = getattr(item, date_field)
            if getattr(item, value_field) is not None and when is not None and when > context.today:
                out[(kind, item.id, date_field)] = (
                    f"{context.name(kind, item)} {value_field.replace('_', ' ')} ({when:%d/%m/%Y})",
                    context.location(kind, item, date_field),
                    None,
                )
    return out


def _warning(
    context: Context,
    code: str,
    entries: dict[tuple[str, int, str], tuple[str, Location, str | None]],
) -> Warning:
    shown = [text for text, _, _ in entries.values()]
    plural = len(shown) > 1
    sentence, one, several = HEADLINES[code]
    text = sentence.format(
        names=join_names(shown, 5),
        verb=several if plural else one,
        it="they" if plural else "it",
        today=f"{context.today:%d/%m/%Y}",
    )
    points = {point for _, _, point in entries.values()}
    point = points.pop() if len(points) == 1 else None
    fixes = tuple(location for _, location, _ in list(entries.values())[:5])
    return Warning("substance", public_code(code), text, fixes, point)


def cap_points(
    context: Context, points: list[PointResult], misconceptions: list[Warning]
) -> list[PointResult]:
    """Hold every point a detected misconception concerns at "partly met", saying why."""
    capped: dict[str, list[tuple[str, tuple[Location, ...]]]] = {}
    detected = {warning.code: warning for warning in misconceptions}
    for misconception in context.unit.misconceptions:
        warning = detected.get(misconception.id)
        if warning is None:
            continue
        for short_id in context.misconception_caps.get(misconception.id, misconception.caps):
            capped.setdefault(short_id, []).append((misconception.text, warning.fixes))
    out = []
    for point in points:
        reasons = tuple(
            Reason(Status.PARTLY, f"Common mistake shown: “{text}”", fixes)
            for text, fixes in capped.get(point.short_id, [])
        )
        restated = [r for r in point.readings if r.code == "restated"]
        if restated:
            # Copying the feedback into the analysis shows the skill is not there yet, even
            # when other items meet the rule's count.
            reasons += (
                Reason(
                    Status.PARTLY,
                    "Analysis: "
                    + join_names([f"{r.location.item_label} {quote(r.text, 40)}" for r in restated])
                    + " only repeat the feedback; an examiner looks for the cause behind it.",
                    tuple(r.location for r in restated[:5]),
                ),
            )
        if not reasons or point.status is not Status.MET:
            out.append(point)
            continue
        out.append(
            dataclasses.replace(point, status=Status.PARTLY, reasons=point.reasons + reasons)
        )
    return out
