"""The tools' diagrams, laid out once as drawing primitives: journey map, swimlane process map,
KPI trend, RATER profile and the decision matrix's weighted totals.

Plain data in, a Figure out; the exporters and the GUI draw the same Figure. Every text is
wrapped or shortened to fit its box, so no learner's text can break a layout.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping, Sequence
from typing import Any

from app.checker.tool_use import handoffs, option_total
from app.export.model import Figure, Hotspot
from app.export.shapes import (
    BETTER,
    GREEN,
    GREY,
    INK,
    LIGHT,
    MUTED,
    RED,
    WORSE,
    Line,
    Polygon,
    Rect,
    Shape,
    Text,
    arrow_head,
    fmt,
    wrap,
)
from app.export.text import clean
from app.models.vocab import CHANNELS, EMOTIONS, JOURNEY_STAGES, PROCESS_VERSIONS, RATER, label

WIDTH = 480.0
#: Card colours by the customer's feeling, -2 … +2.
EMOTION_FILL = {-2: "#fecaca", -1: "#fed7aa", 0: "#e5e7eb", 1: "#d9f99d", 2: "#bbf7d0"}
HANDOFF = BETTER


def _chars(width: float, size: float) -> int:
    """Characters of ``size``-point text that fit in ``width`` points (DejaVu Sans)."""
    return max(3, int(width / (size * 0.56)))


def _text_lines(
    x: float, top: float, text: str, width: float, size: float, lines: int, **style: Any
) -> list[Shape]:
    return [
        Text(x, top + size + index * (size + 1.5), line, size, **style)
        for index, line in enumerate(wrap(clean(text), _chars(width, size), lines))
    ]


# -- customer journey map ---------------------------------------------------------------------


def journey_map(touchpoints: Sequence[Any], refs: Mapping[int, str]) -> Figure | None:
    """Stages as columns; front-stage touchpoints above the line of visibility, back-office
    ones below; each card coloured by the customer's feeling; the emotion curve underneath."""
    if not touchpoints:
        return None
    stages = list(JOURNEY_STAGES)
    label_width = 58.0
    column = (WIDTH - label_width) / len(stages)
    card_h = 46.0
    by_cell: dict[tuple[str, bool], list[Any]] = {}
    for point in touchpoints:
        by_cell.setdefault((point.stage, point.back_office), []).append(point)
    front_rows = max((len(v) for (_, back), v in by_cell.items() if not back), default=1)
    back_rows = max((len(v) for (_, back), v in by_cell.items() if back), default=1)
    shapes: list[Shape] = [Text(0, 12, "Customer journey map", 10.5, INK, "start", True)]
    top = 22.0
    for index, stage in enumerate(stages):
        x = label_width + index * column
        shapes.append(Rect(x + 1, top, column - 2, 22, "#1e3a8a"))
        shapes += _text_lines(
            x + column / 2,
            top + 1.5,
            JOURNEY_STAGES[stage],
            column - 6,
            7,
            2,
            colour="#ffffff",
            anchor="middle",
            bold=True,
        )
    front_top = top + 28
    front_h = front_rows * (card_h + 4)
    back_top = front_top + front_h + 10
    back_h = back_rows * (card_h + 4)
    for row_top, height, title in (
        (front_top, front_h, "Front stage"),
        (back_top, back_h, "Back office"),
    ):
        shapes.append(Rect(0, row_top - 2, WIDTH, height, LIGHT))
        shapes += _text_lines(
            2, row_top + 2, title, label_width - 6, 7.5, 2, colour=MUTED, bold=True
        )
    line_y = front_top + front_h + 3
    shapes.append(Line(0, line_y, WIDTH, line_y, GREY, 0.8, True))
    shapes.append(Text(WIDTH - 2, line_y - 2, "line of visibility", 6, MUTED, "end"))
    centres: list[tuple[float, float, int]] = []
    spots: list[Hotspot] = []
    for (stage, back), cell in by_cell.items():
        column_index = stages.index(stage) if stage in stages else len(stages) - 1
        x = label_width + column_index * column + 3
        for row, point in enumerate(cell):
            y = (back_top if back else front_top) + row * (card_h + 4)
            feeling = point.emotion if point.emotion in EMOTION_FILL else 0
            shapes.append(Rect(x, y, column - 6, card_h, EMOTION_FILL[feeling], GREY, 0.5))
            spots.append(Hotspot(x, y, column - 6, card_h, "journey_touchpoint", point.id))
            reference = refs.get(point.id, "")
            shapes += _text_lines(
                x + 3,
                y + 1,
                f"{reference} {point.touchpoint}".strip(),
                column - 10,
                6.5,
                4,
                colour=INK,
            )
            shapes.append(Text(x + 3, y + card_h - 3, label(CHANNELS, point.channel), 5.5, MUTED))
            if clean(point.pain_point).strip():
                shapes.append(Rect(x + column - 15, y + card_h - 9, 7, 7, RED))
            if point.emotion is not None and not back:
                share = (row + 1) / (len(cell) + 1)
                centres.append((x - 3 + share * column, y, point.emotion))
    curve_top = back_top + back_h + 10
    curve_h = 56.0
    shapes.append(Rect(0, curve_top - 2, WIDTH, curve_h + 4, LIGHT))
    shapes += _text_lines(
        2, curve_top + 2, "Customer feeling", label_width - 6, 7.5, 2, colour=MUTED, bold=True
    )

    def y_of(emotion: int) -> float:
        return curve_top + 6 + (2 - emotion) / 4 * (curve_h - 12)

    for level, caption in ((2, "+2"), (0, "0"), (-2, "−2")):
        shapes.append(Line(label_width, y_of(level), WIDTH - 4, y_of(level), "#d1d5db", 0.5))
        shapes.append(Text(label_width - 3, y_of(level) + 2.5, caption, 6, MUTED, "end"))
    ordered = sorted(centres, key=lambda c: (c[0], c[1]))
    for (x1, _, e1), (x2, _, e2) in itertools.pairwise(ordered):
        shapes.append(Line(x1, y_of(e1), x2, y_of(e2), BETTER, 1.2))
    for x, _, emotion in ordered:
        y = y_of(emotion)
        colour = RED if emotion < 0 else (GREEN if emotion > 0 else GREY)
        shapes.append(Polygon(((x, y - 3), (x + 3, y), (x, y + 3), (x - 3, y)), colour))
    legend_y = curve_top + curve_h + 14
    shapes.append(Rect(0, legend_y - 6, 7, 7, RED))
    shapes.append(
        Text(
            10,
            legend_y,
            "pain point recorded   ·   card colour: red unhappy … green happy",
            6.5,
            MUTED,
        )
    )
    worst = min(
        (p for p in touchpoints if p.emotion is not None), key=lambda p: p.emotion, default=None
    )
    channels = sorted({label(CHANNELS, p.channel) for p in touchpoints})
    alt = (
        f"Customer journey map of {len(touchpoints)} touchpoints across "
        f"{len({p.stage for p in touchpoints})} stages and {len(channels)} channels "
        f"({', '.join(channels)})"
        + (
            f"; lowest point: {clean(worst.touchpoint)} ({EMOTIONS[worst.emotion]})"
            if worst is not None and worst.emotion in EMOTIONS
            else ""
        )
    )
    return Figure("Customer journey map", tuple(shapes), WIDTH, legend_y + 6, alt, tuple(spots))


# -- swimlane process map ---------------------------------------------------------------------


def _columns(steps: Sequence[Any]) -> dict[int, int]:
    """Column of each step: one after the latest step that leads to it, moved right while
    its lane already has a step there."""
    order = {step.id: index for index, step in enumerate(steps)}
    earlier: dict[int, list[int]] = {step.id: [] for step in steps}
    for step in steps:
        for following in step.next_steps:
            if following.id in order and order[following.id] > order[step.id]:
                earlier[following.id].append(step.id)
    columns: dict[int, int] = {}
    taken: set[tuple[int | None, int]] = set()
    for step in steps:
        column = max((columns[p] + 1 for p in earlier[step.id]), default=0)
        while (step.lane_id, column) in taken:
            column += 1
        columns[step.id] = column
        taken.add((step.lane_id, column))
    return columns


def swimlane(
    version: str, lanes: Sequence[Any], steps: Sequence[Any], refs: Mapping[int, str]
) -> Figure | None:
    """Lanes as rows, steps as boxes (decisions as diamonds, start and end as rounded ends),
    arrows between them; arrows that cross lanes (handoffs) in blue, bottlenecks in red."""
    steps = [s for s in steps if s.version == version]
    if not steps:
        return None
    used = {s.lane_id for s in steps}
    rows: list[tuple[int | None, str]] = [(lane.id, lane.role) for lane in lanes if lane.id in used]
    if None in used:
        rows.append((None, "No lane"))
    row_of = {lane_id: index for index, (lane_id, _) in enumerate(rows)}
    columns = _columns(steps)
    count = max(columns.values()) + 1
    label_width = 58.0
    column_w = max(66.0, (WIDTH - label_width) / count)
    width = label_width + column_w * count
    lane_h = 62.0
    top = 22.0
    box_w, box_h = column_w - 12, 42.0
    title = label(PROCESS_VERSIONS, version)
    shapes: list[Shape] = [Text(0, 12, f"Swimlane map: {title.lower()}", 10.5, INK, "start", True)]
    for index, (_, role) in enumerate(rows):
        y = top + index * lane_h
        shapes.append(Rect(0, y, width, lane_h, LIGHT if index % 2 == 0 else "#ffffff"))
        shapes.append(Rect(0, y, label_width - 4, lane_h, "#dbeafe"))
        shapes += _text_lines(
            4, y + lane_h / 2 - 11, role, label_width - 12, 7.5, 3, colour=INK, bold=True
        )
        shapes.append(Line(0, y + lane_h, width, y + lane_h, GREY, 0.5))
    boxes: dict[int, tuple[float, float]] = {}
    for step in steps:
        x = label_width + columns[step.id] * column_w + 7
        y = top + row_of[step.lane_id] * lane_h + (lane_h - box_h) / 2
        boxes[step.id] = (x, y)
    spots = tuple(
        Hotspot(x, y, box_w, box_h, "process_step", step_id) for step_id, (x, y) in boxes.items()
    )
    # arrows into the same step come in at their own height, bending in their own place
    incoming: dict[int, list[int]] = {}
    for step in steps:
        for following in step.next_steps:
            if following.id in boxes and boxes[following.id][0] > boxes[step.id][0]:
                incoming.setdefault(following.id, []).append(step.id)
    arrows: list[Shape] = []
    for step in steps:
        x, y = boxes[step.id]
        for following in step.next_steps:
            if following.id not in boxes:
                continue
            tx, ty = boxes[following.id]
            crossing = (
                step.lane_id != following.lane_id
                and step.lane_id is not None
                and following.lane_id is not None
            )
            colour = HANDOFF if crossing else INK
            weight = 1.3 if crossing else 0.9
            start_y, end_y = y + box_h / 2, ty + box_h / 2
            if tx > x:  # forwards: out of the right side, into the left side
                sources = incoming[following.id]
                order = sources.index(step.id)
                end_y = ty + box_h * (order + 1) / (len(sources) + 1)
                bend = tx - 4 - 3 * min(order, 2)
                arrows.append(Line(x + box_w, start_y, bend, start_y, colour, weight))
                arrows.append(Line(bend, start_y, bend, end_y, colour, weight))
                arrows.append(Line(bend, end_y, tx, end_y, colour, weight))
                arrows.append(arrow_head(tx, end_y, 1, 0, colour))
            else:  # backwards (a loop): under the boxes and up into the bottom
                below = max(y, ty) + box_h + 6
                arrows.append(Line(x + box_w / 2, y + box_h, x + box_w / 2, below, colour, weight))
                arrows.append(Line(x + box_w / 2, below, tx + box_w / 2, below, colour, weight))
                arrows.append(
                    Line(tx + box_w / 2, below, tx + box_w / 2, ty + box_h, colour, weight)
                )
                arrows.append(arrow_head(tx + box_w / 2, ty + box_h, 0, -1, colour))
    shapes += arrows
    for step in steps:
        x, y = boxes[step.id]
        fill = "#fee2e2" if step.bottleneck else "#ffffff"
        stroke = RED if step.bottleneck else INK
        thick = 1.6 if step.bottleneck else 0.8
        if step.step_type == "decision":
            shapes.append(
                Polygon(
                    (
                        (x + box_w / 2, y - 4),
                        (x + box_w, y + box_h / 2),
                        (x + box_w / 2, y + box_h + 4),
                        (x, y + box_h / 2),
                    ),
                    fill,
                    stroke,
                    thick,
                )
            )
            text_x, text_w = x + box_w / 2, box_w * 0.7
        elif step.step_type in {"start", "end"}:
            cut = 5.0
            shapes.append(
                Polygon(
                    (
                        (x + cut, y),
                        (x + box_w - cut, y),
                        (x + box_w, y + box_h / 2),
                        (x + box_w - cut, y + box_h),
                        (x + cut, y + box_h),
                        (x, y + box_h / 2),
                    ),
                    "#e0e7ff" if not step.bottleneck else fill,
                    stroke,
                    thick,
                )
            )
            text_x, text_w = x + box_w / 2, box_w - 2 * cut
        else:
            shapes.append(Rect(x, y, box_w, box_h, fill, stroke, thick))
            text_x, text_w = x + box_w / 2, box_w - 6
        lines = wrap(
            clean(step.label), _chars(text_w, 6.2), 4 if step.step_type != "decision" else 3
        )
        first = y + box_h / 2 - (len(lines) - 1) * 3.8 + 2
        for index, line in enumerate(lines):
            shapes.append(Text(text_x, first + index * 7.6, line, 6.2, INK, "middle"))
        reference = refs.get(step.id, "")
        if reference:
            shapes.append(Text(x, y - 2, reference, 5.5, MUTED))
        if clean(step.outcome).strip():
            shapes.append(Rect(x + box_w - 6, y - 7, 6, 6, GREEN))
    bottom = top + len(rows) * lane_h + 12
    crossing = handoffs(steps)
    legend = [
        (
            Line(0, bottom - 2.5, 14, bottom - 2.5, HANDOFF, 1.3),
            f"handoff between lanes ({len(crossing)})",
        ),
        (Rect(0, bottom - 7, 10, 7, "#fee2e2", RED, 1.2), "bottleneck"),
        (Rect(2, bottom - 7, 6, 6, GREEN), "step with a measurable outcome"),
    ]
    x = 0.0
    for mark, words in legend:
        if isinstance(mark, Line):
            shapes.append(Line(x, mark.y1, x + 14, mark.y2, mark.colour, mark.width))
        else:
            shapes.append(
                Rect(
                    x + mark.x,
                    mark.y,
                    mark.width,
                    mark.height,
                    mark.fill,
                    mark.stroke,
                    mark.stroke_width,
                )
            )
        shapes.append(Text(x + 18, bottom, words, 6.5, MUTED))
        x += 18 + len(words) * 3.7 + 14
    bottlenecks = [clean(s.label) for s in steps if s.bottleneck]
    alt = (
        f"Swimlane map of the {title.lower()}: {len(steps)} steps in {len(rows)} lanes "
        f"({', '.join(clean(role) for _, role in rows)}), {len(crossing)} handoffs"
        + (f"; bottlenecks: {'; '.join(bottlenecks)}" if bottlenecks else "")
    )
    return Figure(f"Swimlane map: {title}", tuple(shapes), width, bottom + 6, alt, spots)


# -- KPI tracker ------------------------------------------------------------------------------


def _series(metric: Any, readings: Sequence[Any]) -> list[tuple[dt.date, float, str]]:
    points = []
    if metric.baseline_value is not None and metric.baseline_on is not None:
        points.append((metric.baseline_on, metric.baseline_value, "baseline"))
    for reading in readings:
        if reading.metric_id == metric.id and reading.value is not None and reading.taken_on:
            points.append((reading.taken_on, reading.value, "reading"))
    if metric.result_value is not None and metric.result_on is not None:
        points.append((metric.result_on, metric.result_value, "result"))
    return sorted(points, key=lambda p: p[0])


def _kpi_panel(
    metric: Any,
    points: list[tuple[dt.date, float, str]],
    left: float,
    top: float,
    width: float,
    height: float,
) -> list[Shape]:
    shapes = _text_lines(
        left + width / 2,
        top,
        f"{metric.name} ({metric.unit})".replace(" ()", ""),
        width,
        8,
        1,
        colour=INK,
        anchor="middle",
        bold=True,
    )
    plot_left, plot_right = left + 26, left + width - 4
    plot_top, plot_bottom = top + 18, top + height - 20
    values = [v for _, v, _ in points]
    if metric.target_value is not None:
        values.append(metric.target_value)
    low, high = min(values), max(values)
    pad = (high - low) * 0.15 or abs(high) * 0.1 or 1.0
    first, last = points[0][0], points[-1][0]
    days = max(1, (last - first).days)

    def x_of(day: dt.date) -> float:
        return plot_left + (day - first).days / days * (plot_right - plot_left)

    def y_of(value: float) -> float:
        return plot_bottom - (value - low + pad) / (high - low + 2 * pad) * (plot_bottom - plot_top)

    shapes.append(Line(plot_left, plot_bottom, plot_right, plot_bottom, INK, 0.6))
    shapes.append(Line(plot_left, plot_top, plot_left, plot_bottom, INK, 0.6))
    for value in {low, high}:
        shapes.append(Text(plot_left - 3, y_of(value) + 2.5, fmt(value), 6, MUTED, "end"))
    if metric.target_value is not None:
        y = y_of(metric.target_value)
        shapes.append(Line(plot_left, y, plot_right, y, GREEN, 0.8, True))
        shapes.append(
            Text(plot_right, y - 2.5, f"target {fmt(metric.target_value)}", 6, GREEN, "end")
        )
    colour = BETTER if metric.improved is not False else WORSE
    for (d1, v1, _), (d2, v2, _) in itertools.pairwise(points):
        shapes.append(Line(x_of(d1), y_of(v1), x_of(d2), y_of(v2), colour, 1.4))
    for day, value, kind in points:
        x, y = x_of(day), y_of(value)
        size = 2.3 if kind == "reading" else 3.2
        fill = GREY if kind == "baseline" else colour
        shapes.append(Rect(x - size, y - size, 2 * size, 2 * size, fill))
    shapes.append(Text(plot_left, plot_bottom + 9, first.strftime("%d %b %Y"), 6, MUTED))
    shapes.append(Text(plot_right, plot_bottom + 9, last.strftime("%d %b %Y"), 6, MUTED, "end"))
    end_day, end_value, _ = points[-1]
    shapes.append(
        Text(x_of(end_day) - 4, y_of(end_value) - 5, fmt(end_value), 6.5, colour, "end", True)
    )
    return shapes


def kpi_trend(metrics: Sequence[Any], readings: Sequence[Any]) -> Figure | None:
    """One small line chart per metric over time: baseline, readings, result, and the target
    as a dashed line."""
    series = [(m, _series(m, readings)) for m in metrics]
    series = [(m, s) for m, s in series if len(s) >= 2]
    if not series:
        return None
    per_row = 2
    panel_w = WIDTH / per_row
    panel_h = 150.0
    shapes: list[Shape] = [
        Text(0, 12, "KPI tracker: each metric over time", 10.5, INK, "start", True)
    ]
    for index, (metric, points) in enumerate(series):
        row, column = divmod(index, per_row)
        shapes += _kpi_panel(
            metric, points, column * panel_w + 6, 22 + row * panel_h, panel_w - 14, panel_h - 10
        )
    rows = (len(series) + per_row - 1) // per_row
    alt = "Line charts of each metric over time: " + "; ".join(
        f"{clean(m.name)} " + " → ".join(fmt(v) for _, v, _ in s) for m, s in series
    )
    return Figure("KPI tracker", tuple(shapes), WIDTH, 22 + rows * panel_h, alt)


# -- RATER self-assessment --------------------------------------------------------------------


def rater_profile(scores: Sequence[Any]) -> Figure | None:
    """Horizontal bars of the five RATER dimensions on a 1–5 scale."""
    rated = [s for s in scores if s.score is not None]
    if not rated:
        return None
    label_width, bar_h, gap = 92.0, 14.0, 6.0
    plot_w = WIDTH - label_width - 30
    shapes: list[Shape] = [Text(0, 12, "RATER self-assessment (1–5)", 10.5, INK, "start", True)]
    top = 24.0
    spots: list[Hotspot] = []
    for tick in range(1, 6):
        x = label_width + (tick - 1) / 4 * plot_w
        shapes.append(Line(x, top - 2, x, top + len(rated) * (bar_h + gap), "#d1d5db", 0.5))
        shapes.append(
            Text(x, top + len(rated) * (bar_h + gap) + 8, str(tick), 6.5, MUTED, "middle")
        )
    for index, score in enumerate(rated):
        y = top + index * (bar_h + gap)
        shapes.append(
            Text(label_width - 6, y + bar_h - 4, label(RATER, score.dimension), 8, INK, "end")
        )
        length = max(2.0, (score.score - 1) / 4 * plot_w)
        colour = RED if score.score <= 2 else (WORSE if score.score < 4 else GREEN)
        shapes.append(Rect(label_width, y, length, bar_h, colour))
        spots.append(Hotspot(0, y, WIDTH, bar_h, "rater_score", score.id))
        shapes.append(Text(label_width + length + 4, y + bar_h - 4, fmt(score.score), 7.5, INK))
    height = top + len(rated) * (bar_h + gap) + 14
    alt = "RATER self-assessment: " + ", ".join(
        f"{label(RATER, s.dimension)} {fmt(s.score)} of 5" for s in rated
    )
    return Figure("RATER self-assessment", tuple(shapes), WIDTH, height, alt, tuple(spots))


# -- decision matrix --------------------------------------------------------------------------


def matrix_totals(options: Sequence[Any], criteria: Sequence[Any]) -> Figure | None:
    """Each option's weighted total as a bar, the chosen one highlighted."""
    if not options or not criteria:
        return None
    weights = {c.id: c.weight for c in criteria}
    best = sum(weights.values()) * 5 or 1.0
    label_width, bar_h, gap = 150.0, 14.0, 6.0
    plot_w = WIDTH - label_width - 60
    shapes: list[Shape] = [Text(0, 12, "Weighted totals", 10.5, INK, "start", True)]
    top = 22.0
    ranked = sorted(options, key=lambda o: -option_total(o, weights))
    spots: list[Hotspot] = []
    for index, option in enumerate(ranked):
        y = top + index * (bar_h + gap)
        total = option_total(option, weights)
        name = wrap(clean(option.name), _chars(label_width - 8, 7.5), 1)
        shapes.append(
            Text(
                label_width - 6,
                y + bar_h - 4,
                name[0] if name else "",
                7.5,
                INK,
                "end",
                option.chosen,
            )
        )
        length = max(1.0, total / best * plot_w)
        shapes.append(Rect(label_width, y, length, bar_h, BETTER if option.chosen else GREY))
        spots.append(Hotspot(0, y, WIDTH, bar_h, "decision_option", option.id))
        words = f"{fmt(total)} of {fmt(best)}" + ("  (chosen)" if option.chosen else "")
        shapes.append(Text(label_width + length + 4, y + bar_h - 4, words, 7, INK))
    height = top + len(ranked) * (bar_h + gap) + 4
    alt = "Weighted totals of the options: " + ", ".join(
        f"{clean(o.name)} {fmt(option_total(o, weights))}" + (" (chosen)" if o.chosen else "")
        for o in ranked
    )
    return Figure("Weighted totals", tuple(shapes), WIDTH, height, alt, tuple(spots))
