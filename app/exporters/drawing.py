"""Turn laid-out drawing primitives (app/export/chart.py) into SVG, PNG or reportlab vectors."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw, ImageFont
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.shapes import Line as RlLine
from reportlab.graphics.shapes import Rect as RlRect
from reportlab.lib.colors import HexColor

from app.export.chart import Line, Rect, Shape
from app.exporters import fonts

_ANCHOR_SVG = {"start": "start", "middle": "middle", "end": "end"}


def to_svg(shapes: list[Shape], width: float, height: float, alt_text: str) -> str:
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'role="img" aria-label="{escape(alt_text, {chr(34): "&quot;"})}" '
        'font-family="DejaVu Sans, Arial, sans-serif">'
    ]
    for shape in shapes:
        if isinstance(shape, Rect):
            parts.append(
                f'<rect x="{shape.x:.1f}" y="{shape.y:.1f}" width="{shape.width:.1f}" '
                f'height="{shape.height:.1f}" fill="{shape.fill}"/>'
            )
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
                f'fill="{shape.colour}" text-anchor="{_ANCHOR_SVG[shape.anchor]}"{weight}>'
                f"{escape(shape.text)}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)


def to_png(shapes: list[Shape], width: float, height: float, scale: float = 3.0) -> bytes:
    """A raster of the shapes at ``scale`` pixels per point (for DOCX)."""
    image = Image.new("RGB", (int(width * scale), int(height * scale)), "white")
    draw = ImageDraw.Draw(image)
    font_cache: dict[tuple[float, bool], ImageFont.FreeTypeFont] = {}

    def font(size: float, bold: bool) -> ImageFont.FreeTypeFont:
        key = (size, bold)
        if key not in font_cache:
            path = fonts.FONT_FILES[fonts.BOLD if bold else fonts.REGULAR]
            font_cache[key] = ImageFont.truetype(str(path), int(size * scale))
        return font_cache[key]

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
            )
        elif isinstance(shape, Line):
            if shape.dashed:
                length = shape.x2 - shape.x1
                step = 7.0
                position = 0.0
                while position < length:
                    end = min(position + 4.0, length)
                    draw.line(
                        [
                            (shape.x1 + position) * scale,
                            shape.y1 * scale,
                            (shape.x1 + end) * scale,
                            shape.y2 * scale,
                        ],
                        fill=shape.colour,
                        width=max(1, int(shape.width * scale)),
                    )
                    position += step
            else:
                draw.line(
                    [shape.x1 * scale, shape.y1 * scale, shape.x2 * scale, shape.y2 * scale],
                    fill=shape.colour,
                    width=max(1, int(shape.width * scale)),
                )
        else:
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}[shape.anchor]
            draw.text(
                (shape.x * scale, shape.y * scale),
                shape.text,
                fill=shape.colour,
                font=font(shape.size, shape.bold),
                anchor=anchor,
            )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def to_drawing(shapes: list[Shape], width: float, height: float) -> Drawing:
    """Vector graphics for reportlab (y axis flipped: reportlab's origin is bottom-left)."""
    drawing = Drawing(width, height)
    for shape in shapes:
        if isinstance(shape, Rect):
            drawing.add(
                RlRect(
                    shape.x,
                    height - shape.y - shape.height,
                    shape.width,
                    shape.height,
                    fillColor=HexColor(shape.fill),
                    strokeColor=None,
                )
            )
        elif isinstance(shape, Line):
            drawing.add(
                RlLine(
                    shape.x1,
                    height - shape.y1,
                    shape.x2,
                    height - shape.y2,
                    strokeColor=HexColor(shape.colour),
                    strokeWidth=shape.width,
                    strokeDashArray=[4, 3] if shape.dashed else None,
                )
            )
        else:
            drawing.add(
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
    return drawing
