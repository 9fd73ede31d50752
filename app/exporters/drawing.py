"""Turn laid-out drawing primitives (app/export/shapes.py) into SVG, PNG or reportlab vectors."""

from __future__ import annotations

import io
import math
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw, ImageFont
from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.graphics.shapes import Line as RlLine
from reportlab.graphics.shapes import Polygon as RlPolygon
from reportlab.graphics.shapes import Rect as RlRect
from reportlab.lib.colors import HexColor

from app.export.shapes import Line, Polygon, Rect, Shape
from app.exporters import fonts

DASH = (4.0, 3.0)
#: Control characters and line or paragraph separators, which the text shaper refuses.
_UNSHAPEABLE = {code: " " for code in (*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029)}


def _shapeable(text: str) -> str:
    """``text`` as one line the raster text shaper accepts (the table beside a figure keeps
    the exact text)."""
    return text.translate(_UNSHAPEABLE)


def _attribute(text: str) -> str:
    return escape(text, {'"': "&quot;"})


def to_svg(shapes: list[Shape], width: float, height: float, alt_text: str) -> str:
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'role="img" aria-label="{_attribute(alt_text)}" '
        'font-family="DejaVu Sans, Arial, sans-serif">'
    ]
    for shape in shapes:
        if isinstance(shape, Rect):
            stroke = (
                f' stroke="{shape.stroke}" stroke-width="{shape.stroke_width}"'
                if shape.stroke
                else ""
            )
            parts.append(
                f'<rect x="{shape.x:.1f}" y="{shape.y:.1f}" width="{shape.width:.1f}" '
                f'height="{shape.height:.1f}" fill="{shape.fill}"{stroke}/>'
            )
        elif isinstance(shape, Polygon):
            points = " ".join(f"{x:.1f},{y:.1f}" for x, y in shape.points)
            stroke = (
                f' stroke="{shape.stroke}" stroke-width="{shape.stroke_width}"'
                if shape.stroke
                else ""
            )
            parts.append(f'<polygon points="{points}" fill="{shape.fill}"{stroke}/>')
        elif isinstance(shape, Line):
            dash = ' stroke-dasharray="4 3"' if shape.dashed else ""
            parts.append(
                f'<line x1="{shape.x1:.1f}" y1="{shape.y1:.1f}" x2="{shape.x2:.1f}" '
                f'y2="{shape.y2:.1f}" stroke="{shape.colour}" stroke-width="{shape.width}"{dash}/>'
            )
        else:
            weight = ' font-weight="bold"' if shape.bold else ""
            parts.append(
                f'<text x="{shape.x:.1f}" y="{shape.y:.1f}" font-size="{shape.size}" '
                f'fill="{shape.colour}" text-anchor="{shape.anchor}"{weight}>'
                f"{escape(shape.text)}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)


def _dashes(line: Line) -> list[tuple[float, float, float, float]]:
    """The drawn pieces of a dashed line, in any direction."""
    length = math.hypot(line.x2 - line.x1, line.y2 - line.y1)
    if length == 0:
        return []
    ux, uy = (line.x2 - line.x1) / length, (line.y2 - line.y1) / length
    pieces = []
    position = 0.0
    while position < length:
        end = min(position + DASH[0], length)
        pieces.append(
            (
                line.x1 + ux * position,
                line.y1 + uy * position,
                line.x1 + ux * end,
                line.y1 + uy * end,
            )
        )
        position += DASH[0] + DASH[1]
    return pieces


def to_png(shapes: list[Shape], width: float, height: float, scale: float = 3.0) -> bytes:
    """A raster of the shapes at ``scale`` pixels per point (for DOCX and the GUI)."""
    image = Image.new("RGB", (max(1, int(width * scale)), max(1, int(height * scale))), "white")
    draw = ImageDraw.Draw(image)
    font_cache: dict[tuple[float, bool], ImageFont.FreeTypeFont] = {}

    def font(size: float, bold: bool) -> ImageFont.FreeTypeFont:
        key = (size, bold)
        if key not in font_cache:
            path = fonts.FONT_FILES[fonts.BOLD if bold else fonts.REGULAR]
            font_cache[key] = ImageFont.truetype(str(path), max(1, int(size * scale)))
        return font_cache[key]

    def stroke_width(points: float) -> int:
        return max(1, round(points * scale))

    for shape in shapes:
        if isinstance(shape, Rect):
            draw.rectangle(
                [
                    shape.x * scale,
                    shape.y * scale,
                    (shape.x + shape.width) * scale,
                    (shape.y + shape.height) * scale,
                ],
                fill=shape.fill,
                outline=shape.stroke or None,
                width=stroke_width(shape.stroke_width) if shape.stroke else 0,
            )
        elif isinstance(shape, Polygon):
            points = [(x * scale, y * scale) for x, y in shape.points]
            draw.polygon(points, fill=shape.fill)
            if shape.stroke:
                draw.line(
                    [*points, points[0]],
                    fill=shape.stroke,
                    width=stroke_width(shape.stroke_width),
                    joint="curve",
                )
        elif isinstance(shape, Line):
            pieces = _dashes(shape) if shape.dashed else [(shape.x1, shape.y1, shape.x2, shape.y2)]
            for x1, y1, x2, y2 in pieces:
                draw.line(
                    [x1 * scale, y1 * scale, x2 * scale, y2 * scale],
                    fill=shape.colour,
                    width=stroke_width(shape.width),
                )
        else:
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}[shape.anchor]
            draw.text(
                (shape.x * scale, shape.y * scale),
                _shapeable(shape.text),
                fill=shape.colour,
                font=font(shape.size, shape.bold),
                anchor=anchor,
            )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def to_drawing(shapes: list[Shape], width: float, height: float, scale: float = 1.0) -> Drawing:
    """Vector graphics for reportlab, ``scale`` times the laid-out size (y axis flipped:
    reportlab's origin is bottom-left)."""
    group = Group()
    for shape in shapes:
        if isinstance(shape, Rect):
            group.add(
                RlRect(
                    shape.x,
                    height - shape.y - shape.height,
                    shape.width,
                    shape.height,
                    fillColor=HexColor(shape.fill),
                    strokeColor=HexColor(shape.stroke) if shape.stroke else None,
                    strokeWidth=shape.stroke_width,
                )
            )
        elif isinstance(shape, Polygon):
            flat = [value for x, y in shape.points for value in (x, height - y)]
            group.add(
                RlPolygon(
                    flat,
                    fillColor=HexColor(shape.fill),
                    strokeColor=HexColor(shape.stroke) if shape.stroke else None,
                    strokeWidth=shape.stroke_width,
                )
            )
        elif isinstance(shape, Line):
            group.add(
                RlLine(
                    shape.x1,
                    height - shape.y1,
                    shape.x2,
                    height - shape.y2,
                    strokeColor=HexColor(shape.colour),
                    strokeWidth=shape.width,
                    strokeDashArray=list(DASH) if shape.dashed else None,
                )
            )
        else:
            group.add(
                String(
                    shape.x,
                    height - shape.y,
                    shape.text,
                    fontName=fonts.BOLD if shape.bold else fonts.REGULAR,
                    fontSize=shape.size,
                    fillColor=HexColor(shape.colour),
                    textAnchor=shape.anchor,
                )
            )
    group.scale(scale, scale)
    drawing = Drawing(width * scale, height * scale)
    drawing.add(group)
    return drawing
