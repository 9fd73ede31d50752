"""Table cells of plain text for the PDF: wrapped once per column width from cached word
widths and drawn line by line.

A platypus Paragraph parses markup and breaks its lines again on every pass a table makes
over it; a portfolio's tables hold thousands of cells of plain text in one font, where that
work is most of the export's time. Cells that need another font (emoji and symbols the main
font lacks) stay Paragraphs.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable


@lru_cache(maxsize=200_000)
def _width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


def _break_word(word: str, font: str, size: float, width: float) -> list[str]:
    """A word wider than the column, in pieces that fit (as Paragraph's splitLongWords)."""
    pieces: list[str] = []
    current = ""
    for character in word:
        if current and _width(current + character, font, size) > width:
            pieces.append(current)
            current = character
        else:
            current += character
    if current:
        pieces.append(current)
    return pieces


def wrap_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width``; runs of white space become one
    space and line breaks are kept, as in a Paragraph."""
    if not text.strip():
        return []
    space = _width(" ", font, size)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if not paragraph.strip():
            lines.append("")  # a blank line, as <br/><br/> gives in a Paragraph
            continue
        line: list[str] = []
        used = 0.0
        for word in paragraph.split():
            word_width = _width(word, font, size)
            if word_width > width:
                pieces = _break_word(word, font, size, width)
                if line:
                    lines.append(" ".join(line))
                lines.extend(pieces[:-1])
                line, used = [pieces[-1]], _width(pieces[-1], font, size)
                continue
            needed = word_width if not line else used + space + word_width
            if line and needed > width:
                lines.append(" ".join(line))
                line, used = [word], word_width
            else:
                line.append(word)
                used = needed
        if line:
            lines.append(" ".join(line))
    return lines


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
