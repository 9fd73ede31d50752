"""The before/after chart, laid out once as drawing primitives (app/export/shapes.py).

The PDF renderer turns the primitives into vector graphics, the DOCX renderer into a PNG and
the HTML renderer into SVG (app/exporters/drawing.py), so all three show the same picture.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from app.export.model import Figure
from app.export.shapes import BETTER, GREY, INK, MUTED, WORSE, Line, Rect, Shape, Text, fmt, wrap

PANELS_PER_ROW = 4


@dataclass(frozen=True)
class ChartPanel:
    label: str
    unit: str
    baseline: float | None
    target: float | None
    result: float | None
    higher_is_better: bool = True


@dataclass(frozen=True)
class Chart:
    """Before/after small multiples: one panel per metric, each on its own scale."""

    title: str
    panels: tuple[ChartPanel, ...]
    alt_text: str


def _panel(panel: ChartPanel, left: float, top: float, width: float, height: float) -> list[Shape]:
    shapes: list[Shape] = []
    title = wrap(panel.label, max(8, int(width / 5.6)))
    for index, line in enumerate(title):
        shapes.append(Text(left + width / 2, top + 11 + index * 11, line, 9, INK, "middle", True))
    plot_top = top + 14 + 11 * len(title)
    plot_bottom = top + height - 36  # below: the bars' captions, the unit, the target
    values = [v for v in (panel.baseline, panel.result, panel.target) if v is not None]
    high = max([0.0, *values])
    low = min([0.0, *values])
    span = (high - low) * 1.18 or 1.0

    def y_of(value: float) -> float:
        return plot_bottom - (value - low) / span * (plot_bottom - plot_top)

    bar = min(34.0, width / 4)
    improved = None
    if panel.baseline is not None and panel.result is not None:
        change = panel.result - panel.baseline
        improved = change > 0 if panel.higher_is_better else change < 0
    for offset, value, colour, caption in (
        (-0.6, panel.baseline, GREY, "Before"),
        (0.6, panel.result, BETTER if improved is not False else WORSE, "After"),
    ):
        centre = left + width / 2 + offset * bar
        if value is not None and math.isfinite(value):
            y0, y1 = sorted((y_of(0.0), y_of(value)))
            shapes.append(Rect(centre - bar / 2, y0, bar, max(y1 - y0, 0.5), colour))
            shapes.append(Text(centre, y0 - 3, fmt(value), 8, INK, "middle"))
        else:
            shapes.append(Text(centre, plot_bottom - 3, "—", 8, MUTED, "middle"))
        shapes.append(Text(centre, plot_bottom + 11, caption, 7.5, MUTED, "middle"))
    if panel.target is not None and math.isfinite(panel.target):
        y = y_of(panel.target)
        shapes.append(
            Line(left + width / 2 - 1.4 * bar, y, left + width / 2 + 1.4 * bar, y, INK, 0.8, True)
        )
        # named under the panel, not beside the line: there it ran past the panel's edge
        # with four panels to a row, and above it it met the bars' own figures
        shapes.append(
            Text(
                left + width / 2,
                plot_bottom + 32,
                f"target {fmt(panel.target)} (dashed line)",
                6.5,
                MUTED,
                "middle",
            )
        )
    shapes.append(Line(left + 8, y_of(0.0), left + width - 8, y_of(0.0), INK, 0.8))
    if panel.unit:
        shapes.append(Text(left + width / 2, plot_bottom + 22, panel.unit, 7.5, MUTED, "middle"))
    return shapes


def layout(chart: Chart, width: float = 480.0, panel_height: float = 170.0) -> Figure:
    """``chart`` laid out in a ``width``-wide box (points, y down)."""
    columns = min(PANELS_PER_ROW, max(1, len(chart.panels)))
    rows = math.ceil(len(chart.panels) / columns)
    panel_width = width / columns
    shapes: list[Shape] = [Text(0, 12, chart.title, 10.5, INK, "start", True)]
    for index, panel in enumerate(chart.panels):
        row, column = divmod(index, columns)
        shapes += _panel(
            panel, column * panel_width, 20 + row * panel_height, panel_width, panel_height
        )
    return Figure(chart.title, tuple(shapes), width, 20 + rows * panel_height, chart.alt_text)
