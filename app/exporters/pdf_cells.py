"""Table cells of plain text for the PDF: wrapped once per column width from cached character
widths and drawn line by line.

A platypus Paragraph parses markup and breaks its lines again on every pass a table makes
over it; a portfolio's tables hold thousands of cells of plain text in one font, where that
work is most of the export's time. Cells that need another font (emoji and symbols the main
font lacks) stay Paragraphs.
"""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable

from app.exporters.pdf_text import break_lines, widths


def wrap_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width``; runs of white space become one
    space and line breaks are kept, as in a Paragraph."""
    return break_lines(text, widths(font), size, width)[0]


class TextCell(Flowable):
    """Plain text in one font, top-aligned in a table cell."""

    def __init__(self, text: str, font: str, size: float, leading: float, colour: Color) -> None:
        super().__init__()
        self.text = text
        self.font = font
        self.size = size
        self.leading = leading
        self.colour = colour
        self.lines: list[str] = []
        self._wrapped_at: float | None = None

    def wrap(self, available_width: float, _available_height: float) -> tuple[float, float]:
        if self._wrapped_at != available_width:
            self.lines = wrap_lines(self.text, self.font, self.size, available_width)
            self._wrapped_at = available_width
        self.width = available_width
        self.height = len(self.lines) * self.leading
        return self.width, self.height

    def draw(self) -> None:
        if not self.lines:
            return
        text = self.canv.beginText(0, self.height - self.size)
        text.setFont(self.font, self.size, self.leading)
        text.setFillColor(self.colour)
        for line in self.lines:
            text.textLine(line)
        self.canv.drawText(text)
