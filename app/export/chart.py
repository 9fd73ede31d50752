"""The before/after chart, laid out once as drawing primitives.

The PDF renderer turns the primitives into vector graphics, the DOCX renderer into a PNG and
the HTML renderer into SVG (app/exporters/drawing.py), so all three show the same picture.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from app.export.model import Chart, ChartPanel

GREY = "#9ca3af"
BETTER = "#2563eb"
WORSE = "#d97706"
INK = "#111827"
MUTED = "#6b7280"


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    fill: str


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str = INK
    width: float = 1.0
    dashed: bool = False


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # baseline
    text: str
    size: float = 9.0
    colour: str = INK
    anchor: str = "start"  # start | middle | end
    bold: bool = False


Shape = Rect | Line | Text
PANELS_PER_ROW = 4


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        while len(word) > width:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:width])
            word = word[width:]
        candidate = f"{current} {word}".strip()
        if len(candidate) > width and current:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines[:3]


def _format(value: float) -> str:
    return f"{value:,.1f}".rstrip("0").rstrip(".")


def _panel(panel: ChartPanel, left: float, top: float, width: float, height: float) -> list[Shape]:
    shapes: list[Shape] = []
    title = _wrap(panel.label, max(8, int(width / 5.6)))
    for index, line in enumerate(title):
        shapes.append(Text(left + width / 2, top + 11 + index * 11, line, 9, INK, "middle", True))
    plot_top = top + 14 + 11 * len(title)
    plot_bottom = top + height - 26
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
            shapes.append(Text(centre, y0 - 3, _format(value), 8, INK, "middle"))
        else:
            shapes.append(Text(centre, plot_bottom - 3, "—", 8, MUTED, "middle"))
        shapes.append(Text(centre, plot_bottom + 11, caption, 7.5, MUTED, "middle"))
    if panel.target is not None and math.isfinite(panel.target):
        y = y_of(panel.target)
        shapes.append(
            Line(left + width / 2 - 1.4 * bar, y, left + width / 2 + 1.4 * bar, y, INK, 0.8, True)
        )
        shapes.append(
            Text(
                left + width / 2 + 1.45 * bar,
                y + 3,
                f"target {_format(panel.target)}",
                6.5,
                MUTED,
                "start",
            )
        )
    shapes.append(Line(left + 8, y_of(0.0), left + width - 8, y_of(0.0), INK, 0.8))
    if panel.unit:
        shapes.append(Text(left + width / 2, plot_bottom + 22, panel.unit, 7.5, MUTED, "middle"))
    return shapes


def layout(
    chart: Chart, width: float = 480.0, panel_height: float = 170.0
) -> tuple[list[Shape], float]:
    """Shapes for ``chart`` in a ``width``-wide box (points, y down) and the box's height."""
    columns = min(PANELS_PER_ROW, max(1, len(chart.panels)))
    rows = math.ceil(len(chart.panels) / columns)
    panel_width = width / columns
    shapes: list[Shape] = [Text(0, 12, chart.title, 10.5, INK, "start", True)]
    for index, panel in enumerate(chart.panels):
        row, column = divmod(index, columns)
        shapes += _panel(
            panel, column * panel_width, 20 + row * panel_height, panel_width, panel_height
        )
    return shapes, 20 + rows * panel_height
