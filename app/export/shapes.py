"""Drawing primitives every figure is laid out in: rectangles, polygons, lines and text.

Figures (the before/after chart, the journey map, the swimlane map …) are laid out once in
points, y pointing down; app/exporters/drawing.py turns the same shapes into reportlab
vectors (PDF), a PNG (DOCX and the GUI) and SVG (HTML).
"""

from __future__ import annotations

from dataclasses import dataclass

GREY = "#9ca3af"
BETTER = "#2563eb"
WORSE = "#d97706"
INK = "#111827"
MUTED = "#6b7280"
LIGHT = "#f3f4f6"
RED = "#dc2626"
GREEN = "#16a34a"


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    fill: str
    stroke: str = ""
    stroke_width: float = 0.8


@dataclass(frozen=True)
class Polygon:
    """A closed shape through ``points`` (diamonds, arrowheads, markers)."""

    points: tuple[tuple[float, float], ...]
    fill: str
    stroke: str = ""
    stroke_width: float = 0.8


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


Shape = Rect | Polygon | Line | Text


def wrap(text: str, width: int, max_lines: int = 3) -> list[str]:
    """``text`` in lines of at most ``width`` characters; the last line shown ends in …
    when text is left over."""
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
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(1, width - 1)].rstrip() + "…"
    return lines


def fmt(value: float) -> str:
    return f"{value:,.1f}".rstrip("0").rstrip(".")


def arrow_head(x: float, y: float, dx: float, dy: float, colour: str, size: float = 4.0) -> Polygon:
    """A filled arrowhead with its tip at (x, y), pointing along (dx, dy)."""
    length = (dx * dx + dy * dy) ** 0.5 or 1.0
    ux, uy = dx / length, dy / length
    back_x, back_y = x - ux * size * 1.6, y - uy * size * 1.6
    return Polygon(
        (
            (x, y),
            (back_x - uy * size, back_y + ux * size),
            (back_x + uy * size, back_y - ux * size),
        ),
        colour,
    )
