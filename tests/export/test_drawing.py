"""Any text a learner types can be drawn in a figure, in every output (PNG, SVG, PDF)."""

from __future__ import annotations

import io
from xml.etree import ElementTree

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageOps
from reportlab.graphics import renderPDF

from app.export.shapes import Line, Polygon, Rect, Text
from app.exporters.drawing import to_drawing, to_png, to_svg
from app.exporters.pdf import _register_fonts

_register_fonts()


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=40))
def test_any_text_draws(text: str) -> None:
    shapes = [Rect(0, 0, 40, 20, "#ffffff", "#000000"), Text(4, 14, text, 8)]
    picture = Image.open(io.BytesIO(to_png(shapes, 120, 30, 1.0)))
    assert picture.size == (120, 30)
    assert to_svg(shapes, 120, 30, text).startswith("<svg")
    assert renderPDF.drawToString(to_drawing(shapes, 120, 30)).startswith(b"%PDF")


def test_separators_and_controls_are_drawn_as_spaces() -> None:
    spaced = to_png([Text(2, 10, "a b")], 40, 14, 3.0)
    assert spaced != to_png([Text(2, 10, "ab")], 40, 14, 3.0)
    for character in ("\x85", "\x1c", "\u2029", "\u2028", "\n", "\x00"):
        assert to_png([Text(2, 10, f"a{character}b")], 40, 14, 3.0) == spaced, repr(character)


def test_text_is_drawn_on_its_baseline_in_the_raster() -> None:
    """A label sits where the layout put it, at every scale (the DOCX and the GUI show the
    raster)."""
    for scale in (1.0, 3.0):
        picture = Image.open(io.BytesIO(to_png([Text(10, 40, "Ag", 10)], 60, 50, scale)))
        ink = ImageOps.invert(picture.convert("L")).getbbox()
        assert ink is not None
        _, top, _, bottom = ink
        # Capitals rise about 7 points above the baseline; the g's tail hangs below it.
        assert 30 * scale <= top <= 36 * scale, (scale, ink)
        assert 40 * scale < bottom <= 44 * scale, (scale, ink)


def test_the_svg_of_every_shape_is_well_formed() -> None:
    shapes = [
        Rect(0, 0, 40, 20, "#ffffff", "#000000"),
        Rect(2, 2, 10, 10, "#eeeeee"),
        Polygon(((0, 0), (10, 0), (5, 8)), "#cccccc", "#000000"),
        Polygon(((0, 0), (10, 0), (5, 8)), "#cccccc"),
        Line(0, 0, 40, 20),
        Line(0, 20, 40, 0, dashed=True),
        Text(4, 14, "Tom & Jerry <plain>", 8),
        Text(4, 18, "heading", 8, bold=True),
    ]
    root = ElementTree.fromstring(to_svg(shapes, 120, 30, 'a "quoted" & <tagged> figure'))
    assert root.get("aria-label") == 'a "quoted" & <tagged> figure'
    solid, dashed = root.findall("{http://www.w3.org/2000/svg}line")
    assert solid.get("stroke-dasharray") is None
    assert dashed.get("stroke-dasharray") == "4 3"
    plain, bold = root.findall("{http://www.w3.org/2000/svg}text")
    assert (plain.text, plain.get("font-weight")) == ("Tom & Jerry <plain>", None)
    assert (bold.text, bold.get("font-weight")) == ("heading", "bold")


def test_bold_text_is_drawn_bolder_in_a_picture() -> None:
    """The charts in a Word file are pictures: their bold headings must be bold there too."""

    def ink(bold: bool) -> int:
        png = to_png([Text(4, 20, "Weighted totals", 12, "#000000", "start", bold)], 140, 30, 2)
        grey = Image.open(io.BytesIO(png)).convert("L")
        return sum(grey.histogram()[:128])  # pixels darker than mid-grey

    assert ink(True) > 1.15 * ink(False) > 0
